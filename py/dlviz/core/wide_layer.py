"""One wide hidden layer fitting a curve: the "infinitely wide layer" claim,
made cheap enough to answer instantly.

Each hidden neuron is tanh(slope · (x - centre)), a soft step at `centre`,
with its slope and centre drawn at random and then kept fixed (random
features). Only the output layer is learned: a weighted sum of the steps plus
a bias, found exactly by least squares. A wider layer keeps the narrower
layer's neurons and adds more, so its best fit can only get better.
"""

import numpy as np

from .checks import finite_array, low_high, positive_int, same_length
from .losses import mean_squared_error

MAX_WIDTH = 64


def random_hidden_layer(width, low, high, seed=0, max_width=MAX_WIDTH):
    """Return (slopes, centres) of the first `width` of `max_width` random
    neurons: centres uniform over [low, high], slopes 1 to 4 in size, either sign.
    The same seed gives the same neurons, so every width extends the one below."""
    max_width = positive_int("max_width", max_width)
    width = positive_int("width", width)
    if width > max_width:
        raise ValueError(f"width must be at most max_width={max_width}, got {width}")
    low, high = low_high(low, high)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    slopes = rng.uniform(1, 4, max_width) * rng.choice([-1.0, 1.0], max_width)
    centres = rng.uniform(low, high, max_width)
    return slopes[:width], centres[:width]


def hidden_activations(x, slopes, centres):
    """Return tanh(slope · (x - centre)) for every x (rows) and neuron (columns)."""
    x = finite_array("x", x, ndim=1)
    slopes, centres = finite_array("slopes", slopes, ndim=1), finite_array("centres", centres, ndim=1)
    same_length("slopes", slopes, "centres", centres)
    return np.tanh(slopes * (x[:, None] - centres))


def fit_output_layer(hidden, y):
    """Return the output weights (one per neuron, then the bias) that make
    hidden · weights + bias closest to y in squared error (least squares)."""
    hidden = finite_array("hidden", hidden, ndim=2)
    y = finite_array("y", y, ndim=1)
    same_length("hidden", hidden, "y", y)
    with_bias = np.column_stack([hidden, np.ones(len(hidden))])
    return np.linalg.lstsq(with_bias, y, rcond=None)[0]


def output(hidden, weights):
    """Return the output layer's prediction: hidden · weights[:-1] + weights[-1]."""
    hidden = finite_array("hidden", hidden, ndim=2)
    weights = finite_array("weights", weights, ndim=1)
    if len(weights) != hidden.shape[1] + 1:
        raise ValueError(f"weights must hold {hidden.shape[1] + 1} numbers (one per neuron and a bias), "
                         f"got {len(weights)}")
    return hidden @ weights[:-1] + weights[-1]


def wide_layer_fit(x, y, width, seed=0):
    """Fit one hidden layer of `width` random tanh neurons to (x, y); return
    (weights, slopes, centres, mean squared error on the points)."""
    x, y = finite_array("x", x, ndim=1), finite_array("y", y, ndim=1)
    same_length("x", x, "y", y)
    slopes, centres = random_hidden_layer(width, x.min(), x.max(), seed)
    hidden = hidden_activations(x, slopes, centres)
    weights = fit_output_layer(hidden, y)
    return weights, slopes, centres, mean_squared_error(y, output(hidden, weights))
