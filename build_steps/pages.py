"""The build's `render_pages` step: every lesson page and the front page, from site/templates/.

A lesson's text (dlviz.lesson_markdown) becomes the page's HTML; at build time each
figure it places is built from the same Python the browser runs, and its first state
is serialised into the page, so text and figures are on screen before Python starts.
"""

import gzip
import json
import shutil
from html import escape as escape_html
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from build_steps import BuildError
from build_steps.cards import write_cards
from build_steps.code_panels import with_code_panels
from build_steps.notebooks import colab_url, github_repository
from build_steps.runtime import PANEL_CDN_ROOT, PYODIDE_PACKAGES, PYODIDE_RUNTIME, ROOT, runtime_scripts
from build_steps.wheel import wheel_name
from dlviz.course import TITLE, available_lessons, figure_classes, lesson_text
from dlviz.lesson_markdown import lesson_html, lesson_parts, quiz_answers
from dlviz.precompute import BUDGET
from dlviz.teaching import TEACHING

SITE = ROOT / "site"

# The page's own scripts (site/static/), one job each, in the order a page loads them:
# in <head>, before the page is drawn (on a lesson page live.js starts Python at once);
# deferred, the learner's side on every page; deferred after BokehJS, the figures' side.
HEAD_SCRIPTS = ["embed.js", "teacher.js", "scorm.js", "quizzes.js"]
LESSON_HEAD_SCRIPTS = ["live.js"]
LEARNER_SCRIPTS = ["progress.js", "front-page.js", "offline.js"]
FIGURE_SCRIPTS = ["status.js", "draw.js", "waiting.js", "precomputed.js", "announce.js", "state.js", "navigate.js", "code.js", "try.js"]

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

def prerendered_figures(lesson, placed, readouts=None):
    """Each figure's first state as the page embeds it (one document each), checked against the text, and the
    states of the figures that declare them precomputed (dlviz.precompute), both as JSON for the page.

    `readouts`, a dict, receives each figure's read-out as text: its first text alternative.
    """
    from dlviz.page import build_figure, document_json, figure_document
    from dlviz.precompute import figure_states

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
        readouts.update({name: figure.readout_text() for name, figure in figures.items()})
    documents = {name: figure_document(figure) for name, figure in figures.items()}
    data = {name: document_json(document) for name, document in documents.items()}
    states = {
        name: figure_states(name, figures[name], documents[name])
        for name in placed
        if getattr(figures[name], "precomputed", None)
    }
    return script_json(data), script_json(states)


def script_json(data):
    """`data` as JSON safe inside <script>: no "</" can close the tag early."""
    return json.dumps(data, separators=(",", ":"), default=float).replace("</", "<\\/")


def check_precomputed_budget(slug, states_json):
    """The gzip-compressed size of a lesson's precomputed states; a BuildError over dlviz.precompute.BUDGET."""
    size = len(gzip.compress(states_json.encode("utf-8"), 9))
    if size > BUDGET:
        raise BuildError(
            f"{slug}: its figures' precomputed states take {size / 1000:.0f} KB compressed, over the "
            f"{BUDGET / 1000:.0f} KB budget: declare fewer states (a figure's `precomputed`)"
        )
    return size


def with_readouts(html, readouts):
    """The lesson's HTML with each figure's live region already saying what the figure shows.

    Filled in here, the region has its text before any script runs (and without one), and
    a screen reader hears it change only when the learner changes the figure.
    """
    for name, text in readouts.items():
        empty = f'id="figure-{name}-now" aria-live="polite"></p>'
        html = html.replace(empty, f'id="figure-{name}-now" aria-live="polite">{escape_html(text)}</p>')
    return html


