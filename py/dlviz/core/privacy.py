"""Memorisation and privacy: does a model give away who was in its training set?

Many small experiments (trials): in each, a polynomial of some degree is fitted
to `size` noisy points on y = x² (its members) and scored on `size` more points
drawn the same way that it never saw (non-members). The membership guess looks
only at a point's loss (its squared error): "member" if the loss is at most the
model's mean training loss, "non-member" otherwise (the loss-threshold attack of
Yeom et al. 2018; Shokri et al. 2017 first showed such guesses work on real
models). Its accuracy over members and non-members alike is 0.5 by pure chance.
"""

from typing import NamedTuple

import numpy as np

from .checks import finite_array, number, positive_int, same_length
from .polynomial import evaluate_polynomial, fit_polynomial

X_LIMIT = 3.0
"""Points have x uniform over [-X_LIMIT, X_LIMIT]."""


class Membership(NamedTuple):
    """One degree's experiment, over all trials: per-point losses of shape
    (trials, size), each trial's threshold, and the averages."""

    member_losses: np.ndarray
    non_member_losses: np.ndarray
    thresholds: np.ndarray
    train_loss: float  # mean loss on the training points (members)
    unseen_loss: float  # median over trials of the mean loss on unseen points
    guess_accuracy: float  # fraction of right member / non-member guesses


def quadratic_samples(trials, size, seed, noise=1.0):
    """Return (x, y), each of shape (trials, size): y = x² + Normal(0, noise), a
    fresh sample per row, with x spread over [-3, 3] by cutting it into `size`
    equal cells and putting one uniform random x in each."""
    trials, size = positive_int("trials", trials), positive_int("size", size)
    noise = number("noise", noise, at_least=0)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    cell = 2 * X_LIMIT / size
    x = -X_LIMIT + cell * (np.arange(size) + rng.uniform(0, 1, (trials, size)))
    return x, x**2 + rng.normal(0, noise, (trials, size))


def squared_errors(polynomial, x, y):
    """Each point's loss (prediction - y)² under a FittedPolynomial; x and y of
    shape (trials, n), one row per fitted row (or all rows under a single fit)."""
    x, y = finite_array("x", x, ndim=2), finite_array("y", y, ndim=2)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same shape, got {x.shape} and {y.shape}")
    return (evaluate_polynomial(polynomial, x) - y) ** 2


def membership_guesses(member_losses, non_member_losses):
    """One model's guesses: threshold its points' losses at its mean training loss
    (the mean of `member_losses`); return a boolean array (2, n), True where a
    point is guessed "in training": row 0 the members, row 1 the non-members."""
    members = finite_array("member_losses", member_losses, ndim=1)
    others = finite_array("non_member_losses", non_member_losses, ndim=1)
    same_length("member_losses", members, "non_member_losses", others)
    return np.array([members, others]) <= members.mean()


def guess_accuracy(member_losses, non_member_losses, thresholds):
    """Return the fraction of right guesses when each point is called a member iff
    its loss <= its trial's threshold: ½ (members caught + non-members cleared).
    Losses are (trials, n) arrays, thresholds one per trial."""
    members = finite_array("member_losses", member_losses, ndim=2)
    others = finite_array("non_member_losses", non_member_losses, ndim=2)
    thresholds = finite_array("thresholds", thresholds, ndim=1)
    same_length("member_losses", members, "thresholds", thresholds)
    same_length("non_member_losses", others, "thresholds", thresholds)
    return float(0.5 * (np.mean(members <= thresholds[:, None]) + np.mean(others > thresholds[:, None])))


def membership_experiment(degree, trials=60, size=20, noise=1.0, seed=0):
    """Fit polynomials of `degree` in `trials` experiments of `size` members and
    `size` non-members each; return the Membership of the loss-threshold guess
    (threshold: each model's mean training loss)."""
    trials = positive_int("trials", trials)
    x, y = quadratic_samples(2 * trials, size, seed, noise)  # rows: members first, then non-members
    members, others = slice(0, trials), slice(trials, 2 * trials)
    polynomials = fit_polynomial(x[members], y[members], degree)
    member_losses = squared_errors(polynomials, x[members], y[members])
    non_member_losses = squared_errors(polynomials, x[others], y[others])
    thresholds = member_losses.mean(axis=1)
    return Membership(
        member_losses=member_losses,
        non_member_losses=non_member_losses,
        thresholds=thresholds,
        train_loss=float(np.mean(member_losses)),
        unseen_loss=float(np.median(non_member_losses.mean(axis=1))),
        guess_accuracy=guess_accuracy(member_losses, non_member_losses, thresholds),
    )

