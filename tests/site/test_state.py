"""A figure's state and its text in a link (dlviz.state): every value reads back as it was written,
numbers at their step's precision, lists whole, and whatever a parameter refuses is ignored."""

import param
import pytest

from dlviz import state
from dlviz.course import available_lessons, figure_classes
from dlviz.figures.fundamentals import NewPoints, PolynomialFit
from dlviz.figures.learning import LossLandscape
from dlviz.figures.playground import Playground
from dlviz.page import build_figure

FIGURES = [(lesson.slug, name, cls) for lesson in available_lessons() for name, cls in figure_classes(lesson).items()]
PARAMETERS = [(slug, name, cls, parameter) for slug, name, cls in FIGURES for parameter in state.state_names(cls)]


def candidates(parameter):
    """Values other than the default, nearest first, in the parameter's own terms."""
    default = parameter.default
    if isinstance(parameter, param.Boolean):
        return [not default]
    if isinstance(parameter, param.Integer):
        step = parameter.step or 1
        return [default + sign * step * scale for scale in (1, 10, 100) for sign in (1, -1)]
    if isinstance(parameter, param.Number):
        return [state.on_step(default + sign * parameter.step * scale, parameter) for scale in (1, 3) for sign in (1, -1)]
    if isinstance(parameter, state.IntegerList):
        return [[item + sign for item in default] for sign in (-1, 1)]
    if isinstance(parameter, state.NumberList):
        low, high = parameter.item_bounds
        return [[state.on_step(low + (high - low) * share, parameter) for share in (0.3, 0.05, 0.82)]]
    if isinstance(parameter, param.ListSelector):
        return [list(reversed(parameter.objects)), parameter.objects[:1]]
    return [choice for choice in parameter.objects if choice != default]


def figure_with_another(cls, name):
    """`cls` built with the first candidate value of parameter `name` that it keeps (a playground's
    steps, say, keep only multiples of its record); the figure and that value."""
    parameter = cls.param[name]
    for value in candidates(parameter):
        try:
            parameter._validate(value)
        except ValueError:
            continue
        figure = cls(**{name: value})
        if figure.state()[name] != parameter.default:
            return figure, figure.state()[name]
    raise AssertionError(f"{cls.__name__}.{name}: no other value found")


@pytest.mark.parametrize(("slug", "name", "cls", "parameter"), PARAMETERS, ids=[f"{n}.{p}" for _, n, _, p in PARAMETERS])
def test_every_state_parameter_reads_back_from_its_link_as_it_was(slug, name, cls, parameter):
    figure, value = figure_with_another(cls, parameter)
    query = state.write(name, cls, figure.state())
    assert f"{name}.{parameter}=" in query
    values = state.read(name, cls, "?" + query)
    assert values[parameter] == value
    rebuilt = cls(**values)
    assert rebuilt.state() == figure.state()
    assert rebuilt.numbers.object == figure.numbers.object


@pytest.mark.parametrize(("slug", "name", "cls"), FIGURES, ids=[name for _, name, _ in FIGURES])
def test_a_live_figure_set_to_a_state_is_the_figure_built_in_it(slug, name, cls):
    for parameter in state.state_names(cls):
        expected, _ = figure_with_another(cls, parameter)
        live = cls()
        live.set_state(expected.state())
        assert live.state() == expected.state(), parameter
        assert live.numbers.object == expected.numbers.object, parameter
        live.set_state({})
        assert live.state() == cls().state(), f"{parameter}: back to the defaults"


def test_a_figure_at_its_defaults_writes_nothing():
    for _, name, cls in FIGURES:
        assert state.write(name, cls, cls().state()) == ""


def test_numbers_are_written_at_their_steps_precision():
    assert state.write("loss_landscape", LossLandscape, {"slope": -0.8999999999999999}) == "loss_landscape.slope=-0.9"
    assert state.write("loss_landscape", LossLandscape, {"slope": 0.30000000000000004, "intercept": 2.0}) == (
        "loss_landscape.slope=0.3&loss_landscape.intercept=2"
    )
    assert state.number_text(-0.0001, 0.05) == "0"
    assert state.number_text(0.35, 0.05) == "0.35"
    assert state.on_step(-0.8712, LossLandscape.param.slope) == -0.87


def test_lists_are_written_whole_and_read_back_in_order():
    query = state.write("playground", Playground, {"features": ["x", "y", "x²", "sin x"]})
    assert query == "playground.features=x,y,x%C2%B2,sin%20x"
    assert state.read("playground", Playground, query) == {"features": ["x", "y", "x²", "sin x"]}
    assert state.read("playground", Playground, "playground.features=sin+x,x") == {"features": ["sin x", "x"]}
    assert state.read("playground", Playground, "playground.features=") == {"features": []}
    points = state.write("new_points", NewPoints, {"new_x": [0.5, -3.1, 2.25]})
    assert points == "new_points.new_x=0.5,-3.1,2.25"
    assert state.read("new_points", NewPoints, points) == {"new_x": [0.5, -3.1, 2.25]}


