"""Changing a figure's Python in the page: the figure runs the learner's edit, as CPython does with the same edit.

For each changeable figure: an edit that changes the result gives the read-out CPython gives
with the same edit; a syntax error and an exception are shown beside the code, as Python words
them, while the figure keeps the last version that worked; an endless loop is stopped and the
page keeps answering; Reset brings the original numbers back. A link carries the learner's code.
"""

import inspect
import time

import pytest

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.edits import MAX_STATE_CHARS, Edit, core_function
from dlviz.page import build_figure

from .conftest import Visit

# slug, figure, the link's query, (original text, edited text): an edit that changes the read-out
CHANGEABLE = [
    ("4-how-networks-learn", "loss_landscape", "", ("(y - predictions) ** 2", "np.abs(y - predictions)")),
    ("4-how-networks-learn", "gradient_descent", "?gradient_descent.steps=12",
     ("p - learning_rate * g", "p - 0.5 * learning_rate * g")),
    ("5-playground", "playground", "", ("np.tanh(z)", "np.tanh(3 * z)")),
    ("1-what-is-deep-learning", "perceptron", "?perceptron.steps=6",
     ("weights + learning_rate * mistake * point", "weights - learning_rate * mistake * point")),
    ("6-ethics", "feedback_loop", "?feedback_loop.random_fraction=0.2",
     ("(1 - random_fraction) * hotspot", "(1 - random_fraction) * np.array([0.5, 0.5])")),
]

# another state of each figure, asked for while the learner's edit runs: the page still answers its controls
NEXT = {"loss_landscape": "loss_landscape.slope=1", "gradient_descent": "gradient_descent.steps=20",
        "playground": "playground.learning_rate=0.3", "perceptron": "perceptron.steps=10",
        "feedback_loop": "feedback_loop.random_fraction=0.4"}


def cpython_readout(slug, figure, query, source):
    """The figure's read-out in CPython, built from `query`, running `source` (None: the original)."""
    built = build_figure(slug, figure, query)
    edit = Edit(built)
    try:
        result = edit.change(source)
        assert result["error"] is None, result["error"]
        return result["yours"]
    finally:
        edit.undo()


def wait_for_readout(browser, figure, text, timeout=30.0):
    """Wait until the figure's read-out in the page says `text` (the worker's patches arrive after its answer)."""
    deadline = time.monotonic() + timeout
    while browser.readout(figure) != text and time.monotonic() < deadline:
        browser.page.wait_for_timeout(100)
    assert browser.readout(figure) == text


class CodePanel:
    def __init__(self, browser, figure):
        self.browser, self.page, self.figure = browser, browser.page, figure
        self.panel = self.page.locator(f'details[data-code="{figure}"]')

    def open_editor(self):
        self.panel.locator("summary").click()
        self.panel.locator(".code-edit").click()
        self.panel.locator(".CodeMirror").wait_for()
        return self.panel.locator(".code-text").input_value()

    def run(self, source):
        before = self.page.evaluate("window.course.changes")
        self.page.evaluate(
            "([name, text]) => document.querySelector(`details[data-code=${name}] .CodeMirror`).CodeMirror.setValue(text)",
            [self.figure, source],
        )
        self.panel.locator(".code-status").evaluate("(e) => { e.textContent = ''; }")
        self.panel.locator(".code-run").click()
        self.wait_for_answer()
        return before

    def reset(self):
        self.panel.locator(".code-status").evaluate("(e) => { e.textContent = ''; }")
        self.panel.locator(".code-reset").click()
        self.wait_for_answer()

    def wait_for_answer(self):
        # Python answers within its time limit (2 s) plus the redraw; the page's watchdog is 10 s.
        self.page.wait_for_function(
            "(name) => /runs your version|runs the original again|failed|Stopped/.test("
            "document.querySelector(`details[data-code=${name}] .code-status`).textContent)",
            arg=self.figure, timeout=30_000,
        )

    def status(self):
        return self.panel.locator(".code-status").text_content()

    def error(self):
        error = self.panel.locator(".code-error")
        return "" if error.get_attribute("hidden") is not None else error.text_content()

    def numbers(self):
        return self.panel.locator(".code-yours").text_content(), self.panel.locator(".code-original").text_content()


