""""See the Python": each figure shows the current source of the core functions it names, and only those."""

import html
import inspect
import re

import param
import pytest

from build_steps import BuildError
from build_steps.code_panels import code_panel
from dlviz.course import available_lessons, figure_classes
from dlviz.edits import core_function
from dlviz.figures.figure import Figure

CHANGEABLE = {"loss_landscape", "gradient_descent", "playground", "perceptron", "feedback_loop"}

PANEL = re.compile(r'<details class="figure-code" data-code="([a-z_0-9]+)"( data-changeable)?>(.*?)</details>', re.S)
FUNCTION = re.compile(r'<section class="code-function" data-function="([\w.]+)">(.*?)</section>', re.S)
SOURCE = re.compile(r'<div class="code-source"><pre>(.*?)</pre></div>', re.S)
EDITABLE = re.compile(r'<textarea class="code-text"[^>]*>(.*?)</textarea>', re.S)


def shown_text(fragment):
    """What a browser shows of highlighted code: tags dropped, entities decoded, spacing kept."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def panels(page_html):
    """{figure: (changeable, [(function, shown source, editable text or None)])} from a lesson page."""
    found = {}
    for name, changeable, body in PANEL.findall(page_html):
        functions = []
        for function, part in FUNCTION.findall(body):
            editable = EDITABLE.search(part)
            functions.append((function, shown_text(SOURCE.search(part).group(1)),
                              html.unescape(editable.group(1)) if editable else None))
        found[name] = (bool(changeable), functions)
    return found


def test_every_figure_shows_the_current_source_of_the_functions_it_names(built_site):
    for lesson in available_lessons():
        shown = panels((built_site / f"{lesson.slug}.html").read_text(encoding="utf-8"))
        for name, cls in figure_classes(lesson).items():
            assert cls.core_functions, f"{name} names no core function to show"
            changeable, functions = shown[name]
            assert [function for function, _, _ in functions] == list(cls.core_functions), name
            assert changeable == (name in CHANGEABLE) == cls.changeable, name
            for index, (function, source, editable) in enumerate(functions):
                current = inspect.getsource(core_function(function))
                assert source == current, f"{name}: {function} is not shown as it is now"
                assert editable == (current if changeable and index == 0 else None), name


def test_the_build_fails_when_a_figure_names_a_function_the_core_lacks():
    class Broken(Figure):
        core_functions = ("dlviz.core.landscape.linear_loss", "dlviz.core.landscape.no_such_loss")
        slope = param.Number(default=1.0, step=0.1)

    with pytest.raises(BuildError, match="dlviz.core.landscape.no_such_loss names no function"):
        code_panel("broken", Broken)


def test_the_changeable_function_comes_first_and_is_small_enough_to_read():
    for lesson in available_lessons():
        for name, cls in figure_classes(lesson).items():
            if cls.changeable:
                source = inspect.getsource(core_function(cls.core_functions[0]))
                assert len(source.splitlines()) <= 25, f"{name}: the function to change should fit on a screen"
