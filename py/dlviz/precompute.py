"""Precomputed states: a figure's few discrete states, computed at build time so the page answers before Python.

A figure class may declare the values of some of its parameters, every combination of them
(its other parameters at their defaults) being one state:

    class PolynomialFit(Figure):
        precomputed = {"degree": range(0, 17)}

For each state, `figure_states` records what differs in the figure's document from its
default state, as Bokeh's own serialised form: {model id: {attribute: value}}, the ids
those of the document the page embeds before Python is live. site/static/precomputed.js
applies a state as a document patch the moment the learner moves a control to it, and asks
Python for the same state (by its link's query string), so the live figure arrives showing it.
"""

import itertools

from bokeh.core.serialization import Serializer

from dlviz import state
from dlviz.page import CONTROL_TAG

BUDGET = 300_000  # bytes per lesson, gzip-compressed, of every precomputed state of its figures


def declared_states(cls):
    """Every state `cls` declares, as {parameter: value}, in the order its values are declared."""
    names = list(getattr(cls, "precomputed", {}))
    return [dict(zip(names, values)) for values in itertools.product(*(cls.precomputed[name] for name in names))]


def is_control(model):
    return any(isinstance(tag, str) and tag.startswith(CONTROL_TAG) for tag in model.tags)


def snapshot(document):
    """{(model id, attribute): serialised value} for every property of every model but the controls
    (which the learner has already moved)."""
    serializer = Serializer(references=set(document.models), deferred=False)
    return {
        (model.id, attribute): serializer.encode(value)
        for model in document.models
        if not is_control(model)
        for attribute, value in model.properties_with_values(include_defaults=True).items()
    }


def control_models(document):
    """{parameter: its control's Bokeh model} in `document`."""
    return {
        tag.removeprefix(CONTROL_TAG): model
        for model in document.models
        for tag in model.tags
        if isinstance(tag, str) and tag.startswith(CONTROL_TAG)
    }


def control_attribute(model):
    """The attribute of a control's model that holds its value."""
    return "value" if "value" in model.properties() else "active"


def figure_states(name, figure, document):
    """Every declared state of `figure` (at its defaults, the one root of `document`) as the page applies it:
    {"controls": [[parameter, attribute]], "base": {id: {attribute: value}},
     "states": [{"values": [...], "query": "...", "changes": {id: {attribute: value}}}]}.

    "values" are what the controls' models hold in that state; "base" is the default value of every
    attribute any state changes. Leaves `figure` at its defaults. Fails for a state that adds models
    to the document (the page could not show it without Python).
    """
    cls = type(figure)
    controls = control_models(document)
    missing = [parameter for parameter in cls.precomputed if parameter not in controls]
    if missing:
        raise ValueError(f"{name}: precomputed parameters {missing} have no control (a widget made with from_param)")
    columns = [[parameter, control_attribute(controls[parameter])] for parameter in cls.precomputed]
    default = snapshot(document)
    states = []
    for values in declared_states(cls):
        figure.set_state(values)
        shot = snapshot(document)
        if shot.keys() - default.keys():
            raise ValueError(f"{name}: state {values} adds models to the figure, so it cannot be precomputed")
        changes = {key: value for key, value in shot.items() if value != default[key]}
        states.append({
            "values": [getattr(controls[parameter], attribute) for parameter, attribute in columns],
            "query": state.write(name, cls, figure.state()),
            "changes": changes,
        })
    figure.set_state({})
    changed = {key for entry in states for key in entry["changes"]}
    return {
        "controls": columns,
        "base": by_model({key: default[key] for key in changed}),
        "states": [{**entry, "changes": by_model(entry["changes"])} for entry in states],
    }


def by_model(values):
    """{(id, attribute): value} as {id: {attribute: value}}."""
    nested = {}
    for (model_id, attribute), value in values.items():
        nested.setdefault(model_id, {})[attribute] = value
    return nested
