"""Training a network: one optimiser step on a batch, the minibatches of an
epoch, and a training run that takes its steps reproducibly, records its losses
and stops, saying why, when it diverges.

A run is a function of its settings and its step count: step s trains on batch
s mod b of epoch s // b (b batches per epoch, shuffled with seed + epoch), so the
network after n steps is the same however the steps were grouped into calls.
"""

import math
from typing import NamedTuple

import numpy as np

from .activations import ACTIVATIONS
from .checks import finite_array, labels_0_or_1, layer_size_list, number, one_of, positive_int, same_length
from .losses import BINARY_CROSS_ENTROPY, PENALTIES
from .network import Network, accuracy, backward_pass, init_network, loss_value
from .optimisers import Divergence, Diverged, checked
from .optimisers import step as optimiser_step

DIVERGENCE_FACTOR = 5.0
"""A run has diverged once its training loss is more than this many times its loss at step 0."""


def minibatches(size, batch_size, seed):
    """Shuffle the row numbers 0 … size-1 and cut them into batches of
    `batch_size` (the last may be smaller); return the list of index arrays."""
    size, batch_size = positive_int("size", size), positive_int("batch_size", batch_size)
    order = np.random.default_rng(positive_int("seed", seed, minimum=0)).permutation(size)
    return [order[start:start + batch_size] for start in range(0, size, batch_size)]


def steps_per_epoch(size, batch_size):
    """Return how many steps of `batch_size` points (the last may be fewer) one pass over `size` points takes."""
    return math.ceil(positive_int("size", size) / positive_int("batch_size", batch_size))


def train_step(network, inputs, targets, optimiser_state, optimiser, learning_rate,
               loss=BINARY_CROSS_ENTROPY, penalty="none", penalty_rate=0.0, **settings):
    """Take one optimiser step on this batch; return (network, optimiser_state).
    Pass optimiser_state=None on the first step to start the optimiser afresh;
    `settings` are the optimiser's own, such as beta for momentum. Raises Diverged
    instead of handing on a loss or weights that are not finite numbers."""
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is caught just below, in words
        passed = backward_pass(network, inputs, targets, loss, penalty, penalty_rate)
    if not math.isfinite(passed.loss):
        raise Diverged("the loss grew too large for a number to hold")
    layers = len(network.weights)
    params, optimiser_state = optimiser_step(
        optimiser, network.weights + network.biases, passed.weight_gradients + passed.bias_gradients,
        optimiser_state, learning_rate, **settings)
    return Network(params[:layers], params[layers:], network.activations), optimiser_state


class Task(NamedTuple):
    """What the network predicts: its output activation and the loss it is trained on."""

    name: str
    output_activation: str
    loss: str


CLASSIFICATION = Task("classification", "sigmoid", "binary_cross_entropy")
REGRESSION = Task("regression", "linear", "mean_squared_error")
TASKS = {task.name: task for task in (CLASSIFICATION, REGRESSION)}


class Record(NamedTuple):
    """A run at one of its records: the network, the optimiser's memory, and the losses there."""

    network: Network
    optimiser_state: object
    train_loss: float
    test_loss: float  # NaN when the run has no test points


