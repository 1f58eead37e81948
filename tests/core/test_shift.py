import numpy as np
import pytest

from dlviz.core.datasets import gaussian_blobs
from dlviz.core.line_classifiers import line_accuracy, nearest_centroid
from dlviz.core.shift import accuracy_under_shift, city_scenes


def test_a_city_is_the_blobs_moved_along_the_first_feature_with_its_labels():
    still, labels = city_scenes(0.0, size=50, seed=3)
    moved, moved_labels = city_scenes(2.5, size=50, seed=3)
    np.testing.assert_array_equal(still, gaussian_blobs(size=50, seed=3)[0])
    np.testing.assert_allclose(moved - still, np.tile([2.5, 0.0], (50, 1)))
    np.testing.assert_array_equal(labels, moved_labels)


def test_accuracy_falls_as_the_city_moves_either_way():
    line = nearest_centroid(*city_scenes(0.0, seed=19750))
    for direction in (1, -1):
        accuracies = accuracy_under_shift(*line, direction * np.arange(0, 8.01, 0.5))
        assert accuracies[0] > 0.99
        assert np.all(np.diff(accuracies) <= 0.01)  # never rises by more than noise
        assert accuracies[-1] < 0.55  # a coin toss once a whole class has crossed the line
        np.testing.assert_allclose(accuracies[3], line_accuracy(*line, *city_scenes(direction * 1.5)))


def test_training_on_both_cities_helps_in_the_second():
    la, vancouver = city_scenes(0.0, size=100, seed=1), city_scenes(-4.0, size=100, seed=3)
    test = city_scenes(-4.0, size=100, seed=2)
    only_la = line_accuracy(*nearest_centroid(*la), *test)
    both = nearest_centroid(np.vstack([la[0], vancouver[0]]), np.concatenate([la[1], vancouver[1]]))
    assert line_accuracy(*both, *test) > only_la + 0.1


@pytest.mark.parametrize(("call", "name"), [
    (lambda: city_scenes(shift=np.nan), "shift"),
    (lambda: city_scenes(shift=np.inf), "shift"),
    (lambda: city_scenes(size=1), "size"),
    (lambda: city_scenes(noise=-1.0), "noise"),
    (lambda: accuracy_under_shift([1.0, 1.0], 0.0, []), "shifts"),
    (lambda: accuracy_under_shift([1.0, 1.0], np.nan, [0.0]), "bias"),
])
def test_rejects_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()
