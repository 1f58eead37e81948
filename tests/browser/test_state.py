"""Figure state in the page: a link opens every figure in exactly its state, whatever the
parameter's type; a bad link falls back to the defaults; the page can ask for a state by its
query-string form; and the embed snippet carries the figure's current state."""

import re
from urllib.parse import parse_qsl

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.page import build_figure, lesson_figures

from .conftest import readout_in, text_of

# A link as a teacher would send it: every figure of lesson 2, and the playground, away from
# its defaults, with a value of each kind: a choice, a list of numbers, a whole number, a
# number and a boolean; a list of choices, choices that are numbers or stand for a name.
LINKS = {
    "2-fundamentals-of-learning": (
        "two_fits.view=Both%20together&new_points.new_x=-3.9,0.35,3.1&polynomial_fit.degree=5"
        "&distribution_shift.shift=3.5&distribution_shift.train_on_both=true",
        {
            "two_fits": {"view": "Both together"},
            "new_points": {"new_x": [-3.9, 0.35, 3.1]},
            "polynomial_fit": {"degree": 5},
            "distribution_shift": {"shift": 3.5, "train_on_both": True},
        },
    ),
    "5-playground": (
        "playground.dataset=xor&playground.noise=0.45&playground.features=x,y,xy,sin%20x"
        "&playground.learning_rate=0.03&playground.regularisation=l2&playground.hidden_layers=1",
        {
            "playground": {
                "dataset": "xor", "noise": 0.45, "features": ["x", "y", "xy", "sin x"],
                "learning_rate": 0.03, "regularisation": "l2", "hidden_layers": 1,
            },
        },
    ),
}
LESSON, FIGURE = "2-fundamentals-of-learning", "polynomial_fit"
HOSTILE_QUERIES = [
    "polynomial_fit.degree=<script>alert(1)</script>",
    "polynomial_fit.degree=1e309",
    "polynomial_fit.degree=-3",
    "polynomial_fit.degree=99999999999999999999",
    "polynomial_fit.degree=2.5",
    "polynomial_fit.degree=true",
    "polynomial_fit.degree=",
    "polynomial_fit.degree=" + "9" * 5000,
    "polynomial_fit.name=<img src=x onerror=alert(1)>",
    "polynomial_fit.__class__=x",
    "__proto__.degree=3",
    "constructor.prototype=3",
    "polynomial_fit.degree.extra=3",
    "javascript:alert(1)=1",
    "%3Cscript%3E.degree=3",
    "new_points.new_x=1e300,nan",
    "distribution_shift.train_on_both=<b>",
]


def live_values(page, slug, name):
    """Figure `name`'s state as the live figure reports it, read in CPython as a link is."""
    query = page.evaluate("(name) => course.state.current(name)", name)
    return state.read(name, figure_classes(lesson_by_slug(slug))[name], query)


def wait_for_state(page, name, query, timeout=60_000):
    """Wait until the page says figure `name` is in the state `query` (its pairs, "" at the defaults)."""
    page.wait_for_function("([name, query]) => course.state.current(name) === query", arg=[name, query], timeout=timeout)


def pairs(search):
    return sorted(parse_qsl(search.removeprefix("?"), keep_blank_values=True))


def test_a_link_opens_every_figure_in_exactly_its_state(visit):
    for slug, (link, expected) in LINKS.items():
        browser = visit()
        page = browser.open(f"{slug}.html?{link}", live=True)
        page.wait_for_function(
            "(names) => names.every((name) => course.state.current(name) !== '')", arg=list(expected), timeout=60_000
        )
        built = lesson_figures(slug, link)
        for name, values in expected.items():
            assert live_values(page, slug, name) == values, name
            assert browser.readout(name) == text_of(built[name].numbers.object), name
        assert pairs(page.evaluate("location.search")) == pairs(link), "the address keeps the link"
        assert browser.errors == []


def test_the_live_controls_show_the_links_state(visit):
    browser = visit()
    page = browser.open(f"5-playground.html?{LINKS['5-playground'][0]}", live=True)
    figure = page.locator("#figure-playground")
    assert figure.locator("select").first.input_value() == "XOR"
    checked = figure.locator("input[type=checkbox]").evaluate_all(
        "(boxes) => boxes.filter((box) => box.checked && box.parentElement?.tagName === 'LABEL')"
        ".map((box) => box.parentElement.textContent.trim())"
    )  # the input features, each box in its label (a single checkbox such as "Show test data" has none)
    assert checked == ["x", "y", "xy", "sin x"]


