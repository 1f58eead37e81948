"""Fixtures shared by every test: the built site, a server for it, and Chromium.

The site is built once per test run, with the compiled wheels from
$DLVIZ_PYODIDE_DIST, else ../shared/pyodide-0.28.0 beside the repository, else
the Pyodide CDN. Browser tests never skip for want of Pyodide: CI has it.
"""

import os
from pathlib import Path

# Before anything imports panel: the site serves Panel's files itself (see build.py).
os.environ["PANEL_CDN_ROOT"] = "static/panel/"

import pytest

ROOT = Path(__file__).resolve().parent.parent

from dev import serve  # noqa: E402
from dev.chromium import launch_chromium  # noqa: E402

SUB_PATH = "/course/"


def pyodide_dist():
    """The local Pyodide distribution folder to build with, or None for the CDN."""
    configured = os.environ.get("DLVIZ_PYODIDE_DIST")
    if configured:
        return configured
    shared = ROOT.parent / "shared" / "pyodide-0.28.0"
    return str(shared) if shared.exists() else None


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole course, built once into a temporary folder."""
    import build

    out = tmp_path_factory.mktemp("site") / "dist"
    build.build(out, pyodide_dist=pyodide_dist(), quiet=True)
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
