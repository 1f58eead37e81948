"""The Web Worker's side of a page: open a lesson's figures one by one and keep them in sync.

Runs only in Pyodide. The worker's JavaScript calls `open_lesson` when a page
asks for its figures, `open_figure` for each (the one the learner sees first),
`link` once the page has drawn it, and `apply_patch` for every change the
learner makes. Each figure has its own document, so one can answer while the
next is still being built; a new lesson replaces them all, and one worker (one
Python start-up) serves every lesson of a tab.
"""

import asyncio
import json

from panel.io.pyodide import _convert_json_patch, _link_docs_worker, init_doc
from panel.io.state import state

from dlviz.page import build_figure, document_json, figure_document

_lesson = {"slug": None, "states": {}}
_open_figures = {}  # name -> figure
_documents = {}  # name -> its Bokeh document


def _quiet_about_cancelled_tasks(loop, context):
    """Panel cancels its periodic task when an animation stops; that is not an error."""
    if isinstance(context.get("exception"), asyncio.CancelledError):
        return
    loop.default_exception_handler(context)


asyncio.get_event_loop().set_exception_handler(_quiet_about_cancelled_tasks)


def open_lesson(slug, states_json="{}"):
    """Close the open figures and remember which lesson, and which link state, come next."""
    close_lesson()
    _lesson.update(slug=slug, states=json.loads(states_json))


def open_figure(name):
    """Build one figure of the open lesson in a document of its own; return its JSON for the page."""
    init_doc()
    figure = build_figure(_lesson["slug"], name, _lesson["states"].get(name))
    document = figure_document(figure, state.curdoc)
    rendered = json.dumps(document_json(document))
    # Built as if served (init_doc); from now on changes apply at once, as Panel's write_doc does.
    document._session_context = None
    _open_figures[name], _documents[name] = figure, document
    return rendered


def close_lesson():
    """Stop whatever the open figures run on their own (animations, training), and forget them."""
    for figure in _open_figures.values():
        stop = getattr(figure, "stop", None)
        if stop:
            stop()
    _open_figures.clear()
    _documents.clear()


def link(name, send_patch, tag):
    """Send every later change of the figure's document to the page, tagged `tag`."""
    _link_docs_worker(_documents[name], send_patch, msg_id=tag, setter="js")


def apply_patch(name, patch):
    """Apply a change the page made (a slider moved) to the figure's document."""
    _documents[name].apply_json_patch(_convert_json_patch(patch), setter="js")


def figure_states():
    """The open figures' parameters that differ from their defaults, as JSON: for the page's URL and tests."""
    states = {}
    for name, figure in _open_figures.items():
        changed = {
            key: value for key, value in figure.state().items() if value != figure.param[key].default
        }
        if changed:
            states[name] = changed
    return json.dumps(states, default=float)
