"""Distribution shift: a classifier trained on the data of one city, tested on
another whose data sits elsewhere.

Each city's scenes are two clouds of points, one per class, in a plane of two
made-up features (say, how bright a scene is and how it is shaped). The
classifier is the simplest there is: it remembers the average point of each
class and calls a new point by the nearer average (nearest centroid).
"""

import math

import numpy as np

from .checks import finite_array, in_range, positive_int, same_length

CLASS_CENTRES = np.array([[-1.5, -1.0], [1.5, 1.0]])
"""Where the two classes' clouds sit in the training city (class 0 first)."""

SHIFT_DIRECTION = np.array([-1.0, 0.0])
"""The way another city's clouds move as the shift grows: darker scenes."""


def city_points(size=100, seed=0, shift=0.0, spread=0.8):
    """Return (points, labels) for one city: half of `size` points around each of
    CLASS_CENTRES, moved by shift · SHIFT_DIRECTION and blurred by Normal(0, spread)."""
    size = positive_int("size", size, minimum=2)
    shift = in_range("shift", shift, -math.inf, math.inf)
    spread = in_range("spread", spread, 0, math.inf)
    labels = (np.arange(size) >= size - size // 2).astype(int)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    points = CLASS_CENTRES[labels] + shift * SHIFT_DIRECTION + rng.normal(0, spread, (size, 2))
    return points, labels


def nearest_centroid(points, labels):
    """Train: return (weights, bias) of the line halfway between the mean point of
    class 0 (c0) and of class 1 (c1), w = c1 - c0 and b = -w · (c0 + c1) / 2, so
    that w · p + b > 0 exactly when p is nearer c1."""
    points = finite_array("points", points, ndim=2)
    labels = finite_array("labels", labels, ndim=1)
    same_length("points", points, "labels", labels)
    if not (np.any(labels == 0) and np.any(labels == 1)):
        raise ValueError("labels must include both classes, 0 and 1")
    centre_0, centre_1 = points[labels == 0].mean(axis=0), points[labels == 1].mean(axis=0)
    weights = centre_1 - centre_0
    return weights, float(-weights @ (centre_0 + centre_1) / 2)


def linear_accuracy(weights, bias, points, labels):
    """Return the fraction of `points` the line classifier (weights, bias) labels
    right, calling w · p + b > 0 class 1."""
    points = finite_array("points", points, ndim=2)
    labels = finite_array("labels", labels, ndim=1)
    same_length("points", points, "labels", labels)
    predictions = (points @ finite_array("weights", weights, ndim=1) + float(bias) > 0).astype(int)
    return float(np.mean(predictions == labels))
