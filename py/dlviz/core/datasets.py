"""The course's data: noisy curves for regression, two-class point clouds for
classification, a regression surface over the plane, and a train/test split.

Every generator takes `size` and `seed` and returns the same data for the same
seed. Classification sets return (points, labels): points of shape (size, 2),
labels 0 or 1 (class 0 first, then class 1, half each), all within about
[-6, 6] in both coordinates so one playground view fits them all.
"""

import numpy as np

from .checks import finite_array, number, positive_int, same_length


def quadratic_at(x, seed=0, noise=1.0):
    """Return y = x² + Normal(0, noise) at each `x` (a 1-D array), the rule the
    seed's data follows. The k-th value's noise depends only on `seed` and k, so
    adding an x at the end never changes the values before it."""
    x = finite_array("x", x, ndim=1)
    return x**2 + _blur(_rng(seed), noise, x.shape)


def noisy_quadratic(size=20, seed=19750, noise=1.0):
    """The seed notebook's curve: x evenly over [-3, 3], y = quadratic_at(x)."""
    x = np.linspace(-3, 3, positive_int("size", size))
    return x, quadratic_at(x, seed, noise)


def noisy_neg_log(size=200, seed=19750, noise=0.2):
    """x evenly over [1, 100], y = -log(x) + Normal(0, noise): data no line fits."""
    x = np.linspace(1, 100, positive_int("size", size))
    return x, -np.log(x) + _blur(_rng(seed), noise, x.shape)


def noisy_line(size=50, seed=19750, slope=2.0, intercept=1.0, noise=2.0):
    """x evenly over [-5, 5], y = slope·x + intercept + Normal(0, noise)."""
    x = np.linspace(-5, 5, positive_int("size", size))
    slope, intercept = number("slope", slope), number("intercept", intercept)
    return x, slope * x + intercept + _blur(_rng(seed), noise, x.shape)


def wavy_curve(size=200, seed=19750, noise=0.1):
    """x evenly over [-3, 3], y = sin(3x) + Normal(0, noise): three waves, a
    curve a few neurons can't draw but many can."""
    x = np.linspace(-3, 3, positive_int("size", size))
    return x, np.sin(3 * x) + _blur(_rng(seed), noise, x.shape)


def two_rings(size=1000, seed=19750, noise=0.3, outer_radius=5.0, inner_radius=2.0):
    """The seed notebook's ring data: class 0 on a circle of `outer_radius`,
    class 1 on a circle of `inner_radius`, both blurred by Normal(0, noise)."""
    outer_radius = number("outer_radius", outer_radius, at_least=0)
    inner_radius = number("inner_radius", inner_radius, at_least=0)
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
    angle = 2 * np.pi * number("turns", turns, at_least=0) * along + np.pi * labels
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


HILL = (2.0, 2.0)
VALLEY = (-2.0, -2.0)
HILL_WIDTH = 2.0
"""The hill and the valley are bell curves of this standard deviation."""


def hill_and_valley_height(points):
    """exp(-|p - HILL|² / (2·HILL_WIDTH²)) - exp(-|p - VALLEY|² / (2·HILL_WIDTH²))
    for each row p of `points` (shape (n, 2)): about 1 at the hill, -1 at the valley."""
    points = finite_array("points", points, ndim=2)
    spread = 2 * HILL_WIDTH**2
    hill = np.exp(-np.sum((points - HILL) ** 2, axis=1) / spread)
    valley = np.exp(-np.sum((points - VALLEY) ** 2, axis=1) / spread)
    return hill - valley


def hill_and_valley(size=400, seed=19750, noise=0.3):
    """A regression set: points uniform over [-5, 5]², each with the height of
    the hill and valley read at the point blurred by Normal(0, noise).
    Returns (points of shape (size, 2), targets of shape (size,)), targets within [-1, 1]."""
    size = positive_int("size", size, minimum=2)
    rng = _rng(seed)
    points = rng.uniform(-5, 5, (size, 2))
    return points, hill_and_valley_height(points + _blur(rng, noise, points.shape))


PLANE_SLOPE = 0.1
"""The tilted plane rises this much per unit of x and of y: from -1 to 1 over [-5, 5]²."""


def tilted_plane(size=400, seed=19750, noise=0.3):
    """A regression set: points uniform over [-5, 5]², each with the height
    PLANE_SLOPE · (x + y) read at the point blurred by Normal(0, noise), kept within [-1, 1].
    Returns (points of shape (size, 2), targets of shape (size,)), targets within [-1, 1]."""
    size = positive_int("size", size, minimum=2)
    rng = _rng(seed)
    points = rng.uniform(-5, 5, (size, 2))
    return points, np.clip(PLANE_SLOPE * np.sum(points + _blur(rng, noise, points.shape), axis=1), -1, 1)


DATASETS = {
    "rings": two_rings,
    "xor": xor_quadrants,
    "blobs": gaussian_blobs,
    "spiral": spiral,
    "moons": two_moons,
}
REGRESSION_DATASETS = {
    "hills": hill_and_valley,
    "plane": tilted_plane,
}


def train_test_split(inputs, targets, test_fraction=0.5, seed=0):
    """Shuffle the rows of `inputs` and `targets` together and hold out
    `test_fraction` of them; returns (train_inputs, train_targets, test_inputs, test_targets)."""
    finite_array("inputs", inputs)
    finite_array("targets", targets)
    inputs, targets = np.asarray(inputs), np.asarray(targets)
    same_length("inputs", inputs, "targets", targets)
    test_fraction = number("test_fraction", test_fraction, at_least=0, at_most=1)
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
    return rng.normal(0, number("noise", noise, at_least=0), shape)


def _half_and_half(size):
    """Labels 0 then 1, half each (class 0 gets the odd one out)."""
    size = positive_int("size", size, minimum=2)
    return (np.arange(size) >= size - size // 2).astype(int)
