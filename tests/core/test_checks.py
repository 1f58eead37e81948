"""Bad input raises ValueError, and the message names the parameter at fault: a
table of bad inputs (NaN, ±infinity, negative and zero sizes, empty arrays,
mismatched shapes, unknown settings) for every public function of the core."""

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import dlviz.core
from dlviz.core import (
    checks, compute, contours, datasets, diagram, fairness, features, feedback, generalisation, geometry, history,
    landscape, learning_rates, line_classifiers, losses, network, optimisers, polynomial, privacy, shift,
    training, transforms, vanishing, wide_layer,
)
from dlviz.core.training import TrainingRun

NAN, INF = float("nan"), float("inf")
NET = network.init_network([2, 3, 1])
POINTS = np.zeros((4, 2))
LABELS = [0, 1, 0, 1]
X, Y = datasets.noisy_line(size=10)
GRID = np.arange(12.0).reshape(3, 4)
SCORES = [0.1, 0.4, 0.6, 0.9]
HISTORY = line_classifiers.train_perceptron(POINTS, LABELS, 3)
FIT = polynomial.fit_polynomial(X, Y, 2)
DATA = datasets.train_test_split(*datasets.two_rings(size=40, seed=1), seed=2)


def _run(**changes):
    return TrainingRun(DATA[0], DATA[1], **({"hidden_sizes": [3]} | changes))


def row(function, parameter, call):
    """A bad call of `function` that must raise ValueError naming `parameter`."""
    return pytest.param(function, parameter, call, id=f"{function.__qualname__}:{parameter}")