def test_choices_are_written_by_their_value():
    query = state.write("playground", Playground, {"dataset": "xor", "learning_rate": 0.003, "regularisation": "l2"})
    assert query == "playground.dataset=xor&playground.learning_rate=0.003&playground.regularisation=l2"
    assert state.read("playground", Playground, query) == {"dataset": "xor", "learning_rate": 0.003, "regularisation": "l2"}


@pytest.mark.parametrize("text", [
    "<script>", "2.5", "-3", "17", "1e1", "0x10", " 5", "5 ", "+5", "", "nan", "inf", "true", "[]", "5,6",
    "9" * 5000, "%3Cb%3E",
])
def test_integers_a_parameter_refuses_are_ignored(text):
    assert state.read("polynomial_fit", PolynomialFit, f"polynomial_fit.degree={text}") == {}


@pytest.mark.parametrize(("name", "cls", "key", "text"), [
    ("loss_landscape", LossLandscape, "slope", "nan"),
    ("loss_landscape", LossLandscape, "slope", "1e309"),
    ("loss_landscape", LossLandscape, "slope", "-99"),
    ("loss_landscape", LossLandscape, "slope", "1,2"),
    ("playground", Playground, "features", "x,x"),
    ("playground", Playground, "features", "x,z"),
    ("playground", Playground, "features", "x;y"),
    ("playground", Playground, "dataset", "Rings"),
    ("playground", Playground, "learning_rate", "0.0030"),
    ("playground", Playground, "play", "true"),
    ("new_points", NewPoints, "new_x", "1e300"),
    ("new_points", NewPoints, "new_x", "9"),
    ("new_points", NewPoints, "new_x", "0.5,,1"),
    ("new_points", NewPoints, "new_x", ",".join(["0.5"] * 41)),
    ("polynomial_fit", PolynomialFit, "name", "x"),
    ("polynomial_fit", PolynomialFit, "__class__", "x"),
])
def test_other_values_a_figure_refuses_are_ignored(name, cls, key, text):
    assert state.read(name, cls, f"{name}.{key}={text}") == {}


def test_only_the_figures_own_pairs_are_read():
    query = "?embed&figure=polynomial_fit&polynomial_fit.degree=5&other.degree=7&__proto__.degree=3&polynomial_fit.degree.x=1"
    assert state.read("polynomial_fit", PolynomialFit, query) == {"degree": 5}


def test_a_page_query_keeps_what_is_not_figure_state_and_replaces_the_figures_pairs():
    query = "?embed&figure=polynomial_fit&polynomial_fit.degree=5&polynomial_fit.degree=%3Cb%3E&utm=x"
    assert state.rewrite(query, {"polynomial_fit": "polynomial_fit.degree=7", "two_fits": ""}) == (
        "?embed&figure=polynomial_fit&utm=x&polynomial_fit.degree=7"
    )
    assert state.rewrite("?polynomial_fit.degree=5", {"polynomial_fit": ""}) == ""
    assert state.rewrite("", {"polynomial_fit": "polynomial_fit.degree=7"}) == "?polynomial_fit.degree=7"


def test_figures_built_from_a_bad_link_use_their_defaults():
    figure = build_figure("2-fundamentals-of-learning", "polynomial_fit", "?polynomial_fit.degree=%3Cb%3E")
    assert figure.degree == PolynomialFit.param.degree.default
    figure = build_figure("2-fundamentals-of-learning", "polynomial_fit", "?polynomial_fit.degree=5")
    assert figure.degree == 5


def test_the_figures_clicks_and_added_points_land_on_their_steps():
    figure = NewPoints()
    figure._add(1.23456)
    assert figure.new_x == [1.23]
    assert state.read("new_points", NewPoints, state.write("new_points", NewPoints, figure.state())) == {"new_x": [1.23]}


def test_the_learners_code_reads_back_from_its_link_and_leaves_the_rest():
    source = 'def f(x):\n    """A & B = 50% + ü"""\n    return x ** 2  # #1\n'
    query = "?embed&" + state.code_pair("loss_landscape", source) + "&loss_landscape.slope=1.5"
    assert state.read_code("loss_landscape", query) == source
    assert state.read_code("gradient_descent", query) is None
    assert state.read("loss_landscape", LossLandscape, query) == {"slope": 1.5}
    assert state.rewrite(query, {"loss_landscape": ""}) == "?embed"
