import math

import numpy as np
import pytest

from dlviz.core.activations import ACTIVATIONS
from dlviz.core.datasets import DATASETS, hill_and_valley, train_test_split, two_rings
from dlviz.core.network import accuracy, backward, init_network, loss_value
from dlviz.core.optimisers import Diverged
from dlviz.core.training import DIVERGENCE_FACTOR, TrainingRun, minibatches, train_step

RINGS = train_test_split(*two_rings(size=200, seed=1, noise=0.3), test_fraction=0.5, seed=2)
HILLS = train_test_split(*hill_and_valley(size=100, seed=1), test_fraction=0.5, seed=2)
INPUTS = np.random.default_rng(42).normal(size=(6, 2))
LABELS = np.array([0, 1, 1, 0, 1, 0])


def _run(data=RINGS, hidden_sizes=(8, 8), **settings):
    train_x, train_t, test_x, test_t = data
    options = {"batch_size": 10, "seed": 3} | settings
    return TrainingRun(train_x, train_t, hidden_sizes, test_inputs=test_x, test_targets=test_t, **options)


def _same_network(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a.weights + a.biases, b.weights + b.biases))


def _finite(network):
    return all(np.isfinite(array).all() for array in network.weights + network.biases)


def test_train_step_is_gradient_descent_by_hand_and_leaves_the_old_network_alone():
    network = init_network([2, 3, 2, 1], seed=1)
    before = [w.copy() for w in network.weights]
    weights, biases = backward(network, INPUTS, LABELS, "binary_cross_entropy", "l2", 0.01)
    trained, state = train_step(network, INPUTS, LABELS, None, "gradient_descent", 0.5,
                                "binary_cross_entropy", "l2", 0.01)
    for new, old, gradient in zip(trained.weights + trained.biases, network.weights + network.biases,
                                  weights + biases):
        np.testing.assert_allclose(new, old - 0.5 * gradient)
    assert all(np.array_equal(a, b) for a, b in zip(network.weights, before)) and state == ()
    assert loss_value(trained, INPUTS, LABELS) < loss_value(network, INPUTS, LABELS)


def test_train_step_passes_the_optimisers_settings_on():
    network = init_network([2, 3, 1], seed=1)
    plain = train_step(network, INPUTS, LABELS, None, "momentum", 0.1, beta=0.0)[0]
    by_hand = train_step(network, INPUTS, LABELS, None, "gradient_descent", 0.1)[0]
    assert _same_network(plain, by_hand)
    with pytest.raises(ValueError, match="momentum has no setting 'betta'"):
        train_step(network, INPUTS, LABELS, None, "momentum", 0.1, betta=0.5)


def test_a_step_that_overflows_raises_diverged_instead_of_returning_nan():
    network = init_network([2, 3, 1], seed=1, hidden_activation="linear", output_activation="linear")
    with pytest.raises(Diverged, match="the loss grew too large for a number to hold"):
        train_step(network, INPUTS * 1e200, LABELS, None, "gradient_descent", 0.1, "mean_squared_error")
    with pytest.raises(Diverged, match="a weight grew too large for a number to hold"):
        train_step(network, INPUTS * 1e10, LABELS, None, "gradient_descent", 1e300, "mean_squared_error")


def test_minibatches_cover_every_row_once():
    batches = minibatches(10, 4, seed=0)
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches)) == list(range(10))
    np.testing.assert_array_equal(np.concatenate(minibatches(10, 4, seed=0)), np.concatenate(batches))
    assert not np.array_equal(np.concatenate(minibatches(10, 4, seed=1)), np.concatenate(batches))


def test_a_step_is_the_optimiser_on_the_next_shuffled_batch():
    train_x, train_t = RINGS[0], RINGS[1]
    run = _run(learning_rate=0.3)
    run.advance(12)  # 10 batches per epoch: two steps into epoch 1
    network, state = init_network([2, 8, 8, 1], seed=3), None
    for epoch, steps in ((0, 10), (1, 2)):
        for rows in minibatches(100, 10, seed=3 + epoch)[:steps]:
            network, state = train_step(network, train_x[rows], train_t[rows], state, "gradient_descent", 0.3)
    assert run.step == 12 and run.epoch == pytest.approx(1.2)
    assert _same_network(run.network, network)


