import numpy as np
import pytest

from dlviz.core.polynomial import fit_polynomial
from dlviz.core.privacy import (
    guess_accuracy, membership_experiment, membership_guesses, quadratic_samples, squared_errors,
)


def test_samples_spread_one_point_per_cell():
    x, y = quadratic_samples(3, 10, seed=1, noise=0.0)
    assert x.shape == (3, 10)
    cells = np.floor((x + 3) / 0.6)
    np.testing.assert_array_equal(cells, np.tile(np.arange(10), (3, 1)))
    np.testing.assert_allclose(y, x**2)


def test_interpolating_degree_has_zero_training_error():
    x, y = quadratic_samples(2, 8, seed=3)
    assert np.max(squared_errors(fit_polynomial(x, y, 7), x, y)) < 1e-12


def test_guess_accuracy_by_hand():
    members = np.array([[0.1, 0.2, 3.0]])
    others = np.array([[0.05, 5.0, 6.0]])
    # threshold 1: members caught 2 of 3, non-members cleared 2 of 3
    assert guess_accuracy(members, others, np.array([1.0])) == pytest.approx(2 / 3)
    np.testing.assert_array_equal(membership_guesses(members[0], others[0]),
                                  [[True, True, False], [True, False, False]])


def test_memorising_model_leaks_membership_and_a_simple_one_does_not():
    simple = membership_experiment(2, trials=40, seed=8)
    memorising = membership_experiment(16, trials=40, seed=8)
    assert abs(simple.guess_accuracy - 0.5) < 0.05  # near chance
    assert memorising.guess_accuracy > 0.7  # clearly better than chance
    assert memorising.train_loss < simple.train_loss < simple.unseen_loss < memorising.unseen_loss


def test_guessing_gets_better_as_the_degree_grows():
    accuracies = [membership_experiment(d, trials=40, seed=8).guess_accuracy for d in range(2, 17)]
    assert np.all(np.diff(accuracies) > -0.02)
    assert accuracies[-1] > accuracies[0] + 0.2


def test_bad_input_names_the_parameter():
    x, y = quadratic_samples(2, 5, seed=0)
    with pytest.raises(ValueError, match="degree 5 needs at least 6 distinct x values"):
        membership_experiment(5, trials=2, size=5)
    with pytest.raises(ValueError, match="x and y must have the same shape"):
        squared_errors(fit_polynomial(x, y, 2), x, y[:, :4])
    with pytest.raises(ValueError, match="trials"):
        quadratic_samples(0, 5, seed=0)
    with pytest.raises(ValueError, match="noise"):
        quadratic_samples(1, 5, seed=0, noise=-1)
    with pytest.raises(ValueError, match="member_losses and non_member_losses"):
        membership_guesses([1.0, 2.0], [1.0])
