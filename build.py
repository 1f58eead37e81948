"""Build the course into a static site: `python build.py [--out dist] [--pyodide-dist DIR]`.

A short pipeline of named steps; each prints one line of the summary:

    vendor_pyodide   the Pyodide 0.28.0 runtime from the npm package (npm ci)
    vendor_wheels    compiled wheels, checked against the npm package's lock
    vendor_js        BokehJS and Panel's JS and CSS, served from the site itself
    bundle_python    our package and the pure wheels, byte-compiled by Pyodide, one zip
    render_pages     every lesson from Markdown, figures pre-rendered; the front page
    export_notebooks every lesson as a Jupyter notebook, with our package's wheel beside them
    write_offline    the service worker's versioned file list and the web manifest
    package_scorm    the site as a SCORM 1.2 package for an LMS

The output folder is the whole site: every URL in it is relative, nothing is
loaded from another origin, and it can be served from any sub-path.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Panel writes its CDN root into every figure: point it at the site's own copy
# before panel is imported, here and in the browser's worker alike.
PANEL_CDN_ROOT = "static/panel/"
os.environ["PANEL_CDN_ROOT"] = PANEL_CDN_ROOT
sys.path.insert(0, str(ROOT / "py"))

PYODIDE_VERSION = "0.28.0"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_CDN = f"https://cdn.jsdelivr.net/pyodide/v{PYODIDE_VERSION}/full/"
PYODIDE_RUNTIME = [
    "pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
    "python_stdlib.zip", "pyodide-lock.json",
]
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
# What the browser never imports: Panel's and Bokeh's own JS (the site serves
# it once), tests, type stubs, TypeScript sources, build and server tooling.
SLIM_PREFIXES = (
    "panel/dist/", "panel/tests/", "panel/package-lock.json", "panel/tsconfig",
    "bokeh/server/static/", "bokeh/sphinxext/", "bokeh/sampledata/",
    "bokeh/command/", "bokeh/server/views/",
)
SLIM_SUFFIXES = (".ts", ".tsx", ".pyi", ".map", ".less", "/RECORD", ".md")
# Our own modules the browser does not run.
AUTHOR_ONLY = ("dlviz/author.py", "dlviz/__main__.py")

BOKEH_JS = ["bokeh.min.js", "bokeh-widgets.min.js", "bokeh-tables.min.js"]
PANEL_DIST = ["panel.min.js", "css", "bundled/theme", "bundled/font-awesome", "images"]

STATIC = "static"


class BuildError(Exception):
    """A step could not finish; the message says which file and why."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_hash(path, expected):
    actual = sha256(path)
    if actual != expected:
        raise BuildError(
            f"sha256 mismatch for {Path(path).name}: expected {expected}, got {actual} ({path})"
        )


def pyodide_lock():
    lock_path = PYODIDE_NPM / "pyodide-lock.json"
    if not lock_path.exists():
        raise BuildError(f"{lock_path} is missing: run `npm ci` first")
    return json.loads(lock_path.read_text())


# ---------------------------------------------------------------- the steps


def vendor_pyodide(out, **_):
    """Copy the Pyodide runtime from the npm package into static/pyodide/."""
    target = out / STATIC / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_RUNTIME:
        source = PYODIDE_NPM / name
        if not source.exists():
            raise BuildError(f"{source} is missing: run `npm ci` (pyodide@{PYODIDE_VERSION})")
        shutil.copy2(source, target / name)
    return [target / name for name in PYODIDE_RUNTIME]


def vendor_wheels(out, pyodide_dist=None, **_):
    """Copy the compiled wheels the site needs, each checked against the npm lock."""
    packages = pyodide_lock()["packages"]
    target = out / STATIC / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in required_pyodide_packages(packages):
        entry = packages[name]
        file_name = entry["file_name"]
        destination = target / file_name
        if pyodide_dist:
            source = Path(pyodide_dist) / file_name
            if not source.exists():
                raise BuildError(f"{file_name} is missing from the Pyodide distribution {pyodide_dist}")
            shutil.copy2(source, destination)
        else:
            download(PYODIDE_CDN + file_name, destination)
        check_hash(destination, entry["sha256"])
        written.append(destination)
    return written


def required_pyodide_packages(packages):
    """PYODIDE_PACKAGES and everything they depend on, by the lock's names."""
    needed, queue = [], list(PYODIDE_PACKAGES)
    while queue:
        name = queue.pop(0)
        if name not in needed:
            needed.append(name)
            queue.extend(packages[name]["depends"])
    return needed


def download(url, destination):
    try:
        with urllib.request.urlopen(url, timeout=60) as response, open(destination, "wb") as handle:
            shutil.copyfileobj(response, handle)
    except OSError as error:
        raise BuildError(f"could not download {url}: {error}; pass --pyodide-dist DIR") from error


def vendor_js(out, **_):
    """Copy BokehJS and Panel's JS and CSS so pages load nothing from a CDN."""
    import bokeh
    import panel

    check_installed_versions()
    bokeh_js = Path(bokeh.__file__).parent / "server" / "static" / "js"
    target = out / STATIC / "bokeh"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in BOKEH_JS:
        shutil.copy2(bokeh_js / name, target / name)
        written.append(target / name)
    panel_dist = Path(panel.__file__).parent / "dist"
    panel_target = out / panel_dist_url()
    for name in PANEL_DIST:
        source, destination = panel_dist / name, panel_target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination, dirs_exist_ok=True)
        else:
            shutil.copy2(source, destination)
    written += [path for path in panel_target.rglob("*") if path.is_file()]
    return written


