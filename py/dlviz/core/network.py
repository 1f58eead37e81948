"""A small fully connected network: weights per layer as numpy arrays, its
starting weights, the forward pass and backpropagation.

Layer l turns activations a (one row per example) into z = a · W[l] + b[l]
(its pre-activations) and then into activation(z).
"""

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .activations import ACTIVATIONS
from .checks import finite_array, labels_0_or_1, layer_size_list, number, one_of, positive_int, same_length
from .losses import BINARY_CROSS_ENTROPY, LOSSES, PENALTIES


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no single truth value to compare by
class Network:
    """Per layer l: weights[l] of shape (n_in, n_out), biases[l] of shape (n_out,),
    and the name of its activation (hidden layers first, output layer last)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    activations: list[str]


def init_range(activation, n_in, n_out):
    """Return r, the half-width of the uniform range U(-r, r) from which a layer of
    n_in inputs and n_out neurons applying `activation` draws its starting weights
    and biases: He's √(6 / n_in) for relu, which zeroes half of what it is given;
    Glorot's √(6 / (n_in + n_out)) for tanh, sigmoid and linear. (scikit-learn's
    MLPClassifier draws the same way, but uses Glorot's range for relu too, and
    √(2 / (n_in + n_out)) throughout a sigmoid network.)"""
    activation = one_of("activation", activation, ACTIVATIONS).name
    n_in, n_out = positive_int("n_in", n_in), positive_int("n_out", n_out)
    return float(np.sqrt(6 / n_in) if activation == "relu" else np.sqrt(6 / (n_in + n_out)))


def init_network(layer_sizes, seed=0, hidden_activation="tanh", output_activation="sigmoid"):
    """Return a new Network with `layer_sizes` like [2, 8, 8, 1] (inputs first,
    outputs last): each layer's weights, then its biases, drawn uniformly from
    ±init_range of its activation."""
    sizes = layer_size_list("layer_sizes", layer_sizes)
    hidden = one_of("hidden_activation", hidden_activation, ACTIVATIONS).name
    output = one_of("output_activation", output_activation, ACTIVATIONS).name
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    activations = [hidden] * (len(sizes) - 2) + [output]
    weights, biases = [], []
    for n_in, n_out, activation in zip(sizes, sizes[1:], activations):
        reach = init_range(activation, n_in, n_out)
        weights.append(rng.uniform(-reach, reach, (n_in, n_out)))
        biases.append(rng.uniform(-reach, reach, n_out))
    return Network(weights, biases, activations)


def forward_pass(network, inputs):
    """Run `inputs` (one row per example) through the network; return
    (pre_activations, activations): the z of every layer, and the activations of
    every layer with the inputs first and the outputs last."""
    if not isinstance(network, Network):
        raise ValueError(f"network must be a Network, got {type(network).__name__}")
    inputs = finite_array("inputs", inputs, ndim=2)
    if inputs.shape[1] != network.weights[0].shape[0]:
        raise ValueError(f"inputs must have {network.weights[0].shape[0]} columns, got {inputs.shape[1]}")
    pre_activations, activations = [], [inputs]
    for weights, biases, name in zip(network.weights, network.biases, network.activations):
        pre_activations.append(activations[-1] @ weights + biases)
        activations.append(ACTIVATIONS[name].output(pre_activations[-1]))
    return pre_activations, activations


def forward(network, inputs):
    """Return the activations of every layer, inputs first and outputs last."""
    return forward_pass(network, inputs)[1]


def predict(network, inputs):
    """Return the network's outputs, shape (examples, n_out)."""
    return forward(network, inputs)[-1]


class Backprop(NamedTuple):
    """Every number of one forward and backward pass over a batch. Per layer l
    (first hidden layer first, output layer last): pre_activations[l] (its z),
    der_outputs[l] (∂L/∂ its activations; None for the output layer when the loss
    reads the logits), der_pre_activations[l] (∂L/∂z), weight_gradients[l] and
    bias_gradients[l]. activations lists the inputs first and the outputs last,
    and loss is the mean loss plus the penalty, L."""

    pre_activations: list
    activations: list
    loss: float
    der_outputs: list
    der_pre_activations: list
    weight_gradients: list
    bias_gradients: list


