import numpy as np
import pytest

from dlviz.core.activations import ACTIVATIONS
from dlviz.core.datasets import train_test_split, two_rings
from dlviz.core.losses import PENALTIES
from dlviz.core.network import (
    Network, accuracy, backward, count_operations, forward, forward_pass, gradients_as_list,
    init_network, loss_value, minibatches, parameters, predict, train_step, with_parameters,
)

RNG = np.random.default_rng(42)
INPUTS = RNG.normal(size=(6, 2))
LABELS = np.array([0, 1, 1, 0, 1, 0])


def _small_network(hidden, output):
    """A [2, 3, 2, 1] network with random weights and biases (none of them zero)."""
    network = init_network([2, 3, 2, 1], seed=1, hidden_activation=hidden, output_activation=output)
    rng = np.random.default_rng(2)
    return with_parameters(network, [rng.normal(size=p.shape) for p in parameters(network)])


def _total_loss(network, loss, penalty, rate):
    return loss_value(network, INPUTS, LABELS, loss) + rate * sum(
        PENALTIES[penalty].output(w) for w in network.weights
    )


@pytest.mark.parametrize("penalty", sorted(PENALTIES))
@pytest.mark.parametrize("loss, output", [
    ("binary_cross_entropy", "sigmoid"),
    ("mean_squared_error", "linear"),
    ("mean_squared_error", "tanh"),
    ("mean_squared_error", "relu"),
])
@pytest.mark.parametrize("hidden", sorted(ACTIVATIONS))
def test_backward_matches_finite_differences(hidden, loss, output, penalty):
    network = _small_network(hidden, output)
    rate = 0.3
    analytic = gradients_as_list(*backward(network, INPUTS, LABELS, loss, penalty, rate))
    params = parameters(network)
    h = 1e-6
    for which, (param, gradient) in enumerate(zip(params, analytic)):
        numeric = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            nudged = []
            for sign in (1, -1):
                changed = [p.copy() for p in params]
                changed[which][index] += sign * h
                nudged.append(_total_loss(with_parameters(network, changed), loss, penalty, rate))
            numeric[index] = (nudged[0] - nudged[1]) / (2 * h)
        np.testing.assert_allclose(gradient, numeric, rtol=1e-5, atol=1e-8)


def test_init_network_shapes_and_activations():
    network = init_network([2, 8, 8, 1], seed=0)
    assert [w.shape for w in network.weights] == [(2, 8), (8, 8), (8, 1)]
    assert [b.shape for b in network.biases] == [(8,), (8,), (1,)]
    assert network.activations == ["tanh", "tanh", "sigmoid"]
    assert all(np.all(b == 0) for b in network.biases)


def test_init_network_is_seeded():
    first, again, other = (init_network([2, 4, 1], seed=s) for s in (3, 3, 4))
    np.testing.assert_array_equal(first.weights[0], again.weights[0])
    assert not np.array_equal(first.weights[0], other.weights[0])


def test_init_network_scales_weights_by_layer_width():
    wide = init_network([400, 400, 1], seed=0).weights[0]
    assert np.std(wide) == pytest.approx(np.sqrt(2 / 800), rel=0.02)


def test_forward_exposes_every_layer():
    network = _small_network("tanh", "sigmoid")
    pre_activations, activations = forward_pass(network, INPUTS)
    assert [a.shape for a in activations] == [(6, 2), (6, 3), (6, 2), (6, 1)]
    np.testing.assert_array_equal(activations[0], INPUTS)
    np.testing.assert_allclose(pre_activations[0], INPUTS @ network.weights[0] + network.biases[0])
    np.testing.assert_allclose(activations[1], np.tanh(pre_activations[0]))
    for mine, theirs in zip(forward(network, INPUTS), activations):
        np.testing.assert_array_equal(mine, theirs)
    np.testing.assert_array_equal(predict(network, INPUTS), activations[-1])


