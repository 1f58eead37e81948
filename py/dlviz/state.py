"""A figure's state: which of its parameters it is, and their text in a link.

A figure's state is its parameters, all but `name` and events (buttons). In a link each
value that differs from its default is one `figure.parameter=text` pair of the query string:

    ?polynomial_fit.degree=5&playground.features=x,y,x%C2%B2&new_points.new_x=0.5,-3.1

A figure the learner has run their own code in also carries it, `figure.code=<the source>`
(code_pair, read_code), when it is short enough (dlviz.edits.MAX_STATE_CHARS).

The text of a value, by its parameter's type (FORMS):

    Boolean        true or false
    Integer        5
    Number         -0.9: at the precision of the parameter's `step` (a Number needs one)
    IntegerList    8,4: whole numbers, comma-separated
    NumberList     0.5,-3.1: numbers at the precision of its `step`, comma-separated
    ListSelector   x,y: its choices' texts, comma-separated, in the value's order
    Selector       the choice's text: a string as it is, a number as short as it reads back

Reading is the exact inverse, and a value its parameter refuses (not its type, outside
its bounds, not one of its choices) is ignored: a bad link opens the figure at its
defaults. This module is the one place that knows the text: the page hands Python its
query string untouched and writes back the one Python returns (dlviz.worker).
"""

import copy
import math
import re
from decimal import Decimal
from typing import Any, Callable, NamedTuple
from urllib.parse import quote, unquote_plus

import param
from param.parameterized import Undefined

INTEGER = re.compile(r"-?\d{1,18}")
DECIMAL = re.compile(r"-?(\d{1,18}(\.\d{0,18})?|\.\d{1,18})")


class NumberList(param.List):
    """A list of numbers, each within `item_bounds`, written at the precision of `step`:
    for example the points a learner adds to a plot."""

    __slots__ = ["item_bounds", "step"]
    _slot_defaults = dict(param.List._slot_defaults, item_type=(int, float), item_bounds=(None, None), step=None)

    def __init__(self, default=Undefined, *, item_bounds=Undefined, step=Undefined, **params):
        object.__setattr__(self, "item_bounds", item_bounds)
        object.__setattr__(self, "step", step)
        super().__init__(default=default, **params)

    def _validate(self, val):
        super()._validate(val)
        low, high = self.item_bounds
        for item in val or []:
            if isinstance(item, bool) or not math.isfinite(item) or not (low is None or low <= item) or not (high is None or item <= high):
                raise ValueError(f"{self.name}: {item!r} is not a number within {self.item_bounds}")


class IntegerList(NumberList):
    """A list of whole numbers, each within `item_bounds`: for example the neurons in each layer."""

    def __init__(self, default=Undefined, **params):
        super().__init__(default=default, item_type=int, step=1, **params)


# ---------------------------------------------------------------- the text of one value


def number_text(value, step):
    """`value` written at the precision of `step` (0.05 gives two decimals), no trailing zeros."""
    decimals = max(0, -Decimal(str(step)).as_tuple().exponent)
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def on_step(value, parameter):
    """`value` rounded to the nearest multiple of `parameter`'s step, at its precision: a value its control can show."""
    return float(number_text(round(float(value) / parameter.step) * parameter.step, parameter.step))


def step_of(parameter):
    if parameter.step is None:
        raise TypeError(f"{parameter.owner.__name__}.{parameter.name} needs a step: its value is written at the step's precision")
    return parameter.step


def choice_text(choice):
    """A Selector's choice as text: a string as it is, a number in the shortest text that reads back exactly."""
    if isinstance(choice, bool):
        return "true" if choice else "false"
    text = repr(choice) if isinstance(choice, (int, float)) else str(choice)
    return text[:-2] if isinstance(choice, float) and text.endswith(".0") else text


def read_choice(parameter, text):
    choices = {choice_text(choice): choice for choice in parameter.objects}
    if text not in choices:
        raise ValueError(f"{text!r} is not one of {parameter.name}'s choices")
    return choices[text]


def read_choices(parameter, text):
    choices = [read_choice(parameter, item) for item in items(text)]
    if len({choice_text(choice) for choice in choices}) != len(choices):
        raise ValueError(f"{text!r} names one of {parameter.name}'s choices twice")
    return choices


def read_decimal(text):
    if not DECIMAL.fullmatch(text):
        raise ValueError(f"{text!r} is not a decimal number")
    return float(text)


def read_integer(text):
    if not INTEGER.fullmatch(text):
        raise ValueError(f"{text!r} is not a whole number")
    return int(text)


def read_boolean(text):
    if text not in ("true", "false"):
        raise ValueError(f"{text!r} is not true or false")
    return text == "true"


