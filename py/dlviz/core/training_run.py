"""A training run: a network learning from fixed data one minibatch step at a
time, recording its losses and stopping if it diverges. The playground's model.

A run is a function of its settings and its step count: step s trains on batch
s mod b of epoch s // b (b batches per epoch, shuffled with seed + epoch), so the
network after n steps is the same however the steps were grouped into calls.
"""

import math
from typing import NamedTuple

import numpy as np

from .activations import ACTIVATIONS
from .checks import finite_array, in_range, one_of, positive_int, same_length
from .losses import PENALTIES
from .network import accuracy, init_network, loss_value, minibatches, train_step

DIVERGENCE_FACTOR = 5.0
"""A run has diverged once its training loss is more than this many times its loss at step 0."""


class Task(NamedTuple):
    """What the network predicts: its output activation and the loss it is trained on."""

    name: str
    output_activation: str
    loss: str


CLASSIFICATION = Task("classification", "sigmoid", "binary_cross_entropy")
REGRESSION = Task("regression", "linear", "mean_squared_error")
TASKS = {task.name: task for task in (CLASSIFICATION, REGRESSION)}


class TrainingRun:
    """A network (inputs, then `hidden_sizes`, then one output) trained with
    minibatch gradient descent on (train_inputs, train_targets).

    Every `record_every` steps (one epoch unless given), and at step 0, it
    records the training and test loss in `record_steps`, `train_losses` and
    `test_losses`. If a recorded loss is not finite or exceeds
    DIVERGENCE_FACTOR times the loss at step 0, `diverged` becomes True and the
    run takes no more steps. Divergence is only looked for at records, so
    between them the network may already hold infinities.
    """

    def __init__(self, train_inputs, train_targets, test_inputs, test_targets, hidden_sizes,
                 activation="tanh", task="classification", learning_rate=0.1, batch_size=10,
                 penalty="none", penalty_rate=0.0, seed=0, record_every=None):
        self.train_inputs = finite_array("train_inputs", train_inputs, ndim=2)
        self.train_targets = finite_array("train_targets", train_targets, ndim=1)
        self.test_inputs = finite_array("test_inputs", test_inputs, ndim=2)
        self.test_targets = finite_array("test_targets", test_targets, ndim=1)
        same_length("train_inputs", self.train_inputs, "train_targets", self.train_targets)
        same_length("test_inputs", self.test_inputs, "test_targets", self.test_targets)
        if self.test_inputs.shape[1] != self.train_inputs.shape[1]:
            raise ValueError("test_inputs must have as many columns as train_inputs")
        self.task = one_of("task", task, TASKS)
        self.activation = one_of("activation", activation, ACTIVATIONS).name
        self.learning_rate = in_range("learning_rate", learning_rate, 0, math.inf)
        self.batch_size = positive_int("batch_size", batch_size)
        self.penalty = one_of("penalty", penalty, PENALTIES).name
        self.penalty_rate = in_range("penalty_rate", penalty_rate, 0, math.inf)
        self.seed = positive_int("seed", seed, minimum=0)
        self.steps_per_epoch = math.ceil(len(self.train_inputs) / self.batch_size)
        self.record_every = (self.steps_per_epoch if record_every is None
                             else positive_int("record_every", record_every))
        sizes = [self.train_inputs.shape[1], *hidden_sizes, 1]
        self.network = init_network(sizes, seed=self.seed, hidden_activation=self.activation,
                                    output_activation=self.task.output_activation)
        self.layer_sizes = sizes
        self._last_sound_network = self.network
        self.step = 0
        self.diverged = False
        self.record_steps, self.train_losses, self.test_losses = [], [], []
        self._optimiser_state = None
        self._epoch, self._batches = None, None
        self._record()

    @property
    def sound_network(self):
        """The network now, or once the run has diverged, the network of the last record before."""
        return self._last_sound_network if self.diverged else self.network

    @property
    def epoch(self):
        """Epochs trained so far: steps over batches per epoch (fractional)."""
        return self.step / self.steps_per_epoch

    def advance(self, count):
        """Take up to `count` more steps, fewer if the run diverges; return how many it took."""
        count = positive_int("count", count, minimum=0)
        taken = 0
        with np.errstate(all="ignore"):  # a diverging run overflows on its way; _record catches it
            while taken < count and not self.diverged:
                self._take_step()
                taken += 1
                if self.step % self.record_every == 0:
                    self._record()
        return taken

    def train_to(self, step):
        """Train on until `step` steps are taken (or the run diverges); return the step reached."""
        step = positive_int("step", step, minimum=0)
        if step < self.step:
            raise ValueError(f"step must be >= the {self.step} steps already taken, got {step}")
        self.advance(step - self.step)
        return self.step

    def test_accuracy(self):
        """The fraction of test points the network classifies right (classification only)."""
        if self.task is not CLASSIFICATION:
            raise ValueError(f"accuracy needs a classification task, this run is {self.task.name}")
        with np.errstate(all="ignore"):
            return accuracy(self.sound_network, self.test_inputs, self.test_targets)

    def losses(self):
        """(training loss, test loss) of `sound_network`, as recorded if the run is at a record."""
        if not self.diverged and self.record_steps[-1] == self.step:
            return self.train_losses[-1], self.test_losses[-1]
        with np.errstate(all="ignore"):
            return tuple(
                loss_value(self.sound_network, inputs, targets, self.task.loss)
                for inputs, targets in ((self.train_inputs, self.train_targets),
                                        (self.test_inputs, self.test_targets))
            )

    def record_epochs(self):
        """The epoch of each record, for plotting the losses against epochs."""
        return [step / self.steps_per_epoch for step in self.record_steps]

    def _take_step(self):
        epoch, batch = divmod(self.step, self.steps_per_epoch)
        if epoch != self._epoch:
            self._epoch = epoch
            self._batches = minibatches(len(self.train_inputs), self.batch_size, self.seed + epoch)
        rows = self._batches[batch]
        self.network, self._optimiser_state = train_step(
            self.network, self.train_inputs[rows], self.train_targets[rows], self._optimiser_state,
            "gradient_descent", self.learning_rate, loss=self.task.loss, penalty=self.penalty,
            penalty_rate=self.penalty_rate,
        )
        self.step += 1

    def _record(self):
        train = loss_value(self.network, self.train_inputs, self.train_targets, self.task.loss)
        test = loss_value(self.network, self.test_inputs, self.test_targets, self.task.loss)
        if not (math.isfinite(train) and math.isfinite(test)):
            self.diverged = True
            return
        self.record_steps.append(self.step)
        self.train_losses.append(train)
        self.test_losses.append(test)
        if train > DIVERGENCE_FACTOR * self.train_losses[0]:
            self.diverged = True
        else:
            self._last_sound_network = self.network
