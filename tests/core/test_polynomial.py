import warnings

import numpy as np
import pytest

from dlviz.core.datasets import noisy_quadratic
from dlviz.core.polynomial import (
    evaluate_polynomial, fit_polynomial, mean_squared_error, train_and_held_out_error,
)


def test_fit_recovers_an_exact_polynomial():
    x = np.linspace(-3, 3, 9)
    polynomial = fit_polynomial(x, 2 * x**2 - 3 * x + 1, degree=2)
    x_new = np.array([-10.0, 0.5, 7.0])
    np.testing.assert_allclose(evaluate_polynomial(polynomial, x_new), 2 * x_new**2 - 3 * x_new + 1, atol=1e-9)


def test_fit_agrees_with_numpy_polyfit():
    x, y = noisy_quadratic()
    np.testing.assert_allclose(
        evaluate_polynomial(fit_polynomial(x, y, 3), x), np.polyval(np.polyfit(x, y, 3), x)
    )


def test_evaluate_accepts_coefficients_highest_power_first():
    np.testing.assert_allclose(evaluate_polynomial([2.0, -3.0, 1.0], [0.0, 1.0, 2.0]), [1.0, 0.0, 3.0])


def test_degree_16_on_20_points_is_well_conditioned():
    x, y = noisy_quadratic()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RankWarning
        polynomial = fit_polynomial(x, y, 16)
    assert mean_squared_error(y, evaluate_polynomial(polynomial, x)) < 0.5


def test_degree_19_on_20_points_goes_through_every_point():
    x, y = noisy_quadratic()
    np.testing.assert_allclose(evaluate_polynomial(fit_polynomial(x, y, 19), x), y, atol=1e-6)


def test_mean_squared_error_by_hand():
    assert mean_squared_error([1, 2, 3], [1, 3, 5]) == pytest.approx(5 / 3)


def test_seed_claim_degree_16_overfits_fresh_noise():
    """The seed notebook's claim: degree 16 fits its 20 points better than degree 2
    but predicts new points from the same process worse."""
    x, y = noisy_quadratic(size=20, seed=19750)
    x_new, y_new = noisy_quadratic(size=20, seed=2024)
    train_2, held_out_2 = train_and_held_out_error(x, y, x_new, y_new, 2)
    train_16, held_out_16 = train_and_held_out_error(x, y, x_new, y_new, 16)
    assert train_16 < train_2
    assert held_out_16 > held_out_2


def test_seed_claim_degree_16_overfits_points_in_between():
    x, y = noisy_quadratic(size=40, seed=19750)
    train_2, held_out_2 = train_and_held_out_error(x[::2], y[::2], x[1::2], y[1::2], 2)
    train_16, held_out_16 = train_and_held_out_error(x[::2], y[::2], x[1::2], y[1::2], 16)
    assert train_16 < train_2
    assert held_out_16 > 10 * held_out_2
