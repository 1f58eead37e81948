"""Author mode: every lesson served live by CPython's Panel server, reloading on edits.

    python -m dlviz serve [--port 5006] [--no-reload]

A teacher edits a lesson's Markdown in dlviz/lessons/ or its figures in
dlviz/figures/ and the open page reloads with the change. The figures are the
same objects the browser runs; only the server differs.
"""

import argparse
import re
from pathlib import Path

import panel as pn

from dlviz.course import LESSON_TEXT, available_lessons, lesson_text
from dlviz.page import lesson_figures

FIGURE_BLOCK = re.compile(r"^::: *figure +([a-z][a-z0-9_]*) *\n(.*?)^::: *$", re.M | re.S)


def lesson_parts(text):
    """Split lesson Markdown into ("text", markdown) and ("figure", name, caption) parts."""
    parts, position = [], 0
    for match in FIGURE_BLOCK.finditer(text):
        parts.append(("text", text[position:match.start()]))
        parts.append(("figure", match.group(1), match.group(2).strip()))
        position = match.end()
    parts.append(("text", text[position:]))
    return [part for part in parts if part[0] == "figure" or part[1].strip()]


def lesson_page(lesson):
    """A Panel page of the lesson: its text with its live figures in place."""
    text = lesson_text(lesson)
    figures = lesson_figures(lesson.slug)
    column = pn.Column(sizing_mode="stretch_width", styles={"max-width": "1100px", "margin": "auto"})
    for part in lesson_parts(text):
        if part[0] == "text":
            column.append(pn.pane.Markdown(part[1], sizing_mode="stretch_width"))
        else:
            name = part[1]
            column.append(pn.Column(figures[name], css_classes=["course-figure", f"figure-{name}"], sizing_mode="stretch_width"))
            column.append(pn.pane.Markdown(f"*{part[2]}*", sizing_mode="stretch_width"))
    return column


def author_pages():
    """{url path: page factory} for every lesson whose text exists."""
    pages = {}
    for lesson in available_lessons():
        pages[lesson.slug] = lambda lesson=lesson: lesson_page(lesson)
    return pages


def serve(port=5006, reload=True, show=False, threaded=False):
    """Serve every lesson; blocks, or with threaded=True returns the running server (its `stop()` ends it)."""
    if reload:
        for path in LESSON_TEXT.glob("*.md"):
            pn.io.reload.watch(str(path))
    return pn.serve(
        author_pages(), port=port, address="127.0.0.1", show=show, autoreload=reload,
        threaded=threaded, title={slug: slug for slug in author_pages()},
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m dlviz", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve_command = commands.add_parser("serve", help="serve every lesson with live reload")
    serve_command.add_argument("--port", type=int, default=5006)
    serve_command.add_argument("--no-reload", action="store_true")
    serve_command.add_argument("--show", action="store_true", help="open a browser tab")
    args = parser.parse_args(argv)
    print(f"Author mode: http://127.0.0.1:{args.port}/  (one page per lesson; Ctrl+C stops)")
    serve(port=args.port, reload=not args.no_reload, show=args.show)
