"""Every number a lesson states about one of its figures, computed from the figure
or the core it draws: each claim quotes its lesson, so a claim cannot change (or
go) without this table changing with it."""

import re

import numpy as np
import pytest

from dlviz.core.compute import FAMOUS_RUNS, FLOP_PER_JOULE, energy_joules, megawatt_hours, training_operations
from dlviz.core.feedback import ratio_limit
from dlviz.core.landscape import (
    DIVERGED_LOSS, VALLEY_STEEPNESS, descent_path, least_squares_line, linear_loss_curvatures, valley_path,
)
from dlviz.core.learning_rates import learning_rate_regime
from dlviz.core.network import accuracy, count_parameters, forward
from dlviz.course import lesson_by_slug, lesson_text
from dlviz.figures import ethics, fundamentals, history, learning, networks, playground

LESSON_1, LESSON_2, LESSON_3 = "1-what-is-deep-learning", "2-fundamentals-of-learning", "3-neural-networks"
LESSON_4, LESSON_5, LESSON_6 = "4-how-networks-learn", "5-playground", "6-ethics"


def text(figure):
    """A figure's read-out without its tags."""
    return re.sub(r"<[^>]+>", "", figure.numbers.object)


def percent(figure, label):
    """The percentage after `label` in a figure's read-out."""
    return float(re.search(rf"{label} ([\d.]+)%", text(figure)).group(1))


def played(ticks, **settings):
    """The playground after `ticks` beats of Play (the same state, got in one move)."""
    figure = playground.Playground(**settings)
    figure.steps = ticks * figure._run.record_every
    return figure


# --- lesson 1 -------------------------------------------------------------------------

def perceptron_claims():
    blobs = history.PerceptronLearning(steps=history.MAX_STEPS)
    first = int(np.argmax(blobs.accuracies == 1.0))
    assert blobs.accuracies[first] == 1.0 and np.all(blobs.accuracies[first:] == 1.0)
    blobs.data = "XOR"
    assert blobs.accuracies.max() <= 0.7 and np.ptp(blobs.accuracies[20:]) > 0.1  # it swings, never settles


def vanishing_claims():
    norms = history.VanishingGradient().first_layer
    ratios = norms[:-1] / norms[1:]
    assert 1.4 < ratios.min() and ratios.max() < 9
    assert 4.5 < (norms[0] / norms[-1]) ** (1 / 9) < 5.5  # about 5 a layer, on average
    assert 0.5e-6 < norms[-1] / norms[0] < 2e-6  # a millionth


def imagenet_claims():
    drops = {year: before[2] - now[2] for before, now, year in
             zip(history.IMAGENET_WINNERS, history.IMAGENET_WINNERS[1:], range(2011, 2018))}
    assert max(drops, key=drops.get) == 2012 and drops[2012] == pytest.approx(9.4)
    below = [year for year, _, error in history.IMAGENET_WINNERS if error < history.HUMAN_ERROR]
    assert below == [2015, 2016, 2017]


# --- lesson 2 -------------------------------------------------------------------------

def new_points_claims():
    between, beyond = fundamentals.NewPoints(), fundamentals.NewPoints()
    for _ in range(19):
        between.add_between.clicks += 1
    for _ in range(4):
        beyond.add_beyond.clicks += 1
    for figure in (between, beyond):
        assert "the degree-2 curve predicted them better" in text(figure)
    assert "degree-16 curve 1.6e+09" in text(beyond)  # wildly off


def polynomial_fit_claims():
    figure = fundamentals.PolynomialFit()
    assert np.all(np.diff(figure.train_errors) <= 1e-9)
    for held_out in (figure.between_errors, figure.beyond_errors):
        best = int(np.argmin(held_out))
        assert best in (2, 3) and np.all(held_out[best + 1:] > held_out[best])
    assert figure.beyond_errors[16] > 1e9


def billions_claim():
    figure = fundamentals.PolynomialFit()
    assert 1e9 < figure.beyond_errors[16] / figure.beyond_errors[2] < 1e10  # about 2.5e9


def lowest_degree_below_half_claim():
    figure = fundamentals.PolynomialFit()
    assert int(np.argmax(figure.train_errors < 0.5)) == 10 and round(figure.train_errors[10], 3) == 0.497
    assert round(figure.beyond_errors[10], -2) == 4700 and 1000 < figure.beyond_errors[10] / figure.beyond_errors[2] < 10000


