"""Loss landscapes and the paths optimisers take across them.

The seed notebook's landscape: a line y = slope·x + intercept scored by its
mean squared error mean((y - (slope·x + intercept))²) over the data, one point
of the landscape per (slope, intercept). Beside it, a long narrow valley where
plain gradient descent zig-zags and momentum does not.
"""

from typing import NamedTuple, Optional

import numpy as np

from .checks import finite_array, number, positive_int, same_length
from .losses import MEAN_SQUARED_ERROR
from .optimisers import Divergence, Diverged, checked
from .optimisers import step as optimiser_step

DIVERGED_LOSS = 1e6
"""A path whose loss passes this has diverged: it is stopped there."""

VALLEY_STEEPNESS = 50.0
"""The narrow valley curves this many times more sharply across (b) than along (a)."""


class DescentPath(NamedTuple):
    """Where an optimiser went: points (steps + 1, 2) from the start on, the loss
    at each, and, if it was stopped early, its Divergence (else None)."""

    points: np.ndarray
    losses: np.ndarray
    divergence: Optional[Divergence]


def linear_loss(x, y, slope, intercept):
    """Return the mean squared error of the line slope·x + intercept on the points (x, y)."""
    x, y = _points(x, y)
    predictions = number("slope", slope) * x + number("intercept", intercept)
    return float(np.mean((y - predictions) ** 2))


def linear_loss_gradient(x, y, slope, intercept):
    """Return [d loss / d slope, d loss / d intercept] for linear_loss, by the
    chain rule: the loss's derivative by each prediction, times x or times 1."""
    x, y = _points(x, y)
    predictions = number("slope", slope) * x + number("intercept", intercept)
    der_predictions = MEAN_SQUARED_ERROR.der(predictions, y)
    return np.array([np.sum(der_predictions * x), np.sum(der_predictions)])


def linear_loss_curvatures(x):
    """Return the curvatures of linear_loss for inputs `x`, smallest first: the
    eigenvalues of its Hessian 2·[[mean x², mean x], [mean x, 1]], the same
    everywhere because the landscape is a bowl."""
    x = finite_array("x", x, ndim=1)
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    return np.linalg.eigvalsh(hessian)


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


def minibatch_gradients(x, y, point, batch_size, count, seed=0):
    """Return `count` gradients of linear_loss at point = (slope, intercept),
    each from `batch_size` points of (x, y) drawn at random without replacement
    (with `seed`): the guesses stochastic gradient descent steps by. Their mean
    over all possible batches is the full gradient."""
    x, y = _points(x, y)
    batch_size, count = _batch_size(batch_size, len(x)), positive_int("count", count)
    slope, intercept = _pair("point", point)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    rows = [rng.choice(len(x), batch_size, replace=False) for _ in range(count)]
    return np.array([linear_loss_gradient(x[r], y[r], slope, intercept) for r in rows])


def descent_path(x, y, start, learning_rate, steps, optimiser="gradient_descent",
                 batch_size=None, seed=0, **settings):
    """Follow the gradient of linear_loss from `start` = (slope, intercept) for
    `steps` steps; return a DescentPath. With batch_size=None every step uses all
    points; otherwise each uses one of minibatch_gradients (stochastic gradient
    descent), drawn in turn with `seed`."""
    x, y = _points(x, y)
    if batch_size is None:
        def gradient(point):
            return linear_loss_gradient(x, y, *point)
    else:
        batch_size = _batch_size(batch_size, len(x))
        rng = np.random.default_rng(positive_int("seed", seed, minimum=0))

        def gradient(point):
            rows = rng.choice(len(x), batch_size, replace=False)
            return linear_loss_gradient(x[rows], y[rows], *point)

    return _follow_gradient(lambda point: linear_loss(x, y, *point), gradient,
                           start, learning_rate, steps, optimiser, **settings)


def narrow_valley(points):
    """Return the valley's height ½ (a² + VALLEY_STEEPNESS · b²) at each point
    (a, b): `points` of shape (2,) gives a number, (..., 2) an array (...)."""
    points = finite_array("points", points)
    if points.shape[-1] != 2:
        raise ValueError(f"points must end in pairs (a, b), got shape {points.shape}")
    a, b = np.moveaxis(points, -1, 0)
    return 0.5 * (a**2 + VALLEY_STEEPNESS * b**2)


