"""Lesson 4, how networks learn: loss landscapes, gradient descent and its
cousins, and backpropagation step by step."""

from functools import lru_cache

import numpy as np
import panel as pn
import param
from bokeh.events import Pan, PanEnd, PanStart, Tap
from bokeh.models import (
    Arrow, ColorBar, ColumnDataSource, LabelSet, LinearColorMapper, LogColorMapper, NormalHead, Range1d,
)
from bokeh.palettes import Greys256, Viridis256

from dlviz.core.activations import ACTIVATIONS
from dlviz.core.contours import geometric_levels, iso_line
from dlviz.core.datasets import noisy_line
from dlviz.core.landscape import (
    descent_path, least_squares_line, linear_loss, linear_loss_curvatures, linear_loss_gradient, loss_surface,
    minibatch_gradients, momentum_convergence_map, narrow_valley, steps_to_floor, valley_path,
)
from dlviz.core.learning_rates import REGIMES, learning_rate_regime
from dlviz.core.network import Network, backward_pass
from dlviz.core.optimisers import step as optimiser_step
from dlviz.state import on_step

from .figure import Figure
from .parts import (
    BLUE, GREEN, GREY, GREY_TEXT, ORANGE, PURPLE, SKY, VERMILION, VERMILION_TEXT, Player, added, bare, compact_legend, controls,
    diverged_words, equal_axes, factor, legend_below, new_plot, on_screens, plain, readout, row, shaped, signed,
)

SEED = 19750
SLOPES = (-4.0, 8.0)  # the landscape's window, and the sliders' bounds
INTERCEPTS = (-6.0, 10.0)
GRID = 60  # grid lines each way for the heatmap and its iso-lines
LEVELS = 10
GRAB = 0.06  # a drag that starts this near the landscape's dot (a fraction of its window) moves it
START = (-3.0, 8.0)  # where every descent on the line's landscape begins
MAX_STEPS = 100  # steps the descent figure takes at most (its play button stops there)
SGD_RATE, SGD_STEPS, SGD_FAN = 0.03, 80, 24
VALLEY_START = (-8.0, 0.8)
VALLEY_BOX = ((-9.0, 2.0), (-1.2, 1.2))
VALLEY_FLOOR = 0.01  # the valley counts as reached once its height is this low
VALLEY_STEPS, VALLEY_SHOWN = 400, 150
RACE_STEPS = 80
RACERS = (  # optimiser, label, colour, settings
    ("gradient_descent", "gradient descent", ORANGE, {}),
    ("momentum", "momentum", BLUE, {"beta": 0.9}),
    ("rmsprop", "RMSProp", GREEN, {"decay": 0.9}),
    ("adam", "Adam", PURPLE, {}),
)
SHADES = list(reversed(Greys256))[:120]  # white for the lowest loss to mid grey for the highest


def tenths(bounds):
    """Every tenth from one bound to the other: the positions of a slider that moves in tenths."""
    low, high = bounds
    return [round(low + i / 10, 1) for i in range(round((high - low) * 10) + 1)]


@lru_cache(maxsize=1)
def seed_line():
    """The seed notebook's 50 noisy points around y = 2x + 1 (noise 2)."""
    return noisy_line(size=50, seed=SEED, slope=2.0, intercept=1.0, noise=2.0)


@lru_cache(maxsize=1)
def line_landscape():
    """The loss over the window of (slope, intercept): grid, heatmap and iso-lines."""
    x, y = seed_line()
    slopes, intercepts = np.linspace(*SLOPES, GRID), np.linspace(*INTERCEPTS, GRID)
    surface = loss_surface(x, y, slopes, intercepts)
    best = least_squares_line(x, y)
    lowest = linear_loss(x, y, *best)
    levels = geometric_levels(lowest, surface.max(), LEVELS)
    lines = [iso_line(slopes, intercepts, surface, level) for level in levels]
    return {"surface": surface, "lines": lines, "best": best, "lowest": lowest,
            "curvatures": linear_loss_curvatures(x)}


def landscape_plot(title, colour_bar=False):
    """The line's loss landscape seen from above: a heatmap of the loss (log
    shades), its iso-lines, and a cross at the bottom."""
    land = line_landscape()
    plot = new_plot(title, "slope", "intercept",
                    x_range=Range1d(*SLOPES), y_range=Range1d(*INTERCEPTS))
    mapper = LogColorMapper(palette=SHADES, low=land["lowest"], high=land["surface"].max())
    area = plot.image(image=[land["surface"]], x=SLOPES[0], y=INTERCEPTS[0], dw=SLOPES[1] - SLOPES[0],
                      dh=INTERCEPTS[1] - INTERCEPTS[0], color_mapper=mapper)
    shaped(equal_axes(plot, area), 400, 460)  # a gradient stands square to the iso-lines it crosses
    plot.multi_line([xs for xs, _ in land["lines"]], [ys for _, ys in land["lines"]],
                    line_color=GREY, line_width=1, line_alpha=0.8)
    plot.scatter([land["best"][0]], [land["best"][1]], marker="x", size=12, line_width=2, color="black")
    if colour_bar:
        plot.add_layout(ColorBar(color_mapper=mapper, title="loss", width=10), "right")
    return plot


def regime_words(regime):
    return f"<b>{regime}</b>: {REGIMES[regime]}"


