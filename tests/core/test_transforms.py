import numpy as np
import pytest

from dlviz.core.geometry import grid_lines, grid_points
from dlviz.core.network import forward, init_network
from dlviz.core.transforms import morph, neuron_maps, stretch_axis


def test_stretch_goes_from_x_to_root_x():
    x = np.array([1.0, 4.0, 100.0])
    np.testing.assert_allclose(stretch_axis(x, 0), x)
    np.testing.assert_allclose(stretch_axis(x, 1), [1, 2, 10])
    np.testing.assert_allclose(stretch_axis(x, 0.5), x ** 0.75)


@pytest.mark.parametrize("bad, name", [
    ({"x": [0.0, 1.0], "stretch": 0.5}, "x"),
    ({"x": [1.0], "stretch": 2}, "stretch"),
])
def test_stretch_rejects_bad_input(bad, name):
    with pytest.raises(ValueError, match=name):
        stretch_axis(**bad)


def test_morph_gives_every_layer_and_keeps_the_shape():
    network = init_network([2, 2, 2, 1], seed=0)
    lines = grid_lines(-1, 1, count=3, samples=4)
    layers = morph(network, lines)
    assert [layer.shape for layer in layers] == [(6, 4, 2), (6, 4, 2), (6, 4, 2), (6, 4, 1)]
    np.testing.assert_allclose(layers[1].reshape(-1, 2), forward(network, lines.reshape(-1, 2))[1])


def test_neuron_maps_are_each_neurons_activation_over_the_plane():
    network = init_network([2, 3, 1], seed=0)
    maps = neuron_maps(network, -1, 1, resolution=4)
    assert [m.shape for m in maps] == [(3, 4, 4), (1, 4, 4)]
    points = grid_points(-1, 1, 4)
    np.testing.assert_allclose(points[0], [-1, -1])
    np.testing.assert_allclose(points[4], [-1, -1 + 2 / 3])  # row 1 is one step up
    # row 0, column 3 is the point (1, -1)
    np.testing.assert_allclose(maps[0][:, 0, 3], np.tanh(np.array([1.0, -1.0]) @ network.weights[0] + network.biases[0]))
