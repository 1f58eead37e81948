"""Precomputed states: a figure's few discrete states, computed at build time so the page answers before Python.

A figure class may declare the values of some of its parameters, every combination of them
(its other parameters at their defaults) being one state:

    class PolynomialFit(Figure):
        precomputed = {"degree": range(0, 17)}

or a list of such declarations, whose states are those of each (one parameter at a time, where
every combination would be too many):

    class LossLandscape(Figure):
        precomputed = [{"slope": SLOPE_STEPS}, {"intercept": INTERCEPT_STEPS}]

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


def declarations(cls):
    """`cls.precomputed` as a list of {parameter: values}."""
    declared = getattr(cls, "precomputed", {})
    return declared if isinstance(declared, list) else [declared]


def declared_parameters(cls):
    """The parameters `cls` declares states of, in the order it names them."""
    return list(dict.fromkeys(name for declaration in declarations(cls) for name in declaration))


def declared_states(cls):
    """Every state `cls` declares, as {parameter: value} (its other parameters at their defaults), in the order
    its values are declared."""
    return [
        dict(zip(declaration, values))
        for declaration in declarations(cls)
        for values in itertools.product(*declaration.values())
    ]


def is_control(model):
    return any(isinstance(tag, str) and tag.startswith(CONTROL_TAG) for tag in model.tags)


def snapshot(document, keys=None):
    """{(model id, attribute): serialised value} for every property of every model but the controls
    (which the learner has already moved), or for the (model id, attribute) `keys` given."""
    serializer = Serializer(references=set(document.models), deferred=False)
    if keys is not None:
        models = {model_id: document.get_model_by_id(model_id) for model_id, _ in keys}
        return {(model_id, attribute): serializer.encode(models[model_id].lookup(attribute).get_value(models[model_id]))
                for model_id, attribute in keys}
    return {
        (model.id, attribute): serializer.encode(value)
        for model in document.models
        if not is_control(model)
        for attribute, value in model.properties_with_values(include_defaults=True).items()
    }


def changed_by(document, action):
    """Run `action()`; the (model id, attribute) pairs it changed in `document`, the controls' aside, as
    Bokeh records every change to a document (what it sends a browser)."""
    keys = set()

    def record(event):
        if getattr(event, "attr", None) is not None and not is_control(event.model):
            keys.add((event.model.id, event.attr))

    document.on_change(record)
    try:
        action()
    finally:
        document.remove_on_change(record)
    return keys


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
    parameters = declared_parameters(cls)
    missing = [parameter for parameter in parameters if parameter not in controls]
    if missing:
        raise ValueError(f"{name}: precomputed parameters {missing} have no control (a widget made with from_param)")
    columns = [[parameter, control_attribute(controls[parameter])] for parameter in parameters]
    default = snapshot(document)
    models = {model.id for model in document.models}
    # Moving from the defaults state by state, whatever differs from the defaults in a state was changed on the
    # way there: only those properties are read (reading every property of every model takes 0.1 s a state).
    reached = set()
    states = []
    for values in declared_states(cls):
        reached |= changed_by(document, lambda: figure.set_state(values))
        if {model.id for model in document.models} - models:
            raise ValueError(f"{name}: state {values} adds models to the figure, so it cannot be precomputed")
        changes = {key: value for key, value in snapshot(document, reached).items() if value != default[key]}
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
