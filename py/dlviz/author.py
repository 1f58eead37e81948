"""Author mode: every lesson served live by CPython's Panel server, reloading on edits.

    python -m dlviz serve [--port 5006] [--no-reload]

A teacher edits a lesson's Markdown in dlviz/lessons/ or its figures in
dlviz/figures/ and the open page reloads with the change. The text is read by the
lesson format's own parser and renderer (dlviz.lesson_markdown), as the site's pages
are; each quiz shows its options with the answer behind a reveal. The figures are
the same objects the browser runs; only the server differs.
"""

import argparse

import panel as pn

from dlviz.course import LESSON_TEXT, available_lessons, lesson_text
from dlviz.lesson_markdown import lesson_parts, markdown_renderer, quiz_markdown
from dlviz.page import lesson_figures


def lesson_page(lesson):
    """A Panel page of the lesson: its text, quizzes and captions as the site renders them, its live figures in place."""
    figures = lesson_figures(lesson.slug)
    renderer = markdown_renderer()

    def html(markdown, **options):
        return pn.pane.HTML(renderer.render(markdown), sizing_mode="stretch_width", **options)

    column = pn.Column(sizing_mode="stretch_width", styles={"max-width": "1100px", "margin": "auto"})
    for kind, *part in lesson_parts(lesson_text(lesson)):
        if kind == "markdown":
            column.append(html(part[0]))
        elif kind == "figure":
            name, caption = part
            column.append(pn.Column(figures[name], css_classes=["course-figure", f"figure-{name}"], sizing_mode="stretch_width"))
            column.append(html(f"*{caption}*"))
        else:
            column.append(html(quiz_markdown(part[0]), css_classes=["quiz"]))
    return column


def author_pages():
    """{url path: page factory} for every lesson whose text exists."""
    return {lesson.slug: lambda lesson=lesson: lesson_page(lesson) for lesson in available_lessons()}


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