def test_without_a_batch_size_every_step_uses_every_point():
    points, labels = two_rings(size=100, seed=4)
    run = TrainingRun(points, labels, [3], optimiser="adam", learning_rate=0.1, beta1=0.8, seed=5)
    run.train_to(7)
    network, state = init_network([2, 3, 1], seed=5), None
    for _ in range(7):
        network, state = train_step(network, points, labels, state, "adam", 0.1, beta1=0.8)
    assert run.steps_per_epoch == 1 and _same_network(run.network, network)


def test_the_network_depends_only_on_the_step_count_not_on_how_steps_were_grouped():
    one, other = _run(), _run()
    one.advance(37)
    for count in (5, 0, 13, 19):
        other.advance(count)
    assert _same_network(one.network, other.network)
    assert one.train_losses == other.train_losses and one.record_steps == other.record_steps


def test_going_back_restores_a_record_and_trains_on_from_there():
    run, fresh = _run(), _run()
    run.train_to(57)
    assert run.train_to(23) == 23
    fresh.train_to(23)
    assert _same_network(run.network, fresh.network)
    assert run.record_steps == [0, 10, 20] and run.train_losses == fresh.train_losses
    run.train_to(57)
    fresh.train_to(57)
    assert _same_network(run.network, fresh.network)


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
    assert _run(record_every=4).train_to(9) == 9


def test_without_test_points_the_test_loss_is_nan():
    run = TrainingRun(*RINGS[:2], [4])
    assert math.isnan(run.losses()[1])
    with pytest.raises(ValueError, match="test points"):
        run.test_accuracy()


def test_training_on_the_rings_reaches_high_test_accuracy():
    run = _run(learning_rate=0.3)
    run.train_to(400)
    assert run.divergence is None
    assert run.train_losses[-1] < 0.5 * run.train_losses[0]
    assert run.test_accuracy() > 0.9
    assert run.losses() == (run.train_losses[-1], run.test_losses[-1])


def test_a_huge_learning_rate_diverges_says_where_and_why_and_stops():
    run = _run(learning_rate=10.0)
    reached = run.train_to(500)
    assert run.divergence is not None and reached == run.step == run.divergence.step < 500
    assert run.divergence.reason == "the training loss grew to more than 5 times where it started"
    assert run.train_losses[-1] > DIVERGENCE_FACTOR * run.train_losses[0]
    assert run.advance(10) == 0 and run.step == reached
    assert _finite(run.network) and all(math.isfinite(loss) for loss in run.losses())


def test_an_overflowing_regression_stops_at_the_step_and_hands_on_its_last_record():
    run = _run(HILLS, task="regression", activation="linear", learning_rate=10.0)
    run.train_to(2000)
    assert run.divergence.reason == "the loss grew too large for a number to hold"
    assert run.step == run.divergence.step < 20
    assert _finite(run.network) and _same_network(run.network, init_network([2, 8, 8, 1], seed=3,
                                                                         output_activation="linear"))
    assert all(math.isfinite(loss) for loss in run.losses() + tuple(run.train_losses))


def test_regression_has_a_linear_output_and_no_accuracy():
    run = _run(HILLS, task="regression", learning_rate=0.1)
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


def test_a_tanh_network_learns_the_rings_with_adam_minibatches():
    train_x, train_t, test_x, test_t = train_test_split(*two_rings(size=1000, seed=19750), seed=0)
    run = TrainingRun(train_x, train_t, [8, 8], optimiser="adam", learning_rate=0.01, batch_size=32, seed=0)
    run.train_to(15 * run.steps_per_epoch)
    assert accuracy(run.network, test_x, test_t) > 0.95


SETS = dict(DATASETS, hills=hill_and_valley)


