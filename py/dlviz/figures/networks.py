"""Lesson 3, neural networks: make the data linear, then draw a line.

Every network here is trained on all its points at once (full batch) from a
fixed seed, so a figure's numbers follow from its parameters alone.
"""

from functools import lru_cache

import numpy as np
import panel as pn
import param
from bokeh.events import Pan, PanStart
from bokeh.models import BoxAnnotation, ColumnDataSource, LinearColorMapper, Range1d, Span

from dlviz.core.datasets import noisy_neg_log, spiral, two_rings, wavy_curve
from dlviz.core.diagram import layer_names, network_layout
from dlviz.core.geometry import box_edges, grid_lines, in_front_of_plane, line_in_square, plane_in_box, project_3d
from dlviz.core.losses import mean_squared_error
from dlviz.core.network import accuracy, count_parameters, forward
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial
from dlviz.core.training import TrainingRun
from dlviz.core.transforms import morph, neuron_maps, stretch_axis
from dlviz.core.wide_layer import hidden_activations, output, wide_layer_fit

from .figure import Figure
from .parts import (
    BLUE, CLASS_PALETTE, GREEN, GREY, ORANGE, SKY, VERMILION, bare, centred, class_colours, equal_axes, legend_below,
    new_plot, on_screens, readout, row, shaped, square,
)

SEED = 19750
RING_POINTS = 400
TRAINING_STEPS = 150  # enough for every diagram network to settle on the rings
VIEW = 7.0  # the input plane shown: [-VIEW, VIEW]²
LAYER_COLOURS = {"Input": SKY, "Output": ORANGE}  # hidden layers: GREEN


@lru_cache(maxsize=None)
def rings():
    """The seed's two rings: 400 points, outer ring class 0, inner ring class 1."""
    return two_rings(size=RING_POINTS, seed=SEED)


@lru_cache(maxsize=32)
def rings_run(layer_sizes, steps=TRAINING_STEPS):
    """A tanh network with `layer_sizes` (a tuple) trained on all the rings' points
    at once by Adam (learning rate 0.1) for `steps` steps: its TrainingRun."""
    points, labels = rings()
    run = TrainingRun(points, labels, layer_sizes[1:-1], optimiser="adam", learning_rate=0.1, record_every=steps)
    run.train_to(steps)
    return run


def rings_network(layer_sizes, steps=TRAINING_STEPS):
    """The network of rings_run(layer_sizes, steps)."""
    return rings_run(layer_sizes, steps).network


def _diagram_plot(title, height=320):
    return bare(new_plot(title, "", "", height=height, x_range=Range1d(0, 1), y_range=Range1d(0, 1)))


class DiagramDrawing:
    """The circles and lines of a network diagram on a Bokeh plot, redrawn for new layer sizes."""

    def __init__(self, plot, show_nodes=True):
        self.plot = plot
        self.edges = ColumnDataSource({"xs": [], "ys": []})
        self.nodes = ColumnDataSource({"x": [], "y": [], "colour": []})
        self.texts = ColumnDataSource({"x": [], "y": [], "text": [], "size": []})
        plot.multi_line("xs", "ys", source=self.edges, line_color=GREY, line_alpha=0.45, line_width=1)
        self.circles = plot.scatter("x", "y", source=self.nodes, size=30, fill_color="colour",
                                    line_color="black", line_width=1, visible=show_nodes)
        plot.text("x", "y", text="text", source=self.texts, text_align="center", text_baseline="middle",
                  text_font_size="size", text_color="#222222")
        self.show_nodes = show_nodes

    def draw(self, layer_sizes):
        """Draw the network with `layer_sizes`; return its Diagram."""
        diagram = network_layout(layer_sizes)
        names = layer_names(layer_sizes)
        tallest = max(layer_sizes)
        self.edges.data = {"xs": list(diagram.edges[:, :, 0]), "ys": list(diagram.edges[:, :, 1])}
        self.nodes.data = {
            "x": diagram.nodes[:, 0], "y": diagram.nodes[:, 1],
            "colour": [LAYER_COLOURS.get(names[layer], GREEN) for layer in diagram.layers],
        }
        columns = np.unique(diagram.nodes[:, 0])
        top = (tallest - 1) / 2
        labelled = self.show_nodes and tallest <= 8
        labels = diagram.labels if labelled else []
        self.texts.data = {
            "x": np.concatenate([columns, diagram.nodes[:, 0] if labelled else []]),
            "y": np.concatenate([np.full(len(columns), top + 0.8), diagram.nodes[:, 1] if labelled else []]),
            "text": names + labels,
            "size": ["12px"] * len(columns) + ["11px"] * len(labels),
        }
        self.circles.glyph.size = max(4, min(30, 260 / tallest))
        self.plot.x_range.start, self.plot.x_range.end = columns[0] - 0.8, columns[-1] + 0.8
        self.plot.y_range.start, self.plot.y_range.end = -top - 0.7, top + 1.3
        return diagram


