import math

import numpy as np
import pytest

from dlviz.core.datasets import train_test_split, two_rings
from dlviz.core.network import init_network, loss_value, minibatches, train_step
from dlviz.core.plane import hill_and_valley
from dlviz.core.training_run import DIVERGENCE_FACTOR, TrainingRun

RINGS = train_test_split(*two_rings(size=200, seed=1, noise=0.3), test_fraction=0.5, seed=2)


def _run(data=RINGS, **settings):
    options = {"hidden_sizes": [8, 8], "batch_size": 10, "seed": 3} | settings
    return TrainingRun(*data, **options)


def _same_network(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a.weights + a.biases, b.weights + b.biases))


def test_a_step_is_gradient_descent_on_the_next_shuffled_batch():
    train_x, train_t = RINGS[0], RINGS[1]
    run = _run(learning_rate=0.3)
    run.advance(12)  # 10 batches per epoch: two steps into epoch 1
    network, state = init_network([2, 8, 8, 1], seed=3), None
    for epoch, steps in ((0, 10), (1, 2)):
        for rows in minibatches(100, 10, seed=3 + epoch)[:steps]:
            network, state = train_step(network, train_x[rows], train_t[rows], state, "gradient_descent", 0.3)
    assert run.step == 12 and run.epoch == pytest.approx(1.2)
    assert _same_network(run.network, network)


def test_the_network_depends_only_on_the_step_count_not_on_how_steps_were_grouped():
    one, other = _run(), _run()
    one.advance(37)
    for count in (5, 0, 13, 19):
        other.advance(count)
    assert _same_network(one.network, other.network)
    assert one.train_losses == other.train_losses and one.record_steps == other.record_steps


def test_records_losses_at_step_zero_and_every_epoch():
    train_x, train_t, test_x, test_t = RINGS
    run = _run()
    start = init_network([2, 8, 8, 1], seed=3)
    assert run.train_losses == [loss_value(start, train_x, train_t)]
    assert run.test_losses == [loss_value(start, test_x, test_t)]
    run.train_to(35)
    assert run.steps_per_epoch == 10 and run.record_every == 10
    assert run.record_steps == [0, 10, 20, 30]
    assert run.record_epochs() == [0.0, 1.0, 2.0, 3.0]
    assert run.losses() == (loss_value(run.network, train_x, train_t), loss_value(run.network, test_x, test_t))


def test_record_every_can_be_set():
    run = _run(record_every=4)
    run.train_to(9)
    assert run.record_steps == [0, 4, 8]


def test_training_on_the_rings_reaches_high_test_accuracy():
    run = _run(learning_rate=0.3)
    run.train_to(400)
    assert not run.diverged
    assert run.train_losses[-1] < 0.5 * run.train_losses[0]
    assert run.test_accuracy() > 0.9
    train, test = run.losses()
    assert train == pytest.approx(run.train_losses[-1]) and test == pytest.approx(run.test_losses[-1])


def test_a_huge_learning_rate_diverges_and_stops():
    run = _run(learning_rate=10.0)
    reached = run.train_to(500)
    assert run.diverged and reached == run.step < 500
    assert run.step % run.record_every == 0  # found at a record
    assert run.advance(10) == 0 and run.step == reached
    assert all(math.isfinite(loss) for loss in run.train_losses + run.test_losses)
    assert run.record_steps[-1] == run.step  # its loss was finite, but far above where it started
    assert run.train_losses[-1] > DIVERGENCE_FACTOR * run.train_losses[0]
    assert run.sound_network is not run.network


def test_an_infinite_loss_diverges_and_the_sound_network_stays_finite():
    data = train_test_split(*hill_and_valley(size=100, seed=1), test_fraction=0.5, seed=2)
    run = _run(data, task="regression", activation="relu", learning_rate=10.0)
    run.train_to(2000)
    assert run.diverged and run.step < 2000
    assert all(np.all(np.isfinite(w)) for w in run.sound_network.weights)
    assert all(math.isfinite(loss) for loss in run.losses())


def test_regression_has_a_linear_output_and_no_accuracy():
    data = train_test_split(*hill_and_valley(size=100, seed=1), test_fraction=0.5, seed=2)
    run = _run(data, task="regression", learning_rate=0.1)
    assert run.network.activations[-1] == "linear"
    run.train_to(200)
    assert run.train_losses[-1] < run.train_losses[0]
    with pytest.raises(ValueError, match="classification"):
        run.test_accuracy()


def test_no_hidden_layers_is_a_single_layer():
    run = _run(hidden_sizes=[])
    assert run.layer_sizes == [2, 1] and len(run.network.weights) == 1


def test_l2_regularisation_keeps_the_weights_smaller():
    plain, penalised = _run(learning_rate=0.3), _run(learning_rate=0.3, penalty="l2", penalty_rate=0.1)
    plain.train_to(300)
    penalised.train_to(300)
    size = [sum(float(np.sum(w**2)) for w in run.network.weights) for run in (plain, penalised)]
    assert size[1] < size[0]


def test_train_to_cannot_go_back():
    run = _run()
    run.train_to(5)
    with pytest.raises(ValueError, match="step"):
        run.train_to(3)


@pytest.mark.parametrize("settings, name", [
    ({"batch_size": 0}, "batch_size"),
    ({"learning_rate": -0.1}, "learning_rate"),
    ({"task": "ranking"}, "task"),
    ({"activation": "swish"}, "activation"),
    ({"penalty": "l3"}, "penalty"),
    ({"penalty_rate": -1.0}, "penalty_rate"),
    ({"record_every": 0}, "record_every"),
    ({"hidden_sizes": [8, 0]}, "layer_sizes"),
    ({"seed": -2}, "seed"),
])
def test_bad_settings_raise(settings, name):
    with pytest.raises(ValueError, match=name):
        _run(**settings)


def test_bad_data_raises():
    train_x, train_t, test_x, test_t = RINGS
    with pytest.raises(ValueError, match="train_targets"):
        TrainingRun(train_x, train_t[:-1], test_x, test_t, [4])
    with pytest.raises(ValueError, match="test_inputs"):
        TrainingRun(train_x, train_t, test_x[:, :1], test_t, [4])
    with pytest.raises(ValueError, match="count"):
        TrainingRun(train_x, train_t, test_x, test_t, [4]).advance(-1)
