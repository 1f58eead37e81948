"""The course's data: noisy curves for regression, two-class point clouds for
classification, and a train/test split.

Every generator takes `size` and `seed` and returns the same data for the same
seed. Classification sets return (points, labels): points of shape (size, 2),
labels 0 or 1 (class 0 first, then class 1, half each), all within about
[-6, 6] in both coordinates so one playground view fits them all.
"""

import math

import numpy as np

from .checks import finite_array, in_range, positive_int, same_length


def noisy_quadratic(size=20, seed=19750, noise=1.0):
    """The seed notebook's curve: x evenly over [-3, 3], y = x² + Normal(0, noise)."""
    x = np.linspace(-3, 3, positive_int("size", size))
    return x, x**2 + _blur(_rng(seed), noise, x.shape)


def noisy_neg_log(size=200, seed=19750, noise=0.2):
    """x evenly over [1, 100], y = -log(x) + Normal(0, noise): data no line fits."""
    x = np.linspace(1, 100, positive_int("size", size))
    return x, -np.log(x) + _blur(_rng(seed), noise, x.shape)


def noisy_line(size=50, seed=19750, slope=2.0, intercept=1.0, noise=2.0):
    """x evenly over [-5, 5], y = slope·x + intercept + Normal(0, noise)."""
    x = np.linspace(-5, 5, positive_int("size", size))
    slope = in_range("slope", slope, -math.inf, math.inf)
    intercept = in_range("intercept", intercept, -math.inf, math.inf)
    return x, slope * x + intercept + _blur(_rng(seed), noise, x.shape)


def noisy_sine(size=100, seed=19750, noise=0.1):
    """x evenly over [-3, 3], y = sin(x) + Normal(0, noise)."""
    x = np.linspace(-3, 3, positive_int("size", size))
    return x, np.sin(x) + _blur(_rng(seed), noise, x.shape)


def two_rings(size=1000, seed=19750, noise=0.3, outer_radius=5.0, inner_radius=2.0):
    """The seed notebook's ring data: class 0 on a circle of `outer_radius`,
    class 1 on a circle of `inner_radius`, both blurred by Normal(0, noise)."""
    outer_radius = in_range("outer_radius", outer_radius, 0, math.inf)
    inner_radius = in_range("inner_radius", inner_radius, 0, math.inf)
    labels = _half_and_half(size)
    rng = _rng(seed)
    radius = np.where(labels == 0, outer_radius, inner_radius)
    angle = rng.uniform(0, 2 * np.pi, size)
    points = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return points + _blur(rng, noise, points.shape), labels


def spiral(size=1000, seed=19750, noise=0.2, turns=1.5):
    """Two spiral arms, one per class, winding `turns` times out to radius 5;
    the arm of class 1 is the arm of class 0 turned half a circle."""
    labels = _half_and_half(size)
    rng = _rng(seed)
    along = rng.uniform(0, 1, size)
    angle = 2 * np.pi * in_range("turns", turns, 0, math.inf) * along + np.pi * labels
    points = 5 * along[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return points + _blur(rng, noise, points.shape), labels


def two_moons(size=1000, seed=19750, noise=0.3):
    """Two interlocking half circles of radius 3: class 0 arches up, and class 1
    is the same arch turned half a circle about the origin."""
    labels = _half_and_half(size)
    rng = _rng(seed)
    angle = rng.uniform(0, np.pi, size)
    turned = np.where(labels == 0, 1.0, -1.0)[:, None]
    points = 3 * turned * np.column_stack([np.cos(angle) - 0.5, np.sin(angle) - 0.25])
    return points + _blur(rng, noise, points.shape), labels


def xor_quadrants(size=1000, seed=19750, noise=0.3):
    """Points in the square [-5, 5]², kept 0.3 away from the axes; the label is 1
    where x·y > 0 (first and third quadrants) and 0 elsewhere."""
    labels = _half_and_half(size)
    rng = _rng(seed)
    x = rng.choice([-1, 1], size) * rng.uniform(0.3, 5, size)
    same_sign = np.where(labels == 1, 1, -1)
    y = same_sign * np.sign(x) * rng.uniform(0.3, 5, size)
    points = np.column_stack([x, y])
    return points + _blur(rng, noise, points.shape), labels


def gaussian_blobs(size=1000, seed=19750, noise=1.0):
    """Two round clouds with spread `noise`: class 0 around (-2, -2), class 1 around (2, 2)."""
    labels = _half_and_half(size)
    rng = _rng(seed)
    centre = np.where(labels == 0, -2.0, 2.0)
    points = np.column_stack([centre, centre])
    return points + _blur(rng, noise, points.shape), labels


DATASETS = {
    "rings": two_rings,
    "xor": xor_quadrants,
    "blobs": gaussian_blobs,
    "spiral": spiral,
    "moons": two_moons,
}


def train_test_split(inputs, targets, test_fraction=0.5, seed=0):
    """Shuffle the rows of `inputs` and `targets` together and hold out
    `test_fraction` of them; returns (train_inputs, train_targets, test_inputs, test_targets)."""
    finite_array("inputs", inputs)
    finite_array("targets", targets)
    inputs, targets = np.asarray(inputs), np.asarray(targets)
    same_length("inputs", inputs, "targets", targets)
    test_fraction = in_range("test_fraction", test_fraction, 0, 1)
    tested = round(len(inputs) * test_fraction)
    if not 0 < tested < len(inputs):
        raise ValueError(
            f"test_fraction {test_fraction} of {len(inputs)} rows leaves an empty training or test set"
        )
    order = _rng(seed).permutation(len(inputs))
    train, test = order[tested:], order[:tested]
    return inputs[train], targets[train], inputs[test], targets[test]


def _rng(seed):
    return np.random.default_rng(positive_int("seed", seed, minimum=0))


def _blur(rng, noise, shape):
    return rng.normal(0, in_range("noise", noise, 0, math.inf), shape)


def _half_and_half(size):
    """Labels 0 then 1, half each (class 0 gets the odd one out)."""
    size = positive_int("size", size, minimum=2)
    return (np.arange(size) >= size - size // 2).astype(int)
