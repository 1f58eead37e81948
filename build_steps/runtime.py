"""The browser's runtime, decided once: which Pyodide and where its wheels come from, the
packages and files the page loads, and where Panel looks for its own files.

    python3 build_steps/runtime.py --local-pyodide-dist   # the local distribution folder, or fail

The build, the tests and the benchmark import these facts from here, and `.ci/run` asks
for the folder. Only the standard library at import, so it runs before any set-up.
Importing it points Panel at the site's own copy of its files (PANEL_CDN_ROOT), so
import it before anything imports panel.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PYODIDE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
"""The Pyodide release the site runs: the one package.json pins, whose runtime npm installs."""
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
LOCAL_PYODIDE_DIST = ROOT.parent / "shared" / f"pyodide-{PYODIDE_VERSION}"
"""A full Pyodide distribution beside the repository, for building without the CDN."""

# What the worker's pyodide.js loads (the build's byte-compiling imports the npm package's own pyodide.mjs).
PYODIDE_RUNTIME = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]
# Compiled (or Pyodide-provided) packages the browser loads by name from the lock.
PYODIDE_PACKAGES = ["numpy", "pyyaml", "markupsafe", "packaging", "nh3"]

# Pure wheels from PyPI: (distribution, version, sha256 of the wheel).
PURE_WHEELS = [
    ("bokeh", "3.9.2", "448e07d5ee78231f5bdece3be020024bb98696c0d6b127e0e2df0b8ba8fa9765"),
    ("panel", "1.9.4", "c89c4c1e728297daf0628ea5070fb0da8ad77781e2a3142d302479537c1de6a4"),
    ("param", "2.4.2", "56f56e991d11cdf9fa8248ca3b1c7d5badfd6b4da3b3886b764b95823d270b07"),
    ("pyviz_comms", "3.0.6", "4eba6238cd4a7f4add2d11879ce55411785b7d38a7c5dba42c7a0826ca53e6c2"),
    ("jinja2", "3.1.6", "85ece4451f492d0c13c5dd7c13a64681a86afae63a5f347908daf103ce6d2f67"),
    ("markdown", "3.11.3", "e1a31a112232504d753e5c01bb8c2de90d3f0ba986b063e10770cf7695b09e73"),
    ("markdown-it-py", "4.3.0", "7aa1511a46c39138de78d9eba92ce47e63124d8003fc98b3a351909e04239efa"),
    ("mdit-py-plugins", "0.7.0", "7f8e30403f3dd8bfe3afcdcbc6e61066d3f2e714167507b9c26eb385ec399353"),
    ("mdurl", "0.1.2", "84008a41e51615a49fc9966191ff91509e3c40b939176e643fd50a5c2196b8f8"),
    ("linkify-it-py", "2.2.0", "3adc40eb5af300b2605fcfdb968c24e1d780a90f1f2221af7c15e5111e94d443"),
    ("uc-micro-py", "2.0.0", "3603a3859af53e5a39bc7677713c78ea6589ff188d70f4fee165db88e22b242c"),
    ("pyodide-http", "0.2.2", "cf006ea593c1643b5badeb4d42ed24a6eebd830276171fa1f82de0777b3fb608"),
]

CODEMIRROR_NPM = ROOT / "node_modules" / "codemirror"
CODEMIRROR_FILES = ["lib/codemirror.js", "lib/codemirror.css", "mode/python/python.js"]
"""CodeMirror 5, the editor for the learner's Python (site/static/code.js): what pages load of it."""

NPM_SHIPPED = ["pyodide", "codemirror"]
"""npm packages whose files the site serves (for the third-party notices)."""

# Panel writes its CDN root into every figure: point it at the site's own copy before
# panel is imported, here and (filled into worker.js by the build) in the browser.
PANEL_CDN_ROOT = "static/panel/"
os.environ["PANEL_CDN_ROOT"] = PANEL_CDN_ROOT
BOKEH_JS = ["bokeh.min.js", "bokeh-widgets.min.js", "bokeh-tables.min.js"]
# Panel's files the pages load: its models, and the stylesheets its widgets ask for (the lessons
# use buttons, selects and columns). No more: tests/browser/test_shipped_files.py checks this
# list against what every page requests, so a new widget's stylesheet is added here.
PANEL_DIST = [
    "panel.min.js", "css/button.css", "css/listpanel.css", "css/loading.css", "css/select.css",
    "bundled/theme/default.css", "bundled/theme/native.css",
]


def pyodide_dist():
    """The Pyodide distribution folder to take compiled wheels from: $DLVIZ_PYODIDE_DIST, else
    LOCAL_PYODIDE_DIST when it exists, else None (the Pyodide CDN)."""
    configured = os.environ.get("DLVIZ_PYODIDE_DIST")
    if configured:
        return configured
    return str(LOCAL_PYODIDE_DIST) if LOCAL_PYODIDE_DIST.is_dir() else None


def panel_dist_url():
    """Where Panel's `dist` lives in the site: PANEL_CDN_ROOT/<version>/dist/.

    Raises RuntimeError if panel was imported before this module set PANEL_CDN_ROOT.
    """
    from panel.io.resources import CDN_DIST

    if not CDN_DIST.startswith(PANEL_CDN_ROOT):
        raise RuntimeError(
            f"panel was imported before PANEL_CDN_ROOT was set (its files would load from {CDN_DIST}): "
            f"import build_steps.runtime before panel"
        )
    return CDN_DIST


def runtime_scripts():
    """The runtime's JS every lesson page loads, in order: BokehJS, then Panel's models."""
    return [f"static/bokeh/{name}" for name in BOKEH_JS] + [f"{panel_dist_url()}panel.min.js"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--local-pyodide-dist"]:
        sys.exit("usage: python3 build_steps/runtime.py --local-pyodide-dist")
    if not LOCAL_PYODIDE_DIST.is_dir():
        sys.exit(f"{LOCAL_PYODIDE_DIST} is missing: the full Pyodide {PYODIDE_VERSION} distribution goes there")
    print(LOCAL_PYODIDE_DIST)
