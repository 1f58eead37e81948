"""Vanishing gradients: how much of the learning signal reaches a deep network's
first layer.

Backpropagation multiplies the error signal, layer by layer on its way down, by
each layer's weights and by its activation's slope. A sigmoid's slope is at most
1/4, so through many sigmoid layers the signal shrinks roughly geometrically:
the first layers barely learn (Hochreiter 1991; Bengio, Simard and Frasconi 1994).
"""

import numpy as np

from .checks import positive_int
from .datasets import gaussian_blobs
from .network import backward, init_network


def layer_gradient_norms(depth, activation="sigmoid", width=16, size=64, seed=19750):
    """Return the size (Frobenius norm) of the loss's gradient by each layer's
    weights, first layer first, for a new network of `depth` hidden layers of
    `width` neurons with `activation`, and a sigmoid output, on `size` points of
    the two-blob data; network and data both drawn with `seed`."""
    depth = positive_int("depth", depth)
    network = init_network([2] + [positive_int("width", width)] * depth + [1], seed=seed,
                           hidden_activation=activation, output_activation="sigmoid")
    points, labels = gaussian_blobs(size=size, seed=seed)
    weight_gradients, _ = backward(network, points, labels)
    return np.array([np.linalg.norm(gradient) for gradient in weight_gradients])


def first_layer_gradient_norms(max_depth, activation="sigmoid", width=16, size=64, seed=19750):
    """Return, for depth = 1 … `max_depth`, the gradient norm at the first layer
    of layer_gradient_norms(depth, …): how the signal fades as layers are added."""
    max_depth = positive_int("max_depth", max_depth)
    return np.array([
        layer_gradient_norms(depth, activation, width, size, seed)[0] for depth in range(1, max_depth + 1)
    ])
