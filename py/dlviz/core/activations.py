"""Activation functions, each with its derivative beside it.

`output(z)` maps a layer's pre-activations z to its activations; `der(z)` is
d output / d z, written as a function of the same z.
"""

from typing import Callable, NamedTuple

import numpy as np


class Activation(NamedTuple):
    """An activation function and its derivative, both taking the pre-activation z."""

    name: str
    output: Callable[[np.ndarray], np.ndarray]
    der: Callable[[np.ndarray], np.ndarray]


def _sigmoid(z):
    """1 / (1 + e^-z), computed as e^-log(1 + e^-z) so large |z| neither overflows nor warns."""
    return np.exp(-np.logaddexp(0.0, -z))


def _tanh(z):
    """The hyperbolic tangent (e^z - e^-z) / (e^z + e^-z): from -1 to 1, 0 at z = 0."""
    return np.tanh(z)


RELU = Activation("relu", lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float))
TANH = Activation("tanh", _tanh, lambda z: 1 - np.tanh(z) ** 2)
SIGMOID = Activation("sigmoid", _sigmoid, lambda z: _sigmoid(z) * (1 - _sigmoid(z)))
LINEAR = Activation("linear", lambda z: z, np.ones_like)

ACTIVATIONS = {activation.name: activation for activation in (RELU, TANH, SIGMOID, LINEAR)}