@pytest.fixture(scope="module")
def playground_data():
    """Each data set as the playground splits it: 400 points, half held out."""
    return {name: train_test_split(*make(size=400, seed=19750, noise=0.3), 0.5, seed=7)
            for name, make in SETS.items()}


@pytest.mark.parametrize("rate", [10.0, 100.0])
@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("dataset", sorted(SETS))
def test_huge_learning_rates_report_divergence_and_hand_on_no_nan(playground_data, dataset, activation, rate):
    """Every data set and activation at rates 10 and 100, 400 steps as the playground
    takes them: whatever happens, every number handed on is finite; a run that blew
    up says at which step and why; one that says nothing never blew up."""
    task = "regression" if dataset == "hills" else "classification"
    run = _run(playground_data[dataset], activation=activation, task=task, learning_rate=rate, record_every=20)
    run.train_to(400)
    assert _finite(run.network)
    assert all(math.isfinite(loss) for loss in run.losses() + tuple(run.train_losses) + tuple(run.test_losses))
    if run.divergence is None:
        assert run.step == 400 and max(run.train_losses) <= DIVERGENCE_FACTOR * run.train_losses[0]
    else:
        assert run.step == run.divergence.step <= 400
        assert "too large for a number" in run.divergence.reason or "5 times" in run.divergence.reason
    if dataset != "blobs" and (activation == "linear" or rate == 100.0):
        assert run.divergence is not None  # these all blow up: only the blobs, split by a line, are spared


@pytest.mark.parametrize("settings, message", [
    ({"batch_size": 0}, "batch_size"),
    ({"learning_rate": -0.1}, "learning_rate must be > 0"),
    ({"learning_rate": math.inf}, "learning_rate must be a finite number"),
    ({"task": "ranking"}, "task"),
    ({"activation": "swish"}, "activation"),
    ({"penalty": "l3"}, "penalty"),
    ({"penalty_rate": math.nan}, "penalty_rate must be a finite number"),
    ({"record_every": 0}, "record_every"),
    ({"hidden_sizes": [8, 0]}, "each of hidden_sizes must be a positive integer"),
    ({"hidden_sizes": 8}, "hidden_sizes must be a list"),
    ({"seed": -2}, "seed"),
    ({"optimiser": "adam", "beta1": 1.0}, "beta1 must be >= 0 and < 1"),
    ({"optimiser": "momentum", "betta": 0.5}, "momentum has no setting 'betta'"),
])
def test_bad_settings_raise_naming_the_runs_own_parameters(settings, message):
    with pytest.raises(ValueError, match=message):
        _run(**settings)


def test_labels_are_checked_against_the_loss():
    train_x, train_t, test_x, test_t = RINGS
    with pytest.raises(ValueError, match="train_targets must be 0 or 1"):
        TrainingRun(train_x, np.where(train_t == 1, 2, 0), [4])
    with pytest.raises(ValueError, match="test_targets must be 0 or 1"):
        TrainingRun(train_x, train_t, [4], test_inputs=test_x, test_targets=test_t - 0.5)
    TrainingRun(train_x, train_t * 7.5, [4], task="regression")  # any numbers for a regression


def test_bad_data_raises():
    train_x, train_t, test_x, test_t = RINGS
    with pytest.raises(ValueError, match="train_inputs and train_targets"):
        TrainingRun(train_x, train_t[:-1], [4])
    with pytest.raises(ValueError, match="test_inputs must have as many columns"):
        TrainingRun(train_x, train_t, [4], test_inputs=test_x[:, :1], test_targets=test_t)
    with pytest.raises(ValueError, match="test_inputs and test_targets must be given together"):
        TrainingRun(train_x, train_t, [4], test_inputs=test_x)
    with pytest.raises(ValueError, match="count"):
        TrainingRun(train_x, train_t, [4]).advance(-1)
    with pytest.raises(ValueError, match="step"):
        TrainingRun(train_x, train_t, [4]).train_to(2.5)