class LossLandscape(Figure):
    """The seed's figure: the line's loss as its slope and intercept move."""

    core_functions = (
        "dlviz.core.landscape.linear_loss",
        "dlviz.core.landscape.loss_surface",
        "dlviz.core.landscape.least_squares_line",
    )
    changeable = True

    # A click or drag on the landscape places the point to the hundredth; the sliders move in tenths.
    slope = param.Number(default=-1.0, bounds=SLOPES, step=0.01, doc="Slope of the line")
    intercept = param.Number(default=6.0, bounds=INTERCEPTS, step=0.01, doc="Intercept of the line")
    # Before Python, either slider answers on its own (the other where it starts); a drag on the map waits.
    precomputed = [{"slope": tenths(SLOPES)}, {"intercept": tenths(INTERCEPTS)}]

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_line()
        self.slopes = np.linspace(*SLOPES, 61)  # every 0.2: a smooth parabola, half the bytes of each precomputed state
        self.line_x = np.array([-5.5, 5.5])

        self.curve = ColumnDataSource({"slope": [], "loss": []})
        self.point = ColumnDataSource({"slope": [], "intercept": [], "loss": []})
        self.line = ColumnDataSource({"x": [], "y": []})

        profile = new_plot("Loss against the slope", "slope", "loss (mean squared error)",
                           x_range=Range1d(*SLOPES))
        profile.line("slope", "loss", source=self.curve, color=BLUE, line_width=2)
        profile.scatter("slope", "loss", source=self.point, size=12, color=VERMILION)

        fit = new_plot("The data and the line", "x", "y", y_range=Range1d(-16, 20))
        fit.scatter(self.x, self.y, size=7, color=BLUE, alpha=0.7)
        fit.line("x", "y", source=self.line, color=VERMILION, line_width=3)

        self.contour = landscape_plot("The landscape from above\n(drag or click the dot)", colour_bar=True)
        self.contour.scatter("slope", "intercept", source=self.point, size=13, color=VERMILION,
                             line_color="white", line_width=2)
        self.contour.on_event(Tap, self._clicked)
        self._dragging = False  # a drag that started on the dot moves it; no pan tool is active, so never the axes
        self.contour.on_event(PanStart, self._grab)
        self.contour.on_event(Pan, self._drag)
        self.contour.on_event(PanEnd, self._drop)

        self.slope_slider = pn.widgets.FloatSlider.from_param(self.param.slope, name="Slope", step=0.1)
        self.intercept_slider = pn.widgets.FloatSlider.from_param(self.param.intercept, name="Intercept", step=0.1)
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(profile), pn.pane.Bokeh(fit), pn.pane.Bokeh(self.contour))
        self._update()

    def _grab(self, event):
        """A drag starting on the dot (within GRAB of the window's width and height) takes it along."""
        self._dragging = (abs(event.x - self.slope) <= GRAB * (SLOPES[1] - SLOPES[0])
                          and abs(event.y - self.intercept) <= GRAB * (INTERCEPTS[1] - INTERCEPTS[0]))

    def _drag(self, event):
        if self._dragging:
            self._clicked(event)

    def _drop(self, event):
        self._dragging = False

    def _clicked(self, event):
        """A click on the contour plot moves the point there (within the sliders' bounds)."""
        if event.x is None or event.y is None:
            return
        self.param.update(slope=on_step(np.clip(event.x, *SLOPES), self.param.slope),
                          intercept=on_step(np.clip(event.y, *INTERCEPTS), self.param.intercept))

    @param.depends("slope", "intercept", watch=True)
    def _update(self):
        loss = linear_loss(self.x, self.y, self.slope, self.intercept)
        self.curve.data = {"slope": self.slopes,
                           "loss": [linear_loss(self.x, self.y, slope, self.intercept) for slope in self.slopes]}
        self.point.data = {"slope": [self.slope], "intercept": [self.intercept], "loss": [loss]}
        self.line.data = {"x": self.line_x, "y": self.slope * self.line_x + self.intercept}
        self.numbers.object = (
            f"Slope <b>{plain(self.slope, 2)}</b>, intercept <b>{plain(self.intercept, 2)}</b>: "
            f"loss <b>{loss:.3f}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slope_slider, self.intercept_slider, self.plots, self.numbers,
                         sizing_mode="stretch_width")


