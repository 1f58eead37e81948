"""Rosenblatt's perceptron (1958): one neuron with a step for an activation, and
its learning rule.

The perceptron calls a point (x, y) class 1 when w · (x, y) + b > 0 and class 0
otherwise. It learns one point at a time: if it got the point right it changes
nothing; if it got it wrong it moves the line towards the point,
w ← w + rate · (label - prediction) · point and b ← b + rate · (label - prediction).
When a straight line can separate the classes, this rule finds one in a finite
number of mistakes; when none can (XOR), it never settles.
"""

from typing import NamedTuple

import numpy as np

from .checks import finite_array, in_range, positive_int, same_length


class PerceptronHistory(NamedTuple):
    """The perceptron after every step: weights (steps + 1, 2), biases (steps + 1,),
    and order (steps,), the row of the point it looked at in each step."""

    weights: np.ndarray
    biases: np.ndarray
    order: np.ndarray


def perceptron_predict(weights, bias, points):
    """Return the perceptron's labels for `points` (n, 2): 1 where w · point + b > 0, else 0."""
    points = finite_array("points", points, ndim=2)
    weights = finite_array("weights", weights, ndim=1)
    if points.shape[1] != len(weights):
        raise ValueError(f"points must have {len(weights)} columns, got {points.shape[1]}")
    return (points @ weights + float(bias) > 0).astype(int)


def train_perceptron(points, labels, steps, learning_rate=1.0, seed=0):
    """Apply the perceptron rule for `steps` steps, starting from w = 0, b = 0; each
    step looks at one point, going through the points in a shuffled order (drawn
    with `seed`) and starting the same order again when it runs out. Returns a
    PerceptronHistory with the weights and bias before the first step and after each."""
    points = finite_array("points", points, ndim=2)
    labels = finite_array("labels", labels, ndim=1)
    same_length("points", points, "labels", labels)
    if not np.all((labels == 0) | (labels == 1)):
        raise ValueError("labels must be 0 or 1")
    steps = positive_int("steps", steps, minimum=0)
    learning_rate = in_range("learning_rate", learning_rate, 0, np.inf)
    shuffled = np.random.default_rng(positive_int("seed", seed, minimum=0)).permutation(len(points))
    order = np.resize(shuffled, steps)
    weights = np.zeros((steps + 1, points.shape[1]))
    biases = np.zeros(steps + 1)
    w, b = weights[0].copy(), 0.0
    for step, row in enumerate(order, start=1):
        mistake = labels[row] - float(points[row] @ w + b > 0)  # -1, 0 or +1
        w = w + learning_rate * mistake * points[row]
        b = b + learning_rate * mistake
        weights[step], biases[step] = w, b
    return PerceptronHistory(weights, biases, order)


def boundary_segment(weights, bias, low, high):
    """Return ((x0, x1), (y0, y1)): the ends of the line w · (x, y) + b = 0 where
    it crosses the square [low, high]², to draw it; ((), ()) if w is zero (no line).
    Takes x from low to high when the line is flatter than a diagonal, y otherwise,
    so neither end runs off to infinity."""
    w0, w1 = finite_array("weights", weights, ndim=1)
    bias, low, high = float(bias), float(low), float(high)
    if w0 == 0 and w1 == 0:
        return (), ()
    if abs(w1) >= abs(w0):
        return (low, high), (-(w0 * low + bias) / w1, -(w0 * high + bias) / w1)
    return (-(w1 * low + bias) / w0, -(w1 * high + bias) / w0), (low, high)


def accuracy_over_steps(history, points, labels):
    """Return the fraction of `points` labelled right by the perceptron after each
    step of `history` (a PerceptronHistory): shape (steps + 1,), before the first step first."""
    points = finite_array("points", points, ndim=2)
    labels = finite_array("labels", labels, ndim=1)
    same_length("points", points, "labels", labels)
    scores = points @ history.weights.T + history.biases  # (points, steps + 1)
    return np.mean((scores > 0).astype(int) == labels[:, None], axis=0)
