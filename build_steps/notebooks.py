"""The build's `export_notebooks` step: each lesson as a Jupyter notebook, our package as a wheel.

A notebook is its lesson's text cut at the figures and questions by the lesson
format's own parser (dlviz.lesson_markdown): the prose stays Markdown, each `::: figure NAME`
block becomes the core functions the figure calls, one code cell each (the source its page's
"See the Python" shows), a code cell that builds the figure from its module (the same
Python the site runs), and its caption, and each `quiz` fence becomes
Markdown with the answer behind a `<details>` reveal. A teacher pip installs the
`dlviz` wheel written beside the notebooks and runs them top to bottom.

Both are deterministic: no outputs, cell ids from the lesson and the cell's
place, fixed dates in the wheel, so an unchanged course rebuilds identical files.
"""

import os
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from build_steps.code_panels import function_sources
from build_steps.wheel import write_wheel
from dlviz.course import TITLE, available_lessons, figure_classes, lesson_text
from dlviz.lesson_markdown import lesson_parts, quiz_markdown, without_title

NOTEBOOKS = "notebooks"
NOTEBOOKS_BRANCH = "notebooks"
"""The branch .github/workflows/pages.yml publishes the built notebooks to, where Colab opens them."""
LIVE_FIGURES = (
    "**Live figures need Panel's Jupyter extension**, `jupyter_bokeh`: in Jupyter Lab and Notebook "
    "`pip install jupyter_bokeh` then restart Jupyter; in VS Code install it in the notebook's kernel "
    "environment; in Colab run `%pip install jupyter_bokeh` before the set-up cell. Without it the "
    "figures still draw, but their controls do nothing."
)
KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"},
}


def github_repository():
    """"owner/repo" when the build runs in GitHub Actions (it sets GITHUB_REPOSITORY), else None."""
    return os.environ.get("GITHUB_REPOSITORY") or None


def colab_url(slug, repository):
    """Where Colab opens the lesson's notebook, from the notebooks branch of `repository` ("owner/repo")."""
    return f"https://colab.research.google.com/github/{repository}/blob/{NOTEBOOKS_BRANCH}/{slug}.ipynb"


def wheel_url(wheel_name, repository):
    """The wheel on the course's GitHub Pages site, for a notebook opened away from it (in Colab)."""
    owner, _, name = repository.partition("/")
    return f"https://{owner.lower()}.github.io/{name}/{NOTEBOOKS}/{wheel_name}"


def export_notebooks(out, lessons=None, **_):
    """Write out/notebooks/<slug>.ipynb for every lesson (of `lessons`, slugs, if given) and the dlviz wheel
    beside them; return the paths."""
    target = Path(out) / NOTEBOOKS
    target.mkdir(parents=True, exist_ok=True)
    wheel = write_wheel(target)
    written = [wheel]
    chosen = [lesson for lesson in available_lessons() if lessons is None or lesson.slug in lessons]
    for number, lesson in enumerate(chosen, start=1):
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
        f"Lesson {number} of *{TITLE}*. {lesson.summary}\n\n"
        f"**To run this notebook**, pip install the course package: the `dlviz` wheel beside this "
        f"notebook, `{wheel_name}` (the next cell does it if `dlviz` is missing). Then run every cell "
        f"from the top. The figures are live: move their controls and they update.\n\n"
        f"{LIVE_FIGURES}"
    )
    # Beside the notebook the wheel is local; in Colab it comes from the course's GitHub Pages site.
    repository = github_repository()
    if repository:
        install = (
            f"try:\n    import dlviz\nexcept ImportError:\n    import os\n\n"
            f"    wheel = {wheel_name!r} if os.path.exists({wheel_name!r}) else {wheel_url(wheel_name, repository)!r}\n"
            f"    %pip install {{wheel}}"
        )
    else:
        install = f"try:\n    import dlviz\nexcept ImportError:\n    %pip install {wheel_name}"
    setup = "import panel as pn\n\npn.extension()"
    return [new_markdown_cell(title), new_code_cell(install), new_code_cell(setup)]


def lesson_cells(lesson):
    """The lesson's text as cells: Markdown between the figure blocks and quiz fences, which become cells of their own.

    The text's `# Title` is left out: the opening cell shows it.
    """
    cells = []
    for kind, *part in lesson_parts(without_title(lesson_text(lesson))):
        if kind == "markdown":
            cells.append(new_markdown_cell(part[0]))
        elif kind == "figure":
            cells += figure_cells(lesson, *part)
        else:
            cells.append(new_markdown_cell(quiz_markdown(part[0])))
    return cells


def figure_cells(lesson, name, caption):
    """The Python the figure runs (the functions its page shows, one code cell each), a code cell building
    figure `name` from its module and showing it, then its caption in italics."""
    figure_class = figure_classes(lesson)[name]
    code = (
        f"from {figure_class.__module__} import {figure_class.__name__}\n\n"
        f"{name} = {figure_class.__name__}()\n"
        f"pn.panel({name})"
    )
    return [*source_cells(figure_class), new_code_cell(code), new_markdown_cell(f"*{caption}*")]


def source_cells(figure_class):
    """The core functions the figure calls, as the page's "See the Python" shows them: a line saying
    where they come from, then one code cell each, after an import of its module's names (running one
    defines a copy to try out)."""
    sources = function_sources(figure_class)
    if not sources:
        return []
    where = ", ".join(f"`{name.rpartition('.')[2]}` from `{name.rpartition('.')[0].replace('.', '/')}.py`"
                      for name, _ in sources)
    intro = new_markdown_cell(
        f"The numpy behind the next figure: {where}. Running a cell defines a copy of the function "
        "here, to read, call and change; the figure keeps using the course's own."
    )
    return [intro, *(new_code_cell(f"from {name.rpartition('.')[0]} import *  # the names it uses\n\n{source.rstrip()}")
                     for name, source in sources)]
