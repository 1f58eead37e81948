import re

import numpy as np
import panel as pn
import pytest
from bokeh.events import Tap

from dlviz.core.datasets import noisy_line
from dlviz.core.landscape import DIVERGED_LOSS, descent_path, linear_loss, linear_loss_gradient
from dlviz.core.network import backward, loss_value
from dlviz.figures import learning
from dlviz.figures.learning import (
    FIGURES, MAX_STEPS, START, Backpropagation, GradientDescent, LossLandscape, Momentum,
    OptimiserRace, StochasticDescent,
)

X, Y = noisy_line(size=50, seed=19750, slope=2.0, intercept=1.0, noise=2.0)
POLYFIT = np.polyfit(X, Y, 1)


def _numbers(figure):
    """The readout's numbers, in order (true minus signs read as minus)."""
    text = re.sub(r"<[^>]+>", "", figure.numbers.object).replace("−", "-").replace(",", "")
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", text)]


def _finite_differences(point, h=1e-6):
    return np.array([(linear_loss(X, Y, *(point + d)) - linear_loss(X, Y, *(point - d))) / (2 * h)
                     for d in np.eye(2) * h])


def _first_widget(figure):
    return figure.__panel__().select(pn.widgets.Widget)[0]


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_the_first_widget_is_the_main_control_and_changes_the_readout(name):
    figure = FIGURES[name]()
    widget = _first_widget(figure)
    before = figure.numbers.object
    low, high = widget.start, widget.end
    widget.value = high if widget.value != high else low
    assert figure.numbers.object != before


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_a_figure_rebuilt_from_its_state_reads_the_same(name):
    figure = FIGURES[name]()
    widget = _first_widget(figure)
    widget.value = widget.end
    rebuilt = FIGURES[name](**figure.state())
    assert rebuilt.numbers.object == figure.numbers.object


def test_the_data_is_the_seeds():
    np.testing.assert_array_equal(learning.seed_line()[0], X)
    np.testing.assert_array_equal(learning.seed_line()[1], Y)
    assert X.size == 50


def test_landscape_readout_is_the_loss_of_the_line_shown():
    figure = LossLandscape(slope=1.5, intercept=2.5)
    assert _numbers(figure) == [1.5, 2.5, pytest.approx(linear_loss(X, Y, 1.5, 2.5), abs=5e-4)]
    np.testing.assert_allclose(figure.line.data["y"], 1.5 * figure.line_x + 2.5)
    curve = dict(zip(figure.curve.data["slope"], figure.curve.data["loss"]))
    assert curve[figure.slopes[60]] == pytest.approx(linear_loss(X, Y, figure.slopes[60], 2.5))


def test_a_click_on_the_contour_moves_both_parameters():
    figure = LossLandscape()
    figure._clicked(Tap(figure.contour, x=2.113, y=0.754))
    assert (figure.slope, figure.intercept) == (2.11, 0.75)
    assert figure.point.data["slope"] == [2.11] and figure.point.data["intercept"] == [0.75]
    figure._clicked(Tap(figure.contour, x=50.0, y=-50.0))  # beyond the window: clipped to the bounds
    assert (figure.slope, figure.intercept) == (learning.SLOPES[1], learning.INTERCEPTS[0])


def test_the_lowest_point_drawn_is_the_least_squares_line():
    np.testing.assert_allclose(learning.line_landscape()["best"], POLYFIT)


@pytest.mark.parametrize("steps", [0, 1, 7, 40])
def test_the_gradient_shown_is_the_analytic_gradient_and_the_arrow_is_the_next_step(steps):
    figure = GradientDescent(learning_rate=0.03, steps=steps)
    here = descent_path(X, Y, START, 0.03, steps).points[-1]
    gradient = linear_loss_gradient(X, Y, *here)
    np.testing.assert_allclose(gradient, _finite_differences(here), rtol=1e-5, atol=1e-6)
    shown = _numbers(figure)  # rate, steps, slope, intercept, loss, gradient (2)
    assert shown[1] == steps
    np.testing.assert_allclose(shown[2:4], here, atol=5e-4)
    np.testing.assert_allclose(shown[5:7], gradient, atol=5e-4)
    np.testing.assert_allclose(shown[5:7], _finite_differences(here), atol=1e-3)
    arrow = figure.arrow
    np.testing.assert_allclose([arrow.x_start, arrow.y_start], here)
    np.testing.assert_allclose([arrow.x_end, arrow.y_end], here - 0.03 * gradient)


def test_a_good_learning_rate_reaches_the_least_squares_line():
    figure = GradientDescent(learning_rate=0.05, steps=MAX_STEPS)
    assert "good" in figure.numbers.object
    here = [figure.here.data["slope"][0], figure.here.data["intercept"][0]]
    np.testing.assert_allclose(here, POLYFIT, atol=1e-3)


