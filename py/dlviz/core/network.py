"""A small fully connected network: weights per layer as numpy arrays, the
forward pass, backpropagation, and one training step.

Layer l turns activations a (one row per example) into z = a · W[l] + b[l]
(its pre-activations) and then into activation(z).
"""

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .checks import finite_array, in_range, one_of, positive_int, same_length
from .losses import BINARY_CROSS_ENTROPY, LOSSES, PENALTIES
from .optimisers import OPTIMISERS


@dataclass(frozen=True, eq=False)  # eq=False: arrays have no single truth value to compare by
class Network:
    """Per layer l: weights[l] of shape (n_in, n_out), biases[l] of shape (n_out,),
    and the name of its activation (hidden layers first, output layer last)."""

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    activations: list[str]


def init_network(layer_sizes, seed=0, hidden_activation="tanh", output_activation="sigmoid"):
    """Return a new Network with `layer_sizes` like [2, 8, 8, 1] (inputs first,
    outputs last): weights drawn from Normal(0, √(2 / (n_in + n_out))) (Glorot),
    biases zero."""
    layer_sizes = _layer_sizes(layer_sizes)
    hidden = one_of("hidden_activation", hidden_activation, ACTIVATIONS).name
    output = one_of("output_activation", output_activation, ACTIVATIONS).name
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    pairs = list(zip(layer_sizes, layer_sizes[1:]))
    return Network(
        weights=[rng.normal(0, np.sqrt(2 / (n_in + n_out)), (n_in, n_out)) for n_in, n_out in pairs],
        biases=[np.zeros(n_out) for _, n_out in pairs],
        activations=[hidden] * (len(pairs) - 1) + [output],
    )


def forward_pass(network, inputs):
    """Run `inputs` (one row per example) through the network; return
    (pre_activations, activations): the z of every layer, and the activations of
    every layer with the inputs first and the outputs last."""
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


def backward(network, inputs, targets, loss=BINARY_CROSS_ENTROPY, penalty="none", penalty_rate=0.0):
    """Backpropagation: return (weight_gradients, bias_gradients), the gradients of
    mean loss(outputs, targets) + penalty_rate · Σ_l penalty(weights[l]) (biases
    are not penalised). `loss` and `penalty` are names or Loss/Penalty tuples;
    targets may be shape (examples,) for a single output."""
    loss = one_of("loss", loss, LOSSES)
    penalty = one_of("penalty", penalty, PENALTIES)
    penalty_rate = in_range("penalty_rate", penalty_rate, 0, np.inf)
    pre_activations, activations = forward_pass(network, inputs)
    targets = _like_outputs("targets", targets, activations[-1])

    count = len(network.weights)
    weight_gradients, bias_gradients = [None] * count, [None] * count
    # der_z is d loss / d z of the layer at hand, from the output layer down
    der_z = loss.der(activations[-1], targets) * ACTIVATIONS[network.activations[-1]].der(pre_activations[-1])
    for layer in reversed(range(count)):
        weights = network.weights[layer]
        weight_gradients[layer] = activations[layer].T @ der_z + penalty_rate * penalty.der(weights)
        bias_gradients[layer] = der_z.sum(axis=0)
        if layer > 0:  # back through this layer's weights, then the activation below
            below = layer - 1
            der_z = (der_z @ weights.T) * ACTIVATIONS[network.activations[below]].der(pre_activations[below])
    return weight_gradients, bias_gradients


def minibatches(size, batch_size, seed):
    """Shuffle the row numbers 0 … size-1 and cut them into batches of
    `batch_size` (the last may be smaller); return the list of index arrays."""
    size, batch_size = positive_int("size", size), positive_int("batch_size", batch_size)
    order = np.random.default_rng(positive_int("seed", seed, minimum=0)).permutation(size)
    return [order[start:start + batch_size] for start in range(0, size, batch_size)]


def parameters(network):
    """Return all parameters as one flat list [W0, b0, W1, b1, …]."""
    return gradients_as_list(network.weights, network.biases)


def with_parameters(network, params):
    """Return a copy of `network` holding `params`, listed as parameters() lists them."""
    return Network(weights=list(params[0::2]), biases=list(params[1::2]), activations=network.activations)


def gradients_as_list(weight_gradients, bias_gradients):
    """Interleave gradients into [dW0, db0, dW1, db1, …], the order of parameters()."""
    return [array for pair in zip(weight_gradients, bias_gradients) for array in pair]


def train_step(network, inputs, targets, optimiser_state, optimiser, learning_rate,
               loss=BINARY_CROSS_ENTROPY, penalty="none", penalty_rate=0.0, **hyper):
    """Take one optimiser step on this batch; return (network, optimiser_state).
    Pass optimiser_state=None on the first step to start the optimiser afresh;
    `hyper` holds the optimiser's settings, such as beta for momentum."""
    optimiser = one_of("optimiser", optimiser, OPTIMISERS)
    learning_rate = in_range("learning_rate", learning_rate, 0, np.inf)
    params = parameters(network)
    if optimiser_state is None:
        optimiser_state = optimiser.init(params)
    grads = gradients_as_list(*backward(network, inputs, targets, loss, penalty, penalty_rate))
    params, optimiser_state = optimiser.update(params, grads, optimiser_state, learning_rate, **hyper)
    return with_parameters(network, params), optimiser_state


def accuracy(network, inputs, labels):
    """Return the fraction of examples whose label (0 or 1) the network's single
    sigmoid output gets right, reading an output >= 0.5 as class 1."""
    outputs = predict(network, inputs)
    labels = _like_outputs("labels", labels, outputs)
    return float(np.mean((outputs >= 0.5) == (labels == 1)))


def loss_value(network, inputs, targets, loss=BINARY_CROSS_ENTROPY):
    """Return the mean loss of the network's outputs against `targets`."""
    loss = one_of("loss", loss, LOSSES)
    outputs = predict(network, inputs)
    return loss.output(outputs, _like_outputs("targets", targets, outputs))


def count_operations(layer_sizes, examples):
    """Return roughly how many floating-point operations one forward and backward
    pass over `examples` takes: about 6 per parameter per example (2 forward,
    a multiply and an add; 4 backward, for the gradients of inputs and weights)."""
    layer_sizes = _layer_sizes(layer_sizes)
    count = sum((n_in + 1) * n_out for n_in, n_out in zip(layer_sizes, layer_sizes[1:]))
    return 6 * count * positive_int("examples", examples)


def _layer_sizes(layer_sizes):
    sizes = [positive_int("each of layer_sizes", size) for size in layer_sizes]
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must list at least an input and an output size, got {sizes}")
    return sizes


def _like_outputs(name, targets, outputs):
    """Targets as an array shaped like the outputs; (examples,) becomes (examples, 1)."""
    targets = finite_array(name, targets)
    same_length("inputs", outputs, name, targets)
    if targets.ndim == 1 and outputs.shape[1] == 1:
        targets = targets[:, None]
    if targets.shape != outputs.shape:
        raise ValueError(f"{name} must have shape {outputs.shape}, got {targets.shape}")
    return targets
