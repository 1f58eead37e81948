"""Bad input raises ValueError, and the message names the parameter at fault."""

import numpy as np
import pytest

from dlviz.core.checks import finite_array, in_range, one_of, positive_int, same_length
from dlviz.core.datasets import noisy_line, noisy_quadratic, train_test_split, two_rings
from dlviz.core.features import feature_matrix
from dlviz.core.landscape import descent_path, least_squares_line, linear_loss, valley_path
from dlviz.core.network import (
    backward, count_operations, forward, init_network, minibatches, predict, train_step,
)
from dlviz.core.polynomial import fit_polynomial, train_and_held_out_error

NETWORK = init_network([2, 3, 1])
POINTS = np.zeros((4, 2))
X, Y = noisy_line(size=10)

BAD_INPUTS = {
    "negative size": (lambda: noisy_quadratic(size=-3), "size must be a positive integer, got -3"),
    "fractional size": (lambda: noisy_quadratic(size=2.5), "size must be a positive integer"),
    "size too small for two classes": (lambda: two_rings(size=1), "size must be an integer >= 2"),
    "negative noise": (lambda: two_rings(noise=-0.1), "noise must be >= 0"),
    "NaN noise": (lambda: noisy_line(noise=float("nan")), "noise must be a number"),
    "negative seed": (lambda: noisy_quadratic(seed=-1), "seed must be an integer >= 0"),
    "negative radius": (lambda: two_rings(inner_radius=-2), "inner_radius"),
    "degree too high": (lambda: fit_polynomial(np.arange(5.0), np.arange(5.0), 16),
                        "degree 16 needs at least 17 points, got 5"),
    "negative degree": (lambda: fit_polynomial(X, Y, -1), "degree must be an integer >= 0"),
    "empty data": (lambda: fit_polynomial([], [], 1), "x must not be empty"),
    "NaN data": (lambda: linear_loss([1.0, np.nan], [1.0, 2.0], 1.0, 0.0), "x contains NaN or infinity"),
    "infinite targets": (lambda: backward(NETWORK, POINTS, [0, 1, np.inf, 0]), "targets contains NaN"),
    "text data": (lambda: fit_polynomial(["a", "b"], [1, 2], 1), "x must be an array of numbers"),
    "unequal lengths": (lambda: fit_polynomial(X, Y[:-1], 1), "x and y must have the same length, got 10 and 9"),
    "unequal held-out lengths": (lambda: train_and_held_out_error(X, Y, X, Y[:3], 2), "x_held_out and y_held_out"),
    "unequal split lengths": (lambda: train_test_split(POINTS, [0, 1]), "inputs and targets"),
    "empty test split": (lambda: train_test_split(POINTS, [0, 1, 0, 1], test_fraction=0.0), "test_fraction"),
    "split fraction over 1": (lambda: train_test_split(POINTS, [0, 1, 0, 1], test_fraction=1.5), "test_fraction"),
    "flat x for a line": (lambda: least_squares_line([1.0, 1.0], [0.0, 2.0]), "x must hold"),
    "unknown hidden activation": (lambda: init_network([2, 1], hidden_activation="swish"),
                                  "hidden_activation must be one of"),
    "unknown output activation": (lambda: init_network([2, 1], output_activation="softmax"),
                                  "output_activation must be one of"),
    "too few layers": (lambda: init_network([2]), "layer_sizes must list at least"),
    "zero-width layer": (lambda: init_network([2, 0, 1]), "each of layer_sizes must be a positive integer"),
    "bad layer sizes to count": (lambda: count_operations([2, -4, 1], 10), "layer_sizes"),
    "no examples to count": (lambda: count_operations([2, 4, 1], 0), "examples"),
    "inputs not a table": (lambda: forward(NETWORK, [1.0, 2.0]), "inputs must be 2-dimensional"),
    "inputs with wrong columns": (lambda: predict(NETWORK, np.zeros((4, 3))), "inputs must have 2 columns"),
    "targets of wrong length": (lambda: backward(NETWORK, POINTS, [0, 1]), "inputs and targets"),
    "unknown loss": (lambda: backward(NETWORK, POINTS, [0, 1, 0, 1], loss="hinge"), "loss must be one of"),
    "unknown penalty": (lambda: backward(NETWORK, POINTS, [0, 1, 0, 1], penalty="l3"), "penalty must be one of"),
    "negative penalty rate": (lambda: backward(NETWORK, POINTS, [0, 1, 0, 1], penalty_rate=-1), "penalty_rate"),
    "unknown optimiser": (lambda: train_step(NETWORK, POINTS, [0, 1, 0, 1], None, "lbfgs", 0.1),
                          "optimiser must be one of"),
    "negative learning rate": (lambda: train_step(NETWORK, POINTS, [0, 1, 0, 1], None, "adam", -0.1),
                               "learning_rate"),
    "zero batch size": (lambda: minibatches(10, 0, seed=0), "batch_size must be a positive integer"),
    "unknown path optimiser": (lambda: descent_path(X, Y, [0, 0], 0.1, 5, optimiser="newton"),
                               "optimiser must be one of"),
    "batch bigger than data": (lambda: descent_path(X, Y, [0, 0], 0.1, 5, batch_size=11), "batch_size"),
    "negative steps": (lambda: valley_path([1, 1], 0.1, -5), "steps must be an integer >= 0"),
    "start not a pair": (lambda: valley_path([1, 1, 1], 0.1, 5), "start must hold 2 numbers"),
    "NaN start": (lambda: valley_path([np.nan, 1], 0.1, 5), "start contains NaN"),
    "unknown feature": (lambda: feature_matrix(POINTS, ["x", "z"]), "feature must be one of"),
    "no features": (lambda: feature_matrix(POINTS, []), "names must be a non-empty list"),
    "points not 2-D": (lambda: feature_matrix(np.zeros((4, 3)), ["x"]), "points must have 2 columns"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_names_the_parameter(case):
    call, message = BAD_INPUTS[case]
    with pytest.raises(ValueError, match=message):
        call()


def test_checks_return_clean_values():
    assert positive_int("size", np.int64(5)) == 5
    assert finite_array("x", [1, 2]).dtype == float
    assert in_range("noise", 1, 0, 2) == 1.0
    same_length("x", [1, 2], "y", [3, 4])
    assert one_of("loss", "a", {"a": 1}) == 1


def test_positive_int_rejects_booleans():
    with pytest.raises(ValueError, match="size"):
        positive_int("size", True)
