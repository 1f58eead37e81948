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


def figure_classes(lesson):
    """The lesson's figures: a dict from figure name to its Parameterized class."""
    return import_module(f"dlviz.figures.{lesson.figure_module}").FIGURES