def lesson_2_shift_claims():
    figure = fundamentals.DistributionShift()
    la_only = figure.curve.data["accuracy"]
    assert la_only[0] == 1.0 and la_only[-1] == pytest.approx(0.66)
    figure.train_on_both = True
    assert min(figure.curve.data["accuracy"]) > 0.9


# --- lesson 3 -------------------------------------------------------------------------

def stretch_claims():
    straight = float(text(networks.StretchFit(stretch=0.0)).split()[-1])
    root = float(text(networks.StretchFit(stretch=1.0)).split()[-1])
    assert root / straight == pytest.approx(0.5, abs=0.02)


def diagram_claims():
    points, labels = networks.rings()

    def right(neurons, layers):
        sizes = (2,) + (neurons,) * layers + (1,)
        return 100 * accuracy(networks.rings_network(sizes), points, labels)

    assert right(3, 0) < 60  # a line
    assert "100.0%" in text(networks.NetworkDiagram(neurons=3, hidden_layers=1))
    assert all(right(n, layers) < 90 for n in (1, 2) for layers in range(1, 5))
    assert all(right(n, layers) > 99 for n in range(3, 9) for layers in range(1, 5))


def weights_quiz_claim():
    assert count_parameters([2, 3, 1]) == (9, 4)


def rings_in_3d_claims():
    figure = networks.RingsIn3D()
    assert "100.0%" in text(figure)
    points, labels = networks.rings()
    inner, outer = figure.hidden[labels == 1], figure.hidden[labels == 0]
    assert inner.std(axis=0).max() < 0.2 < 0.8 < outer.std(axis=0).min()  # a small bunch, and spread round
    assert np.all(np.abs(inner.mean(axis=0)) > 0.9)  # near one corner of the box


def wide_layer_claims():
    assert float(text(networks.WideLayer(width=3)).split()[-1]) > 0.3
    assert float(text(networks.WideLayer(width=64)).split()[-1]) < 0.01  # the noise's level: 0.1² = 0.01


def hierarchy_claims():
    figure = networks.FeatureHierarchy()
    output = figure.maps[-1][0]
    middle = networks.MAP_RESOLUTION // 2
    assert output[middle, middle] > 0.99 and max(output[0, 0], output[0, -1], output[-1, 0], output[-1, -1]) < 0.01


def morphing_claims():
    assert percent(networks.MorphingSpace(steps=0), "sorts") < 65
    assert percent(networks.MorphingSpace(steps=100, layer=3), "sorts") > 98


# --- lesson 4 -------------------------------------------------------------------------

def landscape_quiz_claims():
    x, y = learning.seed_line()
    assert learning.line_landscape()["lowest"] == pytest.approx(4.7, abs=0.01)
    assert least_squares_line(x, y)[0] == pytest.approx(2.1, abs=0.02)
    assert learning.GRID ** 2 == 3600


def gradient_quiz_claims():
    assert "gradient there (-88.645, 14.488)" in text(learning.GradientDescent(learning_rate=0.01))
    assert -3 - 0.01 * -88.645 == pytest.approx(-2.114, abs=0.001)


def regime_claims():
    curvatures = linear_loss_curvatures(learning.seed_line()[0])
    rates = np.round(np.arange(0.002, 0.1601, 0.002), 3)  # the slider's stops
    regimes = {rate: learning_rate_regime(curvatures, rate, learning.MAX_STEPS) for rate in rates}
    first = {regime: min(r for r in rates if regimes[r] == regime) for regime in set(regimes.values())}
    assert first == {"too slow": 0.002, "good": 0.012, "oscillating": 0.058, "diverging": 0.116}
    assert 2 / curvatures.max() == pytest.approx(0.115, abs=0.001)
    x, y = learning.seed_line()
    slow = descent_path(x, y, learning.START, 0.116, learning.MAX_STEPS)
    assert slow.divergence is None and slow.losses[-1] > slow.losses[0]  # diverging, though not yet stopped
    assert descent_path(x, y, learning.START, 0.118, learning.MAX_STEPS).divergence.step <= learning.MAX_STEPS
    assert learning_rate_regime(curvatures, 0.1, 100) == "oscillating"
    assert learning_rate_regime(curvatures, 0.13, 100) == "diverging"
    assert DIVERGED_LOSS == 1e6


