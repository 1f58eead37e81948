"""Our package as a pure-Python wheel: what the notebooks pip install, linked from every page.

Written with zipfile rather than `pip wheel`: the venv need not hold setuptools
(Python 3.12's venvs do not), and fixed dates give the same bytes every build.
"""

import base64
import hashlib
import tomllib
import zipfile

from build_steps.runtime import ROOT

PACKAGE = ROOT / "py" / "dlviz"
WHEEL_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip holds: the same bytes every build


def wheel_name():
    """The wheel's file name, from pyproject.toml's name and version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name'].replace('-', '_')}-{project['version']}-py3-none-any.whl"


def write_wheel(target):
    """Our package as a pure-Python wheel in `target`, metadata from pyproject.toml; return its path."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name, version = project["name"].replace("-", "_"), project["version"]
    dist_info = f"{name}-{version}.dist-info"
    path = target / wheel_name()
    files = {
        path.relative_to(PACKAGE.parent).as_posix(): path.read_bytes()
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    files[f"{dist_info}/METADATA"] = wheel_metadata(project).encode()
    files[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: dlviz build.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files[f"{dist_info}/RECORD"] = wheel_record(files, f"{dist_info}/RECORD").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in files.items():
            info = zipfile.ZipInfo(member, date_time=WHEEL_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def wheel_metadata(project):
    """The METADATA file (core metadata 2.1): name, version, and the dependencies and extras of pyproject."""
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
        f"Summary: {project['description']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    license = project.get("license")
    if license:  # an SPDX expression, or the older table `{ text = ... }`
        lines.append(f"License: {license if isinstance(license, str) else license['text']}")
    lines += [f"Requires-Dist: {requirement}" for requirement in project["dependencies"]]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {requirement}; extra == "{extra}"' for requirement in requirements]
    return "\n".join(lines) + "\n"


def wheel_record(files, record_name):
    """The RECORD file: each member's path, sha256 (urlsafe base64, unpadded) and size; RECORD itself last."""
    rows = []
    for member, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        rows.append(f"{member},sha256={digest},{len(data)}")
    return "\n".join(rows + [f"{record_name},,"]) + "\n"
