"""Classifiers that draw a straight line: a point p is class 1 when
w · p + b > 0 and class 0 otherwise. Two ways to find the line:

- Rosenblatt's perceptron (1958) learns it one point at a time: if it got the
  point right it changes nothing; if it got it wrong it moves the line towards
  the point, w ← w + rate · (label - prediction) · point and
  b ← b + rate · (label - prediction). When a straight line can separate the
  classes, this rule finds one in a finite number of mistakes; when none can
  (XOR), it never settles.
- Nearest centroid remembers the mean point of each class and calls a point
  by the nearer mean: its line lies halfway between the two, square to the
  segment that joins them.
"""

from typing import NamedTuple

import numpy as np

from .checks import finite_array, labels_0_or_1, number, positive_int, same_length


def line_predict(weights, bias, points):
    """Return the labels the line (weights, bias) gives `points` (n, d): 1 where w · point + b > 0, else 0."""
    points = finite_array("points", points, ndim=2)
    weights = finite_array("weights", weights, ndim=1)
    if points.shape[1] != len(weights):
        raise ValueError(f"points must have {len(weights)} columns, got {points.shape[1]}")
    return (points @ weights + number("bias", bias) > 0).astype(int)


def line_accuracy(weights, bias, points, labels):
    """Return the fraction of `points` the line (weights, bias) labels right."""
    labels = labels_0_or_1("labels", labels)
    predictions = line_predict(weights, bias, points)
    same_length("points", predictions, "labels", labels)
    return float(np.mean(predictions == labels))


def nearest_centroid(points, labels):
    """Return (weights, bias) of the line halfway between the mean point of
    class 0 (c0) and of class 1 (c1): w = c1 - c0 and b = -w · (c0 + c1) / 2, so
    that w · p + b > 0 exactly when p is nearer c1."""
    points, labels = _points_and_labels(points, labels)
    if not (np.any(labels == 0) and np.any(labels == 1)):
        raise ValueError("labels must include both classes, 0 and 1")
    centre_0, centre_1 = points[labels == 0].mean(axis=0), points[labels == 1].mean(axis=0)
    weights = centre_1 - centre_0
    return weights, float(-weights @ (centre_0 + centre_1) / 2)


class PerceptronHistory(NamedTuple):
    """The perceptron after every step: weights (steps + 1, 2), biases (steps + 1,),
    and order (steps,), the row of the point it looked at in each step."""

    weights: np.ndarray
    biases: np.ndarray
    order: np.ndarray


def train_perceptron(points, labels, steps, learning_rate=1.0, seed=0):
    """Apply the perceptron rule for `steps` steps, starting from w = 0, b = 0; each
    step looks at one point, going through the points in a shuffled order (drawn
    with `seed`) and starting the same order again when it runs out. Returns a
    PerceptronHistory with the weights and bias before the first step and after each."""
    points, labels = _points_and_labels(points, labels)
    steps = positive_int("steps", steps, minimum=0)
    learning_rate = number("learning_rate", learning_rate, above=0)
    shuffled = np.random.default_rng(positive_int("seed", seed, minimum=0)).permutation(len(points))
    order = np.resize(shuffled, steps)
    weights = np.zeros((steps + 1, points.shape[1]))
    biases = np.zeros(steps + 1)
    w, b = weights[0].copy(), 0.0
    for step, row in enumerate(order, start=1):
        w, b = _perceptron_step(w, b, points[row], labels[row], learning_rate)
        weights[step], biases[step] = w, b
    return PerceptronHistory(weights, biases, order)


def _perceptron_step(weights, bias, point, label, learning_rate):
    """The perceptron rule for one point: return the new (weights, bias). The mistake,
    label - prediction, is 0 when the line labels the point right, else -1 or +1."""
    mistake = label - float(point @ weights + bias > 0)
    return weights + learning_rate * mistake * point, bias + learning_rate * mistake


def accuracy_over_steps(history, points, labels):
    """Return the fraction of `points` labelled right by the perceptron after each
    step of `history` (a PerceptronHistory): shape (steps + 1,), before the first step first."""
    if not isinstance(history, PerceptronHistory):
        raise ValueError(f"history must be a PerceptronHistory, got {type(history).__name__}")
    points, labels = _points_and_labels(points, labels)
    scores = points @ history.weights.T + history.biases  # (points, steps + 1)
    return np.mean((scores > 0).astype(int) == labels[:, None], axis=0)


def _points_and_labels(points, labels):
    points, labels = finite_array("points", points, ndim=2), labels_0_or_1("labels", labels)
    same_length("points", points, "labels", labels)
    return points, labels
