"""Browser fixtures: a fresh context whose every request and error is recorded."""

import html
import re
import time

import pytest

pytestmark = pytest.mark.browser


class Visit:
    """A browser context with one page, recording requests, failures and page errors."""

    def __init__(self, browser, base_url, **context_options):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, **context_options)
        self.requests, self.errors, self.failed, self.console = [], [], [], []
        self.cached_by_service_worker = []
        self.context.on("request", self.record)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text[-800:]}"))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))

    def record(self, request):
        """Every request of the page and its workers; the service worker's own go apart."""
        if request.service_worker is not None:
            self.cached_by_service_worker.append(request.url)
        else:
            self.requests.append(request.url)

    def open(self, path, live=False, timeout=120_000):
        self.page.goto(self.base_url + path)
        if live:
            self.wait_until_live(timeout)
        return self.page

    def wait_until_live(self, timeout=120_000):
        try:
            self.page.wait_for_selector("body.figures-live, body.figures-failed", state="attached", timeout=timeout)
        except Exception as error:
            raise AssertionError("never went live; console:\n" + "\n".join(self.console[-20:])) from error
        status = self.page.locator("#python-status .status-text").text_content()
        assert "figures-live" in self.page.evaluate("document.body.className"), status

    def off_site_requests(self):
        everything = self.requests + self.cached_by_service_worker
        return [url for url in everything if not url.startswith((self.base_url, "data:", "blob:"))]

    def readout(self, figure):
        """The text of a figure's read-out, as a learner sees it."""
        return readout_in(self.page.locator(f"#figure-{figure}"))

    def wait_for_readout_change(self, figure, before, changes, timeout=30.0):
        """Wait until the worker has applied a change and the figure's read-out differs from `before`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.page.evaluate("window.course.changes") > changes and self.readout(figure) != before:
                return
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{figure}'s read-out never changed from {before!r}; console:\n" + "\n".join(self.console[-10:]))

    def close(self):
        self.context.close()


@pytest.fixture
def visit(chromium, site_url):
    opened = []

    def open_visit(**context_options):
        opened.append(Visit(chromium, site_url, **context_options))
        return opened[-1]

    yield open_visit
    for item in opened:
        item.close()


@pytest.fixture(scope="module")
def live_lessons(chromium, site_url):
    """One live page per lesson, opened on first use and shared by a test module's tests (a live page
    is the costly part of a browser test): live_lessons(slug) -> its Visit."""
    visits = {}

    def live(slug):
        if slug not in visits:
            visits[slug] = Visit(chromium, site_url)
            visits[slug].open(f"{slug}.html", live=True)
        return visits[slug]

    yield live
    for item in visits.values():
        item.close()


def readout_in(figure_root):
    """The text of the read-out inside `figure_root` (a locator; Playwright pierces Panel's shadow roots)."""
    host = figure_root.locator(".readout").first
    if not host.count():
        return None
    text = host.evaluate(
        "(e) => e.shadowRoot ? [...e.shadowRoot.children].filter((c) => !['STYLE', 'LINK'].includes(c.tagName))"
        ".map((c) => c.textContent).join('') : e.textContent"
    )
    return re.sub(r"\s+", " ", text).strip()


def text_of(html_text):
    """What a browser shows for an HTML fragment: tags dropped, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", html_text))).strip()


# Every plot drawn with equal axes (match_aspect) on the page, and its data units per pixel across and up.
EQUAL_AXES = """() => [...Bokeh.index.query((view) => view.model.constructor.__name__ === 'Figure' && view.model.match_aspect)]
  .filter((view) => view.el.getBoundingClientRect().width > 0)
  .map((view) => ({title: view.model.title ? view.model.title.text : '',
                   across: (view.model.x_range.end - view.model.x_range.start) / view.frame.bbox.width,
                   up: (view.model.y_range.end - view.model.y_range.start) / view.frame.bbox.height}))"""


# Plots where shape is the point, by lesson: the perceptron's plane, the rings and the close-up of a layer's neuron maps, the line's loss landscape
# (four figures: a gradient stands square to its iso-lines) and the playground's plane.
EQUAL_AXES_PLOTS = {"1-what-is-deep-learning": 1, "3-neural-networks": 2, "4-how-networks-learn": 4, "5-playground": 1}


def assert_equal_axes(page, slug):
    """The plots of lesson `slug` where shape is the point, open in `page`, draw a unit as long across as up."""
    plots = page.evaluate(EQUAL_AXES)
    assert len(plots) == EQUAL_AXES_PLOTS.get(slug, 0), plots
    for plot in plots:
        assert plot["across"] == pytest.approx(plot["up"], rel=0.01), plot
