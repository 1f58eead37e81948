"""Fitting polynomials by least squares, and measuring how well they generalise.

A fitted polynomial is kept as its coefficients in the Legendre basis of x
rescaled from the fitted points' [low, high] to [-1, 1], so even degree 16 on
20 points is well conditioned. fit_polynomial fits one set of points, or, given
2-D x and y, one polynomial per row at once.
"""

from typing import NamedTuple

import numpy as np
from numpy.polynomial import legendre

from .checks import finite_array, positive_int
from .losses import mean_squared_error


class FittedPolynomial(NamedTuple):
    """coefficients (..., degree + 1) in the Legendre basis of x rescaled from
    [low, high] to [-1, 1]; low and high of shape (...), one per fitted row."""

    coefficients: np.ndarray
    low: np.ndarray
    high: np.ndarray


def fit_polynomial(x, y, degree):
    """Return the FittedPolynomial of `degree` that passes closest to the points
    (x, y) in squared error: x and y of shape (n,), or (rows, n) for one fit per
    row. Each fit needs at least degree + 1 distinct x, or it is not unique."""
    x, y = finite_array("x", x), finite_array("y", y)
    if x.ndim not in (1, 2) or x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape, of 1 or 2 dimensions, got {x.shape} and {y.shape}")
    degree = positive_int("degree", degree, minimum=0)
    distinct = int(np.min(1 + np.sum(np.diff(np.sort(x, axis=-1), axis=-1) > 0, axis=-1)))
    if distinct <= degree:
        raise ValueError(f"degree {degree} needs at least {degree + 1} distinct x values, got {distinct}")
    low, high = x.min(axis=-1), x.max(axis=-1)
    design = legendre.legvander(_rescaled(x, low, high), degree)  # (..., n, degree + 1)
    coefficients = np.einsum("...cn,...n->...c", np.linalg.pinv(design), y)
    return FittedPolynomial(coefficients, low, high)


def evaluate_polynomial(polynomial, x):
    """Return the values at `x` of a FittedPolynomial: x of shape (m,), or
    (rows, m) for each row's polynomial at its own row of x."""
    if not isinstance(polynomial, FittedPolynomial):
        raise ValueError(f"polynomial must be a FittedPolynomial, got {type(polynomial).__name__}")
    x = finite_array("x", x)
    degree = polynomial.coefficients.shape[-1] - 1
    design = legendre.legvander(_rescaled(x, polynomial.low, polynomial.high), degree)
    return np.einsum("...mc,...c->...m", design, polynomial.coefficients)


def train_and_held_out_error(x_train, y_train, x_held_out, y_held_out, degree):
    """Fit a polynomial of `degree` to the training points and return its mean
    squared error on them and on the held-out points, as (train_mse, held_out_mse)."""
    polynomial = fit_polynomial(x_train, y_train, degree)
    x_held_out, y_held_out = finite_array("x_held_out", x_held_out, ndim=1), finite_array("y_held_out", y_held_out)
    if x_held_out.shape != y_held_out.shape:
        raise ValueError(f"x_held_out and y_held_out must have the same shape, got {x_held_out.shape} and "
                         f"{y_held_out.shape}")
    return (mean_squared_error(y_train, evaluate_polynomial(polynomial, x_train)),
            mean_squared_error(y_held_out, evaluate_polynomial(polynomial, x_held_out)))


def _rescaled(x, low, high):
    """x mapped from [low, high] to [-1, 1], with low and high one per row of x."""
    low, high = np.asarray(low)[..., None], np.asarray(high)[..., None]
    return (2 * x - (low + high)) / (high - low)
