"""A figure's state from a link: only values its parameters accept are used."""

import pytest

from dlviz.page import accepted_state, lesson_figures
from dlviz.figures.fundamentals import PolynomialFit


@pytest.mark.parametrize("value", ["<script>", 2.5, -3, 10**20, None, [], {"a": 1}, float("nan"), "2"])
def test_values_a_parameter_refuses_are_dropped(value):
    assert accepted_state(PolynomialFit, {"degree": value}) == {}


def test_accepted_values_are_kept_and_unknown_names_dropped():
    assert accepted_state(PolynomialFit, {"degree": 5, "colour": "red", "name": "x", "__class__": 1}) == {"degree": 5}


def test_figures_built_from_bad_state_use_their_defaults():
    figure = lesson_figures("2-fundamentals-of-learning", {"polynomial_fit": {"degree": "<b>"}})["polynomial_fit"]
    assert figure.degree == PolynomialFit.param.degree.default
