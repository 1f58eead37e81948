"""The course's table of contents: every lesson, in order, and where its parts live.

A lesson is a Markdown file in `dlviz/lessons/` (its text, shipped inside the package) and a figure module in
`dlviz.figures` (its live figures). The text places each figure by name with a
`::: figure NAME` block; the module's `FIGURES` maps each name to its class.
"""

from importlib import import_module
from pathlib import Path
from typing import NamedTuple


TITLE = "A Visual Introduction to Deep Learning"

LESSON_TEXT = Path(__file__).resolve().parent / "lessons"
"""Where each lesson's Markdown lives: <slug>.md."""


class Lesson(NamedTuple):
    """One page of the course."""

    slug: str  # the page's file name without .html, and its Markdown's stem
    title: str
    summary: str  # one line for the front page
    figure_module: str  # module in dlviz.figures holding FIGURES


LESSONS = [
    Lesson(
        "1-what-is-deep-learning",
        "What is deep learning?",
        "AI, machine learning and deep learning, and seventy years of trying.",
        "history",
    ),
    Lesson(
        "2-fundamentals-of-learning",
        "The fundamentals of learning",
        "Fitting curves to data: why memorising is not learning.",
        "fundamentals",
    ),
    Lesson(
        "3-neural-networks",
        "Neural networks",
        "Make the data linear, then draw a line: what layers do to space.",
        "networks",
    ),
    Lesson(
        "4-how-networks-learn",
        "How do neural networks learn?",
        "Loss landscapes, gradient descent, momentum, Adam and backpropagation.",
        "learning",
    ),
    Lesson(
        "5-playground",
        "The training playground",
        "Train a network in your browser and watch every neuron.",
        "playground",
    ),
    Lesson(
        "6-ethics",
        "Ethics",
        "Distribution shift, unequal errors, privacy, feedback loops and cost.",
        "ethics",
    ),
]


def lesson_by_slug(slug):
    """The Lesson called `slug`; ValueError naming the known slugs otherwise."""
    for lesson in LESSONS:
        if lesson.slug == slug:
            return lesson
    known = ", ".join(lesson.slug for lesson in LESSONS)
    raise ValueError(f"slug {slug!r} is not a lesson; known: {known}")


def lesson_text(lesson):
    """The lesson's Markdown."""
    return (LESSON_TEXT / f"{lesson.slug}.md").read_text(encoding="utf-8")


def available_lessons():
    """The lessons whose text exists, in the course's order."""
    return [lesson for lesson in LESSONS if (LESSON_TEXT / f"{lesson.slug}.md").exists()]


def chosen_lessons(choice):
    """The lessons `choice` names, in the course's order: "1,3" (their numbers in the course) or their slugs,
    comma-separated; ValueError naming what is not a lesson."""
    lessons = available_lessons()
    chosen = set()
    for name in (item.strip() for item in choice.split(",") if item.strip()):
        if name.isdigit() and 1 <= int(name) <= len(lessons):
            chosen.add(lessons[int(name) - 1].slug)
        elif name in {lesson.slug for lesson in lessons}:
            chosen.add(name)
        else:
            known = ", ".join(f"{number} ({lesson.slug})" for number, lesson in enumerate(lessons, start=1))
            raise ValueError(f"{name!r} is not a lesson; the lessons are {known}")
    if not chosen:
        raise ValueError("choose at least one lesson, like 1,3")
    return [lesson for lesson in lessons if lesson.slug in chosen]


def figure_classes(lesson):
    """The lesson's figures: a dict from figure name to its Parameterized class."""
    return import_module(f"dlviz.figures.{lesson.figure_module}").FIGURES