def items(text):
    """The comma-separated texts of a list's items ("" is the empty list)."""
    return text.split(",") if text else []


class Form(NamedTuple):
    """How a parameter of one type is written in a link, and read back: each the other's inverse."""

    kind: type
    write: Callable[[param.Parameter, Any], str]
    read: Callable[[param.Parameter, str], Any]


# The first form whose kind the parameter is an instance of is its form.
FORMS = [
    Form(param.Boolean, lambda p, value: "true" if value else "false", lambda p, text: read_boolean(text)),
    Form(param.Integer, lambda p, value: str(int(value)), lambda p, text: read_integer(text)),
    Form(param.Number, lambda p, value: number_text(value, step_of(p)), lambda p, text: read_decimal(text)),
    Form(IntegerList, lambda p, values: ",".join(str(int(v)) for v in values),
         lambda p, text: [read_integer(item) for item in items(text)]),
    Form(NumberList, lambda p, values: ",".join(number_text(v, step_of(p)) for v in values),
         lambda p, text: [read_decimal(item) for item in items(text)]),
    Form(param.ListSelector, lambda p, values: ",".join(choice_text(v) for v in values), read_choices),
    Form(param.Selector, lambda p, value: choice_text(value), read_choice),
]


def form_of(parameter):
    for form in FORMS:
        if isinstance(parameter, form.kind):
            return form
    raise TypeError(f"{parameter.owner.__name__}.{parameter.name}: a {type(parameter).__name__} cannot be a figure's state")


def value_text(parameter, value):
    """`value` of `parameter` as its text in a link."""
    return form_of(parameter).write(parameter, value)


def text_value(parameter, text):
    """The value `text` stands for, checked against `parameter`; ValueError when the parameter refuses it."""
    value = form_of(parameter).read(parameter, text)
    parameter._validate(value)
    return value


# ---------------------------------------------------------------- a figure's state


def state_names(cls):
    """The names of the parameters that are `cls`'s state, in the order the class declares them."""
    return [name for name in cls.param if name != "name" and not isinstance(cls.param[name], param.Event)]


def values_of(figure):
    """`figure`'s state: {parameter: value} for every state parameter."""
    return {name: getattr(figure, name) for name in state_names(type(figure))}


def set_values(figure, values):
    """Give each state parameter of `figure` its value in `values`, else its default, one at a time in
    the order the class declares them: the state a figure built afresh with `values` would have."""
    for name in state_names(type(figure)):
        setattr(figure, name, values[name] if name in values else copy.deepcopy(figure.param[name].default))


# ---------------------------------------------------------------- the query string


def pieces(query):
    """(piece, key, text) for each `key=text` piece of `query` ("?" or not), decoded as a browser decodes a form."""
    for piece in query.removeprefix("?").split("&"):
        if piece:
            key, _, text = piece.partition("=")
            yield piece, unquote_plus(key), unquote_plus(text)


def read(name, cls, query):
    """{parameter: value} that `query` gives figure `name` (a `cls`): only values its parameters accept."""
    names = state_names(cls)
    values = {}
    for _, key, text in pieces(query):
        figure, _, parameter = key.partition(".")
        if figure == name and parameter in names:
            try:
                values[parameter] = text_value(cls.param[parameter], text)
            except ValueError:
                pass  # refused: the default stands
    return values


def write(name, cls, values):
    """Figure `name`'s pairs for a query string: each of `values` whose text differs from its default's ("" if none)."""
    pairs = []
    for parameter in state_names(cls):
        if parameter in values:
            text = value_text(cls.param[parameter], values[parameter])
            if text != value_text(cls.param[parameter], cls.param[parameter].default):
                pairs.append(f"{quote(name)}.{quote(parameter)}={quote(text, safe=',')}")
    return "&".join(pairs)


CODE = "code"
"""The key, after a figure's name, of the learner's version of its changeable core function (dlviz.edits)."""


def code_pair(name, source):
    """The query-string pair that carries the learner's code for figure `name`."""
    return f"{quote(name)}.{CODE}={quote(source, safe='')}"


def read_code(name, query):
    """The learner's code `query` gives figure `name`, or None."""
    found = [text for _, key, text in pieces(query) if key == f"{name}.{CODE}"]
    return found[-1] if found else None


def rewrite(query, figure_pairs):
    """`query` with the pairs of each figure in `figure_pairs` ({name: pairs}) replaced by those given,
    after the rest of `query`, which stays as it was (?embed, say); "" when nothing is left, else "?...".
    """
    kept = [piece for piece, key, _ in pieces(query) if "." not in key or key.partition(".")[0] not in figure_pairs]
    parts = kept + [pairs for pairs in figure_pairs.values() if pairs]
    return "?" + "&".join(parts) if parts else ""
