"""The build's `render_pages` step: lesson Markdown to HTML, with figures pre-rendered.

A lesson's text places a figure with a container block; its body is the caption:

    ::: figure polynomial_fit
    Drag the degree up: the training error keeps falling, the held-out error does not.
    :::

At build time each figure is built from the same Python the browser runs, and
its first state is serialised into the page, so text and figures are on screen
before Python starts.
"""

import json
import re
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
LESSON_TEXT = SITE / "lessons"

# As strict as Pyodide, BokehJS and Panel allow: everything from this origin;
# WebAssembly compiled from our own files; 'unsafe-eval' because Panel's HTML
# and Markdown panes render through `new Function`; inline styles because Bokeh
# sets them on the elements it draws.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
])

FIGURE_BLOCK = re.compile(r"^figure\s+([a-z][a-z0-9_]*)\s*$")


def available_lessons():
    """The lessons whose text exists, in the course's order."""
    from dlviz.course import LESSONS

    return [lesson for lesson in LESSONS if (LESSON_TEXT / f"{lesson.slug}.md").exists()]


def markdown_renderer():
    """CommonMark with tables, heading anchors and `::: figure NAME` blocks."""
    renderer = MarkdownIt("commonmark", {"html": True, "typographer": True})
    renderer.enable(["table", "strikethrough"])
    renderer.use(anchors_plugin, min_level=2, max_level=3)
    renderer.use(
        container_plugin,
        "figure",
        validate=lambda params, *_: bool(FIGURE_BLOCK.match(params.strip())),
        render=render_figure_block,
    )
    return renderer


def render_figure_block(renderer, tokens, index, options, env):
    token = tokens[index]
    if token.nesting == 1:
        name = FIGURE_BLOCK.match(token.info.strip()).group(1)
        env.setdefault("figures", []).append(name)
        return (
            f'<figure class="course-figure" data-figure="{name}">\n'
            f'<div class="figure-root" id="figure-{name}"></div>\n<figcaption>'
        )
    return "</figcaption>\n</figure>\n"


def lesson_html(lesson):
    """The lesson's text as HTML, and the figure names it places, in order."""
    env = {}
    html = markdown_renderer().render((LESSON_TEXT / f"{lesson.slug}.md").read_text(encoding="utf-8"), env)
    return html, env.get("figures", [])


def prerendered_figures(lesson, placed):
    """The figures' first state as the page embeds it, checked against the text."""
    from dlviz.course import figure_classes
    from dlviz.page import document_json, lesson_document, lesson_figures

    defined = list(figure_classes(lesson))
    missing = [name for name in placed if name not in defined]
    unplaced = [name for name in defined if name not in placed]
    if missing or unplaced:
        raise ValueError(
            f"{lesson.slug}: the text places figures its module lacks {missing} "
            f"and the module has figures the text never places {unplaced}"
        )
    docs_json, render_items, roots = document_json(lesson_document(lesson_figures(lesson.slug)))
    data = {
        "docs_json": json.loads(docs_json),
        "render_items": json.loads(render_items),
        "roots": json.loads(roots),
    }
    # Safe inside <script>: no "</" can close the tag early.
    return json.dumps(data, separators=(",", ":")).replace("</", "<\\/")


def page_scripts():
    """The JS every lesson page loads, in order: BokehJS, then Panel's models."""
    from build import BOKEH_JS, panel_dist_url

    return [f"static/bokeh/{name}" for name in BOKEH_JS] + [f"{panel_dist_url()}panel.min.js"]


def templates():
    return Environment(
        loader=FileSystemLoader([SITE / "templates", ROOT]),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def first_heading_text(html):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def fill_in_worker(worker):
    """Tell the worker which of Pyodide's packages to load: the build's list."""
    from build import PYODIDE_PACKAGES

    source = worker.read_text(encoding="utf-8")
    placeholder = "[] /* __PYODIDE_PACKAGES__ filled in by the build */"
    worker.write_text(source.replace(placeholder, json.dumps(PYODIDE_PACKAGES)), encoding="utf-8")


def render_site(out, only=None):
    """Write static/ assets, every lesson page (or those in `only`) and the front page into `out`."""
    from markupsafe import Markup

    out = Path(out)
    written = []
    static = out / "static"
    for source in (SITE / "static").rglob("*"):
        if source.is_file():
            destination = static / source.relative_to(SITE / "static")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
            written.append(destination)
    fill_in_worker(static / "worker.js")

    lessons = [lesson for lesson in available_lessons() if only is None or lesson.slug in only]
    jinja = templates()
    common = {"lessons": lessons, "csp": CONTENT_SECURITY_POLICY}
    for number, lesson in enumerate(lessons, start=1):
        html, placed = lesson_html(lesson)
        page = jinja.get_template("lesson.html").render(
            **common,
            slug=lesson.slug,
            title=lesson.title,
            description=lesson.summary,
            number=number,
            html=Markup(html),
            figures_json=Markup(prerendered_figures(lesson, placed)),
            scripts=page_scripts(),
            previous=lessons[number - 2] if number > 1 else None,
            next=lessons[number] if number < len(lessons) else None,
        )
        path = out / f"{lesson.slug}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)

    front = jinja.get_template("index.html").render(
        **common, slug="", title="A Visual Introduction to Deep Learning",
        description="An interactive course in deep learning that runs in your browser.",
    )
    (out / "index.html").write_text(front, encoding="utf-8")
    written.append(out / "index.html")
    return written


def page_weights(out):
    """(page, bytes) for each page: the HTML plus every file it or its worker loads."""
    out = Path(out)
    shared = [out / script for script in page_scripts()]
    shared += [out / "static" / name for name in ("course.js", "course.css", "worker.js", "python.zip")]
    shared += list((out / "static" / "pyodide").glob("*.whl"))
    shared += [out / "static" / "pyodide" / name for name in ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")]
    shared_bytes = sum(path.stat().st_size for path in shared if path.exists())
    return [
        (page.name, page.stat().st_size + shared_bytes)
        for page in sorted(out.glob("*.html")) if page.name != "index.html"
    ]