class StretchFit(Figure):
    """The seed's -log(x) data with its x axis stretched towards √x, and the best line through it."""

    core_functions = (
        "dlviz.core.transforms.stretch_axis",
        "dlviz.core.polynomial.fit_polynomial",
        "dlviz.core.losses.mean_squared_error",
    )

    stretch = param.Number(default=0.0, bounds=(0.0, 1.0), step=0.05, doc="How far x is stretched towards √x")
    precomputed = {"stretch": [round(i * 0.05, 2) for i in range(21)]}

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = noisy_neg_log(size=200, seed=SEED, noise=0.2)
        stretches = np.linspace(0, 1, 21)
        errors = [self._fit(s)[1] for s in stretches]

        self.points = ColumnDataSource({"x": [], "y": []})
        self.line = ColumnDataSource({"x": [], "y": []})
        fit = new_plot("The data, x stretched", "stretched x", "y")
        fit.scatter("x", "y", source=self.points, size=7, alpha=0.6, color=BLUE, legend_label="data")
        fit.line("x", "y", source=self.line, color=VERMILION, line_width=3, legend_label="best straight line")
        fit.legend.location = "top_right"

        error = new_plot("The line's error against the stretch", "stretch (0: x, 1: √x)", "mean squared error")
        error.line(stretches, errors, color=BLUE, line_width=2)
        self.marker = Span(location=self.stretch, dimension="height", line_dash="dashed", line_color="black")
        error.add_layout(self.marker)

        self.slider = pn.widgets.FloatSlider.from_param(self.param.stretch, name="Stretch x towards √x")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(fit), pn.pane.Bokeh(error))
        self._update()

    def _fit(self, stretch):
        stretched = stretch_axis(self.x, stretch)
        line = fit_polynomial(stretched, self.y, 1)
        return stretched, mean_squared_error(self.y, evaluate_polynomial(line, stretched)), line

    @param.depends("stretch", watch=True)
    def _update(self):
        stretched, error, line = self._fit(self.stretch)
        self.points.data = {"x": stretched, "y": self.y}
        ends = np.array([stretched.min(), stretched.max()])
        self.line.data = {"x": ends, "y": evaluate_polynomial(line, ends)}
        self.marker.location = self.stretch
        self.numbers.object = (
            f"x becomes x<sup>{1 - self.stretch / 2:.3f}</sup>: "
            f"the straight line's mean squared error is <b>{error:.4f}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


class NetworkDiagram(Figure):
    """The rings, and a network whose hidden layers the learner sizes, trained on them."""

    core_functions = (
        "dlviz.core.network.forward_pass",
        "dlviz.core.network.count_parameters",
    )

    neurons = param.Integer(default=3, bounds=(1, 8), doc="Neurons in each hidden layer")
    hidden_layers = param.Integer(default=1, bounds=(0, 4), doc="Number of hidden layers")
    precomputed = {"hidden_layers": range(0, 5)}

    def __init__(self, **params):
        super().__init__(**params)
        self.points, self.labels = rings()
        data = new_plot("The rings, and what the network predicts", "x", "y")
        self.region = ColumnDataSource({"image": []})
        area = data.image("image", source=self.region, x=-VIEW, y=-VIEW, dw=2 * VIEW, dh=2 * VIEW, alpha=0.45,
                          color_mapper=LinearColorMapper(palette=CLASS_PALETTE, low=0, high=1))
        shaped(equal_axes(data, area), 420, 440)  # the rings round
        data.scatter(self.points[:, 0], self.points[:, 1], size=5, color=class_colours(self.labels),
                     line_color="white", line_width=0.5)
        self.drawing = DiagramDrawing(_diagram_plot("The network"))

        self.neuron_slider = pn.widgets.IntSlider.from_param(self.param.neurons, name="Neurons per hidden layer")
        self.layer_slider = pn.widgets.IntSlider.from_param(self.param.hidden_layers, name="Hidden layers")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(data), pn.pane.Bokeh(self.drawing.plot))
        self._update()

    def layer_sizes(self):
        return (2,) + (self.neurons,) * self.hidden_layers + (1,)

    @param.depends("neurons", "hidden_layers", watch=True)
    def _update(self):
        sizes = self.layer_sizes()
        self.drawing.draw(sizes)
        network = rings_network(sizes)
        self.region.data = {"image": [neuron_maps(network, -VIEW, VIEW, 40)[-1][0]]}
        weights, biases = count_parameters(sizes)
        right = accuracy(network, self.points, self.labels)
        self.numbers.object = (
            f"Layers {'-'.join(map(str, sizes))}: <b>{weights}</b> weights and <b>{biases}</b> biases, "
            f"{weights + biases} numbers to learn; after {TRAINING_STEPS} training steps it sorts "
            f"<b>{right:.1%}</b> of the points right"
        )

    def __panel__(self):
        return pn.Column(self.neuron_slider, self.layer_slider, self.plots, self.numbers,
                         sizing_mode="stretch_width")


