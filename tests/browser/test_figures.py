"""Every live figure answers its main control in the browser, and shows what CPython computes.

For each figure of each lesson: move its first control from the keyboard (or
pick another option, or press it), wait for Python in the worker to answer,
then build the same figure in CPython from the state the live figure reports
(its query-string form, read as a link is) and compare the read-out texts.
"""

import pytest

from dlviz.course import figure_classes
from dlviz.page import build_figure
from dlviz.course import available_lessons

from .conftest import EQUAL_AXES_PLOTS, assert_equal_axes, text_of

FIGURES = [(lesson.slug, name) for lesson in available_lessons() for name in figure_classes(lesson)]
CONTROLS = ".noUi-handle, select, button:not(.bk-active), input[type=checkbox]"  # pressing a pressed toggle changes nothing


def move_main_control(page, figure_root):
    """Change the first control inside `figure_root` (a locator) as a learner would; return what was done."""
    control = figure_root.locator(CONTROLS).first
    control.scroll_into_view_if_needed()
    kind = control.evaluate("(e) => e.classList.contains('noUi-handle') ? 'slider' : e.tagName.toLowerCase() + (e.type === 'checkbox' ? ':checkbox' : '')")
    if kind == "slider":
        control.focus()
        at_maximum = control.get_attribute("aria-valuenow") == control.get_attribute("aria-valuemax")
        page.keyboard.press("ArrowLeft" if at_maximum else "ArrowRight")
    elif kind == "select":
        options = control.evaluate("(e) => [...e.options].map((o) => o.value)")
        current = control.input_value()
        control.select_option(next(option for option in options if option != current))
    else:
        control.focus()
        page.keyboard.press("Space" if kind.endswith("checkbox") else "Enter")
    return kind


@pytest.mark.parametrize(("slug", "figure"), FIGURES, ids=[f"{s}:{f}" for s, f in FIGURES])
def test_figure_answers_its_main_control_with_the_numbers_cpython_computes(live_lessons, slug, figure):
    browser = live_lessons(slug)
    page = browser.page
    page.locator(f"#figure-{figure}").scroll_into_view_if_needed()
    before = browser.readout(figure)
    assert before, f"{figure} shows no read-out"
    changes = page.evaluate("window.course.changes")
    kind = move_main_control(page, page.locator(f"#figure-{figure}"))
    browser.wait_for_readout_change(figure, before, changes)
    page.wait_for_timeout(200)  # let any follow-up patches land
    shown = browser.readout(figure)
    query = page.evaluate("(name) => course.state.current(name)", figure)
    expected = build_figure(slug, figure, query).numbers.object
    assert shown == text_of(expected), f"after a {kind} change with state {query!r}"
    assert browser.errors == []
    assert browser.off_site_requests() == []


@pytest.mark.parametrize("slug", EQUAL_AXES_PLOTS)
def test_maps_and_planes_draw_a_unit_as_long_across_as_up(live_lessons, slug):
    assert_equal_axes(live_lessons(slug).page, slug)
