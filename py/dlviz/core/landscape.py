"""Loss landscapes and the paths optimisers take across them.

The seed notebook's landscape: a line y = slope·x + intercept scored by its
mean squared error mean((y - (slope·x + intercept))²) over the data, one point
of the landscape per (slope, intercept). Beside it, a long narrow valley where
plain gradient descent zig-zags and momentum does not.
"""

from typing import NamedTuple

import numpy as np

from .checks import finite_array, in_range, one_of, positive_int, same_length
from .losses import MEAN_SQUARED_ERROR
from .optimisers import OPTIMISERS

DIVERGED_LOSS = 1e6
"""A path whose loss passes this (or stops being a number) has diverged."""

VALLEY_STEEPNESS = 50.0
"""The narrow valley curves this many times more sharply across (b) than along (a)."""


class DescentPath(NamedTuple):
    """Where an optimiser went: points (steps + 1, 2) from the start on, the loss
    at each, and whether it was stopped early for diverging."""

    points: np.ndarray
    losses: np.ndarray
    diverged: bool


def linear_loss(x, y, slope, intercept):
    """Return the mean squared error of the line slope·x + intercept on the points (x, y)."""
    x, y = _points(x, y)
    return MEAN_SQUARED_ERROR.output(slope * x + intercept, y)


def linear_loss_gradient(x, y, slope, intercept):
    """Return [d loss / d slope, d loss / d intercept] for linear_loss, by the
    chain rule: the loss's derivative by each prediction, times x or times 1."""
    x, y = _points(x, y)
    der_predictions = MEAN_SQUARED_ERROR.der(slope * x + intercept, y)
    return np.array([np.sum(der_predictions * x), np.sum(der_predictions)])


def loss_surface(x, y, slopes, intercepts):
    """Return Z with Z[i, j] = linear_loss(x, y, slopes[j], intercepts[i]): the
    landscape over a grid, rows by intercept and columns by slope (as meshgrid lays it out)."""
    x, y = _points(x, y)
    slope, intercept = np.meshgrid(finite_array("slopes", slopes, ndim=1),
                                   finite_array("intercepts", intercepts, ndim=1))
    predictions = slope[..., None] * x + intercept[..., None]
    return np.mean((y - predictions) ** 2, axis=-1)


def least_squares_line(x, y):
    """Return the (slope, intercept) at the bottom of the landscape:
    slope = cov(x, y) / var(x), intercept = mean(y) - slope · mean(x)."""
    x, y = _points(x, y)
    if np.ptp(x) == 0:
        raise ValueError("x must hold at least two different values")
    slope = np.mean((x - x.mean()) * (y - y.mean())) / np.var(x)
    return float(slope), float(y.mean() - slope * x.mean())


def descent_path(x, y, start, learning_rate, steps, optimiser="gradient_descent",
                 batch_size=None, seed=0, **hyper):
    """Follow the gradient of linear_loss from `start` = (slope, intercept) for
    `steps` steps; return a DescentPath. With batch_size=None every step uses all
    points; otherwise each uses the gradient of `batch_size` random points
    (stochastic gradient descent), drawn with `seed`."""
    x, y = _points(x, y)
    if batch_size is not None and positive_int("batch_size", batch_size) > len(x):
        raise ValueError(f"batch_size must be at most the {len(x)} points, got {batch_size}")
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))

    def gradient(point):
        rows = slice(None) if batch_size is None else rng.choice(len(x), batch_size, replace=False)
        return linear_loss_gradient(x[rows], y[rows], *point)

    return follow_gradient(lambda point: linear_loss(x, y, *point), gradient,
                           start, learning_rate, steps, optimiser, **hyper)


def narrow_valley(point):
    """Return the valley's height at point = (a, b): ½ (a² + VALLEY_STEEPNESS · b²)."""
    a, b = point
    return float(0.5 * (a**2 + VALLEY_STEEPNESS * b**2))


def narrow_valley_gradient(point):
    """Return the valley's gradient at point = (a, b): (a, VALLEY_STEEPNESS · b)."""
    a, b = point
    return np.array([a, VALLEY_STEEPNESS * b])


def valley_path(start, learning_rate, steps, optimiser="gradient_descent", **hyper):
    """Follow the gradient of narrow_valley from `start` = (a, b); return a DescentPath."""
    return follow_gradient(narrow_valley, narrow_valley_gradient,
                           start, learning_rate, steps, optimiser, **hyper)


def follow_gradient(loss, gradient, start, learning_rate, steps, optimiser="gradient_descent", **hyper):
    """Take `steps` optimiser steps from the 2-D point `start`, using the functions
    loss(point) and gradient(point); return a DescentPath. Stops early, with
    diverged=True, once the loss passes DIVERGED_LOSS or is no longer a number,
    leaving that point out so every number returned is finite."""
    optimiser = one_of("optimiser", optimiser, OPTIMISERS)
    learning_rate = in_range("learning_rate", learning_rate, 0, np.inf)
    point = finite_array("start", start, ndim=1)
    if point.shape != (2,):
        raise ValueError(f"start must hold 2 numbers, got {point.size}")
    state = optimiser.init([point])
    points, losses = [point], [loss(point)]
    diverged = False
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging step may overflow; caught below
        for _ in range(positive_int("steps", steps, minimum=0)):
            [point], state = optimiser.update([point], [gradient(point)], state, learning_rate, **hyper)
            value = loss(point) if np.all(np.isfinite(point)) else np.inf
            if not value <= DIVERGED_LOSS:
                diverged = True
                break
            points.append(point)
            losses.append(value)
    return DescentPath(np.array(points), np.array(losses), diverged)


def _points(x, y):
    x, y = finite_array("x", x, ndim=1), finite_array("y", y, ndim=1)
    same_length("x", x, "y", y)
    return x, y