def test_a_too_large_learning_rate_is_reported_as_diverging_with_finite_numbers_only():
    figure = GradientDescent(learning_rate=0.16, steps=MAX_STEPS)
    text = figure.numbers.object
    path = descent_path(X, Y, START, 0.16, MAX_STEPS)
    assert path.divergence.step == 8
    assert "<b>diverging</b>" in text
    assert "<b>Diverged at step 8</b> (the loss passed 1,000,000): try a smaller learning rate." in text
    assert "Steps taken <b>100</b>:" in text  # the read-out says where the slider is, and where the descent stopped
    assert not re.search(r"nan|inf", text, re.IGNORECASE)
    assert all(np.isfinite(_numbers(figure)))
    for source in (figure.path, figure.here, figure.losses):
        for column in source.data.values():
            assert np.all(np.isfinite(np.asarray(column, dtype=float)))
    assert max(figure.losses.data["loss"]) <= DIVERGED_LOSS and len(figure.losses.data["loss"]) == 8
    assert not figure.arrow.visible
    assert figure._advance() is False  # play stops rather than stepping on
    figure.steps = 62  # a slider moved past the divergence: the same descent, read out at the slider's step
    assert figure.numbers.object == text.replace("<b>100</b>", "<b>62</b>")


def test_playing_into_a_divergence_stops_the_slider_there():
    figure = GradientDescent(learning_rate=0.16)
    while figure._advance():
        pass
    assert figure.steps == 8 and "Diverged at step 8" in figure.numbers.object
    figure.steps = 5  # back before it: an ordinary state again
    assert "After <b>5</b> steps" in figure.numbers.object and figure.arrow.visible


@pytest.mark.parametrize("rate, regime", [
    (0.004, "too slow"), (0.03, "good"), (0.08, "oscillating"), (0.13, "diverging"),
])
def test_the_readout_names_the_regime(rate, regime):
    assert f"<b>{regime}</b>" in GradientDescent(learning_rate=rate).numbers.object


def test_step_and_reset():
    figure = GradientDescent(learning_rate=0.03)
    assert figure._advance() is True and figure.steps == 1
    figure._advance()
    assert figure.steps == 2 and len(figure.path.data["slope"]) == 3
    figure._reset()
    assert figure.steps == 0 and "After <b>0</b> steps" in figure.numbers.object
    figure.steps = MAX_STEPS - 1
    assert figure._advance() is False and figure.steps == MAX_STEPS
    figure.stop()


def test_stochastic_descent_is_seeded_and_full_batches_are_gradient_descent():
    small = StochasticDescent(batch_size=2, draw=3)
    assert StochasticDescent(batch_size=2, draw=3).numbers.object == small.numbers.object
    small._redraw()
    assert small.draw == 4 and small.numbers.object != StochasticDescent(batch_size=2, draw=3).numbers.object
    full = StochasticDescent(batch_size=50)
    np.testing.assert_allclose(full.path.data["slope"], full.full.points[:, 0])
    lowest = learning.line_landscape()["lowest"]
    for batch_size in (1, 5, 20):
        figure = StochasticDescent(batch_size=batch_size)
        assert figure.losses.data["loss"][-1] < 1.3 * lowest  # noisy, but it gets there


def test_momentum_reaches_the_valley_floor_sooner_than_plain_descent():
    figure = Momentum(beta=0.7, learning_rate=0.038)
    momentum_steps, plain_steps = _numbers(figure)[3:5]  # β, rate, floor height, then the steps
    assert momentum_steps < plain_steps / 3
    plain, momentum = figure.valley_paths()
    assert plain.losses[int(plain_steps)] <= 0.01 < plain.losses[int(plain_steps) - 1]
    assert momentum.losses[int(momentum_steps)] <= 0.01 < momentum.losses[int(momentum_steps) - 1]
    # plain descent zig-zags across the valley: b changes sign every step at first
    b = np.asarray(figure.plain.data["b"])[:10]
    assert np.all(b[:-1] * b[1:] < 0)


def test_momentum_without_beta_is_plain_descent():
    figure = Momentum(beta=0.0)
    momentum_steps, plain_steps = _numbers(figure)[3:5]
    assert momentum_steps == plain_steps
    np.testing.assert_allclose(figure.momentum.data["a"], figure.plain.data["a"])


def test_the_momentum_map_holds_each_slider_pairs_steps_and_a_click_sets_both():
    figure = Momentum()
    rates, betas = Momentum.map_axes()
    assert rates[0] == 0.005 and rates[-1] == 0.039 and len(rates) == 35
    assert betas[0] == 0.0 and betas[-1] == 0.99 and len(betas) == 100
    image = figure._map_plot().renderers[0].data_source.data["image"][0]  # β rows, learning-rate columns
    assert image.shape == (100, 35)
    momentum_steps, plain_steps = _numbers(figure)[3:5]
    assert image[70, 33] == momentum_steps  # β 0.70, learning rate 0.038: what the read-out says
    assert image[0, 33] == plain_steps  # β 0 is plain descent
    map_plot = figure.plots.objects[2].object
    figure._map_clicked(Tap(map_plot, x=0.0204, y=0.912))
    assert (figure.learning_rate, figure.beta) == (0.02, 0.91)
    assert figure.chosen.data == {"learning_rate": [0.02], "beta": [0.91]}
    assert _numbers(figure)[3] == image[91, 15]  # the read-out's steps are the map's at the clicked pair
    figure._map_clicked(Tap(map_plot, x=1.0, y=-1.0))  # beyond the map: clipped to the bounds
    assert (figure.learning_rate, figure.beta) == (0.039, 0.0)


