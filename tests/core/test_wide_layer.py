import numpy as np
import pytest

from dlviz.core.datasets import wavy_curve
from dlviz.core.wide_layer import fit_output_layer, hidden_activations, output, random_hidden_layer, wide_layer_fit


def test_wider_layers_keep_the_narrower_layers_neurons():
    slopes8, centres8 = random_hidden_layer(8, -3, 3, seed=1)
    slopes3, centres3 = random_hidden_layer(3, -3, 3, seed=1)
    np.testing.assert_array_equal(slopes8[:3], slopes3)
    np.testing.assert_array_equal(centres8[:3], centres3)
    assert np.all((np.abs(slopes8) >= 1) & (np.abs(slopes8) <= 4))
    assert np.all((centres8 >= -3) & (centres8 <= 3))


def test_each_neuron_is_a_soft_step_at_its_centre():
    hidden = hidden_activations(np.array([0.0, 1.0, 100.0]), np.array([2.0]), np.array([1.0]))
    np.testing.assert_allclose(hidden[:, 0], [np.tanh(-2), 0, 1])


def test_least_squares_output_recovers_a_sum_of_steps_exactly():
    x = np.linspace(-3, 3, 50)
    slopes, centres = np.array([1.0, -2.0, 3.0]), np.array([-1.0, 0.0, 2.0])
    hidden = hidden_activations(x, slopes, centres)
    truth = np.array([0.5, -1.0, 2.0, 0.25])
    weights = fit_output_layer(hidden, output(hidden, truth))
    np.testing.assert_allclose(weights, truth, atol=1e-10)


def test_the_error_never_grows_with_width():
    x, y = wavy_curve()
    errors = [wide_layer_fit(x, y, width)[3] for width in (1, 2, 4, 8, 16, 32, 64)]
    assert all(b <= a + 1e-12 for a, b in zip(errors, errors[1:]))
    assert errors[-1] < 0.01


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="width"):
        random_hidden_layer(65, -1, 1)
    with pytest.raises(ValueError, match="low"):
        random_hidden_layer(3, 1, -1)
    with pytest.raises(ValueError, match="weights"):
        output(np.zeros((4, 2)), np.zeros(2))
    with pytest.raises(ValueError, match="x and y"):
        wide_layer_fit([1.0, 2.0, 3.0], [1.0, 2.0], 2)
