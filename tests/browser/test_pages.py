"""Every built page in real Chromium: readable before Python, live after, nothing off the site."""

import re

import pytest

from dlviz.course import available_lessons

LESSON_PAGES = [f"{lesson.slug}.html" for lesson in available_lessons()]


@pytest.mark.parametrize("page_name", ["index.html", *LESSON_PAGES])
def test_page_is_readable_at_once_and_live_with_nothing_off_the_site(visit, page_name):
    browser = visit()
    page = browser.open(page_name)
    assert page.locator("main h1").first.is_visible()
    assert len(page.locator("main").inner_text()) > 200
    if page_name != "index.html":
        page.wait_for_selector("body.figures-drawn", state="attached", timeout=30_000)
        assert page.locator(".figure-root .bk-Column, .figure-root > div").count() > 0
        browser.wait_until_live()
    assert browser.off_site_requests() == []
    assert browser.failed == []
    assert browser.errors == []


def test_the_status_follows_the_start_step_by_step_with_real_numbers(visit):
    """Downloads counted in megabytes, then each import step with the modules imported so far, then
    each figure: the percentages never go back, and the imports report as they go, not once."""
    browser = visit()
    browser.context.add_init_script(
        "window.__said = []; document.addEventListener('python-progress', (e) => window.__said.push(e.detail))")
    browser.open(LESSON_PAGES[1], live=True)
    said = browser.page.evaluate("window.__said")
    percents = [item["percent"] for item in said]
    assert percents == sorted(percents) and percents[-1] >= 80
    messages = [item["message"] for item in said]
    assert any(re.fullmatch(r"Downloading Python: \d+\.\d of \d+\.\d MB downloaded", text) for text in messages)
    imports = [re.fullmatch(r"Importing (.+): (\d+) modules", text) for text in messages]
    imports = [(match[1], int(match[2])) for match in imports if match]
    steps = [name for name, _ in imports]
    assert sorted(set(steps), key=steps.index) == ["numpy", "Bokeh", "Panel", "the figures"]
    counts = [count for _, count in imports]
    assert counts == sorted(counts) and counts[-1] > 300, "modules imported so far, counted as they come"
    assert len(imports) > 4, "reported during the imports, not only as each step begins"
    assert messages[-1].startswith("Preparing figures, ")


@pytest.mark.parametrize("page_name", LESSON_PAGES[:1])
def test_text_and_pictures_stay_when_python_cannot_load(visit, page_name):
    browser = visit()
    browser.context.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page = browser.open(page_name)
    page.wait_for_selector("body.figures-failed", state="attached", timeout=60_000)
    status = page.locator("#python-status")
    assert "Live figures could not start" in status.inner_text()
    assert page.locator("#python-status button").is_visible()
    assert page.locator("body.figures-drawn").count() == 1
    assert len(page.locator("main").inner_text()) > 200


def test_browser_without_webassembly_is_told_so(visit):
    browser = visit()
    browser.context.add_init_script("delete window.WebAssembly")
    page = browser.open(LESSON_PAGES[0])
    page.wait_for_selector("#python-status:not([hidden])", state="attached")
    assert "cannot run WebAssembly" in page.locator("#python-status").inner_text()
    page.wait_for_selector("body.figures-drawn", state="attached")  # the pictures are still drawn


def test_page_opened_from_a_file_shows_text_pictures_and_how_to_go_live(chromium, built_site):
    page = chromium.new_page()
    try:
        page.goto((built_site / LESSON_PAGES[0]).as_uri())
        page.wait_for_selector("body.figures-drawn", state="attached", timeout=30_000)
        assert "python3 -m http.server" in page.locator("#python-status").inner_text()
        assert page.locator("main h1").first.is_visible()
    finally:
        page.close()


@pytest.mark.parametrize(
    ("damaged", "message"),
    [("pyodide/numpy-*.whl", "numpy"), ("python.zip", "python.zip")],
)
def test_a_damaged_file_in_the_site_gives_a_clear_message_and_a_retry(chromium, built_site, tmp_path, damaged, message):
    """A corrupt wheel or archive on the host: the page says what failed, keeps its text and pictures."""
    import shutil

    from tests.conftest import SUB_PATH, serve

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = next((site / "static").glob(damaged))
    data = bytearray(target.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\0" * 64
    target.write_bytes(bytes(data))
    server = serve.start(site, prefix=SUB_PATH)
    context = chromium.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}{SUB_PATH}{LESSON_PAGES[0]}")
        page.wait_for_selector("body.figures-failed", state="attached", timeout=120_000)
        status = page.locator("#python-status").inner_text()
        assert "Live figures could not start" in status and message in status
        assert page.locator("#python-status button").is_visible()
        assert page.locator("body.figures-drawn").count() == 1
    finally:
        context.close()
        server.shutdown()
