import math
import re

import numpy as np
import panel as pn
import pytest

from dlviz.core.activations import ACTIVATIONS
from dlviz.core.datasets import tilted_plane
from dlviz.core.training import CLASSIFICATION, REGRESSION
from dlviz.figures.playground import (
    COLUMN_PITCH, DATA_SETS, FIGURES, MAX_LAYERS, MAX_NEURONS, MAX_STEPS, REGRESSION_SETS, RESOLUTION, ROW_PITCH,
    Playground, discretised,
)
from dlviz.state import read, write


def _numbers(text):
    """The readout without its bold tags."""
    return re.sub(r"</?b>", "", text)


def _accuracy(figure):
    return float(re.search(r"test accuracy ([\d.]+)%", _numbers(figure.numbers.object)).group(1)) / 100


def test_figures_lists_the_playground():
    assert FIGURES == {"playground": Playground}


def test_starts_at_step_zero_with_the_readout_in_words():
    figure = Playground()
    text = _numbers(figure.numbers.object)
    assert text.startswith(
        "Rings, noise 0.30, 200 training and 200 test points. Network 2-8-8-1 (tanh), learning rate 0.1, "
        "batch size 10, no regularisation. Step 0 (epoch 0.0): training loss "
    )
    assert "training loss" in text and "test loss" in text and "test accuracy" in text
    assert figure.boundary.data["image"][0].shape == (RESOLUTION, RESOLUTION)


