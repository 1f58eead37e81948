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
from html import escape as escape_html
from html import unescape as unescape_html
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.container import container_plugin

from dlviz.course import available_lessons, lesson_text
from build_steps.cards import write_cards

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"

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


def markdown_renderer():
    """CommonMark with tables, heading anchors, `::: figure NAME` blocks and ```quiz fences."""
    renderer = MarkdownIt("commonmark", {"html": True, "typographer": True})
    renderer.add_render_rule("fence", render_fence)
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
            f'<figure class="course-figure" data-figure="{name}" aria-describedby="figure-{name}-now">\n'
            f'<div class="figure-root" id="figure-{name}"></div>\n'
            f'<p class="visually-hidden figure-now" id="figure-{name}-now" aria-live="polite"></p>\n<figcaption>'
        )
    return "</figcaption>\n</figure>\n"


def render_fence(renderer, tokens, index, options, env):
    token = tokens[index]
    if token.info.strip() == "quiz":
        quiz = parse_quiz(token.content)
        env["quizzes"] = env.get("quizzes", 0) + 1
        return quiz_html(quiz, f"{env.get('slug', 'quiz')}-q{env['quizzes']}")
    return type(renderer).fence(renderer, tokens, index, options, env)


def parse_quiz(text):
    """A quiz block: question lines, then `+ right :: why`, `- wrong :: why` or `= value ~ tolerance :: why`."""
    question, options, numeric = [], [], None
    for line in text.strip().splitlines():
        marker, rest = line[:1], line[1:].strip()
        answer, _, feedback = rest.partition("::")
        if marker in "+-" and rest:
            options.append({"text": answer.strip(), "correct": marker == "+", "feedback": feedback.strip()})
        elif marker == "=":
            value, _, tolerance = answer.partition("~")
            numeric = {"value": float(value), "tolerance": float(tolerance or 0), "feedback": feedback.strip()}
        elif not options and numeric is None:
            question.append(line)
        else:
            raise ValueError(f"quiz line not understood: {line!r}")
    if not question or not (options or numeric) or (options and not any(o["correct"] for o in options)):
        raise ValueError(f"a quiz needs a question and a right answer:\n{text}")
    return {"question": " ".join(question), "options": options, "numeric": numeric}


def quiz_html(quiz, quiz_id):
    """A check-your-understanding form; learner.js checks it and remembers the answer."""
    inline = MarkdownIt("commonmark", {"typographer": True}).renderInline
    parts = [
        f'<form class="quiz" data-quiz="{quiz_id}" aria-labelledby="{quiz_id}-question">',
        '<p class="quiz-label">Check your understanding</p>',
        f'<p class="quiz-question" id="{quiz_id}-question">{inline(quiz["question"])}</p>',
    ]
    if quiz["numeric"]:
        numeric = quiz["numeric"]
        parts.append(
            f'<label class="quiz-number">Your answer <input type="text" inputmode="decimal" name="{quiz_id}" '
            f'data-value="{numeric["value"]!r}" data-tolerance="{numeric["tolerance"]!r}" '
            f'data-feedback="{escape_attribute(inline(numeric["feedback"]))}" autocomplete="off"></label>'
        )
    else:
        parts.append('<fieldset><legend class="visually-hidden">Choose an answer</legend>')
        for number, option in enumerate(quiz["options"]):
            parts.append(
                f'<label class="quiz-option"><input type="radio" name="{quiz_id}" value="{number}" '
                f'data-correct="{str(option["correct"]).lower()}" '
                f'data-feedback="{escape_attribute(inline(option["feedback"]))}"> '
                f'<span>{inline(option["text"])}</span></label>'
            )
        parts.append("</fieldset>")
    parts.append('<button type="submit">Check</button>')
    parts.append('<div class="quiz-feedback" role="status" aria-live="polite"></div>')
    parts.append("</form>")
    return "\n".join(parts) + "\n"


def escape_attribute(html):
    return html.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def lesson_html(lesson):
    """The lesson's text as HTML, the figure names it places, and its question ids, in order."""
    env = {"slug": lesson.slug}
    html = markdown_renderer().render(lesson_text(lesson), env)
    return html, env.get("figures", []), [f"{lesson.slug}-q{n}" for n in range(1, env.get("quizzes", 0) + 1)]


