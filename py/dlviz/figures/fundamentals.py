"""Lesson 2, the fundamentals of learning: fitting curves, and over-fitting."""

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource, Span

from dlviz.core.datasets import noisy_quadratic
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial, train_and_held_out_error

from .figure import BLUE, ORANGE, VERMILION, Figure, new_plot, readout, row

SEED = 19750
HELD_OUT_SEED = 2024
MAX_DEGREE = 16


def seed_data():
    """The seed notebook's 20 noisy points on y = x², and 20 more for testing."""
    x, y = noisy_quadratic(size=20, seed=SEED)
    held_x, held_y = noisy_quadratic(size=20, seed=HELD_OUT_SEED)
    return x, y, held_x, held_y


class PolynomialFit(Figure):
    """A polynomial of chosen degree fitted to the seed's data, with its errors."""

    degree = param.Integer(default=2, bounds=(0, MAX_DEGREE), doc="Polynomial degree")

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y, self.held_x, self.held_y = seed_data()
        self.curve_x = np.linspace(self.x.min(), self.x.max(), 400)
        degrees = np.arange(MAX_DEGREE + 1)
        errors = np.array([
            train_and_held_out_error(self.x, self.y, self.held_x, self.held_y, d) for d in degrees
        ])
        self.train_errors, self.held_out_errors = errors[:, 0], errors[:, 1]

        self.curve = ColumnDataSource({"x": [], "y": []})
        fit = new_plot("The fit", "x", "y", y_range=(-4, 14))
        fit.scatter(self.x, self.y, size=9, alpha=0.7, color=BLUE, legend_label="training data")
        fit.scatter(self.held_x, self.held_y, size=7, marker="triangle", color=ORANGE,
                    alpha=0.8, legend_label="held-out data")
        fit.line("x", "y", source=self.curve, color=VERMILION, line_width=3, legend_label="fit")
        fit.legend.location = "top_center"

        error = new_plot("Error against degree", "degree", "mean squared error", y_axis_type="log")
        error.line(degrees, self.train_errors, color=BLUE, line_width=2, legend_label="training")
        error.line(degrees, self.held_out_errors, color=ORANGE, line_width=2, legend_label="held-out")
        self.marker = Span(location=self.degree, dimension="height", line_dash="dashed", line_color="black")
        error.add_layout(self.marker)
        error.legend.location = "top_left"

        self.slider = pn.widgets.IntSlider.from_param(self.param.degree, name="Degree")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(fit), pn.pane.Bokeh(error))
        self._update()

    @param.depends("degree", watch=True)
    def _update(self):
        coefficients = fit_polynomial(self.x, self.y, self.degree)
        self.curve.data = {"x": self.curve_x, "y": evaluate_polynomial(coefficients, self.curve_x)}
        self.marker.location = self.degree
        train, held_out = self.train_errors[self.degree], self.held_out_errors[self.degree]
        self.numbers.object = (
            f"Degree <b>{self.degree}</b>: training error <b>{train:.3f}</b>, "
            f"held-out error <b>{held_out:.3f}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


FIGURES = {"polynomial_fit": PolynomialFit}
