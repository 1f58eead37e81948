"""A lesson's figures as one Bokeh document: what the build pre-renders and the browser makes live.

Both sides call `lesson_document`: the build in CPython (the figures' first
state, serialised into the page) and the Web Worker in Pyodide (the same
figures, then kept in sync with the page). Each figure is one root of the
document, named after the figure, so the page finds the element it goes in.
"""

import json

import panel as pn
from bokeh.document import Document
from bokeh.embed.util import standalone_docs_json_and_render_items

from dlviz.course import figure_classes, lesson_by_slug


def lesson_figures(slug, states=None):
    """A fresh instance of each figure of the lesson, in the text's order.

    `states` maps a figure's name to parameter values (from the URL); values a
    figure does not accept are dropped, so a bad link falls back to defaults.
    """
    states = states or {}
    return {
        name: cls(**accepted_state(cls, states.get(name, {})))
        for name, cls in figure_classes(lesson_by_slug(slug)).items()
    }


def accepted_state(cls, values):
    """The subset of `values` that `cls`'s parameters accept; the rest is ignored."""
    accepted = {}
    for key, value in values.items():
        if key == "name" or key not in cls.param:
            continue
        try:
            cls.param[key]._validate(value)
        except Exception:
            continue
        accepted[key] = value
    return accepted


def lesson_document(figures, document=None):
    """Add each figure to `document` (a new one by default) as a root named after it."""
    document = document or Document()
    for name, figure in figures.items():
        root = pn.panel(figure).get_root(document)
        root.name = name
        document.add_root(root)
    return document


def document_json(document):
    """The document as the page embeds it: (docs_json, render_items, {figure name: root id})."""
    docs_json, render_items = standalone_docs_json_and_render_items(
        document.roots, suppress_callback_warning=True
    )
    roots = {root.name: root.id for root in document.roots}
    return (
        json.dumps(docs_json),
        json.dumps([item.to_json() for item in render_items]),
        json.dumps(roots),
    )