def test_a_hostile_or_malformed_link_is_ignored_and_never_runs(visit):
    browser = visit()
    dialogs = []
    browser.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = browser.open(f"{LESSON}.html?" + "&".join(HOSTILE_QUERIES), live=True)
    page.wait_for_function("!/(polynomial_fit|new_points|distribution_shift)\\./.test(location.search)", timeout=60_000)
    for name in figure_classes(lesson_by_slug(LESSON)):
        assert page.evaluate("(name) => course.state.current(name)", name) == ""
    assert browser.readout(FIGURE) == text_of(build_figure(LESSON, FIGURE).numbers.object)
    assert dialogs == [] and browser.errors == []
    assert "<script>" not in page.content()
    assert "figures-failed" not in page.evaluate("document.body.className")


def test_the_page_sets_a_figure_to_a_state_by_its_query_string_form(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    # Asked for before Python is live (it waits its turn), then after: the same path as a link.
    assert page.evaluate("course.state.request('new_points', 'new_points.new_x=1.5,-2')") is True
    browser.wait_until_live()
    wait_for_state(page, "new_points", "new_points.new_x=1.5,-2")
    assert browser.readout("new_points") == text_of(build_figure(LESSON, "new_points", "new_points.new_x=1.5,-2").numbers.object)
    assert "new_points.new_x=1.5,-2" in page.url
    page.evaluate("course.state.request('distribution_shift', 'distribution_shift.shift=4&distribution_shift.train_on_both=true')")
    wait_for_state(page, "distribution_shift", "distribution_shift.shift=4&distribution_shift.train_on_both=true")
    assert live_values(page, LESSON, "distribution_shift") == {"shift": 4.0, "train_on_both": True}
    page.evaluate("course.state.request('distribution_shift', 'distribution_shift.shift=99&nothing.here=1')")
    wait_for_state(page, "distribution_shift", "")  # what it refuses or leaves out is its default
    page.evaluate("course.state.request('no_such_figure', 'no_such_figure.x=1')")
    page.evaluate("course.state.request('new_points', '')")
    wait_for_state(page, "new_points", "")
    assert "new_points." not in page.url and browser.errors == []
    assert "figures-failed" not in page.evaluate("document.body.className")


def test_the_embed_snippet_reproduces_the_figures_current_state(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html", live=True)
    page.evaluate("course.state.request('polynomial_fit', 'polynomial_fit.degree=7')")
    wait_for_state(page, FIGURE, "polynomial_fit.degree=7")
    snippet = page.locator(f'figure[data-figure="{FIGURE}"] .embed-snippet textarea').input_value()
    assert re.search(r'title="Polynomial fit \(The fundamentals of learning · Deep Learning, Visually\)"', snippet)
    assert f"{LESSON}.html?embed&amp;figure={FIGURE}&amp;polynomial_fit.degree=7" in snippet

    host = visit().page  # a page of another site, the snippet pasted into it
    host.set_content(snippet)
    frame = host.locator("iframe").element_handle().content_frame()
    frame.wait_for_selector("body.figures-live", state="attached", timeout=120_000)
    frame.wait_for_function("(name) => course.state.current(name) !== ''", arg=FIGURE, timeout=60_000)
    assert frame.evaluate("(name) => course.state.current(name)", FIGURE) == "polynomial_fit.degree=7"
    assert readout_in(frame.locator(f"#figure-{FIGURE}")) == browser.readout(FIGURE)


def test_every_figure_offers_an_embed_snippet_with_a_whole_title(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    snippets = page.locator("figure.course-figure .embed-snippet textarea")
    assert snippets.count() == page.locator("figure.course-figure").count()
    for name in figure_classes(lesson_by_slug(LESSON)):
        snippet = page.locator(f'figure[data-figure="{name}"] textarea').input_value()
        words = name.replace("_", " ")
        assert f'title="{words[0].upper()}{words[1:]} (The fundamentals of learning · Deep Learning, Visually)"' in snippet
        assert f"{LESSON}.html?embed&amp;figure={name}\"" in snippet, "at its defaults, no state"