def backward_pass(network, inputs, targets, loss=BINARY_CROSS_ENTROPY, penalty="none", penalty_rate=0.0):
    """Backpropagation: return the Backprop of L = mean loss(outputs, targets) +
    penalty_rate · Σ_l penalty(weights[l]) (biases are not penalised). `loss` and
    `penalty` are names or Loss/Penalty tuples; targets may be shape (examples,)
    for a single output. By the chain rule, from the output layer down:
    ∂L/∂z = ∂L/∂a · activation'(z), ∂L/∂W = aᵀ · ∂L/∂z, ∂L/∂b = Σ ∂L/∂z, and the
    layer below gets ∂L/∂a = ∂L/∂z · Wᵀ. A loss that reads the logits gives the
    output layer's ∂L/∂z itself."""
    loss = one_of("loss", loss, LOSSES)
    penalty = one_of("penalty", penalty, PENALTIES)
    penalty_rate = number("penalty_rate", penalty_rate, at_least=0)
    _check_output_activation(network, loss)
    pre_activations, activations = forward_pass(network, inputs)
    targets = _like_outputs("targets", targets, activations[-1])

    count = len(network.weights)
    der_outputs, der_z = [None] * count, [None] * count
    if loss.activation:  # the loss applies the output activation itself, exactly
        der_z[-1] = loss.der(pre_activations[-1], targets)
    else:
        der_outputs[-1] = loss.der(activations[-1], targets)
        der_z[-1] = der_outputs[-1] * ACTIVATIONS[network.activations[-1]].der(pre_activations[-1])
    for layer in reversed(range(count - 1)):  # back through the weights above, then this layer's activation
        der_outputs[layer] = der_z[layer + 1] @ network.weights[layer + 1].T
        der_z[layer] = der_outputs[layer] * ACTIVATIONS[network.activations[layer]].der(pre_activations[layer])
    weight_gradients = [activations[layer].T @ der_z[layer] + penalty_rate * penalty.der(weights)
                        for layer, weights in enumerate(network.weights)]
    value = _loss_of(loss, pre_activations[-1], activations[-1], targets)
    value += penalty_rate * sum(penalty.output(weights) for weights in network.weights)
    return Backprop(pre_activations, activations, value, der_outputs, der_z, weight_gradients,
                    [der.sum(axis=0) for der in der_z])


def backward(network, inputs, targets, loss=BINARY_CROSS_ENTROPY, penalty="none", penalty_rate=0.0):
    """Return (weight_gradients, bias_gradients) of backward_pass: one array per layer each."""
    passed = backward_pass(network, inputs, targets, loss, penalty, penalty_rate)
    return passed.weight_gradients, passed.bias_gradients


def accuracy(network, inputs, labels):
    """Return the fraction of examples whose label (0 or 1) the network's single
    sigmoid output gets right, reading an output >= 0.5 as class 1."""
    outputs = predict(network, inputs)
    labels = _like_outputs("labels", labels_0_or_1("labels", labels), outputs)
    return float(np.mean((outputs >= 0.5) == (labels == 1)))


def loss_value(network, inputs, targets, loss=BINARY_CROSS_ENTROPY):
    """Return the mean loss of the network's outputs against `targets`."""
    loss = one_of("loss", loss, LOSSES)
    _check_output_activation(network, loss)
    pre_activations, activations = forward_pass(network, inputs)
    return _loss_of(loss, pre_activations[-1], activations[-1],
                    _like_outputs("targets", targets, activations[-1]))


def count_parameters(layer_sizes):
    """Return (weights, biases) of a network with `layer_sizes`: Σ n_in · n_out
    over consecutive layers, and one bias for every neuron after the inputs."""
    sizes = layer_size_list("layer_sizes", layer_sizes)
    return sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:])), sum(sizes[1:])


def _check_output_activation(network, loss):
    if loss.activation and network.activations[-1] != loss.activation:
        raise ValueError(f"loss {loss.name} needs a {loss.activation} output layer, "
                         f"the network's is {network.activations[-1]}")


def _loss_of(loss, logits, outputs, targets):
    """The loss of a batch, read from the logits or from the outputs as the loss asks."""
    return loss.output(logits if loss.activation else outputs, targets)


def _like_outputs(name, targets, outputs):
    """Targets as an array shaped like the outputs; (examples,) becomes (examples, 1)."""
    targets = finite_array(name, targets)
    same_length("inputs", outputs, name, targets)
    if targets.ndim == 1 and outputs.shape[1] == 1:
        targets = targets[:, None]
    if targets.shape != outputs.shape:
        raise ValueError(f"{name} must have shape {outputs.shape}, got {targets.shape}")
    return targets
