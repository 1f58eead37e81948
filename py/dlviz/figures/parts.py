"""The parts every lesson's figures are built from: the palette, plots in the
course's style, read-outs and numbers in words, and the Play button."""

import numpy as np
import panel as pn
from bokeh.models import DataRange1d, FixedTicker
from bokeh.plotting import figure as bokeh_figure

from .figure import FOCUS_CSS, NARROW, PRINT_CSS

# Okabe-Ito: distinguishable with every common colour-vision deficiency. The lessons
# name each colour by the word in its comment, and only by that word.
BLUE = "#0072B2"  # blue
ORANGE = "#E69F00"  # orange
VERMILION = "#D55E00"  # vermilion (a red-orange)
GREEN = "#009E73"  # green
SKY = "#56B4E9"  # sky blue
PURPLE = "#CC79A7"  # pink (Okabe-Ito's "reddish purple")
GREY = "#7f7f7f"  # grey
# Small text in a plot meets WCAG AA (4.5:1 on white) in these darker shades of the palette.
VERMILION_TEXT = "#B34F00"  # 5.2:1
GREY_TEXT = "#666666"  # 5.7:1
CLASS_COLOURS = (BLUE, ORANGE)  # label 0, label 1
REGION_COLOURS = ("#d6e6f2", "#fbe9c8")  # the plane behind a classifier: pale blue for class 0, pale orange for 1

PLOT_HEIGHT = 320
DECADES_SPAN = 30  # a log axis has its ticks from 10^-30 to 10^30
PLAY_PERIOD = 150  # milliseconds between the frames of a Player


def diverging_palette(low, high, steps=65):
    """Colours from `low` through white to `high` (hex strings), for values below,
    at and above the middle of a colour scale."""
    def rgb(colour):
        return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)

    white = np.full(3, 255.0)
    half = steps // 2
    ramp = [rgb(low) + (white - rgb(low)) * k / half for k in range(half)]
    ramp += [white + (rgb(high) - white) * k / half for k in range(half + 1)]
    return ["#%02x%02x%02x" % tuple(int(round(c)) for c in colour) for colour in ramp]


CLASS_PALETTE = diverging_palette(*CLASS_COLOURS)  # low = class 0 (blue), high = class 1 (orange)


def class_colours(labels):
    """The colour of each label (0 or 1)."""
    return [CLASS_COLOURS[int(label)] for label in labels]


def new_plot(title, x_label, y_label, height=PLOT_HEIGHT, **options):
    """A Bokeh plot in the course's style: stretches to its column, no logo.

    No drag or wheel tool is active: a swipe or a wheel over the plot scrolls the
    page (Bokeh then leaves the browser's touch-action alone). Pan and zoom are
    opt-in from the toolbar. A log y axis is labelled at every power of ten."""
    plot = bokeh_figure(
        title=title,
        x_axis_label=x_label,
        y_axis_label=y_label,
        height=height,
        sizing_mode="stretch_width",
        tools="pan,wheel_zoom,reset,save",
        toolbar_location="right",
        active_drag=None,
        active_scroll=None,
        **options,
    )
    plot.toolbar.logo = None
    plot.toolbar.stylesheets = [FOCUS_CSS, PRINT_CSS]  # on paper a plot is a picture: no toolbar
    plot.stylesheets = [FOCUS_CSS]  # the plot area itself takes the focus, for Bokeh's key events
    plot.title.text_font_size = "14px"
    if options.get("y_axis_type") == "log":
        plot.yaxis.ticker = decades()
    return plot


def decades():
    """A log axis's ticks: a label at every power of ten, small ticks between. (Bokeh's own log
    ticker draws plain numbers crowded at the top when the axis spans under two powers of ten.)"""
    powers = range(-DECADES_SPAN, DECADES_SPAN + 1)
    return FixedTicker(ticks=[10.0 ** k for k in powers],
                       minor_ticks=[m * 10.0 ** k for k in powers for m in range(1, 10)])


def still(plot):
    """Make `plot` a picture, not a chart to explore: no toolbar, no zoom; returns it."""
    plot.toolbar.tools = []
    plot.toolbar_location = None
    return plot


def bare(plot):
    """Make `plot` a still picture without axes or grid lines (a diagram); returns it."""
    still(plot)
    plot.axis.visible = False
    plot.grid.visible = False
    return plot


