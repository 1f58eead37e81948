import re
import numpy as np
import panel as pn
import pytest

from dlviz.core.datasets import noisy_neg_log, wavy_curve
from dlviz.core.losses import mean_squared_error
from dlviz.core.network import accuracy, forward
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial
from dlviz.core.training import TrainingRun
from dlviz.core.wide_layer import wide_layer_fit
from dlviz.figures import networks
from dlviz.figures.networks import (
    DEEP_SIZES, FIGURES, INPUT_SCALE, MORPH_SIZES, FeatureHierarchy, MorphingSpace, NetworkDiagram,
    RingsIn3D, StretchFit, WideLayer, rings, rings_network, spiral_data, spiral_training,
)


def _numbers(figure):
    """The readout's numbers, in order."""
    text = re.sub(r"<[^>]+>", " ", figure.numbers.object)
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _line_error(x, y):
    line = fit_polynomial(x, y, 1)
    return mean_squared_error(y, evaluate_polynomial(line, x))


MAIN_CONTROLS = {
    "stretch_fit": "stretch", "network_diagram": "neurons", "rings_in_3d": "azimuth",
    "wide_layer": "width", "feature_hierarchy": "layer", "morphing_space": "layer",
}


def test_every_figure_names_its_main_control():
    assert list(MAIN_CONTROLS) == list(FIGURES)


@pytest.mark.parametrize("name", list(FIGURES))
def test_the_first_widget_is_the_main_control_and_changes_the_readout(name):
    figure = FIGURES[name]()
    main = MAIN_CONTROLS[name]
    widget = figure.__panel__().select(pn.widgets.Widget)[0]
    assert widget.value == getattr(figure, main)
    before = figure.numbers.object
    widget.value = widget.value + (figure.param[main].step or 1)
    assert getattr(figure, main) == widget.value
    assert figure.numbers.object != before


def test_stretching_towards_root_x_straightens_the_data():
    x, y = noisy_neg_log(size=200, seed=19750, noise=0.2)
    straight, stretched = StretchFit(stretch=0.0), StretchFit(stretch=1.0)
    assert _numbers(straight)[-1] == pytest.approx(_line_error(x, y), abs=1e-4)
    assert _numbers(stretched)[-1] == pytest.approx(_line_error(np.sqrt(x), y), abs=1e-4)
    assert _numbers(stretched)[-1] < 0.6 * _numbers(straight)[-1]
    errors = [_numbers(StretchFit(stretch=s))[-1] for s in np.linspace(0, 1, 5)]
    assert errors == sorted(errors, reverse=True)


def test_the_diagram_counts_weights_and_biases():
    figure = NetworkDiagram(neurons=3, hidden_layers=1)
    assert "2-3-1" in figure.numbers.object
    assert _numbers(figure)[3:6] == [9, 4, 13]
    figure.param.update(neurons=4, hidden_layers=2)
    sizes = [2, 4, 4, 1]
    weights = sum(a * b for a, b in zip(sizes, sizes[1:]))
    assert weights == 2 * 4 + 4 * 4 + 4 * 1
    assert f"<b>{weights}</b> weights and <b>{sum(sizes[1:])}</b> biases" in figure.numbers.object
    assert len(figure.drawing.edges.data["xs"]) == weights
    assert len(figure.drawing.nodes.data["x"]) == sum(sizes)


def test_a_hidden_layer_of_three_separates_the_rings_but_no_hidden_layer_cannot():
    points, labels = rings()
    assert accuracy(rings_network((2, 3, 1)), points, labels) > 0.95
    assert accuracy(rings_network((2, 1)), points, labels) < 0.7
    assert "100.0%" in NetworkDiagram().numbers.object


def test_the_3d_view_shows_the_plane_that_separates_the_rings():
    figure = RingsIn3D()
    points, labels = rings()
    network = rings_network((2, 3, 1))
    hidden = forward(network, points)[1]
    side = hidden @ network.weights[1][:, 0] + network.biases[1][0] > 0
    assert np.mean(side == (labels == 1)) > 0.95
    assert f"{np.mean(side == (labels == 1)):.1%}" in figure.numbers.object
    shown = len(figure.behind.data["x"]) + len(figure.in_front.data["x"])
    assert shown == len(points)
    assert len(figure.sheet.data["x"]) >= 3
    before = figure.numbers.object
    figure.azimuth = 90
    assert figure.numbers.object != before and "azimuth 90°" in figure.numbers.object


def test_a_wider_layer_fits_the_curve_no_worse():
    x, y = wavy_curve(size=200, seed=19750, noise=0.1)
    errors = [wide_layer_fit(x, y, width)[3] for width in range(1, 65)]
    assert all(later <= earlier + 1e-9 for earlier, later in zip(errors, errors[1:]))
    assert errors[-1] < 0.01 < 0.3 < errors[0]  # from missing the waves to the noise's level (0.1² = 0.01)
    figure = WideLayer(width=16)
    assert _numbers(figure)[-1] == pytest.approx(errors[15], abs=1e-4)
    assert len(figure.drawing.nodes.data["x"]) == 1 + 16 + 1


