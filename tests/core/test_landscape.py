import numpy as np
import pytest

from dlviz.core.datasets import noisy_line
from dlviz.core.landscape import (
    DIVERGED_LOSS, descent_path, least_squares_line, linear_loss, linear_loss_gradient,
    loss_surface, narrow_valley, narrow_valley_gradient, valley_path,
)

X, Y = noisy_line(size=50, seed=19750)
START = [-5.0, 8.0]


def _numeric_gradient(f, point, h=1e-6):
    return np.array([(f(point + step) - f(point - step)) / (2 * h) for step in np.eye(2) * h])


def test_linear_loss_by_hand():
    x, y = np.array([0.0, 1.0]), np.array([1.0, 3.0])
    assert linear_loss(x, y, 2.0, 1.0) == 0.0
    assert linear_loss(x, y, 0.0, 0.0) == pytest.approx((1 + 9) / 2)


def test_linear_loss_gradient_matches_finite_differences():
    point = np.array([0.7, -1.3])
    numeric = _numeric_gradient(lambda p: linear_loss(X, Y, *p), point)
    np.testing.assert_allclose(linear_loss_gradient(X, Y, *point), numeric, rtol=1e-5)


def test_valley_gradient_matches_finite_differences():
    point = np.array([-4.0, 0.6])
    np.testing.assert_allclose(narrow_valley_gradient(point), _numeric_gradient(narrow_valley, point), rtol=1e-5)


def test_least_squares_line_agrees_with_polyfit_and_is_flat():
    slope, intercept = least_squares_line(X, Y)
    np.testing.assert_allclose([slope, intercept], np.polyfit(X, Y, 1))
    np.testing.assert_allclose(linear_loss_gradient(X, Y, slope, intercept), 0.0, atol=1e-12)


def test_loss_surface_matches_the_seed_notebooks_loop():
    slopes, intercepts = np.linspace(-10, 12, 7), np.linspace(-8, 10, 5)
    expected = np.array([[linear_loss(X, Y, s, i) for s in slopes] for i in intercepts])
    np.testing.assert_allclose(loss_surface(X, Y, slopes, intercepts), expected)


def test_descent_path_shape_and_losses():
    path = descent_path(X, Y, START, learning_rate=0.05, steps=30)
    assert path.points.shape == (31, 2) and path.losses.shape == (31,)
    np.testing.assert_array_equal(path.points[0], START)
    np.testing.assert_allclose(path.losses, [linear_loss(X, Y, *p) for p in path.points])
    assert np.all(np.diff(path.losses) <= 0)


def test_zero_steps_is_just_the_start():
    path = descent_path(X, Y, START, learning_rate=0.05, steps=0)
    assert path.points.shape == (1, 2) and not path.diverged


@pytest.mark.parametrize("optimiser", ["gradient_descent", "momentum"])
def test_good_learning_rate_reaches_the_least_squares_line(optimiser):
    path = descent_path(X, Y, START, learning_rate=0.05, steps=300, optimiser=optimiser)
    assert not path.diverged
    np.testing.assert_allclose(path.points[-1], np.polyfit(X, Y, 1), atol=1e-4)


def test_too_large_learning_rate_diverges_with_finite_numbers_only():
    path = descent_path(X, Y, START, learning_rate=0.2, steps=1000)
    assert path.diverged
    assert len(path.points) < 1001
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.losses))
    assert path.losses.max() <= DIVERGED_LOSS


def test_absurd_learning_rate_diverges_at_once():
    path = descent_path(X, Y, START, learning_rate=1e200, steps=10)
    assert path.diverged and path.points.shape == (1, 2)


def test_stochastic_path_is_seeded_and_lands_near_the_line():
    minimum = linear_loss(X, Y, *least_squares_line(X, Y))
    path = descent_path(X, Y, START, learning_rate=0.02, steps=400, batch_size=10, seed=3)
    again = descent_path(X, Y, START, learning_rate=0.02, steps=400, batch_size=10, seed=3)
    other = descent_path(X, Y, START, learning_rate=0.02, steps=400, batch_size=10, seed=4)
    np.testing.assert_array_equal(path.points, again.points)
    assert not np.array_equal(path.points, other.points)
    assert path.losses[-1] < 1.2 * minimum


def _steps_to_floor(path, floor=1e-3):
    reached = np.nonzero(path.losses < floor)[0]
    return reached[0] if len(reached) else np.inf


def test_momentum_reaches_the_valley_floor_sooner_than_plain_descent():
    plain = valley_path([-9.0, 0.9], learning_rate=0.03, steps=500)
    momentum = valley_path([-9.0, 0.9], learning_rate=0.03, steps=500, optimiser="momentum", beta=0.9)
    assert _steps_to_floor(momentum) < 500
    assert _steps_to_floor(momentum) < _steps_to_floor(plain)


def test_plain_descent_zig_zags_across_the_valley():
    path = valley_path([-9.0, 0.9], learning_rate=0.03, steps=10)
    across = path.points[:, 1]
    assert np.all(across[:-1] * across[1:] < 0)  # b changes sign every step
