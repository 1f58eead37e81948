"""Lesson 2, the fundamentals of learning: fitting curves, over-fitting, and
data that moves (a distribution shift)."""

import numpy as np
import panel as pn
import param
from bokeh.events import Pan, PanEnd, PanStart, Tap
from bokeh.models import ColumnDataSource, LinearColorMapper, Span

from dlviz.core.datasets import noisy_quadratic, quadratic_at
from dlviz.core.generalisation import between_and_beyond, beyond_the_data
from dlviz.core.geometry import grid_points, line_in_square
from dlviz.core.line_classifiers import line_accuracy, line_predict, nearest_centroid
from dlviz.core.losses import mean_squared_error
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial, train_and_held_out_error
from dlviz.core.shift import city_scenes
from dlviz.state import NumberList, on_step

from .figure import Figure
from .parts import (
    BLUE, GREEN, GREY, ORANGE, PURPLE, REGION_COLOURS, SKY, VERMILION, class_colours, controls, legend_below, new_plot,
    readout, row,
)

SEED = 19750
HELD_OUT_SEED = 2024
NEW_POINT_SEED = 7
MAX_DEGREE = 16
GOOD, BETTER = 2, 16  # the seed's two curves: vermilion (degree 2) and orange (degree 16)
CURVE_COLOURS = {GOOD: VERMILION, BETTER: ORANGE}


def seed_data():
    """The seed notebook's 20 noisy points on y = x², and held-out points drawn
    the same way: one between each pair of neighbours, and two beyond each end."""
    x, y = noisy_quadratic(size=20, seed=SEED)
    between, beyond = between_and_beyond(x, beyond=2)
    held_x = np.concatenate([between, beyond])
    held_y = quadratic_at(held_x, seed=HELD_OUT_SEED)
    return x, y, held_x[:len(between)], held_y[:len(between)], held_x[len(between):], held_y[len(between):]


def data_plot(title, x, y, x_range, y_range):
    """A plot of the seed's training points, ready for curves on top."""
    plot = new_plot(title, "x", "y", x_range=x_range, y_range=y_range)
    plot.scatter(x, y, size=10, alpha=0.6, color=BLUE, legend_label="data")
    plot.legend.location = "top_center"
    return plot


# --- "A good fit?", "A better fit?", "Both together" -----------------------------

VIEWS = {"A good fit? (degree 2)": (GOOD,), "A better fit? (degree 16)": (BETTER,), "Both together": (GOOD, BETTER)}


class TwoFits(Figure):
    """The seed's step-by-step plots: the data with a degree-2 fit, a degree-16
    fit, or both, and their training errors."""

    core_functions = (
        "dlviz.core.polynomial.fit_polynomial",
        "dlviz.core.polynomial.evaluate_polynomial",
        "dlviz.core.losses.mean_squared_error",
    )

    view = param.Selector(default="A good fit? (degree 2)", objects=list(VIEWS), doc="Which fit to show")
    precomputed = {"view": list(VIEWS)}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_data()[:2]
        curve_x = np.linspace(self.x.min(), self.x.max(), 400)
        plot = data_plot("Some data, and a curve through it", self.x, self.y, (-3.3, 3.3), (-4, 14))
        self.errors, self.curves = {}, {}
        for degree, colour in CURVE_COLOURS.items():
            polynomial = fit_polynomial(self.x, self.y, degree)
            self.errors[degree] = mean_squared_error(self.y, evaluate_polynomial(polynomial, self.x))
            self.curves[degree] = plot.line(curve_x, evaluate_polynomial(polynomial, curve_x), color=colour,
                                            line_width=3, legend_label=f"degree {degree} fit")
        self.title = plot.title
        self.legend_items = {int(item.label.value.split()[1]): item for item in plot.legend.items[1:]}
        self.select = pn.widgets.Select.from_param(self.param.view, name="Show")
        self.numbers = readout()
        self.plot = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    @param.depends("view", watch=True)
    def _update(self):
        shown = VIEWS[self.view]
        for degree, curve in self.curves.items():
            curve.visible = self.legend_items[degree].visible = degree in shown
        self.title.text = self.view
        self.numbers.object = ", ".join(
            f"degree {degree}: training error <b>{self.errors[degree]:.3f}</b>" for degree in shown
        ).capitalize()

    def __panel__(self):
        return pn.Column(self.select, self.plot, self.numbers, sizing_mode="stretch_width")


# --- the seed's two questions, answered by the learner's own points -------------

NEW_POINT_LIMIT = 40
VIEW_X = (-4.2, 4.2)
GRAB_DISTANCE = 0.3  # a drag starting this near a new point (in x) moves that point


