"""Controls beyond each figure's first: a click on a plot, and the playground's play, pause and reset."""

import pytest

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.page import build_figure

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
    return text_of(build_figure(slug, figure, live_query(browser, figure)).numbers.object)


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


# A plot's frame on the screen and its axes' ranges, found by its title.
FRAME = """(title) => {
  const view = [...Bokeh.index.query((v) => v.model.constructor.__name__ === 'Figure' && v.model.title && v.model.title.text === title)][0];
  const box = view.el.getBoundingClientRect(), frame = view.frame.bbox;
  return {left: box.left + frame.left, top: box.top + frame.top, width: frame.width, height: frame.height,
          x: [view.model.x_range.start, view.model.x_range.end], y: [view.model.y_range.start, view.model.y_range.end],
          sources: view.model.renderers.map((r) => r.data_source && r.data_source.data ? Object.fromEntries(
            [...(r.data_source.data instanceof Map ? r.data_source.data : Object.entries(r.data_source.data))].map(([k, v]) => [k, [...v]])) : null)};
}"""


def on_screen(frame, x, y):
    """Where the data point (x, y) is on the screen, in a plot's `frame`."""
    (x0, x1), (y0, y1) = frame["x"], frame["y"]
    return frame["left"] + (x - x0) / (x1 - x0) * frame["width"], frame["top"] + (y1 - y) / (y1 - y0) * frame["height"]


def drag(page, start, end):
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=12)
    page.mouse.up()


def test_dragging_the_landscape_dot_moves_it_and_the_line_and_reads_out_the_loss_there(live_page):
    slug, figure = "4-how-networks-learn", "loss_landscape"
    browser = live_page(slug)
    page = browser.page
    title = "The landscape from above\n(drag or click the dot)"
    page.locator(f"#figure-{figure} .bk-Canvas").nth(2).scroll_into_view_if_needed()
    frame = page.evaluate(FRAME, title)
    drag(page, on_screen(frame, -1.0, 6.0), on_screen(frame, 3.0, 2.0))
    shown = settle(browser, figure)
    values = live_values(slug, figure, browser)
    assert values["slope"] == pytest.approx(3.0, abs=0.1) and values["intercept"] == pytest.approx(2.0, abs=0.1)
    assert shown == expected(slug, figure, browser), "the read-out is the core's loss at the new point"
    after = page.evaluate(FRAME, title)
    assert (after["x"], after["y"]) == (frame["x"], frame["y"]), "a drag moves the dot, never the axes"
    dot = next(data for data in after["sources"] if data and "intercept" in data)
    assert (dot["slope"], dot["intercept"]) == ([values["slope"]], [values["intercept"]])
    line = next(data for data in page.evaluate(FRAME, "The data and the line")["sources"] if data and "x" in data and len(data["x"]) == 2)
    assert line["y"] == pytest.approx([values["slope"] * x + values["intercept"] for x in line["x"]])
    assert browser.errors == []


def test_dragging_the_3d_view_turns_it(live_page):
    slug, figure = "3-neural-networks", "rings_in_3d"
    browser = live_page(slug)
    page = browser.page
    title = "Hidden layer H1, H2, H3: three numbers per point"
    page.locator(f"#figure-{figure} .bk-Canvas").first.scroll_into_view_if_needed()
    before = page.evaluate(FRAME, title)
    centre = (before["left"] + before["width"] / 2, before["top"] + before["height"] / 2)
    drag(page, centre, (centre[0] + 100, centre[1]))
    shown = settle(browser, figure)
    values = live_values(slug, figure, browser)
    assert values.get("azimuth") == 150 and "elevation" not in values, "100 px to the right turns the view 50 degrees"
    assert shown == expected(slug, figure, browser)
    after = page.evaluate(FRAME, title)
    assert (after["x"], after["y"]) == (before["x"], before["y"])
    assert after["sources"] != before["sources"], "the points moved on the screen"
    assert browser.errors == []


def test_dragging_a_new_point_moves_it_along_x_and_the_errors_follow(live_page):
    slug, figure = "2-fundamentals-of-learning", "new_points"
    browser = live_page(slug)
    page = browser.page
    title = "Click to add a point, drag one to move it"
    page.locator(f"#figure-{figure} button", has_text="Add a point between the dots").click()
    settle(browser, figure)
    [start] = live_values(slug, figure, browser)["new_x"]
    page.locator(f"#figure-{figure} .bk-Canvas").first.scroll_into_view_if_needed()
    frame = page.evaluate(FRAME, title)
    point = next(data for data in frame["sources"] if data and data.get("x") == [start])
    drag(page, on_screen(frame, start, point["y"][0]), on_screen(frame, start + 1.5, point["y"][0]))
    shown = settle(browser, figure)
    [moved] = live_values(slug, figure, browser)["new_x"]  # the same point, moved: none added
    assert moved == pytest.approx(start + 1.5, abs=0.05)
    assert shown == expected(slug, figure, browser), "the errors are the core's for the moved point"
    after = page.evaluate(FRAME, title)
    assert (after["x"], after["y"]) == (frame["x"], frame["y"]), "a drag moves the point, never the axes"
    assert [moved] in [data.get("x") for data in after["sources"] if data]
    assert browser.errors == []
