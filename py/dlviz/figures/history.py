"""Lesson 1, what deep learning is: the nested fields, seventy years of history,
ImageNet's falling error, and the two problems that stalled neural networks
(a perceptron cannot learn XOR; gradients fade through sigmoid layers)."""

import numpy as np
import panel as pn
import param
from bokeh.models import BoxAnnotation, ColumnDataSource, Label, LinearColorMapper, Span

from dlviz.core.datasets import gaussian_blobs, xor_quadrants
from dlviz.core.history import (
    FIELDS, HUMAN_ERROR, IMAGENET_WINNERS, MILESTONES, WINTER, fields_around, imagenet_result, milestones_by,
)
from dlviz.core.geometry import grid_points, line_in_square
from dlviz.core.line_classifiers import accuracy_over_steps, line_predict, train_perceptron
from dlviz.core.vanishing import first_layer_gradient_norms, layer_gradient_norms

from .figure import Figure
from .parts import (
    BLUE, GREEN, GREY, ORANGE, REGION_COLOURS, SKY, VERMILION, VERMILION_TEXT, bare, class_colours, equal_axes, new_plot,
    readout, row, shaped, still,
)


# --- the nested fields -------------------------------------------------------

# each field's ring, (centre y, width, height, colour), widest first as dlviz.core.history.FIELDS lists them
RINGS = dict(zip(FIELDS, [(0.0, 10.0, 7.0, SKY), (-0.8, 7.4, 5.0, GREEN), (-1.55, 4.6, 3.0, ORANGE)]))

RING_LABELS = ("e.g. a chess program\nfollowing written rules", "e.g. a spam filter\nlearning from e-mails",
               "e.g. finding the cat\nin a photo")  # short, to fit the rings on a phone


class NestedFields(Figure):
    """Three nested ellipses, AI ⊃ ML ⊃ DL, each with an example; one highlighted."""

    core_functions = ("dlviz.core.history.fields_around",)

    field = param.Selector(default="Deep learning", objects=list(RINGS), doc="Which field to describe")
    precomputed = {"field": list(RINGS)}

    def __init__(self, **params):
        super().__init__(**params)
        names = list(RINGS)
        centre, width, height, colour = (list(column) for column in zip(*RINGS.values()))
        self.rings = ColumnDataSource({
            "x": [0.0] * 3, "y": centre, "width": width, "height": height, "colour": colour, "alpha": [0.3] * 3,
        })
        plot = bare(new_plot("", "", "", height=360, x_range=(-5.3, 5.3), y_range=(-3.7, 3.7)))
        plot.outline_line_color = None
        plot.ellipse("x", "y", width="width", height="height", source=self.rings, fill_color="colour",
                     fill_alpha="alpha", line_color="colour", line_width=2)
        name_y = [c + h / 2 - 0.45 for c, h in zip(centre, height)]
        example_y = [y - 0.75 for y in name_y[:2]] + [centre[2] - 0.3]
        plot.text([0.0] * 3, name_y, text=names, text_align="center", text_baseline="middle",
                  text_font_style="bold", text_font_size="15px")
        plot.text([0.0] * 3, example_y, text=list(RING_LABELS), text_align="center",
                  text_baseline="middle", text_font_size="12px", text_color="#333333")
        self.select = pn.widgets.Select.from_param(self.param.field, name="Field")
        self.numbers = readout()
        self.plot = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    @param.depends("field", watch=True)
    def _update(self):
        self.rings.patch({"alpha": [(i, 0.55 if name == self.field else 0.15) for i, name in enumerate(RINGS)]})
        meaning, example = FIELDS[self.field]
        around = fields_around(self.field)
        inside = f" It lies inside {' and '.join(name.lower() for name in around)}." if around else ""
        self.numbers.object = f"<b>{self.field}</b>: {meaning}. Example: {example}.{inside}"

    def __panel__(self):
        return pn.Column(self.select, self.plot, self.numbers, sizing_mode="stretch_width")


# --- the timeline ------------------------------------------------------------

UNLIT_TEXT = "#767676"  # grey for the milestones still to come: 4.5:1 on white
AXIS, TIP = 1.0, 1.8  # where the timeline runs across its plot (0 to 10), and where each stem ends