def stochastic_claims():
    assert learning.SGD_RATE == 0.03
    full = learning.StochasticDescent(batch_size=50)
    np.testing.assert_allclose(full.path.data["slope"], full.full.points[:, 0])
    lowest = learning.line_landscape()["lowest"]
    assert learning.StochasticDescent(batch_size=1).losses.data["loss"][-1] < 1.1 * lowest


def momentum_claims():
    def plain_and_momentum(beta):
        return [int(n) for n in re.findall(r"in (\d+) steps", text(learning.Momentum(beta=beta)))]

    assert VALLEY_STEEPNESS == 50
    momentum, plain = plain_and_momentum(0.7)
    assert 1 / 6 < momentum / plain < 1 / 4  # a fifth
    assert plain_and_momentum(0.0)[0] == plain
    swinging = valley_path(learning.VALLEY_START, 0.038, learning.VALLEY_STEPS, "momentum", beta=0.99)
    across = swinging.points[:, 1]
    assert np.sum(across[:-1] * across[1:] < 0) > 100 and "more than 400 steps" in text(learning.Momentum(beta=0.99))


def race_claims():
    x, y = learning.seed_line()

    def diverges(name, settings, rate):
        return descent_path(x, y, learning.START, rate, learning.RACE_STEPS, name, **settings).divergence is not None

    racers = {name: settings for name, _, _, settings in learning.RACERS}
    assert diverges("gradient_descent", {}, 0.12) and not diverges("momentum", racers["momentum"], 0.12)
    assert diverges("momentum", racers["momentum"], 0.3)
    for name in ("rmsprop", "adam"):
        assert not any(diverges(name, racers[name], rate) for rate in np.arange(0.01, 0.3001, 0.01))
        crawl = descent_path(x, y, learning.START, 0.01, learning.RACE_STEPS, name, **racers[name])
        assert crawl.losses[-1] > 40 * learning.line_landscape()["lowest"]


def step_size_claims():
    x, y = learning.seed_line()
    for name, longest in (("rmsprop", np.sqrt(10)), ("adam", 1.0)):
        settings = {n: s for n, _, _, s in learning.RACERS}[name]
        for rate in (0.01, 0.1, 0.3):
            path = descent_path(x, y, learning.START, rate, learning.RACE_STEPS, name, **settings)
            steps = np.abs(np.diff(path.points, axis=0)) / rate
            np.testing.assert_allclose(steps[0], longest, rtol=1e-6)  # the first step
            assert steps.max() <= longest * (1 + 1e-6)
    assert round(np.sqrt(10), 1) == 3.2


def backprop_quiz_claims():
    trace = learning.Backpropagation().trace
    assert trace.weight_gradients[0][0, 0] == pytest.approx(-0.0285, abs=5e-5)
    assert trace.activations[1][0] == pytest.approx(0.741, abs=5e-4)
    assert trace.der_pre_activations[1][0] == pytest.approx(-0.1235, abs=5e-5)
    assert trace.weight_gradients[1][0, 0] == pytest.approx(-0.0915, abs=5e-5)


# --- lesson 5 -------------------------------------------------------------------------

def play_claims():
    figure = played(30)
    assert percent(figure, "test accuracy") > 90


