"""The lessons as Jupyter notebooks: valid, complete, reproducible, and running top to bottom."""

import inspect
import os
import re
import subprocess
import sys
import tomllib
import zipfile

import nbformat
import pytest
from nbclient import NotebookClient

from dlviz.course import figure_classes
from dlviz.edits import core_function
from build_steps.notebooks import NOTEBOOKS, export_notebooks
from dlviz.course import available_lessons, lesson_text
from build_steps.runtime import ROOT

CELL_TIMEOUT = 60  # seconds: a cell builds one figure, well under a second here
PANEL_VIEW = "application/vnd.holoviews_exec.v0+json"  # how Panel shows an object in Jupyter


def notebook(built_site, lesson):
    return nbformat.read(built_site / NOTEBOOKS / f"{lesson.slug}.ipynb", as_version=4)


def test_every_lesson_has_a_valid_notebook(built_site):
    names = {path.name for path in (built_site / NOTEBOOKS).glob("*.ipynb")}
    assert names == {f"{lesson.slug}.ipynb" for lesson in available_lessons()}
    for lesson in available_lessons():
        nbformat.validate(notebook(built_site, lesson))


def test_each_figure_has_a_code_cell_and_every_heading_is_kept(built_site):
    for lesson in available_lessons():
        cells = notebook(built_site, lesson).cells
        code = [cell.source for cell in cells if cell.cell_type == "code"]
        markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
        built = [source for source in code if "pn.panel(" in source]
        assert len(built) == len(figure_classes(lesson)), lesson.slug
        for name, figure_class in figure_classes(lesson).items():
            assert f"{name} = {figure_class.__name__}()" in "\n".join(built)
        text = lesson_text(lesson)
        for heading in re.findall(r"^#{1,6} .+$", text, re.M):
            assert heading in markdown, f"{lesson.slug}: {heading!r} is missing"


def test_each_figure_comes_after_the_core_functions_it_calls_as_code_cells(built_site):
    for lesson in available_lessons():
        code = [cell.source for cell in notebook(built_site, lesson).cells if cell.cell_type == "code"]
        for name, figure_class in figure_classes(lesson).items():
            place = next(index for index, source in enumerate(code) if f"{name} = {figure_class.__name__}()" in source)
            sources = [inspect.getsource(core_function(function)).rstrip() for function in figure_class.core_functions]
            cells = code[place - len(sources):place]
            assert all(cell.endswith(f"import *  # the names it uses\n\n{source}") for cell, source in zip(cells, sources)), \
                f"{lesson.slug}: {name}"
            assert len(cells) == len(sources)


def test_the_first_cell_says_what_live_figures_need(built_site):
    for lesson in available_lessons():
        first = notebook(built_site, lesson).cells[0].source
        assert "jupyter_bokeh" in first and "Colab" in first and "VS Code" in first, lesson.slug


def test_notebooks_store_no_outputs_and_rebuild_identically(built_site, tmp_path):
    for path in export_notebooks(tmp_path):
        assert path.read_bytes() == (built_site / NOTEBOOKS / path.name).read_bytes(), path.name
    for lesson in available_lessons():
        code = [cell for cell in notebook(built_site, lesson).cells if cell.cell_type == "code"]
        assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_the_wheel_names_our_dependencies_and_pip_installs(built_site, tmp_path):
    (wheel,) = (built_site / NOTEBOOKS).glob("dlviz-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert archive.testzip() is None
        assert "dlviz/__init__.py" in archive.namelist()
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        assert f"Requires-Dist: {requirement}\n" in metadata
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-index", "--target", str(tmp_path / "site-packages"), str(wheel)],
        check=True,
    )
    assert (tmp_path / "site-packages" / "dlviz" / "figures" / "fundamentals.py").exists()


@pytest.mark.parametrize("lesson", available_lessons(), ids=lambda lesson: lesson.slug)
def test_notebook_runs_top_to_bottom_and_shows_every_figure(built_site, lesson):
    folder = built_site / NOTEBOOKS
    executed = notebook(built_site, lesson)
    client = NotebookClient(
        executed, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    client.execute(env=kernel_environment())
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    errors = [output for cell in code for output in cell.outputs if output.output_type == "error"]
    assert not errors, errors
    for cell in code:
        if "pn.panel(" in cell.source:
            shown = [kind for output in cell.outputs for kind in output.get("data", {})]
            assert PANEL_VIEW in shown and "text/html" in shown, f"{lesson.slug}: {cell.source!r} showed {shown}"


def kernel_environment():
    """This process's environment with our package importable, and Panel's CDN root left as in a teacher's Jupyter."""
    environment = {key: value for key, value in os.environ.items() if key != "PANEL_CDN_ROOT"}
    environment["PYTHONPATH"] = str(ROOT / "py")
    return environment


def test_published_from_github_each_lesson_opens_its_notebook_in_colab(tmp_path, monkeypatch):
    from build_steps.pages import render_pages
    from build_steps.notebooks import lesson_notebook

    monkeypatch.setenv("GITHUB_REPOSITORY", "A-School/deep-learning")
    lesson = available_lessons()[-1]
    render_pages(tmp_path, version="test", lessons=[lesson.slug])
    page = (tmp_path / f"{lesson.slug}.html").read_text(encoding="utf-8")
    assert (f'href="https://colab.research.google.com/github/A-School/deep-learning/blob/notebooks/'
            f'{lesson.slug}.ipynb"') in page
    install = lesson_notebook(lesson, 6, "dlviz-0.1.0-py3-none-any.whl").cells[1].source
    assert "https://a-school.github.io/deep-learning/notebooks/dlviz-0.1.0-py3-none-any.whl" in install


def test_elsewhere_no_colab_link(built_site):
    assert "colab" not in (built_site / f"{available_lessons()[0].slug}.html").read_text(encoding="utf-8")
