"""Before Python is live: a figure's controls say so, and the learner's moves are kept and applied.

Each test holds Python back (the worker's request for Pyodide's WebAssembly waits until
the test releases it), moves controls on the pre-rendered figures as a learner would, then
lets Python start and reads the live figure's state back: from Python (the state it reports)
and from the live Bokeh document's controls.
"""

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.page import lesson_figures

from .conftest import text_of
from .test_figures import move_main_control

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
    note = page.locator('figure[data-figure="polynomial_fit"] .figure-wait')
    page.wait_for_function("() => document.querySelector('.figure-wait')?.textContent.includes('%')")
    assert note.is_visible()

    slider = page.locator("#figure-polynomial_fit .noUi-handle").first
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # degree 2 -> 5
    assert slider.get_attribute("aria-valuenow").startswith("5")
    move_main_control(page, page.locator("#figure-two_fits"))  # its "Show" choice: another option
    chosen = page.locator("#figure-two_fits select").first.input_value()
    assert "applies when it is ready" in note.inner_text()
    assert "figures-live" not in page.evaluate("document.body.className")

    release()
    browser.wait_until_live()
    page.wait_for_function("() => course.state.current('polynomial_fit') === 'polynomial_fit.degree=5'", timeout=60_000)
    assert live_control_value(page, "polynomial_fit", "degree") == 5
    assert page.locator('figure[data-figure="polynomial_fit"] .figure-wait').count() == 0
    two_fits = figure_classes(lesson_by_slug(LESSON))["two_fits"]
    page.wait_for_function("() => course.state.current('two_fits') !== ''", timeout=60_000)
    assert state.read("two_fits", two_fits, page.evaluate("course.state.current('two_fits')")) == {"view": chosen}
    assert page.locator("#figure-two_fits select").first.input_value() == chosen

    built = lesson_figures(LESSON, "polynomial_fit.degree=5")["polynomial_fit"]
    assert wait_for_readout(browser, "polynomial_fit", text_of(built.numbers.object)) == text_of(built.numbers.object)
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
