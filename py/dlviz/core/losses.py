"""Losses (how far predictions are from targets) and penalties (how large the
weights are), each with its derivative beside it.

A loss's `output(values, targets)` is the mean over every entry, and its `der`
is the derivative of that mean with respect to each value. The values are the
network's outputs, unless the loss names an `activation`: then they are the
output layer's pre-activations z (its logits), and the loss applies that
activation itself. Binary cross-entropy does so with the sigmoid, which keeps
the pair exact however far z saturates: the loss log(1 + e^z) - t·z never forms
log 0, and its derivative is simply (σ(z) - t) / n.

A penalty's `output(weights)` is a sum over one weight array, and its `der` the
derivative with respect to each weight.
"""

from typing import Callable, NamedTuple, Optional

import numpy as np

from .activations import SIGMOID
from .checks import finite_array


class Loss(NamedTuple):
    """A mean loss and its derivative by the values it reads: the outputs, or the
    logits z when `activation` names the output activation the loss applies itself."""

    name: str
    activation: Optional[str]
    output: Callable[[np.ndarray, np.ndarray], float]
    der: Callable[[np.ndarray, np.ndarray], np.ndarray]


class Penalty(NamedTuple):
    """A penalty on the size of a weight array, and its derivative by the weights."""

    name: str
    output: Callable[[np.ndarray], float]
    der: Callable[[np.ndarray], np.ndarray]


MEAN_SQUARED_ERROR = Loss(
    "mean_squared_error",
    None,
    lambda p, t: float(np.mean((p - t) ** 2)),  # mean((p - t)²), no factor 1/2
    lambda p, t: 2 * (p - t) / p.size,
)

BINARY_CROSS_ENTROPY = Loss(
    "binary_cross_entropy",
    "sigmoid",
    # -mean(t·log σ(z) + (1 - t)·log(1 - σ(z))) = mean(log(1 + e^z) - t·z), written so
    # that nothing overflows and nothing small is lost: max(z, 0) - t·z + log(1 + e^-|z|)
    lambda z, t: float(np.mean(np.maximum(z, 0.0) - t * z + np.log1p(np.exp(-np.abs(z))))),
    # (σ(z) - t) / n, as (1 - t)·σ(z) - t·σ(-z) so that a right answer's tiny remainder is kept
    lambda z, t: ((1 - t) * SIGMOID.output(z) - t * SIGMOID.output(-z)) / z.size,
)

L1 = Penalty("l1", lambda w: float(np.sum(np.abs(w))), np.sign)
L2 = Penalty("l2", lambda w: float(0.5 * np.sum(w**2)), lambda w: w)
NO_PENALTY = Penalty("none", lambda w: 0.0, lambda w: 0.0)

LOSSES = {loss.name: loss for loss in (MEAN_SQUARED_ERROR, BINARY_CROSS_ENTROPY)}
PENALTIES = {penalty.name: penalty for penalty in (L1, L2, NO_PENALTY)}


def mean_squared_error(targets, predictions):
    """Return mean((targets - predictions)²) of two arrays of the same length."""
    targets = finite_array("targets", targets)
    predictions = finite_array("predictions", predictions)
    if targets.shape != predictions.shape:
        raise ValueError(f"targets and predictions must have the same shape, got {targets.shape} and "
                         f"{predictions.shape}")
    return MEAN_SQUARED_ERROR.output(predictions, targets)
