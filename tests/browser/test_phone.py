"""Phones in real Chromium: a swipe over a plot scrolls the page, and the page fits the screen.

The phone profiles are Playwright contexts with `is_mobile` and `has_touch`; swipes are
touch events sent through the Chrome DevTools Protocol (Input.dispatchTouchEvent), the
way a finger reaches the page. Each plot's axes are read back from its Bokeh model.
"""

import pytest

from dlviz.course import available_lessons

from .conftest import Visit, assert_equal_axes

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


@pytest.fixture(scope="module")
def live_on_phone(chromium, site_url):
    """A live lesson on a phone, opened on first use: the 360 px ones are kept for the label test
    below (a live page is the costly part of a browser test), the others closed when the next opens."""
    opened = {}

    def open_live(page_name, screen):
        key = (page_name, screen["width"])
        if key not in opened:
            for other in [k for k in opened if k[1] != PHONES["360x740"]["width"]]:
                opened.pop(other).close()
            opened[key] = phone(chromium, site_url, screen)
            opened[key].open(page_name, live=True)
        return opened[key]

    yield open_live
    for browser in opened.values():
        browser.close()


@pytest.mark.parametrize("screen", PHONES.values(), ids=PHONES.keys())
@pytest.mark.parametrize("page_name", LESSON_PAGES)
def test_a_swipe_over_any_plot_scrolls_the_page_leaves_its_axes_alone_and_nothing_overflows(live_on_phone, page_name, screen):
    """One live page per lesson and screen, for both (a live page is the costly part of a browser test)."""
    browser = live_on_phone(page_name, screen)
    page = browser.page
    page.evaluate("document.body.style.paddingBottom = '2000px'")  # room to scroll below the last plot
    cdp = browser.context.new_cdp_session(page)
    plots = page.evaluate(PLOTS)
    assert plots, f"{page_name} has no plot"
    assert_equal_axes(page, page_name.removesuffix(".html"))

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
    page.evaluate("document.body.style.paddingBottom = ''")
    assert_nothing_overflows(page, screen["width"])
    assert browser.errors == []


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


# Text that overflows a 360 px screen: every element with text of its own, in the page
# and in the figures' open shadow roots, that reaches past the screen's edges or is
# cut off by its own box; and every word of a table cell that is split across lines.
OVERFLOWS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.textContent.trim().slice(0, 40)}"`;
  const look = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) look(element.shadowRoot);
      const box = element.getBoundingClientRect();
      const text = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!text || box.width === 0 || box.height === 0 || element.closest('.skip-link, .visually-hidden')) continue;
      if (box.right > width + 1 || box.left < -1) found.push(`${name(element)} spans ${Math.round(box.left)}..${Math.round(box.right)}px`);
      const style = getComputedStyle(element);
      if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
        found.push(`${name(element)} is cut: ${element.scrollWidth}px in ${element.clientWidth}px`);
    }
  };
  look(document);
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(`"${word[0]}" is broken across lines in a table`);
      }
    }
  }
  return found;
}"""


def assert_nothing_overflows(page, width):
    """No sideways scroll and no text past the screen's edges or cut by its box, details opened."""
    for details in page.locator("main details").all():  # hidden text is text too
        details.evaluate("(e) => { e.open = true; }")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(OVERFLOWS) == []


@pytest.mark.parametrize("screen", PHONES.values(), ids=PHONES.keys())
def test_nothing_overflows_the_front_page_on_a_phone(chromium, site_url, screen):
    """(The lessons are checked with the swipes, above.)"""
    browser = phone(chromium, site_url, screen)
    try:
        assert_nothing_overflows(browser.open("index.html"), screen["width"])
    finally:
        browser.close()


