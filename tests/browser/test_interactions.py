"""Controls beyond each figure's first: a click on a plot, and the playground's play, pause and reset."""

import pytest

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


def expected(slug, figure, browser):
    states = browser.page.evaluate("window.course.states")
    return text_of(lesson_figures(slug, {figure: states.get(figure, {})})[figure].numbers.object)


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
    states = page.evaluate("window.course.states")[figure]
    assert set(states) == {"slope", "intercept"}
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
    steps = page.evaluate("window.course.states")[figure]["steps"]
    assert steps > 0 and paused != at_start
    assert paused == expected(slug, figure, browser)
    page.wait_for_timeout(1000)
    assert browser.readout(figure) == paused, "training went on after pause"
    page.locator(f"#figure-{figure} button", has_text="Reset").first.click()
    assert settle(browser, figure) == at_start
    assert "steps" not in page.evaluate("window.course.states").get(figure, {})
    assert browser.errors == []
