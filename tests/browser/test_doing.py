"""Learning by doing, in the page: try-this buttons set their figures, questions read the live figure,
and the playground's own controls change what its model and plots hold."""

import re
import time

from dlviz import state
from dlviz.course import available_lessons, figure_classes, lesson_by_slug
from dlviz.lesson_markdown import lesson_html
from dlviz.page import build_figure

from .conftest import text_of


def wait_for_state(page, name, query, timeout=120_000):
    page.wait_for_function("([name, query]) => course.state.current(name) === query", arg=[name, query], timeout=timeout)


def wait_for_readout(browser, name, text, timeout=60.0):
    """Wait until the figure's read-out holds `text` (the worker's change has reached the page)."""
    deadline = time.monotonic() + timeout
    while text not in browser.readout(name):
        if time.monotonic() > deadline:
            raise AssertionError(f"{name}'s read-out {browser.readout(name)!r} never held {text!r}")
        browser.page.wait_for_timeout(100)


def written(slug, name, query):
    """The state figure `name` is in when built from `query`, as Python writes it (a link's pairs)."""
    cls = figure_classes(lesson_by_slug(slug))[name]
    return state.write(name, cls, build_figure(slug, name, query).state())


def tries(slug):
    html, _, _ = lesson_html(lesson_by_slug(slug))
    return [(name, query.replace("&amp;", "&"))
            for name, query in re.findall(r'<div class="try-this" data-figure="([a-z_0-9]+)" data-query="([^"]*)"', html)]


def test_every_try_button_puts_its_figure_in_the_state_its_link_gives(live_lessons):
    for lesson in available_lessons():
        buttons = tries(lesson.slug)
        assert buttons, lesson.slug
        browser = live_lessons(lesson.slug)
        page = browser.page
        for number, (name, query) in enumerate(buttons):
            expected = written(lesson.slug, name, query)
            assert expected, f"{lesson.slug}: try {query} leaves {name} at its defaults"
            page.locator(".try-button").nth(number).click()
            wait_for_state(page, name, expected)
            assert page.locator(".try-this.tried").count() == 1
            assert page.locator(".try-this").nth(number).evaluate("(box) => box.classList.contains('tried')")
            wait_for_readout(browser, name, text_of(build_figure(lesson.slug, name, query).numbers.object))
            box = page.locator(f"#figure-{name}").bounding_box()
            viewport = page.viewport_size
            assert box["y"] < viewport["height"] and box["y"] + box["height"] > 0, f"{name} was not brought into view"
        # The same state from the first button's link, opened afresh (the page the next test reads).
        name, query = buttons[0]
        linked = browser.open(f"{lesson.slug}.html?{query}", live=True)
        wait_for_state(linked, name, written(lesson.slug, name, query))
        assert browser.errors == []


# (lesson, figure, a state the question refuses, states it accepts)
FIGURE_QUESTIONS = [
    ("2-fundamentals-of-learning", "polynomial_fit", ["polynomial_fit.degree=2", "polynomial_fit.degree=9"],
     ["polynomial_fit.degree=10"]),
    ("3-neural-networks", "network_diagram", ["network_diagram.neurons=4", "network_diagram.neurons=3&network_diagram.hidden_layers=2"],
     ["network_diagram.neurons=3"]),
    ("4-how-networks-learn", "gradient_descent", ["gradient_descent.learning_rate=0.114"],
     ["gradient_descent.learning_rate=0.116", "gradient_descent.learning_rate=0.16"]),
    ("5-playground", "playground", ["playground.hidden_layers=0", "playground.features=x%C2%B2,y%C2%B2"],
     ["playground.hidden_layers=0&playground.features=x%C2%B2,y%C2%B2",
      "playground.hidden_layers=0&playground.features=x,y,x%C2%B2,y%C2%B2"]),
    ("6-ethics", "membership", ["membership.degree=12"], ["membership.degree=13", "membership.degree=16"]),
]