class GradientDescent(Figure):
    """Gradient descent on the line's landscape, one step at a time."""

    core_functions = (
        "dlviz.core.optimisers._gradient_descent",
        "dlviz.core.landscape.linear_loss_gradient",
        "dlviz.core.landscape.descent_path",
    )
    changeable = True

    learning_rate = param.Number(default=0.03, bounds=(0.002, 0.16), step=0.002, doc="Learning rate")
    steps = param.Integer(default=0, bounds=(0, MAX_STEPS), doc="Steps taken")
    precomputed = {"steps": range(0, MAX_STEPS + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_line()
        self.path = ColumnDataSource({"slope": [], "intercept": []})
        self.here = ColumnDataSource({"slope": [], "intercept": []})
        self.losses = ColumnDataSource({"step": [], "loss": []})

        contour = landscape_plot("The path downhill")
        contour.line("slope", "intercept", source=self.path, color=VERMILION, line_width=2)
        contour.scatter("slope", "intercept", source=self.path, size=5, color=VERMILION)
        contour.scatter("slope", "intercept", source=self.here, size=12, color=VERMILION,
                        line_color="white", line_width=2)
        self.arrow = Arrow(end=NormalHead(size=10, fill_color=BLUE, line_color=BLUE),
                           line_color=BLUE, line_width=3, x_start=0, y_start=0, x_end=0, y_end=0)
        contour.add_layout(self.arrow)

        chart = new_plot("Loss against step", "step", "loss", y_axis_type="log",
                         x_range=Range1d(0, MAX_STEPS))
        chart.line("step", "loss", source=self.losses, color=VERMILION, line_width=2)

        self.player = Player(self._advance)
        self.step_button = pn.widgets.Button(label="Step", width=80)
        self.step_button.on_click(lambda event: self._advance())
        self.reset_button = pn.widgets.Button(label="Reset", width=80)
        self.reset_button.on_click(self._reset)
        self.rate_slider = pn.widgets.FloatSlider.from_param(
            self.param.learning_rate, name="Learning rate", format="0.000")
        self.steps_slider = pn.widgets.IntSlider.from_param(self.param.steps, name="Steps taken")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(contour), pn.pane.Bokeh(chart))
        self._update()

    def descent(self):
        """The descent from START for `steps` steps and one more, the step the arrow
        shows: a DescentPath."""
        return descent_path(self.x, self.y, START, self.learning_rate, self.steps + 1)

    def _advance(self):
        """One more step, unless the descent has diverged or used all its steps;
        return whether another step is possible."""
        if self.diverged or self.steps >= MAX_STEPS:
            return False
        self.steps += 1
        return self.steps < MAX_STEPS and not self.diverged

    def _reset(self, event=None):
        self.player.stop()
        self.steps = 0

    def stop(self):
        self.player.stop()

    @param.depends("learning_rate", "steps", watch=True)
    def _update(self):
        path = self.descent()
        divergence = path.divergence
        self.diverged = divergence is not None and divergence.step <= self.steps
        last = divergence.step if self.diverged else self.steps  # the plots stop where the descent did
        shown = slice(0, last + 1)
        here = path.points[shown][-1]
        self.path.data = {"slope": path.points[shown, 0], "intercept": path.points[shown, 1]}
        self.here.data = {"slope": [here[0]], "intercept": [here[1]]}
        self.losses.data = {"step": np.arange(len(path.losses[shown])), "loss": path.losses[shown]}
        regime = learning_rate_regime(line_landscape()["curvatures"], self.learning_rate, MAX_STEPS)
        rate = f"Learning rate <b>{self.learning_rate:.3f}</b>, {regime_words(regime)}."
        if self.diverged:
            self.player.stop()
            self.arrow.visible = False
            self.numbers.object = (  # the slider's steps, and where the descent stopped
                f"{rate} Steps taken <b>{self.steps}</b>: {diverged_words(divergence)} Its last point: slope {plain(here[0], 2)}, "
                f"intercept {plain(here[1], 2)}, loss {path.losses[-1]:,.1f}."
            )
            return
        self.arrow.visible = len(path.points) > self.steps + 1  # the next step, unless it diverges
        if self.arrow.visible:
            next_point = path.points[self.steps + 1]
            self.arrow.update(x_start=here[0], y_start=here[1], x_end=next_point[0], y_end=next_point[1])
        gradient = linear_loss_gradient(self.x, self.y, *here)
        self.numbers.object = (
            f"{rate} After <b>{self.steps}</b> steps: slope <b>{plain(here[0])}</b>, intercept "
            f"<b>{plain(here[1])}</b>, loss <b>{path.losses[self.steps]:.3f}</b>; gradient there "
            f"({plain(gradient[0])}, {plain(gradient[1])})"
        )

    def __panel__(self):
        buttons = controls(self.step_button, self.player.button, self.reset_button)
        return pn.Column(self.rate_slider, buttons, self.steps_slider, self.plots, self.numbers,
                         sizing_mode="stretch_width")


class StochasticDescent(Figure):
    """Gradient descent that looks at a few random points per step."""

    core_functions = (
        "dlviz.core.landscape.minibatch_gradients",
        "dlviz.core.landscape.descent_path",
    )

    batch_size = param.Integer(default=5, bounds=(1, 50), doc="Points per step")
    draw = param.Integer(default=0, bounds=(0, 999), doc="Which random batches are drawn")

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_line()
        self.full = descent_path(self.x, self.y, START, SGD_RATE, SGD_STEPS)
        self.path = ColumnDataSource({"slope": [], "intercept": []})
        self.fan = ColumnDataSource({"xs": [], "ys": []})
        self.losses = ColumnDataSource({"step": [], "loss": []})

        contour = landscape_plot("Full batch and minibatch paths")
        contour.multi_line("xs", "ys", source=self.fan, color=PURPLE, line_width=2, line_alpha=0.7,
                           legend_label="first step, other batches")
        contour.line(self.full.points[:, 0], self.full.points[:, 1], color=BLUE, line_width=2,
                     legend_label="all 50 points")
        contour.line("slope", "intercept", source=self.path, color=VERMILION, line_width=2,
                     legend_label="minibatches")
        compact_legend(contour, "bottom_right")  # the paths run from the top left to the middle: not over them

        chart = new_plot("Loss against step", "step", "loss", y_axis_type="log")
        chart.line(np.arange(SGD_STEPS + 1), self.full.losses, color=BLUE, line_width=2,
                   legend_label="all 50 points")
        chart.line("step", "loss", source=self.losses, color=VERMILION, line_width=2,
                   legend_label="minibatches")
        compact_legend(chart, "top_right")

        self.batch_slider = pn.widgets.IntSlider.from_param(self.param.batch_size, name="Batch size")
        self.draw_button = pn.widgets.Button(label="Draw other batches", width=170)
        self.draw_button.on_click(self._redraw)
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(contour), pn.pane.Bokeh(chart))
        self._update()

    def _redraw(self, event=None):
        self.draw = (self.draw + 1) % (self.param.draw.bounds[1] + 1)

    @param.depends("batch_size", "draw", watch=True)
    def _update(self):
        path = descent_path(self.x, self.y, START, SGD_RATE, SGD_STEPS,
                            batch_size=self.batch_size, seed=self.draw)
        self.path.data = {"slope": path.points[:, 0], "intercept": path.points[:, 1]}
        self.losses.data = {"step": np.arange(len(path.losses)), "loss": path.losses}
        guesses = minibatch_gradients(self.x, self.y, START, self.batch_size, SGD_FAN, seed=self.draw + 1)
        ends = [optimiser_step("gradient_descent", [np.array(START)], [guess], None, SGD_RATE)[0][0]
                for guess in guesses]  # where each batch's first step would go
        self.fan.data = {"xs": [[START[0], end[0]] for end in ends], "ys": [[START[1], end[1]] for end in ends]}
        end = path.points[-1]
        self.numbers.object = (
            f"Batches of <b>{self.batch_size}</b> of the 50 points: after {SGD_STEPS} steps slope "
            f"<b>{plain(end[0], 2)}</b>, intercept <b>{plain(end[1], 2)}</b>, "
            f"loss <b>{path.losses[-1]:.3f}</b> "
            f"(all 50 points each step: {self.full.losses[-1]:.3f}; lowest possible "
            f"{line_landscape()['lowest']:.3f})"
        )

    def __panel__(self):
        return pn.Column(self.batch_slider, self.draw_button, self.plots, self.numbers,
                         sizing_mode="stretch_width")