def on_screens(plot, narrow):
    """`plot`, shown only on narrow screens (narrow=True) or only on wider ones; returns it.
    A figure drawn anew for a phone has both drawings, each on its own screens."""
    query = f"(max-width: {NARROW}px)" if not narrow else f"(min-width: {NARROW + 1}px)"
    plot.stylesheets = [*plot.stylesheets, f"@media {query} {{ :host {{ display: none !important; }} }}"]
    return plot


def legend_below(plot):
    """`plot`'s legend under it, off the data, on every screen; returns the legend."""
    legend = plot.legend[0]
    plot.add_layout(legend, "below")
    return legend


def compact_legend(plot, location):
    """A small, see-through legend at `location` that hides less of the plot."""
    plot.legend.location = location
    plot.legend.background_fill_alpha = 0.75
    plot.legend.label_text_font_size = "11px"
    plot.legend.glyph_height = 12
    plot.legend.spacing = 0
    plot.legend.padding = 4


def square(plot, size=460):
    """Make `plot` a square `size` pixels wide, or as wide as a narrower screen allows."""
    return shaped(plot, size, size)


def shaped(plot, width, height):
    """Make `plot` `width` × `height` pixels, or as wide as a narrower screen allows and as
    tall as keeps its shape; returns it."""
    plot.width, plot.height = width, height
    plot.sizing_mode, plot.aspect_ratio, plot.max_width = "scale_width", width / height, width
    return plot


def equal_axes(plot, *areas):
    """Make `plot` draw a unit as long across as up at any size (a ring stays round, a slope stands
    square to its iso-lines): its ranges fit the renderers `areas` (maps), and the one with room
    to spare is widened to match; returns it. A plot shaped like its maps has little to widen."""
    plot.x_range = DataRange1d(renderers=list(areas), range_padding=0)
    plot.y_range = DataRange1d(renderers=list(areas), range_padding=0)
    plot.match_aspect = True
    return plot


def centred(plot):
    """`plot` in the middle of its column."""
    return pn.FlexBox(pn.pane.Bokeh(plot), justify_content="center", sizing_mode="stretch_width")


def row(*items):
    """Plots side by side that wrap below each other on a narrow screen."""
    for item in items:
        item.min_width = 280
        item.styles = {"flex": "1 1 320px"}
    return pn.FlexBox(*items, flex_wrap="wrap", sizing_mode="stretch_width")


def controls(*widgets):
    """Widgets side by side that wrap below each other on a narrow screen."""
    return pn.FlexBox(*widgets, flex_wrap="wrap", sizing_mode="stretch_width")


def readout(text=""):
    """A line of numbers under a figure: the figure's key values, in words."""
    return pn.pane.HTML(text, css_classes=["readout"], sizing_mode="stretch_width")


def plain(value, digits=3):
    """A number rounded to `digits` decimals, without the minus of a rounded-away negative."""
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def signed(value, digits=3):
    """A number as plain() writes it, with a true minus sign ("−0.25")."""
    return plain(value, digits).replace("-", "−")


def added(value, digits=3):
    """A number added in a sum: "+ 0.30" or "− 0.20"."""
    return f"{'−' if value < 0 else '+'} {abs(value):.{digits}f}"


def factor(value, digits=3):
    """A number multiplied in a product, in brackets if negative."""
    return f"({signed(value, digits)})" if value < 0 else signed(value, digits)


def power_of_ten(value):
    """A positive number in words like 3.1 × 10<sup>23</sup>."""
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} × 10<sup>{int(exponent)}</sup>"


def diverged_words(divergence):
    """A divergence (its step and reason) in words, with what to do about it."""
    return f"<b>Diverged at step {divergence.step}</b> ({divergence.reason}): try a smaller learning rate."


class Player:
    """A play/pause button that calls `advance()` every PLAY_PERIOD ms until it
    returns False. `stop()` ends it (the page calls it when the learner leaves)."""

    def __init__(self, advance):
        self._advance = advance
        self._callback = None
        self.button = pn.widgets.Button(label="▶ Play", color="primary", width=90)
        self.button.on_click(self._toggle)

    def _toggle(self, event=None):
        if self._callback is None:
            self._callback = pn.state.add_periodic_callback(self._tick, period=PLAY_PERIOD)
            self.button.label = "‖ Pause"
        else:
            self.stop()

    def _tick(self):
        if not self._advance():
            self.stop()

    def stop(self):
        """Stop playing, and show Play again."""
        if self._callback is not None:
            self._callback.stop()
            self._callback = None
        self.button.label = "▶ Play"
