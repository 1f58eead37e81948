import numpy as np
import pytest

from dlviz.core.datasets import two_rings
from dlviz.core.network import accuracy, init_network
from dlviz.core.training import TrainingRun, train_classifier, trained_classifier

POINTS, LABELS = two_rings(size=200, seed=19750)


def test_a_hidden_layer_of_three_learns_the_rings():
    network = trained_classifier([2, 3, 1], POINTS, LABELS, steps=150, seed=0)
    assert accuracy(network, POINTS, LABELS) > 0.95


def test_zero_steps_changes_nothing():
    network = init_network([2, 3, 1], seed=0)
    same, state = train_classifier(network, POINTS, LABELS, 0)
    assert same is network and state is None


def test_a_run_carries_on_exactly_where_it_stopped():
    start = init_network([2, 3, 1], seed=0)
    run = TrainingRun(start, POINTS, LABELS)
    run.after(20)
    carried_on = run.after(50)
    in_one_go = train_classifier(start, POINTS, LABELS, 50, 0.1)[0]
    for a, b in zip(carried_on.weights, in_one_go.weights):
        np.testing.assert_array_equal(a, b)
    assert run.after(0) is start
    assert run.after(50) is carried_on


def test_bad_steps_are_refused():
    with pytest.raises(ValueError, match="steps"):
        train_classifier(init_network([2, 1]), POINTS, LABELS, -1)
    with pytest.raises(ValueError, match="learning_rate"):
        train_classifier(init_network([2, 1]), POINTS, LABELS, 1, learning_rate=-1)