def test_a_figure_question_is_right_exactly_when_the_live_figure_is_in_an_accepted_state(live_lessons):
    for slug, name, refused, accepted in FIGURE_QUESTIONS:
        browser = live_lessons(slug)
        page = browser.page
        form = page.locator("form.quiz", has=page.locator(f'.quiz-figure-task[data-figure="{name}"]'))
        quiz_id = form.get_attribute("data-quiz")
        feedback = form.locator(".quiz-feedback")
        for number, query in enumerate(refused + accepted):
            page.evaluate("([name, query]) => course.state.request(name, query)", [name, query])
            wait_for_state(page, name, written(slug, name, query))
            form.locator("button[type=submit]").click()
            text = feedback.inner_text()
            if query in accepted:
                assert text.startswith("Right.") and "Not quite" not in text, (slug, query, text)
            else:
                assert text.startswith("Not quite.") and "Hint:" in text and "Right" not in text, (slug, query, text)
                assert form.locator(".quiz-show").is_visible()
        answer = page.evaluate("(id) => course.progress.load().answers[id]", quiz_id)
        assert answer["correct"] is True and answer["first"] is False  # the first try was a refused state
        assert browser.errors == []


def model(page, name, expression):
    """`expression` (of `m`) on the Bokeh model called `name` in the page's figures' documents."""
    return page.evaluate(
        f"() => {{ for (const doc of [...Bokeh.documents].reverse()) {{ const m = doc.get_model_by_name('{name}');"
        f" if (m) return {expression}; }} return null; }}")


def checkbox(figure, label):
    """The figure's checkbox whose widget shows `label` (Bokeh draws each in a shadow root of its own)."""
    boxes = figure.locator("input[type=checkbox]")
    index = boxes.evaluate_all("(boxes, label) => boxes.findIndex((box) => box.getRootNode().textContent.includes(label))",
                               label)
    assert index >= 0, f"no checkbox {label!r}"
    return boxes.nth(index)


def test_the_playgrounds_controls_change_its_model_and_plots(visit):
    slug, name = "5-playground", "playground"
    browser = visit()
    page = browser.open(f"{slug}.html", live=True)
    figure = page.locator(f"#figure-{name}")
    assert model(page, "playground_test_points", "m.visible") is True
    checkbox(figure, "Show test data").click()
    wait_for_state(page, name, "playground.show_test_data=false")
    assert model(page, "playground_test_points", "m.visible") is False

    figure.locator("button", has_text="Step").first.click()
    wait_for_state(page, name, "playground.show_test_data=false&playground.steps=20")
    checkbox(figure, "Discretise output").click()
    wait_for_state(page, name, "playground.show_test_data=false&playground.discretise=true&playground.steps=20")
    page.wait_for_function("() => { for (const doc of [...Bokeh.documents].reverse()) { const m = doc.get_model_by_name('playground_output');"
                           " if (m) return new Set(m.data.image[0]).size === 2; } return false; }", timeout=30_000)
    values = model(page, "playground_output", "[...new Set(m.data.image[0])].sort()")
    assert values == [0, 1]

    figure.locator("button", has_text="−").first.click()  # one neuron fewer in layer 1
    page.wait_for_function("() => course.state.current('playground').includes('neurons=7,8,8,8')", timeout=30_000)
    wait_for_readout(browser, name, "Network 2-7-8-1 (tanh)")

    figure.locator("button", has_text="Regression").click()
    page.wait_for_function("() => course.state.current('playground').includes('dataset=hills')", timeout=30_000)
    wait_for_readout(browser, name, "Hill and valley (regression)")
    readout = browser.readout(name)
    assert readout.startswith("Hill and valley (regression)") and "test accuracy" not in readout
    expected = text_of(build_figure(slug, name, page.evaluate("() => course.state.current('playground')")).numbers.object)
    assert readout == expected
    assert browser.errors == []
