"""The site served as an LMS may serve it: every file type an LMS may not know (dev/serve.py's
LMS_UNKNOWN_TYPES, .wasm first) as application/octet-stream. Every lesson still goes live."""

import pytest

from dev import serve
from dlviz.course import available_lessons

from .conftest import Visit


@pytest.fixture(scope="module")
def generic_site_url(built_site):
    server = serve.start(built_site, prefix="/course/", generic_types=True)
    yield f"http://127.0.0.1:{server.server_port}/course/"
    server.shutdown()


def test_with_generic_file_types_every_lesson_still_goes_live(chromium, generic_site_url):
    types = {}
    for lesson in available_lessons():
        browser = Visit(chromium, generic_site_url, service_workers="block")  # each lesson from a cold start
        browser.context.on("response", lambda response: types.update({response.url.rsplit(".", 1)[-1]: response.headers.get("content-type")}))
        browser.open(f"{lesson.slug}.html", live=True)
        assert browser.errors == [], lesson.slug
        browser.close()
    assert types["wasm"] == types["whl"] == types["json"] == types["zip"] == "application/octet-stream"
