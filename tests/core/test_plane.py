import numpy as np
import pytest

from dlviz.core.plane import HILL, VALLEY, hill_and_valley, hill_and_valley_height, square_grid


def test_height_is_one_at_the_hill_minus_one_at_the_valley_and_zero_between():
    heights = hill_and_valley_height([HILL, VALLEY, (0.0, 0.0), (2.0, -2.0)])
    spread = 2 * 2.0**2
    tail = np.exp(-32 / spread)  # the other bump, |HILL - VALLEY|² = 32 away
    np.testing.assert_allclose(heights, [1 - tail, tail - 1, 0.0, 0.0], atol=1e-12)


def test_hill_and_valley_without_noise_is_the_surface():
    points, targets = hill_and_valley(size=300, seed=4, noise=0.0)
    assert points.shape == (300, 2) and targets.shape == (300,)
    assert np.all(np.abs(points) <= 5)
    np.testing.assert_allclose(targets, hill_and_valley_height(points))


def test_hill_and_valley_noise_blurs_the_targets_within_minus_one_to_one():
    points, targets = hill_and_valley(size=300, seed=4, noise=0.5)
    assert np.all(np.abs(targets) <= 1)
    assert np.std(targets - hill_and_valley_height(points)) > 0.01


def test_hill_and_valley_is_deterministic():
    np.testing.assert_array_equal(hill_and_valley(seed=1)[1], hill_and_valley(seed=1)[1])
    assert not np.allclose(hill_and_valley(seed=1)[1], hill_and_valley(seed=2)[1])


@pytest.mark.parametrize("kwargs, name", [
    ({"size": 1}, "size"), ({"noise": -1.0}, "noise"), ({"seed": -1}, "seed"),
])
def test_hill_and_valley_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        hill_and_valley(**kwargs)


def test_square_grid_rows_are_lines_of_constant_y_from_the_bottom():
    grid = square_grid(6.0, 4)
    assert grid.shape == (16, 2)
    xs, ys = grid[:, 0].reshape(4, 4), grid[:, 1].reshape(4, 4)
    line = np.linspace(-6, 6, 4)
    np.testing.assert_allclose(xs, np.tile(line, (4, 1)))
    np.testing.assert_allclose(ys, np.tile(line[:, None], (1, 4)))


@pytest.mark.parametrize("half_width, resolution, name", [
    (0.0, 4, "half_width"), (-1.0, 4, "half_width"), (6.0, 1, "resolution"), (6.0, 2.5, "resolution"),
])
def test_square_grid_rejects_bad_input(half_width, resolution, name):
    with pytest.raises(ValueError, match=name):
        square_grid(half_width, resolution)