def test_single_neuron_by_hand():
    network = Network(weights=[np.array([[2.0]])], biases=[np.array([-1.0])], activations=["sigmoid"])
    inputs = np.array([[-1.0], [0.5], [3.0]])
    np.testing.assert_allclose(predict(network, inputs)[:, 0], 1 / (1 + np.exp([3.0, 0.0, -5.0])))
    assert accuracy(network, inputs, [0, 0, 0]) == pytest.approx(1 / 3)  # 0.5 counts as class 1
    assert loss_value(network, inputs, [0, 1, 1], "mean_squared_error") == pytest.approx(
        np.mean((1 / (1 + np.exp([3.0, 0.0, -5.0])) - [0, 1, 1]) ** 2)
    )


def test_targets_as_column_or_flat_give_the_same_gradients():
    network = _small_network("relu", "sigmoid")
    flat = gradients_as_list(*backward(network, INPUTS, LABELS))
    column = gradients_as_list(*backward(network, INPUTS, LABELS[:, None]))
    for a, b in zip(flat, column):
        np.testing.assert_array_equal(a, b)


def test_several_outputs_need_matching_targets():
    network = init_network([2, 3, 2], output_activation="linear")
    weight_gradients, _ = backward(network, INPUTS, np.zeros((6, 2)), "mean_squared_error")
    assert weight_gradients[-1].shape == (3, 2)
    with pytest.raises(ValueError, match="targets must have shape"):
        backward(network, INPUTS, np.zeros(6), "mean_squared_error")


def test_parameters_round_trip_in_order():
    network = _small_network("tanh", "sigmoid")
    params = parameters(network)
    assert [p.shape for p in params] == [(2, 3), (3,), (3, 2), (2,), (2, 1), (1,)]
    rebuilt = with_parameters(network, params)
    assert rebuilt.activations == network.activations
    for a, b in zip(parameters(rebuilt), params):
        np.testing.assert_array_equal(a, b)
    assert gradients_as_list(["W0", "W1"], ["b0", "b1"]) == ["W0", "b0", "W1", "b1"]


def test_minibatches_cover_every_row_once():
    batches = minibatches(10, 4, seed=0)
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches)) == list(range(10))
    np.testing.assert_array_equal(np.concatenate(minibatches(10, 4, seed=0)), np.concatenate(batches))
    assert not np.array_equal(np.concatenate(minibatches(10, 4, seed=1)), np.concatenate(batches))


def test_train_step_lowers_the_loss_and_leaves_the_old_network_alone():
    network = _small_network("tanh", "sigmoid")
    before = [p.copy() for p in parameters(network)]
    trained, state = train_step(network, INPUTS, LABELS, None, "gradient_descent", 0.1)
    for a, b in zip(parameters(network), before):
        np.testing.assert_array_equal(a, b)
    assert loss_value(trained, INPUTS, LABELS) < loss_value(network, INPUTS, LABELS)
    assert state == ()


def test_train_step_is_gradient_descent_by_hand():
    network = _small_network("tanh", "sigmoid")
    grads = gradients_as_list(*backward(network, INPUTS, LABELS, "binary_cross_entropy", "l2", 0.01))
    trained, _ = train_step(network, INPUTS, LABELS, None, "gradient_descent", 0.5,
                            "binary_cross_entropy", "l2", 0.01)
    for new, old, grad in zip(parameters(trained), parameters(network), grads):
        np.testing.assert_allclose(new, old - 0.5 * grad)


def test_tanh_network_learns_the_rings_with_adam():
    points, labels = two_rings(size=1000, seed=19750)
    train_points, train_labels, test_points, test_labels = train_test_split(points, labels, seed=0)
    network, state = init_network([2, 8, 8, 1], seed=0), None
    for epoch in range(15):
        for batch in minibatches(len(train_points), 32, seed=epoch):
            network, state = train_step(network, train_points[batch], train_labels[batch],
                                        state, "adam", 0.01)
    assert accuracy(network, test_points, test_labels) > 0.95


def test_count_operations_is_six_per_parameter_per_example():
    # [2, 3, 1]: (2 + 1)·3 + (3 + 1)·1 = 13 parameters
    assert count_operations([2, 3, 1], examples=10) == 6 * 13 * 10
