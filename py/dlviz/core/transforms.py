"""What layers do to space: stretching an axis until a line fits, the grid
under the data carried through every layer of a network, and what each neuron
answers at every point of the plane."""

import numpy as np

from .checks import finite_array, number, positive_int
from .geometry import grid_points
from .network import forward


def stretch_axis(x, stretch):
    """Return x^p with p = 1 - stretch / 2: stretch 0 leaves x alone, stretch 1
    gives √x, in between the power falls smoothly. `x` must be positive."""
    x = finite_array("x", x)
    if np.any(x <= 0):
        raise ValueError("x must be positive to be stretched")
    return x ** (1 - number("stretch", stretch, at_least=0, at_most=1) / 2)


def morph(network, points):
    """Carry `points` (any shape ending in the network's input size) through
    the network; return what every layer makes of them, inputs first and
    outputs last, each shaped like `points` but for its last axis."""
    points = finite_array("points", points)
    shape = points.shape[:-1]
    layers = forward(network, points.reshape(-1, points.shape[-1]))
    return [layer.reshape(*shape, layer.shape[-1]) for layer in layers]


def neuron_maps(network, low, high, resolution=30):
    """What each neuron responds to: for every layer after the inputs, an
    array (neurons, resolution, resolution) of each neuron's activation over
    the input square [low, high]², row 0 at the bottom (as Bokeh draws images)."""
    resolution = positive_int("resolution", resolution, minimum=2)
    layers = forward(network, grid_points(low, high, resolution))[1:]
    return [layer.T.reshape(-1, resolution, resolution) for layer in layers]