def test_the_race_reports_each_optimisers_final_loss():
    figure = OptimiserRace(learning_rate=0.1)
    shown = _numbers(figure)[2:6]  # after the rate and the step count
    expected = [descent_path(X, Y, START, 0.1, learning.RACE_STEPS, name, **hyper).losses[-1]
                for name, _, _, hyper in learning.RACERS]
    np.testing.assert_allclose(shown, expected, atol=5e-4)


def test_in_the_race_large_rates_break_plain_descent_but_not_adam():
    text = OptimiserRace(learning_rate=0.3).numbers.object
    assert "gradient descent <b>diverged at step 3</b>" in text and "momentum <b>diverged at step 4</b>" in text
    assert "Adam <b>" in text and "Adam <b>diverged" not in text
    assert not re.search(r"nan|inf", text, re.IGNORECASE)
    fast = OptimiserRace(learning_rate=0.12)
    assert "gradient descent <b>diverged at step 54</b>" in fast.numbers.object
    assert "momentum <b>diverged" not in fast.numbers.object
    assert "gradient descent <b>diverged" not in OptimiserRace(learning_rate=0.12, steps=53).numbers.object


def test_the_race_can_be_scrubbed_and_replayed():
    figure = OptimiserRace(steps=10)
    assert all(len(xs) == 11 for xs in figure.tracks.data["xs"])
    figure.steps = learning.RACE_STEPS
    assert figure._advance() and figure.steps == 1  # play starts again from the start


def test_backprop_figure_gradients_equal_core_backward_and_finite_differences():
    figure = Backpropagation()
    weights, biases = figure.gradients()
    inputs, target = learning.TINY_INPUTS[None, :], np.array([learning.TINY_TARGET])
    core_weights, core_biases = backward(learning.TINY_NETWORK, inputs, target, "mean_squared_error")
    h = 1e-6
    for layer in range(2):
        np.testing.assert_allclose(weights[layer], core_weights[layer], rtol=1e-12)
        np.testing.assert_allclose(biases[layer], core_biases[layer], rtol=1e-12)
        for index in np.ndindex(weights[layer].shape):
            def loss(shift):
                moved = [w.copy() for w in learning.TINY_NETWORK.weights]
                moved[layer][index] += shift
                network = learning.Network(moved, learning.TINY_NETWORK.biases, learning.TINY_NETWORK.activations)
                return loss_value(network, inputs, target, "mean_squared_error")
            assert weights[layer][index] == pytest.approx((loss(h) - loss(-h)) / (2 * h), rel=1e-5)


def test_every_gradient_on_screen_at_the_last_stage_is_the_cores():
    figure = Backpropagation(stage=learning.STAGES)
    core_weights, _ = backward(learning.TINY_NETWORK, learning.TINY_INPUTS[None, :],
                               np.array([learning.TINY_TARGET]), "mean_squared_error")
    expected = [core_weights[0 if start.startswith("x") else 1][i, j] for start, _, i, j in learning.EDGES]
    for layout in ("wide", "tall"):  # the drawing for wide screens and the one for phones
        texts = figure.labels[layout].data["text"]
        shown = [float(t.split("= ")[-1].replace("−", "-")) for t in texts if t.startswith("∂L/∂w")]
        assert len(shown) == 6  # one on every edge
        np.testing.assert_allclose(shown, expected, atol=5e-5)
        assert f"{figure.trace.loss:.4f}" in " ".join(texts)


def test_the_phones_drawing_shows_the_same_numbers_as_the_wide_one_at_every_stage_each_weight_named():
    figure = Backpropagation()
    for stage in range(1, learning.STAGES + 1):
        figure.stage = stage
        wide, tall = (figure.labels[layout].data["text"] for layout in ("wide", "tall"))
        named = [text.split(": ", 1) for text in tall if ": " in text]
        assert [edge for edge, _ in named] == ["x₁→h₁", "x₁→h₂", "x₂→h₁", "x₂→h₂", "h₁→ŷ", "h₂→ŷ"]
        assert sorted(text.split(": ", 1)[-1] for text in tall) == sorted(wide)


def test_backprop_stages_reveal_forward_then_backward():
    figure = Backpropagation()
    seen, texts = set(), []
    for stage in range(1, learning.STAGES + 1):
        figure.stage = stage
        texts.append(figure.numbers.object)
        seen.add(len(figure.labels["wide"].data["text"]))
        red = [c for c in figure.labels["wide"].data["colour"] if c == learning.VERMILION_TEXT]  # gradients, in the vermilion for text
        assert (len(red) > 0) == (stage >= 7)  # gradients appear only in the backward pass, from stage 7
    assert len(set(texts)) == learning.STAGES
    assert len(seen) == learning.STAGES  # every stage adds numbers
    figure._move(1)
    assert figure.stage == learning.STAGES  # the last stage is the last
    figure.stage = 1
    figure._move(-1)
    assert figure.stage == 1

