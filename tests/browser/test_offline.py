"""Offline: after one visit the whole course opens without the network; a first visit downloads
each file once; the cache never slows or mixes builds; in-page anchors rebuild nothing."""

import json
import re
import shutil
from collections import Counter

import pytest

from build_steps.offline import write_offline
from build_steps.pages import render_pages
from build_steps.scorm import PACKAGES
from build_steps.version import package_version
from dlviz.course import available_lessons
from tests.conftest import SUB_PATH, serve

LESSONS = [lesson.slug for lesson in available_lessons()]
OTHER_BUILD = f"{package_version()}+0ther000"
STATE = "polynomial_fit.degree=5"


@pytest.fixture(scope="module")
def other_build(built_site, tmp_path_factory):
    """Build B: the same site built again under another version (every page and offline.js differ)."""
    site = tmp_path_factory.mktemp("build-b") / "dist"
    shutil.copytree(built_site, site)
    render_pages(site, version=OTHER_BUILD)
    write_offline(site, version=OTHER_BUILD)
    return site


@pytest.fixture
def served(built_site):
    """A server of its own for the built site (its log counts this test's downloads alone)."""
    server = serve.start(built_site, prefix=SUB_PATH)
    yield server, f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


def wait_for_lesson(page, slug, live=False):
    state = "figures-live" if live else "figures-drawn"
    page.wait_for_function(
        "([slug, state]) => document.body && document.body.dataset.lesson === slug && document.body.classList.contains(state)",
        arg=[slug, state], timeout=120_000,
    )


def wait_until_cached(page):
    """Until the service worker has cached this build and answers this page."""
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=120_000)
    assert page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.active.state)") == "activated"


def site_build(site):
    """The build a built site is (its front page says)."""
    return re.search(r'data-build="([^"]+)"', (site / "index.html").read_text()).group(1)


def builds(page):
    """The build the page's HTML says it is, and the build its scripts say they are."""
    return page.evaluate("[document.documentElement.dataset.build, window.course.build]")


def test_a_first_visit_downloads_each_file_once_and_caches_the_course(chromium, served, built_site):
    server, base = served
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(base + "4-how-networks-learn.html")
        wait_for_lesson(page, "4-how-networks-learn", live=True)
        wait_until_cached(page)
        # By URL, as the server saw them, from the page, its worker and the service worker alike.
        downloads = Counter(url for url, status, _ in server.sent if status == 200)
        assert {path: count for path, count in downloads.items() if count > 1} == {}
        cached = page.evaluate(
            f"caches.open('dlviz-build-{site_build(built_site)}').then((cache) => cache.keys()).then((keys) => keys.map((key) => key.url))"
        )
        files = json.loads(re.search(r"const FILES = (.*?);\n", (built_site / "sw.js").read_text(), re.S).group(1))
        assert sorted(cached) == sorted(base + url.split("?")[0] for url in files)
    finally:
        context.close()


def test_after_one_visit_the_course_opens_offline(chromium, served, built_site, other_build):
    server, base = served
    context = chromium.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(base + "index.html")
        wait_until_cached(page)
        downloads = [link.get_attribute("href") for link in page.locator("a[download]").all()]
        assert len(downloads) == len(LESSONS) + 1 + len(PACKAGES)  # the notebooks, the wheel, a SCORM package per version
        for name in downloads:  # fetched once online, as a learner's click does
            with page.expect_download() as download:
                page.locator(f'a[download][href="{name}"]').first.click()
            assert download.value.failure() is None
        context.set_offline(True)
        for slug in LESSONS:
            page.goto(base + f"{slug}.html?embed" if slug == LESSONS[1] else base + f"{slug}.html")
            wait_for_lesson(page, slug, live=slug == LESSONS[-1])
            assert page.locator("main h1").first.is_visible()
        assert page.evaluate("document.documentElement.classList.contains('embed')") is False
        page.goto(base + f"{LESSONS[1]}.html?embed&figure=polynomial_fit")
        wait_for_lesson(page, LESSONS[1])
        assert page.locator("#figure-polynomial_fit .bk-Column, #figure-polynomial_fit > div").count() > 0
        assert page.locator("html.embed-figure").count() == 1
        page.goto(base)  # the site's root, as a bookmark opens it
        assert page.locator(".lesson-cards").is_visible()
        assert page.evaluate("[...document.querySelectorAll('.lesson-card img')].every((image) => image.naturalWidth > 0)")
        for name in downloads:
            with page.expect_download() as download:
                page.locator(f'a[download][href="{name}"]').first.click()
            assert download.value.failure() is None, f"{name} was not kept for offline use"
            assert download.value.path().read_bytes() == (built_site / name).read_bytes()
        server.root = other_build  # deployed during the offline session:
        context.set_offline(False)  # back online is enough for it to be offered
        page.wait_for_selector("#update-offer", timeout=60_000)
    finally:
        context.close()


def test_a_page_never_cached_gets_the_offline_page_offline(chromium, served):
    _, base = served
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(base + "index.html")
        wait_until_cached(page)
        context.set_offline(True)
        page.goto(base + "notes/never-built.html")
        assert "not saved for offline use" in page.locator("main h1").inner_text()
        assert page.locator("nav.site-nav a").count() == len(LESSONS)
        assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid", "the course's style"
        page.locator("nav.site-nav a").first.click()  # its links lead to the cached lessons
        wait_for_lesson(page, LESSONS[0])
    finally:
        context.close()


