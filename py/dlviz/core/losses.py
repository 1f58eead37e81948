"""Losses (how far predictions are from targets) and penalties (how large the
weights are), each with its derivative beside it.

A loss's `output(predictions, targets)` is the mean over every entry, and its
`der` is the derivative of that mean with respect to each prediction.
A penalty's `output(weights)` is a sum over one weight array, and its `der` the
derivative with respect to each weight.
"""

from typing import Callable, NamedTuple

import numpy as np

CLIP = 1e-7
"""Binary cross-entropy keeps predictions within [CLIP, 1 - CLIP] so log never sees 0."""


class Loss(NamedTuple):
    """A mean loss over predictions and targets, and its derivative by the predictions."""

    name: str
    output: Callable[[np.ndarray, np.ndarray], float]
    der: Callable[[np.ndarray, np.ndarray], np.ndarray]


class Penalty(NamedTuple):
    """A penalty on the size of a weight array, and its derivative by the weights."""

    name: str
    output: Callable[[np.ndarray], float]
    der: Callable[[np.ndarray], np.ndarray]


MEAN_SQUARED_ERROR = Loss(
    "mean_squared_error",
    lambda p, t: float(np.mean((p - t) ** 2)),  # mean((p - t)²), no factor 1/2
    lambda p, t: 2 * (p - t) / p.size,
)


def _clipped(p):
    return np.clip(p, CLIP, 1 - CLIP)


BINARY_CROSS_ENTROPY = Loss(
    "binary_cross_entropy",
    lambda p, t: float(-np.mean(t * np.log(_clipped(p)) + (1 - t) * np.log(1 - _clipped(p)))),
    lambda p, t: (_clipped(p) - t) / (_clipped(p) * (1 - _clipped(p))) / p.size,
)

L1 = Penalty("l1", lambda w: float(np.sum(np.abs(w))), np.sign)
L2 = Penalty("l2", lambda w: float(0.5 * np.sum(w**2)), lambda w: w)
NO_PENALTY = Penalty("none", lambda w: 0.0, np.zeros_like)

LOSSES = {loss.name: loss for loss in (MEAN_SQUARED_ERROR, BINARY_CROSS_ENTROPY)}
PENALTIES = {penalty.name: penalty for penalty in (L1, L2, NO_PENALTY)}
