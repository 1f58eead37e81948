"""Distribution shift: a classifier trained on the scenes of one city, tested
on another city whose scenes look a little different.

A city's scenes are the course's two blobs (datasets.gaussian_blobs): two round
clouds of points, one per class, in a plane of two made-up features (say, how
bright a scene is and how it is shaped). Another city is the same kind of data
with every point moved `shift` along the first feature: the same scenes seen
darker, or through an orange haze. The labels do not change; only what the
inputs look like does. The classifier is a straight line, learned from the
training city (line_classifiers.nearest_centroid).
"""

import numpy as np

from .checks import finite_array, number
from .datasets import gaussian_blobs
from .line_classifiers import line_accuracy


def city_scenes(shift=0.0, size=400, seed=2020, noise=1.0):
    """Return (points, labels): gaussian_blobs(size, seed, noise) with every point
    moved `shift` along the first feature; shift 0 is data like the training city's."""
    points, labels = gaussian_blobs(size=size, seed=seed, noise=noise)
    return points + np.array([number("shift", shift), 0.0]), labels


def accuracy_under_shift(weights, bias, shifts, size=400, seed=2020, noise=1.0):
    """Return, for each of `shifts`, the line (weights, bias)'s accuracy on
    city_scenes(shift, size, seed, noise): the same scenes, moved further and further."""
    shifts = finite_array("shifts", shifts, ndim=1)
    return np.array([line_accuracy(weights, bias, *city_scenes(shift, size, seed, noise)) for shift in shifts])
