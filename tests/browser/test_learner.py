"""What a learner keeps: answers and progress across reloads, figure state in the link; embedding."""

import re

from dlviz.page import lesson_figures

from .conftest import text_of

LESSON = "2-fundamentals-of-learning"
FIGURE = "polynomial_fit"

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
]


def expected_readout(states):
    return text_of(lesson_figures(LESSON, {FIGURE: states})[FIGURE].numbers.object)


def test_a_link_with_figure_state_opens_the_figure_in_that_state(visit):
    browser = visit()
    browser.open(f"{LESSON}.html?{FIGURE}.degree=5", live=True)
    browser.page.wait_for_timeout(300)
    assert browser.readout(FIGURE) == expected_readout({"degree": 5})


def test_hostile_or_malformed_link_values_are_ignored_and_never_run(visit):
    browser = visit()
    dialogs = []
    browser.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    browser.open(f"{LESSON}.html?" + "&".join(HOSTILE_QUERIES), live=True)
    parsed = browser.page.evaluate("JSON.stringify(window.course.state.figureStates())")
    assert "alert" not in parsed and "<" not in parsed
    browser.page.wait_for_timeout(300)
    assert browser.readout(FIGURE) == expected_readout({})
    assert dialogs == [] and browser.errors == []
    assert "<script>" not in browser.page.content()


def test_each_hostile_value_alone_is_parsed_to_nothing_harmful(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    for query in HOSTILE_QUERIES:
        states = page.evaluate("(q) => JSON.parse(JSON.stringify(window.course.state.figureStatesFromURL('?' + q)))", query)
        for figure, values in states.items():
            assert re.fullmatch(r"[a-z][a-z0-9_]*", figure), query
            for value in values.values():
                assert isinstance(value, (int, float, bool)) or (isinstance(value, str) and len(value) <= 64), query
        assert page.evaluate("Object.prototype.degree === undefined && Object.degree === undefined")


def test_answers_and_progress_survive_a_reload_and_can_be_reset(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("input[data-correct=true]").first.check()
    quiz.locator("button[type=submit]").click()
    assert "Right." in quiz.locator(".quiz-feedback").inner_text()
    page.reload()
    quiz = page.locator("form.quiz").first
    assert quiz.locator("input[data-correct=true]").first.is_checked()
    assert "Right." in quiz.locator(".quiz-feedback").inner_text()
    page.goto(browser.base_url + "index.html")
    card = page.locator(f'[data-lesson-card="{LESSON}"] .card-progress')
    assert card.inner_text().startswith("Visited · 1 of")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#reset-progress").click()
    assert card.inner_text() == "Not started"


def test_a_wrong_or_empty_answer_gets_feedback_not_a_score(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("button[type=submit]").click()
    assert "Choose an answer" in quiz.locator(".quiz-feedback").inner_text()
    quiz.locator("input[data-correct=false]").first.check()
    quiz.locator("button[type=submit]").click()
    assert "Not quite." in quiz.locator(".quiz-feedback").inner_text()


def test_embedded_figure_shows_only_itself_and_sizes_its_iframe(visit, site_url):
    browser = visit()
    page = browser.page
    page.set_content(
        f'<script src="{site_url}static/embed-host.js"></script>'
        f'<iframe src="{site_url}{LESSON}.html?embed&figure={FIGURE}" data-dlviz-embed '
        'style="width:900px;height:620px;border:0"></iframe>'
    )
    frame = page.frame_locator("iframe")
    frame.locator("body.figures-drawn").wait_for(state="attached", timeout=30_000)
    assert frame.locator(".site-header").is_hidden()
    assert frame.locator(f'figure[data-figure="{FIGURE}"]').is_visible()
    assert frame.locator("main h1").is_hidden()
    page.wait_for_function("document.querySelector('iframe').style.height !== '620px'", timeout=30_000)
    height = page.evaluate("parseInt(document.querySelector('iframe').style.height)")
    inner = frame.locator("body").evaluate("(e) => e.getBoundingClientRect().height")
    assert abs(height - inner) <= 2


def test_every_figure_offers_an_embed_snippet(visit):
    browser = visit()
    page = browser.open(f"{LESSON}.html")
    snippets = page.locator("figure.course-figure .embed-snippet textarea")
    assert snippets.count() == page.locator("figure.course-figure").count()
    assert f"{LESSON}.html?embed&amp;figure={FIGURE}" in page.locator(f'figure[data-figure="{FIGURE}"] textarea').input_value()