DEGREES_PER_PIXEL = 0.5  # a drag across the 3-D view turns it by this much per pixel


def turned(start, pixels, bounds, wrap=False):
    """An angle `start` turned by a drag of `pixels`, to the nearest 5 degrees, wrapped
    round (a turn) or held within `bounds` (a tilt)."""
    angle = 5 * round((start + pixels * DEGREES_PER_PIXEL) / 5)
    return angle % 360 if wrap else int(np.clip(angle, *bounds))


class RingsIn3D(Figure):
    """The rings as a hidden layer of three tanh neurons sees them, and the output
    layer's plane; a drag across the view turns it (no pan tool is active)."""

    core_functions = (
        "dlviz.core.network.forward_pass",
        "dlviz.core.geometry.project_3d",
    )

    azimuth = param.Integer(default=200, bounds=(0, 360), step=5, doc="Turn round the vertical axis, degrees")
    elevation = param.Integer(default=-15, bounds=(-90, 90), step=5, doc="Camera height, degrees")

    def __init__(self, **params):
        super().__init__(**params)
        self.points, self.labels = rings()
        self.network = rings_network((2, 3, 1))
        self.hidden = forward(self.network, self.points)[1]
        self.right = accuracy(self.network, self.points, self.labels)
        self.edges = box_edges(-1, 1)
        self.plane_equation = (self.network.weights[1][:, 0], self.network.biases[1][0])
        self.plane = plane_in_box(*self.plane_equation)
        self.axis_names = np.array([[0, -1.25, -1.25], [-1.25, 0, -1.25], [-1.25, -1.25, 0]])

        view = new_plot("Hidden layer H1, H2, H3: three numbers per point", "", "",
                        x_range=Range1d(-1.8, 1.8), y_range=Range1d(-1.8, 1.8))
        square(view)
        view.axis.visible = False
        view.grid.visible = False
        self.box = ColumnDataSource({"xs": [], "ys": []})
        self.sheet = ColumnDataSource({"x": [], "y": []})
        self.behind = ColumnDataSource({"x": [], "y": [], "colour": []})
        self.in_front = ColumnDataSource({"x": [], "y": [], "colour": []})
        self.names = ColumnDataSource({"x": [], "y": [], "text": []})
        view.multi_line("xs", "ys", source=self.box, line_color=GREY, line_alpha=0.6)
        for source in (self.behind, self.in_front):
            if source is self.in_front:
                view.patch("x", "y", source=self.sheet, fill_color=GREY, fill_alpha=0.45, line_color="black",
                           legend_label="the output layer's plane")
            view.scatter("x", "y", source=source, size=5, color="colour", line_color="white", line_width=0.5)
        view.text("x", "y", text="text", source=self.names, text_align="center", text_baseline="middle",
                  text_font_size="13px")
        view.legend.location = "top_left"
        self._drag_start = None
        view.on_event(PanStart, self._start_turn)
        view.on_event(Pan, self._turn)

        self.azimuth_slider = pn.widgets.IntSlider.from_param(self.param.azimuth, name="Turn (azimuth)")
        self.elevation_slider = pn.widgets.IntSlider.from_param(self.param.elevation, name="Tilt (elevation)")
        self.numbers = readout()
        self.plots = centred(view)
        self._update()

    def _start_turn(self, event):
        self._drag_start = (event.sx, event.sy, self.azimuth, self.elevation)

    def _turn(self, event):
        """Left and right turn the view round its vertical axis; up and down tilt it."""
        if self._drag_start is None:
            return
        sx, sy, azimuth, elevation = self._drag_start
        self.param.update(azimuth=turned(azimuth, sx - event.sx, self.param.azimuth.bounds, wrap=True),
                          elevation=turned(elevation, event.sy - sy, self.param.elevation.bounds))

    def _project(self, points):
        across, up, depth = project_3d(points, self.azimuth, self.elevation)
        return across, up, depth

    @param.depends("azimuth", "elevation", watch=True)
    def _update(self):
        across, up, depth = self._project(self.hidden)
        colours = np.array(class_colours(self.labels))
        front = in_front_of_plane(self.hidden, *self.plane_equation, self.azimuth, self.elevation)
        for source, chosen in ((self.behind, ~front), (self.in_front, front)):
            far_first = np.flatnonzero(chosen)[np.argsort(-depth[chosen])]
            source.data = {"x": across[far_first], "y": up[far_first], "colour": colours[far_first]}
        ends_across, ends_up, _ = self._project(self.edges.reshape(-1, 3))
        self.box.data = {"xs": list(ends_across.reshape(-1, 2)), "ys": list(ends_up.reshape(-1, 2))}
        sheet_across, sheet_up, _ = self._project(self.plane) if len(self.plane) else ([], [], [])
        self.sheet.data = {"x": sheet_across, "y": sheet_up}
        names_across, names_up, _ = self._project(self.axis_names)
        self.names.data = {"x": names_across, "y": names_up, "text": ["H1", "H2", "H3"]}
        self.numbers.object = (
            f"Seen from azimuth {self.azimuth}°, elevation {self.elevation}°: "
            f"the plane puts <b>{self.right:.1%}</b> of the points on their own side"
        )

    def __panel__(self):
        return pn.Column(self.azimuth_slider, self.elevation_slider, self.plots, self.numbers,
                         sizing_mode="stretch_width")


