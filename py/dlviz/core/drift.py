"""Distribution shift: a model trained on data from one place, tested on data
from another that looks a little different.

The training "city" is two round clouds of points, one per class (the course's
gaussian_blobs). A shifted city is the same kind of data with every point moved
by `shift` along the x axis: the same scenes seen through, say, an orange haze.
The labels do not change; only what the inputs look like does.
"""

import math

import numpy as np

from .checks import finite_array, in_range, positive_int, same_length
from .datasets import gaussian_blobs
from .network import accuracy, init_network, train_step


def shifted_city(shift, size=400, seed=2020, noise=1.0):
    """Return (points, labels) from gaussian_blobs(size, seed, noise) with every
    point moved `shift` along x; shift 0 is data like the training city's."""
    shift = in_range("shift", shift, -math.inf, math.inf)
    points, labels = gaussian_blobs(size=size, seed=seed, noise=noise)
    return points + np.array([shift, 0.0]), labels


def train_line_classifier(points, labels, steps=200, learning_rate=0.5, seed=0):
    """Train a one-layer network (a sigmoid of a·x + b·y + c: a straight boundary)
    on `points` (n, 2) and `labels` (0 or 1) by full-batch gradient descent on
    binary cross-entropy for `steps` steps; return the Network."""
    points = finite_array("points", points, ndim=2)
    labels = finite_array("labels", labels, ndim=1)
    same_length("points", points, "labels", labels)
    network, state = init_network([2, 1], seed=seed, output_activation="sigmoid"), None
    for _ in range(positive_int("steps", steps)):
        network, state = train_step(network, points, labels, state, "gradient_descent", learning_rate)
    return network


def accuracy_under_shift(network, shifts, size=400, seed=2020, noise=1.0):
    """Return the network's accuracy on shifted_city(shift, size, seed, noise)
    for each of `shifts`, as an array: the same test points, moved further and further."""
    shifts = finite_array("shifts", shifts, ndim=1)
    return np.array([accuracy(network, *shifted_city(shift, size, seed, noise)) for shift in shifts])


def boundary_line(network, x):
    """Return the y values of a one-layer network's boundary a·x + b·y + c = 0
    (where its output is 0.5) at `x`: y = -(a·x + c) / b."""
    x = finite_array("x", x, ndim=1)
    (a,), (b,) = network.weights[0]
    if b == 0:
        raise ValueError("network's boundary is vertical: it has no y for each x")
    return -(a * x + network.biases[0][0]) / b
