"""The Web Worker's Python: open a lesson's figures one by one, keep them in sync, report their state.

Runs only in Pyodide; site/static/worker.js calls it (its top lists the messages). It
calls `open_lesson` with the page's query string, untouched, when a page asks for its
figures; `open_figure` for each (the one the learner sees first); `link` once the page
has drawn it; `apply_patch` for every change the learner makes; `set_state` when the
page asks for a figure's state by its query-string form; `change_code` when the learner runs
their own version of a figure's core function (dlviz.edits). After each, `figure_query` and
`page_query` give the page the text to show and to write back into its address
(dlviz.state holds that text form). Each figure has its own document, so one can answer
while the next is still being built; a new lesson replaces them all, and one worker
(one Python start-up) serves every lesson of a tab.
"""

import asyncio
import json
import traceback

from panel.io.pyodide import _convert_json_patch, _link_docs_worker, init_doc
from panel.io.state import state as panel_state

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug
from dlviz.edits import MAX_STATE_CHARS, YOUR_CODE, Edit, python_message
from dlviz.page import build_figure, document_json, figure_document

# The open lesson: its slug, its figures' classes, the page's query string as the page
# opened, and a query string asked for a figure not built yet (set_state), by name.
_lesson = {"slug": None, "classes": {}, "query": "", "asked": {}}
_open_figures = {}  # name -> figure
_documents = {}  # name -> its Bokeh document
_edits = {}  # name -> its Edit, once the learner has run code of their own in it
_from_links = {}  # name -> change_code's result for code the link carried, until the page asks (linked_code)


def _quiet_about_cancelled_tasks(loop, context):
    """Panel cancels its periodic task when an animation stops; that is not an error."""
    if isinstance(context.get("exception"), asyncio.CancelledError):
        return
    loop.default_exception_handler(context)


asyncio.get_event_loop().set_exception_handler(_quiet_about_cancelled_tasks)


def open_lesson(slug, query=""):
    """Close the open figures; remember the lesson that comes next and the page's query string (its link)."""
    close_lesson()
    _lesson.update(slug=slug, classes=figure_classes(lesson_by_slug(slug)), query=query, asked={})


def _query_for(name):
    """The query string figure `name` is to be built from: the one asked for it, else the page's."""
    return _lesson["asked"].get(name, _lesson["query"])


def open_figure(name):
    """Build one figure of the open lesson, in its link's state, in a document of its own; return its JSON for the page."""
    init_doc()
    figure = build_figure(_lesson["slug"], name, _query_for(name))
    source = state.read_code(name, _query_for(name)) if type(figure).changeable else None
    if source is not None:  # a link carries the learner's code: run it before the page draws the figure
        _edits[name] = Edit(figure)
        _from_links[name] = _edits[name].change(source)
    document = figure_document(figure, panel_state.curdoc)
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
    for edit in _edits.values():
        edit.undo()
    _open_figures.clear()
    _documents.clear()
    _edits.clear()
    _from_links.clear()


def link(name, send_patch, tag):
    """Send every later change of the figure's document to the page, tagged `tag`."""
    _link_docs_worker(_documents[name], send_patch, msg_id=tag, setter="js")


def apply_patch(name, patch):
    """Apply a change the page made (a slider moved) to the figure's document. If the learner's code
    fails on it, every figure running their code goes back to the original: {name: change_code's
    result} for each, as JSON, else "{}"."""
    try:
        _documents[name].apply_json_patch(_convert_json_patch(patch), setter="js")
    except Exception as error:
        if not any(frame.filename == YOUR_CODE for frame in traceback.extract_tb(error.__traceback__)):
            raise
        message = python_message(error)
        return json.dumps({edited: {**edit.change(None), "error": message}
                           for edited, edit in _edits.items() if edit.source is not None})
    return "{}"


def linked_code(name):
    """change_code's result (JSON) for the code the page's link carried for figure `name`, once; "null" if none."""
    return json.dumps(_from_links.pop(name, None))


def change_code(name, source):
    """Run figure `name` with the learner's `source` in place of its changeable core function (None:
    the original again); dlviz.edits.Edit.change's result, as JSON."""
    if name not in _edits:
        _edits[name] = Edit(_open_figures[name])
    return json.dumps(_edits[name].change(source))


def set_state(name, query):
    """Put figure `name` in the state `query` gives it, as a link would: now if it is open, else once it is
    built. False (and nothing done) when the lesson has no such figure."""
    cls = _lesson["classes"].get(name)
    if cls is None:
        return False
    if name in _open_figures:
        _open_figures[name].set_state(state.read(name, cls, query))
    else:
        _lesson["asked"][name] = query
    return True


def figure_query(name):
    """Figure `name`'s state as query-string pairs, "" at its defaults: as it is if open, else as it will be built."""
    cls = _lesson["classes"][name]
    figure = _open_figures.get(name)
    values = figure.state() if figure else state.read(name, cls, _query_for(name))
    pairs = state.write(name, cls, values)
    source = _edits[name].source if name in _edits else None
    if source is not None and len(source) <= MAX_STATE_CHARS:
        pairs = "&".join(filter(None, [pairs, state.code_pair(name, source)]))
    return pairs


def page_query():
    """The page's query string ("" or "?...") with every figure's state in it, as `figure_query` gives it."""
    return state.rewrite(_lesson["query"], {name: figure_query(name) for name in _lesson["classes"]})
