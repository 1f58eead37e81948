"""Optimisers: rules for turning gradients into a step downhill.

Each works on a list of parameter arrays and never changes its inputs:
`init(params)` returns the optimiser's starting memory (its state), and
`update(params, grads, state, learning_rate, **settings)` returns
(new_params, new_state). `settings` lists each setting an optimiser has, with
its default and its check. Call them through `step`, which checks everything
first and reports a step that diverges (Diverged) instead of handing on
parameters that are no longer numbers. Stochastic gradient descent (SGD) is GRADIENT_DESCENT applied to
gradients of random minibatches; the rule itself is the same.
"""

from typing import Callable, NamedTuple

import numpy as np

from .checks import number, one_of


class Diverged(ArithmeticError):
    """A step whose loss or parameters are not finite numbers; `reason` says which, in words."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Divergence(NamedTuple):
    """Where and why a descent stopped: the step that diverged (steps count from 1) and the reason."""

    step: int
    reason: str


class Optimiser(NamedTuple):
    """A named update rule: `init` makes the state, `update` takes one step, and
    `settings` maps each of its settings to (default, check)."""

    name: str
    settings: dict
    init: Callable
    update: Callable


def _decay(name, value):
    """A running average's memory: 0 <= value < 1 (1 would never forget, and never start)."""
    return number(name, value, at_least=0, below=1)


def _epsilon(name, value):
    """What keeps a division away from zero: > 0."""
    return number(name, value, above=0)


def _no_memory(params):
    return ()


def _zeros_like_each(params):
    return tuple(np.zeros_like(p) for p in params)


def _gradient_descent(params, grads, state, learning_rate):
    """p ← p - learning_rate · g."""
    return [p - learning_rate * g for p, g in zip(params, grads)], state


def _momentum(params, grads, velocities, learning_rate, beta):
    """v ← beta · v + g, then p ← p - learning_rate · v."""
    velocities = tuple(beta * v + g for v, g in zip(velocities, grads))
    return [p - learning_rate * v for p, v in zip(params, velocities)], velocities


def _rmsprop(params, grads, mean_squares, learning_rate, decay, epsilon):
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


def _adam(params, grads, state, learning_rate, beta1, beta2, epsilon):
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


GRADIENT_DESCENT = Optimiser("gradient_descent", {}, _no_memory, _gradient_descent)
MOMENTUM = Optimiser("momentum", {"beta": (0.9, _decay)}, _zeros_like_each, _momentum)
RMSPROP = Optimiser("rmsprop", {"decay": (0.9, _decay), "epsilon": (1e-8, _epsilon)},
                    _zeros_like_each, _rmsprop)
ADAM = Optimiser("adam", {"beta1": (0.9, _decay), "beta2": (0.999, _decay), "epsilon": (1e-8, _epsilon)},
                 _adam_init, _adam)

OPTIMISERS = {optimiser.name: optimiser for optimiser in (GRADIENT_DESCENT, MOMENTUM, RMSPROP, ADAM)}


def checked(optimiser, learning_rate, settings):
    """Return (optimiser, learning_rate, settings) checked: the Optimiser that
    `optimiser` names, the learning rate as a finite positive number, and a dict
    of every setting the optimiser has, from `settings` or its default, each
    checked; raise for a setting the optimiser does not have."""
    optimiser = one_of("optimiser", optimiser, OPTIMISERS)
    learning_rate = number("learning_rate", learning_rate, above=0)
    unknown = sorted(set(settings) - set(optimiser.settings))
    if unknown:
        known = ", ".join(optimiser.settings) or "none"
        raise ValueError(f"{optimiser.name} has no setting {unknown[0]!r} (its settings: {known})")
    settings = {name: check(name, settings.get(name, default))
                for name, (default, check) in optimiser.settings.items()}
    return optimiser, learning_rate, settings


def step(optimiser, params, grads, state, learning_rate, **settings):
    """Take one step of `optimiser` (an Optimiser or its name) from `params` along
    `grads`; return (new_params, new_state). Pass state=None to start afresh. The
    learning rate must be finite and positive; `settings` (such as beta for
    momentum) must be the optimiser's own. Raises Diverged if a new parameter
    is not a finite number."""
    optimiser, learning_rate, settings = checked(optimiser, learning_rate, settings)
    if len(grads) != len(params) or any(np.shape(g) != np.shape(p) for p, g in zip(params, grads)):
        raise ValueError("grads must hold one array shaped like each of params")
    if not all(np.isfinite(p).all() for p in params):
        raise ValueError("params contains NaN or infinity")
    if state is None:
        state = optimiser.init(params)
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is reported just below, in words
        params, state = optimiser.update(params, grads, state, learning_rate, **settings)
    if not all(np.isfinite(p).all() for p in params):
        raise Diverged("a weight grew too large for a number to hold")
    return params, state
