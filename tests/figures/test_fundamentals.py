import numpy as np

from dlviz.figures.fundamentals import (
    MAX_DEGREE, DistributionShift, NewPoints, PolynomialFit, TwoFits, seed_data,
)


def test_seed_data_is_the_notebooks_and_held_out_points_fall_between_and_beyond():
    x, y, between_x, _, beyond_x, _ = seed_data()
    assert len(x) == 20 and x[0] == -3 and x[-1] == 3
    assert len(between_x) == 19 and np.all((between_x > -3) & (between_x < 3))
    assert len(beyond_x) == 4 and np.all(np.abs(beyond_x) > 3)


def test_training_error_falls_with_degree_while_held_out_error_rises_past_the_best():
    figure = PolynomialFit()
    assert np.all(np.diff(figure.train_errors) <= 1e-9)
    for held_out in (figure.between_errors, figure.beyond_errors):
        best = int(np.argmin(held_out))
        assert best in (2, 3)
        assert held_out[MAX_DEGREE] > 50 * held_out[best]
    # the seed's claim: degree 16 fits the training points better but generalises worse than degree 2
    assert figure.train_errors[16] < figure.train_errors[2]
    assert figure.between_errors[16] > figure.between_errors[2]
    assert figure.beyond_errors[16] > figure.beyond_errors[2]


def test_polynomial_fit_readout_follows_the_degree():
    figure = PolynomialFit(degree=2)
    before = figure.numbers.object
    assert "Degree <b>2</b>: training error <b>1.66</b>" in before
    figure.degree = 16
    assert figure.numbers.object != before and "Degree <b>16</b>: training error <b>0.283</b>" in figure.numbers.object


def test_two_fits_shows_the_chosen_curves():
    figure = TwoFits()
    assert figure.curves[2].visible and not figure.curves[16].visible
    assert figure.errors[16] < figure.errors[2]
    figure.view = "Both together"
    assert figure.curves[2].visible and figure.curves[16].visible
    assert "degree 16: training error <b>0.283</b>" in figure.numbers.object


def test_new_points_between_and_beyond_favour_degree_2():
    figure = NewPoints()
    assert figure.numbers.object.startswith("No new points")
    for _ in range(5):
        figure.add_between.clicks += 1
    assert len(figure.new_x) == 5 and len(set(figure.new_x)) == 5
    assert "(5 between the dots, 0 beyond them)" in figure.numbers.object
    assert "the degree-2 curve predicted them better" in figure.numbers.object
    figure.add_beyond.clicks += 1
    assert "(5 between the dots, 1 beyond them)" in figure.numbers.object
    figure.clear.clicks += 1
    assert figure.new_x == [] and figure.numbers.object.startswith("No new points")


def test_new_points_from_state_and_taps():
    figure = NewPoints(new_x=[3.5])
    assert "1 beyond them" in figure.numbers.object and "predicted it better" in figure.numbers.object

    class Tap:  # what bokeh hands the callback
        x, y = -1.234, 5.0

    figure._tapped(Tap)
    assert figure.new_x == [3.5, -1.23]
    assert NewPoints(new_x=[3.5, -1.23]).numbers.object == figure.numbers.object


def test_distribution_shift_accuracy_falls_as_vancouver_moves():
    figure = DistributionShift(shift=0.0)
    assert "in Vancouver <b>1.00</b>" in figure.numbers.object
    accuracies = figure.curve.data["accuracy"]
    assert accuracies[0] == 1.0 and accuracies[-1] < 0.7
    assert all(later <= earlier for earlier, later in zip(accuracies, accuracies[1:]))
    figure.shift = 3.0
    assert "shifted by <b>3.0</b>, trained on LA only" in figure.numbers.object
    only_la = figure.now.data["accuracy"][0]
    figure.train_on_both = True
    assert figure.now.data["accuracy"][0] > only_la
    assert all(b >= a - 0.01 for a, b in zip(accuracies, figure.curve.data["accuracy"]))


def test_both_distribution_shift_figures_share_one_model():
    """Lesson 2's Vancouver and lesson 6's new city are the same blobs, moved one
    way or the other, and both classifiers are the nearest-centroid line."""
    from dlviz.core.line_classifiers import nearest_centroid
    from dlviz.core.shift import city_scenes
    from dlviz.figures import ethics, fundamentals
    np.testing.assert_array_equal(fundamentals.city(2.0, 5)[0], city_scenes(-2.0, size=100, seed=5)[0])
    lesson_6 = ethics.DistributionShift()
    np.testing.assert_allclose(lesson_6.line[0], nearest_centroid(*city_scenes(0.0, seed=ethics.TRAIN_CITY_SEED))[0])
