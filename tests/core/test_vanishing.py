import numpy as np
import pytest

from dlviz.core.datasets import gaussian_blobs
from dlviz.core.network import backward, init_network
from dlviz.core.vanishing import first_layer_gradient_norms, layer_gradient_norms


def test_one_norm_per_layer_matching_backpropagation():
    norms = layer_gradient_norms(3, width=5, size=10, seed=4)
    network = init_network([2, 5, 5, 5, 1], seed=4, hidden_activation="sigmoid")
    points, labels = gaussian_blobs(size=10, seed=4)
    expected = [np.sqrt(np.sum(g**2)) for g in backward(network, points, labels)[0]]
    assert norms.shape == (4,)
    assert np.allclose(norms, expected)


def test_first_layer_gradient_shrinks_with_every_sigmoid_layer():
    norms = first_layer_gradient_norms(10)
    assert np.all(np.diff(norms) < 0)
    assert norms[-1] < norms[0] / 1e4


def test_within_a_deep_sigmoid_network_the_first_layer_gets_least():
    norms = layer_gradient_norms(6)
    assert norms[0] == norms.min()
    assert norms[-1] / norms[0] > 100


def test_first_layer_norms_agree_with_layer_norms():
    assert first_layer_gradient_norms(3)[2] == layer_gradient_norms(3)[0]


def test_deterministic():
    assert np.array_equal(first_layer_gradient_norms(4), first_layer_gradient_norms(4))


@pytest.mark.parametrize(("call", "name"), [
    (lambda: layer_gradient_norms(0), "depth"),
    (lambda: layer_gradient_norms(2, width=0), "width"),
    (lambda: layer_gradient_norms(2, activation="cosine"), "hidden_activation"),
    (lambda: first_layer_gradient_norms(0), "max_depth"),
])
def test_rejects_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()
