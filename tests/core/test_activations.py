import warnings

import numpy as np
import pytest

from dlviz.core.activations import ACTIVATIONS, RELU, SIGMOID, TANH

Z = np.array([-2.5, -0.7, 0.3, 1.1, 4.0])  # away from ReLU's kink at 0


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_der_matches_finite_differences(name):
    activation = ACTIVATIONS[name]
    h = 1e-6
    numeric = (activation.output(Z + h) - activation.output(Z - h)) / (2 * h)
    np.testing.assert_allclose(activation.der(Z), numeric, rtol=1e-5, atol=1e-9)


def test_known_values():
    np.testing.assert_allclose(RELU.output(np.array([-1.0, 2.0])), [0.0, 2.0])
    np.testing.assert_allclose(SIGMOID.output(np.array([0.0, np.log(3)])), [0.5, 0.75])
    np.testing.assert_allclose(TANH.der(np.array([0.0])), [1.0])


def test_sigmoid_is_stable_for_large_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = SIGMOID.output(np.array([-1000.0, 1000.0]))
    np.testing.assert_array_equal(values, [0.0, 1.0])