def prerendered_figures(lesson, placed, readouts=None):
    """Each figure's first state as the page embeds it (one document each), checked against the text.

    `readouts`, a dict, receives each figure's read-out as text: its first text alternative.
    """
    from dlviz.course import figure_classes
    from dlviz.page import build_figure, document_json, figure_document

    defined = list(figure_classes(lesson))
    missing = [name for name in placed if name not in defined]
    unplaced = [name for name in defined if name not in placed]
    if missing or unplaced:
        raise ValueError(
            f"{lesson.slug}: the text places figures its module lacks {missing} "
            f"and the module has figures the text never places {unplaced}"
        )
    figures = {name: build_figure(lesson.slug, name) for name in placed}
    if readouts is not None:
        readouts.update({name: readout_text(figure) for name, figure in figures.items()})
    data = {name: document_json(figure_document(figure)) for name, figure in figures.items()}
    # Safe inside <script>: no "</" can close the tag early.
    return json.dumps(data, separators=(",", ":"), default=float).replace("</", "<\\/")


def readout_text(figure):
    """What a figure's read-out says, as plain text."""
    numbers = getattr(figure, "numbers", None)
    text = re.sub(r"<[^>]+>", "", str(getattr(numbers, "object", "") or ""))
    return re.sub(r"\s+", " ", unescape_html(text)).strip()


def with_readouts(html, readouts):
    """The lesson's HTML with each figure's live region already saying what the figure shows.

    Filled in here, the region has its text before any script runs (and without one), and
    a screen reader hears it change only when the learner changes the figure.
    """
    for name, text in readouts.items():
        empty = f'id="figure-{name}-now" aria-live="polite"></p>'
        html = html.replace(empty, f'id="figure-{name}-now" aria-live="polite">{escape_html(text)}</p>')
    return html


def package_wheel_name():
    """The file name of our package's wheel, which the notebooks install."""
    from build_steps.notebooks import wheel_name

    return wheel_name()


def page_scripts():
    """The JS every lesson page loads, in order: BokehJS, then Panel's models."""
    from build import BOKEH_JS, panel_dist_url

    return [f"static/bokeh/{name}" for name in BOKEH_JS] + [f"{panel_dist_url()}panel.min.js"]


def templates():
    return Environment(
        loader=FileSystemLoader(SITE / "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


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
    written += write_cards(static / "cards")

    lessons = [lesson for lesson in available_lessons() if only is None or lesson.slug in only]
    jinja = templates()
    common = {"lessons": lessons, "csp": CONTENT_SECURITY_POLICY}
    quizzes = {}
    for number, lesson in enumerate(lessons, start=1):
        html, placed, quizzes[lesson.slug] = lesson_html(lesson)
        readouts = {}
        figures_json = prerendered_figures(lesson, placed, readouts)
        html = with_readouts(html, readouts)
        page = jinja.get_template("lesson.html").render(
            **common,
            slug=lesson.slug,
            title=lesson.title,
            description=lesson.summary,
            number=number,
            html=Markup(html),
            figures_json=Markup(figures_json),
            scripts=page_scripts(),
            python=True,
            wheel=package_wheel_name(),
            previous=lessons[number - 2] if number > 1 else None,
            next=lessons[number] if number < len(lessons) else None,
        )
        path = out / f"{lesson.slug}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)

    front = jinja.get_template("index.html").render(
        **common, slug="", title="A Visual Introduction to Deep Learning", quizzes=quizzes,
        wheel=package_wheel_name(),
        description="An interactive course in deep learning that runs in your browser.",
    )
    (out / "index.html").write_text(front, encoding="utf-8")
    written.append(out / "index.html")
    return written


def page_weights(out):
    """(page, bytes) for each page: the HTML plus every file it or its worker loads."""
    from build import PYODIDE_RUNTIME

    out = Path(out)
    shared = [out / script for script in page_scripts()]
    shared += [out / "static" / name for name in ("course.js", "course.css", "worker.js", "python.zip")]
    shared += list((out / "static" / "pyodide").glob("*.whl"))
    shared += [out / "static" / "pyodide" / name for name in PYODIDE_RUNTIME if name != "pyodide.mjs"]
    shared_bytes = sum(path.stat().st_size for path in shared if path.exists())
    return [
        (page.name, page.stat().st_size + shared_bytes)
        for page in sorted(out.glob("*.html")) if page.name != "index.html"
    ]
