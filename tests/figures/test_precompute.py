"""Every precomputed state is exactly what the figure computes in that state.

The build computes a figure's declared states one after another on the figure the page
embeds (dlviz.precompute); here each state is compared with the same figure built afresh
from the state's query string, as Python in the worker builds it: every property of every
model (but the controls) of its document, and its controls' values.
"""

import re

import pytest
from bokeh.core.serialization import Serializer

from dlviz.course import available_lessons, figure_classes
from dlviz.page import build_figure, document_json, figure_document
from dlviz.precompute import control_models, declarations, declared_states, figure_states, snapshot

PRECOMPUTED = [
    (lesson.slug, name)
    for lesson in available_lessons()
    for name, cls in figure_classes(lesson).items()
    if cls.precomputed
]


def canonical(document):
    """Every property of every model of the document, defaults too, each model id renamed by the order it
    first appears in the JSON the page embeds, Panel's model names left out (Panel numbers them by a
    counter): equal for two builds of a figure in the same state."""
    (data,) = document_json(document)["docs_json"].values()
    order = re.findall(r"'id': '([^']+)'", repr(data["roots"]))
    ids = {model_id: number for number, model_id in enumerate(dict.fromkeys(order))}

    def renamed(value):
        if isinstance(value, (list, tuple)):
            return [renamed(item) for item in value]
        if isinstance(value, str) and value.startswith("__ref:"):  # Panel's tag naming a model
            return f"__ref:{ids.get(value[6:])}"
        if isinstance(value, dict) and value.get("type") == "ndarray" and value["shape"] == [0]:
            return []  # no points, as an empty array or an empty list alike
        if isinstance(value, dict):
            return {key: ids[item] if key == "id" and set(value) == {"id"} else renamed(item) for key, item in value.items()}
        return value

    return {(ids[model_id], attribute): renamed(value) for (model_id, attribute), value in full_snapshot(document).items() if attribute != "name"}


def full_snapshot(document):
    """{(model id, attribute): serialised value} for every property of every model, the controls too."""
    serializer = Serializer(references=set(document.models), deferred=False)
    return {
        (model.id, attribute): serializer.encode(value)
        for model in document.models
        for attribute, value in model.properties_with_values(include_defaults=True).items()
    }


def shown(document, computed, entry):
    """`document` (the figure at its defaults) after the page applies state `entry` as BokehJS does."""
    events = []
    for model_id, attributes in computed["base"].items():
        changed = entry["changes"].get(model_id, {})
        for attribute, base in attributes.items():
            events.append({"kind": "ModelChanged", "model": {"id": model_id}, "attr": attribute, "new": changed.get(attribute, base)})
    document.apply_json_patch({"events": events})
    controls = control_models(document)
    for (parameter, attribute), value in zip(computed["controls"], entry["values"]):
        setattr(controls[parameter], attribute, value)  # as the learner moved it
    return canonical(document)


SAMPLE = 12


def sampled(states):
    """Every state of a figure with few; of one with many (the perceptron's 151 steps), SAMPLE evenly spaced,
    the first and last among them: building each afresh takes about a second, and the build computes them all
    the same way (one figure, moved state to state)."""
    if len(states) <= SAMPLE:
        return states
    return [states[round(i * (len(states) - 1) / (SAMPLE - 1))] for i in range(SAMPLE)]


def test_some_figures_of_every_lesson_with_discrete_controls_are_precomputed():
    assert {"polynomial_fit", "backpropagation", "perceptron", "network_diagram", "stretch_fit"} <= {
        name for _, name in PRECOMPUTED
    }


@pytest.mark.parametrize(("slug", "name"), PRECOMPUTED, ids=[f"{slug}:{name}" for slug, name in PRECOMPUTED])
def test_every_precomputed_state_is_what_the_figure_computes(slug, name):
    figure = build_figure(slug, name)
    document = figure_document(figure)
    default = snapshot(document)
    computed = figure_states(name, figure, document)
    assert len(computed["states"]) == len(declared_states(type(figure)))
    assert snapshot(document) == default, "the figure is left at its defaults"
    for entry in sampled(computed["states"]):
        fresh = figure_document(build_figure(slug, name, entry["query"]))
        assert shown(document, computed, entry) == canonical(fresh), entry["query"]
        controls = control_models(fresh)
        assert entry["values"] == [getattr(controls[parameter], attribute) for parameter, attribute in computed["controls"]]


@pytest.mark.parametrize(("slug", "name"), PRECOMPUTED, ids=[f"{slug}:{name}" for slug, name in PRECOMPUTED])
def test_every_precomputed_state_is_the_same_whichever_state_the_figure_came_from(slug, name, monkeypatch):
    """Every state, not a sample: computed again with the declared values in reverse order (each state reached
    from another), every state's changes are the same, so none depends on the way the build reached it."""
    figure = build_figure(slug, name)
    document = figure_document(figure)
    forward = figure_states(name, figure, document)
    cls = type(figure)
    backward = [{parameter: list(values)[::-1] for parameter, values in declaration.items()} for declaration in declarations(cls)]
    monkeypatch.setattr(cls, "precomputed", backward)
    reverse = figure_states(name, figure, document)
    assert len(forward["states"]) == len(reverse["states"]) == len(declared_states(cls))
    assert {entry["query"]: entry for entry in reverse["states"]} == {entry["query"]: entry for entry in forward["states"]}
    assert reverse["base"] == forward["base"]
