"""What a learning rate does on a bowl-shaped landscape, and how to measure it.

On a bowl (a quadratic landscape like landscape.linear_loss or the narrow
valley) gradient descent acts on each of the bowl's main directions on its own:
along a direction of curvature λ, each step multiplies the distance to the
bottom by (1 - learning_rate · λ). So the curvatures alone say whether a rate
creeps, converges, overshoots back and forth, or flies off.
"""

import numpy as np

from .checks import finite_array, in_range, positive_int, same_length
from .landscape import VALLEY_STEEPNESS, linear_loss_gradient

REGIMES = {
    "too slow": "the steps are so short that, in the steps it has, it stops well short of "
                "the bottom along the flattest direction",
    "good": "each step goes most of the way downhill without overshooting",
    "oscillating": "each step overshoots the bottom of the steepest direction, "
                   "landing on the other side, but by less each time",
    "diverging": "each step overshoots by more than it corrects, so it lands "
                 "higher up the far wall every time",
}
"""The four things a learning rate can do on a bowl, each with what it looks like."""

SLOW_REMAINDER = 0.1
"""A rate is too slow if, after its budget of steps, more than this fraction of the
distance to the bottom along some direction is left."""


def linear_loss_curvatures(x):
    """Return the curvatures of landscape.linear_loss for inputs `x`, smallest
    first: the eigenvalues of its Hessian 2·[[mean x², mean x], [mean x, 1]],
    the same everywhere because the landscape is a bowl."""
    x = finite_array("x", x, ndim=1)
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    return np.linalg.eigvalsh(hessian)


def valley_curvatures():
    """Return the curvatures of landscape.narrow_valley, smallest first: 1 along a
    and VALLEY_STEEPNESS across it, along b."""
    return np.array([1.0, VALLEY_STEEPNESS])


def learning_rate_regime(curvatures, learning_rate, budget):
    """Return which of REGIMES gradient descent with `learning_rate` is in on a
    bowl with these `curvatures`, given `budget` steps:
    "diverging" if learning_rate · λ >= 2 for the steepest λ (the step factor
    |1 - learning_rate · λ| is 1 or more), else "oscillating" if it is > 1 (the
    factor is negative), else "too slow" if some direction keeps more than
    SLOW_REMAINDER of its distance after `budget` steps, else "good"."""
    curvatures = finite_array("curvatures", curvatures, ndim=1)
    if np.any(curvatures <= 0):
        raise ValueError("curvatures must all be positive (a bowl)")
    learning_rate = in_range("learning_rate", learning_rate, 0, np.inf)
    budget = positive_int("budget", budget)
    steepest = learning_rate * curvatures.max()
    if steepest >= 2:
        return "diverging"
    if steepest > 1:
        return "oscillating"
    remainders = np.abs(1 - learning_rate * curvatures) ** budget
    return "too slow" if remainders.max() > SLOW_REMAINDER else "good"


def steps_to_floor(losses, floor):
    """Return the first step at which `losses` (one per step, the start first) is
    at or below `floor`, or None if it never gets there."""
    losses = finite_array("losses", losses, ndim=1)
    floor = in_range("floor", floor, -np.inf, np.inf)
    reached = np.nonzero(losses <= floor)[0]
    return int(reached[0]) if len(reached) else None


def minibatch_gradients(x, y, point, batch_size, count, seed=0):
    """Return `count` gradients of landscape.linear_loss at point = (slope,
    intercept), each from `batch_size` points of (x, y) drawn at random without
    replacement (with `seed`): the guesses stochastic gradient descent steps by.
    Their mean over all possible batches is the full gradient."""
    x, y = finite_array("x", x, ndim=1), finite_array("y", y, ndim=1)
    same_length("x", x, "y", y)
    batch_size, count = positive_int("batch_size", batch_size), positive_int("count", count)
    if batch_size > len(x):
        raise ValueError(f"batch_size must be at most the {len(x)} points, got {batch_size}")
    point = finite_array("point", point, ndim=1)
    if point.shape != (2,):
        raise ValueError(f"point must hold 2 numbers (slope, intercept), got {point.size}")
    slope, intercept = point
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    rows = [rng.choice(len(x), batch_size, replace=False) for _ in range(count)]
    return np.array([linear_loss_gradient(x[r], y[r], slope, intercept) for r in rows])
