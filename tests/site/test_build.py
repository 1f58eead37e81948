"""The built site as files: complete, relative, checked, and nothing from another origin."""

import html as html_module
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

import build
from build_steps import BuildError
from build_steps.runtime import PYODIDE_NPM, pyodide_dist
from build_steps.notices import NOTICES
from build_steps.pages import TEACHERS
from build_steps.scorm import PACKAGES
from build_steps.vendor import required_pyodide_packages, sha256, vendor_wheels
from dlviz.course import available_lessons

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


def test_every_lesson_and_the_front_page_are_built(built_site):
    pages = {path.name for path in built_site.glob("*.html")}
    assert all((built_site / name).exists() for name in PACKAGES.values())
    assert pages == {"index.html", NOTICES, TEACHERS, *(f"{lesson.slug}.html" for lesson in available_lessons())}


def test_pages_load_nothing_from_another_origin_and_use_relative_urls(built_site):
    for page in built_site.glob("*.html"):
        html = page.read_text()
        loads = re.findall(r"""<(?:script|link|img|iframe)[^>]*>""", html)
        assert not [tag for tag in loads if EXTERNAL.search(tag)], page.name
        assert not re.search(r"""(?:src|href)=["']/(?!/)""", html), f"{page.name} has a root-relative URL"
        assert "Content-Security-Policy" in html and "default-src 'self'" in html_module.unescape(html)


def test_figures_are_prerendered_into_each_lesson(built_site):
    for lesson in available_lessons():
        html = (built_site / f"{lesson.slug}.html").read_text()
        data = json.loads(re.search(r'<script type="application/json" id="figures-json">(.*?)</script>', html, re.S).group(1))
        assert data, lesson.slug
        for name, figure in data.items():
            assert f'id="figure-{name}"' in html
            assert figure["docs_json"] and figure["root_id"]


def test_panel_resources_point_at_the_site_not_a_cdn(built_site):
    for lesson in available_lessons():
        html = (built_site / f"{lesson.slug}.html").read_text()
        assert "cdn.holoviz.org" not in html and "cdn.bokeh.org" not in html
        assert "static/panel/" in html


def test_python_archive_is_byte_compiled_and_slim(built_site):
    with zipfile.ZipFile(built_site / "static" / "python.zip") as archive:
        names = archive.namelist()
    assert "dlviz/page.pyc" in names and "dlviz/page.py" not in names
    assert "panel/__init__.pyc" in names and "bokeh/__init__.pyc" in names
    assert not [name for name in names if name.startswith(("panel/dist/", "bokeh/server/static/"))]
    assert "dlviz/author.pyc" not in names
    header = zipfile.ZipFile(built_site / "static" / "python.zip").read("dlviz/page.pyc")[:4]
    assert header == (3571).to_bytes(2, "little") + b"\r\n", "bytecode is CPython 3.13's (Pyodide's)"


def test_compiled_wheels_match_the_npm_lock(built_site):
    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text())["packages"]
    for name in required_pyodide_packages(lock):
        wheel = built_site / "static" / "pyodide" / lock[name]["file_name"]
        assert sha256(wheel) == lock[name]["sha256"]


def test_a_corrupt_compiled_wheel_stops_the_build_naming_file_and_hashes(tmp_path):
    source = Path(pyodide_dist())
    corrupt = tmp_path / "pyodide-dist"
    shutil.copytree(source, corrupt)
    wheel = next(corrupt.glob("numpy-*.whl"))
    wheel.chmod(0o644)
    with open(wheel, "r+b") as handle:
        handle.seek(1000)
        handle.write(b"corrupted")
    with pytest.raises(BuildError, match=rf"sha256 mismatch for {re.escape(wheel.name)}: expected [0-9a-f]{{64}}, got [0-9a-f]{{64}}"):
        vendor_wheels(tmp_path / "out", pyodide_dist=corrupt)


def test_a_missing_compiled_wheel_stops_the_build_naming_it(tmp_path):
    empty = tmp_path / "empty-dist"
    empty.mkdir()
    with pytest.raises(BuildError, match=r"numpy-2\.2\.5-.*\.whl is missing"):
        vendor_wheels(tmp_path / "out", pyodide_dist=empty)


def test_build_command_prints_each_named_step(built_site, capsys):
    # The summary rows come from the same step functions the session build ran.
    assert [step.__name__ for step in build.STEPS] == [
        "vendor_pyodide", "vendor_wheels", "vendor_js", "bundle_python", "render_pages", "write_notices", "export_notebooks",
        "write_offline",
        "package_scorm",
    ]
