"""Questions that teach: a wrong answer gets a hint, a right one the worked solution, "Show the answer"
gives it on request; one verdict a message; numbers in the forms people type; the first try counts."""

import re

import pytest
from playwright.sync_api import expect

from dlviz.course import lesson_by_slug, lesson_text
from dlviz.lesson_markdown import lesson_parts

from .conftest import text_of
from .lms import CHOICE, answer

CHOICE_LESSON = "2-fundamentals-of-learning"
NUMBER_LESSON = "1-what-is-deep-learning"  # its first question: 9.4 percentage points, give or take 0.05
NEGATIVE_LESSON = "4-how-networks-learn"  # its first number question: -2.114, give or take 0.01


def quizzes_of(slug):
    return [part[1] for part in lesson_parts(lesson_text(lesson_by_slug(slug))) if part[0] == "quiz"]


def feedback(quiz):
    """What the question says back, as one line."""
    return " ".join(quiz.locator(".quiz-feedback").inner_text().split())


def verdicts(text):
    return sum(text.count(word) for word in ("Right", "Not quite", "The answer:"))


def test_a_wrong_choice_gets_why_not_and_the_hint_never_the_solution(visit):
    page = visit().open(f"{CHOICE_LESSON}.html")
    quiz, written = page.locator("form.quiz").first, quizzes_of(CHOICE_LESSON)[0]
    wrong = next(option for option in written["options"] if not option["correct"])
    right = next(option for option in written["options"] if option["correct"])
    answer(quiz, right=False)
    said = feedback(quiz)
    assert said.startswith("Not quite.") and verdicts(said) == 1
    assert text_of(wrong["feedback"]) in said and f"Hint: {text_of(written['hint'])}" in said
    assert text_of(right["feedback"]) not in said
    assert quiz.locator(".quiz-show").is_visible()


def test_a_right_answer_gets_the_worked_solution_once(visit):
    page = visit().open(f"{NUMBER_LESSON}.html")
    quiz, written = page.locator("form.quiz").first, quizzes_of(NUMBER_LESSON)[0]
    answer(quiz, right=True)
    said = feedback(quiz)
    assert said == f"Right. {text_of(written['numeric']['feedback'])}" and verdicts(said) == 1
    assert quiz.locator(".quiz-show").is_hidden()


def test_a_wrong_number_gets_the_hint_and_show_the_answer_gives_answer_and_solution(visit):
    browser = visit()
    page = browser.open(f"{NUMBER_LESSON}.html")
    quiz, written = page.locator("form.quiz").first, quizzes_of(NUMBER_LESSON)[0]
    assert quiz.locator(".quiz-show").is_hidden(), "offered only after a try"
    quiz.locator("input[data-value]").fill("25.8")
    quiz.locator("button[type=submit]").click()
    solution = text_of(written["numeric"]["feedback"])
    assert feedback(quiz) == f"Not quite. Hint: {text_of(written['hint'])}"
    quiz.locator(".quiz-show").click()
    assert feedback(quiz) == f"The answer: 9.4. {solution}"
    page.reload()
    quiz = page.locator("form.quiz").first
    expect(quiz.locator(".quiz-feedback")).to_have_text(f"The answer: 9.4. {solution}")
    assert quiz.locator("input[data-value]").input_value() == "25.8"
    page.goto(browser.base_url + "index.html")
    card = page.locator(f'[data-lesson-card="{NUMBER_LESSON}"] .card-progress')
    assert card.inner_text() == f"Visited · 0 of {len(quizzes_of(NUMBER_LESSON))} questions right at the first try"


def test_the_first_try_counts_later_tries_still_teach(visit):
    browser = visit()
    page = browser.open(f"{CHOICE_LESSON}.html")
    first, second = page.locator(CHOICE).nth(0), page.locator(CHOICE).nth(1)
    total = page.locator("form.quiz").count()
    answer(first, right=False)
    answer(first, right=True)
    assert feedback(first).startswith("Right.")
    answer(second, right=True)
    answer(second, right=False)
    page.goto(browser.base_url + "index.html")
    card = page.locator(f'[data-lesson-card="{CHOICE_LESSON}"] .card-progress')
    assert card.inner_text() == f"Visited · 1 of {total} questions right at the first try"


