"""Author mode: CPython's Panel server serves every lesson, and its figures answer their controls."""

import socket

import pytest

from dlviz import author
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.course import available_lessons

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