def test_the_feature_hierarchy_draws_the_seeds_deep_network():
    figure = FeatureHierarchy(layer=1)
    assert DEEP_SIZES == (2, 4, 3, 3, 4, 1)
    assert "Hidden 1" in figure.numbers.object and "4 neurons" in figure.numbers.object
    assert len(figure.close_up_tiles.data["image"]) == 4
    figure.layer = 5
    assert "Output" in figure.numbers.object and "1 neuron," in figure.numbers.object
    assert len(figure.close_up_output.data["image"]) == 1
    points, labels = rings()
    assert accuracy(figure.network, points, labels) > 0.95


def test_first_layer_neurons_are_half_planes():
    """A first-layer neuron is tanh(w · p + b): its map is constant along the line w · p = c."""
    figure = FeatureHierarchy()
    weights = figure.network.weights[0]
    for neuron, heat in enumerate(figure.maps[0]):
        w = weights[:, neuron]
        along = np.array([-w[1], w[0]])  # the direction the map does not change in
        assert heat.shape == (30, 30)
        centre = forward(figure.network, np.array([[0.0, 0.0], 3 * along / np.linalg.norm(along)]))[1]
        assert centre[0, neuron] == pytest.approx(centre[1, neuron])


def test_the_last_morphed_layer_is_split_by_one_line():
    figure = MorphingSpace(layer=len(MORPH_SIZES) - 2, steps=100)
    run = spiral_training()
    run.train_to(100)
    network = run.network
    points, labels = spiral_data()
    last = forward(network, points / INPUT_SCALE)[-2]
    assert last.shape[1] == 2
    side = last @ network.weights[-1][:, 0] + network.biases[-1][0] > 0
    assert np.mean(side == (labels == 1)) > 0.95
    assert len(figure.boundary.data["x"]) == 2
    assert "hidden layer 3 of 3" in figure.numbers.object


def test_morphing_is_deterministic_and_trains_on_from_where_it_stopped():
    run = spiral_training()
    run.train_to(150)
    later = run.network.weights[0].copy()
    run.train_to(50)  # back to a record, and on again
    run.train_to(150)
    fresh = TrainingRun(spiral_data()[0] / INPUT_SCALE, spiral_data()[1], MORPH_SIZES[1:-1], optimiser="adam",
                        learning_rate=networks.MORPH_RATE, seed=networks.MORPH_SEED)
    fresh.train_to(150)
    np.testing.assert_array_equal(fresh.network.weights[0], later)
    np.testing.assert_array_equal(run.network.weights[0], later)
    assert MorphingSpace(steps=150).numbers.object == MorphingSpace(steps=150).numbers.object
    untrained = MorphingSpace(steps=0)
    trained = MorphingSpace(steps=100)
    assert _numbers(untrained)[-1] < 90 < _numbers(trained)[-1]


def test_every_neurons_map_is_drawn_square_on_any_screen():
    """The maps in the network picture are sized in pixels, the close-up draws a unit as long across as up."""
    figure = networks.FeatureHierarchy()
    network_plot, *close_ups = (pane.object for pane in figure.plots.select(pn.pane.Bokeh))
    maps = [r.glyph for r in network_plot.renderers if type(r.glyph).__name__ == "Image"]
    assert len(maps) == 2  # hidden neurons' and the output's
    for glyph in maps:
        assert (glyph.dw, glyph.dh, glyph.dw_units, glyph.dh_units, glyph.anchor) == (networks.TILE, networks.TILE, "screen", "screen", "center")
    assert close_ups == [figure.close_ups["wide"], figure.close_ups["tall"]]
    for close_up in close_ups:
        assert close_up.match_aspect and close_up.x_range.renderers and close_up.x_range.renderers == close_up.y_range.renderers


def test_the_close_up_shows_the_same_maps_in_a_row_and_two_to_a_row_with_the_rings_on_each_map():
    figure = networks.FeatureHierarchy(layer=2)  # three maps
    tiles = figure.close_up_tiles.data
    gap = 2 * networks.VIEW * 1.15
    assert list(tiles["y"]) == [-networks.VIEW] * 3 and np.allclose(np.diff(tiles["x"]), gap)
    assert (list(tiles["tall_x"]), list(tiles["tall_y"])) == ([tiles["x"][0], tiles["x"][1], tiles["x"][0]],
                                                              [-networks.VIEW, -networks.VIEW, -networks.VIEW - gap])
    for layout, (x, y) in {"wide": ("x", "y"), "tall": ("tall_x", "tall_y")}.items():
        rings = [r for r in figure.close_ups[layout].renderers if type(r.glyph).__name__ == "Scatter"]
        assert [r.visible for r in rings] == [True, True, True, False], layout  # over the three maps only
        for i, renderer in enumerate(rings[:3]):  # each map's rings where the plane's points are, on that map
            points = renderer.data_source.data
            on_map = np.c_[points[x] - tiles[x][i] - networks.VIEW, points[y] - tiles[y][i] - networks.VIEW]
            assert np.allclose(on_map, figure.points), layout
