"""Each figure as its own Bokeh document: what the build pre-renders and the browser makes live.

Both sides call `figure_document` and `document_json`: the build in CPython
(the figure's first state, serialised into the page) and the Web Worker in
Pyodide (the same figure, then kept in sync with the page). One document per
figure lets the page draw, and the worker make live, one figure at a time:
the figure the learner is looking at first.
"""

import panel as pn
from bokeh.document import Document
from bokeh.embed.util import standalone_docs_json_and_render_items

from dlviz import state
from dlviz.course import figure_classes, lesson_by_slug

CONTROL_TAG = "control:"


def lesson_figures(slug, query=""):
    """A fresh instance of each figure of the lesson, each in the state `query` (a link's query string) gives it."""
    return {name: build_figure(slug, name, query) for name in figure_classes(lesson_by_slug(slug))}


def build_figure(slug, name, query=""):
    """The lesson's figure called `name`, in the state `query` gives it: the values it accepts, defaults for the rest."""
    cls = figure_classes(lesson_by_slug(slug))[name]
    return cls(**state.read(name, cls, query))


def figure_document(figure, document=None):
    """`figure` as the one root of `document` (a new one by default).

    The model of each widget that controls one of the figure's parameters is tagged
    "control:PARAMETER", so the page can tell the controls of a figure's state in any of
    its documents (a move made before Python was live is replayed on the live one).
    """
    document = document or Document()
    view = pn.panel(figure)
    root = view.get_root(document)
    for widget in view.select(pn.widgets.Widget):
        name = getattr(widget, "_param_name", None)  # set by Widget.from_param
        if name in figure.param and name != "name":
            model = widget._models[root.ref["id"]][0]
            model.tags = [*model.tags, f"{CONTROL_TAG}{name}"]
    document.add_root(root)
    return document


def document_json(document):
    """The document as the page embeds it: {"docs_json", "render_items", "root_id"}."""
    docs_json, render_items = standalone_docs_json_and_render_items(
        document.roots, suppress_callback_warning=True
    )
    return {
        "docs_json": docs_json,
        "render_items": [item.to_json() for item in render_items],
        "root_id": document.roots[0].id,
    }
