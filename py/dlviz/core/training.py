"""Training a classifier for a given number of steps, reproducibly.

Every step uses all the points (full batch), so N steps from the same start
always end at the same weights, and N + M steps can continue from N:
figures keep what they trained and carry on from there.
"""

import numpy as np

from .checks import in_range, positive_int
from .network import init_network, train_step


def train_classifier(network, inputs, labels, steps, learning_rate=0.1, optimiser="adam",
                     optimiser_state=None):
    """Take `steps` optimiser steps on all of (inputs, labels) with binary
    cross-entropy; return (network, optimiser_state) to carry on from later."""
    steps = positive_int("steps", steps, minimum=0)
    learning_rate = in_range("learning_rate", learning_rate, 0, np.inf)
    for _ in range(steps):
        network, optimiser_state = train_step(network, inputs, labels, optimiser_state, optimiser,
                                              learning_rate)
    return network, optimiser_state


def trained_classifier(layer_sizes, inputs, labels, steps, seed=0, learning_rate=0.1,
                       hidden_activation="tanh"):
    """A network with `layer_sizes` (sigmoid output) started from `seed` and
    trained for `steps` full-batch Adam steps on (inputs, labels)."""
    network = init_network(layer_sizes, seed=seed, hidden_activation=hidden_activation)
    return train_classifier(network, inputs, labels, steps, learning_rate)[0]


class TrainingRun:
    """One network's training, remembered at every step count asked for, so
    asking again (or for more steps) costs only the steps not yet taken."""

    def __init__(self, network, inputs, labels, learning_rate=0.1):
        self.inputs, self.labels, self.learning_rate = inputs, labels, learning_rate
        self.saved = {0: (network, None)}

    def after(self, steps):
        """The network after `steps` steps of training."""
        steps = positive_int("steps", steps, minimum=0)
        start = max(saved for saved in self.saved if saved <= steps)
        network, state = self.saved[start]
        if start < steps:
            network, state = train_classifier(network, self.inputs, self.labels, steps - start,
                                              self.learning_rate, optimiser_state=state)
            self.saved[steps] = (network, state)
        return network
