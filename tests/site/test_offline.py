"""The built site's offline parts: every page knows its build; the service worker lists every
shipped file with its hash; nothing is shipped that no page uses."""

import json
import re
from pathlib import Path

from build_steps.offline import downloads, file_hash, site_files
from build_steps.scorm import PACKAGES
from build_steps.runtime import PANEL_DIST, panel_dist_url
from build_steps.version import build_version


def filled_in(worker, name):
    return json.loads(re.search(rf"const {name} = (.*?);\n", worker, re.S).group(1))


def test_every_page_shows_and_carries_its_build(built_site):
    version = build_version()
    pages = [*built_site.glob("*.html"), built_site / "static" / "offline.html"]
    for page in pages:
        html = page.read_text()
        assert f'<html lang="en" data-build="{version}">' in html, page.name
        assert re.search(rf'<footer class="site-footer">.*Version <span class="build-version">{re.escape(version)}</span>', html, re.S), page.name
    assert f"course.build = {json.dumps(version)};" in (built_site / "static" / "offline.js").read_text()


def test_the_service_worker_knows_every_shipped_file_by_its_hash(built_site):
    worker = (built_site / "sw.js").read_text()
    assert filled_in(worker, "BUILD") == build_version()
    files, on_demand = filled_in(worker, "FILES"), filled_in(worker, "ON_DEMAND")
    cached = {url.split("?")[0]: digest for url, digest in files.items()}
    assert set(cached) | set(on_demand) == set(site_files(built_site)) | set(PACKAGES.values())
    assert set(on_demand) == set(downloads(built_site)) and not set(cached) & set(on_demand)
    for name, digest in {**cached, **on_demand}.items():
        assert digest == (file_hash(built_site / name) if name not in PACKAGES.values() else ""), name
    assert "static/panel/1.9.4/dist/css/loading.css?v=1.9.4" in files, "asked for as pages ask (the HTTP cache's key)"


def test_only_what_pages_use_is_shipped(built_site):
    shipped = site_files(built_site)
    panel = Path(panel_dist_url())
    assert [name for name in shipped if name.startswith(panel.as_posix())] == sorted((panel / name).as_posix() for name in PANEL_DIST)
    assert not [name for name in shipped if "font-awesome" in name or name.endswith((".mjs", ".map", ".gz"))]
    assert sum((built_site / name).stat().st_size for name in shipped) < 30e6
