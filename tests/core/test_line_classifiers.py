import numpy as np
import pytest

from dlviz.core.datasets import gaussian_blobs, xor_quadrants
from dlviz.core.line_classifiers import (
    accuracy_over_steps, line_accuracy, line_predict, nearest_centroid, train_perceptron,
)


def test_predict_is_the_side_of_the_line():
    points = np.array([[1.0, 1.0], [-1.0, -1.0], [0.0, 0.0]])
    assert line_predict([1.0, 1.0], 0.0, points).tolist() == [1, 0, 0]  # on the line counts as 0
    assert line_predict([1.0, 1.0], 0.5, points).tolist() == [1, 0, 1]


def test_one_step_follows_the_rule():
    # starting from w = 0, b = 0 every point is called 0; a class-1 point is a mistake
    history = train_perceptron([[2.0, 3.0]], [1], steps=1, learning_rate=0.5)
    assert history.weights[1].tolist() == [1.0, 1.5]  # w + 0.5 · (1 - 0) · (2, 3)
    assert history.biases[1] == 0.5
    # a right answer changes nothing
    history = train_perceptron([[2.0, 3.0]], [0], steps=1)
    assert history.weights[1].tolist() == [0.0, 0.0] and history.biases[1] == 0.0


def test_history_holds_the_start_and_every_step_and_cycles_through_the_points():
    points, labels = gaussian_blobs(size=10, seed=1)
    history = train_perceptron(points, labels, steps=25, seed=3)
    assert history.weights.shape == (26, 2) and history.biases.shape == (26,)
    assert sorted(history.order[:10]) == list(range(10))
    assert history.order[10:20].tolist() == history.order[:10].tolist()


def test_separates_two_blobs_and_stays_separated():
    points, labels = gaussian_blobs(size=50, seed=19750, noise=1.4)
    accuracies = accuracy_over_steps(train_perceptron(points, labels, steps=150), points, labels)
    assert accuracies[0] == 0.5  # w = 0 calls everything class 0
    first_perfect = int(np.argmax(accuracies == 1.0))
    assert accuracies[first_perfect] == 1.0
    assert np.all(accuracies[first_perfect:] == 1.0)  # no mistakes left, so nothing changes


def test_never_learns_xor():
    points, labels = xor_quadrants(size=50, seed=19750)
    accuracies = accuracy_over_steps(train_perceptron(points, labels, steps=150), points, labels)
    assert accuracies.max() <= 0.7


def test_accuracy_over_steps_matches_predict():
    points, labels = gaussian_blobs(size=20, seed=2)
    history = train_perceptron(points, labels, steps=7)
    expected = [np.mean(line_predict(w, b, points) == labels) for w, b in zip(history.weights, history.biases)]
    assert np.allclose(accuracy_over_steps(history, points, labels), expected)


def test_nearest_centroid_is_the_perpendicular_bisector():
    points = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 2.0], [6.0, 2.0]])
    weights, bias = nearest_centroid(points, [0, 0, 1, 1])
    assert weights.tolist() == [4.0, 2.0]  # (5, 2) - (1, 0)
    assert weights @ np.array([3.0, 1.0]) + bias == pytest.approx(0)  # the midpoint of the means
    assert line_accuracy(weights, bias, points, [0, 0, 1, 1]) == 1.0


def test_line_accuracy_counts_the_right_side():
    points = np.array([[1.0, 0.0], [-1.0, 0.0], [2.0, 0.0], [-2.0, 0.0]])
    assert line_accuracy([1.0, 0.0], 0.0, points, [1, 0, 1, 1]) == 0.75


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"labels": [0, 2]}, "labels"),
    ({"steps": -1}, "steps"),
    ({"learning_rate": -1.0}, "learning_rate"),
    ({"points": [[0.0, 1.0]]}, "points"),
    ({"seed": -1}, "seed"),
])
def test_train_rejects_bad_input(kwargs, name):
    arguments = {"points": [[0.0, 1.0], [1.0, 0.0]], "labels": [0, 1], "steps": 3} | kwargs
    with pytest.raises(ValueError, match=name):
        train_perceptron(**arguments)


def test_predict_rejects_mismatched_columns():
    with pytest.raises(ValueError, match="points"):
        line_predict([1.0, 2.0, 3.0], 0.0, [[1.0, 2.0]])
    with pytest.raises(ValueError, match="labels must include both classes"):
        nearest_centroid([[0.0, 0.0], [1.0, 1.0]], [0, 0])
    with pytest.raises(ValueError, match="points and labels"):
        line_accuracy([1.0, 0.0], 0.0, [[0.0, 0.0]], [0, 1])
    with pytest.raises(ValueError, match="history"):
        accuracy_over_steps("history", [[0.0, 0.0]], [0])