@lru_cache(maxsize=1)
def valley_landscape():
    """The narrow valley over its box: grid values and iso-lines."""
    (a_low, a_high), (b_low, b_high) = VALLEY_BOX
    along, across = np.linspace(a_low, a_high, 67), np.linspace(b_low, b_high, 40)
    heights = narrow_valley(np.stack(np.meshgrid(along, across), axis=-1))  # rows by b, columns by a
    levels = geometric_levels(VALLEY_FLOOR, heights.max(), 9)
    return {"heights": heights, "lines": [iso_line(along, across, heights, level) for level in levels]}


class Momentum(Figure):
    """Plain gradient descent and momentum in a long narrow valley."""

    core_functions = (
        "dlviz.core.optimisers._momentum",
        "dlviz.core.landscape.valley_path",
    )

    beta = param.Number(default=0.7, bounds=(0.0, 0.99), step=0.01, doc="Momentum β")
    learning_rate = param.Number(default=0.038, bounds=(0.005, 0.039), step=0.001, doc="Learning rate")

    def __init__(self, **params):
        super().__init__(**params)
        land = valley_landscape()
        (a_low, a_high), (b_low, b_high) = VALLEY_BOX
        self.plain = ColumnDataSource({"a": [], "b": []})
        self.momentum = ColumnDataSource({"a": [], "b": []})
        self.plain_heights = ColumnDataSource({"step": [], "height": []})
        self.momentum_heights = ColumnDataSource({"step": [], "height": []})
        self.chosen = ColumnDataSource({"learning_rate": [self.learning_rate], "beta": [self.beta]})

        valley = new_plot("The narrow valley from above", "a (along the valley)", "b (across it)",
                          x_range=Range1d(a_low, a_high), y_range=Range1d(b_low, b_high))
        mapper = LogColorMapper(palette=SHADES, low=VALLEY_FLOOR, high=land["heights"].max())
        valley.image(image=[land["heights"]], x=a_low, y=b_low, dw=a_high - a_low, dh=b_high - b_low,
                     color_mapper=mapper)
        valley.multi_line([xs for xs, _ in land["lines"]], [ys for _, ys in land["lines"]],
                          line_color=GREY, line_width=1, line_alpha=0.8)
        valley.line("a", "b", source=self.plain, color=ORANGE, line_width=2, legend_label="plain descent")
        valley.line("a", "b", source=self.momentum, color=BLUE, line_width=2, legend_label="momentum")
        valley.scatter([0], [0], marker="x", size=12, line_width=2, color="black", legend_label="floor")
        compact_legend(valley, "top_right")

        chart = new_plot("Height against step", "step", "height", y_axis_type="log",
                         x_range=Range1d(0, VALLEY_SHOWN), y_range=Range1d(VALLEY_FLOOR / 100, 100))
        chart.line("step", "height", source=self.plain_heights, color=ORANGE, line_width=2,
                   legend_label="plain descent")
        chart.line("step", "height", source=self.momentum_heights, color=BLUE, line_width=2,
                   legend_label="momentum")
        chart.line([0, VALLEY_SHOWN], [VALLEY_FLOOR] * 2, line_color="black", line_dash="dashed",
                   legend_label=f"floor ({VALLEY_FLOOR})")  # in the legend as the dashed line it is
        compact_legend(chart, "top_right")

        self.beta_slider = pn.widgets.FloatSlider.from_param(self.param.beta, name="Momentum β")
        self.rate_slider = pn.widgets.FloatSlider.from_param(
            self.param.learning_rate, name="Learning rate (both)", format="0.000")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(valley), pn.pane.Bokeh(chart), pn.pane.Bokeh(self._map_plot()))
        self._update()

    def _map_plot(self):
        """Distill's convergence map: the steps momentum takes to the floor at every learning rate and β
        (white where it takes more than VALLEY_STEPS or diverges); the figure's pair is the circle, a click sets it."""
        rates, betas = self.map_axes()
        steps = momentum_map()
        rate_step, beta_step = self.param.learning_rate.step, self.param.beta.step
        plot = new_plot("Steps to the floor (click to choose)", "learning rate", "momentum β",
                        x_range=Range1d(rates[0] - rate_step / 2, rates[-1] + rate_step / 2),
                        y_range=Range1d(betas[0] - beta_step / 2, betas[-1] + beta_step / 2))
        mapper = LinearColorMapper(palette=Viridis256, low=0, high=VALLEY_STEPS, nan_color="white")
        plot.image(image=[steps.T], x=rates[0] - rate_step / 2, y=betas[0] - beta_step / 2,
                   dw=rates[-1] - rates[0] + rate_step, dh=betas[-1] - betas[0] + beta_step, color_mapper=mapper)
        plot.add_layout(ColorBar(color_mapper=mapper, width=10, title="steps"), "right")
        plot.scatter("learning_rate", "beta", source=self.chosen, size=12, fill_color=None, line_color=VERMILION,
                     line_width=3)
        plot.on_event(Tap, self._map_clicked)
        return plot

    @classmethod
    def map_axes(cls):
        """The map's learning rates and βs: every value the sliders can take."""
        rate, beta = cls.param.learning_rate, cls.param.beta
        rates = np.round(np.arange(rate.bounds[0], rate.bounds[1] + rate.step / 2, rate.step), 3)
        betas = np.round(np.arange(beta.bounds[0], beta.bounds[1] + beta.step / 2, beta.step), 2)
        return rates, betas

    def _map_clicked(self, event):
        """A click on the map sets both the learning rate and β there."""
        if event.x is None or event.y is None:
            return
        rate, beta = self.param.learning_rate, self.param.beta
        self.param.update(learning_rate=on_step(np.clip(event.x, *rate.bounds), rate),
                          beta=on_step(np.clip(event.y, *beta.bounds), beta))

    def valley_paths(self):
        """Both descents of the valley, VALLEY_STEPS steps each: (plain, momentum)."""
        plain = valley_path(VALLEY_START, self.learning_rate, VALLEY_STEPS)
        momentum = valley_path(VALLEY_START, self.learning_rate, VALLEY_STEPS, "momentum", beta=self.beta)
        return plain, momentum

    @param.depends("beta", "learning_rate", watch=True)
    def _update(self):
        plain, momentum = self.valley_paths()
        self.chosen.data = {"learning_rate": [self.learning_rate], "beta": [self.beta]}
        shown = slice(0, VALLEY_SHOWN + 1)
        for source, heights, path in ((self.plain, self.plain_heights, plain),
                                      (self.momentum, self.momentum_heights, momentum)):
            source.data = {"a": path.points[shown, 0], "b": path.points[shown, 1]}
            heights.data = {"step": np.arange(len(path.losses[shown])), "height": path.losses[shown]}

        def reached(path):
            steps = steps_to_floor(path.losses, VALLEY_FLOOR)
            return f"more than {VALLEY_STEPS} steps" if steps is None else f"<b>{steps}</b> steps"

        self.numbers.object = (
            f"β = <b>{self.beta:.2f}</b>, learning rate {self.learning_rate:.3f}: momentum reaches the "
            f"floor (height below {VALLEY_FLOOR}) in {reached(momentum)}; plain descent in {reached(plain)}"
        )

    def __panel__(self):
        return pn.Column(self.beta_slider, self.rate_slider, self.plots, self.numbers,
                         sizing_mode="stretch_width")


