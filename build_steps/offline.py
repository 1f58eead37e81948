"""The build's `write_offline` step: a service worker that keeps one version of the site.

The worker's cache is named after a hash of every file it lists, so a new build
is a new cache: pages go on using the version they started with until the
learner accepts the update, and two versions' files are never mixed.
"""

import hashlib
import json
from pathlib import Path

from build_steps.runtime import ROOT
from dlviz.course import TITLE

SERVICE_WORKER = ROOT / "site" / "sw.js"
NOT_CACHED = {"sw.js"}


def site_files(out):
    """Every file of the built site, as relative URLs, sorted (the SCORM packages, made from this list after it, are not yet there)."""
    return sorted(
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and path.name not in NOT_CACHED and not path.name.endswith(".gz")
    )


def site_version(out, files):
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256((out / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_offline(out, **_):
    """Write sw.js (version and file list filled in) and manifest.webmanifest into `out`."""
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
    files = site_files(out)
    source = SERVICE_WORKER.read_text(encoding="utf-8")
    worker = (
        source.replace('"__VERSION__"', json.dumps(site_version(out, files)))
        .replace("[] /* __FILES__ */", json.dumps(files, indent=0))
    )
    (out / "sw.js").write_text(worker, encoding="utf-8")
    return [manifest, out / "sw.js"]
