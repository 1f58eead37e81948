import numpy as np
import pytest

from dlviz.core.datasets import gaussian_blobs
from dlviz.core.drift import accuracy_under_shift, boundary_line, shifted_city, train_line_classifier
from dlviz.core.network import accuracy, init_network, predict


@pytest.fixture(scope="module")
def network():
    return train_line_classifier(*gaussian_blobs(size=400, seed=19750))


def test_shift_moves_every_point_along_x_and_keeps_the_labels():
    still, labels = shifted_city(0.0, size=50, seed=3)
    moved, moved_labels = shifted_city(2.5, size=50, seed=3)
    np.testing.assert_allclose(moved - still, np.tile([2.5, 0.0], (50, 1)))
    np.testing.assert_array_equal(labels, moved_labels)


def test_the_classifier_learns_the_training_city(network):
    assert accuracy(network, *gaussian_blobs(size=400, seed=19750)) > 0.98


def test_accuracy_falls_as_the_shift_grows(network):
    shifts = np.arange(0, 8.01, 0.5)
    accuracies = accuracy_under_shift(network, shifts)
    assert accuracies[0] > 0.97
    assert np.all(np.diff(accuracies) <= 0.01)  # never rises by more than noise
    assert accuracies[-1] < 0.55  # a coin toss once every class-0 point has crossed the line
    assert accuracies[8] < accuracies[0] - 0.15  # shift 4: clearly worse


def test_boundary_line_is_where_the_output_is_one_half(network):
    x = np.linspace(-5, 5, 7)
    points = np.column_stack([x, boundary_line(network, x)])
    np.testing.assert_allclose(predict(network, points)[:, 0], 0.5, atol=1e-9)


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="shift"):
        shifted_city(float("nan"))
    with pytest.raises(ValueError, match="steps"):
        train_line_classifier([[0.0, 0.0], [1.0, 1.0]], [0, 1], steps=0)
    with pytest.raises(ValueError, match="points and labels"):
        train_line_classifier([[0.0, 0.0], [1.0, 1.0]], [0, 1, 1])
    with pytest.raises(ValueError, match="vertical"):
        flat = init_network([2, 1])
        flat.weights[0][:] = [[1.0], [0.0]]
        boundary_line(flat, [0.0])
