"""Before Python is live: a figure's controls say so, and the learner's moves are kept and applied.

Each test holds Python back (the worker's request for Pyodide's WebAssembly waits until
the test releases it), moves controls on the pre-rendered figures as a learner would, then
lets Python start and reads the live figure's state back: from Python (the state it reports)
and from the live Bokeh document's controls.
"""

import pytest

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.page import build_figure, lesson_figures

from .conftest import text_of

LESSON = "2-fundamentals-of-learning"


def held_back(visit):
    """A visit whose worker cannot start Python until `release()`; returns (browser, release)."""
    browser = visit(service_workers="block")  # the worker's requests go to the network, where the test holds them
    held = []
    browser.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))

    def release():
        for route in held:
            route.continue_()
        browser.context.unroute("**/pyodide.asm.wasm")

    return browser, release


def live_control_value(page, figure, parameter):
    """The value the live figure's control of `parameter` holds, read from its Bokeh model."""
    return page.evaluate(
        "([figure, parameter]) => course.waiting.controls(course.draw.documentOf(figure))[parameter].value",
        [figure, parameter],
    )


def wait_for_readout(browser, figure, expected, timeout_ms=30_000):
    """The figure's read-out once it says `expected`, or what it says after `timeout_ms`."""
    for _ in range(timeout_ms // 100):
        if browser.readout(figure) == expected:
            break
        browser.page.wait_for_timeout(100)
    return browser.readout(figure)


def test_moves_made_before_python_is_live_are_applied_when_it_is(visit):
    browser, release = held_back(visit)
    page = browser.open(f"{LESSON}.html")
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=60_000)
    page.wait_for_function("() => document.querySelector('.figure-wait')?.textContent.includes('%')")
    note = page.locator('figure[data-figure="distribution_shift"] .figure-wait')
    assert note.is_visible()

    slider = page.locator("#figure-polynomial_fit .noUi-handle").first
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # degree 2 -> 5
    assert slider.get_attribute("aria-valuenow").startswith("5")
    checkbox = page.locator("#figure-distribution_shift input[type=checkbox]").first
    checkbox.focus()
    page.keyboard.press("Space")  # "Train on both cities": no precomputed state, so it waits for Python
    assert checkbox.is_checked()
    assert "applies when it is ready" in note.inner_text()
    assert "figures-live" not in page.evaluate("document.body.className")

    release()
    browser.wait_until_live()
    page.wait_for_function("() => course.state.current('polynomial_fit') === 'polynomial_fit.degree=5'", timeout=60_000)
    assert live_control_value(page, "polynomial_fit", "degree") == 5
    assert page.locator("figure .figure-wait").count() == 0
    shift = figure_classes(lesson_by_slug(LESSON))["distribution_shift"]
    page.wait_for_function("() => course.state.current('distribution_shift') !== ''", timeout=60_000)
    assert state.read("distribution_shift", shift, page.evaluate("course.state.current('distribution_shift')")) == {"train_on_both": True}
    assert page.locator("#figure-distribution_shift input[type=checkbox]").first.is_checked()

    built = lesson_figures(LESSON, "polynomial_fit.degree=5&distribution_shift.train_on_both=true")
    for name in ("polynomial_fit", "distribution_shift"):
        assert wait_for_readout(browser, name, text_of(built[name].numbers.object)) == text_of(built[name].numbers.object)
    assert browser.errors == []


def test_buttons_wait_disabled_until_their_figure_is_live(visit):
    browser, release = held_back(visit)
    page = browser.open(f"{LESSON}.html")
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=60_000)
    button = page.locator("#figure-new_points button").first
    assert button.is_disabled()
    release()
    browser.wait_until_live()
    assert page.locator("#figure-new_points button").first.is_enabled()


CURVE = """(figure) => {
  const jsdoc = course.draw.documentOf(figure);
  const sources = [...jsdoc.all_models].filter((m) => m.data && (m.data instanceof Map ? m.data.get('y') : m.data.y));
  const columns = sources.map((m) => (m.data instanceof Map ? m.data.get('y') : m.data.y)).filter((y) => y.length === 400);
  return Array.from(columns[0]);
}"""
READOUT_MODEL = """(figure) => [...course.draw.documentOf(figure).all_models].find((m) => (m.css_classes || []).includes('readout')).text"""


