"""Moving between lessons keeps Python running (offline and updates: test_offline.py)."""

from dlviz.course import available_lessons

LESSONS = [lesson.slug for lesson in available_lessons()]


def wait_for_live_lesson(page, slug):
    page.wait_for_function(
        "(slug) => document.body.dataset.lesson === slug && document.body.classList.contains('figures-live')",
        arg=slug,
        timeout=120_000,
    )


def test_next_lesson_opens_live_without_starting_python_again(visit):
    browser = visit()
    page = browser.open(f"{LESSONS[0]}.html", live=True)
    page.locator("a[rel=next]").click()
    wait_for_live_lesson(page, LESSONS[1])
    assert page.url.endswith(f"{LESSONS[1]}.html")
    assert page.title().startswith(available_lessons()[1].title)
    assert sum(url.endswith("pyodide.asm.wasm") for url in browser.requests) == 1
    page.go_back()
    wait_for_live_lesson(page, LESSONS[0])
    assert browser.errors == []