def panel_dist_url():
    """Where Panel's `dist` lives in the site: PANEL_CDN_ROOT/<version>/dist/."""
    from panel.io.resources import CDN_DIST

    if not CDN_DIST.startswith(PANEL_CDN_ROOT):
        raise BuildError(
            f"panel was imported before PANEL_CDN_ROOT was set (its files would load from {CDN_DIST}): "
            f"set PANEL_CDN_ROOT={PANEL_CDN_ROOT} before importing panel"
        )
    return CDN_DIST


def check_installed_versions():
    """The CPython side must run the same Panel and Bokeh as the browser."""
    import bokeh
    import panel

    pinned = {name: version for name, version, _ in PURE_WHEELS}
    for module in (bokeh, panel):
        if module.__version__ != pinned[module.__name__]:
            raise BuildError(
                f"{module.__name__} {module.__version__} is installed but the site pins "
                f"{pinned[module.__name__]}: reinstall from pyproject.toml"
            )


def bundle_python(out, cache, **_):
    """Our package and the pure wheels, slimmed and byte-compiled by Pyodide, in one zip."""
    with tempfile.TemporaryDirectory() as staging_name:
        staging = Path(staging_name)
        for wheel in pure_wheel_files(cache):
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    if not is_slimmed_away(member):
                        archive.extract(member, staging)
        package = ROOT / "py" / "dlviz"
        for source in package.rglob("*.py"):
            relative = source.relative_to(package.parent).as_posix()
            if relative not in AUTHOR_ONLY:
                destination = staging / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, destination)
        byte_compile(out, staging)
        archive_path = out / STATIC / "python.zip"
        with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(staging.rglob("*")):
                compiled = path.with_suffix(".pyc")
                if path.is_dir() or "__pycache__" in path.parts:
                    continue
                if path.suffix == ".py" and compiled.exists():
                    continue  # the byte-compiled file stands in for the source
                archive.write(path, path.relative_to(staging).as_posix())
    return [archive_path]


def pure_wheel_files(cache):
    """Each pinned pure wheel, from the cache or PyPI, checked against its sha256."""
    cache.mkdir(parents=True, exist_ok=True)
    files = []
    for name, version, expected in PURE_WHEELS:
        normalised = name.replace("-", "_")
        found = [
            path for path in cache.glob("*.whl")
            if path.name.lower().startswith(f"{normalised.lower()}-{version}-")
        ]
        if not found:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--only-binary", ":all:", "--dest", str(cache), f"{name}=={version}"],
                check=True,
            )
            found = [
                path for path in cache.glob("*.whl")
                if path.name.lower().startswith(f"{normalised.lower()}-{version}-")
            ]
        if not found:
            raise BuildError(f"{name}=={version}: no wheel found on PyPI")
        check_hash(found[0], expected)
        files.append(found[0])
    return files


def is_slimmed_away(member):
    if member.endswith("/"):
        return True
    if any(member.startswith(prefix) for prefix in SLIM_PREFIXES):
        return True
    if any(member.endswith(suffix) for suffix in SLIM_SUFFIXES):
        return True
    return "/tests/" in member


def byte_compile(out, staging):
    """Compile every .py beside itself with the browser's own Python 3.13 (Pyodide under Node)."""
    script = ROOT / "build_steps" / "pyodide_compile.mjs"
    result = subprocess.run(
        ["node", str(script), str(out / STATIC / "pyodide"), str(staging)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"byte-compiling with Pyodide failed:\n{result.stdout}\n{result.stderr}")


def render_pages(out, lessons=None, **_):
    """Every lesson page (or only `lessons`, by slug) and the front page, figures pre-rendered."""
    from build_steps.pages import render_site

    return render_site(out, only=lessons)


def export_notebooks(out, **_):
    """Every lesson as a Jupyter notebook in notebooks/, with the dlviz wheel to pip install beside them."""
    from build_steps.notebooks import write_notebooks

    return write_notebooks(out)


def write_offline(out, **_):
    """The service worker (with a versioned list of every file) and the web manifest."""
    from build_steps.offline import write_service_worker

    return write_service_worker(out)


def package_scorm(out, **_):
    """The whole site as a SCORM 1.2 zip with imsmanifest.xml, one SCO per lesson, for an LMS."""
    from build_steps.scorm import write_scorm_package

    return write_scorm_package(out)


STEPS = [
    vendor_pyodide, vendor_wheels, vendor_js, bundle_python, render_pages, export_notebooks, write_offline,
    package_scorm,
]


def build(out, pyodide_dist=None, cache=ROOT / ".cache" / "wheels", lessons=None, quiet=False):
    """Run every step into a fresh `out`; return the summary rows (step, files, bytes, seconds)."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    summary = []
    for step in STEPS:
        started = time.perf_counter()
        files = step(out, pyodide_dist=pyodide_dist, cache=Path(cache), lessons=lessons)
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
        default=os.environ.get("DLVIZ_PYODIDE_DIST"),
        help="local Pyodide 0.28.0 distribution folder for the compiled wheels "
        "(default $DLVIZ_PYODIDE_DIST, else the official CDN)",
    )
    parser.add_argument("--lessons", help="comma-separated slugs: build only these lessons (for authors)")
    args = parser.parse_args(argv)
    print(f"Building the course into {args.out}")
    started = time.perf_counter()
    try:
        lessons = args.lessons.split(",") if args.lessons else None
        summary = build(args.out, pyodide_dist=args.pyodide_dist, lessons=lessons)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    files = sum(row[1] for row in summary)
    size = sum(row[2] for row in summary)
    print(f"  {'total':<16} {files:>5} files {size / 1e6:>8.2f} MB {time.perf_counter() - started:>6.1f} s")
    from build_steps.pages import page_weights

    for page, weight in page_weights(Path(args.out)):
        print(f"  {page:<40} {weight / 1e6:>6.2f} MB to open (uncompressed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
