"""The build's `write_offline` step: the service worker (sw.js), its offline page (static/offline.html), the web manifest.

`site_files` is the list of files the site ships: what the service worker caches, and what the
SCORM packages include. The service worker is told the build's version and each shipped file's
hash (site/sw.js says what it does with them): the files pages load are cached once a page is
live, the downloads the pages offer once fetched; an update downloads only the files whose
hash changed. offline.js is told the build's version too, so a page's scripts know their build.
"""

import hashlib
import json
import re
from pathlib import Path

from build_steps.pages import CONTENT_SECURITY_POLICY, templates
from build_steps.runtime import ROOT
from dlviz.course import TITLE, available_lessons

SERVICE_WORKER = ROOT / "site" / "sw.js"
OFFLINE_SCRIPT = "static/offline.js"
NOT_LOADED = {
    "manifest.webmanifest": "the browser's, to install the course as an app",
    "static/offline.html": "the service worker's, for a page it never cached",
    "static/embed-host.js": "for other sites' pages that embed a figure",
    "notices.html": "the licences page, a link in every page's footer",
    "teachers.html": "the teachers' guide, a link on the front page",
    "licences/": "the licence texts the notices page links",
    "static/codemirror/": "the code editor, loaded when a learner first changes a figure's Python (code.js)",
}
"""Shipped files no page of the course loads (a key ending in / stands for a folder), and whose they
are (tests/browser/test_shipped_files.py)."""
DOWNLOAD_LINK = re.compile(r"""<a\s[^>]*\bhref="([^"]+)"[^>]*\bdownload\b""")
ASKED_WITH_QUERY = re.compile(r"""(static/[^"'\s?\\]+)(\?[^"'\s\\]+)""")


def site_files(out):
    """Every file the site ships, as relative URLs, sorted: all of `out` but sw.js and the SCORM
    packages (the zips at its top, built from this list after this step)."""
    out = Path(out)
    return sorted(
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and path.name != "sw.js" and not (path.parent == out and path.suffix == ".zip")
    )


def downloads(out):
    """The files the pages offer as downloads (links marked `download`), as relative URLs, sorted."""
    found = set()
    for page in Path(out).glob("*.html"):
        found.update(DOWNLOAD_LINK.findall(page.read_text(encoding="utf-8")))
    return sorted(found)


def urls_asked(out):
    """{file: the URL pages ask for it by} where that URL has a query string (Panel's `loading.css?v=1.9.4`):
    the service worker asks the same, and finds the page's copy in the HTTP cache."""
    found = {}
    for page in Path(out).glob("*.html"):
        found.update((path, path + query) for path, query in ASKED_WITH_QUERY.findall(page.read_text(encoding="utf-8")))
    return found


def file_hash(path):
    """The first 16 hex digits of the file's SHA-256: what the service worker checks a download against."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def write_offline(out, version, lessons=None, **_):
    """Write manifest.webmanifest, static/offline.html, the build's version into static/offline.js, and
    sw.js (version, files and their hashes filled in) into `out`."""
    out = Path(out)
    manifest = out / "manifest.webmanifest"
    manifest.write_text(json.dumps({
        "name": "Deep Learning, Visually",
        "short_name": "DL Visually",
        "description": f"{TITLE}, running in your browser.",
        "start_url": "./index.html",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0072B2",
        "icons": [{"src": "static/icon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }, indent=2))
    offline_page = out / "static" / "offline.html"
    offline_page.write_text(templates().get_template("offline.html").render(
        lessons=[lesson for lesson in available_lessons() if lessons is None or lesson.slug in lessons],
        csp=CONTENT_SECURITY_POLICY, version=version, slug="", scripts={"head": [], "learner": []},
        title="Not saved for offline use", description="This page was never saved for offline use.",
    ), encoding="utf-8")
    script = out / OFFLINE_SCRIPT
    script.write_text(script.read_text(encoding="utf-8").replace('"__BUILD__"', json.dumps(version)), encoding="utf-8")

    offered, asked = set(downloads(out)), urls_asked(out)
    files = {asked.get(name, name): file_hash(out / name) for name in site_files(out) if name not in offered}
    on_demand = {name: file_hash(out / name) if (out / name).is_file() else "" for name in offered}  # "": a package
    worker = (
        SERVICE_WORKER.read_text(encoding="utf-8")
        .replace('"__BUILD__"', json.dumps(version))
        .replace("{} /* __FILES__ */", json.dumps(files, indent=0))
        .replace("{} /* __ON_DEMAND__ */", json.dumps(on_demand, indent=0))
    )
    (out / "sw.js").write_text(worker, encoding="utf-8")
    return [manifest, offline_page, script, out / "sw.js"]
