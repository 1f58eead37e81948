"""The core against a standard library: scikit-learn's MLPClassifier, trained the
same way, reaches the same held-out accuracy on every playground data set.

Both train the playground's default network (2 inputs, two tanh layers of 8, a
sigmoid output) with plain minibatch gradient descent on binary cross-entropy,
batches of 10, learning rate 0.1, no penalty, on the playground's split of its
400 points, for 2,000 steps (100 epochs); each draws its own starting weights
and batches, from five seeds.
"""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

from dlviz.core.datasets import DATASETS, train_test_split
from dlviz.core.training import TrainingRun
from dlviz.figures.playground import DATA_SEED, DATA_SIZE, SPLIT_SEED, Playground

SEEDS = range(5)
EPOCHS = 100
DEFAULTS = Playground.param  # the playground's own settings, so the two cannot drift apart
HIDDEN_SIZES = DEFAULTS.neurons.default[:DEFAULTS.hidden_layers.default]  # as the playground builds its network


def _split(dataset):
    points, labels = DATASETS[dataset](size=DATA_SIZE, seed=DATA_SEED, noise=DEFAULTS.noise.default)
    return train_test_split(points, labels, 1 - DEFAULTS.train_percent.default / 100, seed=SPLIT_SEED)


def _core_accuracy(data, seed):
    train_x, train_t, test_x, test_t = data
    run = TrainingRun(train_x, train_t, HIDDEN_SIZES,
                      test_inputs=test_x, test_targets=test_t, activation=DEFAULTS.activation.default,
                      learning_rate=DEFAULTS.learning_rate.default, batch_size=DEFAULTS.batch_size.default,
                      seed=seed, record_every=EPOCHS * 1000)
    run.train_to(EPOCHS * run.steps_per_epoch)
    assert run.divergence is None
    return run.test_accuracy()


def _peer_accuracy(data, seed):
    train_x, train_t, test_x, test_t = data
    peer = MLPClassifier(
        hidden_layer_sizes=tuple(HIDDEN_SIZES),
        activation=DEFAULTS.activation.default, solver="sgd", learning_rate_init=DEFAULTS.learning_rate.default,
        momentum=0.0, nesterovs_momentum=False, batch_size=DEFAULTS.batch_size.default, alpha=0.0,
        max_iter=EPOCHS, tol=0.0, n_iter_no_change=EPOCHS + 1, random_state=seed,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # it ran all its epochs, as asked
        peer.fit(train_x, train_t)
    assert peer.n_iter_ == EPOCHS
    return peer.score(test_x, test_t)


def test_the_peer_is_set_up_as_the_playground_trains():
    assert (HIDDEN_SIZES, DEFAULTS.activation.default) == ([8, 8], "tanh")
    assert (DEFAULTS.batch_size.default, DEFAULTS.learning_rate.default) == (10, 0.1)
    assert DEFAULTS.regularisation.default == "none" and DEFAULTS.features.default == ["x", "y"]
    assert len(_split("rings")[0]) * EPOCHS // DEFAULTS.batch_size.default == 2000  # steps


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_held_out_accuracy_is_within_two_points_of_scikit_learns(dataset):
    data = _split(dataset)
    ours = np.mean([_core_accuracy(data, seed) for seed in SEEDS])
    theirs = np.mean([_peer_accuracy(data, seed) for seed in SEEDS])
    assert abs(ours - theirs) <= 0.02, f"{dataset}: core {ours:.3f}, scikit-learn {theirs:.3f}"
