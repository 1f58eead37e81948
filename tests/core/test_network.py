import numpy as np
import pytest
from sklearn.neural_network import MLPClassifier

from dlviz.core.activations import ACTIVATIONS, SIGMOID
from dlviz.core.losses import PENALTIES
from dlviz.core.network import (
    Network, accuracy, backward, backward_pass, count_parameters, forward, forward_pass, init_network,
    init_range, loss_value, predict,
)

RNG = np.random.default_rng(42)
INPUTS = RNG.normal(size=(6, 2))
LABELS = np.array([0, 1, 1, 0, 1, 0])
TINY = Network(  # the backpropagation figure's network
    weights=[np.array([[0.8, -0.4], [0.3, 0.9]]), np.array([[1.2], [-0.7]])],
    biases=[np.array([0.1, -0.2]), np.array([0.3])],
    activations=["sigmoid", "sigmoid"],
)


def _small_network(hidden, output):
    """A [2, 3, 2, 1] network with random weights and biases (none of them zero)."""
    network = init_network([2, 3, 2, 1], seed=1, hidden_activation=hidden, output_activation=output)
    rng = np.random.default_rng(2)
    return Network([rng.normal(size=w.shape) for w in network.weights],
                   [rng.normal(size=b.shape) for b in network.biases], network.activations)


def _nudged(network, which, layer, index, by):
    """`network` with one weight (which="weights") or bias moved by `by`."""
    arrays = {"weights": [w.copy() for w in network.weights], "biases": [b.copy() for b in network.biases]}
    arrays[which][layer][index] += by
    return Network(arrays["weights"], arrays["biases"], network.activations)


def _finite_differences(network, loss_of, h=1e-6):
    """(weight gradients, bias gradients) of loss_of(network) by central differences."""
    gradients = {}
    for which in ("weights", "biases"):
        gradients[which] = []
        for layer, array in enumerate(getattr(network, which)):
            numeric = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                up, down = (loss_of(_nudged(network, which, layer, index, sign * h)) for sign in (1, -1))
                numeric[index] = (up - down) / (2 * h)
            gradients[which].append(numeric)
    return gradients["weights"], gradients["biases"]


@pytest.mark.parametrize("penalty", sorted(PENALTIES))
@pytest.mark.parametrize("loss, output", [
    ("binary_cross_entropy", "sigmoid"),
    ("mean_squared_error", "linear"),
    ("mean_squared_error", "tanh"),
    ("mean_squared_error", "sigmoid"),
    ("mean_squared_error", "relu"),
])
@pytest.mark.parametrize("hidden", sorted(ACTIVATIONS))
def test_backward_matches_finite_differences(hidden, loss, output, penalty):
    network = _small_network(hidden, output)
    rate = 0.3

    def total(net):
        return loss_value(net, INPUTS, LABELS, loss) + rate * sum(PENALTIES[penalty].output(w) for w in net.weights)

    weights, biases = backward(network, INPUTS, LABELS, loss, penalty, rate)
    numeric_weights, numeric_biases = _finite_differences(network, total)
    for mine, numeric in zip(weights + biases, numeric_weights + numeric_biases):
        np.testing.assert_allclose(mine, numeric, rtol=1e-5, atol=1e-8)
    assert backward_pass(network, INPUTS, LABELS, loss, penalty, rate).loss == pytest.approx(total(network))