def test_a_precomputed_figure_answers_before_python_and_python_takes_over_in_the_same_state(visit):
    browser, release = held_back(visit)
    page = browser.open(f"{LESSON}.html")
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=60_000)
    note = page.locator('figure[data-figure="polynomial_fit"] .figure-wait')
    assert note.inner_text().startswith("Answers now")

    slider = page.locator("#figure-polynomial_fit .noUi-handle").first
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # degree 2 -> 5, before Python
    expected = build_figure(LESSON, "polynomial_fit", "polynomial_fit.degree=5")
    assert wait_for_readout(browser, "polynomial_fit", text_of(expected.numbers.object)) == text_of(expected.numbers.object)
    assert page.evaluate(CURVE, "polynomial_fit") == pytest.approx(list(expected.curve.data["y"]), rel=1e-12)
    assert "figures-live" not in page.evaluate("document.body.className")

    page.evaluate(
        """([readout]) => document.addEventListener("figure-live", (event) => {
          if (event.detail === "polynomial_fit") window.readoutWhenLive = eval(readout)("polynomial_fit");
        })""",
        [READOUT_MODEL],
    )
    release()
    browser.wait_until_live()
    page.wait_for_function("() => course.state.current('polynomial_fit') === 'polynomial_fit.degree=5'", timeout=60_000)
    assert live_control_value(page, "polynomial_fit", "degree") == 5
    assert page.evaluate(CURVE, "polynomial_fit") == pytest.approx(list(expected.curve.data["y"]), rel=1e-12)
    assert page.evaluate("window.readoutWhenLive") == page.evaluate(READOUT_MODEL, "polynomial_fit"), "it went live showing the same state"
    assert browser.readout("polynomial_fit") == text_of(expected.numbers.object)

    changes = page.evaluate("course.changes")
    before = browser.readout("polynomial_fit")
    slider = page.locator("#figure-polynomial_fit .noUi-handle").first
    slider.focus()
    page.keyboard.press("ArrowRight")  # and Python answers the next move
    browser.wait_for_readout_change("polynomial_fit", before, changes)
    after = build_figure(LESSON, "polynomial_fit", "polynomial_fit.degree=6")
    assert wait_for_readout(browser, "polynomial_fit", text_of(after.numbers.object)) == text_of(after.numbers.object)
    assert browser.errors == []


def test_the_status_counts_the_download_and_moves_no_content(visit):
    browser, release = held_back(visit)
    page = browser.open(f"{LESSON}.html")
    page.wait_for_function(
        "() => /[0-9.]+ of [0-9.]+ MB downloaded/.test(document.querySelector('#python-status').textContent)", timeout=60_000
    )
    assert page.locator("#python-status").is_visible()
    with_status = page.evaluate("document.querySelector('main').getBoundingClientRect().top + scrollY")
    page.evaluate("document.querySelector('#python-status').hidden = true")
    without = page.evaluate("document.querySelector('main').getBoundingClientRect().top + scrollY")
    assert with_status == without
    note = page.locator('figure[data-figure="two_fits"] .figure-wait')
    assert "MB downloaded" in note.inner_text()
    release()
    page.wait_for_function("() => /Preparing figures, [0-9] of [0-9]/.test(course.timeline.map(([what]) => what).join(';'))", timeout=120_000)
    browser.wait_until_live()


def test_a_figure_precomputed_one_control_at_a_time_answers_each_and_keeps_a_move_off_them(visit):
    """The loss landscape declares each slider's positions alone (every pair would be 19,000 states): before
    Python, the intercept answers at once; the slope moved after it leaves the declared states, so that move
    waits, kept, and the live figure shows both."""
    lesson, name = "4-how-networks-learn", "loss_landscape"
    browser, release = held_back(visit)
    page = browser.open(f"{lesson}.html")
    page.wait_for_selector("body.figures-drawn", state="attached", timeout=60_000)
    note = page.locator(f'figure[data-figure="{name}"] .figure-wait')
    assert note.inner_text().startswith("Answers now")
    handles = page.locator(f"#figure-{name} .noUi-handle")
    handles.nth(1).focus()
    page.keyboard.press("ArrowLeft")  # intercept 6.0 -> 5.9, before Python
    expected = build_figure(lesson, name, f"{name}.intercept=5.9")
    assert wait_for_readout(browser, name, text_of(expected.numbers.object)) == text_of(expected.numbers.object)

    handles.nth(0).focus()
    page.keyboard.press("ArrowRight")  # slope -1.0 -> -0.9 as well: no such state was computed
    page.wait_for_function(f"() => document.querySelector('figure[data-figure={name}] .figure-wait').textContent.includes('your change applies')")
    assert browser.readout(name) == text_of(expected.numbers.object), "the figure shows the last state it can, no guess"

    release()
    browser.wait_until_live()
    both = build_figure(lesson, name, f"{name}.slope=-0.9&{name}.intercept=5.9")
    assert wait_for_readout(browser, name, text_of(both.numbers.object)) == text_of(both.numbers.object)
    assert browser.errors == []