@lru_cache(maxsize=1)
def momentum_map():
    """The momentum figure's convergence map, computed once: steps to the floor at each (learning rate, β)."""
    rates, betas = Momentum.map_axes()
    return momentum_convergence_map(rates, betas, VALLEY_START, VALLEY_STEPS, VALLEY_FLOOR)


class OptimiserRace(Figure):
    """Four optimisers from the same start on the line's landscape."""

    core_functions = (
        "dlviz.core.optimisers._momentum",
        "dlviz.core.optimisers._rmsprop",
        "dlviz.core.optimisers._adam",
    )

    learning_rate = param.Number(default=0.1, bounds=(0.01, 0.3), step=0.01, doc="Learning rate")
    steps = param.Integer(default=RACE_STEPS, bounds=(0, RACE_STEPS), doc="Steps taken")
    precomputed = {"steps": range(0, RACE_STEPS + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_line()
        labels, colours = [r[1] for r in RACERS], [r[2] for r in RACERS]
        empty = [[] for _ in RACERS]
        self.tracks = ColumnDataSource({"xs": empty, "ys": empty, "label": labels, "colour": colours})
        self.curves = ColumnDataSource({"xs": empty, "ys": empty, "label": labels, "colour": colours})
        contour = landscape_plot("Four optimisers, one start")
        contour.multi_line("xs", "ys", source=self.tracks, line_color="colour", line_width=2)
        chart = new_plot("Loss against step", "step", "loss", y_axis_type="log",
                         x_range=Range1d(0, RACE_STEPS))
        chart.multi_line("xs", "ys", source=self.curves, line_color="colour", line_width=2,
                         legend_field="label")
        compact_legend(chart, "center")
        legend_below(chart)  # four curves cross the whole chart: none under it
        self._paths = {}

        self.player = Player(self._advance)
        self.rate_slider = pn.widgets.FloatSlider.from_param(
            self.param.learning_rate, name="Learning rate (all four)", format="0.00")
        self.steps_slider = pn.widgets.IntSlider.from_param(self.param.steps, name="Steps taken")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(contour), pn.pane.Bokeh(chart))
        self._update()

    def paths(self):
        """Each optimiser's whole race at this learning rate: {name: DescentPath}."""
        if self.learning_rate not in self._paths:
            self._paths = {self.learning_rate: {
                name: descent_path(self.x, self.y, START, self.learning_rate, RACE_STEPS, name, **hyper)
                for name, _, _, hyper in RACERS
            }}
        return self._paths[self.learning_rate]

    def _advance(self):
        if self.steps >= RACE_STEPS:
            self.steps = 0  # play from the start again
        self.steps += 1
        return self.steps < RACE_STEPS

    def stop(self):
        self.player.stop()

    @param.depends("learning_rate", "steps", watch=True)
    def _update(self):
        results, tracks, curves = [], {"xs": [], "ys": []}, {"xs": [], "ys": []}
        shown = slice(0, self.steps + 1)
        for name, label, _, _ in RACERS:
            path = self.paths()[name]
            tracks["xs"].append(path.points[shown, 0])
            tracks["ys"].append(path.points[shown, 1])
            curves["xs"].append(np.arange(len(path.losses[shown])))
            curves["ys"].append(path.losses[shown])
            if path.divergence and path.divergence.step <= self.steps:
                results.append(f"{label} <b>diverged at step {path.divergence.step}</b>")
            else:
                results.append(f"{label} <b>{path.losses[shown][-1]:.3f}</b>")
        self.tracks.data = dict(self.tracks.data, **tracks)
        self.curves.data = dict(self.curves.data, **curves)
        self.numbers.object = (
            f"Learning rate <b>{self.learning_rate:.2f}</b>, loss after {self.steps} steps: "
            + ", ".join(results) + f" (lowest possible {line_landscape()['lowest']:.3f})"
        )

    def __panel__(self):
        return pn.Column(self.rate_slider, controls(self.player.button, self.steps_slider),
                         self.plots, self.numbers, sizing_mode="stretch_width")


# The backpropagation figure's tiny network: 2 inputs, 2 hidden neurons, 1 output, all sigmoid.
TINY_NETWORK = Network(
    weights=[np.array([[0.8, -0.4], [0.3, 0.9]]), np.array([[1.2], [-0.7]])],
    biases=[np.array([0.1, -0.2]), np.array([0.3])],
    activations=["sigmoid", "sigmoid"],
)
TINY_INPUTS = np.array([1.0, 0.5])
TINY_TARGET = 1.0
NODES = {"x1": ("x₁", SKY), "x2": ("x₂", SKY), "h1": ("h₁", GREEN), "h2": ("h₂", GREEN),
         "out": ("ŷ", VERMILION), "loss": ("L", GREY)}  # name: (label, fill)
EDGES = [("x1", "h1", 0, 0), ("x1", "h2", 0, 1), ("x2", "h1", 1, 0), ("x2", "h2", 1, 1),
         ("h1", "out", 0, 0), ("h2", "out", 1, 0)]  # (from, to, row, column) of its weight
STAGES = 12
# The network is drawn twice, each drawing for its screens. Wide: left to right, each node's and
# edge's numbers beside it. Tall, for a phone: down a narrow spine, in pixels of a 320 px wide plot,
# the numbers in two columns either side of it, level with what they are of (an edge's named).
WIDE = {"x1": (0.0, 1.0), "x2": (0.0, -1.0), "h1": (2.4, 1.0), "h2": (2.4, -1.0), "out": (4.8, 0.0), "loss": (6.6, 0.0)}
WIDE_SIDES = {"x1": ("x1", 1), "x2": ("x2", -1), "h1": ("h1", 1), "h2": ("h2", -1),
              "out": ("out", 1), "out back": ("out", -1), "loss": ("loss", 1)}  # above (1) or below a node
WIDE_LINE = 0.22  # a line of text, in the plot's units
TALL = {"x1": (130, 40), "x2": (190, 40), "h1": (130, 250), "h2": (190, 250), "out": (160, 420), "loss": (160, 510)}
TALL_SPOTS = {"x1": ("left", 40), "x2": ("right", 40), "h1": ("left", 250), "h2": ("right", 250),
              "out": ("left", 420), "out back": ("right", 420), "loss": ("right", 510),
              ("x1", "h1"): ("left", 100), ("x1", "h2"): ("left", 160), ("x2", "h2"): ("right", 100),
              ("x2", "h1"): ("right", 160), ("h1", "out"): ("left", 335), ("h2", "out"): ("right", 335)}
TALL_COLUMNS = {"left": (108, "right"), "right": (212, "left")}  # each column's edge and alignment
TALL_WIDTH, TALL_HEIGHT, TALL_LINE = 320, 545, 17
LAYOUTS = {"wide": WIDE, "tall": TALL}


class Backpropagation(Figure):
    """A tiny network's forward pass, then its backward pass, one stage at a time."""

    core_functions = (
        "dlviz.core.network.backward_pass",
        "dlviz.core.network.forward_pass",
    )

    stage = param.Integer(default=1, bounds=(1, STAGES), doc="Stage of the passes, from 1")
    precomputed = {"stage": range(1, STAGES + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        batch = backward_pass(TINY_NETWORK, TINY_INPUTS[None, :], [TINY_TARGET], "mean_squared_error")
        self.trace = batch._replace(**{  # the batch's one example: its row of every per-example array
            name: [values[0] for values in getattr(batch, name)]
            for name in ("pre_activations", "activations", "der_outputs", "der_pre_activations")})
        numbers = self._numbers()
        self._rows = {"wide": wide_rows(numbers), "tall": tall_rows(numbers)}
        ends = [(start, end) for start, end, _, _ in EDGES] + [("out", "loss")]
        self.edges = ColumnDataSource({  # its colours and widths set by _update
            f"{axis} {layout}": [[places[a][k], places[b][k]] for a, b in ends]
            for layout, places in LAYOUTS.items() for k, axis in enumerate(("xs", "ys"))})
        self.labels = {layout: ColumnDataSource({"x": [], "y": [], "text": [], "colour": [], "style": [], "align": []})
                       for layout in self._rows}
        wide = self._drawing("wide", height=480, node_size=38, font_size="12px",
                             x_range=Range1d(-0.9, 7.5), y_range=Range1d(-2.75, 2.75))
        tall = self._drawing("tall", height=TALL_HEIGHT, node_size=30, font_size="11px",
                             x_range=Range1d(0, TALL_WIDTH), y_range=Range1d(TALL_HEIGHT, 0))

        self.stage_slider = pn.widgets.IntSlider.from_param(self.param.stage, name="Stage")
        self.back_button = pn.widgets.Button(label="◀ Back", width=90)
        self.back_button.on_click(lambda event: self._move(-1))
        self.next_button = pn.widgets.Button(label="Next ▶", width=90, color="primary")
        self.next_button.on_click(lambda event: self._move(1))
        self.numbers = readout()
        self.plot = pn.Column(pn.pane.Bokeh(on_screens(wide, narrow=False), sizing_mode="stretch_width"),
                              pn.pane.Bokeh(on_screens(tall, narrow=True), sizing_mode="stretch_width"),
                              sizing_mode="stretch_width")
        self._update()

    def _drawing(self, layout, node_size, font_size, **options):
        """The network drawn as `layout` ("wide" or "tall") lays it out, with its numbers."""
        plot = bare(new_plot("A tiny network, forward then backward", "", "", **options))
        places = LAYOUTS[layout]
        plot.multi_line(f"xs {layout}", f"ys {layout}", source=self.edges, line_color="colour", line_width="width")
        names = list(NODES)
        xs, ys = [places[n][0] for n in names], [places[n][1] for n in names]
        plot.scatter(xs, ys, size=node_size, line_color="white", fill_color=[NODES[n][1] for n in names])
        plot.text(xs, ys, [NODES[n][0] for n in names], text_color="white", text_font_style="bold",
                  text_align="center", text_baseline="middle", text_font_size=f"{round(node_size * 0.4)}px")
        plot.add_layout(LabelSet(x="x", y="y", text="text", source=self.labels[layout], text_color="colour",
                                 text_font_style="style", text_font_size=font_size, text_align="align",
                                 text_baseline="middle", background_fill_color="white",
                                 background_fill_alpha=0.85))
        return plot

    def _move(self, by):
        self.stage = int(np.clip(self.stage + by, 1, STAGES))

    def gradients(self):
        """The weight and bias gradients as the figure shows them (from the trace)."""
        return self.trace.weight_gradients, self.trace.bias_gradients

    def _numbers(self):
        """Every number the figure can show, by what it is of (a node, "out back" for the
        output's gradients, or an edge (from, to)): lines of (stage it appears at, from 0, text, colour).
        An edge's first line is its weight."""
        t = self.trace
        z_hidden, z_out = t.pre_activations
        x, h, out = t.activations
        numbers = {"x1": [(0, f"x₁ = {signed(x[0], 2)}", "black")], "x2": [(0, f"x₂ = {signed(x[1], 2)}", "black")]}
        for k, node in enumerate(("h1", "h2")):
            i = "₁₂"[k]
            numbers[node] = [(0, f"b{i} = {signed(TINY_NETWORK.biases[0][k], 2)}", GREY_TEXT),
                             (1, f"z{i} = {signed(z_hidden[k])}", "black"),
                             (2, f"h{i} = σ(z{i}) = {signed(h[k])}", "black"),
                             (9, f"∂L/∂h{i} = {signed(t.der_outputs[0][k], 4)}", VERMILION_TEXT),
                             (10, f"∂L/∂z{i} = {signed(t.der_pre_activations[0][k], 4)}", VERMILION_TEXT),
                             (10, f"∂L/∂b{i} = {signed(t.bias_gradients[0][k], 4)}", VERMILION_TEXT)]
        numbers["out"] = [(0, f"b = {signed(TINY_NETWORK.biases[1][0], 2)}", GREY_TEXT),
                          (3, f"z = {signed(z_out[0])}", "black"),
                          (4, f"ŷ = σ(z) = {signed(out[0])}", "black")]
        numbers["out back"] = [(6, f"∂L/∂ŷ = {signed(t.der_outputs[1][0], 4)}", VERMILION_TEXT),
                               (7, f"∂L/∂z = {signed(t.der_pre_activations[1][0], 4)}", VERMILION_TEXT),
                               (7, f"∂L/∂b = {signed(t.bias_gradients[1][0], 4)}", VERMILION_TEXT)]
        numbers["loss"] = [(0, f"target t = {signed(TINY_TARGET, 0)}", "black"),
                           (5, f"L = (ŷ − t)² = {signed(t.loss, 4)}", "black")]
        for start, end, i, j in EDGES:
            layer = 0 if start.startswith("x") else 1
            numbers[start, end] = [(0, f"w = {signed(TINY_NETWORK.weights[layer][i, j], 2)}", "black"),
                                   (11 if layer == 0 else 8, f"∂L/∂w = {signed(t.weight_gradients[layer][i, j], 4)}",
                                    VERMILION_TEXT)]
        return numbers

    def _explain(self):
        """The stage's sentence, with its numbers."""
        t = self.trace
        w0, w1 = TINY_NETWORK.weights
        b0, b1 = TINY_NETWORK.biases
        z_hidden, z_out = t.pre_activations
        x, h, out = t.activations
        n, f = signed, factor
        der_z_out = t.der_pre_activations[1][0]
        output_slope = ACTIVATIONS["sigmoid"].der(z_out)[0]
        hidden_slopes = ACTIVATIONS["sigmoid"].der(z_hidden)
        sub = "₁₂"
        sentences = [
            f"The start: inputs x₁ = {n(x[0], 2)} and x₂ = {n(x[1], 2)} go in; the target is "
            f"t = {n(TINY_TARGET, 0)}. Every edge holds a weight w, every neuron a bias b.",
            "Forward: each hidden neuron adds up its inputs times their weights, plus its bias: "
            + "; ".join(f"z{sub[k]} = {n(w0[0, k], 2)}·{n(x[0], 2)} {added(w0[1, k], 2)}·{n(x[1], 2)} "
                        f"{added(b0[k], 2)} = {n(z_hidden[k])}" for k in range(2)),
            "Forward: each hidden neuron squashes its sum with the sigmoid σ(z) = 1 / (1 + e^−z): "
            + "; ".join(f"h{sub[k]} = σ({n(z_hidden[k])}) = {n(h[k])}" for k in range(2)),
            f"Forward: the output neuron adds up the hidden activations times their weights, plus its "
            f"bias: z = {n(w1[0, 0], 2)}·{n(h[0])} {added(w1[1, 0], 2)}·{n(h[1])} {added(b1[0], 2)} "
            f"= {n(z_out[0])}",
            f"Forward: the prediction ŷ = σ({n(z_out[0])}) = {n(out[0])}",
            f"The loss: L = (ŷ − t)² = ({n(out[0])} − {n(TINY_TARGET, 0)})² = {n(t.loss, 4)}. "
            "The forward pass is done; now backwards.",
            "Backward: how the loss changes as the prediction changes: ∂L/∂ŷ = 2(ŷ − t) = "
            f"{n(t.der_outputs[1][0], 4)}",
            f"Backward through the output's sigmoid, whose slope is σ′(z) = ŷ(1 − ŷ) = {n(output_slope, 4)}: "
            f"∂L/∂z = ∂L/∂ŷ × σ′(z) = {n(der_z_out, 4)}, and the bias's gradient ∂L/∂b is the same",
            "The output weights' gradients: each is the activation it multiplied, times ∂L/∂z: "
            + "; ".join(f"h{sub[k]}→ŷ: {n(h[k])} × {f(der_z_out, 4)} = {n(t.weight_gradients[1][k, 0], 4)}"
                        for k in range(2)),
            "Backward to the hidden neurons: each weight hands ∂L/∂z back, times itself: "
            + "; ".join(f"∂L/∂h{sub[k]} = {n(w1[k, 0], 2)} × {f(der_z_out, 4)} = "
                        f"{n(t.der_outputs[0][k], 4)}" for k in range(2)),
            "Backward through the hidden sigmoids, whose slopes are σ′(z) = h(1 − h): "
            + "; ".join(f"∂L/∂z{sub[k]} = {n(t.der_outputs[0][k], 4)} × {n(hidden_slopes[k], 4)} = "
                        f"{n(t.der_pre_activations[0][k], 4)}" for k in range(2)),
            "The first layer's gradients, each input times the ∂L/∂z it feeds: "
            + "; ".join(f"x{sub[i]}→h{sub[k]}: {n(x[i], 2)} × {f(t.der_pre_activations[0][k], 4)} = "
                        f"{n(t.weight_gradients[0][i, k], 4)}" for i in range(2) for k in range(2))
            + ". Every gradient is known: a step of gradient descent subtracts the learning rate times each.",
        ]
        return sentences[self.stage - 1]

    @param.depends("stage", watch=True)
    def _update(self):
        now = self.stage - 1  # the rows count stages from 0
        for layout, rows in self._rows.items():
            shown = [r for r in rows if r[0] <= now]
            self.labels[layout].data = {
                "x": [r[1] for r in shown], "y": [r[2] for r in shown], "text": [r[3] for r in shown],
                "colour": [r[4] for r in shown], "style": ["bold" if r[0] == now else "normal" for r in shown],
                "align": [r[5] for r in shown],
            }
        active = {1: 0, 11: 0, 3: 1, 8: 1, 9: 1}.get(now)  # the layer of weights in use
        in_use = [(0 if start.startswith("x") else 1) == active for start, _, _, _ in EDGES] + [now in (5, 6)]
        self.edges.data = dict(self.edges.data, colour=[ORANGE if used else GREY for used in in_use],
                               width=[4 if used else 2 for used in in_use])
        phase = "forward pass" if now < 6 else "backward pass"
        self.numbers.object = f"Stage <b>{self.stage}</b> of {STAGES} ({phase}): {self._explain()}"

    def __panel__(self):
        return pn.Column(self.stage_slider, pn.Row(self.back_button, self.next_button),
                         self.plot, self.numbers, sizing_mode="stretch_width")


def wide_rows(numbers):
    """The wide drawing's labels: (stage, x, y, text, colour, alignment), each node's lines stacked
    above or below it, each edge's on the edge."""
    rows = []
    for place, lines in numbers.items():
        if isinstance(place, tuple):  # an edge: its lines on it, a third of the way along (nearly half in the second layer)
            (x0, y0), (x1, y1) = WIDE[place[0]], WIDE[place[1]]
            along = 0.35 if place[0].startswith("x") else 0.45
            x, y = x0 + along * (x1 - x0), y0 + along * (y1 - y0) + WIDE_LINE / 2
            rows += [(stage, x, y - k * WIDE_LINE, text, colour, "center") for k, (stage, text, colour) in enumerate(lines)]
            continue
        node, side = WIDE_SIDES[place]
        x, y = WIDE[node]
        count = len(lines)
        for k, (stage, text, colour) in enumerate(lines):
            offset = 0.42 + (count - 1 - k) * WIDE_LINE if side > 0 else -0.42 - k * WIDE_LINE
            rows.append((stage, x, y + offset, text, colour, "center"))
    return rows


def tall_rows(numbers):
    """The tall drawing's labels: each node's and edge's lines in its column, centred on its spot;
    an edge's weight says which edge it is ("x₁→h₁: w = 0.80")."""
    rows = []
    for place, lines in numbers.items():
        column, middle = TALL_SPOTS[place]
        x, align = TALL_COLUMNS[column]
        for k, (stage, text, colour) in enumerate(lines):
            if isinstance(place, tuple) and k == 0:
                text = f"{NODES[place[0]][0]}→{NODES[place[1]][0]}: {text}"
            rows.append((stage, x, middle + (k - (len(lines) - 1) / 2) * TALL_LINE, text, colour, align))
    return rows


FIGURES = {
    "loss_landscape": LossLandscape,
    "gradient_descent": GradientDescent,
    "stochastic_descent": StochasticDescent,
    "momentum": Momentum,
    "optimiser_race": OptimiserRace,
    "backpropagation": Backpropagation,
}