class TrainingRun:
    """A network (inputs, then `hidden_sizes`, then one output) trained on
    (train_inputs, train_targets) by `optimiser`, `batch_size` points a step (all
    of them if None), from starting weights drawn with `seed`.

    At step 0, and every `record_every` steps (one epoch unless given), it records
    the network and its training loss (and test loss, given test points). It stops
    with `divergence` (the step, and why) once a step's loss or weights stop being
    finite numbers or a recorded training loss passes DIVERGENCE_FACTOR times the
    first; `network` is then the network of the last record.
    `train_to` goes on from where the run is, or back to a record.
    """

    def __init__(self, train_inputs, train_targets, hidden_sizes=(), *, test_inputs=None, test_targets=None,
                 activation="tanh", task="classification", optimiser="gradient_descent", learning_rate=0.1,
                 batch_size=None, penalty="none", penalty_rate=0.0, seed=0, record_every=None, **settings):
        self.task = one_of("task", task, TASKS)
        self.train_inputs, self.train_targets = self._data("train", train_inputs, train_targets)
        if (test_inputs is None) != (test_targets is None):
            raise ValueError("test_inputs and test_targets must be given together")
        self.test_inputs, self.test_targets = (None, None) if test_inputs is None else \
            self._data("test", test_inputs, test_targets)
        if self.test_inputs is not None and self.test_inputs.shape[1] != self.train_inputs.shape[1]:
            raise ValueError("test_inputs must have as many columns as train_inputs")
        hidden_sizes = layer_size_list("hidden_sizes", hidden_sizes, layers=0)
        self.activation = one_of("activation", activation, ACTIVATIONS).name
        self.optimiser, self.learning_rate, self.settings = checked(optimiser, learning_rate, settings)
        size = len(self.train_inputs)
        self.batch_size = size if batch_size is None else min(positive_int("batch_size", batch_size), size)
        self.penalty = one_of("penalty", penalty, PENALTIES).name
        self.penalty_rate = number("penalty_rate", penalty_rate, at_least=0)
        self.seed = positive_int("seed", seed, minimum=0)
        self.steps_per_epoch = steps_per_epoch(size, self.batch_size)
        self.record_every = (self.steps_per_epoch if record_every is None
                             else positive_int("record_every", record_every))
        self.layer_sizes = [self.train_inputs.shape[1], *hidden_sizes, 1]
        self.network = init_network(self.layer_sizes, seed=self.seed, hidden_activation=self.activation,
                                    output_activation=self.task.output_activation)
        self._optimiser_state = None
        self.step = 0
        self.divergence = None
        self._epoch, self._batches = None, None
        self._records = {}
        self._record()

    def _data(self, which, inputs, targets):
        inputs = finite_array(f"{which}_inputs", inputs, ndim=2)
        targets = (labels_0_or_1 if self.task is CLASSIFICATION else finite_array)(f"{which}_targets", targets)
        if targets.ndim != 1:
            raise ValueError(f"{which}_targets must be 1-dimensional, got shape {targets.shape}")
        same_length(f"{which}_inputs", inputs, f"{which}_targets", targets)
        return inputs, targets

    @property
    def epoch(self):
        """Epochs trained so far: steps over batches per epoch (fractional)."""
        return self.step / self.steps_per_epoch

    @property
    def record_steps(self):
        """The step of each record so far, in order."""
        return sorted(self._records)

    @property
    def train_losses(self):
        """The training loss at each record so far."""
        return [self._records[step].train_loss for step in self.record_steps]

    @property
    def test_losses(self):
        """The test loss at each record so far (NaN without test points)."""
        return [self._records[step].test_loss for step in self.record_steps]

    def record_epochs(self):
        """The epoch of each record, for plotting the losses against epochs."""
        return [step / self.steps_per_epoch for step in self.record_steps]

    def train_to(self, step):
        """Train until `step` steps are taken or the run diverges; to an earlier step,
        go back to the last record at or before it and train on from there. Return
        the step reached."""
        step = positive_int("step", step, minimum=0)
        if step < self.step:
            start = max(saved for saved in self._records if saved <= step)
            record = self._records[start]
            self.network, self._optimiser_state, self.step = record.network, record.optimiser_state, start
            self._records = {saved: kept for saved, kept in self._records.items() if saved <= start}
            self.divergence = None
        self.advance(step - self.step)
        return self.step

    def advance(self, count):
        """Take up to `count` more steps, fewer if the run diverges; return how many it took."""
        count = positive_int("count", count, minimum=0)
        taken = 0
        while taken < count and self.divergence is None:
            self.step += 1
            taken += 1
            try:
                self.network, self._optimiser_state = train_step(
                    self.network, *self._batch(self.step - 1), self._optimiser_state, self.optimiser,
                    self.learning_rate, self.task.loss, self.penalty, self.penalty_rate, **self.settings)
            except Diverged as diverged:
                self._stop(diverged.reason)
                break
            if self.step % self.record_every == 0:
                self._record()
        return taken

    def losses(self):
        """(training loss, test loss) of `network`; the test loss is NaN without test points."""
        shown = max(self._records, default=self.step) if self.divergence is not None else self.step
        if shown in self._records:
            return self._records[shown].train_loss, self._records[shown].test_loss
        return self._losses(self.network)

    def test_accuracy(self):
        """The fraction of test points the network classifies right (classification only)."""
        if self.task is not CLASSIFICATION or self.test_inputs is None:
            raise ValueError("test_accuracy needs a classification run with test points")
        return accuracy(self.network, self.test_inputs, self.test_targets)

    def _batch(self, step):
        """(inputs, targets) of the batch that step `step` (counting from 0) trains on."""
        if self.batch_size == len(self.train_inputs):
            return self.train_inputs, self.train_targets
        epoch, batch = divmod(step, self.steps_per_epoch)
        if epoch != self._epoch:
            self._epoch = epoch
            self._batches = minibatches(len(self.train_inputs), self.batch_size, self.seed + epoch)
        rows = self._batches[batch]
        return self.train_inputs[rows], self.train_targets[rows]

    def _losses(self, network):
        with np.errstate(over="ignore", invalid="ignore"):  # a loss too large to hold is infinite: caught by _record
            train = loss_value(network, self.train_inputs, self.train_targets, self.task.loss)
            test = (math.nan if self.test_inputs is None
                    else loss_value(network, self.test_inputs, self.test_targets, self.task.loss))
        return train, test

    def _record(self):
        train, test = self._losses(self.network)
        if not (math.isfinite(train) and (self.test_inputs is None or math.isfinite(test))):
            self._stop("the loss grew too large for a number to hold")
            return
        self._records[self.step] = Record(self.network, self._optimiser_state, train, test)
        if train > DIVERGENCE_FACTOR * self._records[0].train_loss:
            self._stop(f"the training loss grew to more than {DIVERGENCE_FACTOR:g} times where it started")

    def _stop(self, reason):
        """Diverged at this step: stop, and hand on the network of the last record."""
        self.divergence = Divergence(self.step, reason)
        if self._records:
            self.network = self._records[max(self._records)].network
