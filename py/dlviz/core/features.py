"""The playground's input features: columns computed from 2-D points (x, y),
so a network can be handed x², sin x, … instead of discovering them itself."""

import numpy as np

from .checks import finite_array, one_of

FEATURES = {
    "x": lambda points: points[:, 0],
    "y": lambda points: points[:, 1],
    "x²": lambda points: points[:, 0] ** 2,
    "y²": lambda points: points[:, 1] ** 2,
    "xy": lambda points: points[:, 0] * points[:, 1],
    "sin x": lambda points: np.sin(points[:, 0]),
    "sin y": lambda points: np.sin(points[:, 1]),
}
"""Feature name -> function(points of shape (n, 2)) -> column of shape (n,)."""


def feature_matrix(points, names):
    """Return the features `names` (keys of FEATURES) of `points` (shape (n, 2))
    as the columns of an (n, len(names)) array."""
    points = finite_array("points", points, ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"points must have 2 columns (x, y), got {points.shape[1]}")
    if isinstance(names, str) or len(names) == 0:
        raise ValueError(f"names must be a non-empty list of feature names, got {names!r}")
    return np.column_stack([one_of("feature", name, FEATURES)(points) for name in names])
