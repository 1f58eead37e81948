"""Lesson 6, ethics: distribution shift, unequal errors, memorisation, feedback
loops and the cost of training, each as something to play with."""

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource, FactorRange, FixedTicker, Label, LabelSet, Span
from bokeh.transform import factor_cmap

from dlviz.core.compute import FAMOUS_RUNS, energy_joules, home_years, megawatt_hours, training_operations
from dlviz.core.geometry import line_in_square
from dlviz.core.line_classifiers import nearest_centroid
from dlviz.core.fairness import (
    calibrated_group, group_rates, score_histogram, threshold_for_false_positive_rate,
)
from dlviz.core.feedback import ratio_limit, simulate_patrols
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial
from dlviz.core.privacy import membership_experiment, membership_guesses, quadratic_samples, squared_errors
from dlviz.core.shift import accuracy_under_shift, city_scenes

from .figure import Figure
from .parts import (
    BLUE, CLASS_COLOURS, GREEN, GREY, ORANGE, PURPLE, VERMILION, class_colours, legend_below, new_plot, power_of_ten, readout,
    row,
)

TRAIN_CITY_SEED = 19750
NEW_CITY_SEED = 2020
MAX_SHIFT = 8.0
SHIFT_STEP = 0.5


class DistributionShift(Figure):
    """A straight-line classifier (nearest centroid) trained on one city, tested
    on a city whose points are all moved to the right."""

    core_functions = (
        "dlviz.core.shift.accuracy_under_shift",
        "dlviz.core.line_classifiers.nearest_centroid",
    )

    shift = param.Number(default=0.0, bounds=(0.0, MAX_SHIFT), step=SHIFT_STEP,
                         doc="How far the new city's data moves")

    def __init__(self, **params):
        super().__init__(**params)
        train_points, train_labels = city_scenes(0.0, seed=TRAIN_CITY_SEED)
        self.line = nearest_centroid(train_points, train_labels)
        self.shifts = np.arange(0.0, MAX_SHIFT + SHIFT_STEP / 2, SHIFT_STEP)
        self.accuracies = accuracy_under_shift(*self.line, self.shifts, seed=NEW_CITY_SEED)

        self.city = ColumnDataSource({"x": [], "y": [], "colour": []})
        scene = new_plot("The training city (faint) and the new city", "x (the shift moves this way)", "y",
                         x_range=(-6, 14), y_range=(-6, 6))
        scene.scatter(train_points[:, 0], train_points[:, 1], size=4, alpha=0.15, color=class_colours(train_labels))
        scene.scatter("x", "y", color="colour", source=self.city, size=6, alpha=0.7, line_color="white")
        scene.line(*line_in_square(*self.line, -6.0, 14.0), color=VERMILION, line_width=3,
                   legend_label="the model's boundary")
        legend_below(scene)  # the new city moves across the whole plot: none under it

        curve = new_plot("Accuracy on the new city", "shift", "accuracy", y_range=(0.4, 1.02))
        curve.line(self.shifts, self.accuracies, color=BLUE, line_width=2)
        curve.scatter(self.shifts, self.accuracies, color=BLUE, size=5)
        curve.add_layout(Span(location=0.5, dimension="width", line_dash="dotted", line_color=GREY))
        self.marker = Span(location=self.shift, dimension="height", line_dash="dashed", line_color="black")
        curve.add_layout(self.marker)

        self.slider = pn.widgets.FloatSlider.from_param(self.param.shift, name="Shift of the new city")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(scene), pn.pane.Bokeh(curve))
        self._update()

    @param.depends("shift", watch=True)
    def _update(self):
        points, labels = city_scenes(self.shift, seed=NEW_CITY_SEED)
        self.city.data = {"x": points[:, 0], "y": points[:, 1], "colour": class_colours(labels)}
        self.marker.location = self.shift
        index = int(round(self.shift / SHIFT_STEP))
        self.numbers.object = (
            f"Shift <b>{self.shift:.1f}</b>: accuracy <b>{self.accuracies[index]:.1%}</b> on the new city "
            f"(<b>{self.accuracies[0]:.1%}</b> when it looks like the training city; 50% is guessing)"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


GROUP_SIZE = 1000
GROUPS = ("A", "B")
GROUP_MEAN_RISK = {"A": -1.0, "B": 0.5}  # B's higher mean risk gives it the higher base rate
GROUP_SEEDS = {"A": 1, "B": 2}
GROUP_COLOURS = [GREEN, PURPLE]  # A, B: apart from the class colours of the scores
ONE_THRESHOLD = "One threshold"
EQUAL_FPR = "Equal false-positive rates"
METRICS = {  # label on the chart (in lines, to fit a phone): field of fairness.Rates
    "false\npositives": "false_positive_rate",
    "false\nnegatives": "false_negative_rate",
    "precision": "precision",
    "accuracy": "accuracy",
}


class UnequalErrors(Figure):
    """One calibrated risk score for two groups with different base rates, a
    threshold, and each group's errors side by side."""

    core_functions = (
        "dlviz.core.fairness.group_rates",
        "dlviz.core.fairness.threshold_for_false_positive_rate",
        "dlviz.core.fairness.rates",
    )

    threshold = param.Number(default=0.5, bounds=(0.05, 0.95), step=0.05, doc="Flag scores at or above this")
    precomputed = {"threshold": [round(0.05 * i, 2) for i in range(1, 20)]}
    rule = param.Selector(default=ONE_THRESHOLD, objects=[ONE_THRESHOLD, EQUAL_FPR],
                          doc="How B's threshold is set")

    def __init__(self, **params):
        super().__init__(**params)
        self.data = {group: calibrated_group(GROUP_SIZE, GROUP_MEAN_RISK[group], GROUP_SEEDS[group])
                     for group in GROUPS}
        scores = new_plot("Scores: group A above the axis,\ngroup B below", "risk score",
                          "people (B counted downwards)", y_range=(-140, 140))
        for group, sign in zip(GROUPS, (1, -1)):
            edges, negatives, positives = score_histogram(*self.data[group], bins=20)
            source = ColumnDataSource({"centre": (edges[:-1] + edges[1:]) / 2,
                                       "negative": sign * negatives, "positive": sign * positives})
            scores.vbar_stack(["negative", "positive"], x="centre", width=0.045, source=source,
                              color=list(CLASS_COLOURS), alpha=0.8,
                              **({"legend_label": ["in fact negative", "in fact positive"]} if sign > 0 else {}))
        self.cuts = ColumnDataSource({"x": [0.5, 0.5], "y0": [0, 0], "y1": [140, -140]})
        scores.segment(x0="x", x1="x", y0="y0", y1="y1", source=self.cuts, color="black",
                       line_dash="dashed", line_width=3)
        scores.legend.location = "top_right"
        scores.yaxis.ticker = FixedTicker(ticks=[-100, -50, 0, 50, 100])
        scores.yaxis.major_label_overrides = {-100: "100", -50: "50"}
        scores.add_layout(Label(x=0.22, y=112, text="group A", text_font_size="12px", text_font_style="bold"))
        scores.add_layout(Label(x=0.02, y=-130, text="group B", text_font_size="12px", text_font_style="bold"))

        factors = [(metric, group) for metric in METRICS for group in GROUPS]
        self.bars = ColumnDataSource({"factor": factors, "value": [0.0] * len(factors),
                                      "label": [""] * len(factors), "group": [g for _, g in factors]})
        compare = new_plot("Side by side", "", "fraction", x_range=FactorRange(*factors), y_range=(0, 1.1))
        compare.vbar(x="factor", top="value", width=0.85, source=self.bars,
                     color=factor_cmap("group", GROUP_COLOURS, list(GROUPS)))
        compare.add_layout(LabelSet(x="factor", y="value", text="label", source=self.bars,
                                    text_align="center", y_offset=2, text_font_size="10px"))
        compare.xgrid.grid_line_color = None
        compare.min_border_bottom = 70  # room for the two-line names of the rates (Bokeh sizes the axis for one)

        self.slider = pn.widgets.FloatSlider.from_param(self.param.threshold,
                                                        name="Threshold (group A's, and B's unless moved)")
        self.choice = pn.widgets.RadioButtonGroup.from_param(self.param.rule, name="Rule")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(scores), pn.pane.Bokeh(compare))
        self._update()

    def thresholds(self):
        """Each group's threshold under the chosen rule."""
        threshold_b = self.threshold
        if self.rule == EQUAL_FPR:
            rate_a = group_rates(*self.data["A"], self.threshold).false_positive_rate
            threshold_b = threshold_for_false_positive_rate(*self.data["B"], rate_a)
        return {"A": self.threshold, "B": threshold_b}

    @param.depends("threshold", "rule", watch=True)
    def _update(self):
        thresholds = self.thresholds()
        found = {group: group_rates(*self.data[group], thresholds[group]) for group in GROUPS}
        values = [getattr(found[group], field) for field in METRICS.values() for group in GROUPS]
        self.bars.data = dict(self.bars.data, value=values, label=[f"{v:.0%}" for v in values])
        self.cuts.data = dict(self.cuts.data, x=[thresholds[group] for group in GROUPS])
        parts = [
            f"group {group} (base rate {r.base_rate:.0%}, threshold {thresholds[group]:.2f}): "
            f"false positives <b>{r.false_positive_rate:.1%}</b>, "
            f"false negatives <b>{r.false_negative_rate:.1%}</b>, "
            f"precision <b>{r.precision:.1%}</b>, accuracy <b>{r.accuracy:.1%}</b>"
            for group, r in found.items()
        ]
        self.numbers.object = "; ".join(parts)

    def __panel__(self):
        return pn.Column(self.slider, self.choice, self.plots, self.numbers, sizing_mode="stretch_width")


