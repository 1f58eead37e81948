"""Phones in real Chromium: a swipe over a plot scrolls the page, and the page fits the screen.

The phone profiles are Playwright contexts with `is_mobile` and `has_touch`; swipes are
touch events sent through the Chrome DevTools Protocol (Input.dispatchTouchEvent), the
way a finger reaches the page. Each plot's axes are read back from its Bokeh model.
"""

import pytest

from dlviz.course import available_lessons

from .conftest import Visit

LESSON_PAGES = [f"{lesson.slug}.html" for lesson in available_lessons()]
PHONES = {"390x844": {"width": 390, "height": 844}, "360x740": {"width": 360, "height": 740}}
SWIPE = 300  # CSS pixels a finger moves up the screen
START = 200  # where, from the top of the screen, a plot's top is put before a swipe

# Every Bokeh plot on the page: its place and its axes' ranges.
PLOTS = """() => [...Bokeh.index.query((view) => view.model.constructor.__name__ === 'Figure')].map((view) => {
  const box = view.el.getBoundingClientRect();
  return {id: view.model.id, title: view.model.title ? view.model.title.text : '',
          top: box.top + scrollY, left: box.left, width: box.width, height: box.height,
          ranges: [view.model.x_range.start, view.model.x_range.end, view.model.y_range.start, view.model.y_range.end]};
}).filter((plot) => plot.width > 0 && plot.height > 0)"""

# The page's scroll once it has stopped moving: the same for five animation frames running.
SETTLED = """() => new Promise((done) => {
  let last = scrollY, still = 0;
  const look = () => { still = scrollY === last ? still + 1 : 0; last = scrollY; still >= 5 ? done(scrollY) : requestAnimationFrame(look); };
  requestAnimationFrame(look);
})"""


def swipe(browser, cdp, x, y, distance=SWIPE):
    """A finger put down at (x, y), moved `distance` up the screen in ten moves, held
    still and lifted; returns how far the page scrolled while the finger was down (a
    fling after the lift would depend on the finger's speed)."""
    page = browser.page
    before = page.evaluate("scrollY")
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for move in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * move / 10}]})
    scrolled = page.evaluate(SETTLED) - before
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.evaluate(SETTLED)
    return scrolled


def phone(chromium, site_url, screen):
    """A phone of `screen` size ({width, height}) with touch."""
    browser = Visit(chromium, site_url, is_mobile=True, has_touch=True, device_scale_factor=2)
    browser.page.set_viewport_size(screen)
    return browser


@pytest.mark.parametrize("screen", PHONES.values(), ids=PHONES.keys())
@pytest.mark.parametrize("page_name", LESSON_PAGES)
def test_a_swipe_over_any_plot_scrolls_the_page_and_leaves_its_axes_alone(chromium, site_url, page_name, screen):
    browser = phone(chromium, site_url, screen)
    try:
        page = browser.open(page_name, live=True)
        page.evaluate("document.body.style.paddingBottom = '2000px'")  # room to scroll below the last plot
        cdp = browser.context.new_cdp_session(page)
        plots = page.evaluate(PLOTS)
        assert plots, f"{page_name} has no plot"

        paragraph = page.locator("main p").first
        paragraph.scroll_into_view_if_needed()
        box = paragraph.bounding_box()
        page.evaluate(f"window.scrollBy(0, {box['y'] - START})")
        over_text = swipe(browser, cdp, box["x"] + box["width"] / 2, START + 5)
        assert over_text >= SWIPE * 0.8, f"a swipe over text scrolled {over_text}px"

        for plot in plots:
            page.evaluate(f"window.scrollTo(0, {plot['top'] - START})")
            x, y = plot["left"] + plot["width"] / 2, START + min(plot["height"] / 2, 150)
            under_finger = page.evaluate(
                "([x, y, id]) => { const view = [...Bokeh.index.query((v) => v.model.id === id)][0];"
                " const box = view.el.getBoundingClientRect(); return box.left <= x && x <= box.right && box.top <= y && y <= box.bottom; }",
                [x, y, plot["id"]])
            assert under_finger, f"the swipe must start over {plot['title']!r}"
            scrolled = swipe(browser, cdp, x, y)
            assert scrolled >= 0.8 * over_text, f"a swipe over {plot['title']!r} scrolled {scrolled}px, over text {over_text}px"

        after = {plot["id"]: plot["ranges"] for plot in page.evaluate(PLOTS)}
        assert after == {plot["id"]: plot["ranges"] for plot in plots}, "a swipe moved a plot's axes"
        assert browser.errors == []
    finally:
        browser.close()


def test_the_wheel_over_a_plot_scrolls_the_page(visit):
    browser = visit()
    page = browser.open("4-how-networks-learn.html", live=True)
    plot = page.evaluate(PLOTS)[0]
    page.evaluate(f"window.scrollTo(0, {plot['top'] - START})")
    before = page.evaluate("scrollY")
    page.mouse.move(plot["left"] + plot["width"] / 2, START + plot["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"scrollY >= {before + 300}", timeout=5000)
    assert page.evaluate(PLOTS)[0]["ranges"] == plot["ranges"]