BAD_INPUTS = [
    # checks
    row(checks.positive_int, "size", lambda: checks.positive_int("size", 0)),
    row(checks.number, "rate", lambda: checks.number("rate", INF)),
    row(checks.low_high, "low", lambda: checks.low_high(2.0, 1.0)),
    row(checks.finite_array, "x", lambda: checks.finite_array("x", [1.0, NAN])),
    row(checks.labels_0_or_1, "labels", lambda: checks.labels_0_or_1("labels", [0, 2])),
    row(checks.same_length, "a and b", lambda: checks.same_length("a", [1], "b", [1, 2])),
    row(checks.one_of, "loss", lambda: checks.one_of("loss", "hinge", losses.LOSSES)),
    row(checks.layer_size_list, "layer_sizes", lambda: checks.layer_size_list("layer_sizes", [2, -1])),
    # compute
    row(compute.training_operations, "layer_sizes", lambda: compute.training_operations([2, 0, 1], 10, 5)),
    row(compute.training_operations, "examples", lambda: compute.training_operations([2, 1], -10, 5)),
    row(compute.training_operations, "steps", lambda: compute.training_operations([2, 1], 10, 0)),
    row(compute.energy_joules, "flop", lambda: compute.energy_joules(INF)),
    row(compute.energy_joules, "flop_per_joule", lambda: compute.energy_joules(1.0, flop_per_joule=0.0)),
    row(compute.home_years, "joules", lambda: compute.home_years(NAN)),
    row(compute.megawatt_hours, "joules", lambda: compute.megawatt_hours(-1.0)),
    # contours
    row(contours.iso_segments, "values", lambda: contours.iso_segments([0, 1, 2, 3], [0, 1, 2], GRID[:2], 1.0)),
    row(contours.iso_segments, "level", lambda: contours.iso_segments([0, 1, 2, 3], [0, 1, 2], GRID, NAN)),
    row(contours.iso_line, "xs", lambda: contours.iso_line([], [0, 1, 2], GRID, 1.0)),
    row(contours.geometric_levels, "low", lambda: contours.geometric_levels(0.0, 1.0, 3)),
    row(contours.geometric_levels, "high", lambda: contours.geometric_levels(1.0, INF, 3)),
    row(contours.geometric_levels, "count", lambda: contours.geometric_levels(1.0, 2.0, 0)),
    # datasets
    row(datasets.quadratic_at, "x", lambda: datasets.quadratic_at([1.0, INF])),
    row(datasets.quadratic_at, "noise", lambda: datasets.quadratic_at([1.0], noise=-1.0)),
    row(datasets.noisy_quadratic, "size", lambda: datasets.noisy_quadratic(size=-3)),
    row(datasets.noisy_quadratic, "seed", lambda: datasets.noisy_quadratic(seed=-1)),
    row(datasets.noisy_neg_log, "noise", lambda: datasets.noisy_neg_log(noise=NAN)),
    row(datasets.noisy_line, "slope", lambda: datasets.noisy_line(slope=INF)),
    row(datasets.noisy_line, "intercept", lambda: datasets.noisy_line(intercept=NAN)),
    row(datasets.wavy_curve, "size", lambda: datasets.wavy_curve(size=0)),
    row(datasets.two_rings, "noise", lambda: datasets.two_rings(noise=INF)),
    row(datasets.two_rings, "inner_radius", lambda: datasets.two_rings(inner_radius=-2.0)),
    row(datasets.two_rings, "outer_radius", lambda: datasets.two_rings(outer_radius=NAN)),
    row(datasets.spiral, "turns", lambda: datasets.spiral(turns=INF)),
    row(history.fields_around, "field", lambda: history.fields_around("Cooking")),
    row(history.milestones_by, "year", lambda: history.milestones_by(NAN)),
    row(history.imagenet_result, "year", lambda: history.imagenet_result(2009)),
    row(datasets.tilted_plane, "noise", lambda: datasets.tilted_plane(noise=INF)),
    row(datasets.two_moons, "size", lambda: datasets.two_moons(size=1)),
    row(datasets.xor_quadrants, "noise", lambda: datasets.xor_quadrants(noise=-INF)),
    row(datasets.gaussian_blobs, "seed", lambda: datasets.gaussian_blobs(seed=1.5)),
    row(datasets.hill_and_valley_height, "points", lambda: datasets.hill_and_valley_height([1.0, 2.0])),
    row(datasets.hill_and_valley, "noise", lambda: datasets.hill_and_valley(noise=NAN)),
    row(datasets.train_test_split, "inputs and targets", lambda: datasets.train_test_split(POINTS, [0, 1])),
    row(datasets.train_test_split, "test_fraction",
        lambda: datasets.train_test_split(POINTS, LABELS, test_fraction=NAN)),
    row(datasets.train_test_split, "test_fraction",
        lambda: datasets.train_test_split(POINTS, LABELS, test_fraction=0.0)),
    row(datasets.train_test_split, "inputs", lambda: datasets.train_test_split([], [])),
    # diagram
    row(diagram.network_layout, "spacing", lambda: diagram.network_layout([2, 1], spacing=INF)),
    row(diagram.network_layout, "layer_sizes", lambda: diagram.network_layout([2])),
    row(diagram.node_labels, "layer_sizes", lambda: diagram.node_labels([2, 0])),
    row(diagram.layer_names, "layer_sizes", lambda: diagram.layer_names("2-1")),
    # fairness
    row(fairness.calibrated_group, "mean_risk", lambda: fairness.calibrated_group(10, NAN, 0)),
    row(fairness.calibrated_group, "spread", lambda: fairness.calibrated_group(10, 0.0, 0, spread=-1.0)),
    row(fairness.calibrated_group, "size", lambda: fairness.calibrated_group(0, 0.0, 0)),
    row(fairness.confusion_counts, "threshold", lambda: fairness.confusion_counts(SCORES, LABELS, INF)),
    row(fairness.confusion_counts, "scores and labels", lambda: fairness.confusion_counts(SCORES, [0, 1], 0.5)),
    row(fairness.rates, "counts", lambda: fairness.rates(fairness.Confusion(0, 0, 0, 0))),
    row(fairness.rates, "counts", lambda: fairness.rates((1, 2))),
    row(fairness.group_rates, "labels", lambda: fairness.group_rates(SCORES, [0, 1, 2, 1], 0.5)),
    row(fairness.threshold_for_false_positive_rate, "target",
        lambda: fairness.threshold_for_false_positive_rate(SCORES, LABELS, 1.5)),
    row(fairness.score_histogram, "bins", lambda: fairness.score_histogram(SCORES, LABELS, bins=0)),
    row(fairness.score_histogram, "scores", lambda: fairness.score_histogram([], [], 5)),
    # features
    row(features.feature_matrix, "feature", lambda: features.feature_matrix(POINTS, ["x", "z"])),
    row(features.feature_matrix, "names", lambda: features.feature_matrix(POINTS, [])),
    row(features.feature_matrix, "points", lambda: features.feature_matrix(np.zeros((4, 3)), ["x"])),
    # feedback
    row(feedback.patrol_shares, "random_fraction", lambda: feedback.patrol_shares([1.0, 2.0], NAN)),
    row(feedback.patrol_shares, "records", lambda: feedback.patrol_shares([1.0], 0.5)),
    row(feedback.simulate_patrols, "rounds", lambda: feedback.simulate_patrols(0, 0.5)),
    row(feedback.simulate_patrols, "crime_rates", lambda: feedback.simulate_patrols(5, 0.5, crime_rates=(INF, 0.1))),
    row(feedback.simulate_patrols, "initial_records",
        lambda: feedback.simulate_patrols(5, 0.5, initial_records=(1.0, 2.0, 3.0))),
    row(feedback.simulate_patrols, "patrols", lambda: feedback.simulate_patrols(5, 0.5, patrols=-100)),
    row(feedback.ratio_limit, "random_fraction", lambda: feedback.ratio_limit(2.0)),
    # generalisation
    row(generalisation.between_and_beyond, "x", lambda: generalisation.between_and_beyond([1.0])),
    row(generalisation.between_and_beyond, "beyond", lambda: generalisation.between_and_beyond([1.0, 2.0], -1)),
    row(generalisation.beyond_the_data, "x_train", lambda: generalisation.beyond_the_data([], [1.0])),
    row(generalisation.beyond_the_data, "x_new", lambda: generalisation.beyond_the_data([0.0, 1.0], [NAN])),
    # geometry
    row(geometry.grid_points, "resolution", lambda: geometry.grid_points(-1, 1, 0)),
    row(geometry.grid_points, "high", lambda: geometry.grid_points(-1, INF, 4)),
    row(geometry.grid_lines, "low", lambda: geometry.grid_lines(1, 1)),
    row(geometry.grid_lines, "samples", lambda: geometry.grid_lines(-1, 1, samples=1)),
    row(geometry.line_in_square, "offset", lambda: geometry.line_in_square([1.0, 1.0], NAN, -1, 1)),
    row(geometry.line_in_square, "normal", lambda: geometry.line_in_square([1.0], 0.0, -1, 1)),
    row(geometry.box_edges, "low", lambda: geometry.box_edges(NAN, 1.0)),
    row(geometry.plane_in_box, "normal", lambda: geometry.plane_in_box([0, 0, 0], 0.0)),
    row(geometry.plane_in_box, "offset", lambda: geometry.plane_in_box([0, 0, 1], INF)),
    row(geometry.project_3d, "points", lambda: geometry.project_3d(np.zeros((2, 2)), 0, 0)),
    row(geometry.project_3d, "azimuth", lambda: geometry.project_3d(np.zeros((2, 3)), NAN, 0)),
    row(geometry.view_direction, "elevation", lambda: geometry.view_direction(0, 100)),
    row(geometry.in_front_of_plane, "points and normal",
        lambda: geometry.in_front_of_plane(np.zeros((2, 3)), [0, 1], 0, 0, 0)),
    row(geometry.in_front_of_plane, "offset",
        lambda: geometry.in_front_of_plane(np.zeros((2, 3)), [0, 1, 0], -INF, 0, 0)),
    # landscape
    row(landscape.linear_loss, "slope", lambda: landscape.linear_loss(X, Y, NAN, 0.0)),
    row(landscape.linear_loss, "x", lambda: landscape.linear_loss([1.0, NAN], [1.0, 2.0], 1.0, 0.0)),
    row(landscape.linear_loss_gradient, "intercept", lambda: landscape.linear_loss_gradient(X, Y, 1.0, INF)),
    row(landscape.linear_loss_gradient, "x and y", lambda: landscape.linear_loss_gradient(X, Y[:3], 1.0, 0.0)),
    row(landscape.linear_loss_curvatures, "x", lambda: landscape.linear_loss_curvatures([[1.0]])),
    row(landscape.momentum_convergence_map, "betas",
        lambda: landscape.momentum_convergence_map([0.1], [NAN], (1.0, 1.0), 10, 0.1)),
    row(landscape.loss_surface, "slopes", lambda: landscape.loss_surface(X, Y, [], [0.0])),
    row(landscape.loss_surface, "intercepts", lambda: landscape.loss_surface(X, Y, [0.0], [INF])),
    row(landscape.least_squares_line, "x", lambda: landscape.least_squares_line([1.0, 1.0], [0.0, 2.0])),
    row(landscape.minibatch_gradients, "batch_size", lambda: landscape.minibatch_gradients(X, Y, [0, 0], 11, 3)),
    row(landscape.minibatch_gradients, "point", lambda: landscape.minibatch_gradients(X, Y, [0, 0, 0], 5, 3)),
    row(landscape.minibatch_gradients, "count", lambda: landscape.minibatch_gradients(X, Y, [0, 0], 5, 0)),
    row(landscape.descent_path, "optimiser", lambda: landscape.descent_path(X, Y, [0, 0], 0.1, 5, "newton")),
    row(landscape.descent_path, "learning_rate", lambda: landscape.descent_path(X, Y, [0, 0], INF, 5)),
    row(landscape.descent_path, "batch_size", lambda: landscape.descent_path(X, Y, [0, 0], 0.1, 5, batch_size=0)),
    row(landscape.descent_path, "start", lambda: landscape.descent_path(X, Y, [NAN, 0], 0.1, 5)),
    row(landscape.descent_path, "beta", lambda: landscape.descent_path(X, Y, [0, 0], 0.1, 5, "momentum", beta=1)),
    row(landscape.narrow_valley, "points", lambda: landscape.narrow_valley([1.0, 2.0, 3.0])),
    row(landscape.narrow_valley_gradient, "point", lambda: landscape.narrow_valley_gradient([INF, 0.0])),
    row(landscape.valley_path, "steps", lambda: landscape.valley_path([1, 1], 0.1, -5)),
    row(landscape.valley_path, "start", lambda: landscape.valley_path([1, 1, 1], 0.1, 5)),
    row(landscape.valley_path, "momentum has no setting", lambda: landscape.valley_path([1, 1], 0.1, 5, "momentum",
                                                                                         betta=0.5)),
    row(landscape.steps_to_floor, "losses", lambda: landscape.steps_to_floor([], 0.1)),
    row(landscape.steps_to_floor, "floor", lambda: landscape.steps_to_floor([1.0], NAN)),
    # learning_rates
    row(learning_rates.learning_rate_regime, "curvatures", lambda: learning_rates.learning_rate_regime([0, 1], 0.1, 5)),
    row(learning_rates.learning_rate_regime, "learning_rate",
        lambda: learning_rates.learning_rate_regime([1, 2], NAN, 5)),
    row(learning_rates.learning_rate_regime, "budget", lambda: learning_rates.learning_rate_regime([1, 2], 0.1, 0)),
    # line_classifiers
    row(line_classifiers.line_predict, "points", lambda: line_classifiers.line_predict([1, 2, 3], 0.0, POINTS)),
    row(line_classifiers.line_predict, "bias", lambda: line_classifiers.line_predict([1, 2], INF, POINTS)),
    row(line_classifiers.line_accuracy, "labels", lambda: line_classifiers.line_accuracy([1, 2], 0.0, POINTS, [0, 3])),
    row(line_classifiers.nearest_centroid, "labels", lambda: line_classifiers.nearest_centroid(POINTS, [1, 1, 1, 1])),
    row(line_classifiers.nearest_centroid, "points", lambda: line_classifiers.nearest_centroid([], [])),
    row(line_classifiers.train_perceptron, "steps", lambda: line_classifiers.train_perceptron(POINTS, LABELS, -1)),
    row(line_classifiers.train_perceptron, "learning_rate",
        lambda: line_classifiers.train_perceptron(POINTS, LABELS, 3, learning_rate=INF)),
    row(line_classifiers.accuracy_over_steps, "history",
        lambda: line_classifiers.accuracy_over_steps(None, POINTS, LABELS)),
    row(line_classifiers.accuracy_over_steps, "points and labels",
        lambda: line_classifiers.accuracy_over_steps(HISTORY, POINTS, [0, 1])),
    # losses
    row(losses.mean_squared_error, "predictions", lambda: losses.mean_squared_error([1.0], [INF])),
    row(losses.mean_squared_error, "targets and predictions", lambda: losses.mean_squared_error([1.0], [1.0, 2.0])),
    # network
    row(network.init_range, "activation", lambda: network.init_range("swish", 2, 3)),
    row(network.init_range, "n_in", lambda: network.init_range("tanh", 0, 3)),
    row(network.init_network, "hidden_activation", lambda: network.init_network([2, 1], hidden_activation="swish")),
    row(network.init_network, "output_activation",
        lambda: network.init_network([2, 1], output_activation="softmax")),
    row(network.init_network, "layer_sizes", lambda: network.init_network([2, 0, 1])),
    row(network.init_network, "seed", lambda: network.init_network([2, 1], seed=-1)),
    row(network.forward_pass, "network", lambda: network.forward_pass("network", POINTS)),
    row(network.forward_pass, "inputs", lambda: network.forward_pass(NET, [[NAN, 1.0]])),
    row(network.forward, "inputs", lambda: network.forward(NET, [1.0, 2.0])),
    row(network.predict, "inputs", lambda: network.predict(NET, np.zeros((4, 3)))),
    row(network.backward_pass, "targets", lambda: network.backward_pass(NET, POINTS, [0, 1, INF, 0])),
    row(network.backward_pass, "inputs and targets", lambda: network.backward_pass(NET, POINTS, [0, 1])),
    row(network.backward_pass, "loss", lambda: network.backward_pass(NET, POINTS, LABELS, loss="hinge")),
    row(network.backward, "penalty", lambda: network.backward(NET, POINTS, LABELS, penalty="l3")),
    row(network.backward, "penalty_rate", lambda: network.backward(NET, POINTS, LABELS, penalty_rate=INF)),
    row(network.backward, "penalty_rate", lambda: network.backward(NET, POINTS, LABELS, penalty_rate=-1.0)),
    row(network.accuracy, "labels", lambda: network.accuracy(NET, POINTS, [0, 1, 2, 0])),
    row(network.loss_value, "targets", lambda: network.loss_value(NET, POINTS, [])),
    row(network.count_parameters, "layer_sizes", lambda: network.count_parameters([2, -4, 1])),
    # optimisers
    row(optimisers.checked, "optimiser", lambda: optimisers.checked("lbfgs", 0.1, {})),
    row(optimisers.checked, "epsilon", lambda: optimisers.checked("adam", 0.1, {"epsilon": 0.0})),
    row(optimisers.step, "learning_rate", lambda: optimisers.step("adam", [np.ones(2)], [np.ones(2)], None, NAN)),
    row(optimisers.step, "beta1", lambda: optimisers.step("adam", [np.ones(2)], [np.ones(2)], None, 0.1, beta1=1)),
    row(optimisers.step, "grads", lambda: optimisers.step("adam", [np.ones(2)], [np.ones(3)], None, 0.1)),
    row(optimisers.step, "params", lambda: optimisers.step("adam", [np.array([INF, 0])], [np.ones(2)], None, 0.1)),
    # polynomial
    row(polynomial.fit_polynomial, "degree", lambda: polynomial.fit_polynomial(X, Y, -1)),
    row(polynomial.fit_polynomial, "degree", lambda: polynomial.fit_polynomial([0.0, 0.0, 1.0], [1, 2, 3], 2)),
    row(polynomial.fit_polynomial, "x", lambda: polynomial.fit_polynomial([], [], 1)),
    row(polynomial.fit_polynomial, "x and y", lambda: polynomial.fit_polynomial(X, Y[:-1], 1)),
    row(polynomial.fit_polynomial, "x", lambda: polynomial.fit_polynomial(["a", "b"], [1, 2], 1)),
    row(polynomial.evaluate_polynomial, "polynomial", lambda: polynomial.evaluate_polynomial([1.0, 2.0], X)),
    row(polynomial.evaluate_polynomial, "x", lambda: polynomial.evaluate_polynomial(FIT, [-INF])),
    row(polynomial.train_and_held_out_error, "x_held_out and y_held_out",
        lambda: polynomial.train_and_held_out_error(X, Y, X, Y[:3], 2)),
    # privacy
    row(privacy.quadratic_samples, "trials", lambda: privacy.quadratic_samples(0, 5, 0)),
    row(privacy.quadratic_samples, "noise", lambda: privacy.quadratic_samples(1, 5, 0, noise=INF)),
    row(privacy.squared_errors, "x and y", lambda: privacy.squared_errors(FIT, np.zeros((2, 3)), np.zeros((2, 2)))),
    row(privacy.membership_guesses, "member_losses and non_member_losses",
        lambda: privacy.membership_guesses([1.0, 2.0], [1.0])),
    row(privacy.guess_accuracy, "thresholds",
        lambda: privacy.guess_accuracy(np.ones((2, 3)), np.ones((2, 3)), [NAN, 1.0])),
    row(privacy.membership_experiment, "degree", lambda: privacy.membership_experiment(25, trials=2)),
    row(privacy.membership_experiment, "trials", lambda: privacy.membership_experiment(2, trials=0)),
    # shift
    row(shift.city_scenes, "shift", lambda: shift.city_scenes(NAN)),
    row(shift.accuracy_under_shift, "shifts", lambda: shift.accuracy_under_shift([1, 1], 0.0, [INF])),
    # training
    row(training.minibatches, "batch_size", lambda: training.minibatches(10, 0, seed=0)),
    row(training.minibatches, "size", lambda: training.minibatches(-10, 2, seed=0)),
    row(training.steps_per_epoch, "batch_size", lambda: training.steps_per_epoch(10, 0)),
    row(training.train_step, "optimiser", lambda: training.train_step(NET, POINTS, LABELS, None, "lbfgs", 0.1)),
    row(training.train_step, "learning_rate", lambda: training.train_step(NET, POINTS, LABELS, None, "adam", INF)),
    row(training.train_step, "learning_rate", lambda: training.train_step(NET, POINTS, LABELS, None, "adam", -0.1)),
    row(training.train_step, "momentum has no setting",
        lambda: training.train_step(NET, POINTS, LABELS, None, "momentum", 0.1, bta=0.5)),
    row(TrainingRun, "hidden_sizes", lambda: _run(hidden_sizes=[3, 0])),
    row(TrainingRun, "train_targets", lambda: TrainingRun(DATA[0], DATA[1] * 2, [3])),
    row(TrainingRun, "learning_rate", lambda: _run(learning_rate=NAN)),
    row(TrainingRun, "penalty_rate", lambda: _run(penalty_rate=INF)),
    row(TrainingRun, "batch_size", lambda: _run(batch_size=-1)),
    row(TrainingRun, "task", lambda: _run(task="ranking")),
    row(TrainingRun, "beta2", lambda: _run(optimiser="adam", beta2=1.5)),
    row(TrainingRun.train_to, "step", lambda: _run().train_to(-1)),
    row(TrainingRun.advance, "count", lambda: _run().advance(NAN)),
    # transforms
    row(transforms.stretch_axis, "stretch", lambda: transforms.stretch_axis([1.0], NAN)),
    row(transforms.stretch_axis, "x", lambda: transforms.stretch_axis([0.0, 1.0], 0.5)),
    row(transforms.morph, "points", lambda: transforms.morph(NET, [[INF, 0.0]])),
    row(transforms.neuron_maps, "resolution", lambda: transforms.neuron_maps(NET, -1, 1, 1)),
    row(transforms.neuron_maps, "low", lambda: transforms.neuron_maps(NET, NAN, 1, 4)),
    # vanishing
    row(vanishing.layer_gradient_norms, "depth", lambda: vanishing.layer_gradient_norms(0)),
    row(vanishing.layer_gradient_norms, "width", lambda: vanishing.layer_gradient_norms(2, width=-3)),
    row(vanishing.layer_gradient_norms, "hidden_activation", lambda: vanishing.layer_gradient_norms(2, "cosine")),
    row(vanishing.first_layer_gradient_norms, "max_depth", lambda: vanishing.first_layer_gradient_norms(0)),
    # wide_layer
    row(wide_layer.random_hidden_layer, "width", lambda: wide_layer.random_hidden_layer(65, -1, 1)),
    row(wide_layer.random_hidden_layer, "low", lambda: wide_layer.random_hidden_layer(3, 1, -1)),
    row(wide_layer.random_hidden_layer, "high", lambda: wide_layer.random_hidden_layer(3, -1, INF)),
    row(wide_layer.hidden_activations, "slopes and centres",
        lambda: wide_layer.hidden_activations(X, [1.0, 2.0], [0.0])),
    row(wide_layer.fit_output_layer, "hidden and y", lambda: wide_layer.fit_output_layer(np.zeros((3, 2)), [1.0])),
    row(wide_layer.output, "weights", lambda: wide_layer.output(np.zeros((4, 2)), np.zeros(2))),
    row(wide_layer.wide_layer_fit, "width", lambda: wide_layer.wide_layer_fit(X, Y, 0)),
    row(wide_layer.wide_layer_fit, "y", lambda: wide_layer.wide_layer_fit(X, [NAN] * 10, 3)),
]


