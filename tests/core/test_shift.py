import numpy as np
import pytest

from dlviz.core.shift import CLASS_CENTRES, SHIFT_DIRECTION, city_points, linear_accuracy, nearest_centroid


def test_city_points_sit_around_the_shifted_centres():
    points, labels = city_points(size=2000, seed=0, shift=2.0)
    assert labels.tolist() == [0] * 1000 + [1] * 1000
    for label in (0, 1):
        centre = points[labels == label].mean(axis=0)
        assert np.allclose(centre, CLASS_CENTRES[label] + 2.0 * SHIFT_DIRECTION, atol=0.1)


def test_nearest_centroid_is_the_perpendicular_bisector():
    points = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 2.0], [6.0, 2.0]])
    weights, bias = nearest_centroid(points, [0, 0, 1, 1])
    assert weights.tolist() == [4.0, 2.0]  # (5, 2) - (1, 0)
    middle = np.array([3.0, 1.0])
    assert weights @ middle + bias == pytest.approx(0)


def test_linear_accuracy_counts_the_right_side():
    points = np.array([[1.0, 0.0], [-1.0, 0.0], [2.0, 0.0], [-2.0, 0.0]])
    assert linear_accuracy([1.0, 0.0], 0.0, points, [1, 0, 1, 1]) == 0.75


def test_accuracy_falls_as_the_test_city_moves_away():
    weights, bias = nearest_centroid(*city_points(100, seed=1))
    accuracies = [linear_accuracy(weights, bias, *city_points(100, seed=2, shift=s)) for s in (0, 2, 5)]
    assert accuracies[0] >= 0.95
    assert accuracies[0] > accuracies[1] > accuracies[2]
    assert accuracies[2] <= 0.55


def test_training_on_both_cities_helps_in_the_second():
    la, vancouver = city_points(100, seed=1), city_points(100, seed=3, shift=3.0)
    test = city_points(100, seed=2, shift=3.0)
    only_la = linear_accuracy(*nearest_centroid(*la), *test)
    both = linear_accuracy(*nearest_centroid(np.vstack([la[0], vancouver[0]]), np.concatenate([la[1], vancouver[1]])),
                           *test)
    assert both > only_la + 0.2


@pytest.mark.parametrize(("call", "name"), [
    (lambda: city_points(size=1), "size"),
    (lambda: city_points(spread=-1.0), "spread"),
    (lambda: city_points(shift=np.nan), "shift"),
    (lambda: nearest_centroid([[0.0, 0.0], [1.0, 1.0]], [0, 0]), "labels"),
    (lambda: linear_accuracy([1.0, 0.0], 0.0, [[0.0, 0.0]], [0, 1]), "points"),
])
def test_rejects_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()