class Timeline(Figure):
    """The milestones from 1958 to 2022 down one axis, read from the top like a page;
    those up to the chosen year lit. Each label has a line of its own, so none
    collides with another on a phone."""

    core_functions = ("dlviz.core.history.milestones_by",)

    year = param.Integer(default=2022, bounds=(1955, 2024), doc="Show the story up to this year")
    precomputed = {"year": range(1955, 2025)}

    def __init__(self, **params):
        super().__init__(**params)
        years = [m[0] for m in MILESTONES]
        self.events = ColumnDataSource({
            "year": years, "axis": [AXIS] * len(years), "tip": [TIP] * len(years),
            "colour": [VERMILION] * len(years), "text_colour": [VERMILION_TEXT] * len(years),
            "label": [f"{m[0]} {m[1]}" for m in MILESTONES],
        })
        plot = new_plot("Neural networks, 1958 to 2022", "", "year", height=440,
                        x_range=(0, 10), y_range=(2028, 1952))  # start at the bottom: the years read downwards
        still(plot)
        plot.xaxis.visible = False
        plot.xgrid.visible = False
        plot.add_layout(BoxAnnotation(bottom=WINTER[0], top=WINTER[1], fill_color=SKY, fill_alpha=0.2))
        middle = (WINTER[0] + WINTER[1]) / 2
        for offset, text in ((-2, "the long winter:"), (2, "deep networks won't train")):
            plot.add_layout(Label(x=TIP, y=middle + offset, x_offset=10, text=text, text_baseline="middle",
                                  text_font_size="12px", text_font_style="italic"))
        plot.add_layout(Span(location=AXIS, dimension="height", line_color=GREY, line_width=2))
        plot.segment("axis", "year", "tip", "year", source=self.events, line_color="colour", line_width=2)
        plot.scatter("tip", "year", source=self.events, size=10, color="colour")
        plot.text("tip", "year", text="label", source=self.events, x_offset=10, text_baseline="middle",
                  text_font_size="13px", text_color="text_colour")
        self.now = ColumnDataSource({"year": [self.year]})  # a dashed line at the chosen year, left of the labels
        plot.segment(0, "year", TIP, "year", source=self.now, line_dash="dashed", line_color="black")
        self.slider = pn.widgets.IntSlider.from_param(self.param.year, name="Year")
        self.numbers = readout()
        self.plot = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    @param.depends("year", watch=True)
    def _update(self):
        happened = milestones_by(self.year)
        lit = [m[0] <= self.year for m in MILESTONES]
        self.events.patch({"colour": [(i, VERMILION if on else "#bbbbbb") for i, on in enumerate(lit)],
                           "text_colour": [(i, VERMILION_TEXT if on else UNLIT_TEXT) for i, on in enumerate(lit)]})
        self.now.data = {"year": [self.year]}
        if not happened:
            self.numbers.object = f"By <b>{self.year}</b>: no learning machine yet (0 of {len(MILESTONES)} milestones)."
            return
        year, _, what = happened[-1]
        self.numbers.object = (f"By <b>{self.year}</b>: {len(happened)} of {len(MILESTONES)} milestones; "
                               f"the latest, in {year}: {what}.")

    def __panel__(self):
        return pn.Column(self.slider, self.plot, self.numbers, sizing_mode="stretch_width")


# --- ImageNet -----------------------------------------------------------------



class ImageNetErrors(Figure):
    """The ImageNet winners' top-5 error by year as bars lying down (a year a line: the
    winners' names fit on a phone), human error marked."""

    core_functions = ("dlviz.core.history.imagenet_result",)

    year = param.Integer(default=2012, bounds=(2010, 2017), doc="Challenge year")
    precomputed = {"year": range(2010, 2018)}

    def __init__(self, **params):
        super().__init__(**params)
        years, names, errors = (list(column) for column in zip(*IMAGENET_WINNERS))
        self.bars = ColumnDataSource({
            "year": years, "error": errors, "colour": [BLUE] * len(years),
            "label": [f"{name} {error:g}%" for name, error in zip(names, errors)],
        })
        plot = new_plot("ImageNet winners' top-5 error", "top-5 error (%)", "year", height=340,
                        x_range=(0, 46), y_range=(2018.5, 2009.4))  # 2010 at the top; room for the labels
        still(plot)
        plot.hbar(y="year", right="error", height=0.7, source=self.bars, fill_color="colour", line_color=None)
        plot.text("error", "year", text="label", source=self.bars, x_offset=4, text_baseline="middle",
                  text_font_size="12px", background_fill_color="white", background_fill_alpha=0.85)
        plot.add_layout(Span(location=HUMAN_ERROR, dimension="height", line_color=VERMILION,
                             line_dash="dashed", line_width=2, level="underlay"))  # under the names, not through them
        plot.add_layout(Label(x=HUMAN_ERROR, y=2018.1, x_offset=4, text=f"human ≈ {HUMAN_ERROR}%",
                              text_baseline="middle", text_color=VERMILION_TEXT, text_font_size="12px",
                              text_font_style="bold"))
        plot.yaxis.ticker = years
        plot.ygrid.visible = False
        self.slider = pn.widgets.IntSlider.from_param(self.param.year, name="Year")
        self.numbers = readout()
        self.plot = pn.pane.Bokeh(plot, sizing_mode="stretch_width")
        self._update()

    @param.depends("year", watch=True)
    def _update(self):
        self.bars.patch({"colour": [(i, ORANGE if year == self.year else BLUE)
                                    for i, (year, _, _) in enumerate(IMAGENET_WINNERS)]})
        name, error, fall = imagenet_result(self.year)
        text = f"<b>{self.year}</b>: {name} misses the right answer in its top 5 guesses for <b>{error:g}%</b> of images"
        if fall is not None:
            text += f" (down {fall:.1f} points from {self.year - 1})"
        comparison = "below" if error < HUMAN_ERROR else "above"
        self.numbers.object = f"{text}; {comparison} the human {HUMAN_ERROR}%."

    def __panel__(self):
        return pn.Column(self.slider, self.plot, self.numbers, sizing_mode="stretch_width")


