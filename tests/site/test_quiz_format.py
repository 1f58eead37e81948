"""The quiz format (dlviz.lesson_markdown): choices or a number, each right answer's solution, a hint."""

import json
import re
from html import unescape

import pytest

from dlviz.course import available_lessons, figure_classes, lesson_text
from dlviz.lesson_markdown import lesson_html, lesson_parts, markdown_renderer, parse_quiz, quiz_html, quiz_markdown


def test_a_choice_quiz_keeps_each_option_its_feedback_and_the_hint():
    quiz = parse_quiz("Which?\n- wrong :: why not\n+ right :: why\n? look again")
    assert quiz["options"] == [
        {"text": "wrong", "correct": False, "feedback": "why not"},
        {"text": "right", "correct": True, "feedback": "why"},
    ]
    assert quiz["hint"] == "look again" and quiz["numeric"] is None


def test_a_numeric_quiz_keeps_value_tolerance_solution_and_hint():
    quiz = parse_quiz("How much?\n= -2.5 ~ 0.5 :: because\n? subtract")
    assert quiz["numeric"] == {"value": -2.5, "tolerance": 0.5, "feedback": "because"}
    assert quiz["hint"] == "subtract" and quiz["options"] == []


@pytest.mark.parametrize("text, problem", [
    ("Which?\n- wrong :: no way\n? hint", "right answer"),
    ("Which?\n+ right :: why\n= 3 :: because\n? hint", "right answer"),
    ("Which?\n+ right :: why", "hint"),
    ("How much?\n= 3\n? hint", "solution"),
    ("Which?\n+ right\n- wrong :: why not\n? hint", "solution"),
    ("Which?\n+ right :: Yes: because\n? hint", "verdict"),
    ("Which?\n+ right :: because\n- wrong :: Not quite, as\n? hint", "verdict"),
    ("How much?\n= 3 :: Right, 3\n? hint", "verdict"),
    ("Which?\n+ right :: because\n? hint\nmore question", "not understood"),
])
def test_a_quiz_missing_a_part_or_repeating_the_verdict_stops_the_build(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_quiz(text)


def test_the_form_carries_the_hint_each_answers_feedback_and_a_hidden_show_answer_button():
    quiz = parse_quiz('Which?\n- a :: why "not"\n+ b :: why *so*\n? look & see')
    html = quiz_html(quiz, "lesson-q1")
    assert 'data-hint="look &amp;amp; see"' in html  # the hint's HTML, escaped once more as an attribute
    assert 'data-feedback="why &amp;quot;not&amp;quot;"' in html
    assert 'data-feedback="why &lt;em&gt;so&lt;/em&gt;"' in html
    assert re.search(r'<button type="button" class="quiz-show" hidden>Show the answer</button>', html)
    number = quiz_html(parse_quiz("How much?\n= 7 ~ 0.5 :: because\n? add"), "lesson-q2")
    assert 'data-value="7.0" data-tolerance="0.5"' in number and 'maxlength="32"' in number


def test_notebooks_and_author_mode_show_the_hint_before_the_answer():
    text = quiz_markdown(parse_quiz("How much?\n= 7 ~ 0.5 :: because\n? add"))
    assert text.index("<summary>Hint</summary>\n\nadd") < text.index("<summary>Show answer</summary>\n\n**7 (give or take 0.5).** because")


def test_every_lesson_quiz_has_a_hint_and_a_solution_and_no_verdict_of_its_own():
    quizzes = [part[1] for lesson in available_lessons() for part in lesson_parts(lesson_text(lesson)) if part[0] == "quiz"]
    assert len(quizzes) >= 6
    for quiz in quizzes:  # parse_quiz has checked the rest
        right = [quiz["numeric"]] if quiz["numeric"] else [option for option in quiz["options"] if option["correct"]]
        assert quiz["hint"] and all(answer["feedback"] for answer in right), quiz["question"]


# ---------------------------------------------------------------- questions that read a figure, try-this blocks


def test_a_figure_quiz_keeps_the_states_it_accepts():
    quiz = parse_quiz("Find it.\n@ gradient_descent learning_rate>=0.116 & steps=5|10 :: because\n? raise it")
    assert quiz["figure"] == {"figure": "gradient_descent", "feedback": "because", "accept": [
        {"parameter": "learning_rate", "op": ">=", "texts": ["0.116"]},
        {"parameter": "steps", "op": "=", "texts": ["5", "10"]},
    ]}
    assert quiz["options"] == [] and quiz["numeric"] is None


@pytest.mark.parametrize("text, problem", [
    ("Find it.\n@ gradient_descent learning_rate~1 :: because\n? hint", "PARAMETER=TEXT"),
    ("Find it.\n@ gradient_descent learning_rate>=1\n? hint", "solution"),
    ("Find it.\n@ gradient_descent learning_rate>=1 :: because\n+ also :: this\n? hint", "right answer"),
])
def test_a_figure_quiz_missing_a_part_stops_the_build(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_quiz(text)


@pytest.mark.parametrize("quiz, problem", [
    ("@ no_such_figure degree=2", "has no figure 'no_such_figure'"),
    ("@ polynomial_fit slope=2", "no state parameter 'slope'"),
    ("@ polynomial_fit degree=99", "degree"),
    ("@ two_fits view>=2", "not a number"),
])
def test_a_figure_quiz_the_lesson_cannot_meet_stops_the_build(quiz, problem):
    lesson = next(lesson for lesson in available_lessons() if lesson.slug == "2-fundamentals-of-learning")
    env = {"slug": lesson.slug, "classes": figure_classes(lesson)}
    with pytest.raises(ValueError, match=problem):
        markdown_renderer().render(f"```quiz\nFind it.\n{quiz} :: because\n? hint\n```\n", env)


def test_a_figure_quizs_texts_are_written_as_the_figures_link_writes_them():
    lesson = next(lesson for lesson in available_lessons() if lesson.slug == "4-how-networks-learn")
    env = {"slug": lesson.slug, "classes": figure_classes(lesson)}
    html = markdown_renderer().render("```quiz\nFind it.\n@ gradient_descent learning_rate>=0.1160 :: because\n? hint\n```\n", env)
    task = re.search(r'<p class="quiz-figure-task" ([^>]*)>', html).group(1)
    attributes = {key: unescape(value) for key, value in re.findall(r'([a-z-]+)="([^"]*)"', task)}
    assert json.loads(attributes["data-accept"]) == [{"parameter": "learning_rate", "op": ">=", "texts": ["0.116"]}]
    assert json.loads(attributes["data-defaults"]) == {"learning_rate": "0.03"}
    assert attributes["data-answer"] == "learning rate at least 0.116"


def test_a_try_block_is_a_button_with_its_figures_query_and_what_to_look_for():
    lesson = next(lesson for lesson in available_lessons() if lesson.slug == "2-fundamentals-of-learning")
    env = {"slug": lesson.slug, "classes": figure_classes(lesson)}
    html = markdown_renderer().render("::: try distribution_shift shift=5&train_on_both=true\nLook *here*.\n:::\n", env)
    assert 'data-figure="distribution_shift" data-query="distribution_shift.shift=5&amp;distribution_shift.train_on_both=true"' in html
    assert '<button type="button" class="try-button"' in html and "<em>here</em>" in html
    with pytest.raises(ValueError, match="takes only"):
        markdown_renderer().render("::: try distribution_shift shift=99\nLook.\n:::\n", env)
    assert lesson_parts("::: try polynomial_fit degree=9\nLook.\n:::\n") == [
        ("markdown", "**Try this** on `polynomial_fit`: set `degree=9`. Look.")]


def test_every_lesson_has_a_try_button_and_from_lesson_2_a_question_that_reads_a_figure():
    for lesson in available_lessons():
        html, figures, _ = lesson_html(lesson)
        tried = set(re.findall(r'<div class="try-this" data-figure="([a-z_0-9]+)"', html))
        assert tried and len(tried) >= len(figures) / 2, lesson.slug  # most figures
        if not lesson.slug.startswith("1-"):
            assert "quiz-figure-task" in html, lesson.slug
