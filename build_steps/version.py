"""The build's version: the package's version plus a short hash of what the site is built from.

Every page shows it in its footer and carries it in the DOM, the service worker names its cache
after it, and the SCORM manifests record it, so a teacher can tell which build a class is using.
Two builds of the same sources with the same options share a version; any change makes a new one.
"""

import hashlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("build.py", "build_steps", "py/dlviz", "site", "package-lock.json", "requirements.lock", "pyproject.toml")
"""The files and folders the site is built from (relative to the repository)."""


def package_version():
    """The course package's version, from pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def source_files():
    """Every file under SOURCES, sorted, without Python's caches."""
    files = []
    for name in SOURCES:
        path = ROOT / name
        found = [path] if path.is_file() else [item for item in path.rglob("*") if item.is_file()]
        files += [item for item in found if "__pycache__" not in item.parts and item.suffix != ".pyc"]
    return sorted(files)


def build_version(options=""):
    """'<package version>+<8 hex digits>': the hash covers every source file (name and bytes)
    and `options`, the build options that change the output (such as the chosen lessons)."""
    digest = hashlib.sha256(options.encode())
    for path in source_files():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{package_version()}+{digest.hexdigest()[:8]}"
