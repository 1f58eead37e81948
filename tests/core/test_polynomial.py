import warnings

import numpy as np
import pytest
from numpy.polynomial import Polynomial

from dlviz.core.datasets import noisy_quadratic
from dlviz.core.losses import mean_squared_error
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial, train_and_held_out_error


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


def test_fit_one_polynomial_per_row_matches_numpy():
    rng = np.random.default_rng(2)
    x = np.sort(rng.uniform(-3, 3, (4, 12)), axis=1)
    y = x**2 + rng.normal(size=x.shape)
    fitted = fit_polynomial(x, y, 3)
    assert fitted.coefficients.shape == (4, 4) and fitted.low.shape == (4,)
    x_new = np.tile(np.linspace(-3, 3, 5), (4, 1))
    expected = [Polynomial.fit(x[row], y[row], 3)(x_new[row]) for row in range(4)]
    np.testing.assert_allclose(evaluate_polynomial(fitted, x_new), expected, atol=1e-8)
    one = fit_polynomial(x[1], y[1], 3)
    np.testing.assert_allclose(evaluate_polynomial(one, x_new), np.tile(expected[1], (4, 1)), atol=1e-8)


@pytest.mark.parametrize("x, degree, distinct", [
    ([0.0, 1.0, 2.0, 0.0, 1.0, 2.0], 5, 3),  # six points on three x: degree 5 is not unique
    ([1.0, 1.0, 1.0], 1, 1),  # constant x: not even a line
])
def test_a_fit_needs_degree_plus_one_distinct_x(x, degree, distinct):
    with pytest.raises(ValueError, match=f"degree {degree} needs at least {degree + 1} distinct x values, "
                                         f"got {distinct}"):
        fit_polynomial(x, np.arange(len(x), dtype=float), degree)
    with pytest.raises(ValueError, match="distinct x"):
        fit_polynomial([[0.0, 1.0, 2.0], [0.0, 0.0, 2.0]], np.zeros((2, 3)), 2)  # one row too few


def test_degree_16_on_20_points_is_well_conditioned():
    x, y = noisy_quadratic()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RankWarning
        polynomial = fit_polynomial(x, y, 16)
    assert mean_squared_error(y, evaluate_polynomial(polynomial, x)) < 0.5


def test_degree_19_on_20_points_goes_through_every_point():
    x, y = noisy_quadratic()
    np.testing.assert_allclose(evaluate_polynomial(fit_polynomial(x, y, 19), x), y, atol=1e-6)


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
