"""A network diagram's geometry: where each neuron's circle goes, the lines
between them, their names, and how many numbers the network learns.

Layer l's neurons stand in a column at x = l · spacing, centred on y = 0, one
unit apart, the first neuron at the top.
"""

from typing import NamedTuple

import numpy as np

from .checks import in_range, positive_int


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
    sizes = _layer_sizes(layer_sizes)
    spacing = in_range("spacing", spacing, 0, np.inf)
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
    sizes = _layer_sizes(layer_sizes)
    prefixes = ["I"] + ["H"] * (len(sizes) - 2) + ["O"]
    return [f"{prefix}{number}" for prefix, size in zip(prefixes, sizes) for number in range(1, size + 1)]


def layer_names(layer_sizes):
    """Name every layer: "Input", "Hidden 1", …, "Output" ("Hidden" alone if there is one)."""
    hidden = len(_layer_sizes(layer_sizes)) - 2
    middle = ["Hidden"] if hidden == 1 else [f"Hidden {number}" for number in range(1, hidden + 1)]
    return ["Input"] + middle + ["Output"]


def count_parameters(layer_sizes):
    """Return (weights, biases): Σ n_in · n_out over consecutive layers, and
    one bias for every neuron after the inputs."""
    sizes = _layer_sizes(layer_sizes)
    weights = sum(n_in * n_out for n_in, n_out in zip(sizes, sizes[1:]))
    return weights, sum(sizes[1:])


def _layer_sizes(layer_sizes):
    sizes = [positive_int("each of layer_sizes", size) for size in layer_sizes]
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must list at least an input and an output size, got {sizes}")
    return sizes
