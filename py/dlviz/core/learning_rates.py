"""What a learning rate does on a bowl-shaped landscape, and how to measure it.

On a bowl (a quadratic landscape like landscape.linear_loss, whose curvatures
landscape.linear_loss_curvatures gives) gradient descent acts on each of the
bowl's main directions on its own: along a direction of curvature λ, each step multiplies the distance to the
bottom by (1 - learning_rate · λ). So the curvatures alone say whether a rate
creeps, converges, overshoots back and forth, or flies off.
"""

import numpy as np

from .checks import finite_array, number, positive_int

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
    learning_rate = number("learning_rate", learning_rate, above=0)
    budget = positive_int("budget", budget)
    steepest = learning_rate * curvatures.max()
    if steepest >= 2:
        return "diverging"
    if steepest > 1:
        return "oscillating"
    remainders = np.abs(1 - learning_rate * curvatures) ** budget
    return "too slow" if remainders.max() > SLOW_REMAINDER else "good"