class NewPoints(Figure):
    """Both curves over the data; the learner adds new points (between the dots or
    beyond them) drawn the way the data was, and sees which curve predicts them better.
    A drag moves a new point along x (its y is drawn the way the data's was)."""

    core_functions = (
        "dlviz.core.generalisation.beyond_the_data",
        "dlviz.core.polynomial.fit_polynomial",
        "dlviz.core.losses.mean_squared_error",
    )

    new_x = NumberList(default=[], bounds=(0, NEW_POINT_LIMIT), item_bounds=VIEW_X, step=0.01,
                       doc="Where the learner's new points are")

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = seed_data()[:2]
        between, beyond = between_and_beyond(self.x, beyond=2)
        self.next_between = between[(len(between) // 2 + 7 * np.arange(len(between))) % len(between)]  # middle first
        self.next_beyond = np.concatenate([beyond[::2], beyond[1::2]])  # left and right, nearest first
        self.fits = {degree: fit_polynomial(self.x, self.y, degree) for degree in CURVE_COLOURS}

        plot = data_plot("Click to add a point, drag one to move it", self.x, self.y, VIEW_X, (-4, 22))
        curve_x = np.linspace(*VIEW_X, 400)
        for degree, colour in CURVE_COLOURS.items():
            plot.line(curve_x, evaluate_polynomial(self.fits[degree], curve_x), color=colour, line_width=3,
                      legend_label=f"degree {degree}")
        self.points = ColumnDataSource({"x": [], "y": []})
        diamond = {"marker": "diamond", "size": 15, "color": GREEN, "line_color": "black", "legend_label": "your points"}
        plot.scatter([np.nan], [np.nan], **diamond)  # no point on the plot: the legend's diamond, before the learner adds one
        plot.scatter("x", "y", source=self.points, **diamond)
        for edge in (self.x.min(), self.x.max()):
            plot.add_layout(Span(location=edge, dimension="height", line_color=GREY, line_dash="dotted"))
        plot.on_event(Tap, self._tapped)
        self._dragged = None  # the index in new_x of the point being dragged
        plot.on_event(PanStart, self._grab)
        plot.on_event(Pan, self._drag)
        plot.on_event(PanEnd, self._drop)

        self.add_between = pn.widgets.Button(label="Add a point between the dots", color="primary")
        self.add_beyond = pn.widgets.Button(label="Add a point beyond them", color="primary")
        self.clear = pn.widgets.Button(label="Clear my points")
        self.add_between.on_click(lambda _: self._add(self._unused(self.next_between)))
        self.add_beyond.on_click(lambda _: self._add(self._unused(self.next_beyond)))
        self.clear.on_click(lambda _: setattr(self, "new_x", []))
        self.numbers = readout()
        self.plot = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    def _unused(self, candidates):
        """The first of `candidates` the learner has not added yet (or the last one)."""
        taken = set(round(float(x), 2) for x in self.new_x)
        return next((x for x in candidates if round(float(x), 2) not in taken), candidates[-1])

    def _tapped(self, event):
        if VIEW_X[0] <= event.x <= VIEW_X[1]:
            self._add(event.x)

    def _grab(self, event):
        distances = [abs(float(x) - event.x) for x in self.new_x]
        if distances and min(distances) <= GRAB_DISTANCE:
            self._dragged = int(np.argmin(distances))

    def _drag(self, event):
        if self._dragged is not None and VIEW_X[0] <= event.x <= VIEW_X[1]:
            moved = list(self.new_x)
            moved[self._dragged] = on_step(event.x, self.param.new_x)
            self.new_x = moved

    def _drop(self, event):
        self._dragged = None

    def _add(self, x):
        if len(self.new_x) < NEW_POINT_LIMIT:
            self.new_x = [*self.new_x, on_step(x, self.param.new_x)]

    @param.depends("new_x", watch=True)
    def _update(self):
        new_x = np.array([float(x) for x in self.new_x])
        if not len(new_x):
            self.points.data = {"x": [], "y": []}
            self.numbers.object = "No new points yet: click the plot, or press a button."
            return
        new_y = quadratic_at(new_x, seed=NEW_POINT_SEED)
        self.points.data = {"x": new_x, "y": new_y}
        errors = {degree: mean_squared_error(new_y, evaluate_polynomial(fit, new_x)) for degree, fit in self.fits.items()}
        outside = int(np.sum(beyond_the_data(self.x, new_x)))
        better = min(errors, key=errors.get)
        self.numbers.object = (
            f"Your <b>{len(new_x)}</b> new point{'s' if len(new_x) > 1 else ''} ({len(new_x) - outside} between "
            f"the dots, {outside} beyond them): "
            f"error of the degree-2 curve <b>{errors[GOOD]:.3g}</b>, of the degree-16 curve "
            f"<b>{errors[BETTER]:.3g}</b>; the degree-{better} curve predicted {'them' if len(new_x) > 1 else 'it'} better."
        )

    def __panel__(self):
        buttons = controls(self.add_between, self.add_beyond, self.clear)
        return pn.Column(buttons, self.plot, self.numbers, sizing_mode="stretch_width")


# --- every degree, and its errors ---------------------------------------------------


class PolynomialFit(Figure):
    """A polynomial of chosen degree fitted to the seed's data, with its errors on
    the training points and on held-out points between and beyond them."""

    core_functions = (
        "dlviz.core.polynomial.train_and_held_out_error",
        "dlviz.core.polynomial.fit_polynomial",
        "dlviz.core.polynomial.evaluate_polynomial",
    )

    degree = param.Integer(default=2, bounds=(0, MAX_DEGREE), doc="Polynomial degree")
    precomputed = {"degree": range(0, MAX_DEGREE + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y, self.between_x, self.between_y, self.beyond_x, self.beyond_y = seed_data()
        self.curve_x = np.linspace(*VIEW_X, 400)
        degrees = np.arange(MAX_DEGREE + 1)
        errors = np.array([
            train_and_held_out_error(self.x, self.y, self.between_x, self.between_y, d)
            + train_and_held_out_error(self.x, self.y, self.beyond_x, self.beyond_y, d)[1:]
            for d in degrees
        ])
        self.train_errors, self.between_errors, self.beyond_errors = errors.T

        self.curve = ColumnDataSource({"x": [], "y": []})
        fit = data_plot("The fit", self.x, self.y, VIEW_X, (-4, 22))
        fit.scatter(self.between_x, self.between_y, size=8, marker="triangle", color=PURPLE,
                    legend_label="held out: between")
        fit.scatter(self.beyond_x, self.beyond_y, size=9, marker="square", color=SKY, line_color="black",
                    legend_label="held out: beyond")
        fit.line("x", "y", source=self.curve, color=VERMILION, line_width=3, legend_label="fit")

        error = new_plot("Error against degree", "degree", "mean squared error", y_axis_type="log")
        error.line(degrees, self.train_errors, color=BLUE, line_width=2, legend_label="training")
        error.line(degrees, self.between_errors, color=PURPLE, line_width=2, legend_label="held out: between")
        error.line(degrees, self.beyond_errors, color=SKY, line_width=2, line_dash="dashed",
                   legend_label="held out: beyond")
        self.marker = Span(location=self.degree, dimension="height", line_dash="dashed", line_color="black")
        error.add_layout(self.marker)
        error.legend.location = "top_left"

        self.slider = pn.widgets.IntSlider.from_param(self.param.degree, name="Degree")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(fit), pn.pane.Bokeh(error))
        self._update()

    @param.depends("degree", watch=True)
    def _update(self):
        polynomial = fit_polynomial(self.x, self.y, self.degree)
        self.curve.data = {"x": self.curve_x, "y": evaluate_polynomial(polynomial, self.curve_x)}
        self.marker.location = self.degree
        d = self.degree
        self.numbers.object = (
            f"Degree <b>{d}</b>: training error <b>{self.train_errors[d]:.3g}</b>, held-out error between the "
            f"dots <b>{self.between_errors[d]:.3g}</b>, beyond them <b>{self.beyond_errors[d]:.3g}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


# --- one city, then another ------------------------------------------------------------

MAX_SHIFT = 5.0
CITY_SIZE = 100
CITY_NOISE = 1.0
TRAIN_SEED, OTHER_CITY_TRAIN_SEED, TEST_SEED = 1, 3, 2
CITY_VIEW = (-9.5, 5.5)  # feature 1 runs over all of it; the region's picture is this square
FEATURE_2_VIEW = (-5.5, 5.5)  # feature 2 does not move: the middle of the square is enough
GRID = 40


def city(shift, seed):
    """A city's scenes, `shift` darker than LA's: moved that far down feature 1 (brightness)."""
    return city_scenes(-shift, size=CITY_SIZE, seed=seed, noise=CITY_NOISE)


class DistributionShift(Figure):
    """A classifier trained on one city ("LA"), tested on another ("Vancouver")
    whose points sit further away the larger the shift."""

    core_functions = (
        "dlviz.core.shift.city_scenes",
        "dlviz.core.line_classifiers.nearest_centroid",
        "dlviz.core.line_classifiers.line_accuracy",
    )

    shift = param.Number(default=2.0, bounds=(0.0, MAX_SHIFT), step=0.5, doc="How different the new city is")
    train_on_both = param.Boolean(default=False, doc="Train on both cities")
    precomputed = {"shift": [i / 2 for i in range(int(MAX_SHIFT * 2) + 1)]}

    def __init__(self, **params):
        super().__init__(**params)
        self.la_points, self.la_labels = city(0.0, TRAIN_SEED)
        self.grid_points = grid_points(*CITY_VIEW, GRID)
        self.shifts = np.arange(0, MAX_SHIFT + 0.25, 0.5)

        self.regions = ColumnDataSource({"image": [np.zeros((GRID, GRID))]})
        self.test = ColumnDataSource({"x": [], "y": [], "colour": []})
        self.line = ColumnDataSource({"x": [], "y": []})
        self.curve = ColumnDataSource({"shift": [], "accuracy": []})
        self.now = ColumnDataSource({"shift": [], "accuracy": []})

        scenes = new_plot("What the camera sees", "feature 1 (say, how bright the scene is)",
                          "feature 2 (say, its shapes)", x_range=CITY_VIEW, y_range=FEATURE_2_VIEW)
        scenes.image("image", source=self.regions, x=CITY_VIEW[0], y=CITY_VIEW[0], dw=CITY_VIEW[1] - CITY_VIEW[0],
                     dh=CITY_VIEW[1] - CITY_VIEW[0],
                     color_mapper=LinearColorMapper(palette=list(REGION_COLOURS), low=0, high=1))
        scenes.scatter(self.la_points[:, 0], self.la_points[:, 1], size=7, alpha=0.35,
                       color=class_colours(self.la_labels), legend_label="LA (training)")
        scenes.scatter("x", "y", source=self.test, marker="triangle", size=9, color="colour", line_color="black",
                       line_width=0.5, legend_label="Vancouver (test)")
        scenes.line("x", "y", source=self.line, color="black", line_width=3)
        legend_below(scenes).orientation = "horizontal"  # the cities move about the plane: none under it
        scenes.grid.visible = False

        falling = new_plot("Accuracy in Vancouver", "how different Vancouver is (shift)", "accuracy",
                           y_range=(0.4, 1.02))
        falling.line("shift", "accuracy", source=self.curve, color=GREEN, line_width=2)
        falling.scatter("shift", "accuracy", source=self.curve, color=GREEN, size=6)
        falling.scatter("shift", "accuracy", source=self.now, size=14, fill_color=None, line_color="black",
                        line_width=2)

        self.slider = pn.widgets.FloatSlider.from_param(self.param.shift, name="How different Vancouver is")
        self.checkbox = pn.widgets.Checkbox.from_param(self.param.train_on_both, name="Train on both cities")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(scenes), pn.pane.Bokeh(falling))
        self._retrain()

    def _classifier(self, shift):
        """The nearest-centroid line trained on LA, and on the other city too if asked."""
        if not self.train_on_both:
            return nearest_centroid(self.la_points, self.la_labels)
        other_points, other_labels = city(shift, OTHER_CITY_TRAIN_SEED)
        return nearest_centroid(np.vstack([self.la_points, other_points]),
                                np.concatenate([self.la_labels, other_labels]))

    def _test_accuracy(self, shift):
        return line_accuracy(*self._classifier(shift), *city(shift, TEST_SEED))

    @param.depends("train_on_both", watch=True)
    def _retrain(self):
        self.curve.data = {"shift": self.shifts, "accuracy": [self._test_accuracy(s) for s in self.shifts]}
        self._update()

    @param.depends("shift", watch=True)
    def _update(self):
        weights, bias = self._classifier(self.shift)
        test_points, test_labels = city(self.shift, TEST_SEED)
        self.test.data = {"x": test_points[:, 0], "y": test_points[:, 1], "colour": class_colours(test_labels)}
        xs, ys = line_in_square(weights, bias, *CITY_VIEW)
        self.line.data = {"x": xs, "y": ys}
        regions = line_predict(weights, bias, self.grid_points).reshape(GRID, GRID)
        self.regions.data = {"image": [regions.astype(float)]}
        la = line_accuracy(weights, bias, self.la_points, self.la_labels)
        vancouver = line_accuracy(weights, bias, test_points, test_labels)
        self.now.data = {"shift": [self.shift], "accuracy": [vancouver]}
        trained = "LA and Vancouver" if self.train_on_both else "LA only"
        self.numbers.object = (
            f"Vancouver shifted by <b>{self.shift:.1f}</b>, trained on {trained}: accuracy in LA <b>{la:.2f}</b>, "
            f"in Vancouver <b>{vancouver:.2f}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.checkbox, self.plots, self.numbers, sizing_mode="stretch_width")


FIGURES = {
    "two_fits": TwoFits,
    "new_points": NewPoints,
    "polynomial_fit": PolynomialFit,
    "distribution_shift": DistributionShift,
}
