"""Browser fixtures: a fresh context whose every request and error is recorded."""

import html
import re

import pytest

pytestmark = pytest.mark.browser


class Visit:
    """A browser context with one page, recording requests, failures and page errors."""

    def __init__(self, browser, base_url, **context_options):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, **context_options)
        self.requests, self.errors, self.failed, self.console = [], [], [], []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.console.append(f"{message.type}: {message.text[-800:]}"))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))

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
        return [url for url in self.requests if not url.startswith(self.base_url) and not url.startswith("data:") and not url.startswith("blob:")]

    def readout(self, figure):
        """The text of a figure's read-out, as a learner sees it."""
        return self.page.evaluate(
            """(name) => {
                const host = document.querySelector(`#figure-${name} .readout`);
                if (!host) return null;
                return (host.shadowRoot ? host.shadowRoot.textContent : host.textContent).replace(/\\s+/g, " ").trim();
            }""",
            figure,
        )

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


def text_of(html_text):
    """What a browser shows for an HTML fragment: tags dropped, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", html_text))).strip()
