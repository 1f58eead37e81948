import numpy as np
import pytest

from dlviz.core.datasets import noisy_line
from dlviz.core.landscape import descent_path, linear_loss_curvatures
from dlviz.core.learning_rates import REGIMES, learning_rate_regime

X, Y = noisy_line(size=50, seed=19750)
START = [-3.0, 8.0]


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
    assert descent_path(X, Y, START, 0.13, 100).divergence is not None
    assert descent_path(X, Y, START, 0.11, 100).divergence is None


def test_every_regime_is_described():
    assert set(REGIMES) == {"too slow", "good", "oscillating", "diverging"}


def test_bad_input_raises_naming_the_parameter():
    with pytest.raises(ValueError, match="curvatures"):
        learning_rate_regime([0.0, 1.0], 0.1, 10)
    with pytest.raises(ValueError, match="learning_rate"):
        learning_rate_regime([1.0, 2.0], -0.1, 10)
    with pytest.raises(ValueError, match="budget"):
        learning_rate_regime([1.0, 2.0], 0.1, 0)
