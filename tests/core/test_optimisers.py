import numpy as np
import pytest

from dlviz.core.optimisers import ADAM, GRADIENT_DESCENT, MOMENTUM, OPTIMISERS, RMSPROP

PARAMS = [np.array([1.0, -2.0])]
GRADS = [np.array([0.5, -1.0])]
RATE = 0.1


def _steps(optimiser, count):
    params, state = PARAMS, optimiser.init(PARAMS)
    for _ in range(count):
        params, state = optimiser.update(params, GRADS, state, RATE)
    return params[0]


def test_gradient_descent_first_step_by_hand():
    # p - 0.1 g = [1 - 0.05, -2 + 0.1]
    np.testing.assert_allclose(_steps(GRADIENT_DESCENT, 1), [0.95, -1.9])


def test_momentum_first_two_steps_by_hand():
    # step 1: v = g = [0.5, -1], p = [0.95, -1.9]
    np.testing.assert_allclose(_steps(MOMENTUM, 1), [0.95, -1.9])
    # step 2: v = 0.9 [0.5, -1] + [0.5, -1] = [0.95, -1.9], p = [0.95 - 0.095, -1.9 + 0.19]
    np.testing.assert_allclose(_steps(MOMENTUM, 2), [0.855, -1.71])


def test_rmsprop_first_step_by_hand():
    # s = 0.1 g² = [0.025, 0.1]; g / √s = [0.5 / 0.158114, -1 / 0.316228] = [3.162278, -3.162278]
    # p = [1 - 0.3162278, -2 + 0.3162278]
    np.testing.assert_allclose(_steps(RMSPROP, 1), [0.6837722, -1.6837722], rtol=1e-6)


def test_adam_first_step_by_hand():
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
    optimiser = OPTIMISERS[name]
    params = [np.array([3.0, -2.0, 1.0])]
    state = optimiser.init(params)
    for _ in range(steps):
        params, state = optimiser.update(params, [2 * curvature * params[0]], state, rate)
    np.testing.assert_allclose(params[0], 0.0, atol=1e-2)


@pytest.mark.parametrize("name", sorted(OPTIMISERS))
def test_update_never_changes_its_inputs(name):
    optimiser = OPTIMISERS[name]
    params, grads = [np.ones((2, 3)), np.ones(3)], [np.full((2, 3), 0.5), np.full(3, -0.5)]
    state = optimiser.init(params)
    for _ in range(2):
        before = repr((params, grads, state))
        new_params, new_state = optimiser.update(params, grads, state, 0.1)
        assert repr((params, grads, state)) == before
        params, state = new_params, new_state


def test_hyperparameters_change_the_step():
    state = MOMENTUM.init(PARAMS)
    params, state = MOMENTUM.update(PARAMS, GRADS, state, RATE, beta=0.5)
    params, _ = MOMENTUM.update(params, GRADS, state, RATE, beta=0.5)
    # v = 0.5 · 0.5 + 0.5 = 0.75, p = 0.95 - 0.075
    np.testing.assert_allclose(params[0][0], 0.875)
