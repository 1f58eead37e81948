"""The training playground: a small network learning in front of the learner,
in the spirit of TensorFlow Playground (Daniel Smilkov and Shan Carter).

Its state is its settings plus `steps`, the number of training steps taken:
the same settings and the same `steps` always show the same network. Play
raises `steps` one tick at a time from a periodic callback, and every tick ends
where the run records its losses (a `steps` between records is rounded down to
one); moving any setting starts training again from step 0.
"""

import asyncio

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource, HoverTool, LinearColorMapper, Range1d, TapTool

from dlviz.core.datasets import DATASETS, REGRESSION_DATASETS, train_test_split
from dlviz.core.features import FEATURES, feature_matrix
from dlviz.core.geometry import grid_points
from dlviz.core.network import forward
from dlviz.core.training import CLASSIFICATION, REGRESSION, TrainingRun, steps_per_epoch
from dlviz.state import IntegerList

from .figure import Figure, in_reach
from .parts import BLUE, CLASS_PALETTE, ORANGE, VERMILION, bare, diverged_words, equal_axes, legend_below, new_plot, readout

DATA_SIZE = 400
DATA_SEED = 19750
SPLIT_SEED = 7
NETWORK_SEED = 3  # the first weights, and the order of the minibatches
HALF_WIDTH = 6.0  # the plane shown is [-6, 6]²
RESOLUTION = 40  # the decision boundary is read on a 40 × 40 grid
NEURON_EVERY = 2  # each neuron's picture keeps every 2nd grid point: 20 × 20
MAX_STEPS = 10000
MAX_STEPS_PER_TICK = 25  # a tick trains whole epochs up to this many steps, or this many of a longer epoch
TICK_MS = 40  # Play's period: up to 25 ticks a second, each drawn
NETWORK_EVERY = 2  # while playing, the neurons' pictures are redrawn every 2nd tick (the output every tick)
MAX_LAYERS, MAX_NEURONS = 4, 8

CLASSIFICATION_SETS = {"Rings": "rings", "XOR": "xor", "Gaussian blobs": "blobs", "Spiral": "spiral",
                       "Two moons": "moons"}