def narrow_valley_gradient(point):
    """Return the valley's gradient at point = (a, b): (a, VALLEY_STEEPNESS · b)."""
    a, b = _pair("point", point)
    return np.array([a, VALLEY_STEEPNESS * b])


def valley_path(start, learning_rate, steps, optimiser="gradient_descent", **settings):
    """Follow the gradient of narrow_valley from `start` = (a, b); return a DescentPath."""
    return _follow_gradient(narrow_valley, narrow_valley_gradient,
                           start, learning_rate, steps, optimiser, **settings)


def momentum_convergence_map(learning_rates, betas, start, steps, floor):
    """The steps momentum takes from `start` = (a, b) down the narrow valley to a height at or
    below `floor`, for every pair of `learning_rates` (rows) and `betas` (columns), all at once:
    an array (len(learning_rates), len(betas)), NaN where it takes more than `steps` or diverges.
    Each cell is what steps_to_floor gives the valley_path of that pair (the map of Distill's
    "Why Momentum Really Works", Gabriel Goh, 2017)."""
    rates = finite_array("learning_rates", learning_rates, ndim=1)[:, None, None]
    betas = finite_array("betas", betas, ndim=1)[None, :, None]
    steps, floor = positive_int("steps", steps, minimum=0), number("floor", floor)
    point = np.broadcast_to(np.array(_pair("start", start)), (rates.shape[0], betas.shape[1], 2)).copy()
    velocity = np.zeros_like(point)
    steepness = np.array([1.0, VALLEY_STEEPNESS])  # the gradient is (a, VALLEY_STEEPNESS · b)
    reached = np.where(narrow_valley(point) <= floor, 0.0, np.nan)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging pair overflows: it never reaches the floor
        for step in range(1, steps + 1):
            velocity = betas * velocity + steepness * point
            point = point - rates * velocity
            height = 0.5 * (point[..., 0] ** 2 + VALLEY_STEEPNESS * point[..., 1] ** 2)
            reached[np.isnan(reached) & (height <= floor)] = step
    return reached


def _follow_gradient(loss, gradient, start, learning_rate, steps, optimiser="gradient_descent", **settings):
    """Take `steps` optimiser steps from the 2-D point `start`, using the functions
    loss(point) and gradient(point); return a DescentPath. Stops early, with a
    Divergence, once the loss passes DIVERGED_LOSS or a step overflows, leaving
    that point out so every number returned is finite."""
    optimiser, learning_rate, settings = checked(optimiser, learning_rate, settings)
    point = np.array(_pair("start", start))
    steps = positive_int("steps", steps, minimum=0)
    points, losses, state, divergence = [point], [float(loss(point))], None, None
    for step in range(1, steps + 1):
        try:
            [point], state = optimiser_step(optimiser, [point], [gradient(point)], state, learning_rate,
                                            **settings)
        except Diverged as diverged:
            divergence = Divergence(step, diverged.reason)
            break
        with np.errstate(over="ignore"):  # a loss too large to hold is infinite: past DIVERGED_LOSS
            value = float(loss(point))
        if not value <= DIVERGED_LOSS:
            divergence = Divergence(step, f"the loss passed {DIVERGED_LOSS:,.0f}")
            break
        points.append(point)
        losses.append(value)
    return DescentPath(np.array(points), np.array(losses), divergence)


def steps_to_floor(losses, floor):
    """Return the first step at which `losses` (one per step, the start first) is
    at or below `floor`, or None if it never gets there."""
    losses = finite_array("losses", losses, ndim=1)
    reached = np.nonzero(losses <= number("floor", floor))[0]
    return int(reached[0]) if len(reached) else None


def _points(x, y):
    x, y = finite_array("x", x, ndim=1), finite_array("y", y, ndim=1)
    same_length("x", x, "y", y)
    return x, y


def _pair(name, values):
    """Two finite numbers, as a tuple of floats."""
    pair = finite_array(name, values, ndim=1)
    if pair.shape != (2,):
        raise ValueError(f"{name} must hold 2 numbers, got {pair.size}")
    return float(pair[0]), float(pair[1])


def _batch_size(batch_size, size):
    batch_size = positive_int("batch_size", batch_size)
    if batch_size > size:
        raise ValueError(f"batch_size must be at most the {size} points, got {batch_size}")
    return batch_size
