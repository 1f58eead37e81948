"""Build the course into a static site: `python build.py [--out dist] [--pyodide-dist DIR]`.

A short pipeline of named steps (each in build_steps/); each prints one line of the summary:

    vendor_pyodide   the Pyodide runtime from the npm package (npm ci)
    vendor_wheels    compiled wheels, checked against the npm package's lock
    vendor_js        BokehJS, Panel's JS and CSS and the CodeMirror editor, served from the site itself
    bundle_python    our package and the pure wheels, byte-compiled by Pyodide, one zip
    render_pages     every lesson from Markdown, figures pre-rendered; the front page
    write_notices    the third-party notices page and every shipped package's licence text
    export_notebooks every lesson as a Jupyter notebook, with our package's wheel beside them
    write_offline    the service worker's versioned file list and the web manifest
    package_scorm    the site as SCORM 1.2 and 2004 packages for an LMS

The output folder is the whole site: every URL in it is relative, nothing is
loaded from another origin, and it can be served from any sub-path.
"""

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "py"))

from build_steps import BuildError  # noqa: E402
from build_steps.runtime import PYODIDE_VERSION, pyodide_dist  # noqa: E402  (first: it points Panel at the site)
from build_steps.notebooks import export_notebooks  # noqa: E402
from build_steps.notices import write_notices  # noqa: E402
from build_steps.offline import write_offline  # noqa: E402
from build_steps.pages import page_weights, render_pages  # noqa: E402
from build_steps.scorm import package_scorm  # noqa: E402
from build_steps.vendor import bundle_python, vendor_js, vendor_pyodide, vendor_wheels  # noqa: E402
from build_steps.version import build_version  # noqa: E402
from dlviz.course import chosen_lessons  # noqa: E402

STEPS = [
    vendor_pyodide, vendor_wheels, vendor_js, bundle_python, render_pages, write_notices, export_notebooks, write_offline,
    package_scorm,
]


def build(out, pyodide_dist=None, cache=ROOT / ".cache" / "wheels", lessons=None, quiet=False):
    """Run every step into a fresh `out`; return the summary rows (step, files, bytes, seconds).

    Every step is called with the same keywords: out, pyodide_dist, cache, lessons and
    version (the build's version, see build_steps/version.py)."""
    out = Path(out)
    version = build_version(",".join(lessons or []))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    summary = []
    for step in STEPS:
        started = time.perf_counter()
        files = step(out, pyodide_dist=pyodide_dist, cache=Path(cache), lessons=lessons, version=version)
        seconds = time.perf_counter() - started
        size = sum(Path(f).stat().st_size for f in files)
        summary.append((step.__name__, len(files), size, seconds))
        if not quiet:
            print(f"  {step.__name__:<16} {len(files):>5} files {size / 1e6:>8.2f} MB {seconds:>6.1f} s", flush=True)
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "dist"), help="output folder (default dist/)")
    parser.add_argument(
        "--pyodide-dist",
        default=pyodide_dist(),
        help=f"local Pyodide {PYODIDE_VERSION} distribution folder for the compiled wheels "
        f"(default $DLVIZ_PYODIDE_DIST, else ../shared/pyodide-{PYODIDE_VERSION} if it exists, else the official CDN)",
    )
    parser.add_argument("--lessons", help="the lessons that make the course, by number or slug, comma-separated "
                        "(1,3 or 2-fundamentals-of-learning); the front page, navigation, SCORM packages and "
                        "notebooks hold only these (default: every lesson)")
    args = parser.parse_args(argv)
    print(f"Building the course into {args.out}")
    started = time.perf_counter()
    try:
        lessons = [lesson.slug for lesson in chosen_lessons(args.lessons)] if args.lessons else None
        summary = build(args.out, pyodide_dist=args.pyodide_dist, lessons=lessons)
    except (BuildError, ValueError) as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    files = sum(row[1] for row in summary)
    size = sum(row[2] for row in summary)
    print(f"  {'total':<16} {files:>5} files {size / 1e6:>8.2f} MB {time.perf_counter() - started:>6.1f} s")
    for page, weight in page_weights(Path(args.out)):
        print(f"  {page:<40} {weight / 1e6:>6.2f} MB to open (uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
