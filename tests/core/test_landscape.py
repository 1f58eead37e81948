import numpy as np
import pytest

from dlviz.core.datasets import noisy_line
from dlviz.core.landscape import (
    DIVERGED_LOSS, VALLEY_STEEPNESS, descent_path, least_squares_line, linear_loss, linear_loss_curvatures,
    linear_loss_gradient, loss_surface, minibatch_gradients, momentum_convergence_map, narrow_valley,
    narrow_valley_gradient,
    steps_to_floor, valley_path,
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
    assert path.points.shape == (1, 2) and path.divergence is None


@pytest.mark.parametrize("optimiser", ["gradient_descent", "momentum"])
def test_good_learning_rate_reaches_the_least_squares_line(optimiser):
    path = descent_path(X, Y, START, learning_rate=0.05, steps=300, optimiser=optimiser)
    assert path.divergence is None
    np.testing.assert_allclose(path.points[-1], np.polyfit(X, Y, 1), atol=1e-4)


def test_too_large_learning_rate_diverges_with_finite_numbers_only():
    path = descent_path(X, Y, START, learning_rate=0.2, steps=1000)
    assert path.divergence.reason == "the loss passed 1,000,000"
    assert len(path.points) == len(path.losses) == path.divergence.step < 1001
    assert np.all(np.isfinite(path.points)) and np.all(np.isfinite(path.losses))
    assert path.losses.max() <= DIVERGED_LOSS


def test_absurd_learning_rate_diverges_at_once():
    path = descent_path(X, Y, START, learning_rate=1e200, steps=10)
    assert path.divergence == (1, "the loss passed 1,000,000") and path.points.shape == (1, 2)
    path = descent_path(X, Y, START, learning_rate=1e308, steps=10)
    assert path.divergence == (1, "a weight grew too large for a number to hold")


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


def _hessian(f, point, h=1e-3):
    """Second derivatives by central differences."""
    steps = np.eye(2) * h
    return np.array([[(f(point + a + b) - f(point + a - b) - f(point - a + b) + f(point - a - b)) / (4 * h * h)
                      for b in steps] for a in steps])


def test_linear_loss_curvatures_are_the_hessians_eigenvalues():
    hessian = _hessian(lambda p: linear_loss(X, Y, *p), np.array([0.3, -0.7]))
    np.testing.assert_allclose(linear_loss_curvatures(X), np.linalg.eigvalsh(hessian), rtol=1e-5)
    # x symmetric about 0: the Hessian is diagonal, 2·mean(x²) and 2
    np.testing.assert_allclose(linear_loss_curvatures([-1.0, 1.0]), [2.0, 2.0])
    np.testing.assert_allclose(linear_loss_curvatures([-2.0, 0.0, 2.0]), [2.0, 2 * 8 / 3])


def test_the_valley_is_steeper_across_than_along_by_its_steepness():
    np.testing.assert_allclose(np.linalg.eigvalsh(_hessian(narrow_valley, np.zeros(2))), [1.0, VALLEY_STEEPNESS],
                               rtol=1e-6)
    grid = np.stack(np.meshgrid([-1.0, 2.0], [0.5, 0.0, -0.3]), axis=-1)
    np.testing.assert_allclose(narrow_valley(grid), [[narrow_valley(p) for p in row] for row in grid])


def test_steps_to_floor():
    assert steps_to_floor([5.0, 3.0, 0.5, 0.1], 0.5) == 2
    assert steps_to_floor([5.0, 3.0], 0.5) is None
    path = valley_path([-8.0, 0.8], 0.038, 400)
    first = steps_to_floor(path.losses, 0.01)
    assert path.losses[first] <= 0.01 < path.losses[first - 1]


def test_minibatch_gradients_average_to_the_full_gradient():
    full = linear_loss_gradient(X, Y, *START)
    batches = minibatch_gradients(X, Y, START, 5, 4000, seed=1)
    assert batches.shape == (4000, 2)
    spread = batches.std(axis=0) / np.sqrt(len(batches))
    assert np.all(np.abs(batches.mean(axis=0) - full) < 4 * spread)
    np.testing.assert_allclose(minibatch_gradients(X, Y, START, 50, 3), [full] * 3)
    a = minibatch_gradients(X, Y, START, 3, 5, seed=2)
    np.testing.assert_array_equal(a, minibatch_gradients(X, Y, START, 3, 5, seed=2))
    assert not np.array_equal(a, minibatch_gradients(X, Y, START, 3, 5, seed=3))


def test_a_path_takes_the_optimisers_settings_and_checks_them_before_any_step():
    plain = valley_path([-9.0, 0.9], 0.03, 20)
    no_momentum = valley_path([-9.0, 0.9], 0.03, 20, optimiser="momentum", beta=0.0)
    np.testing.assert_allclose(plain.points, no_momentum.points)
    with pytest.raises(ValueError, match="beta must be >= 0 and < 1"):
        valley_path([-9.0, 0.9], 0.03, 0, optimiser="momentum", beta=1.0)
    with pytest.raises(ValueError, match="learning_rate must be a finite number"):
        descent_path(X, Y, START, float("inf"), 0)


def test_the_momentum_map_is_every_pairs_own_path_to_the_floor():
    rates, betas = np.array([0.005, 0.02, 0.038, 0.039]), np.array([0.0, 0.5, 0.7, 0.9, 0.99])
    start, steps, floor = (-8.0, 0.8), 400, 0.01
    grid = momentum_convergence_map(rates, betas, start, steps, floor)
    assert grid.shape == (4, 5)
    for i, rate in enumerate(rates):
        for j, beta in enumerate(betas):
            path = valley_path(start, rate, steps, "momentum", beta=beta)
            expected = steps_to_floor(path.losses, floor)
            assert (np.isnan(grid[i, j]) if expected is None else grid[i, j] == expected), (rate, beta)
    assert np.isnan(grid[0, 0])  # plain descent at 0.005 crawls: more than 400 steps
    assert grid[2, 2] < grid[2, 0]  # momentum 0.7 beats plain descent at the figure's rate


def test_the_momentum_map_marks_diverging_pairs_as_never_reaching_the_floor():
    grid = momentum_convergence_map([0.05], [0.0, 0.9], (-8.0, 0.8), 400, 0.01)
    # Across the valley a step multiplies b's error by about 1 - 0.05 · 50 = -1.5: plain descent diverges.
    # Momentum is stable while learning rate · 50 < 2 (1 + β): with β = 0.9, up to 0.076.
    assert np.isnan(grid[0, 0]) and valley_path((-8.0, 0.8), 0.05, 400).divergence is not None
    assert not np.isnan(grid[0, 1])


def test_the_momentum_map_checks_its_inputs():
    with pytest.raises(ValueError, match="start"):
        momentum_convergence_map([0.01], [0.5], (1.0, 2.0, 3.0), 10, 0.01)
