"""Controls beyond each figure's first: a click on a plot, and the playground's play, pause and reset."""

import pytest

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.page import lesson_figures

from .conftest import Visit, text_of


@pytest.fixture(scope="module")
def live_page(chromium, site_url):
    visits = []

    def open_live(slug):
        visits.append(Visit(chromium, site_url))
        visits[-1].open(f"{slug}.html", live=True)
        return visits[-1]

    yield open_live
    for visit in visits:
        visit.close()


def settle(browser, figure, timeout=30.0):
    """Wait until the worker has answered every change, then return the figure's read-out."""
    page = browser.page
    page.wait_for_timeout(300)
    for _ in range(int(timeout * 10)):
        changes = page.evaluate("window.course.changes")
        page.wait_for_timeout(300)
        if page.evaluate("window.course.changes") == changes:
            return browser.readout(figure)
    raise AssertionError(f"{figure} never settled")


def live_query(browser, figure):
    """The live figure's state as Python reports it: query-string pairs, as a link carries them."""
    return browser.page.evaluate("(name) => course.state.current(name)", figure)


def live_values(slug, figure, browser):
    """The live figure's state, read in CPython as a link is: {parameter: value} where not the default."""
    return state.read(figure, figure_classes(lesson_by_slug(slug))[figure], live_query(browser, figure))


def expected(slug, figure, browser):
    return text_of(lesson_figures(slug, live_query(browser, figure))[figure].numbers.object)


def test_a_click_on_the_landscape_moves_the_point_there(live_page):
    slug, figure = "4-how-networks-learn", "loss_landscape"
    browser = live_page(slug)
    page = browser.page
    before = browser.readout(figure)
    contour = page.locator(f"#figure-{figure} .bk-Canvas").nth(2)
    contour.scroll_into_view_if_needed()
    box = contour.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.35, box["y"] + box["height"] * 0.4)
    shown = settle(browser, figure)
    assert shown != before
    values = live_values(slug, figure, browser)
    assert set(values) == {"slope", "intercept"}
    assert all(round(value, 2) == value for value in values.values()), "a click lands on the hundredth"
    assert shown == expected(slug, figure, browser)


def test_the_playground_plays_pauses_and_resets(live_page):
    slug, figure = "5-playground", "playground"
    browser = live_page(slug)
    page = browser.page
    at_start = browser.readout(figure)
    play = page.locator(f"#figure-{figure} button", has_text="Play").first
    play.click()
    page.wait_for_timeout(2500)
    page.locator(f"#figure-{figure} button", has_text="Pause").first.click()
    paused = settle(browser, figure)
    steps = live_values(slug, figure, browser)["steps"]
    assert steps > 0 and paused != at_start
    assert paused == expected(slug, figure, browser)
    page.wait_for_timeout(1000)
    assert browser.readout(figure) == paused, "training went on after pause"
    page.locator(f"#figure-{figure} button", has_text="Reset").first.click()
    assert settle(browser, figure) == at_start
    assert "steps" not in live_values(slug, figure, browser)
    assert browser.errors == []