REGRESSION_SETS = {"Hill and valley (regression)": "hills", "Tilted plane (regression)": "plane"}
DATA_SETS = {**CLASSIFICATION_SETS, **REGRESSION_SETS}
PROBLEMS = {"Classification": CLASSIFICATION_SETS, "Regression": REGRESSION_SETS}
DATA_SET_NAMES = {value: label for label, value in DATA_SETS.items()}
LEARNING_RATES = [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
REGULARISATION_RATES = [0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0]

# The network picture: one square per neuron, layers left to right, all drawn as
# one tiled image (one message to the page per redraw, not one per neuron).
TILE = RESOLUTION // NEURON_EVERY  # pixels per neuron's picture, and per unit of the plot
COLUMN_PITCH, ROW_PITCH = 35, 25  # pixels from one neuron's picture to the next
CELL, COLUMN_STEP, ROW_STEP = 1.0, COLUMN_PITCH / TILE, ROW_PITCH / TILE  # the same in plot units


class Playground(Figure):
    """Train a small network on a 2-D data set and watch every neuron learn."""

    core_functions = (
        "dlviz.core.activations._tanh",
        "dlviz.core.network.forward_pass",
        "dlviz.core.network.backward_pass",
        "dlviz.core.training.train_step",
    )
    changeable = True

    dataset = param.Selector(default="rings", objects=DATA_SETS, doc="Data set (classification or regression)")
    noise = param.Number(default=0.3, bounds=(0.0, 1.5), step=0.05, doc="Noise")
    train_percent = param.Integer(default=50, bounds=(10, 90), step=10, doc="Training data (%)")
    features = param.ListSelector(default=["x", "y"], objects=list(FEATURES), doc="Input features")
    hidden_layers = param.Integer(default=2, bounds=(0, MAX_LAYERS), doc="Hidden layers")
    neurons = IntegerList(default=[8] * MAX_LAYERS, bounds=(MAX_LAYERS, MAX_LAYERS), item_bounds=(1, MAX_NEURONS),
                          doc="Neurons in each hidden layer (the first `hidden_layers` of them are used)")
    activation = param.Selector(default="tanh", objects=["relu", "tanh", "sigmoid", "linear"])
    learning_rate = param.Selector(default=0.1, objects=LEARNING_RATES)
    batch_size = param.Integer(default=10, bounds=(1, 30))
    regularisation = param.Selector(default="none", objects={"None": "none", "L1": "l1", "L2": "l2"})
    regularisation_rate = param.Selector(default=0.01, objects=REGULARISATION_RATES)
    show_test_data = param.Boolean(default=True, doc="Show test data")
    discretise = param.Boolean(default=False, doc="Discretise output")
    steps = param.Integer(default=0, bounds=(0, MAX_STEPS), doc="Training steps taken")
    play = param.Event(doc="Start or pause training")
    step_forward = param.Event(doc="Train one tick's worth of steps")
    reset = param.Event(doc="Start again from step 0")

    def __init__(self, **params):
        super().__init__(**params)
        self.redraws = 0  # how many times the pictures were redrawn: for benchmarks
        self._callback = None
        self._ticks, self._network_due, self._network_stale = 0, True, False
        self._data_key, self._data, self._run = None, None, None
        self._grid = grid_points(-HALF_WIDTH, HALF_WIDTH, RESOLUTION)

        self.output_colours = LinearColorMapper(palette=CLASS_PALETTE, low=0, high=1)
        self.boundary = ColumnDataSource({"image": [np.zeros((RESOLUTION, RESOLUTION))]}, name="playground_output")
        self.train_points = ColumnDataSource({"x": [], "y": [], "value": []})
        self.test_points = ColumnDataSource({"x": [], "y": [], "value": []})
        self.neuron_images = ColumnDataSource({"image": [np.full((1, 1), np.nan)]})
        # One spot per neuron of the picture, to hover (its weights) or tap (its picture enlarged).
        self.neuron_spots = ColumnDataSource({"x": [], "y": [], "about": []})
        self.neuron_spots.selected.on_change("indices", lambda attr, old, new: self._draw_zoom())
        self.zoom_image = ColumnDataSource({"image": [np.full((RESOLUTION, RESOLUTION), np.nan)]},
                                          name="playground_zoom")
        self.edges = ColumnDataSource({"x0": [], "y0": [], "x1": [], "y1": [], "weight": [], "width": []})
        self.labels = ColumnDataSource({"x": [], "y": [], "text": [], "align": []})
        self.losses = ColumnDataSource({"epoch": [], "train": [], "test": []}, name="playground_losses")

        self.numbers = readout()
        self.zoom_words = pn.pane.HTML("Tap a neuron to see it enlarged, with its weights.", width=170,
                                       margin=(0, 10), styles={"font-size": "13px"})
        self._layout = pn.Column(
            self._controls_bar(), self._play_bar(), self.numbers,
            pn.FlexBox(self._settings(),
                       pn.Column(pn.pane.Bokeh(self._network_plot(), sizing_mode="stretch_width", max_width=380),
                                 pn.Row(pn.pane.Bokeh(self._zoom_plot()), self.zoom_words),
                                 sizing_mode="stretch_width", max_width=380),
                       pn.Column(pn.pane.Bokeh(self._boundary_plot()), pn.pane.Bokeh(self._loss_plot())),
                       flex_wrap="wrap", gap="12px", sizing_mode="stretch_width"),
            sizing_mode="stretch_width",
        )
        self._follow_dataset()
        self._new_run()
        self._follow_steps()

    # ------------------------------------------------------------ layout

    def _controls_bar(self):
        self.play_button = pn.widgets.Button.from_param(self.param.play, name="▶ Play",
                                                        color="primary", width=90)
        self.problem = pn.widgets.RadioButtonGroup(options=list(PROBLEMS), width=220, color="light",
                                                   variant="outline")
        self.problem.param.watch(self._problem_chosen, "value")
        return pn.FlexBox(
            pn.Column(self.problem, pn.widgets.Select.from_param(self.param.dataset, name="Data set", width=220),
                      margin=0),
            pn.widgets.FloatSlider.from_param(self.param.noise, name="Noise", width=160),
            pn.widgets.IntSlider.from_param(self.param.train_percent, name="Training data (%)", width=160),
            pn.widgets.Checkbox.from_param(self.param.show_test_data, name="Show test data", width=130),
            pn.widgets.Checkbox.from_param(self.param.discretise, name="Discretise output", width=130),
            flex_wrap="wrap", align_items="flex-end", sizing_mode="stretch_width",
        )

    def _play_bar(self):
        """Play, Step and Reset: on a phone they stay at the top of the screen while the playground is on it."""
        return in_reach(pn.Row(self.play_button, pn.widgets.Button.from_param(self.param.step_forward, name="Step", width=70),
                               pn.widgets.Button.from_param(self.param.reset, name="Reset", width=70),
                               sizing_mode="stretch_width"))

    def _settings(self):
        widgets = [
            pn.pane.HTML("<b>Input features</b>", margin=(5, 10, 0, 10)),
            pn.widgets.CheckBoxGroup.from_param(self.param.features, name="Input features", inline=True,
                                                stylesheets=[".bk-input-group { flex-wrap: wrap; }"]),
            pn.widgets.IntSlider.from_param(self.param.hidden_layers, name="Hidden layers"),
            pn.pane.HTML("<b>Neurons per hidden layer</b>", margin=(5, 10, 0, 10)),
            *self._neuron_controls(),
            pn.widgets.Select.from_param(self.param.activation, name="Activation"),
            pn.widgets.Select.from_param(self.param.learning_rate, name="Learning rate"),
            pn.widgets.IntSlider.from_param(self.param.batch_size, name="Batch size"),
            pn.widgets.Select.from_param(self.param.regularisation, name="Regularisation"),
            pn.widgets.Select.from_param(self.param.regularisation_rate, name="Regularisation rate"),
        ]
        for widget in widgets:
            widget.sizing_mode = "stretch_width"
        return pn.Column(*widgets, width=230)

    def _neuron_controls(self):
        """A row per hidden layer: its name, − and + buttons, and its count; off for layers not in use."""
        self.neuron_buttons, self.neuron_counts, rows = [], [], []
        for layer in range(MAX_LAYERS):
            less = pn.widgets.Button(label="−", width=36, margin=(5, 2), description=f"One neuron fewer in layer {layer + 1}")
            more = pn.widgets.Button(label="+", width=36, margin=(5, 2), description=f"One neuron more in layer {layer + 1}")
            less.on_click(lambda _, layer=layer: self._add_neurons(layer, -1))
            more.on_click(lambda _, layer=layer: self._add_neurons(layer, 1))
            count = pn.pane.HTML("", width=56, margin=(12, 2, 0, 2), styles={"text-align": "center"})
            self.neuron_buttons.append((less, more))
            self.neuron_counts.append(count)
            rows.append(pn.Row(pn.pane.HTML(f"Layer {layer + 1}", width=55, margin=(12, 5, 0, 10)),
                               less, count, more, margin=0))
        self._show_neuron_counts()
        return rows

    def _add_neurons(self, layer, change):
        """The − and + buttons: one neuron fewer or more in `layer`, within 1 and MAX_NEURONS."""
        neurons = list(self.neurons)
        neurons[layer] = min(max(neurons[layer] + change, 1), MAX_NEURONS)
        self.neurons = neurons

    @param.depends("neurons", "hidden_layers", watch=True)
    def _show_neuron_counts(self):
        for layer, ((less, more), count) in enumerate(zip(self.neuron_buttons, self.neuron_counts)):
            used = layer < self.hidden_layers
            size = self.neurons[layer]
            less.disabled = not used or size <= 1
            more.disabled = not used or size >= MAX_NEURONS
            count.object = f"<b>{size}</b>" if used else "off"

    def _problem_chosen(self, event):
        """The classification or regression switch: the first data set of the other kind."""
        sets = PROBLEMS[event.new]
        if self.dataset not in sets.values():
            self.dataset = next(iter(sets.values()))

    @param.depends("dataset", watch=True)
    def _follow_dataset(self):
        """The switch shows the data set's kind."""
        self.problem.value = "Regression" if self.dataset in REGRESSION_SETS.values() else "Classification"

    def _network_plot(self):
        plot = bare(new_plot("Every neuron, read over the plane", "", "", height=380))
        plot.sizing_mode = "scale_width"  # square, at most 380 px: narrower on a phone
        plot.width, plot.max_width = 380, 380
        plot.x_range = Range1d(-1.5, (MAX_LAYERS + 1) * COLUMN_STEP + CELL + 0.1)
        plot.y_range = Range1d(-MAX_NEURONS * ROW_STEP, 0.8)
        plot.outline_line_color = None
        sign = LinearColorMapper(palette=[BLUE, ORANGE], low=-1e-12, high=1e-12)  # negative, positive
        plot.segment("x0", "y0", "x1", "y1", source=self.edges, line_width="width", line_alpha=0.7,
                     line_color={"field": "weight", "transform": sign})
        self.tiles = plot.image(image="image", x=0, y=-CELL, dw=CELL, dh=CELL, source=self.neuron_images,
                                color_mapper=LinearColorMapper(palette=CLASS_PALETTE, low=-1, high=1,
                                                               nan_color=(0, 0, 0, 0))).glyph
        plot.text("x", "y", text="text", source=self.labels, text_font_size="11px",
                  text_align="align", text_baseline="middle", text_color="#333333")
        spots = plot.rect("x", "y", width=CELL, height=CELL, source=self.neuron_spots, fill_alpha=0,
                          line_alpha=0, selection_line_alpha=1, selection_line_width=2,
                          selection_line_color="#1d2330", nonselection_fill_alpha=0, nonselection_line_alpha=0)
        plot.add_tools(HoverTool(renderers=[spots], tooltips="@about"), TapTool(renderers=[spots]))
        return plot

    def _zoom_plot(self):
        """The tapped neuron's picture, at the full resolution of the output's."""
        plot = bare(new_plot("", "", "", height=150))
        plot.sizing_mode = "fixed"
        plot.width = 150
        plot.x_range, plot.y_range = Range1d(-HALF_WIDTH, HALF_WIDTH), Range1d(-HALF_WIDTH, HALF_WIDTH)
        plot.toolbar_location = None
        side = 2 * HALF_WIDTH
        plot.image(image="image", x=-HALF_WIDTH, y=-HALF_WIDTH, dw=side, dh=side, source=self.zoom_image,
                   color_mapper=LinearColorMapper(palette=CLASS_PALETTE, low=-1, high=1, nan_color=(0, 0, 0, 0)))
        return plot

    def _boundary_plot(self):
        plot = new_plot("The network's output", "x", "y")
        plot.sizing_mode = "fixed"
        plot.width, plot.height = 340, 390
        plot.toolbar_location = None
        side = 2 * HALF_WIDTH
        area = plot.image(image="image", x=-HALF_WIDTH, y=-HALF_WIDTH, dw=side, dh=side, source=self.boundary,
                          color_mapper=self.output_colours, global_alpha=0.75)
        equal_axes(plot, area)  # the plane's circles and spirals in their true shape
        colour = {"field": "value", "transform": self.output_colours}
        # Test points first, so that the training points are drawn over them.
        self.test_renderer = plot.scatter("x", "y", source=self.test_points, size=6, marker="triangle",
                                          fill_color=colour, line_color="black", line_alpha=0.6,
                                          legend_label="test", visible=self.show_test_data,
                                          name="playground_test_points")
        plot.scatter("x", "y", source=self.train_points, size=7, fill_color=colour, line_color="white",
                     legend_label="training")
        legend_below(plot).orientation = "horizontal"
        return plot

    def _loss_plot(self):
        plot = new_plot("Loss", "epoch", "loss", height=200)
        plot.sizing_mode = "fixed"
        plot.width = 340
        plot.toolbar_location = None
        plot.x_range.start = plot.y_range.start = 0  # the axes start at 0 epochs, and a loss of 0
        plot.line("epoch", "train", source=self.losses, color=BLUE, line_width=2, legend_label="training")
        plot.line("epoch", "test", source=self.losses, color=VERMILION, line_width=2, line_dash="dashed",
                  legend_label="test")
        plot.legend.location = "top_right"
        return plot

    def __panel__(self):
        return self._layout

    # ------------------------------------------------------------ training

    def _feature_names(self):
        """The chosen features, in the order FEATURES lists them."""
        return [name for name in FEATURES if name in self.features]

    def _task(self):
        return REGRESSION if self.dataset in REGRESSION_SETS.values() else CLASSIFICATION

    def _split_data(self):
        """(train points, train targets, test points, test targets); made afresh only when
        the data settings change."""
        key = (self.dataset, self.noise, self.train_percent)
        if key != self._data_key:
            generate = {**DATASETS, **REGRESSION_DATASETS}[self.dataset]
            points, targets = generate(size=DATA_SIZE, seed=DATA_SEED, noise=self.noise)
            self._data_key = key
            self._data = train_test_split(points, targets, 1 - self.train_percent / 100, seed=SPLIT_SEED)
            train_x, train_t, test_x, test_t = self._data
            self.train_points.data = {"x": train_x[:, 0], "y": train_x[:, 1], "value": train_t}
            self.test_points.data = {"x": test_x[:, 0], "y": test_x[:, 1], "value": test_t}
            regression = self._task() is REGRESSION
            self.output_colours.update(low=-1 if regression else 0, high=1)
        return self._data

    def _new_run(self):
        """Start training afresh from the current settings (no run without features)."""
        train_x, train_t, test_x, test_t = self._split_data()
        features = self._feature_names()
        self._drawn_records = 0
        self.losses.data = {"epoch": [], "train": [], "test": []}
        if not features:
            self._run = None
            return
        self._grid_inputs = feature_matrix(self._grid, features)
        self._run = TrainingRun(
            feature_matrix(train_x, features), train_t, self.neurons[:self.hidden_layers],
            test_inputs=feature_matrix(test_x, features), test_targets=test_t, activation=self.activation,
            task=self._task(), learning_rate=self.learning_rate, batch_size=self.batch_size,
            penalty=self.regularisation, penalty_rate=self.regularisation_rate, seed=NETWORK_SEED,
            record_every=self._steps_per_tick(steps_per_epoch(len(train_x), self.batch_size)),
        )
        self._lay_out_network(self._run.layer_sizes)

    @staticmethod
    def _steps_per_tick(epoch):
        """Whole epochs of `epoch` steps adding up to at most MAX_STEPS_PER_TICK steps, or that
        many steps of a longer epoch."""
        if epoch >= MAX_STEPS_PER_TICK:
            return MAX_STEPS_PER_TICK
        return epoch * (MAX_STEPS_PER_TICK // epoch)

    @param.depends("dataset", "noise", "train_percent", "features", "hidden_layers", "neurons",
                   "activation", "learning_rate", "batch_size", "regularisation",
                   "regularisation_rate", watch=True)
    def _settings_changed(self):
        self._network_stale = False  # the old run's network is replaced: drawing it now would mix in the new settings
        self._pause()
        self._new_run()
        if self.steps:
            self.steps = 0  # _follow_steps finds the new run there, and redraws
        else:
            self._redraw()

    @param.depends("show_test_data", watch=True)
    def _show_test_data(self):
        self.test_renderer.visible = self.show_test_data

    @param.depends("discretise", watch=True)
    def _discretise_changed(self):
        if self._run is not None:
            self._draw_output(self._forward_on_grid(self._run))

    @param.depends("steps", watch=True)
    def _follow_steps(self):
        """Train on (or go back) until the run has taken `steps` steps. A run that
        diverges on the way stops there, and so does `steps`; otherwise a `steps`
        between records is rounded down to the last record, whose losses are known."""
        run = self._run
        if run is None:
            self.steps = 0
            self._redraw()
            return
        run.train_to(self.steps)
        if run.step != self.steps:  # it diverged on the way: stop where it did
            self._pause()
            self._network_due = True
            self.steps = run.step  # calls this again, which redraws
            return
        if run.divergence is None and self.steps % run.record_every:
            self.steps -= self.steps % run.record_every  # calls this again
            return
        self._redraw()

    def tick(self):
        """One beat of Play: train one tick's worth of steps; pause when there is nothing left to do."""
        if not self._can_train():
            self._pause()
            return
        self._ticks += 1
        self._network_due = self._ticks % NETWORK_EVERY == 0
        try:
            self.steps += self._run.record_every
        finally:
            self._network_due = True
        if not self._can_train():
            self._pause()

    def _can_train(self):
        """Whether another tick fits: features chosen, not diverged, and within MAX_STEPS."""
        run = self._run
        return run is not None and run.divergence is None and run.step + run.record_every <= MAX_STEPS

    async def _play_tick(self):
        """Play's periodic callback: a tick, then a pause for breath, so that the page's
        messages (a click on Pause) get in even when a tick takes longer than the period."""
        self.tick()
        await asyncio.sleep(0)

    @param.depends("step_forward", watch=True)
    def _step_once(self):
        self._pause()
        if self._can_train():
            self.steps += self._run.record_every

    @param.depends("reset", watch=True)
    def _reset(self):
        self._pause()
        self.steps = 0

    @param.depends("play", watch=True)
    def _play_or_pause(self):
        if self.playing:
            self._pause()
        elif self._can_train():
            if self._callback is None:
                self._callback = pn.state.add_periodic_callback(self._play_tick, period=TICK_MS)
            else:
                self._callback.start()
            self.play_button.name = "‖ Pause"

    @property
    def playing(self):
        return self._callback is not None and self._callback.running

    def _pause(self):
        if self.playing:
            self._callback.stop()
        self.play_button.name = "▶ Play"
        if self._network_stale and self._run is not None:  # a tick skipped it: show where training stopped
            self._draw_network(self._run, self._forward_on_grid(self._run))

    def stop(self):
        """Stop training: the page calls this when the learner leaves the lesson."""
        self._pause()

    # ------------------------------------------------------------ drawing

    def _redraw(self):
        self.redraws += 1
        run = self._run
        if run is None:
            self.boundary.data = {"image": [np.full((RESOLUTION, RESOLUTION), np.nan)]}
            self.neuron_images.data = {"image": [np.full((1, 1), np.nan)]}
            self.neuron_spots.data = {key: [] for key in self.neuron_spots.data}
            self.edges.data = {key: [] for key in self.edges.data}
            self.labels.data = {key: [] for key in self.labels.data}
            self.numbers.object = self._readout()
            return
        layers = self._forward_on_grid(run)
        self._draw_output(layers)
        if self._network_due:
            self._draw_network(run, layers)
        else:
            self._network_stale = True
        self._draw_losses(run)
        self.numbers.object = self._readout()

    def _draw_output(self, layers):
        """The output over the plane; discretised, each point gets the class (or the sign) the output gives it."""
        output = layers[-1][:, 0].reshape(RESOLUTION, RESOLUTION)
        if self.discretise:
            output = discretised(output, self._task())
        self.boundary.data = {"image": [output]}

    def _forward_on_grid(self, run):
        """Every layer's activations at every grid point, inputs first."""
        with np.errstate(all="ignore"):
            return forward(run.network, self._grid_inputs)

    def _draw_network(self, run, layers):
        """One small picture per neuron (inputs, hidden layers, output), and the weights between them."""
        self._network_stale = False
        tiles = np.full(self._tiles_shape, np.nan, dtype=np.float32)
        last = len(layers) - 1
        top = self._tiles_shape[0]
        for column, values in enumerate(layers):
            if column == 0:  # inputs: each scaled to [-1, 1] to show its shape
                values = values / np.maximum(np.abs(values).max(axis=0), 1e-12)
            elif column == last and run.task is CLASSIFICATION:  # output probability, 0 to 1, shown -1 to 1
                values = 2 * values - 1
            pictures = values.T.reshape(-1, RESOLUTION, RESOLUTION)[:, ::NEURON_EVERY, ::NEURON_EVERY]
            left = column * COLUMN_PITCH
            for row, picture in enumerate(pictures):  # row 0 at the top; image rows count from the bottom
                bottom = top - row * ROW_PITCH - TILE
                tiles[bottom:bottom + TILE, left:left + TILE] = picture
        self.neuron_images.data["image"] = [tiles]
        weights = np.concatenate([w.ravel() for w in run.network.weights])
        self.edges.data.update(weight=weights, width=0.5 + 1.5 * np.minimum(np.abs(weights), 2))
        self._layers = layers
        self.neuron_spots.data["about"] = self._neuron_words(run)
        self._draw_zoom()

    def _neuron_words(self, run):
        """Each neuron's name and, past the inputs, its bias and the weights into it, in the order of the spots."""
        words = [f"input {name}" for name in self._feature_names()]
        for layer, (weights, biases) in enumerate(zip(run.network.weights, run.network.biases), start=1):
            name = "output" if layer == len(run.network.weights) else f"layer {layer}, neuron"
            for neuron in range(weights.shape[1]):
                into = ", ".join(f"{w:.2f}" for w in weights[:, neuron])
                label = name if name == "output" else f"{name} {neuron + 1}"
                words.append(f"{label}: weights in {into}; bias {biases[neuron]:.2f}")
        return words

    def _draw_zoom(self):
        """The tapped neuron's picture enlarged, and its weights in words; nothing tapped, nothing shown."""
        chosen = self.neuron_spots.selected.indices
        layers = getattr(self, "_layers", None)
        if not chosen or layers is None or chosen[0] >= len(self.neuron_spots.data["about"]):
            self.zoom_image.data = {"image": [np.full((RESOLUTION, RESOLUTION), np.nan)]}
            self.zoom_words.object = "Tap a neuron to see it enlarged, with its weights."
            return
        column, row = self._spot_place[chosen[0]]
        values = layers[column][:, row]
        scale = np.max(np.abs(values)) if column == 0 else 1.0
        if column == len(layers) - 1 and self._task() is CLASSIFICATION:
            values = 2 * values - 1
        self.zoom_image.data = {"image": [(values / max(scale, 1e-12)).reshape(RESOLUTION, RESOLUTION)]}
        self.zoom_words.object = self.neuron_spots.data["about"][chosen[0]]

    def _lay_out_network(self, layer_sizes):
        """Size the tiled picture, and place each weight's line and each label, for this architecture."""
        height = (max(layer_sizes) - 1) * ROW_PITCH + TILE
        width = (len(layer_sizes) - 1) * COLUMN_PITCH + TILE
        self._tiles_shape = (height, width)
        self.tiles.update(x=0, y=-height / TILE, dw=width / TILE, dh=height / TILE)
        x0, y0, x1, y1 = [], [], [], []
        for column, (n_in, n_out) in enumerate(zip(layer_sizes, layer_sizes[1:])):
            into, out = np.meshgrid(np.arange(n_in), np.arange(n_out), indexing="ij")
            x0.append(np.full(into.size, column * COLUMN_STEP + CELL))
            x1.append(np.full(into.size, (column + 1) * COLUMN_STEP))
            y0.append(-into.ravel() * ROW_STEP - CELL / 2)
            y1.append(-out.ravel() * ROW_STEP - CELL / 2)
        self._spot_place = [(column, row) for column, size in enumerate(layer_sizes) for row in range(size)]
        self.neuron_spots.selected.indices = []
        self.neuron_spots.data = {
            "x": [column * COLUMN_STEP + CELL / 2 for column, _ in self._spot_place],
            "y": [-row * ROW_STEP - CELL / 2 for _, row in self._spot_place],
            "about": [""] * len(self._spot_place),
        }
        count = sum(a.size for a in x0)
        self.edges.data = {"x0": np.concatenate(x0), "y0": np.concatenate(y0),
                           "x1": np.concatenate(x1), "y1": np.concatenate(y1),
                           "weight": np.zeros(count), "width": np.zeros(count)}
        names, last = self._feature_names(), len(layer_sizes) - 1
        self.labels.data = {
            "x": [-0.15] * len(names) + [c * COLUMN_STEP + CELL / 2 for c in range(len(layer_sizes))],
            "y": [-i * ROW_STEP - CELL / 2 for i in range(len(names))] + [0.4] * len(layer_sizes),
            "text": names + ["inputs"] + [f"layer {c}" for c in range(1, last)] + ["output"],
            "align": ["right"] * len(names) + ["center"] * len(layer_sizes),
        }

    def _draw_losses(self, run):
        """Add the records not drawn yet to the loss curves (all of them after a restart)."""
        records = len(run.record_steps)
        if records < self._drawn_records:
            self._drawn_records = 0
            self.losses.data = {"epoch": [], "train": [], "test": []}
        new = slice(self._drawn_records, records)
        if new.start == new.stop:
            return
        epochs = run.record_epochs()
        self.losses.stream({"epoch": epochs[new], "train": run.train_losses[new],
                            "test": run.test_losses[new]})
        self._drawn_records = records

    def _readout(self):
        train_x, _, test_x, _ = self._data
        data = (f"<b>{DATA_SET_NAMES[self.dataset]}</b>, noise {self.noise:.2f}, "
                f"{len(train_x)} training and {len(test_x)} test points.")
        run = self._run
        if run is None:
            return f"{data} No input features: pick at least one to train the network."
        regularisation = "no regularisation"
        if self.regularisation != "none":
            regularisation = f"{self.regularisation.upper()} regularisation at rate {self.regularisation_rate:g}"
        setup = (f"{data} Network {'-'.join(str(size) for size in run.layer_sizes)} ({self.activation}), "
                 f"learning rate {self.learning_rate:g}, batch size {self.batch_size}, {regularisation}.")
        if run.divergence:
            return f"{setup} {diverged_words(run.divergence)}"
        train, test = run.losses()
        text = (f"{setup} Step <b>{run.step}</b> (epoch {run.epoch:.1f}): "
                f"training loss <b>{train:.3f}</b>, test loss <b>{test:.3f}</b>")
        if run.task is CLASSIFICATION:
            text += f", test accuracy <b>{100 * run.test_accuracy():.1f}%</b>"
        if run.step + run.record_every > MAX_STEPS:
            text += f". The playground stops at {MAX_STEPS} steps: press Reset to start again"
        return text + "."


def discretised(output, task):
    """The output as the class each point gets (0 or 1, at 0.5) or, for regression, its sign (-1, 0 or 1)."""
    if task is CLASSIFICATION:
        return (output >= 0.5).astype(float)
    return np.sign(output)


FIGURES = {"playground": Playground}
