"""Optimisers: rules for turning gradients into a step downhill.

Each works on a list of parameter arrays and never changes its inputs:
`init(params)` returns the optimiser's starting memory (its state), and
`update(params, grads, state, learning_rate, **hyper)` returns
(new_params, new_state). Stochastic gradient descent (SGD) is GRADIENT_DESCENT
applied to gradients of random minibatches; the rule itself is the same.
"""

from typing import Callable, NamedTuple

import numpy as np


class Optimiser(NamedTuple):
    """A named update rule: `init` makes the state, `update` takes one step."""

    name: str
    init: Callable
    update: Callable


def _no_memory(params):
    return ()


def _zeros_like_each(params):
    return tuple(np.zeros_like(p) for p in params)


def _gradient_descent(params, grads, state, learning_rate):
    """p ← p - learning_rate · g."""
    return [p - learning_rate * g for p, g in zip(params, grads)], state


def _momentum(params, grads, velocities, learning_rate, beta=0.9):
    """v ← beta · v + g, then p ← p - learning_rate · v."""
    velocities = tuple(beta * v + g for v, g in zip(velocities, grads))
    return [p - learning_rate * v for p, v in zip(params, velocities)], velocities


def _rmsprop(params, grads, mean_squares, learning_rate, decay=0.9, epsilon=1e-8):
    """s ← decay · s + (1 - decay) · g², then p ← p - learning_rate · g / (√s + epsilon)."""
    mean_squares = tuple(decay * s + (1 - decay) * g**2 for s, g in zip(mean_squares, grads))
    new_params = [
        p - learning_rate * g / (np.sqrt(s) + epsilon) for p, g, s in zip(params, grads, mean_squares)
    ]
    return new_params, mean_squares


class AdamState(NamedTuple):
    """Adam's memory: steps taken, running mean of gradients, running mean of squared gradients."""

    step: int
    means: tuple
    mean_squares: tuple


def _adam_init(params):
    return AdamState(0, _zeros_like_each(params), _zeros_like_each(params))


def _adam(params, grads, state, learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-8):
    """m ← beta1·m + (1-beta1)·g,  s ← beta2·s + (1-beta2)·g²,  then with the
    start-up bias removed, m̂ = m / (1 - beta1^t) and ŝ = s / (1 - beta2^t):
    p ← p - learning_rate · m̂ / (√ŝ + epsilon)."""
    step = state.step + 1
    means = tuple(beta1 * m + (1 - beta1) * g for m, g in zip(state.means, grads))
    mean_squares = tuple(beta2 * s + (1 - beta2) * g**2 for s, g in zip(state.mean_squares, grads))
    new_params = [
        p - learning_rate * (m / (1 - beta1**step)) / (np.sqrt(s / (1 - beta2**step)) + epsilon)
        for p, m, s in zip(params, means, mean_squares)
    ]
    return new_params, AdamState(step, means, mean_squares)


GRADIENT_DESCENT = Optimiser("gradient_descent", _no_memory, _gradient_descent)
MOMENTUM = Optimiser("momentum", _zeros_like_each, _momentum)
RMSPROP = Optimiser("rmsprop", _zeros_like_each, _rmsprop)
ADAM = Optimiser("adam", _adam_init, _adam)

OPTIMISERS = {optimiser.name: optimiser for optimiser in (GRADIENT_DESCENT, MOMENTUM, RMSPROP, ADAM)}