def test_the_rings_reach_test_accuracy_above_ninety_percent_within_600_steps():
    figure = Playground(dataset="rings", hidden_layers=2, neurons=[8, 8, 8, 8], activation="tanh", learning_rate=0.1)
    for _ in range(30):  # 30 ticks of one 20-step epoch each
        figure.tick()
    assert figure.steps == 600
    assert _accuracy(figure) > 0.9
    output = figure.boundary.data["image"][0]
    assert output[RESOLUTION // 2, RESOLUTION // 2] > 0.5  # the middle is the inner ring, class 1
    assert output[0, 0] < 0.5  # a corner is outside the outer ring, class 0


def test_the_readout_after_n_steps_is_reproducible():
    played = Playground()
    for _ in range(7):
        played.tick()
    rebuilt = Playground(**played.state())
    assert rebuilt.steps == played.steps == 140
    assert rebuilt.numbers.object == played.numbers.object
    stepped = Playground()
    stepped.steps = 60
    stepped.steps = 140
    assert stepped.numbers.object == played.numbers.object


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("dataset", list(DATA_SETS.values()))
def test_every_data_set_trains_with_every_activation(dataset, activation):
    figure = Playground(dataset=dataset, activation=activation)
    for _ in range(3):
        figure.tick()
    text = _numbers(figure.numbers.object)
    assert "nan" not in text.lower()
    if "Diverged" in text:  # a deep linear network on raw inputs can blow up at learning rate 0.1
        assert dataset in REGRESSION_SETS.values() and activation == "linear" and not figure.playing
    else:
        assert figure.steps == 60 and "Step 60" in text
        assert ("test accuracy" in text) == (dataset not in REGRESSION_SETS.values())


def test_changing_the_main_control_changes_the_readout_and_resets_training():
    figure = Playground()
    figure.tick()
    before = figure.numbers.object
    figure.dataset = "spiral"
    assert figure.steps == 0 and figure.numbers.object != before
    assert "Spiral" in figure.numbers.object and "Step <b>0</b>" in figure.numbers.object


@pytest.mark.parametrize("setting, value", [
    ("noise", 0.5), ("train_percent", 70), ("features", ["x", "y", "x²"]), ("hidden_layers", 1),
    ("neurons", [4, 8, 8, 8]), ("activation", "relu"), ("learning_rate", 0.03), ("batch_size", 5),
    ("regularisation", "l2"), ("regularisation_rate", 0.1),
])
def test_changing_a_setting_resets_steps_and_changes_the_readout(setting, value):
    figure = Playground(regularisation="l1" if setting == "regularisation_rate" else "none")
    at_start = figure.numbers.object
    figure.tick()
    assert figure.steps == 20
    setattr(figure, setting, value)
    assert figure.steps == 0 and "Step <b>0</b>" in figure.numbers.object
    assert len(figure.losses.data["epoch"]) == 1
    assert figure.numbers.object != at_start


def test_a_huge_learning_rate_diverges_in_words_and_pauses():
    figure = Playground(learning_rate=10.0)
    figure.play = True
    assert figure.playing
    for _ in range(10):
        figure.tick()
    text = _numbers(figure.numbers.object)
    assert "Diverged at step 20" in text and figure.steps == 20
    assert not figure.playing
    assert "nan" not in text.lower() and "inf" not in text.lower()
    assert np.all(np.isfinite(figure.boundary.data["image"][0]))
    assert all(math.isfinite(v) for v in figure.losses.data["train"])
    figure.step_forward = True
    assert figure.steps == 20  # nothing more to train
    rebuilt = Playground(learning_rate=10.0, steps=500)
    assert rebuilt.steps == 20 and rebuilt.numbers.object == figure.numbers.object


def test_play_pause_step_and_reset():
    figure = Playground()
    figure.play = True
    assert figure.playing and "Pause" in figure.play_button.name
    figure.play = True
    assert not figure.playing and "Play" in figure.play_button.name
    figure.step_forward = True
    assert figure.steps == 20
    figure.reset = True
    assert figure.steps == 0 and "Step <b>0</b>" in figure.numbers.object
    assert len(figure.losses.data["epoch"]) == 1
    figure.play = True
    figure.stop()
    assert not figure.playing


def test_no_input_features_says_so_and_does_not_train():
    figure = Playground()
    figure.features = []
    assert "No input features: pick at least one" in figure.numbers.object
    figure.tick()
    figure.step_forward = True
    assert figure.steps == 0


def test_play_stops_at_the_step_limit():
    figure = Playground(steps=MAX_STEPS - 30)
    assert figure.steps == MAX_STEPS - 40  # rounded down to a tick's end: 20 steps a tick
    figure.play = True
    figure.tick()
    figure.tick()
    assert figure.steps == MAX_STEPS and not figure.playing
    assert f"stops at {MAX_STEPS} steps" in figure.numbers.object
    figure.step_forward = True
    assert figure.steps == MAX_STEPS


def test_steps_between_records_round_down_to_the_last_record():
    figure = Playground(steps=35)
    assert figure.steps == 20 and "Step <b>20</b>" in figure.numbers.object
    figure.steps = 47
    assert figure.steps == 40 and figure.numbers.object == Playground(steps=40).numbers.object


def test_the_network_picture_has_a_square_per_neuron_and_a_line_per_weight():
    figure = Playground(features=["x", "y", "xy"], hidden_layers=2, neurons=[5, 5, 8, 8])
    tiles = figure.neuron_images.data["image"][0]
    tile = RESOLUTION // 2
    assert tiles.shape == (4 * ROW_PITCH + tile, 3 * COLUMN_PITCH + tile)  # 5 rows, 4 columns
    assert np.sum(np.isfinite(tiles)) == (3 + 5 + 5 + 1) * tile * tile
    top_left = tiles[-tile:, :tile]  # the first input, x, scaled to [-1, 1]: -1 on the left, 1 on the right
    np.testing.assert_allclose(top_left[:, 0], -1)
    np.testing.assert_allclose(top_left[:, -1], 1, atol=0.1)
    weights = figure.edges.data["weight"]
    assert len(weights) == len(figure.edges.data["x0"]) == 3 * 5 + 5 * 5 + 5 * 1
    np.testing.assert_array_equal(weights[:15], figure._run.network.weights[0].ravel())


def test_the_loss_curves_grow_one_point_per_tick():
    figure = Playground()
    redraws = figure.redraws
    for _ in range(5):
        figure.tick()
    assert len(figure.losses.data["epoch"]) == 6
    assert figure.losses.data["epoch"][-1] == pytest.approx(5.0)
    assert figure.redraws == redraws + 5


def test_while_playing_the_neurons_are_redrawn_every_other_tick_and_on_pause():
    figure = Playground()
    figure.play = True
    figure.tick()  # the first tick leaves the neurons' pictures as they were
    first = figure.neuron_images.data["image"][0]
    np.testing.assert_array_equal(first, Playground().neuron_images.data["image"][0])
    figure.tick()
    figure.tick()
    figure.play = True  # pause
    np.testing.assert_array_equal(figure.neuron_images.data["image"][0],
                                  Playground(steps=60).neuron_images.data["image"][0])


def test_regression_colours_the_points_by_their_targets():
    figure = Playground(dataset="hills")
    assert figure.output_colours.low == -1 and figure.output_colours.high == 1
    values = np.asarray(figure.train_points.data["value"])
    assert values.min() < -0.5 and values.max() > 0.5

def test_a_divergence_between_records_stops_steps_where_it_happened():
    """An overflow at step 5, before the first record at 20: the slider says 5 as the
    read-out does, a link to any later step opens there, and before it the run is whole."""
    settings = {"dataset": "hills", "activation": "linear", "learning_rate": 10.0}
    figure = Playground(**settings)
    figure.tick()
    assert figure.steps == figure._run.divergence.step == 5
    assert "<b>Diverged at step 5</b> (the loss grew too large for a number to hold): try a smaller learning " \
           "rate." in figure.numbers.object
    for steps in (5, 500):
        assert Playground(steps=steps, **settings).numbers.object == figure.numbers.object
    assert np.all(np.isfinite(figure.boundary.data["image"][0]))
    figure.steps = 3  # before the divergence: rounded down to the last record, a sound state
    assert figure.steps == 0 and "Step <b>0</b>" in figure.numbers.object


# ---------------------------------------------------------------- the controls TensorFlow Playground has


def test_show_test_data_hides_and_shows_the_test_points():
    figure = Playground()
    assert figure.test_renderer.visible and len(figure.test_points.data["x"]) == 200
    figure.show_test_data = False
    assert not figure.test_renderer.visible
    assert figure.steps == 0 and len(figure.test_points.data["x"]) == 200  # the data and the run stay
    figure.show_test_data = True
    assert figure.test_renderer.visible


def test_training_points_are_drawn_over_the_test_points():
    figure = Playground()
    boundary = next(p for p in pn.panel(figure).select(pn.pane.Bokeh) if p.object.title.text == "The network's output")
    sources = [r.data_source for r in boundary.object.renderers if hasattr(r.data_source, "data")]
    assert sources.index(figure.test_points) < sources.index(figure.train_points)


def test_discretise_gives_each_point_its_class_and_back():
    figure = Playground(steps=200)
    smooth = figure.boundary.data["image"][0].copy()
    assert len(np.unique(smooth)) > 100
    figure.discretise = True
    sharp = figure.boundary.data["image"][0]
    np.testing.assert_array_equal(sharp, (smooth >= 0.5).astype(float))
    assert set(np.unique(sharp)) == {0.0, 1.0} and figure.steps == 200
    figure.discretise = False
    np.testing.assert_array_equal(figure.boundary.data["image"][0], smooth)


def test_discretised_regression_is_the_sign():
    output = np.array([[-0.3, 0.0], [0.2, 0.9]])
    np.testing.assert_array_equal(discretised(output, REGRESSION), [[-1, 0], [1, 1]])
    np.testing.assert_array_equal(discretised(output, CLASSIFICATION), [[0, 0], [0, 1]])


def test_each_layer_has_its_own_neurons_set_by_minus_and_plus():
    figure = Playground(hidden_layers=3, neurons=[3, 5, 2, 8])
    assert figure._run.layer_sizes == [2, 3, 5, 2, 1]
    assert [w.shape for w in figure._run.network.weights] == [(2, 3), (3, 5), (5, 2), (2, 1)]
    less, more = figure.neuron_buttons[1]
    more.clicks += 1
    assert figure.neurons == [3, 6, 2, 8] and figure._run.layer_sizes == [2, 3, 6, 2, 1]
    less.clicks += 1
    less.clicks += 1
    assert figure.neurons == [3, 4, 2, 8]
    assert [count.object for count in figure.neuron_counts] == ["<b>3</b>", "<b>4</b>", "<b>2</b>", "off"]
    figure.neurons = [1, 4, 2, MAX_NEURONS]
    assert figure.neuron_buttons[0][0].disabled and not figure.neuron_buttons[0][1].disabled
    assert all(less.disabled and more.disabled for less, more in figure.neuron_buttons[3:])  # layer 4 not used


def test_the_neuron_controls_are_off_with_no_hidden_layers():
    figure = Playground(hidden_layers=0)
    assert figure._run.layer_sizes == [2, 1]
    assert all(less.disabled and more.disabled for less, more in figure.neuron_buttons)
    assert {count.object for count in figure.neuron_counts} == {"off"}


def test_the_neurons_are_a_list_in_a_link():
    assert write("playground", Playground, {"neurons": [3, 5, 8, 8]}) == "playground.neurons=3,5,8,8"
    assert read("playground", Playground, "playground.neurons=3,5,8,8") == {"neurons": [3, 5, 8, 8]}
    for refused in ("3,5", "3,5,8,9", "3,5.5,8,8", "0,5,8,8"):  # too short, too many neurons, not whole, none
        assert read("playground", Playground, f"playground.neurons={refused}") == {}
    assert len(Playground.param.neurons.default) == MAX_LAYERS


def test_classification_or_regression_switches_the_data_sets():
    figure = Playground()
    assert figure.problem.value == "Classification"
    figure.problem.value = "Regression"
    assert figure.dataset == "hills" and figure._run.task is REGRESSION
    figure.dataset = "plane"
    assert figure.problem.value == "Regression"
    figure.dataset = "moons"
    assert figure.problem.value == "Classification" and figure._run.task is CLASSIFICATION
    figure.dataset = "plane"  # straight from classification to the second regression set
    assert figure.dataset == "plane" and figure.problem.value == "Regression"
    figure.problem.value = "Classification"
    assert figure.dataset == "rings"
    assert Playground(dataset="plane").problem.value == "Regression"


@pytest.mark.parametrize("dataset", sorted(REGRESSION_SETS.values()))
def test_regression_sets_train_to_a_small_squared_error(dataset):
    figure = Playground(dataset=dataset, steps=400)
    run = figure._run
    _, train_t, _, _ = figure._data
    train, _ = run.losses()
    assert train < 0.25 * np.mean((train_t - train_t.mean()) ** 2)  # well under always guessing the mean
    assert "test accuracy" not in figure.numbers.object and f"training loss <b>{train:.3f}</b>" in figure.numbers.object


def test_the_tilted_plane_is_the_core_data_set():
    figure = Playground(dataset="plane", train_percent=50)
    points, targets = tilted_plane(size=400, seed=19750, noise=0.3)
    assert sorted(figure.train_points.data["value"].tolist() + figure.test_points.data["value"].tolist()) == \
        sorted(targets.tolist())


def test_a_tapped_neuron_is_enlarged_with_its_weights():
    figure = Playground(steps=100)
    assert "Tap a neuron" in figure.zoom_words.object
    spot = 2 + 2  # after the 2 inputs, the third neuron of layer 1
    figure.neuron_spots.selected.indices = [spot]
    weights, biases = figure._run.network.weights[0][:, 2], figure._run.network.biases[0][2]
    assert figure.zoom_words.object == (f"layer 1, neuron 3: weights in {weights[0]:.2f}, {weights[1]:.2f}; "
                                        f"bias {biases:.2f}")
    assert figure.neuron_spots.data["about"][spot] == figure.zoom_words.object
    enlarged = figure.zoom_image.data["image"][0]
    assert enlarged.shape == (RESOLUTION, RESOLUTION)  # twice the tile's 20 × 20
    grid = figure._grid_inputs
    expected = np.tanh(grid @ figure._run.network.weights[0][:, 2] + biases).reshape(RESOLUTION, RESOLUTION)
    np.testing.assert_allclose(enlarged, expected)
    figure.neuron_spots.selected.indices = []
    assert np.all(np.isnan(figure.zoom_image.data["image"][0]))


def test_the_loss_plot_starts_at_zero_epochs():
    figure = Playground()
    loss = next(p for p in pn.panel(figure).select(pn.pane.Bokeh) if p.object.title.text == "Loss")
    assert loss.object.x_range.start == 0 and loss.object.y_range.start == 0