@pytest.mark.parametrize("typed, right", [
    ("9.4", True), ("9.4%", True), ("9,4", True), (" 9.40 ", True), ("94e-1", True), ("9.4 %", True),
    ("9", False), ("0.094", False), ("94", False),
])
def test_numbers_are_read_in_the_forms_people_type(visit, typed, right):
    page = visit().open(f"{NUMBER_LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("input[data-value]").fill(typed)
    quiz.locator("button[type=submit]").click()
    assert feedback(quiz).startswith("Right." if right else "Not quite.")


def test_negative_numbers_with_a_true_minus_or_a_decimal_comma_are_right(visit):
    page = visit().open(f"{NEGATIVE_LESSON}.html")
    quiz = page.locator("form.quiz:has(input[data-value])").first
    for typed in ("\u22122.114", "-2,114", "-2.11"):
        quiz.locator("input[data-value]").fill(typed)
        quiz.locator("button[type=submit]").click()
        assert feedback(quiz).startswith("Right."), typed


def test_readings_of_typed_numbers(visit):
    page = visit().open(f"{NUMBER_LESSON}.html")
    read = lambda text: page.evaluate("(text) => window.course.quizzes.readNumber(text)", text)  # noqa: E731
    assert read("0,094") == [0.094]
    assert read("1e-3") == [0.001]
    assert read("\u22122") == [-2]
    assert read("9.4%") == [9.4, 0.094]
    assert read("1,000") == [1, 1000]
    assert read("1.234,5") == [1234.5] and read("1,234.5") == [1234.5]
    assert read("1 000") == [1000]
    for nonsense in ("", "abc", "1..2", "1e", "--2", "1,2,3", "Infinity", "1e999"):
        assert read(nonsense) == [], nonsense


def test_something_not_a_number_or_no_choice_is_asked_for_and_not_judged(visit):
    page = visit().open(f"{NUMBER_LESSON}.html")
    quiz = page.locator("form.quiz").first
    quiz.locator("input[data-value]").fill("about nine")
    quiz.locator("button[type=submit]").click()
    assert feedback(quiz).startswith("Type a number")
    assert quiz.locator(".quiz-show").is_hidden()
    assert page.evaluate("Object.keys(window.course.progress.load().answers)") == []
    choice = page.locator("form.quiz").nth(1)
    choice.locator("button[type=submit]").click()
    assert feedback(choice) == "Choose an answer first."


def test_a_check_made_while_the_page_loads_is_kept_and_made_once_it_has(visit):
    """Questions are on screen before the page's scripts have run (BokehJS alone takes a while): a check
    made then is not lost, nor sent anywhere yet (in an LMS, scorm.js first says whose record it is)."""
    browser = visit(service_workers="block")
    held = []
    browser.context.route("**/static/bokeh/*.js", lambda route: held.append(route))
    browser.page.goto(browser.base_url + f"{CHOICE_LESSON}.html", wait_until="commit")
    quiz = browser.page.locator("form.quiz").first
    quiz.wait_for()
    answer(quiz, right=True)
    assert feedback(quiz) == "Checking as soon as the page has loaded\u2026"
    assert browser.page.url.endswith(f"{CHOICE_LESSON}.html"), "the form was not sent"
    for route in held:
        route.continue_()
    browser.context.unroute("**/static/bokeh/*.js")
    expect(quiz).to_have_class(re.compile(r"\bright\b"))
    assert feedback(quiz).startswith("Right.")
    chosen = quiz.locator("input:checked").get_attribute("value")
    assert browser.page.evaluate("window.course.progress.load().answers") == {
        quiz.get_attribute("data-quiz"): {"first": True, "correct": True, "value": chosen, "shown": False}}