# --- a perceptron learning, and failing --------------------------------------

PERCEPTRON_DATA = {
    "Two blobs": lambda: gaussian_blobs(size=50, seed=19750, noise=1.4),
    "XOR": lambda: xor_quadrants(size=50, seed=19750),
}
MAX_STEPS = 150
VIEW = (-6.5, 6.5)
GRID = 40


class PerceptronLearning(Figure):
    """A perceptron learning a line point by point, on two blobs or on XOR."""

    core_functions = (
        "dlviz.core.line_classifiers._perceptron_step",
        "dlviz.core.line_classifiers.train_perceptron",
        "dlviz.core.line_classifiers.line_predict",
    )
    changeable = True

    steps = param.Integer(default=10, bounds=(0, MAX_STEPS), doc="Steps of the perceptron rule")
    data = param.Selector(default="Two blobs", objects=list(PERCEPTRON_DATA), doc="Data set")
    precomputed = {"steps": range(0, MAX_STEPS + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.points = ColumnDataSource({"x": [], "y": [], "colour": [], "marker": [], "size": [], "line": [],
                                        "width": []})
        self.looked_at = ColumnDataSource({"x": [], "y": []})
        self.line = ColumnDataSource({"x": [], "y": []})
        self.regions = ColumnDataSource({"image": [np.zeros((GRID, GRID))]})
        self.curve = ColumnDataSource({"step": [], "accuracy": []})
        self.grid_points = grid_points(*VIEW, GRID)

        view = new_plot("The perceptron's line", "x", "y")
        area = view.image("image", source=self.regions, x=VIEW[0], y=VIEW[0], dw=VIEW[1] - VIEW[0],
                          dh=VIEW[1] - VIEW[0], color_mapper=LinearColorMapper(palette=list(REGION_COLOURS), low=0, high=1))
        shaped(equal_axes(view, area), 420, 440)  # the line at its true angle to the points
        view.scatter("x", "y", source=self.points, color="colour", marker="marker", size="size",
                     line_color="line", line_width="width")
        view.scatter("x", "y", source=self.looked_at, size=18, fill_color=None, line_color="black", line_width=2)
        view.line("x", "y", source=self.line, color="black", line_width=3)
        view.grid.visible = False

        history = new_plot("Accuracy after each step", "step", "accuracy", y_range=(0, 1.05))
        history.line("step", "accuracy", source=self.curve, color=GREEN, line_width=2)
        self.now = Span(location=self.steps, dimension="height", line_dash="dashed", line_color="black")
        history.add_layout(self.now)

        self.slider = pn.widgets.IntSlider.from_param(self.param.steps, name="Steps")
        self.select = pn.widgets.Select.from_param(self.param.data, name="Data")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(view), pn.pane.Bokeh(history))
        self._train()

    @param.depends("data", watch=True)
    def _train(self):
        self.x, self.labels = PERCEPTRON_DATA[self.data]()
        self.history = train_perceptron(self.x, self.labels, MAX_STEPS)
        self.accuracies = accuracy_over_steps(self.history, self.x, self.labels)
        self.curve.data = {"step": np.arange(MAX_STEPS + 1), "accuracy": self.accuracies}
        self._update()

    @param.depends("steps", watch=True)
    def _update(self):
        weights, bias = self.history.weights[self.steps], self.history.biases[self.steps]
        predictions = line_predict(weights, bias, self.x)
        right = predictions == self.labels
        colours = class_colours(self.labels)
        self.points.data = {
            "x": self.x[:, 0], "y": self.x[:, 1], "colour": colours,
            "marker": np.where(right, "circle", "x").tolist(),
            "size": np.where(right, 9, 13), "width": np.where(right, 0.5, 3),
            "line": [colour if not ok else "black" for colour, ok in zip(colours, right)],
        }
        looked = self.x[self.history.order[self.steps - 1]] if self.steps else np.empty((0,))
        self.looked_at.data = {"x": looked[:1], "y": looked[1:]}
        xs, ys = line_in_square(weights, bias, *VIEW)
        self.line.data = {"x": xs, "y": ys}
        regions = line_predict(weights, bias, self.grid_points).reshape(GRID, GRID)
        self.regions.data = {"image": [regions.astype(float)]}
        self.now.location = self.steps
        wrong = int(np.sum(predictions != self.labels))
        self.numbers.object = (
            f"{self.data}, after <b>{self.steps}</b> steps: accuracy <b>{self.accuracies[self.steps]:.2f}</b> "
            f"({wrong} of {len(self.labels)} points on the wrong side)"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.select, self.plots, self.numbers, sizing_mode="stretch_width")


# --- vanishing gradients -----------------------------------------------------

MAX_DEPTH = 10


class VanishingGradient(Figure):
    """The gradient reaching each layer of a sigmoid network, as the network deepens."""

    core_functions = (
        "dlviz.core.vanishing.layer_gradient_norms",
        "dlviz.core.vanishing.first_layer_gradient_norms",
    )

    depth = param.Integer(default=6, bounds=(1, MAX_DEPTH), doc="Number of hidden sigmoid layers")
    precomputed = {"depth": range(1, MAX_DEPTH + 1)}

    def __init__(self, **params):
        super().__init__(**params)
        self.first_layer = first_layer_gradient_norms(MAX_DEPTH)
        self.layers = ColumnDataSource({"layer": [], "norm": [], "colour": []})
        self.current = ColumnDataSource({"depth": [], "norm": []})

        layers = new_plot("Gradient reaching each layer\n(the output layer in grey)", "layer (1 = first, nearest the input)",
                          "size of gradient", y_axis_type="log", y_range=(1e-8, 10))
        layers.vbar(x="layer", top="norm", bottom=1e-8, width=0.7, source=self.layers, fill_color="colour",
                    line_color=None)
        layers.xaxis.ticker = list(range(1, MAX_DEPTH + 2))

        depths = np.arange(1, MAX_DEPTH + 1)
        fading = new_plot("Gradient at the first layer", "hidden sigmoid layers", "size of gradient",
                          y_axis_type="log", y_range=(1e-8, 10))
        fading.line(depths, self.first_layer, color=VERMILION, line_width=2)
        fading.scatter(depths, self.first_layer, color=VERMILION, size=6)
        fading.scatter("depth", "norm", source=self.current, size=14, fill_color=None, line_color="black",
                       line_width=2)
        fading.xaxis.ticker = list(depths)

        self.slider = pn.widgets.IntSlider.from_param(self.param.depth, name="Hidden sigmoid layers")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(layers), pn.pane.Bokeh(fading))
        self._update()

    @param.depends("depth", watch=True)
    def _update(self):
        norms = layer_gradient_norms(self.depth)
        colours = [VERMILION] + [BLUE] * (len(norms) - 2) + [GREY]
        self.layers.data = {"layer": np.arange(1, len(norms) + 1), "norm": norms, "colour": colours}
        self.current.data = {"depth": [self.depth], "norm": [norms[0]]}
        shrunk = self.first_layer[0] / norms[0]
        compared = f", {shrunk:,.0f} times smaller than with 1 layer" if self.depth > 1 else ""
        self.numbers.object = (
            f"<b>{self.depth}</b> hidden sigmoid layer{'s' if self.depth > 1 else ''}: the first layer gets a "
            f"gradient of <b>{norms[0]:.1e}</b>{compared}"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


FIGURES = {
    "nested_fields": NestedFields,
    "timeline": Timeline,
    "perceptron": PerceptronLearning,
    "vanishing_gradient": VanishingGradient,
    "imagenet_errors": ImageNetErrors,
}
