import numpy as np

from dlviz.figures.history import (
    HUMAN_ERROR, IMAGENET_WINNERS, MAX_DEPTH, MAX_STEPS, MILESTONES, ImageNetErrors, NestedFields,
    PerceptronLearning, Timeline, VanishingGradient,
)


def test_nested_fields_describes_the_chosen_field():
    figure = NestedFields()
    assert "Deep learning" in figure.numbers.object and "many layers" in figure.numbers.object
    figure.field = "Machine learning"
    assert "Machine learning" in figure.numbers.object and "spam" in figure.numbers.object
    assert figure.rings.data["alpha"][1] > figure.rings.data["alpha"][2]


def test_timeline_lists_the_issue_milestones_and_counts_them_by_year():
    years = [year for year, _, _ in MILESTONES]
    for year in (1958, 1986, 2012, 2017, 2022):
        assert year in years
    figure = Timeline(year=1990)
    assert "3 of 7" in figure.numbers.object and "1986" in figure.numbers.object
    figure.year = 2012
    assert "5 of 7" in figure.numbers.object and "AlexNet" in figure.numbers.object
    assert Timeline(year=1955).numbers.object.count("0 of 7") == 1


def test_imagenet_numbers_are_the_published_ones():
    errors = {year: error for year, _, error in IMAGENET_WINNERS}
    assert errors == {2010: 28.2, 2011: 25.8, 2012: 16.4, 2013: 11.7, 2014: 6.7, 2015: 3.57, 2016: 2.99, 2017: 2.25}
    assert HUMAN_ERROR == 5.1
    assert [year for year, error in errors.items() if error < HUMAN_ERROR][0] == 2015
    figure = ImageNetErrors()
    assert "16.4%" in figure.numbers.object and "down 9.4 points" in figure.numbers.object
    figure.year = 2015
    assert "3.57%" in figure.numbers.object and "below the human" in figure.numbers.object


def test_perceptron_separates_the_blobs_but_not_xor():
    figure = PerceptronLearning(steps=MAX_STEPS)
    assert figure.accuracies[-1] == 1.0
    assert "accuracy <b>1.00</b> (0 of 50" in figure.numbers.object
    figure.data = "XOR"
    assert figure.accuracies.max() <= 0.75
    assert "XOR, after <b>150</b> steps" in figure.numbers.object


def test_perceptron_readout_follows_the_steps():
    figure = PerceptronLearning(steps=0)
    assert "after <b>0</b> steps: accuracy <b>0.50</b>" in figure.numbers.object
    before = figure.numbers.object
    figure.steps = 10
    assert figure.numbers.object != before
    assert len(figure.line.data["x"]) == 2
    assert np.isin(figure.regions.data["image"][0], [0.0, 1.0]).all()


def test_vanishing_gradient_shrinks_with_depth():
    figure = VanishingGradient()
    assert np.all(np.diff(figure.first_layer) < 0) and len(figure.first_layer) == MAX_DEPTH
    before = figure.numbers.object
    figure.depth = 8
    assert figure.numbers.object != before and "<b>8</b> hidden sigmoid layers" in figure.numbers.object
    norms = figure.layers.data["norm"]
    assert len(norms) == 9 and norms[0] == min(norms)
