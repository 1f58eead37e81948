"""Backpropagation for one example, keeping every number on the way.

network.backward does the same sums for a whole batch at once; this trace keeps
each intermediate value (every z, every activation, every ∂L/∂·) so a figure
can show them one stage at a time. With one example and layer l computing
z = a · W[l] + b[l], then a' = activation(z), the chain rule reads:

    ∂L/∂z = ∂L/∂a' · activation'(z)
    ∂L/∂W[l] = outer(a, ∂L/∂z),  ∂L/∂b[l] = ∂L/∂z
    ∂L/∂a = W[l] · ∂L/∂z          (handed down to the layer below)
"""

from typing import NamedTuple

import numpy as np

from .activations import ACTIVATIONS
from .checks import finite_array, one_of
from .losses import LOSSES, MEAN_SQUARED_ERROR
from .network import Network


class BackpropTrace(NamedTuple):
    """Every number of one forward and backward pass. Per layer l (from the first
    hidden layer to the output): pre_activations[l] (its z) and
    der_pre_activations[l] (∂L/∂z), weight_gradients[l] and bias_gradients[l].
    activations and der_activations list the inputs first and the outputs last."""

    pre_activations: list
    activations: list
    loss: float
    der_activations: list
    der_pre_activations: list
    weight_gradients: list
    bias_gradients: list


def trace_backprop(network, inputs, target, loss=MEAN_SQUARED_ERROR):
    """Run one example `inputs` (shape (n_in,)) forward through `network` and
    backpropagate `loss` against `target` (shape (n_out,), or a number for one
    output); return the BackpropTrace."""
    if not isinstance(network, Network):
        raise ValueError(f"network must be a Network, got {type(network).__name__}")
    loss = one_of("loss", loss, LOSSES)
    inputs = finite_array("inputs", inputs, ndim=1)
    if inputs.shape != (network.weights[0].shape[0],):
        raise ValueError(f"inputs must hold {network.weights[0].shape[0]} numbers, got {inputs.size}")
    target = np.atleast_1d(finite_array("target", target))
    if target.shape != network.biases[-1].shape:
        raise ValueError(f"target must hold {network.biases[-1].size} numbers, got {target.size}")

    pre_activations, activations = [], [inputs]
    for weights, biases, name in zip(network.weights, network.biases, network.activations):
        pre_activations.append(activations[-1] @ weights + biases)
        activations.append(ACTIVATIONS[name].output(pre_activations[-1]))

    count = len(network.weights)
    der_activations = [None] * (count + 1)
    der_pre_activations, weight_gradients, bias_gradients = [None] * count, [None] * count, [None] * count
    der_activations[-1] = loss.der(activations[-1], target)
    for layer in reversed(range(count)):
        activation = ACTIVATIONS[network.activations[layer]]
        der_z = der_activations[layer + 1] * activation.der(pre_activations[layer])
        der_pre_activations[layer] = der_z
        weight_gradients[layer] = np.outer(activations[layer], der_z)
        bias_gradients[layer] = der_z
        der_activations[layer] = network.weights[layer] @ der_z
    return BackpropTrace(pre_activations, activations, loss.output(activations[-1], target),
                         der_activations, der_pre_activations, weight_gradients, bias_gradients)
