import re

import panel as pn
import pytest

from dlviz.course import figure_classes, lesson_by_slug
from dlviz.figures.ethics import (
    EQUAL_FPR, FIGURES, RUN_NAMES, DistributionShift, FeedbackLoop, Membership, TrainingCompute,
    UnequalErrors,
)


def _text(figure):
    """The readout without its HTML tags."""
    return re.sub(r"<[^>]+>", "", figure.numbers.object)


def _percentages(text):
    return [float(value) for value in re.findall(r"([\d.]+)%", text)]


def test_the_lesson_lists_these_figures():
    assert figure_classes(lesson_by_slug("6-ethics")) == FIGURES
    assert set(FIGURES) == {"distribution_shift", "unequal_errors", "membership", "feedback_loop",
                            "training_compute"}


@pytest.mark.parametrize("name, main, value", [
    ("distribution_shift", "shift", 3.0),
    ("unequal_errors", "threshold", 0.3),
    ("membership", "degree", 12),
    ("feedback_loop", "random_fraction", 0.25),
    ("training_compute", "steps", 5000),
])
def test_the_main_control_changes_the_readout(name, main, value):
    figure = FIGURES[name]()
    before = figure.numbers.object
    setattr(figure, main, value)
    assert figure.numbers.object != before
    assert FIGURES[name](**{main: value}).numbers.object == figure.numbers.object  # a function of the params
    assert figure.__panel__().select(pn.widgets.Widget)[0].value == value  # the first widget is the main control


def test_accuracy_falls_as_the_city_moves():
    accuracies = [_percentages(_text(DistributionShift(shift=shift)))[0] for shift in (0, 2, 4, 6, 8)]
    assert accuracies[0] > 99
    assert all(later <= earlier + 1 for earlier, later in zip(accuracies, accuracies[1:]))
    assert accuracies[-1] < 55
    assert _text(DistributionShift(shift=4.0)).startswith("Shift 4.0: accuracy 77.0% on the new city (100.0%")


def test_one_threshold_gives_unequal_errors():
    text = _text(UnequalErrors(threshold=0.5))
    _, fpr_a, fnr_a, precision_a, _, _, fpr_b, fnr_b, precision_b, _ = _percentages(text)
    assert "group A (base rate 33%" in text and "group B (base rate 58%" in text
    assert (fpr_a, fpr_b) == (9.8, 35.1)
    assert fnr_a > fnr_b
    assert abs(precision_a - precision_b) < 5


def test_equal_false_positive_rates_split_the_precision():
    figure = UnequalErrors(threshold=0.5, rule=EQUAL_FPR)
    _, fpr_a, _, precision_a, _, _, fpr_b, _, precision_b, _ = _percentages(_text(figure))
    assert abs(fpr_a - fpr_b) < 1
    assert precision_b - precision_a > 10
    assert figure.cuts.data["x"][1] > 0.7  # B's threshold moved up


def test_memorising_polynomial_gives_its_members_away():
    simple, memorising = _text(Membership(degree=2)), _text(Membership(degree=16))
    assert simple == ("Degree 2: training loss 0.929, loss on unseen points 1.14; "
                      "the guess \"in the training set?\" is right 53.1% of the time (chance: 50%)")
    guess_simple, guess_memorising = _percentages(simple)[0], _percentages(memorising)[0]
    assert abs(guess_simple - 50) < 5 and guess_memorising > 70


def test_feedback_loop_runs_away_without_random_patrols():
    assert "after 50 rounds thinks 51.10×" in _text(FeedbackLoop(random_fraction=0.0))
    bounded = FeedbackLoop(random_fraction=0.2)
    assert max(bounded.ratio.data["ratio"]) <= 9.0  # the limit (1 - 0.1) / 0.1
    corrected = FeedbackLoop(random_fraction=0.2, reweight=True)
    assert "thinks 1.00×" in _text(corrected) and "A gets 90% of the patrols" in _text(corrected)


def test_compute_readout_counts_your_run_and_the_famous_one():
    text = _text(TrainingCompute(steps=1000, compare="GPT-3"))
    assert text.startswith("Your run, 1,000 steps: 3.2 × 108 operations")  # 6·105·500·1000 = 3.15e8
    assert "GPT-3: 3.1 × 1023 operations" in text and "about 280 MWh, 26 years" in text
    assert len({_text(TrainingCompute(compare=name)) for name in RUN_NAMES}) == len(RUN_NAMES)
    assert TrainingCompute(steps=2000).yours.data["flop"][0] == 6 * 105 * 500 * 2000