@pytest.mark.parametrize(("function", "parameter", "call"), BAD_INPUTS)
def test_bad_input_raises_value_error_naming_the_parameter(function, parameter, call):
    with pytest.raises(ValueError) as raised:
        call()
    assert parameter in str(raised.value), f"{function.__qualname__}: {raised.value}"


def _public_functions():
    """Every public function of every core module, and the training run with its methods."""
    found = set()
    for info in pkgutil.iter_modules(dlviz.core.__path__):
        module = importlib.import_module(f"dlviz.core.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module.__name__:
                found.add(value)
    return found | {TrainingRun, TrainingRun.train_to, TrainingRun.advance}


def test_the_table_covers_every_public_function():
    tested = {case.values[0] for case in BAD_INPUTS}
    missing = sorted(f.__qualname__ for f in _public_functions() - tested)
    assert missing == []


def test_checks_return_clean_values():
    assert checks.positive_int("size", np.int64(5)) == 5
    assert checks.finite_array("x", [1, 2]).dtype == float
    assert checks.number("noise", 1, at_least=0, at_most=2) == 1.0
    assert checks.number("beta", 0.0, at_least=0, below=1) == 0.0
    assert checks.low_high(-1, 2) == (-1.0, 2.0)
    checks.same_length("x", [1, 2], "y", [3, 4])
    assert checks.one_of("loss", "a", {"a": 1}) == 1
    assert checks.layer_size_list("sizes", (2, 3)) == [2, 3]


@pytest.mark.parametrize("value, message", [
    (True, "must be a finite number, got True"),
    ("1", "must be a finite number, got '1'"),
    (NAN, "must be a finite number, got nan"),
    (-INF, "must be a finite number, got -inf"),
    (-0.5, "must be >= 0 and < 1, got -0.5"),
    (1.0, "must be >= 0 and < 1, got 1.0"),
])
def test_number_says_what_it_wanted(value, message):
    with pytest.raises(ValueError, match=f"^beta {message}$"):
        checks.number("beta", value, at_least=0, below=1)


def test_positive_int_rejects_booleans_and_fractions():
    for value in (True, 2.5, "3"):
        with pytest.raises(ValueError, match="size must be a positive integer"):
            checks.positive_int("size", value)
