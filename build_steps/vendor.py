"""The build's first steps: the browser's runtime and our Python, into the site's static/.

    vendor_pyodide   the Pyodide runtime from the npm package (npm ci)
    vendor_wheels    compiled wheels, checked against the npm package's lock
    vendor_js        BokehJS, Panel's JS and CSS and the CodeMirror editor, served from the site itself
    bundle_python    our package and the pure wheels, byte-compiled by Pyodide, one zip

Every file is checked: the compiled wheels against the sha256 in Pyodide's lock, the
pure wheels against the sha256 pinned in `runtime.PURE_WHEELS`.
"""

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from build_steps import BuildError
from build_steps.runtime import (
    BOKEH_JS, CODEMIRROR_FILES, CODEMIRROR_NPM, PANEL_DIST, PURE_WHEELS, PYODIDE_CDN, PYODIDE_NPM, PYODIDE_PACKAGES, PYODIDE_RUNTIME, PYODIDE_VERSION,
    ROOT, panel_dist_url,
)

STATIC = "static"
# What the browser never imports: Panel's and Bokeh's own JS (the site serves
# it once), tests, type stubs, TypeScript sources, build and server tooling.
SLIM_PREFIXES = (
    "panel/dist/", "panel/tests/", "panel/package-lock.json", "panel/tsconfig",
    "bokeh/server/static/", "bokeh/sphinxext/", "bokeh/sampledata/",
    "bokeh/command/", "bokeh/server/views/",
)
SLIM_SUFFIXES = (".ts", ".tsx", ".pyi", ".map", ".less", "/RECORD", ".md")
# Our own modules the browser does not run.
AUTHOR_ONLY = ("dlviz/author.py", "dlviz/__main__.py", "dlviz/lesson_markdown.py")


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


def vendor_pyodide(out, **_):
    """Copy the Pyodide runtime from the npm package into static/pyodide/."""
    installed = json.loads((PYODIDE_NPM / "package.json").read_text())["version"] if PYODIDE_NPM.exists() else None
    if installed != PYODIDE_VERSION:
        raise BuildError(f"node_modules holds pyodide {installed} but package.json pins {PYODIDE_VERSION}: run `npm ci`")
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
    """Copy BokehJS, the Panel files pages load (runtime.PANEL_DIST) and CodeMirror so pages load nothing from a CDN."""
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
        destination = panel_target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(panel_dist / name, destination)
        written.append(destination)
    for name in CODEMIRROR_FILES:
        source, destination = CODEMIRROR_NPM / name, out / STATIC / "codemirror" / Path(name).name
        if not source.exists():
            raise BuildError(f"{source} is missing: run `npm ci`")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        written.append(destination)
    return written


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
                # A fixed date: the same sources make the same bytes, so an update skips this file.
                entry = zipfile.ZipInfo(path.relative_to(staging).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
                archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)
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
    if ".dist-info/" in member and member.rsplit("/", 1)[-1].upper().startswith(("LICEN", "COPYING", "NOTICE")):
        return False  # licence texts stay: the notices page links them
    if any(member.startswith(prefix) for prefix in SLIM_PREFIXES):
        return True
    if any(member.endswith(suffix) for suffix in SLIM_SUFFIXES):
        return True
    return "/tests/" in member


def byte_compile(out, staging):
    """Compile every .py beside itself with the browser's own Python 3.13 (Pyodide under Node)."""
    script = Path(__file__).with_name("pyodide_compile.mjs")
    result = subprocess.run(
        ["node", str(script), str(out / STATIC / "pyodide"), str(staging)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"byte-compiling with Pyodide failed:\n{result.stdout}\n{result.stderr}")
