"""Fitting polynomials by least squares, and measuring how well they generalise."""

import numpy as np
from numpy.polynomial import Polynomial

from .checks import finite_array, positive_int, same_length
from .losses import MEAN_SQUARED_ERROR


def fit_polynomial(x, y, degree):
    """Return the least-squares polynomial of `degree` through the points (x, y),
    as a numpy Polynomial (call it on x, or pass it to evaluate_polynomial).

    It is fitted on x rescaled to [-1, 1], so even degree 16 on 20 points is well
    conditioned; the Polynomial undoes the rescaling when evaluated.
    """
    x, y = finite_array("x", x, ndim=1), finite_array("y", y, ndim=1)
    same_length("x", x, "y", y)
    degree = positive_int("degree", degree, minimum=0)
    if degree >= len(x):
        raise ValueError(f"degree {degree} needs at least {degree + 1} points, got {len(x)}")
    return Polynomial.fit(x, y, degree)


def evaluate_polynomial(polynomial, x):
    """Return the values at `x` of a Polynomial from fit_polynomial, or of
    coefficients listed highest power first (as np.polyfit gives them)."""
    x = finite_array("x", x)
    if isinstance(polynomial, Polynomial):
        return polynomial(x)
    return np.polyval(finite_array("polynomial", polynomial, ndim=1), x)


def mean_squared_error(targets, predictions):
    """Return mean((targets - predictions)²)."""
    targets = finite_array("targets", targets)
    predictions = finite_array("predictions", predictions)
    same_length("targets", targets, "predictions", predictions)
    return MEAN_SQUARED_ERROR.output(predictions, targets)


def train_and_held_out_error(x_train, y_train, x_held_out, y_held_out, degree):
    """Fit a polynomial of `degree` to the training points and return its mean
    squared error on them and on the held-out points, as (train_mse, held_out_mse)."""
    polynomial = fit_polynomial(x_train, y_train, degree)
    x_held_out = finite_array("x_held_out", x_held_out, ndim=1)
    y_held_out = finite_array("y_held_out", y_held_out, ndim=1)
    same_length("x_held_out", x_held_out, "y_held_out", y_held_out)
    return (
        mean_squared_error(y_train, evaluate_polynomial(polynomial, x_train)),
        mean_squared_error(y_held_out, evaluate_polynomial(polynomial, x_held_out)),
    )
