"""The site ships what its pages load, and no more: every page, opened live, asks for exactly the
shipped files the service worker caches at once; the others are downloads the pages offer or files
for others (build_steps.offline.NOT_LOADED). An unused file (say a library's fonts) fails here."""

from build_steps.offline import NOT_LOADED, downloads, site_files
from dlviz.course import available_lessons

LESSONS = [lesson.slug for lesson in available_lessons()]


def for_others(name):
    """Whether NOT_LOADED names the shipped file `name` (itself, or a folder holding it)."""
    return any(name == key or (key.endswith("/") and name.startswith(key)) for key in NOT_LOADED)


def test_pages_load_exactly_the_shipped_files(visit, built_site):
    browser = visit(service_workers="block")  # every request is the page's or its worker's own
    page = browser.open("index.html")
    page.wait_for_load_state("load")
    page.locator(f'a[href="{LESSONS[0]}.html"]').first.click()
    for slug in LESSONS:  # each lesson in turn, live: its own stylesheets load as its figures draw
        page.wait_for_function(
            "(slug) => document.body && document.body.dataset.lesson === slug && document.body.classList.contains('figures-live')",
            arg=slug, timeout=120_000,
        )
        if slug != LESSONS[-1]:
            page.locator("a[rel=next]").click()
    asked = {url[len(browser.base_url):].split("?")[0] for url in browser.requests if url.startswith(browser.base_url)}
    shipped = set(site_files(built_site))
    assert asked - shipped == set(), "pages ask for files the site does not ship (they would fail offline)"
    unused = {name for name in shipped - asked - set(downloads(built_site)) if not for_others(name)}
    assert unused == set(), "shipped, yet no page loads them: vendor less (build_steps/runtime.py, vendor.py)"