@pytest.mark.parametrize("logit", [-50.0, -20.0, 20.0, 50.0])
@pytest.mark.parametrize("target", [0.0, 1.0])
def test_gradients_are_exact_at_saturated_logits(logit, target):
    """One sigmoid neuron z = 2x + b with z at ±20 and ±50: the gradient (σ(z) - t)·x
    from backprop matches finite differences, and stays about 1 when the neuron is
    confidently wrong."""
    network = Network([np.array([[2.0]])], [np.array([logit - 2.0])], ["sigmoid"])
    inputs, targets = np.array([[1.0]]), np.array([target])
    weights, biases = backward(network, inputs, targets)
    expected = -SIGMOID.output(-logit) if target == 1 else SIGMOID.output(logit)  # σ(z) - t, exactly
    np.testing.assert_allclose([weights[0][0, 0], biases[0][0]], [expected, expected], rtol=1e-12)
    numeric_weights, numeric_biases = _finite_differences(network, lambda n: loss_value(n, inputs, targets), h=1e-4)
    np.testing.assert_allclose(weights[0], numeric_weights[0], rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(biases[0], numeric_biases[0], rtol=1e-6, atol=1e-30)
    if (logit > 0) != (target == 1):
        assert abs(weights[0][0, 0]) == pytest.approx(1.0, abs=1e-8)


def test_a_confidently_wrong_neuron_still_learns():
    """A neuron at logit 20 on points labelled 0 gets a gradient of about 1, so it
    turns round in a few steps (a clipped probability gave 0.021 and it stayed wrong)."""
    network = Network([np.array([[10.0]])], [np.array([10.0])], ["sigmoid"])
    inputs, labels = np.array([[1.0], [1.5]]), np.array([0, 0])
    assert accuracy(network, inputs, labels) == 0.0
    for _ in range(200):
        weights, biases = backward(network, inputs, labels)
        network = Network([network.weights[0] - 0.5 * weights[0]], [network.biases[0] - 0.5 * biases[0]],
                          network.activations)
    assert accuracy(network, inputs, labels) == 1.0


def test_backward_pass_by_hand_on_the_tiny_network():
    passed = backward_pass(TINY, np.array([[1.0, 0.5]]), [1.0], "mean_squared_error")
    z_hidden = np.array([0.8 + 0.15 + 0.1, -0.4 + 0.45 - 0.2])
    np.testing.assert_allclose(passed.pre_activations[0][0], z_hidden)
    h = 1 / (1 + np.exp(-z_hidden))
    out = 1 / (1 + np.exp(-(1.2 * h[0] - 0.7 * h[1] + 0.3)))
    np.testing.assert_allclose(passed.activations[2][0], [out])
    assert passed.loss == pytest.approx((out - 1) ** 2)
    der_out = 2 * (out - 1)
    der_z = der_out * out * (1 - out)
    assert passed.der_outputs[1][0, 0] == pytest.approx(der_out)
    assert passed.der_pre_activations[1][0, 0] == pytest.approx(der_z)
    np.testing.assert_allclose(passed.weight_gradients[1][:, 0], h * der_z)
    np.testing.assert_allclose(passed.der_outputs[0][0], [1.2 * der_z, -0.7 * der_z])
    np.testing.assert_allclose(passed.der_pre_activations[0][0], passed.der_outputs[0][0] * h * (1 - h))
    np.testing.assert_allclose(passed.weight_gradients[0], np.outer([1.0, 0.5], passed.der_pre_activations[0][0]))
    np.testing.assert_allclose(passed.bias_gradients[0], passed.der_pre_activations[0][0])


def test_a_loss_read_from_the_logits_has_no_output_derivative_to_show():
    passed = backward_pass(TINY, np.array([[1.0, 0.5]]), [1.0], "binary_cross_entropy")
    assert passed.der_outputs[-1] is None
    np.testing.assert_allclose(passed.der_pre_activations[-1], passed.activations[-1] - 1.0)


def test_cross_entropy_needs_a_sigmoid_output():
    network = init_network([2, 3, 1], output_activation="linear")
    with pytest.raises(ValueError, match="binary_cross_entropy needs a sigmoid output layer"):
        backward(network, INPUTS, LABELS)
    with pytest.raises(ValueError, match="needs a sigmoid"):
        loss_value(network, INPUTS, LABELS)


@pytest.mark.parametrize("activation, n_in, n_out, reach", [
    ("tanh", 2, 8, np.sqrt(6 / 10)), ("sigmoid", 8, 1, np.sqrt(6 / 9)), ("linear", 3, 3, 1.0),
    ("relu", 24, 8, 0.5),
])
def test_init_range_is_glorots_or_hes(activation, n_in, n_out, reach):
    assert init_range(activation, n_in, n_out) == pytest.approx(reach)


def test_init_range_for_tanh_is_scikit_learns():
    """MLPClassifier draws a tanh network's weights and biases from ±√(6 / (n_in + n_out))."""
    peer = MLPClassifier(activation="tanh")
    peer._random_state = np.random.RandomState(0)
    weights, biases = peer._init_coef(300, 200, np.float64)
    reach = init_range("tanh", 300, 200)
    assert np.abs(weights).max() <= reach and np.abs(weights).max() > 0.999 * reach
    assert np.abs(biases).max() <= reach and np.abs(biases).max() > 0.98 * reach


def test_init_network_draws_weights_and_biases_uniformly_per_activation():
    network = init_network([400, 300, 200, 1], seed=0, hidden_activation="relu")
    assert network.activations == ["relu", "relu", "sigmoid"]
    for weights, biases, activation in zip(network.weights, network.biases, network.activations):
        reach = init_range(activation, *weights.shape)
        for values in (weights, biases):
            assert np.abs(values).max() <= reach
        assert np.abs(weights).max() > 0.99 * reach
        assert np.std(weights) == pytest.approx(reach / np.sqrt(3), rel=0.02)  # a uniform's spread
        assert np.all(biases != 0)
        if biases.size > 1:
            assert abs(np.mean(biases)) < 0.2 * reach


def test_init_network_shapes_and_seeds():
    network = init_network([2, 8, 8, 1], seed=0)
    assert [w.shape for w in network.weights] == [(2, 8), (8, 8), (8, 1)]
    assert [b.shape for b in network.biases] == [(8,), (8,), (1,)]
    assert network.activations == ["tanh", "tanh", "sigmoid"]
    first, again, other = (init_network([2, 4, 1], seed=s) for s in (3, 3, 4))
    np.testing.assert_array_equal(first.weights[0], again.weights[0])
    assert not np.array_equal(first.weights[0], other.weights[0])


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
    outputs = 1 / (1 + np.exp([3.0, 0.0, -5.0]))
    np.testing.assert_allclose(predict(network, inputs)[:, 0], outputs)
    assert accuracy(network, inputs, [0, 0, 0]) == pytest.approx(1 / 3)  # 0.5 counts as class 1
    assert loss_value(network, inputs, [0, 1, 1], "mean_squared_error") == pytest.approx(
        np.mean((outputs - [0, 1, 1]) ** 2))
    assert loss_value(network, inputs, [0, 1, 1]) == pytest.approx(
        -np.mean(np.log([1 - outputs[0], outputs[1], outputs[2]])))


def test_targets_as_column_or_flat_give_the_same_gradients():
    network = _small_network("relu", "sigmoid")
    flat, column = backward(network, INPUTS, LABELS), backward(network, INPUTS, LABELS[:, None])
    for a, b in zip(flat[0] + flat[1], column[0] + column[1]):
        np.testing.assert_array_equal(a, b)


def test_several_outputs_need_matching_targets():
    network = init_network([2, 3, 2], output_activation="linear")
    weight_gradients, _ = backward(network, INPUTS, np.zeros((6, 2)), "mean_squared_error")
    assert weight_gradients[-1].shape == (3, 2)
    with pytest.raises(ValueError, match="targets must have shape"):
        backward(network, INPUTS, np.zeros(6), "mean_squared_error")


def test_count_parameters():
    assert count_parameters([2, 3, 1]) == (9, 4)
    assert count_parameters([2, 8, 8, 1]) == (2 * 8 + 8 * 8 + 8, 17)
