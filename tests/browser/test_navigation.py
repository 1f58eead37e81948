"""Moving between lessons keeps Python running; after one visit the course works offline."""

from tools.pages import available_lessons

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


def test_after_one_visit_every_lesson_opens_live_offline(visit):
    browser = visit()
    page = browser.open(f"{LESSONS[0]}.html", live=True)
    assert page.evaluate("navigator.serviceWorker.ready.then((registration) => Boolean(registration.active))")
    browser.context.set_offline(True)
    offline = browser.context.new_page()
    offline.goto(browser.base_url + f"{LESSONS[-1]}.html")
    wait_for_live_lesson(offline, LESSONS[-1])
    assert offline.locator("main h1").first.is_visible()
    offline.goto(browser.base_url)  # the site's root, as a bookmark would open it
    assert offline.locator(".lesson-cards").is_visible()
