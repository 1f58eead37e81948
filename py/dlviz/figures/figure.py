"""What every figure shares: the base class, the palette, plots and read-outs."""

import panel as pn
import param
from bokeh.plotting import figure as bokeh_figure

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


class Figure(param.Parameterized):
    """An interactive figure: parameters are its state, `__panel__` its view.

    Subclasses build their plots once in `__init__` and change data sources in
    methods that watch their parameters. Each has `numbers`, a `readout()` whose
    text states the figure's key values: what a screen reader announces, and
    what the tests compare between the browser and CPython.
    """

    def __panel__(self):
        raise NotImplementedError

    def state(self):
        """The figure's parameters and their values, for the URL and for tests."""
        return {name: value for name, value in self.param.values().items() if name != "name"}


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
    plot.title.text_font_size = "14px"
    return plot


def readout(text=""):
    """A line of numbers under a figure: the figure's key values, in words."""
    return pn.pane.HTML(text, css_classes=["readout"], sizing_mode="stretch_width")


def row(*items):
    """Plots side by side that wrap below each other on a narrow screen."""
    for item in items:
        item.min_width = 280
        item.styles = {"flex": "1 1 320px"}
    return pn.FlexBox(*items, flex_wrap="wrap", sizing_mode="stretch_width")
