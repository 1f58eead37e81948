"""The Web Worker's side of a page: open a lesson's figures and keep them in sync.

Runs only in Pyodide. The worker's JavaScript calls `open_lesson` when a page
asks for its figures, `link` once the page has drawn them, and `apply_patch`
for every change the learner makes. A new lesson replaces the old one's
document, so one worker (and one Python start-up) serves every lesson.
"""

import asyncio
import json

from panel.io.pyodide import _convert_json_patch, _link_docs_worker, init_doc
from panel.io.state import state

from dlviz.page import document_json, lesson_document, lesson_figures

_open_figures = {}


def _quiet_about_cancelled_tasks(loop, context):
    """Panel cancels its periodic task when an animation stops; that is not an error."""
    if isinstance(context.get("exception"), asyncio.CancelledError):
        return
    loop.default_exception_handler(context)


asyncio.get_event_loop().set_exception_handler(_quiet_about_cancelled_tasks)


def open_lesson(slug, states_json="{}"):
    """Build the lesson's figures in a new document; return its JSON for the page."""
    close_lesson()
    init_doc()
    figures = lesson_figures(slug, json.loads(states_json))
    _open_figures.update(figures)
    document = lesson_document(figures, state.curdoc)
    rendered = document_json(document)
    # Built as if served (init_doc); from now on changes apply at once, as Panel's write_doc does.
    document._session_context = None
    return rendered


def close_lesson():
    """Stop whatever the open figures run on their own (animations, training)."""
    for figure in _open_figures.values():
        stop = getattr(figure, "stop", None)
        if stop:
            stop()
    _open_figures.clear()


def link(send_patch, generation):
    """Send every later change of the open document to the page, tagged `generation`."""
    _link_docs_worker(state.curdoc, send_patch, msg_id=generation, setter="js")


def apply_patch(patch):
    """Apply a change the page made (a slider moved) to the open document."""
    state.curdoc.apply_json_patch(_convert_json_patch(patch), setter="js")


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
