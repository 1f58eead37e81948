import numpy as np
import pytest

from dlviz.core.losses import (
    BINARY_CROSS_ENTROPY, L1, L2, LOSSES, MEAN_SQUARED_ERROR, NO_PENALTY, PENALTIES,
)

PREDICTIONS = np.array([[0.2], [0.9], [0.55], [0.05]])
TARGETS = np.array([[0.0], [1.0], [1.0], [0.0]])
WEIGHTS = np.array([[0.4, -1.3], [2.0, -0.25]])


def _numeric_gradient(f, values, h=1e-6):
    gradient = np.zeros_like(values)
    for index in np.ndindex(values.shape):
        step = np.zeros_like(values)
        step[index] = h
        gradient[index] = (f(values + step) - f(values - step)) / (2 * h)
    return gradient


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_der_matches_finite_differences(name):
    loss = LOSSES[name]
    numeric = _numeric_gradient(lambda p: loss.output(p, TARGETS), PREDICTIONS)
    np.testing.assert_allclose(loss.der(PREDICTIONS, TARGETS), numeric, rtol=1e-5)


@pytest.mark.parametrize("name", ["l1", "l2"])
def test_penalty_der_matches_finite_differences(name):
    penalty = PENALTIES[name]
    numeric = _numeric_gradient(penalty.output, WEIGHTS)
    np.testing.assert_allclose(penalty.der(WEIGHTS), numeric, rtol=1e-5)


def test_known_values():
    assert MEAN_SQUARED_ERROR.output(np.array([1.0, 2.0]), np.zeros(2)) == pytest.approx(2.5)
    assert BINARY_CROSS_ENTROPY.output(np.array([0.5]), np.array([1.0])) == pytest.approx(np.log(2))
    assert L1.output(np.array([1.0, -2.0])) == pytest.approx(3.0)
    assert L2.output(np.array([1.0, -2.0])) == pytest.approx(2.5)
    assert NO_PENALTY.output(WEIGHTS) == 0.0
    np.testing.assert_array_equal(NO_PENALTY.der(WEIGHTS), np.zeros_like(WEIGHTS))


def test_cross_entropy_stays_finite_at_certain_wrong_answers():
    predictions, targets = np.array([0.0, 1.0]), np.array([1.0, 0.0])
    assert np.isfinite(BINARY_CROSS_ENTROPY.output(predictions, targets))
    assert np.all(np.isfinite(BINARY_CROSS_ENTROPY.der(predictions, targets)))
