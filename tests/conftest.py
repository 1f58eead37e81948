"""Fixtures shared by every test: the built site, a server for it, and Chromium.

The site is built once per test run, with the compiled wheels from the runtime's
Pyodide distribution (build_steps.runtime.pyodide_dist). Browser tests never skip
for want of Pyodide: CI has it.
"""

# First, before anything imports panel: it points Panel at the site's own files.
from build_steps.runtime import ROOT, pyodide_dist  # noqa: F401  (ROOT for the tests)

import fcntl  # noqa: E402
import os  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from dev import serve  # noqa: E402
from dev.chromium import launch_chromium  # noqa: E402

SUB_PATH = "/course/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole course, built once per test run into a temporary folder, by the first of pytest-xdist's
    workers to need it while the others wait ($DLVIZ_BUILT_SITE: a site already built, to iterate on a test)."""
    import build

    if os.environ.get("DLVIZ_BUILT_SITE"):
        return Path(os.environ["DLVIZ_BUILT_SITE"])
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    out, built = shared / "site" / "dist", shared / "site" / "built"
    out.parent.mkdir(exist_ok=True)
    with open(shared / "site" / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            build.build(out, pyodide_dist=pyodide_dist(), quiet=True)
            built.touch()
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site served on localhost under a sub-path, as GitHub Pages serves it."""
    server = serve.start(built_site, prefix=SUB_PATH)
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
