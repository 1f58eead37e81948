"""A network diagram's geometry: where each neuron's circle goes, the lines
between them, their names, and how many numbers the network learns.

Layer l's neurons stand in a column at x = l · spacing, centred on y = 0, one
unit apart, the first neuron at the top.
"""

from typing import NamedTuple

import numpy as np

from .checks import layer_size_list, number


class Diagram(NamedTuple):
    """nodes: (n, 2) centres; layers: the layer of each node; labels: its name;
    edges: (m, 2, 2) the start and end of every connection."""

    nodes: np.ndarray
    layers: np.ndarray
    labels: list
    edges: np.ndarray


def network_layout(layer_sizes, spacing=1.5):
    """Return the Diagram of a fully connected network with `layer_sizes`
    (inputs first, outputs last): every neuron of a layer connected to every
    neuron of the next."""
    sizes = layer_size_list("layer_sizes", layer_sizes)
    spacing = number("spacing", spacing, above=0)
    columns = [np.column_stack([np.full(size, layer * spacing), (size - 1) / 2 - np.arange(size)])
               for layer, size in enumerate(sizes)]
    edges = [np.array([[start, end] for start in below for end in above])
             for below, above in zip(columns, columns[1:])]
    return Diagram(
        nodes=np.concatenate(columns),
        layers=np.repeat(np.arange(len(sizes)), sizes),
        labels=node_labels(sizes),
        edges=np.concatenate(edges),
    )


def node_labels(layer_sizes):
    """Name every neuron as the seed notebook does: I1, I2 for the inputs,
    H1, H2, … in each hidden layer, O1, … for the outputs."""
    sizes = layer_size_list("layer_sizes", layer_sizes)
    prefixes = ["I"] + ["H"] * (len(sizes) - 2) + ["O"]
    return [f"{prefix}{number}" for prefix, size in zip(prefixes, sizes) for number in range(1, size + 1)]


def layer_names(layer_sizes):
    """Name every layer: "Input", "Hidden 1", …, "Output" ("Hidden" alone if there is one)."""
    hidden = len(layer_size_list("layer_sizes", layer_sizes)) - 2
    middle = ["Hidden"] if hidden == 1 else [f"Hidden {number}" for number in range(1, hidden + 1)]
    return ["Input"] + middle + ["Output"]
