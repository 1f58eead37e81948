import numpy as np
import pytest

from dlviz.core.datasets import noisy_line
from dlviz.core.descent_steps import (
    REGIMES, learning_rate_regime, linear_loss_curvatures, minibatch_gradients, steps_to_floor,
    valley_curvatures,
)
from dlviz.core.landscape import (
    descent_path, linear_loss, linear_loss_gradient, narrow_valley, valley_path,
)

X, Y = noisy_line(size=50, seed=19750)
START = [-3.0, 8.0]


def _hessian(f, point, h=1e-3):
    """Second derivatives by central differences."""
    steps = np.eye(2) * h
    return np.array([[(f(point + a + b) - f(point + a - b) - f(point - a + b) + f(point - a - b)) / (4 * h * h)
                      for b in steps] for a in steps])


def test_linear_loss_curvatures_are_the_hessians_eigenvalues():
    hessian = _hessian(lambda p: linear_loss(X, Y, *p), np.array([0.3, -0.7]))
    np.testing.assert_allclose(linear_loss_curvatures(X), np.linalg.eigvalsh(hessian), rtol=1e-5)


def test_linear_loss_curvatures_by_hand():
    # x symmetric about 0: the Hessian is diagonal, 2·mean(x²) and 2
    np.testing.assert_allclose(linear_loss_curvatures([-1.0, 1.0]), [2.0, 2.0])
    np.testing.assert_allclose(linear_loss_curvatures([-2.0, 0.0, 2.0]), [2.0, 2 * 8 / 3])


def test_valley_curvatures_match_its_hessian():
    np.testing.assert_allclose(valley_curvatures(), np.linalg.eigvalsh(_hessian(narrow_valley, np.zeros(2))),
                               rtol=1e-6)


@pytest.mark.parametrize("rate, regime", [
    (0.004, "too slow"), (0.03, "good"), (0.08, "oscillating"), (0.13, "diverging"),
])
def test_regime_of_the_lines_landscape(rate, regime):
    assert learning_rate_regime(linear_loss_curvatures(X), rate, 100) == regime


def test_regime_boundaries_follow_the_steepest_curvature():
    curvatures = [1.0, 10.0]
    assert learning_rate_regime(curvatures, 0.1, 1000) == "good"  # 1 - 0.1·10 = 0: one step across
    assert learning_rate_regime(curvatures, 0.1001, 1000) == "oscillating"
    assert learning_rate_regime(curvatures, 0.2, 1000) == "diverging"  # factor exactly −1: never settles
    assert learning_rate_regime(curvatures, 0.1, 10) == "too slow"  # 0.9¹⁰ = 0.35 of the way left


def test_regimes_match_what_the_paths_do():
    curvatures = linear_loss_curvatures(X)
    slow = descent_path(X, Y, START, 0.004, 100)
    assert learning_rate_regime(curvatures, 0.004, 100) == "too slow"
    assert slow.losses[-1] > 1.1 * slow.losses.min() or abs(slow.points[-1, 1] - 0.76) > 1
    wobbly = descent_path(X, Y, START, 0.08, 30).points[:, 0] - np.polyfit(X, Y, 1)[0]
    assert np.all(wobbly[5:-1] * wobbly[6:] < 0)  # the slope lands on alternate sides
    assert descent_path(X, Y, START, 0.13, 100).diverged
    assert not descent_path(X, Y, START, 0.11, 100).diverged


def test_every_regime_is_described():
    assert set(REGIMES) == {"too slow", "good", "oscillating", "diverging"}


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


def test_minibatch_gradients_are_seeded():
    a = minibatch_gradients(X, Y, START, 3, 5, seed=2)
    np.testing.assert_array_equal(a, minibatch_gradients(X, Y, START, 3, 5, seed=2))
    assert not np.array_equal(a, minibatch_gradients(X, Y, START, 3, 5, seed=3))


def test_bad_input_raises_naming_the_parameter():
    with pytest.raises(ValueError, match="curvatures"):
        learning_rate_regime([0.0, 1.0], 0.1, 10)
    with pytest.raises(ValueError, match="learning_rate"):
        learning_rate_regime([1.0, 2.0], -0.1, 10)
    with pytest.raises(ValueError, match="budget"):
        learning_rate_regime([1.0, 2.0], 0.1, 0)
    with pytest.raises(ValueError, match="batch_size"):
        minibatch_gradients(X, Y, START, 51, 3)
    with pytest.raises(ValueError, match="point"):
        minibatch_gradients(X, Y, [1.0, 2.0, 3.0], 5, 3)
    with pytest.raises(ValueError, match="losses"):
        steps_to_floor([], 0.1)
    with pytest.raises(ValueError, match="x"):
        linear_loss_curvatures([[1.0]])
