import warnings

import numpy as np
import pytest

from dlviz.core.activations import SIGMOID
from dlviz.core.losses import (
    BINARY_CROSS_ENTROPY, L1, L2, LOSSES, MEAN_SQUARED_ERROR, NO_PENALTY, PENALTIES, mean_squared_error,
)

PREDICTIONS = np.array([[0.2], [0.9], [0.55], [0.05]])
LOGITS = np.array([[-1.4], [2.2], [0.2], [-2.9]])
TARGETS = np.array([[0.0], [1.0], [1.0], [0.0]])
WEIGHTS = np.array([[0.4, -1.3], [2.0, -0.25]])
SATURATED = np.array([[-50.0], [-20.0], [20.0], [50.0]])


def _numeric_gradient(f, values, h=1e-6):
    gradient = np.zeros_like(values)
    for index in np.ndindex(values.shape):
        step = np.zeros_like(values)
        step[index] = h
        gradient[index] = (f(values + step) - f(values - step)) / (2 * h)
    return gradient


@pytest.mark.parametrize("loss, values", [(MEAN_SQUARED_ERROR, PREDICTIONS), (BINARY_CROSS_ENTROPY, LOGITS)])
def test_loss_der_matches_finite_differences(loss, values):
    numeric = _numeric_gradient(lambda v: loss.output(v, TARGETS), values)
    np.testing.assert_allclose(loss.der(values, TARGETS), numeric, rtol=1e-5)


@pytest.mark.parametrize("targets", [TARGETS, 1 - TARGETS])
def test_cross_entropy_is_exact_at_saturated_logits(targets):
    # at ±20 and ±50 the loss is |z| when wrong and e^-|z| when right, and its
    # derivative (σ(z) - t) / n is about ±1/4 when wrong, however far z saturates
    der = BINARY_CROSS_ENTROPY.der(SATURATED, targets)
    exact = np.where(targets == 1, -SIGMOID.output(-SATURATED), SIGMOID.output(SATURATED))  # σ(z) - t
    np.testing.assert_allclose(der, exact / 4, rtol=1e-15)
    for z, t, d in zip(SATURATED, targets, der):  # one logit at a time, so no term hides another
        numeric = _numeric_gradient(lambda value: BINARY_CROSS_ENTROPY.output(value, t), z, h=1e-4)
        np.testing.assert_allclose(d * 4, numeric, rtol=1e-6, atol=1e-30)
    wrong = (SATURATED > 0) != (targets == 1)
    np.testing.assert_allclose(np.abs(der[wrong]), 0.25, rtol=1e-8)


def test_cross_entropy_from_logits_is_the_textbook_formula():
    p = SIGMOID.output(LOGITS)
    textbook = -np.mean(TARGETS * np.log(p) + (1 - TARGETS) * np.log(1 - p))
    assert BINARY_CROSS_ENTROPY.output(LOGITS, TARGETS) == pytest.approx(textbook, rel=1e-12)
    # the derivative by the logits is the textbook chain: dL/dp · dp/dz
    chained = (p - TARGETS) / (p * (1 - p)) / 4 * p * (1 - p)
    np.testing.assert_allclose(BINARY_CROSS_ENTROPY.der(LOGITS, TARGETS), chained, rtol=1e-12)


def test_cross_entropy_stays_finite_and_quiet_at_any_logit():
    logits, targets = np.array([-1e300, 1e300]), np.array([1.0, 0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = BINARY_CROSS_ENTROPY.output(logits, targets)
        der = BINARY_CROSS_ENTROPY.der(logits, targets)
    assert value == pytest.approx(1e300)
    np.testing.assert_allclose(der, [-0.5, 0.5])


def test_only_cross_entropy_reads_logits():
    assert BINARY_CROSS_ENTROPY.activation == "sigmoid" and MEAN_SQUARED_ERROR.activation is None


@pytest.mark.parametrize("name", ["l1", "l2"])
def test_penalty_der_matches_finite_differences(name):
    penalty = PENALTIES[name]
    numeric = _numeric_gradient(penalty.output, WEIGHTS)
    np.testing.assert_allclose(penalty.der(WEIGHTS), numeric, rtol=1e-5)


def test_known_values():
    assert MEAN_SQUARED_ERROR.output(np.array([1.0, 2.0]), np.zeros(2)) == pytest.approx(2.5)
    assert BINARY_CROSS_ENTROPY.output(np.array([0.0]), np.array([1.0])) == pytest.approx(np.log(2))
    assert L1.output(np.array([1.0, -2.0])) == pytest.approx(3.0)
    assert L2.output(np.array([1.0, -2.0])) == pytest.approx(2.5)
    assert NO_PENALTY.output(WEIGHTS) == 0.0 and np.all(WEIGHTS + NO_PENALTY.der(WEIGHTS) == WEIGHTS)
    assert set(LOSSES) == {"mean_squared_error", "binary_cross_entropy"}


def test_mean_squared_error_by_hand():
    assert mean_squared_error([1, 2, 3], [1, 3, 5]) == pytest.approx(5 / 3)
    with pytest.raises(ValueError, match="targets and predictions must have the same shape"):
        mean_squared_error([1.0, 2.0], [[1.0], [2.0]])
