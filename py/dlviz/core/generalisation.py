"""Where a fitted curve is tested on points it never saw: between the training
points, or beyond them."""

import numpy as np

from .checks import finite_array, positive_int


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
    x_new = np.empty(0) if np.size(x_new) == 0 else finite_array("x_new", x_new, ndim=1)
    return (x_new < x_train.min()) | (x_new > x_train.max())
