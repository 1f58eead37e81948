"""The quiz format (dlviz.lesson_markdown): choices or a number, each right answer's solution, a hint."""

import re

import pytest

from dlviz.course import available_lessons, lesson_text
from dlviz.lesson_markdown import lesson_parts, parse_quiz, quiz_html, quiz_markdown


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
    assert text.index("<summary>Hint</summary>\n\nadd") < text.index("<summary>Show answer</summary>\n\n**7** (give or take 0.5). because")


def test_every_lesson_quiz_has_a_hint_and_a_solution_and_no_verdict_of_its_own():
    quizzes = [part[1] for lesson in available_lessons() for part in lesson_parts(lesson_text(lesson)) if part[0] == "quiz"]
    assert len(quizzes) >= 6
    for quiz in quizzes:  # parse_quiz has checked the rest
        right = [quiz["numeric"]] if quiz["numeric"] else [option for option in quiz["options"] if option["correct"]]
        assert quiz["hint"] and all(answer["feedback"] for answer in right), quiz["question"]
