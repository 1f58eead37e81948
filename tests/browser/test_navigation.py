"""Moving between lessons keeps Python running; after one visit the course works offline."""

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


def test_a_new_build_waits_until_the_learner_reloads_into_it(chromium, built_site, tmp_path):
    """The open page keeps its version's files; the new version is offered, and taken on reload."""
    import re
    import shutil

    from tests.conftest import SUB_PATH, serve

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    server = serve.start(site, prefix=SUB_PATH)
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}{SUB_PATH}index.html")
        page.wait_for_function("navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready.then(() => true)")
        page.evaluate("navigator.serviceWorker.ready")
        page.reload()
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        worker = (site / "sw.js").read_text()
        (site / "sw.js").write_text(re.sub(r'const VERSION = "[0-9a-f]+"', 'const VERSION = "0000000000000000"', worker))
        (site / "index.html").write_text((site / "index.html").read_text().replace("A Visual Introduction", "A New Visual Introduction"))
        page.reload()
        page.wait_for_selector("#update-offer", timeout=60_000)
        assert "A New Visual" not in page.locator("h1").inner_text(), "the old version's cache still serves the page"
        page.locator("#update-offer button").click()
        page.wait_for_function("document.querySelector('h1').textContent.includes('A New Visual')", timeout=60_000)
    finally:
        context.close()
        server.shutdown()