class WideLayer(Figure):
    """One hidden layer of random tanh steps, its output layer fitted by least squares."""

    core_functions = (
        "dlviz.core.wide_layer.hidden_activations",
        "dlviz.core.wide_layer.output",
        "dlviz.core.wide_layer.fit_output_layer",
    )

    width = param.Integer(default=3, bounds=(1, 64), doc="Neurons in the hidden layer")

    def __init__(self, **params):
        super().__init__(**params)
        self.x, self.y = wavy_curve(size=200, seed=SEED, noise=0.1)
        self.curve_x = np.linspace(self.x.min(), self.x.max(), 300)
        self.curve = ColumnDataSource({"x": [], "y": []})
        fit = new_plot("One hidden layer fitting a curve", "x", "y", y_range=(-1.8, 1.8))
        fit.scatter(self.x, self.y, size=5, alpha=0.5, color=BLUE, legend_label="data")
        fit.line("x", "y", source=self.curve, color=VERMILION, line_width=3, legend_label="the network")
        legend_below(fit).orientation = "horizontal"  # the waves fill the plot: none under it
        self.drawing = DiagramDrawing(_diagram_plot("The network: 1 input, 1 output"))

        self.slider = pn.widgets.IntSlider.from_param(self.param.width, name="Width of the hidden layer")
        self.numbers = readout()
        self.plots = row(pn.pane.Bokeh(fit), pn.pane.Bokeh(self.drawing.plot))
        self._update()

    @param.depends("width", watch=True)
    def _update(self):
        weights, slopes, centres, error = wide_layer_fit(self.x, self.y, self.width)
        self.curve.data = {"x": self.curve_x,
                           "y": output(hidden_activations(self.curve_x, slopes, centres), weights)}
        self.drawing.draw((1, self.width, 1))
        self.numbers.object = (
            f"A hidden layer of <b>{self.width}</b> neuron{'s' if self.width > 1 else ''}: "
            f"the fit's mean squared error is <b>{error:.4f}</b>"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


DEEP_SIZES = (2, 4, 3, 3, 4, 1)  # the seed notebook's deep network
SLOTS = max(DEEP_SIZES[1:])  # the most maps a layer's close-up shows
GAP = 2 * VIEW * 1.15  # from one map's corner to the next, in the close-up
CORNERS = {  # the lower left corner of each map of the close-up: in a row, and two to a row
    "x": [slot * GAP - VIEW for slot in range(SLOTS)], "y": [-VIEW] * SLOTS,
    "tall_x": [slot % 2 * GAP - VIEW for slot in range(SLOTS)], "tall_y": [-(slot // 2) * GAP - VIEW for slot in range(SLOTS)],
}
DEEP_STEPS = 100
MAP_RESOLUTION = 30
TILE = 38  # px: a neuron's map in the network picture, square on any screen


class FeatureHierarchy(Figure):
    """The seed's 2-4-3-3-4-1 network trained on the rings; each neuron drawn as
    a map of how strongly it answers at every point of the input plane."""

    core_functions = (
        "dlviz.core.transforms.neuron_maps",
        "dlviz.core.network.forward_pass",
    )

    layer = param.Integer(default=1, bounds=(1, len(DEEP_SIZES) - 1), doc="The layer to look at")
    precomputed = {"layer": range(1, len(DEEP_SIZES))}

    def __init__(self, **params):
        super().__init__(**params)
        self.points, self.labels = rings()
        self.network = rings_network(DEEP_SIZES, steps=DEEP_STEPS)
        self.maps = neuron_maps(self.network, -VIEW, VIEW, MAP_RESOLUTION)
        self.names = layer_names(DEEP_SIZES)
        hidden_mapper = LinearColorMapper(palette=CLASS_PALETTE, low=-1, high=1)
        output_mapper = LinearColorMapper(palette=CLASS_PALETTE, low=0, high=1)

        network = _diagram_plot("Every neuron of the network,\nas a map of the input plane", height=340)
        diagram = DiagramDrawing(network, show_nodes=False).draw(DEEP_SIZES)
        tiles = {"hidden": {"image": [], "x": [], "y": []}, "output": {"image": [], "x": [], "y": []}}
        for (x, y), layer, index in zip(diagram.nodes, diagram.layers, self._neuron_numbers(diagram.layers)):
            if layer == 0:
                continue
            kind = "output" if layer == len(DEEP_SIZES) - 1 else "hidden"
            tiles[kind]["image"].append(self.maps[layer - 1][index])
            tiles[kind]["x"].append(x)
            tiles[kind]["y"].append(y)
        for kind, mapper in (("hidden", hidden_mapper), ("output", output_mapper)):  # square maps on any screen
            network.image("image", x="x", y="y", dw=TILE, dh=TILE, dw_units="screen", dh_units="screen",
                          anchor="center", color_mapper=mapper, source=ColumnDataSource(tiles[kind]))
        inputs = diagram.nodes[diagram.layers == 0]
        network.scatter(inputs[:, 0], inputs[:, 1], size=26, fill_color=SKY, line_color="black")
        network.text(inputs[:, 0], inputs[:, 1], text=["x", "y"], text_align="center",
                     text_baseline="middle", text_font_size="11px")
        self.columns = np.unique(diagram.nodes[:, 0])
        self.highlight = BoxAnnotation(fill_color=VERMILION, fill_alpha=0.12, line_color=VERMILION,
                                       line_width=2, bottom=-2.3, top=2.3)
        network.add_layout(self.highlight)

        # The chosen layer's maps, close up, drawn twice from the same sources: in a row, and two to a row for a
        # phone (four in a row would be 70 px each there). Each of a layer's places for a map ("slot") has its
        # corner in both drawings ("x", "y" in the row, "tall_x", "tall_y" in the grid) and the rings' points
        # drawn over it, shown while the chosen layer has a map there.
        self.close_up_tiles = ColumnDataSource({key: [] for key in ("image", *CORNERS)})
        self.close_up_output = ColumnDataSource({key: [] for key in ("image", *CORNERS)})
        self.slot_points = [ColumnDataSource({key: self.points[:, "xy".index(key[-1])] + corners[slot] + VIEW
                                              for key, corners in CORNERS.items()}) for slot in range(SLOTS)]
        self.close_ups = {layout: self._close_up(layout, hidden_mapper, output_mapper) for layout in ("wide", "tall")}

        self.slider = pn.widgets.IntSlider.from_param(self.param.layer, name="Layer")
        self.numbers = readout()
        self.plots = pn.Column(pn.pane.Bokeh(network, sizing_mode="stretch_width"),
                               centred(on_screens(self.close_ups["wide"], narrow=False)),
                               centred(on_screens(self.close_ups["tall"], narrow=True)),
                               sizing_mode="stretch_width")
        self._update()

    def _close_up(self, layout, hidden_mapper, output_mapper):
        """The close-up of the chosen layer's maps, in a row ("wide") or two to a row ("tall")."""
        x, y = ("x", "y") if layout == "wide" else ("tall_x", "tall_y")
        plot = bare(new_plot("The chosen layer, close up\n(the rings drawn over each map)", "", ""))
        areas = [plot.image("image", x=x, y=y, dw=2 * VIEW, dh=2 * VIEW, color_mapper=mapper, source=source)
                 for mapper, source in ((hidden_mapper, self.close_up_tiles), (output_mapper, self.close_up_output))]
        shaped(equal_axes(plot, *areas), *((900, 300) if layout == "wide" else (400, 400)))  # square maps
        for source in self.slot_points:
            plot.scatter(x, y, source=source, size=2, color="black", alpha=0.45)
        return plot

    @staticmethod
    def _neuron_numbers(layers):
        """Each node's place within its layer."""
        return [int(np.sum(layers[:i] == layer)) for i, layer in enumerate(layers)]

    @param.depends("layer", watch=True)
    def _update(self):
        maps = self.maps[self.layer - 1]
        column = self.columns[self.layer]
        self.highlight.left, self.highlight.right = column - 0.6, column + 0.6
        count = len(maps)
        is_output = self.layer == len(DEEP_SIZES) - 1
        images = {"image": list(maps), **{key: corners[:count] for key, corners in CORNERS.items()}}
        empty = {key: [] for key in images}
        self.close_up_tiles.data = empty if is_output else images
        self.close_up_output.data = images if is_output else empty
        for close_up in self.close_ups.values():
            for slot, points in enumerate(close_up.renderers[-SLOTS:]):
                points.visible = slot < count
        kind = ("the output: the whole answer" if is_output else
                "simple half-planes" if self.layer == 1 else "shapes built from the layer below")
        self.numbers.object = (
            f"Layer {self.layer}, <b>{self.names[self.layer]}</b>: {count} neuron{'s' if count > 1 else ''}, "
            f"{kind}"
        )

    def __panel__(self):
        return pn.Column(self.slider, self.plots, self.numbers, sizing_mode="stretch_width")


MORPH_SIZES = [2, 2, 2, 2, 1]
MORPH_RATE = 0.1
MORPH_SEED = 4
MORPH_RECORD_EVERY = 50  # the steps slider's step: going back to any of its stops costs nothing
INPUT_SCALE = 5.0  # the network sees x / 5 and y / 5: inputs within about -1 to 1, as is usual


@lru_cache(maxsize=None)
def spiral_data():
    """A gentle spiral: two arms, three quarters of a turn each."""
    return spiral(size=300, seed=SEED, noise=0.2, turns=0.75)


@lru_cache(maxsize=None)
def spiral_training():
    """The morphing network's training (all points every step, Adam), shared by every copy of the figure."""
    points, labels = spiral_data()
    return TrainingRun(points / INPUT_SCALE, labels, MORPH_SIZES[1:-1], optimiser="adam", learning_rate=MORPH_RATE,
                       seed=MORPH_SEED, record_every=MORPH_RECORD_EVERY)


class MorphingSpace(Figure):
    """A 2-2-2-2-1 tanh network trained on a spiral; the grid under the data
    carried through each layer until one straight line separates the classes."""

    core_functions = (
        "dlviz.core.transforms.morph",
        "dlviz.core.network.forward_pass",
    )

    layer = param.Integer(default=0, bounds=(0, len(MORPH_SIZES) - 2), doc="The layer whose space is shown")
    steps = param.Integer(default=100, bounds=(0, 1000), step=50, doc="Training steps")

    def __init__(self, **params):
        super().__init__(**params)
        self.points, self.labels = spiral_data()
        self.lines = grid_lines(-6, 6, count=13, samples=60)
        self.grid = ColumnDataSource({"xs": [], "ys": []})
        self.dots = ColumnDataSource({"x": [], "y": [], "colour": []})
        self.boundary = ColumnDataSource({"x": [], "y": []})
        plot = new_plot("", "", "", x_range=Range1d(-6, 6), y_range=Range1d(-6, 6))
        square(plot)
        plot.multi_line("xs", "ys", source=self.grid, line_color=GREY, line_alpha=0.55, line_width=1)
        plot.scatter("x", "y", source=self.dots, size=6, color="colour",
                     line_color="white", line_width=0.5)
        plot.line("x", "y", source=self.boundary, color="black", line_width=3, line_dash="dashed",
                  legend_label="the output neuron's line")
        plot.legend.location = "top_left"
        self.legend = plot.legend[0]
        self.plot = plot

        self.layer_slider = pn.widgets.IntSlider.from_param(self.param.layer, name="Layer shown")
        self.steps_slider = pn.widgets.IntSlider.from_param(self.param.steps, name="Training steps")
        self.numbers = readout()
        self._update()

    @param.depends("layer", "steps", watch=True)
    def _update(self):
        run = spiral_training()
        run.train_to(self.steps)
        network = run.network
        grid = morph(network, self.lines / INPUT_SCALE)[self.layer]
        dots = morph(network, self.points / INPUT_SCALE)[self.layer]
        if self.layer == 0:  # show the input plane in the data's own units
            grid, dots = self.lines, self.points
        self.grid.data = {"xs": list(grid[:, :, 0]), "ys": list(grid[:, :, 1])}
        self.dots.data = {"x": dots[:, 0], "y": dots[:, 1], "colour": class_colours(self.labels)}
        reach = 6.5 if self.layer == 0 else 1.15
        for axis in (self.plot.x_range, self.plot.y_range):
            axis.start, axis.end = -reach, reach
        last = self.layer == len(MORPH_SIZES) - 2
        if last:
            across, up = line_in_square(network.weights[-1][:, 0], network.biases[-1][0], -1.2, 1.2)
            self.boundary.data = {"x": across, "y": up}
            self.legend.visible = True
        else:
            self.legend.visible = False
            self.boundary.data = {"x": [], "y": []}
        hidden = len(MORPH_SIZES) - 2
        self.plot.title.text = ("The input plane" if self.layer == 0 else
                                f"Hidden layer {self.layer} of {hidden}: its two neurons as the axes")
        right = accuracy(network, self.points / INPUT_SCALE, self.labels)
        where = "the input plane" if self.layer == 0 else f"hidden layer {self.layer} of {hidden}"
        self.numbers.object = (
            f"Showing {where}, after <b>{self.steps}</b> training steps: the network sorts "
            f"<b>{right:.1%}</b> of the points right"
        )

    def __panel__(self):
        plot = centred(self.plot)
        return pn.Column(self.layer_slider, self.steps_slider, plot,
                         self.numbers, sizing_mode="stretch_width")


FIGURES = {
    "stretch_fit": StretchFit,
    "network_diagram": NetworkDiagram,
    "rings_in_3d": RingsIn3D,
    "wide_layer": WideLayer,
    "feature_hierarchy": FeatureHierarchy,
    "morphing_space": MorphingSpace,
}
