"""What every figure shares: the base class, the palette, plots and read-outs."""

import panel as pn
import param
from bokeh.plotting import figure as bokeh_figure

from dlviz.state import set_values, values_of

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
GREEN = "#009E73"
SKY = "#56B4E9"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#7f7f7f"
CLASS_COLOURS = (BLUE, ORANGE)  # label 0, label 1

PLOT_HEIGHT = 320

# The keyboard focus ring inside Panel's and Bokeh's shadow roots, which the page's
# CSS cannot reach: the same ring course.css draws around links and buttons.
FOCUS_CSS = """
:is(.noUi-handle, button, input, select, textarea, [tabindex]):focus-visible {
  outline: 3px solid #1d2330 !important;
  outline-offset: 2px;
}
"""


class Figure(param.Parameterized):
    """An interactive figure: parameters are its state (see dlviz.state), `__panel__` its view.

    Subclasses build their plots once in `__init__` and change data sources in
    methods that watch their parameters. Each has `numbers`, a `readout()` whose
    text states the figure's key values: what a screen reader announces, and
    what the tests compare between the browser and CPython.
    """

    def __init_subclass__(cls, **options):
        # Every figure's view gets the course's keyboard focus ring on its widgets.
        super().__init_subclass__(**options)
        view = cls.__dict__.get("__panel__")
        if view is not None:
            cls.__panel__ = lambda self: keyboard_focus(view(self))

    def __panel__(self):
        raise NotImplementedError

    def state(self):
        """The figure's state: {parameter: value} for every parameter but `name` and events."""
        return values_of(self)

    def set_state(self, values):
        """Put the figure in the state `values` gives (the defaults for what it leaves out), as if built with them."""
        set_values(self, values)


def new_plot(title, x_label, y_label, height=PLOT_HEIGHT, **options):
    """A Bokeh plot in the course's style: stretches to its column, no logo."""
    plot = bokeh_figure(
        title=title,
        x_axis_label=x_label,
        y_axis_label=y_label,
        height=height,
        sizing_mode="stretch_width",
        tools="pan,wheel_zoom,reset,save",
        toolbar_location="right",
        **options,
    )
    plot.toolbar.logo = None
    plot.toolbar.stylesheets = [FOCUS_CSS]
    plot.stylesheets = [FOCUS_CSS]  # the plot area itself takes the focus, for Bokeh's key events
    plot.title.text_font_size = "14px"
    return plot


def square(plot, size=460):
    """Make `plot` a square `size` pixels wide, or as wide as a narrower screen allows."""
    plot.width = plot.height = size
    plot.sizing_mode, plot.aspect_ratio, plot.max_width = "scale_width", 1, size
    return plot


def centred(plot):
    """`plot` in the middle of its column."""
    return pn.FlexBox(pn.pane.Bokeh(plot), justify_content="center", sizing_mode="stretch_width")


def readout(text=""):
    """A line of numbers under a figure: the figure's key values, in words."""
    return pn.pane.HTML(text, css_classes=["readout"], sizing_mode="stretch_width")


def row(*items):
    """Plots side by side that wrap below each other on a narrow screen."""
    for item in items:
        item.min_width = 280
        item.styles = {"flex": "1 1 320px"}
    return pn.FlexBox(*items, flex_wrap="wrap", sizing_mode="stretch_width")


def keyboard_focus(view):
    """Give every widget in `view` the course's visible focus ring; returns `view`."""
    for widget in view.select(pn.widgets.Widget):
        if FOCUS_CSS not in widget.stylesheets:
            widget.stylesheets = [*widget.stylesheets, FOCUS_CSS]
    return view


def controls(*widgets):
    """Widgets side by side that wrap below each other on a narrow screen."""
    return pn.FlexBox(*widgets, flex_wrap="wrap", sizing_mode="stretch_width")