@pytest.mark.parametrize("slug, figure, query, change", CHANGEABLE, ids=[case[1] for case in CHANGEABLE])
def test_the_learner_changes_a_figures_python(chromium, site_url, slug, figure, query, change):
    browser = Visit(chromium, site_url)
    try:
        browser.open(f"{slug}.html{query}", live=True)
        panel = CodePanel(browser, figure)
        original_source = panel.open_editor()
        original = browser.readout(figure)
        assert original == cpython_readout(slug, figure, query, None)

        old, new = change
        assert old in original_source
        edited = original_source.replace(old, new)
        panel.run(edited)
        expected = cpython_readout(slug, figure, query, edited)
        assert expected != original, "the edit must change the numbers"
        assert panel.status() == "The figure now runs your version."
        assert panel.error() == ""
        wait_for_readout(browser, figure, expected)
        assert browser.readout(figure) == expected
        assert panel.numbers() == (expected, original)

        # A syntax error: Python's message beside the code; the figure keeps the edit that worked.
        panel.run(edited.replace("def ", "def (", 1))
        assert "SyntaxError" in panel.error() and 'File "<your code>", line 1' in panel.error()
        assert panel.status() == "Your code failed: the figure keeps the last version that worked."
        assert browser.readout(figure) == expected

        # An exception when it runs: the traceback of the learner's code.
        body = edited.index('"""', edited.index('"""') + 3) + 3
        raising = edited[:body] + '\n    raise ValueError("not today")' + edited[body:]
        panel.run(raising)
        assert "ValueError: not today" in panel.error() and "Traceback" in panel.error()
        assert browser.readout(figure) == expected

        # An endless loop: stopped by Python's time limit, and the page answers meanwhile.
        looping = edited[:body] + "\n    while True:\n        pass" + edited[body:]
        panel.page.evaluate(
            "([name, text]) => document.querySelector(`details[data-code=${name}] .CodeMirror`).CodeMirror.setValue(text)",
            [figure, looping],
        )
        panel.panel.locator(".code-status").evaluate("(e) => { e.textContent = ''; }")
        panel.panel.locator(".code-run").click()
        assert browser.page.evaluate("1 + 1") == 2  # the page's own thread is free while Python loops
        panel.wait_for_answer()
        assert "TimeoutError: your code ran for more than 2 seconds" in panel.error()
        assert browser.readout(figure) == expected

        # After the loop, the figure answers its controls, still with the edit that worked.
        browser.page.evaluate("([name, query]) => course.state.request(name, query)", [figure, NEXT[figure]])
        wait_for_readout(browser, figure, cpython_readout(slug, figure, "?" + NEXT[figure], edited))

        # Reset: the original numbers again, and no error.
        panel.reset()
        assert panel.status() == "The figure runs the original again."
        assert panel.error() == ""
        wait_for_readout(browser, figure, cpython_readout(slug, figure, "?" + NEXT[figure], None))
        assert not browser.errors, browser.errors
    finally:
        browser.close()


def test_a_link_carries_the_learners_code(chromium, site_url):
    slug, figure, query, (old, new) = CHANGEABLE[0]
    edited = inspect.getsource(core_function(figure_classes(lesson_by_slug(slug))[figure].core_functions[0]))
    edited = edited.replace(old, new)
    assert len(edited) <= MAX_STATE_CHARS
    browser = Visit(chromium, site_url)
    try:
        browser.open(f"{slug}.html?{state.code_pair(figure, edited)}", live=True)
        panel = CodePanel(browser, figure)
        panel.wait_for_answer()
        expected = cpython_readout(slug, figure, "", edited)
        assert panel.status() == "The figure now runs your version."
        wait_for_readout(browser, figure, expected)
        assert panel.panel.locator(".CodeMirror").evaluate("(e) => e.CodeMirror.getValue()") == edited
        assert state.read_code(figure, browser.page.evaluate("location.search")) == edited
    finally:
        browser.close()


def test_the_editor_works_from_the_keyboard(chromium, site_url):
    slug, figure = "6-ethics", "feedback_loop"
    browser = Visit(chromium, site_url)
    try:
        page = browser.open(f"{slug}.html", live=True)
        panel = page.locator(f'details[data-code="{figure}"]')
        panel.locator("summary").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "code-edit"
        page.keyboard.press("Enter")
        panel.locator(".CodeMirror").wait_for()
        focused_in_editor = "() => document.activeElement.closest('.CodeMirror') !== null"
        page.wait_for_function(focused_in_editor)
        page.keyboard.press("Tab")  # indents: the focus stays
        assert page.evaluate(focused_in_editor)
        page.keyboard.press("Escape")  # leaves, to Run
        assert page.evaluate("document.activeElement.className") == "code-run"
    finally:
        browser.close()
