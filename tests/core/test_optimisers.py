import numpy as np
import pytest

from dlviz.core.optimisers import ADAM, GRADIENT_DESCENT, MOMENTUM, OPTIMISERS, RMSPROP, Diverged, checked, step

PARAMS = [np.array([1.0, -2.0])]
GRADS = [np.array([0.5, -1.0])]
RATE = 0.1


def _steps(optimiser, count, **settings):
    params, state = PARAMS, None
    for _ in range(count):
        params, state = step(optimiser, params, GRADS, state, RATE, **settings)
    return params[0]


def test_gradient_descent_first_step_by_hand():
    # p - 0.1 g = [1 - 0.05, -2 + 0.1]
    np.testing.assert_allclose(_steps(GRADIENT_DESCENT, 1), [0.95, -1.9])


def test_momentum_first_two_steps_by_hand():
    # step 1: v = g = [0.5, -1], p = [0.95, -1.9]
    np.testing.assert_allclose(_steps(MOMENTUM, 1), [0.95, -1.9])
    # step 2: v = 0.9 [0.5, -1] + [0.5, -1] = [0.95, -1.9], p = [0.95 - 0.095, -1.9 + 0.19]
    np.testing.assert_allclose(_steps(MOMENTUM, 2), [0.855, -1.71])
    # with beta 0.5: v = 0.5 · 0.5 + 0.5 = 0.75, p = 0.95 - 0.075
    np.testing.assert_allclose(_steps("momentum", 2, beta=0.5)[0], 0.875)


def test_rmsprop_first_step_is_about_three_learning_rates():
    # s = 0.1 g² = [0.025, 0.1]; g / √s = ±1 / √0.1 = ±3.162278: the first step is √10 learning rates
    np.testing.assert_allclose(_steps(RMSPROP, 1), [1 - 0.1 * np.sqrt(10), -2 + 0.1 * np.sqrt(10)], rtol=1e-6)


def test_adam_first_step_is_the_learning_rate():
    # m̂ = g and ŝ = g² after bias correction, so the step is 0.1 · g / |g| = 0.1 · sign(g)
    np.testing.assert_allclose(_steps(ADAM, 1), [0.9, -1.9], rtol=1e-6)


def test_adam_bias_correction_keeps_steps_even_under_a_constant_gradient():
    # step 2: m = 0.9·0.05 + 0.1·0.5 = 0.095, m̂ = 0.095 / 0.19 = 0.5; ŝ likewise = 0.25
    np.testing.assert_allclose(_steps(ADAM, 2), [0.8, -1.8], rtol=1e-6)
    np.testing.assert_allclose(_steps(ADAM, 10), [0.0, -1.0], atol=1e-6)


@pytest.mark.parametrize("name, rate, steps", [
    ("gradient_descent", 0.04, 500),
    ("momentum", 0.01, 500),
    ("rmsprop", 0.01, 1000),
    ("adam", 0.05, 1000),
])
def test_converges_to_the_bottom_of_a_convex_bowl(name, rate, steps):
    curvature = np.array([1.0, 10.0, 3.0])  # f(p) = Σ a_i p_i², gradient 2 a p
    params, state = [np.array([3.0, -2.0, 1.0])], None
    for _ in range(steps):
        params, state = step(name, params, [2 * curvature * params[0]], state, rate)
    np.testing.assert_allclose(params[0], 0.0, atol=1e-2)


@pytest.mark.parametrize("name", sorted(OPTIMISERS))
def test_a_step_never_changes_its_inputs(name):
    params, grads, state = [np.ones((2, 3)), np.ones(3)], [np.full((2, 3), 0.5), np.full(3, -0.5)], None
    for _ in range(2):
        before = repr((params, grads, state))
        new_params, new_state = step(name, params, grads, state, 0.1)
        assert repr((params, grads, state)) == before
        params, state = new_params, new_state


def test_checked_fills_in_defaults_and_checks_each_setting():
    assert checked("adam", 0.01, {"beta1": 0.5}) == (ADAM, 0.01, {"beta1": 0.5, "beta2": 0.999, "epsilon": 1e-8})
    assert checked("momentum", 1, {}) == (MOMENTUM, 1.0, {"beta": 0.9})
    assert checked(GRADIENT_DESCENT, 0.1, {})[2] == {}
    assert checked("momentum", 0.1, {"beta": 0.0})[2] == {"beta": 0.0}  # plain gradient descent, allowed


@pytest.mark.parametrize("optimiser, rate, settings, message", [
    ("adam", 0.1, {"beta1": 1.0}, "beta1 must be >= 0 and < 1, got 1.0"),
    ("adam", 0.1, {"beta2": -0.1}, "beta2 must be >= 0 and < 1"),
    ("adam", 0.1, {"epsilon": 0.0}, "epsilon must be > 0"),
    ("momentum", 0.1, {"beta": 1.5}, "beta must be >= 0 and < 1, got 1.5"),
    ("momentum", 0.1, {"beta": float("nan")}, "beta must be a finite number"),
    ("rmsprop", 0.1, {"decay": 1.0}, "decay must be >= 0 and < 1"),
    ("rmsprop", 0.1, {"epsilon": float("inf")}, "epsilon must be a finite number"),
    ("momentum", 0.1, {"betta": 0.9}, "momentum has no setting 'betta' \\(its settings: beta\\)"),
    ("gradient_descent", 0.1, {"beta": 0.9}, "gradient_descent has no setting 'beta' \\(its settings: none\\)"),
    ("adam", float("inf"), {}, "learning_rate must be a finite number"),
    ("adam", float("nan"), {}, "learning_rate must be a finite number"),
    ("adam", 0.0, {}, "learning_rate must be > 0"),
    ("adam", -0.1, {}, "learning_rate must be > 0"),
    ("lbfgs", 0.1, {}, "optimiser must be one of"),
])
def test_each_optimiser_checks_its_own_settings(optimiser, rate, settings, message):
    with pytest.raises(ValueError, match=message):
        step(optimiser, PARAMS, GRADS, None, rate, **settings)


def test_a_step_that_overflows_reports_divergence_instead_of_returning_infinity():
    with pytest.raises(Diverged, match="too large for a number") as raised:
        step("gradient_descent", [np.array([1e308])], [np.array([-1e308])], None, 10.0)
    assert raised.value.reason == "a weight grew too large for a number to hold"


def test_params_and_grads_must_match():
    with pytest.raises(ValueError, match="grads must hold one array shaped like each of params"):
        step("adam", PARAMS, [np.zeros(3)], None, 0.1)
    with pytest.raises(ValueError, match="params contains NaN"):
        step("adam", [np.array([np.nan, 1.0])], GRADS, None, 0.1)
