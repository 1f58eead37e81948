import numpy as np

from dlviz.core.features import FEATURES, feature_matrix

POINTS = np.array([[1.0, 2.0], [-3.0, 0.5]])


def test_each_feature_by_hand():
    expected = {
        "x": [1.0, -3.0],
        "y": [2.0, 0.5],
        "x²": [1.0, 9.0],
        "y²": [4.0, 0.25],
        "xy": [2.0, -1.5],
        "sin x": [np.sin(1.0), np.sin(-3.0)],
        "sin y": [np.sin(2.0), np.sin(0.5)],
    }
    assert set(FEATURES) == set(expected)
    for name, column in expected.items():
        np.testing.assert_allclose(FEATURES[name](POINTS), column)


def test_feature_matrix_keeps_the_order_asked_for():
    matrix = feature_matrix(POINTS, ["xy", "x", "y²"])
    np.testing.assert_allclose(matrix, [[2.0, 1.0, 4.0], [-1.5, -3.0, 0.25]])