# Text drawn in the plots that is cut off or collides: for every Bokeh plot on the page,
# the box of each label of its text glyphs and of each text annotation (title, label) as
# Bokeh laid it out, on the plot's canvas; each must lie inside the canvas and clear of
# every other. (Rotated text and empty labels are left out.) Bokeh's own text boxes
# (core/graphics TextBox) measure the label sets.
LABEL_CLASHES = """() => {
  const found = [], {TextBox} = Bokeh.require('core/graphics');
  for (const plot of Bokeh.index.query((view) => view.model.constructor.__name__ === 'Figure')) {
    const canvas = plot.el.getBoundingClientRect();
    if (canvas.width === 0) continue;
    const boxes = [];
    const views = plot.renderer_views instanceof Map ? [...plot.renderer_views.values()] : [...plot.renderer_views];
    for (const view of views) {
      if (!view.model.visible) continue;
      const glyph = view.glyph;
      if (glyph && glyph.model.constructor.__name__ === 'Text' && glyph.labels) {
        for (let i = 0; i < glyph.labels.length; i++) {
          const text = glyph.text.get(i);
          if (text == null || `${text}`.trim() === '' || glyph.angle.get(i) !== 0) continue;
          const anchor = glyph.anchor_.get(i);
          const left = glyph.sx[i] + glyph.x_offset.get(i) - anchor.x * glyph.swidth[i];
          const top = glyph.sy[i] + glyph.y_offset.get(i) - anchor.y * glyph.sheight[i];
          if (!isFinite(left + top)) continue;
          boxes.push({text: `${text}`, left, top, right: left + glyph.swidth[i], bottom: top + glyph.sheight[i]});
        }
      } else if (view.model.constructor.__name__ === 'LabelSet' && view.sx) {
        for (let i = 0; i < view.text.length; i++) {  // laid out as LabelSetView._paint_text lays it out
          const text = view.text.get(i);
          if (text == null || `${text}`.trim() === '' || view.angle.get(i) !== 0) continue;
          const box = new TextBox({text: `${text}`});
          box.position = {sx: view.sx[i] + view.x_offset.get(i), sy: view.sy[i] - view.y_offset.get(i)};
          box.visuals = view.visuals.text.values(i);
          const {left, top, right, bottom} = box.bbox();
          boxes.push({text: `${text}`, left, top, right, bottom});
        }
      } else if (view._rect && view.model.text && (view.model.angle ?? 0) === 0) {
        const {sx, sy, anchor, width, height} = view._rect;
        const left = sx - anchor.x * width, top = sy - anchor.y * height;
        boxes.push({text: view.model.text, left, top, right: left + width, bottom: top + height});
      }
    }
    const title = plot.model.title ? plot.model.title.text : '';
    for (const box of boxes) {
      if (box.left < -1 || box.top < -1 || box.right > canvas.width + 1 || box.bottom > canvas.height + 1)
        found.push(`${title}: "${box.text}" is cut off (${Math.round(box.left)}..${Math.round(box.right)} in ${Math.round(canvas.width)}px)`);
    }
    for (let a = 0; a < boxes.length; a++) for (let b = a + 1; b < boxes.length; b++) {
      const [p, q] = [boxes[a], boxes[b]];
      if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
        found.push(`${title}: "${p.text}" runs into "${q.text}"`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("page_name", LESSON_PAGES)
def test_no_plot_label_is_cut_off_or_runs_into_another_on_a_360px_phone(live_on_phone, page_name):
    browser = live_on_phone(page_name, PHONES["360x740"])
    page = browser.page
    assert page.evaluate(LABEL_CLASHES) == []
    if page_name.startswith("4-"):  # the backprop diagram, at each of its stages
        figure = page.locator("#figure-backpropagation")
        for stage in range(2, 13):
            changes = page.evaluate("window.course.changes")
            before = browser.readout("backpropagation")
            figure.locator("button", has_text="Next").first.click()
            browser.wait_for_readout_change("backpropagation", before, changes)
            page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
            assert page.evaluate(LABEL_CLASHES) == [], f"at stage {stage}"


NETWORK = "Every neuron, read over the plane"
# The first neuron's place on the screen in the playground's network picture, and the tooltips drawn in that plot.
NEURON = """(title) => {
  const view = [...Bokeh.index.query((v) => v.model.title && v.model.title.text === title)][0];
  const column = (source, key) => (source.data instanceof Map ? source.data.get(key) : source.data[key]);
  const spots = [...view.renderer_views.values()].find((r) => r.model.data_source && column(r.model.data_source, 'about'));
  const box = view.el.getBoundingClientRect();
  const [x, y] = [column(spots.model.data_source, 'x')[0], column(spots.model.data_source, 'y')[0]];
  return {x: box.left + view.frame.x_scale.compute(x), y: box.top + view.frame.y_scale.compute(y)};
}"""
TOOLTIPS = """() => [...document.querySelectorAll('.bk-Tooltip')].map((tip) => getComputedStyle(tip).display)"""


def test_on_a_phone_a_tapped_neuron_is_enlarged_and_no_tooltip_stays_over_the_buttons(live_on_phone):
    browser = live_on_phone("5-playground.html", PHONES["360x740"])
    page = browser.page
    assert page.evaluate("matchMedia('(hover: none)').matches"), "a phone: nothing hovers"
    hint = page.locator("#figure-playground").get_by_text("Tap a neuron to see it enlarged")
    hint.scroll_into_view_if_needed()
    spot = page.evaluate(NEURON, NETWORK)
    page.touchscreen.tap(spot["x"], spot["y"])
    hint.wait_for(state="detached")  # the neuron is enlarged, its weights beside it
    page.mouse.move(spot["x"], spot["y"])  # the mouse events a phone's tap may also send
    page.mouse.move(spot["x"] + 1, spot["y"] + 1)
    page.wait_for_function("document.querySelector('.bk-Tooltip') !== null")  # Bokeh made its tooltip...
    assert set(page.evaluate(TOOLTIPS)) == {"none"}  # ...and it is not shown
    assert browser.errors == []


def test_on_a_phone_a_figures_controls_stay_in_reach_while_its_plots_are_on_the_screen(live_on_phone):
    """Lesson 2's degree figure, scrolled until its error plot (its last) fills the screen: the degree
    slider is at the top of the screen, and a finger dragging it there moves the figure. Scrolled
    past, the slider goes with its figure."""
    browser = live_on_phone("2-fundamentals-of-learning.html", PHONES["360x740"])
    page = browser.page
    figure = page.locator("#figure-polynomial_fit")
    handle = figure.locator(".noUi-handle").first
    figure.scroll_into_view_if_needed()
    plots = figure.locator(".bk-Figure")
    last = plots.nth(plots.count() - 1)
    page.evaluate(f"window.scrollBy(0, {last.bounding_box()['y'] - 120})")
    page.evaluate(SETTLED)
    assert figure.bounding_box()["y"] < -100  # the figure's top, its slider's first place, is off the screen
    box = handle.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] < 120, box
    assert last.bounding_box()["y"] >= box["y"] + box["height"]  # the plot shows below the bar

    cdp = browser.context.new_cdp_session(page)
    changes, before = page.evaluate("window.course.changes"), browser.readout("polynomial_fit")
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for move in range(1, 6):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x + 12 * move, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    browser.wait_for_readout_change("polynomial_fit", before, changes)
    assert browser.readout("polynomial_fit") != before

    page.evaluate(f"window.scrollBy(0, {figure.bounding_box()['y'] + figure.bounding_box()['height'] + 200})")
    page.evaluate(SETTLED)
    box = handle.bounding_box()
    assert box["y"] + box["height"] < 0  # past its figure, the bar is gone with it


def test_on_a_phone_the_playgrounds_play_button_stays_in_reach_over_its_output(live_on_phone):
    """The playground's output plot is two screens below its settings on a phone: scrolled to it,
    Play is at the top of the screen, and a tap there plays (and a second pauses)."""
    browser = live_on_phone("5-playground.html", PHONES["360x740"])
    page = browser.page
    output = next(plot for plot in page.evaluate(PLOTS) if plot["title"] == "The network's output")
    page.evaluate(f"window.scrollTo(0, {output['top'] - 150})")
    page.evaluate(SETTLED)
    play = page.locator("#figure-playground button", has_text="Play")
    box = play.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] < 100, box
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pause = page.locator("#figure-playground button", has_text="Pause")
    pause.wait_for()
    pause.tap()
    play.wait_for()
    assert browser.errors == []