def templates():
    return Environment(
        loader=FileSystemLoader(SITE / "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )


def fill_in_worker(worker):
    """Tell the worker which of Pyodide's packages to load, and where Panel's files are: the runtime's facts."""
    source = worker.read_text(encoding="utf-8")
    source = source.replace("[] /* __PYODIDE_PACKAGES__ filled in by the build */", json.dumps(PYODIDE_PACKAGES))
    source = source.replace('"" /* __PANEL_CDN_ROOT__ filled in by the build */', json.dumps(PANEL_CDN_ROOT))
    source = source.replace("0 /* __DOWNLOAD_BYTES__ filled in by the build */", str(download_bytes(worker.parent)))
    worker.write_text(source, encoding="utf-8")


def download_bytes(static):
    """What the worker fetches, in bytes: Pyodide's files but the scripts it imports, and the course."""
    fetched = [path for path in (static / "pyodide").glob("*") if path.suffix != ".js"] + [static / "python.zip"]
    return sum(path.stat().st_size for path in fetched if path.exists())


def render_pages(out, version, lessons=None, **_):
    """Write static/ assets, every lesson page (or only `lessons`, by slug) and the front page into `out`;
    each page carries the build's `version` (in its footer and as <html data-build>)."""
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

    chosen = [lesson for lesson in available_lessons() if lessons is None or lesson.slug in lessons]
    jinja = templates()
    common = {"lessons": chosen, "csp": CONTENT_SECURITY_POLICY, "wheel": wheel_name(), "version": version}
    quizzes = {}
    for number, lesson in enumerate(chosen, start=1):
        html, placed, quizzes[lesson.slug] = lesson_html(lesson)
        readouts = {}
        figures_json, states_json = prerendered_figures(lesson, placed, readouts)
        size = check_precomputed_budget(lesson.slug, states_json)
        print(f"    precomputed states of {lesson.slug}: {size / 1000:.0f} KB of {BUDGET / 1000:.0f} KB compressed")
        html = with_code_panels(with_readouts(html, readouts), figure_classes(lesson))
        page = jinja.get_template("lesson.html").render(
            **common,
            slug=lesson.slug,
            title=lesson.title,
            description=lesson.summary,
            number=number,
            html=Markup(html),
            figures_json=Markup(figures_json),
            colab=colab_url(lesson.slug, github_repository()) if github_repository() else None,
            precomputed_json=Markup(states_json),
            runtime_scripts=runtime_scripts(),
            scripts={"head": HEAD_SCRIPTS + LESSON_HEAD_SCRIPTS, "learner": LEARNER_SCRIPTS, "figures": FIGURE_SCRIPTS},
            previous=chosen[number - 2] if number > 1 else None,
            next=chosen[number] if number < len(chosen) else None,
        )
        path = out / f"{lesson.slug}.html"
        path.write_text(page, encoding="utf-8")
        written.append(path)

    front = jinja.get_template("index.html").render(
        **common, slug="", title=TITLE, quizzes=quizzes, scripts={"head": HEAD_SCRIPTS, "learner": LEARNER_SCRIPTS},
        description="An interactive course in deep learning that runs in your browser.",
    )
    (out / "index.html").write_text(front, encoding="utf-8")
    written.append(out / "index.html")
    written.append(write_teachers_page(out, jinja, common, chosen))
    return written


TEACHERS = "teachers.html"


def write_teachers_page(out, jinja, common, chosen):
    """teachers.html: each chosen lesson's goals, time and discussion prompts (dlviz.teaching), and the
    answer key of its questions, taken from the lesson's own text; returns its path."""
    inline = MarkdownIt("commonmark", {"typographer": True}).renderInline
    guide = []
    for lesson in chosen:
        if lesson.slug not in TEACHING:
            raise BuildError(f"{lesson.slug} has no goals, time and prompts in dlviz/teaching.py")
        answers = [
            {"question": Markup(inline(part[1]["question"])), "answer": Markup(inline(answer)), "why": Markup(inline(why))}
            for part in lesson_parts(lesson_text(lesson)) if part[0] == "quiz" for answer, why in quiz_answers(part[1])
        ]
        guide.append({**lesson._asdict(), **TEACHING[lesson.slug]._asdict(), "answers": answers})
    page = jinja.get_template("teachers.html").render(
        **common, slug="", title="For teachers", guide=guide, total_minutes=sum(item["minutes"] for item in guide),
        scripts={"head": HEAD_SCRIPTS, "learner": LEARNER_SCRIPTS},
        description="Goals, timings, discussion prompts and the answer key of every lesson, and how to embed the course or import it into an LMS.",
    )
    path = out / TEACHERS
    path.write_text(page, encoding="utf-8")
    return path


def page_weights(out):
    """(page, bytes) for each page: the HTML plus every file it or its worker loads."""
    out = Path(out)
    shared = [out / script for script in runtime_scripts()]
    own = HEAD_SCRIPTS + LESSON_HEAD_SCRIPTS + LEARNER_SCRIPTS + FIGURE_SCRIPTS + ["course.css", "doing.css", "print.css", "phone.css", "worker.js", "python.zip"]
    shared += [out / "static" / name for name in own]
    shared += list((out / "static" / "pyodide").glob("*.whl"))
    shared += [out / "static" / "pyodide" / name for name in PYODIDE_RUNTIME]
    shared_bytes = sum(path.stat().st_size for path in shared if path.exists())
    return [
        (page.name, page.stat().st_size + shared_bytes)
        for page in sorted(out.glob("*.html")) if (page.stem in {lesson.slug for lesson in available_lessons()})
    ]