MEMBERSHIP_SEED = 7
MAX_DEGREE = 16
MEMBERSHIP_TRIALS = 40


class Membership(Figure):
    """Polynomials of growing degree memorise their training points, and a guess
    from the loss alone tells members from non-members more and more often."""

    core_functions = (
        "dlviz.core.privacy.membership_guesses",
        "dlviz.core.privacy.membership_experiment",
        "dlviz.core.privacy.squared_errors",
    )

    degree = param.Integer(default=2, bounds=(0, MAX_DEGREE), doc="Polynomial degree")
    precomputed = {"degree": range(0, MAX_DEGREE + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = quadratic_samples(2, 20, MEMBERSHIP_SEED)  # row 0: members, row 1: unseen
        degrees = np.arange(MAX_DEGREE + 1)
        self.results = [membership_experiment(degree, trials=MEMBERSHIP_TRIALS, seed=MEMBERSHIP_SEED + 1)
                        for degree in degrees]
        accuracies = [result.guess_accuracy for result in self.results]
        self.curve_x = np.linspace(-3, 3, 300)

        self.fit_source = ColumnDataSource({"x": [], "y": []})
        self.guessed = ColumnDataSource({"x": [], "y": []})
        fit = new_plot("One model: rings mark the points\nthe guess calls \"in training\"", "x", "y",
                       y_range=(-4, 14))
        fit.scatter(self.x[0], self.y[0], size=9, alpha=0.7, color=BLUE, legend_label="training points")
        fit.scatter(self.x[1], self.y[1], size=9, marker="triangle", alpha=0.8, color=ORANGE,
                    legend_label="unseen points")
        fit.scatter("x", "y", source=self.guessed, size=17, fill_color=None, line_color="black",
                    line_width=1.5, legend_label="guessed \"in training\"")
        fit.line("x", "y", source=self.fit_source, color=VERMILION, line_width=3)
        fit.legend.location = "top_center"

        guess = new_plot("How often the guess is right", "degree", "right guesses", y_range=(0.4, 1.0))
        guess.line(degrees, accuracies, color=BLUE, line_width=2)
        guess.scatter(degrees, accuracies, color=BLUE, size=5)
        guess.add_layout(Span(location=0.5, dimension="width", line_dash="dotted", line_color=GREY))
        self.marker = Span(location=self.degree, dimension="height", line_dash="dashed", line_color="black")
        guess.add_layout(self.marker)

        self.slider = pn.widgets.IntSlider.from_param(self.param.degree, name="Degree")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(fit), pn.pane.Bokeh(guess))
        self._update()

    @param.depends("degree", watch=True)
    def _update(self):
        polynomial = fit_polynomial(self.x[0], self.y[0], self.degree)
        self.fit_source.data = {"x": self.curve_x, "y": evaluate_polynomial(polynomial, self.curve_x)}
        losses = squared_errors(polynomial, self.x, self.y)  # row 0 the training points, row 1 the unseen
        guessed = membership_guesses(losses[0], losses[1])
        self.guessed.data = {"x": self.x[guessed], "y": self.y[guessed]}
        self.marker.location = self.degree
        result = self.results[self.degree]
        self.numbers.object = (
            f"Degree <b>{self.degree}</b>: training loss <b>{result.train_loss:.3g}</b>, "
            f"loss on unseen points <b>{result.unseen_loss:.3g}</b>; the guess "
            f"\"in the training set?\" is right <b>{result.guess_accuracy:.1%}</b> of the time (chance: 50%)"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


ROUNDS = 50


class FeedbackLoop(Figure):
    """Patrols go where the model says crime is, and crime is only recorded
    where patrols go: the model's small first lean grows round after round."""

    core_functions = (
        "dlviz.core.feedback.patrol_shares",
        "dlviz.core.feedback.simulate_patrols",
    )
    changeable = True

    random_fraction = param.Number(default=0.0, bounds=(0.0, 1.0), step=0.05,
                                   doc="Share of patrols sent at random")
    reweight = param.Boolean(default=False, doc="Weight each record by 1 / the share of patrols that found it")

    def __init__(self, **params):
        super().__init__(**params)
        rounds = np.arange(ROUNDS + 1)
        self.ratio = ColumnDataSource({"round": rounds, "ratio": np.ones(ROUNDS + 1)})
        estimate = new_plot("What the model believes", "round", "crime in A ÷ crime in B (log scale)",
                            y_axis_type="log", y_range=(0.8, 80))
        estimate.line("round", "ratio", source=self.ratio, color=VERMILION, line_width=3, legend_label="the model")
        estimate.line([0, ROUNDS], [1, 1], color=GREY, line_dash="dashed", line_width=2, legend_label="the truth")
        self.limit = ColumnDataSource({"round": [0, ROUNDS], "ratio": [np.nan, np.nan]})
        estimate.line("round", "ratio", source=self.limit, color=BLUE, line_dash="dotted", line_width=2,
                      legend_label="the limit random patrols set")
        estimate.yaxis.ticker = FixedTicker(ticks=[1, 2, 5, 10, 20, 50])
        legend_below(estimate)  # the model's belief climbs through the plot: none under it

        self.slider = pn.widgets.FloatSlider.from_param(self.param.random_fraction, name="Patrols sent at random",
                                                        format="0%")
        self.checkbox = pn.widgets.Checkbox.from_param(
            self.param.reweight, name="Correct the records: weight each by 1 / the share of patrols that found it")
        self.numbers = readout()
        self.plots = pn.pane.Bokeh(estimate, sizing_mode="stretch_width")
        self._update()

    @param.depends("random_fraction", "reweight", watch=True)
    def _update(self):
        run = simulate_patrols(ROUNDS, self.random_fraction, self.reweight)
        self.ratio.data = dict(self.ratio.data, ratio=run.estimated_ratio)
        limit = ratio_limit(self.random_fraction) if not self.reweight else np.nan
        self.limit.data = dict(self.limit.data, ratio=[limit, limit] if np.isfinite(limit) else [np.nan, np.nan])
        self.numbers.object = (
            f"<b>{self.random_fraction:.0%}</b> of patrols at random"
            f"{', records corrected' if self.reweight else ''}: the model starts by thinking A has "
            f"<b>{run.estimated_ratio[0]:.2f}</b>× B's crime and after {ROUNDS} rounds thinks "
            f"<b>{run.estimated_ratio[-1]:.2f}</b>× (truth: 1.00×); A gets "
            f"<b>{run.patrol_shares[-1, 0]:.0%}</b> of the patrols"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.checkbox, self.plots, self.numbers, sizing_mode="stretch_width")


PLAYGROUND_LAYERS = (2, 8, 8, 1)
PLAYGROUND_POINTS = 500
RUN_NAMES = [run.name for run in FAMOUS_RUNS]
COMPUTE_HEIGHT = 440  # 21 powers of ten, and the legend below them
HOURS_PER_YEAR = 365.25 * 24


class TrainingCompute(Figure):
    """Published compute estimates of famous models by year, on a log scale, and
    a small playground run counted the same way."""

    core_functions = (
        "dlviz.core.compute.training_operations",
        "dlviz.core.compute.energy_joules",
    )

    steps = param.Integer(default=1000, bounds=(100, 20000), step=100, doc="Training steps of your run")
    compare = param.Selector(default="GPT-3", objects=RUN_NAMES, doc="The famous model to compare with")

    def __init__(self, **params):
        super().__init__(**params)
        # Each label where it clears the others down to a 360 px phone: names only (the lesson's table
        # gives the numbers), GPT-3's and Llama's to the left of their dots, Chinchilla's below PaLM's.
        left_of_dot, below = {"GPT-3", "Llama 3.1 405B"}, {"Chinchilla"}
        famous = ColumnDataSource({
            "year": [run.year for run in FAMOUS_RUNS],
            "flop": [run.flop for run in FAMOUS_RUNS],
            "name": [run.name for run in FAMOUS_RUNS],
            "align": ["right" if run.name in left_of_dot else "left" for run in FAMOUS_RUNS],
            "x_offset": [-9 if run.name in left_of_dot else 9 for run in FAMOUS_RUNS],
            "y_offset": [-18 if run.name in below else 4 for run in FAMOUS_RUNS],
        })
        plot = new_plot("Training compute (estimates) by year", "year", "floating-point operations (log scale)",
                        height=COMPUTE_HEIGHT, y_axis_type="log", x_range=(2010.5, 2027.5), y_range=(1e6, 1e27))
        # A gridline every thousand times, a tick every ten times: what the lesson says of the chart.
        plot.yaxis.ticker = FixedTicker(ticks=[10.0 ** k for k in range(6, 28, 3)],
                                        minor_ticks=[10.0 ** k for k in range(6, 28)])
        plot.scatter("year", "flop", source=famous, size=11, color=BLUE, legend_label="famous models")
        plot.add_layout(LabelSet(x="year", y="flop", text="name", source=famous, x_offset="x_offset",
                                 y_offset="y_offset", text_font_size="11px", text_align="align"))
        self.yours = ColumnDataSource({"year": [2011, 2027], "flop": [1.0, 1.0]})
        plot.line("year", "flop", source=self.yours, color=VERMILION, line_width=3, line_dash="dashed",
                  legend_label="your playground run")
        self.chosen = ColumnDataSource({"year": [], "flop": []})
        plot.scatter("year", "flop", source=self.chosen, size=20, fill_color=None, line_color=VERMILION,
                     line_width=2, legend_label="compared with")
        legend_below(plot)

        self.slider = pn.widgets.IntSlider.from_param(self.param.steps,
                                                      name="Steps of your 2-8-8-1 run on 500 points")
        self.choice = pn.widgets.Select.from_param(self.param.compare, name="Compare with")
        self.numbers = readout()
        self.plots = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    @param.depends("steps", "compare", watch=True)
    def _update(self):
        yours = training_operations(PLAYGROUND_LAYERS, PLAYGROUND_POINTS, self.steps)
        self.yours.data = dict(self.yours.data, flop=[yours, yours])
        famous = next(run for run in FAMOUS_RUNS if run.name == self.compare)
        famous_joules = energy_joules(famous.flop)
        self.chosen.data = {"year": [famous.year], "flop": [famous.flop]}
        self.numbers.object = (
            f"Your run, <b>{self.steps:,}</b> steps: <b>{power_of_ten(yours)}</b> operations, about "
            f"<b>{energy_joules(yours) * 1000:.2g} mJ</b> on the assumed chip. "
            f"{famous.name}: <b>{power_of_ten(famous.flop)}</b> operations, "
            f"<b>{power_of_ten(famous.flop / yours)}</b> times yours: about <b>{_energy(famous_joules)}</b>, "
            f"<b>{_home_time(famous_joules)}</b> of an average US home's electricity"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.choice, self.plots, self.numbers, sizing_mode="stretch_width")


def _energy(joules):
    """Energy in kWh, or MWh once it passes 1,000 kWh."""
    megawatt = megawatt_hours(joules)
    return f"{megawatt:,.0f} MWh" if megawatt >= 1 else f"{megawatt * 1000:.2g} kWh"


def _home_time(joules):
    """How long an average US home runs on this much electricity, in years or hours."""
    years = home_years(joules)
    return f"{years:,.0f} years" if years >= 1 else f"{years * HOURS_PER_YEAR:.2g} hours"


FIGURES = {
    "distribution_shift": DistributionShift,
    "unequal_errors": UnequalErrors,
    "membership": Membership,
    "feedback_loop": FeedbackLoop,
    "training_compute": TrainingCompute,
}
