"""What every figure's plots have in common, read from their Bokeh models."""

import math

import pytest
from bokeh.models import LogScale, Plot

from dlviz.course import available_lessons, figure_classes
from dlviz.figures import ethics
from dlviz.figures.parts import DECADES_SPAN
from dlviz.page import build_figure, figure_document

FIGURES = [(lesson.slug, name) for lesson in available_lessons() for name in figure_classes(lesson)]
# The one log axis that spans too many powers of ten to label each: a gridline every thousand, and the
# lesson says so (test_lesson_claims.compute_gridlines_claim).
EVERY_THOUSAND = {("training_compute", "Training compute (estimates) by year")}


def powers_of_ten(ticks):
    """The exponents of the ticks that are powers of ten (1-2-5 ticks keep 1, 10, 100...)."""
    exponents = [math.log10(tick) for tick in ticks if tick > 0]
    return sorted(round(e) for e in exponents if e == pytest.approx(round(e), abs=1e-9))


@pytest.mark.parametrize("slug, name", FIGURES, ids=[name for _, name in FIGURES])
def test_every_log_axis_labels_each_power_of_ten(slug, name):
    """Bokeh's own log ticker labels plain numbers crowded at the top of an axis that spans under
    two powers of ten (300, 200, 100 and nothing below, where the curves end)."""
    document = figure_document(build_figure(slug, name))
    for plot in document.select({"type": Plot}):
        if not isinstance(plot.y_scale, LogScale):
            continue
        (axis,) = plot.yaxis
        assert type(axis.ticker).__name__ == "FixedTicker", (name, plot.title.text)
        powers = powers_of_ten(axis.ticker.ticks)
        assert len(powers) >= 2, (name, plot.title.text)
        step = 3 if (name, plot.title.text) in EVERY_THOUSAND else 1
        assert powers == list(range(powers[0], powers[-1] + 1, step)), (name, plot.title.text)
        if step == 1 and len(axis.ticker.ticks) == len(powers):  # the course's decades(), not a 1-2-5 axis
            assert (powers[0], powers[-1]) == (-DECADES_SPAN, DECADES_SPAN), (name, plot.title.text)


def test_the_compute_chart_is_the_one_log_axis_labelled_every_thousand():
    (plot,) = [p for p in figure_document(ethics.TrainingCompute()).select({"type": Plot})]
    assert (("training_compute", plot.title.text)) in EVERY_THOUSAND