def test_two_tabs_each_keep_one_build_through_an_update(chromium, served, built_site, other_build):
    """Build B is deployed while two tabs show build A; one takes the update. On every move each
    page's HTML and scripts are of one build: the other tab keeps A until it reloads."""
    server, base = served
    build_a = site_build(built_site)
    context = chromium.new_context()
    try:
        first, second = context.new_page(), context.new_page()
        first.goto(base + f"{LESSONS[0]}.html")
        wait_for_lesson(first, LESSONS[0], live=True)
        wait_until_cached(first)
        second.goto(base + f"{LESSONS[1]}.html?{STATE}")  # state in its address
        wait_for_lesson(second, LESSONS[1], live=True)
        assert builds(first) == builds(second) == [build_a, build_a]

        server.root = other_build  # build B deployed
        first.reload()
        wait_for_lesson(first, LESSONS[0], live=True)
        assert builds(first) == [build_a, build_a]
        first.wait_for_selector("#update-offer", timeout=60_000)  # within one reload

        # The second tab moves before and after the first accepts.
        second.locator("a[rel=next]").click()
        wait_for_lesson(second, LESSONS[2])
        assert builds(second) == [build_a, build_a]
        first.locator("#update-offer button").click()
        first.wait_for_function(f"document.documentElement.dataset.build === '{OTHER_BUILD}'", timeout=60_000)
        first.wait_for_load_state()
        assert builds(first) == [OTHER_BUILD, OTHER_BUILD]
        second.wait_for_selector("#update-offer", timeout=60_000)  # offered, never forced

        second.go_back()
        wait_for_lesson(second, LESSONS[1])
        assert STATE in second.url
        assert builds(second) == [build_a, build_a]
        second.go_forward()
        wait_for_lesson(second, LESSONS[2])
        assert builds(second) == [build_a, build_a]
        second.locator("a[rel=next]").click()
        wait_for_lesson(second, LESSONS[3], live=True)
        assert builds(second) == [build_a, build_a]
        second.reload()
        wait_for_lesson(second, LESSONS[3])
        assert builds(second) == [OTHER_BUILD, OTHER_BUILD]
        second.go_back()
        wait_for_lesson(second, LESSONS[2], live=True)
        assert builds(second) == [OTHER_BUILD, OTHER_BUILD]
        # A's cache goes once no page uses it.
        second.wait_for_function(f"caches.keys().then((names) => !names.includes('dlviz-build-{build_a}'))", timeout=30_000)
    finally:
        context.close()


def test_without_the_service_worker_another_builds_lesson_is_loaded_whole(chromium, served, other_build):
    server, base = served
    context = chromium.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(base + f"{LESSONS[0]}.html")
        wait_for_lesson(page, LESSONS[0])
        server.root = other_build
        page.locator("a[rel=next]").click()
        wait_for_lesson(page, LESSONS[1])
        assert builds(page) == [OTHER_BUILD, OTHER_BUILD]
        # Back may take A's page from the browser's cache, while the host serves B's scripts: it reloads.
        page.go_back()
        page.wait_for_function("document.documentElement.dataset.build === (window.course || {}).build")
        wait_for_lesson(page, LESSONS[0])
        assert builds(page) == [OTHER_BUILD, OTHER_BUILD]
    finally:
        context.close()


def test_the_skip_link_and_an_anchor_leave_every_figure_live(visit):
    browser = visit()
    page = browser.open(f"{LESSONS[1]}.html", live=True)
    views = "[...Bokeh.index.roots].map((view) => view.model.id).sort().join()"
    before = page.evaluate(views)
    page.evaluate("window.opened = 0; document.addEventListener('lesson-opened', () => { window.opened += 1; })")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#content'")
    heading = page.locator("main h2[id]").first.get_attribute("id")
    page.evaluate(f"document.querySelector('main p').insertAdjacentHTML('beforeend', '<a id=jump href=\"#{heading}\">jump</a>')")
    page.locator("#jump").click()
    page.wait_for_function(f"location.hash === '#{heading}'")
    page.go_back()
    page.go_back()
    page.go_forward()
    page.wait_for_timeout(500)  # a rebuild would have begun by now
    assert page.evaluate("window.opened") == 0
    assert page.evaluate(views) == before
    assert page.locator("figure.course-figure:not(.figure-live)").count() == 0
    assert "figures-live" in page.evaluate("document.body.className")


@pytest.mark.parametrize(
    ("policy", "named"),
    [
        ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:", "'unsafe-eval'"),
        ("default-src 'self'; script-src 'self' 'unsafe-eval'; worker-src 'none'; style-src 'self' 'unsafe-inline'", "worker-src"),
    ],
)
def test_a_policy_that_stops_live_figures_is_named_within_seconds(chromium, built_site, policy, named):
    server = serve.start(built_site, prefix=SUB_PATH, policy=policy)
    context = chromium.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}{SUB_PATH}{LESSONS[1]}.html")
        page.wait_for_selector("body.figures-failed", state="attached", timeout=10_000)
        status = page.locator("#python-status").inner_text()
        assert "Content-Security-Policy" in status and named in status
        assert len(page.locator("main").inner_text()) > 200, "the text stays"
    finally:
        context.close()
        server.shutdown()
