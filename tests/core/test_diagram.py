import numpy as np
import pytest

from dlviz.core.diagram import layer_names, network_layout, node_labels
from dlviz.core.network import count_parameters


@pytest.mark.parametrize("sizes", [[2, 3, 1], [2, 4, 3, 3, 4, 1], [1, 64, 1], [2, 1]])
def test_every_connection_is_a_weight(sizes):
    weights, biases = count_parameters(sizes)
    assert weights == sum(a * b for a, b in zip(sizes, sizes[1:]))
    assert biases == sum(sizes[1:])
    diagram = network_layout(sizes)
    assert len(diagram.edges) == weights
    assert len(diagram.nodes) == len(diagram.labels) == sum(sizes)


def test_the_seeds_small_network():
    assert count_parameters([2, 3, 1]) == (9, 4)
    assert node_labels([2, 3, 1]) == ["I1", "I2", "H1", "H2", "H3", "O1"]
    assert layer_names([2, 3, 1]) == ["Input", "Hidden", "Output"]
    assert layer_names([2, 4, 3, 1]) == ["Input", "Hidden 1", "Hidden 2", "Output"]


def test_layout_puts_layers_in_centred_columns():
    diagram = network_layout([2, 3, 1], spacing=2)
    np.testing.assert_allclose(diagram.nodes[:, 0], [0, 0, 2, 2, 2, 4])
    np.testing.assert_allclose(diagram.nodes[:, 1], [0.5, -0.5, 1, 0, -1, 0])
    np.testing.assert_array_equal(diagram.layers, [0, 0, 1, 1, 1, 2])
    # every edge runs from one column to the next
    np.testing.assert_allclose(diagram.edges[:, 1, 0] - diagram.edges[:, 0, 0], 2)


@pytest.mark.parametrize("sizes", [[2], [2, 0, 1], [2, 1.5], 3])
def test_bad_sizes_are_refused(sizes):
    for function in (count_parameters, network_layout, node_labels, layer_names):
        with pytest.raises(ValueError, match="layer_sizes"):
            function(sizes)
