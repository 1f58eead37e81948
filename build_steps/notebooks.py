"""The build's `export_notebooks` step: each lesson as a Jupyter notebook, our package as a wheel.

A notebook is its lesson's text cut at the figures and questions, read with the
site's own Markdown parser: the prose stays Markdown, each `::: figure NAME`
block becomes a code cell that builds the figure from its module (the same
Python the site runs) followed by its caption, and each `quiz` fence becomes
Markdown with the answer behind a `<details>` reveal. A teacher pip installs the
`dlviz` wheel written beside the notebooks and runs them top to bottom.

Both are deterministic: no outputs, cell ids from the lesson and the cell's
place, fixed dates in the wheel, so an unchanged course rebuilds identical files.
"""

import base64
import hashlib
import tomllib
import zipfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from dlviz.course import available_lessons, lesson_text
from build_steps.pages import markdown_renderer, parse_quiz

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "py" / "dlviz"
NOTEBOOKS = "notebooks"
COURSE_TITLE = "A Visual Introduction to Deep Learning"
KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}
WHEEL_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip holds: the same bytes every build


def write_notebooks(out):
    """Write out/notebooks/<slug>.ipynb for every lesson and the dlviz wheel beside them; return the paths."""
    target = Path(out) / NOTEBOOKS
    target.mkdir(parents=True, exist_ok=True)
    wheel = write_wheel(target)
    written = [wheel]
    for number, lesson in enumerate(available_lessons(), start=1):
        path = target / f"{lesson.slug}.ipynb"
        nbformat.write(lesson_notebook(lesson, number, wheel.name), path)
        written.append(path)
    return written


# ---------------------------------------------------------------- notebooks


def lesson_notebook(lesson, number, wheel_name):
    """The lesson as an nbformat v4 notebook: how to run it, then its text, figures and questions."""
    cells = opening_cells(lesson, number, wheel_name) + lesson_cells(lesson)
    for index, cell in enumerate(cells):
        cell.id = f"{lesson.slug}-{index}"
    return new_notebook(cells=cells, metadata=KERNEL)


def opening_cells(lesson, number, wheel_name):
    """The title and how to run the notebook, a cell installing the wheel if need be, and Panel's set-up."""
    title = (
        f"# {lesson.title}\n\n"
        f"Lesson {number} of *{COURSE_TITLE}*. {lesson.summary}\n\n"
        f"**To run this notebook**, pip install the course package: the `dlviz` wheel beside this "
        f"notebook, `{wheel_name}` (the next cell does it if `dlviz` is missing). Then run every cell "
        f"from the top. The figures are live: move their controls and they update."
    )
    install = f"try:\n    import dlviz\nexcept ImportError:\n    %pip install {wheel_name}"
    setup = "import panel as pn\n\npn.extension()"
    return [new_markdown_cell(title), new_code_cell(install), new_code_cell(setup)]


def lesson_cells(lesson):
    """The lesson's text as cells: Markdown between the figure blocks and quiz fences, which become cells of their own."""
    source = lesson_text(lesson)
    lines = source.splitlines()
    tokens = [token for token in markdown_renderer().parse(source) if token.level == 0]
    cells, position = [], title_end(tokens)
    for token in tokens:
        if token.type == "container_figure_open":
            start, closing = token.map  # the container's map stops at its closing `:::` line
            cells += markdown_cells(lines[position:start])
            cells += figure_cells(lesson, token.info.split()[-1], " ".join(lines[start + 1:closing]))
            position = closing + 1
        elif token.type == "fence" and token.info.strip() == "quiz":
            cells += markdown_cells(lines[position:token.map[0]])
            cells.append(new_markdown_cell(quiz_markdown(parse_quiz(token.content))))
            position = token.map[1]
    return cells + markdown_cells(lines[position:])


def title_end(tokens):
    """The line after the text's leading `# Title` (the opening cell shows the title), else 0."""
    first = tokens[0] if tokens else None
    return first.map[1] if first and first.type == "heading_open" and first.tag == "h1" else 0


def markdown_cells(lines):
    """One Markdown cell of `lines`, or none when they are blank."""
    text = "\n".join(lines).strip()
    return [new_markdown_cell(text)] if text else []


def figure_cells(lesson, name, caption):
    """A code cell building figure `name` from its module and showing it, then its caption in italics."""
    from dlviz.course import figure_classes

    figure_class = figure_classes(lesson)[name]
    code = (
        f"from {figure_class.__module__} import {figure_class.__name__}\n\n"
        f"{name} = {figure_class.__name__}()\n"
        f"pn.panel({name})"
    )
    return [new_code_cell(code), new_markdown_cell(f"*{caption.strip()}*")]


def quiz_markdown(quiz):
    """A quiz as Markdown: the question, the options as a list, the answer and its feedback behind a reveal."""
    parts = [f"**Check your understanding.** {quiz['question']}"]
    if quiz["numeric"]:
        numeric = quiz["numeric"]
        margin = f" (give or take {numeric['tolerance']:g})" if numeric["tolerance"] else ""
        answers = [f"**{numeric['value']:g}**{margin}. {numeric['feedback']}"]
    else:
        parts.append("\n".join(f"- {option['text']}" for option in quiz["options"]))
        answers = [f"**{option['text']}.** {option['feedback']}" for option in quiz["options"] if option["correct"]]
    parts += ["<details><summary>Show answer</summary>", *answers, "</details>"]
    return "\n\n".join(parts)


# ---------------------------------------------------------------- the wheel


def wheel_name():
    """The wheel's file name, from pyproject.toml's name and version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['name'].replace('-', '_')}-{project['version']}-py3-none-any.whl"


def write_wheel(target):
    """Our package as a pure-Python wheel in `target`, metadata from pyproject.toml; return its path.

    Written with zipfile rather than `pip wheel`: the venv need not hold setuptools
    (Python 3.12's venvs do not), and fixed dates give the same bytes every build.
    """
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
