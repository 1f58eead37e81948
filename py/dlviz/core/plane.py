"""The playground's plane: a regression surface over (x, y), and a grid of points
on which to read a network everywhere at once (its heatmaps)."""

import math

import numpy as np

from .checks import in_range, positive_int

HILL = (2.0, 2.0)
VALLEY = (-2.0, -2.0)
HILL_WIDTH = 2.0
"""The hill and the valley are bell curves of this standard deviation."""


def hill_and_valley_height(points):
    """exp(-|p - HILL|² / (2·HILL_WIDTH²)) - exp(-|p - VALLEY|² / (2·HILL_WIDTH²))
    for each row p of `points` (shape (n, 2)): about 1 at the hill, -1 at the valley."""
    points = np.asarray(points, dtype=float)
    spread = 2 * HILL_WIDTH**2
    hill = np.exp(-np.sum((points - HILL) ** 2, axis=1) / spread)
    valley = np.exp(-np.sum((points - VALLEY) ** 2, axis=1) / spread)
    return hill - valley


def hill_and_valley(size=400, seed=19750, noise=0.3):
    """A regression set: points uniform over [-5, 5]², each with the height of
    the hill and valley read at the point blurred by Normal(0, noise).
    Returns (points of shape (size, 2), targets of shape (size,)), targets within [-1, 1]."""
    size = positive_int("size", size, minimum=2)
    noise = in_range("noise", noise, 0, math.inf)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    points = rng.uniform(-5, 5, (size, 2))
    return points, hill_and_valley_height(points + rng.normal(0, noise, points.shape))


def square_grid(half_width, resolution):
    """Return (resolution², 2) points evenly over [-half_width, half_width]², x
    changing fastest: reshaped to (resolution, resolution), row r is the line at
    the r-th y from the bottom, the layout of a Bokeh image."""
    half_width = in_range("half_width", half_width, 0, math.inf)
    if half_width == 0:
        raise ValueError("half_width must be > 0, got 0")
    line = np.linspace(-half_width, half_width, positive_int("resolution", resolution, minimum=2))
    xs, ys = np.meshgrid(line, line)
    return np.column_stack([xs.ravel(), ys.ravel()])
