"""Author mode: CPython's Panel server serves every lesson, read as the site reads it, and its figures answer their controls."""

import re
import socket

import pytest
from playwright.sync_api import expect

from dlviz import author
from dlviz.course import available_lessons, figure_classes, lesson_by_slug, lesson_text
from dlviz.lesson_markdown import lesson_parts

from .conftest import readout_in
from .test_figures import move_main_control

LESSONS = [lesson.slug for lesson in available_lessons()]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def author_url():
    port = free_port()
    server = author.serve(port=port, reload=False, threaded=True)
    yield f"http://127.0.0.1:{port}/"
    server.stop()


def readout(page, figure):
    return readout_in(page.locator(f".figure-{figure}"))


@pytest.mark.parametrize("slug", LESSONS)
def test_every_figure_answers_its_main_control_in_author_mode(chromium, author_url, slug):
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto(author_url + slug)
        for figure in figure_classes(lesson_by_slug(slug)):
            page.locator(f".figure-{figure} .readout").first.wait_for(state="attached", timeout=60_000)
            before = readout(page, figure)
            kind = move_main_control(page, page.locator(f".figure-{figure}"))
            for _ in range(100):
                if readout(page, figure) != before:
                    break
                page.wait_for_timeout(100)
            assert readout(page, figure) != before, f"{slug}:{figure} did not answer its {kind}"
    finally:
        page.close()


def test_author_mode_reads_the_text_as_the_site_does_quizzes_included(chromium, author_url):
    lesson = lesson_by_slug("2-fundamentals-of-learning")
    quizzes = [part[1] for part in lesson_parts(lesson_text(lesson)) if part[0] == "quiz"]
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    try:
        page.goto(author_url + lesson.slug)
        boxes = page.locator(".quiz")
        boxes.first.wait_for(state="attached", timeout=60_000)
        assert boxes.count() == len(quizzes) > 0
        for index, quiz in enumerate(quizzes):
            box = boxes.nth(index)  # a pane: its text is in its shadow root, which locators enter
            expect(box.locator("p").first).to_have_text(re.compile(r"^Check your understanding\."))  # drawn a moment after it is attached
            assert box.locator("details summary").all_inner_texts() == ["Hint", "Show answer"]
            assert box.locator("li").count() == len(quiz["options"])
        assert page.locator("pre code").count() == 0, "a quiz fence shown as code"
        assert page.locator("h2#lets-look-at-some-plots").count() == 1, "headings carry the site's anchors"
    finally:
        page.close()
