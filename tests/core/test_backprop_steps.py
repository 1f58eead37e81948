import numpy as np
import pytest

from dlviz.core.backprop_steps import trace_backprop
from dlviz.core.network import Network, backward, forward, init_network, parameters, with_parameters

NETWORK = Network(
    weights=[np.array([[0.8, -0.4], [0.3, 0.9]]), np.array([[1.2], [-0.7]])],
    biases=[np.array([0.1, -0.2]), np.array([0.3])],
    activations=["sigmoid", "sigmoid"],
)
INPUTS = np.array([1.0, 0.5])


def _loss(network, loss="mean_squared_error", target=1.0):
    return trace_backprop(network, INPUTS, target, loss).loss


def _finite_differences(network, loss="mean_squared_error", h=1e-6):
    params = parameters(network)
    grads = []
    for k, p in enumerate(params):
        grad = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            moved = [q.copy() for q in params]
            moved[k][index] += h
            up = _loss(with_parameters(network, moved), loss)
            moved[k][index] -= 2 * h
            grad[index] = (up - _loss(with_parameters(network, moved), loss)) / (2 * h)
        grads.append(grad)
    return grads


def test_forward_numbers_by_hand():
    trace = trace_backprop(NETWORK, INPUTS, 1.0)
    np.testing.assert_allclose(trace.pre_activations[0], [0.8 + 0.15 + 0.1, -0.4 + 0.45 - 0.2])
    h = 1 / (1 + np.exp(-trace.pre_activations[0]))
    np.testing.assert_allclose(trace.activations[1], h)
    z = 1.2 * h[0] - 0.7 * h[1] + 0.3
    out = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(trace.activations[2], [out])
    assert trace.loss == pytest.approx((out - 1) ** 2)
    np.testing.assert_allclose(trace.activations[-1], forward(NETWORK, INPUTS[None, :])[-1][0])


def test_backward_numbers_by_hand():
    trace = trace_backprop(NETWORK, INPUTS, 1.0)
    out, h = trace.activations[2][0], trace.activations[1]
    der_out = 2 * (out - 1)
    der_z = der_out * out * (1 - out)
    assert trace.der_activations[2][0] == pytest.approx(der_out)
    assert trace.der_pre_activations[1][0] == pytest.approx(der_z)
    np.testing.assert_allclose(trace.weight_gradients[1][:, 0], h * der_z)
    np.testing.assert_allclose(trace.der_activations[1], [1.2 * der_z, -0.7 * der_z])
    np.testing.assert_allclose(trace.der_pre_activations[0], trace.der_activations[1] * h * (1 - h))
    np.testing.assert_allclose(trace.weight_gradients[0], np.outer(INPUTS, trace.der_pre_activations[0]))


@pytest.mark.parametrize("loss", ["mean_squared_error", "binary_cross_entropy"])
def test_trace_agrees_with_network_backward_and_finite_differences(loss):
    trace = trace_backprop(NETWORK, INPUTS, 1.0, loss)
    weights, biases = backward(NETWORK, INPUTS[None, :], np.array([1.0]), loss)
    numeric = _finite_differences(NETWORK, loss)
    for layer in range(2):
        np.testing.assert_allclose(trace.weight_gradients[layer], weights[layer], rtol=1e-12)
        np.testing.assert_allclose(trace.bias_gradients[layer], biases[layer], rtol=1e-12)
        np.testing.assert_allclose(trace.weight_gradients[layer], numeric[2 * layer], rtol=1e-5)
        np.testing.assert_allclose(trace.bias_gradients[layer], numeric[2 * layer + 1], rtol=1e-5)


def test_trace_works_for_deeper_networks():
    network = init_network([3, 4, 2, 2], seed=5, hidden_activation="tanh", output_activation="linear")
    inputs, target = np.array([0.2, -1.0, 0.5]), np.array([1.0, -1.0])
    trace = trace_backprop(network, inputs, target)
    weights, _ = backward(network, inputs[None, :], target[None, :], "mean_squared_error")
    for mine, theirs in zip(trace.weight_gradients, weights):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12)


def test_bad_input_raises_naming_the_parameter():
    with pytest.raises(ValueError, match="inputs"):
        trace_backprop(NETWORK, [1.0, 2.0, 3.0], 1.0)
    with pytest.raises(ValueError, match="target"):
        trace_backprop(NETWORK, INPUTS, [1.0, 0.0])
    with pytest.raises(ValueError, match="loss"):
        trace_backprop(NETWORK, INPUTS, 1.0, "hinge")
    with pytest.raises(ValueError, match="network"):
        trace_backprop("network", INPUTS, 1.0)