def beat_claims():
    for train_percent in range(10, 91, 10):
        trained = playground.DATA_SIZE - round(playground.DATA_SIZE * (1 - train_percent / 100))
        for batch_size in range(1, 31):
            epoch = -(-trained // batch_size)
            beat = playground.Playground._steps_per_tick(epoch)
            assert beat <= 25
            assert beat % epoch == 0 if epoch <= 25 else beat < epoch
    small = playground.Playground(batch_size=7)._run  # 200 points in batches of 7: 29 steps an epoch
    assert small.record_every == 25 < small.steps_per_epoch == 29


def penalty_claims():
    figure = played(5, regularisation="l2", regularisation_rate=0.1)
    run = figure._run
    plotted = figure.losses.data["train"][-1]
    from dlviz.core.losses import L2
    from dlviz.core.network import loss_value
    assert plotted == pytest.approx(loss_value(run.network, run.train_inputs, run.train_targets))
    assert plotted < plotted + 0.1 * sum(L2.output(w) for w in run.network.weights)


def divergence_readout_claim():
    figure = played(10, learning_rate=10.0)
    assert figure.steps == figure._run.divergence.step and f"Diverged at step {figure.steps}" in text(figure)


def no_hidden_layer_claims():
    assert percent(played(100, hidden_layers=0), "test accuracy") < 65
    assert percent(played(30, hidden_layers=0, features=["x²", "y²"]), "test accuracy") == 100


def linear_activation_claim():
    assert percent(played(100, activation="linear"), "test accuracy") < 65


def xor_claim():
    assert percent(played(30, dataset="xor", hidden_layers=0, features=["xy"]), "test accuracy") == 100


def break_it_claims():
    assert "Diverged at step" in text(played(20, learning_rate=10.0))
    for dataset in ("rings", "xor", "blobs", "spiral", "moons"):  # relu falls silent and sticks at chance
        figure = played(20, dataset=dataset, activation="relu", learning_rate=10.0)
        run = figure._run
        assert run.divergence is None and percent(figure, "test accuracy") < 55
        assert np.all(forward(run.network, run.train_inputs)[2] == 0)
    for activation in ("tanh", "sigmoid"):
        assert percent(played(20, dataset="blobs", activation=activation, learning_rate=10.0), "test accuracy") > 99
    slow = played(10, learning_rate=0.0001)._run
    assert abs(slow.train_losses[-1] - slow.train_losses[0]) < 0.01 * slow.train_losses[0]
    assert percent(played(10, learning_rate=0.3), "test accuracy") > 99


def over_fit_claims():
    settings = {"dataset": "moons", "noise": 1.0, "train_percent": 10}
    plain = played(200, **settings)._run
    assert plain.train_losses[-1] == min(plain.train_losses)  # still falling
    best = int(np.argmin(plain.test_losses))
    assert 0 < best < len(plain.test_losses) - 1 and plain.test_losses[-1] > 2 * plain.test_losses[best]
    penalised = played(200, regularisation="l2", regularisation_rate=0.01, **settings)._run
    size = [sum(float(np.sum(w**2)) for w in run.network.weights) for run in (plain, penalised)]
    assert size[1] < size[0] / 3
    assert penalised.train_losses[-1] > 2 * plain.train_losses[-1]  # stops short of zero
    assert penalised.test_losses[-1] < 1.1 * min(penalised.test_losses) < plain.test_losses[-1]


def spiral_claim():
    assert percent(played(100, dataset="spiral"), "test accuracy") < 80


# --- lesson 6 -------------------------------------------------------------------------

def lesson_6_shift_claims():
    figure = ethics.DistributionShift()
    accuracy = dict(zip(figure.shifts, figure.accuracies))
    assert accuracy[0.0] == 1.0 and accuracy[8.0] == pytest.approx(0.5, abs=0.01)
    assert accuracy[2.0] == pytest.approx(0.97, abs=0.01) and accuracy[4.0] == pytest.approx(0.77, abs=0.01)
    assert all(accuracy[shift] <= 0.52 for shift in figure.shifts if shift >= 7)


def unequal_errors_claims():
    one = text(ethics.UnequalErrors(threshold=0.5))
    assert "group A (base rate 33%" in one and "group B (base rate 58%" in one
    assert "false positives 9.8%" in one and "false positives 35.1%" in one and "false negatives 21.4%" in one
    equal = ethics.UnequalErrors(threshold=0.5, rule=ethics.EQUAL_FPR)
    assert equal.thresholds()["B"] == pytest.approx(0.79, abs=0.005)
    assert "false positives 9.6%" in text(equal) and "precision 86.1%" in text(equal)
    assert "precision 72.2%" in text(equal) and "false negatives 57.7%" in text(equal)


def membership_claims():
    simple, memorising = text(ethics.Membership(degree=2)), text(ethics.Membership(degree=16))
    assert "training loss 0.929, loss on unseen points 1.14" in simple and "right 53.1%" in simple
    assert "training loss 0.164" in memorising and "right 78.6%" in memorising
    assert 100 <= float(re.search(r"unseen points ([\d.]+)", memorising).group(1)) < 1000


def feedback_claims():
    assert "after 50 rounds thinks 51.10×" in text(ethics.FeedbackLoop(random_fraction=0.0))
    assert ratio_limit(0.1) == pytest.approx(19) and ratio_limit(0.5) == pytest.approx(3)
    assert ratio_limit(0.2) == pytest.approx(9)
    corrected = ethics.FeedbackLoop(random_fraction=0.2, reweight=True)
    assert "thinks 1.00×" in text(corrected)


def compute_claims():
    assert sum(count_parameters([2, 8, 8, 1])) == 105
    assert training_operations([2, 8, 8, 1], 500, 1) == 315_000
    most = training_operations([2, 8, 8, 1], 500, 20_000)
    alexnet = next(run.flop for run in FAMOUS_RUNS if run.name == "AlexNet")
    assert most < 1e10 and 1e7 <= alexnet / most < 1e8
    assert FLOP_PER_JOULE == pytest.approx(3.1e11, rel=0.01)
    gpt3 = megawatt_hours(energy_joules(3.14e23))
    assert gpt3 == pytest.approx(280, abs=1) and 1287 / gpt3 == pytest.approx(4.6, abs=0.05)
    assert "about 280 MWh, 26 years" in text(ethics.TrainingCompute(compare="GPT-3"))


def compute_gridlines_claim():
    (axis,) = ethics.TrainingCompute().plots.object.yaxis
    ticks, minor = axis.ticker.ticks, axis.ticker.minor_ticks
    assert all(later / earlier == pytest.approx(1000) for earlier, later in zip(ticks, ticks[1:]))
    assert all(later / earlier == pytest.approx(10) for earlier, later in zip(minor, minor[1:]))
    assert set(ticks) <= set(minor)


CLAIMS = [
    (LESSON_1, "on two blobs the accuracy reaches 1.00 and stays there; on XOR it swings up and down and never "
               "passes 0.7", perceptron_claims),
    (LESSON_1, "each sigmoid layer divides the gradient reaching the first layer by about 5 (between 1.5 and 9), "
               "so through ten of them about a millionth of it arrives", vanishing_claims),
    (LESSON_1, "AlexNet's 2012 drop is the biggest, and from 2015 the winners make fewer mistakes than the human",
     imagenet_claims),
    (LESSON_2, "the vermilion curve is nearer them overall, and beyond the dots the orange one is wildly off",
     new_points_claims),
    (LESSON_2, "its error there is billions of times the vermilion curve's", billions_claim),
    (LESSON_2, "a higher degree always lowers the training error, but past degree 2 or 3 the held-out errors climb, "
               "and beyond the dots they explode", polynomial_fit_claims),
    (LESSON_2, "At degree 10 the training error is 0.497, the first below 0.5; but beyond the dots its error is "
               "about 4,700, thousands of times degree 2's 0.65", lowest_degree_below_half_claim),
    (LESSON_2, "Vancouver's accuracy falls from 1.00 to 0.66; training on both cities holds it above 0.9",
     lesson_2_shift_claims),
    (LESSON_3, "the curve straightens and the best line's error falls by half", stretch_claims),
    (LESSON_3, "With no hidden layer the network can only draw a line; with one or two neurons it struggles; from "
               "three neurons up it wraps the inner ring", diagram_claims),
    (LESSON_3, "= 9 ~ 0 :: 2 × 3 lines into the hidden layer and 3 × 1 out of it: 6 + 3 = 9. With its 4 biases it "
               "learns 13 numbers", weights_quiz_claim),
    (LESSON_3, "the inner ring is squeezed into a small bunch near one corner of the box, while the outer ring is "
               "spread round the others", rings_in_3d_claims),
    (LESSON_3, "a few steps can't follow three waves, but with enough of them the error falls to the level of the "
               "noise", wide_layer_claims),
    (LESSON_3, "until the output is the inner disc", hierarchy_claims),
    (LESSON_3, "in the last layer, a straight line separates the two arms", morphing_claims),
    (LESSON_4, "No, the lowest it gets is about 4.7", landscape_quiz_claims),
    (LESSON_4, "The point is at slope −3, where the gradient is (−88.6, 14.5)", gradient_quiz_claims),
    (LESSON_4, "once it passes a million (within the 100 steps from a rate of about 0.118)", regime_claims),
    (LESSON_4, "it still ends near the blue full-batch path and the cross", stochastic_claims),
    (LESSON_4, "around 0.7 its swings die out fast and it reaches the floor in a fifth of the steps; near 0.99 it "
               "swings back and forth for hundreds of steps", momentum_claims),
    (LESSON_4, "at 0.12 gradient descent diverges and at 0.3 momentum does too, while RMSProp and Adam, whose steps "
               "stay within a few learning rates, never blow up. But at 0.01 they crawl", race_claims),
    (LESSON_4, "in this race RMSProp's are at most 3.2 learning rates long, Adam's at most one", step_size_claims),
    (LESSON_4, "about 3 times the learning rate (√10, with the usual decay of 0.9)", step_size_claims),
    (LESSON_4, "Its first step is exactly the learning rate long", step_size_claims),
    (LESSON_4, "has gradient ∂L/∂w = −0.0285", backprop_quiz_claims),
    (LESSON_5, "the output (right) starts as a blur and becomes a ring", play_claims),
    (LESSON_5, "at most 25 steps: one or more whole epochs", beat_claims),
    (LESSON_5, "The loss curves show the error on the points alone, without that penalty", penalty_claims),
    (LESSON_5, "If training diverges, it says at which step and why", divergence_readout_claim),
    (LESSON_5, "it stays stuck near 50% accuracy however long it trains", no_hidden_layer_claims),
    (LESSON_5, "Eight neurons in two layers, and still stuck near chance", linear_activation_claim),
    (LESSON_5, "xy is positive in exactly the orange quadrants, so one weight is enough", xor_claim),
    (LESSON_5, "with relu, every neuron of the second layer soon falls silent and the network sticks at chance, "
               "and the easy blobs are learned anyway", break_it_claims),
    (LESSON_5, "The training loss keeps falling but the test loss turns around and climbs", over_fit_claims),
    (LESSON_5, "With x and y alone it is hard", spiral_claim),
    (LESSON_6, "At shift 2 the model still gets about 97% right; at 4, about 77%; from 7 on it is close to guessing "
               "(52% or less). The test set we held out in the training city would have told us 100%",
     lesson_6_shift_claims),
    (LESSON_6, "At a threshold of 0.5, 10% of group A's negatives are flagged, against 35% of group B's",
     unequal_errors_claims),
    (LESSON_6, "B's threshold moves up to about 0.79 until both groups have about 10%. But now a flag is right 86% "
               "of the time in B and 72% in A, and B's false negatives jump from 21% to 58%", unequal_errors_claims),
    (LESSON_6, "At degree 16 the training loss is 0.16 and the unseen loss is in the hundreds, and the guess is "
               "right 79% of the time", membership_claims),
    (LESSON_6, "19 times at 10% random, 3 times at 50%", feedback_claims),
    (LESSON_6, "to 51 times the truth after 50 rounds", feedback_claims),
    (LESSON_6, "That is 6 × 105 × 500 = 315,000 operations a step", compute_claims),
    (LESSON_6, "even 20,000 steps stays below 10<sup>10</sup> operations, tens of millions of times less than "
               "AlexNet", compute_claims),
    (LESSON_6, "estimated 1,287 MWh: about 4.6 times more", compute_claims),
    (LESSON_6, "each gridline up the chart below is a thousand times more than the one under it, and each small "
               "tick between them ten times more", compute_gridlines_claim),
]


@pytest.mark.parametrize(("slug", "quote", "check"), CLAIMS, ids=[f"{s}:{q[:40]}" for s, q, _ in CLAIMS])
def test_the_lesson_states_what_its_figure_computes(slug, quote, check):
    lesson = " ".join(lesson_text(lesson_by_slug(slug)).split())  # line breaks read as spaces
    assert quote in lesson, f"{slug} no longer says: {quote}"
    check()


def test_every_figure_that_trains_either_cannot_diverge_or_says_so():
    """The lesson-3 networks train at fixed rates: none of their states diverges.
    The descent figures that can diverge say so in words (tested in test_learning)."""
    for neurons in range(1, 9):
        for layers in range(0, 5):
            assert networks.rings_run((2,) + (neurons,) * layers + (1,)).divergence is None
    assert networks.rings_run(networks.DEEP_SIZES, networks.DEEP_STEPS).divergence is None
    run = networks.spiral_training()
    run.train_to(1000)
    assert run.divergence is None
    x, y = learning.seed_line()
    for batch_size in (1, 2, 5, 50):
        for draw in range(10):
            path = descent_path(x, y, learning.START, learning.SGD_RATE, learning.SGD_STEPS, batch_size=batch_size,
                                seed=draw)
            assert path.divergence is None
    for beta in np.linspace(0, 0.99, 12):
        for rate in (0.005, 0.02, 0.039):
            assert valley_path(learning.VALLEY_START, rate, learning.VALLEY_STEPS, "momentum", beta=beta).divergence \
                is None
