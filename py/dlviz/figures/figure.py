"""The base class of every figure, the keyboard focus ring it gives its widgets, and the bar
that keeps its controls in reach on a phone.

The parts figures are built from (palette, plots, read-outs) are in `parts.py`.
"""

import re
from html import unescape
from itertools import takewhile

import panel as pn
import param

from dlviz.state import set_values, values_of

# The keyboard focus ring inside Panel's and Bokeh's shadow roots, which the page's
# CSS cannot reach: the same ring course.css draws around links and buttons.
FOCUS_CSS = """
:is(.noUi-handle, button, input, select, textarea, [tabindex]):focus-visible {
  outline: 3px solid #1d2330 !important;
  outline-offset: 2px;
}
"""


# In print every widget is hidden from inside its own shadow root: the page prints the figure's
# pictures without its controls (site/static/print.css does the rest of the page).
PRINT_CSS = "@media print { :host { display: none !important; } }"

NARROW = 640  # px: a screen this wide or narrower is a phone's (or a narrow window's)

# On a phone a figure's plots stack under its controls: the controls stay at the top of the screen,
# on the page's paper, while the figure is on it, so a slider is in reach of every plot it moves.
CONTROL_BAR_CSS = f"""@media (max-width: {NARROW}px) {{
  :host {{ position: sticky !important; top: 0; z-index: 3; background: var(--paper, #fff);
          box-shadow: 0 1px 0 var(--line, #d8dde6); }}
}}"""


class Figure(param.Parameterized):
    """An interactive figure: parameters are its state (see dlviz.state), `__panel__` its view.

    Subclasses build their plots once in `__init__` and change data sources in
    methods that watch their parameters. Each has `numbers`, a `readout()` whose
    text states the figure's key values: what a screen reader announces, and
    what the tests compare between the browser and CPython.

    `precomputed` names a few values of some parameters ({"degree": range(0, 17)}): each
    combination is a state the build computes (dlviz.precompute), so the figure answers
    those controls before Python is live.
    """

    precomputed = {}

    core_functions = ()
    """The core functions the figure calls, as "dlviz.core.module.function", the one that carries the
    lesson's idea first: what its "See the Python" shows (see dlviz.edits)."""

    changeable = False
    """Whether the learner may rewrite the first of `core_functions` in the page and see the figure use it."""

    def __init_subclass__(cls, **options):
        # Every figure's view gets the course's keyboard focus ring on its widgets.
        super().__init_subclass__(**options)
        view = cls.__dict__.get("__panel__")
        if view is not None:
            cls.__panel__ = lambda self: control_bar(keyboard_focus(view(self)))

    def __panel__(self):
        raise NotImplementedError

    def state(self):
        """The figure's state: {parameter: value} for every parameter but `name` and events."""
        return values_of(self)

    def readout_text(self):
        """What the figure's read-out says, as plain text."""
        text = re.sub(r"<[^>]+>", "", str(getattr(getattr(self, "numbers", None), "object", "") or ""))
        return re.sub(r"\s+", " ", unescape(text)).strip()

    def set_state(self, values):
        """Put the figure in the state `values` gives (the defaults for what it leaves out), as if built with them."""
        set_values(self, values)


def keyboard_focus(view):
    """Give every widget in `view` the course's visible focus ring, and no place in print; returns `view`."""
    for widget in view.select(pn.widgets.Widget):
        if FOCUS_CSS not in widget.stylesheets:
            widget.stylesheets = [*widget.stylesheets, FOCUS_CSS, PRINT_CSS]
    return view


def control_bar(view):
    """`view` with the controls it starts with (its widgets, alone or in rows) gathered in one bar,
    which stays in reach on a phone; returns `view`."""
    if isinstance(view, pn.Column):
        leading = list(takewhile(is_control, view.objects))
        if leading and len(leading) < len(view.objects):
            view.objects = [in_reach(pn.Column(*leading, sizing_mode="stretch_width")), *view.objects[len(leading):]]
    return view


def in_reach(bar):
    """`bar` (a row or column of controls), kept at the top of a phone's screen while its figure is on it; returns it."""
    bar.stylesheets = [*bar.stylesheets, CONTROL_BAR_CSS]
    return bar


def is_control(item):
    """Whether `item` is a widget, or a row of widgets."""
    if isinstance(item, pn.layout.ListLike):
        return all(isinstance(part, pn.widgets.Widget) for part in item.objects)
    return isinstance(item, pn.widgets.Widget)
