"""New points for the seed's curve-fitting data: where a fitted curve is tested
on points it never saw, between the training points or beyond them."""

import math

import numpy as np

from .checks import finite_array, in_range, positive_int


def quadratic_at(x, seed=0, noise=1.0):
    """Return y = x² + Normal(0, noise) at each `x`, the rule the seed's data
    follows. The k-th value's noise depends only on `seed` and k, so adding an
    x at the end never changes the values before it."""
    x = finite_array("x", x, ndim=1)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    return x**2 + rng.normal(0, in_range("noise", noise, 0, math.inf), x.shape)


def between_and_beyond(x, beyond=2):
    """Return (between, outside): the midpoints of neighbouring values of `x`
    (sorted), and `beyond` more points past each end, spaced like the first and
    last pair of x (left ones first, nearest the data first on each side)."""
    x = np.sort(finite_array("x", x, ndim=1))
    if len(x) < 2:
        raise ValueError(f"x must hold at least 2 values, got {len(x)}")
    beyond = positive_int("beyond", beyond, minimum=0)
    steps = np.arange(1, beyond + 1)
    outside = np.concatenate([x[0] - (x[1] - x[0]) * steps, x[-1] + (x[-1] - x[-2]) * steps])
    return (x[1:] + x[:-1]) / 2, outside


def beyond_the_data(x_train, x_new):
    """Return a boolean array: True where an x of `x_new` lies outside the range
    of `x_train` (an extrapolation), False where it lies between the training xs."""
    x_train = finite_array("x_train", x_train, ndim=1)
    x_new = np.asarray(finite_array("x_new", x_new, ndim=1)) if len(x_new) else np.empty(0)
    return (x_new < x_train.min()) | (x_new > x_train.max())
