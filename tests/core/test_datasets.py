import numpy as np
import pytest

from dlviz.core.datasets import (
    DATASETS, HILL, VALLEY, gaussian_blobs, hill_and_valley, hill_and_valley_height, noisy_line, noisy_neg_log, tilted_plane,
    noisy_quadratic, quadratic_at, spiral, train_test_split, two_moons, two_rings, wavy_curve, xor_quadrants,
)

REGRESSION = {
    noisy_quadratic: (20, -3, 3, lambda x: x**2),
    noisy_neg_log: (200, 1, 100, lambda x: -np.log(x)),
    noisy_line: (50, -5, 5, lambda x: 2 * x + 1),
    wavy_curve: (200, -3, 3, lambda x: np.sin(3 * x)),
}


@pytest.mark.parametrize("generate", REGRESSION, ids=lambda f: f.__name__)
def test_regression_set_is_the_curve_plus_noise(generate):
    size, low, high, curve = REGRESSION[generate]
    x, y = generate()
    np.testing.assert_allclose(x, np.linspace(low, high, size))
    assert y.shape == (size,)
    assert 0 < np.std(y - curve(x))
    x_clean, y_clean = generate(noise=0.0)
    np.testing.assert_allclose(y_clean, curve(x_clean))


@pytest.mark.parametrize("generate", REGRESSION, ids=lambda f: f.__name__)
def test_regression_set_is_deterministic(generate):
    np.testing.assert_array_equal(generate(seed=3)[1], generate(seed=3)[1])
    assert not np.allclose(generate(seed=3)[1], generate(seed=4)[1])


def test_noisy_quadratic_matches_the_seed_notebook_size_and_spread():
    x, y = noisy_quadratic(size=2000, noise=1.0)
    assert np.std(y - x**2) == pytest.approx(1.0, abs=0.05)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_classification_set_shape_labels_and_balance(name):
    points, labels = DATASETS[name](size=400, seed=5)
    assert points.shape == (400, 2) and points.dtype == float
    assert labels.shape == (400,) and labels.dtype.kind == "i"
    assert set(labels) == {0, 1}
    assert np.sum(labels == 1) == 200
    assert np.all(np.abs(points) < 7.5)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_classification_set_odd_size_is_split_as_evenly_as_possible(name):
    _, labels = DATASETS[name](size=7, seed=5)
    assert list(labels) == [0, 0, 0, 0, 1, 1, 1]


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_classification_set_is_deterministic(name):
    generate = DATASETS[name]
    np.testing.assert_array_equal(generate(size=50, seed=1)[0], generate(size=50, seed=1)[0])
    assert not np.allclose(generate(size=50, seed=1)[0], generate(size=50, seed=2)[0])


def test_two_rings_without_noise_lie_on_their_circles():
    points, labels = two_rings(size=100, noise=0.0, outer_radius=5.0, inner_radius=2.0)
    radius = np.hypot(points[:, 0], points[:, 1])
    np.testing.assert_allclose(radius, np.where(labels == 0, 5.0, 2.0))


def test_xor_labels_follow_the_sign_of_x_times_y():
    points, labels = xor_quadrants(size=200, noise=0.0)
    np.testing.assert_array_equal(labels, (points[:, 0] * points[:, 1] > 0).astype(int))


def test_blobs_sit_around_their_centres():
    points, labels = gaussian_blobs(size=2000, noise=1.0)
    np.testing.assert_allclose(points[labels == 0].mean(axis=0), [-2, -2], atol=0.1)
    np.testing.assert_allclose(points[labels == 1].mean(axis=0), [2, 2], atol=0.1)


def test_spiral_arms_follow_their_formula():
    points, labels = spiral(size=400, noise=0.0, turns=1.5)
    radius = np.hypot(points[:, 0], points[:, 1])
    expected_angle = 2 * np.pi * 1.5 * radius / 5 + np.pi * labels
    np.testing.assert_allclose(np.cos(expected_angle), points[:, 0] / radius, atol=1e-9)
    np.testing.assert_allclose(np.sin(expected_angle), points[:, 1] / radius, atol=1e-9)
    assert radius.max() <= 5.0


def test_moons_lie_on_their_half_circles():
    points, labels = two_moons(size=400, noise=0.0)
    turned = np.where(labels == 0, 1.0, -1.0)[:, None] * points / 3  # class 1 turned back up
    np.testing.assert_allclose(np.hypot(turned[:, 0] + 0.5, turned[:, 1] + 0.25), 1.0)
    assert np.all(turned[:, 1] + 0.25 >= 0)


def test_train_test_split_partitions_rows_and_keeps_pairs():
    inputs = np.arange(20.0).reshape(10, 2)
    targets = np.arange(10)
    train_in, train_t, test_in, test_t = train_test_split(inputs, targets, test_fraction=0.3, seed=1)
    assert len(test_in) == 3 and len(train_in) == 7
    assert sorted(np.concatenate([train_t, test_t])) == list(range(10))
    np.testing.assert_array_equal(train_in[:, 0], 2 * train_t)
    np.testing.assert_array_equal(test_in[:, 0], 2 * test_t)
    assert train_t.dtype.kind == "i"


def test_train_test_split_is_deterministic():
    x, y = noisy_line()
    first, again = train_test_split(x, y, seed=7), train_test_split(x, y, seed=7)
    for a, b in zip(first, again):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], train_test_split(x, y, seed=8)[0])


def test_quadratic_at_is_x_squared_plus_seeded_noise():
    x = np.array([-1.0, 0.0, 2.0])
    assert np.array_equal(quadratic_at(x, seed=3, noise=0.0), x**2)
    assert np.array_equal(quadratic_at(x, seed=3), quadratic_at(x, seed=3))
    assert not np.array_equal(quadratic_at(x, seed=3), quadratic_at(x, seed=4))
    np.testing.assert_array_equal(noisy_quadratic(size=7, seed=5)[1], quadratic_at(np.linspace(-3, 3, 7), seed=5))


def test_adding_an_x_keeps_the_earlier_values():
    assert np.array_equal(quadratic_at([1.0, 2.0, 5.0], seed=7)[:2], quadratic_at([1.0, 2.0], seed=7))


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
    np.testing.assert_array_equal(hill_and_valley(seed=1)[1], hill_and_valley(seed=1)[1])
    assert not np.allclose(hill_and_valley(seed=1)[1], hill_and_valley(seed=2)[1])


def test_the_tilted_plane_without_noise_is_a_tenth_of_x_plus_y():
    points, targets = tilted_plane(size=300, seed=4, noise=0.0)
    assert points.shape == (300, 2) and points.min() >= -5 and points.max() <= 5
    np.testing.assert_allclose(targets, 0.1 * (points[:, 0] + points[:, 1]))


def test_the_tilted_plane_with_noise_stays_within_minus_one_to_one():
    points, targets = tilted_plane(size=300, seed=4, noise=1.5)
    assert targets.min() >= -1 and targets.max() <= 1
    assert not np.allclose(targets, 0.1 * points.sum(axis=1))
