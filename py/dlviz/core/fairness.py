"""Unequal errors: one classifier, two groups of people, different base rates.

A risk score s in (0, 1) is given to each person; the classifier flags those
with s >= threshold. Its mistakes are counted per group: a false positive flags
someone who is in fact negative, a false negative misses someone who is positive.

The scores here are *calibrated* in both groups: among people scored s, a
fraction s are positive, whatever their group. When the groups' base rates (the
fraction who are positive) differ, such a score cannot also give both groups
equal false-positive and false-negative rates (Chouldechova 2017; Kleinberg,
Mullainathan & Raghavan 2016). Why: for any confusion counts,
FPR = p / (1 - p) · (1 - PPV) / PPV · (1 - FNR), with base rate p and precision
PPV, so two groups with equal precision and equal FNR but different base rates
must have different false-positive rates.
"""

import math
from typing import NamedTuple

import numpy as np

from .activations import SIGMOID
from .checks import finite_array, labels_0_or_1, number, positive_int, same_length


class Confusion(NamedTuple):
    """How many people the classifier got right and wrong, by kind."""

    true_positives: int
    false_positives: int
    true_negatives: int
    false_negatives: int


class Rates(NamedTuple):
    """A group's error rates and the like, each a fraction in [0, 1] (NaN when its
    denominator is 0)."""

    false_positive_rate: float  # FP / (FP + TN): negatives wrongly flagged
    false_negative_rate: float  # FN / (FN + TP): positives missed
    precision: float  # TP / (TP + FP): flagged people who are positive
    accuracy: float  # (TP + TN) / everyone
    base_rate: float  # (TP + FN) / everyone: the fraction who are positive
    flagged: float  # (TP + FP) / everyone


def calibrated_group(size, mean_risk, seed, spread=1.5):
    """Return (scores, labels) for `size` people: each has a hidden risk factor
    z ~ Normal(mean_risk, spread), a score s = sigmoid(z), and a label that is 1
    with probability s. A higher mean_risk gives a higher base rate; the score
    is calibrated by construction."""
    size = positive_int("size", size)
    mean_risk = number("mean_risk", mean_risk)
    spread = number("spread", spread, at_least=0)
    rng = np.random.default_rng(positive_int("seed", seed, minimum=0))
    scores = SIGMOID.output(rng.normal(mean_risk, spread, size))
    labels = (rng.uniform(0, 1, size) < scores).astype(int)
    return scores, labels


def confusion_counts(scores, labels, threshold):
    """Return the Confusion of flagging everyone with score >= `threshold`."""
    scores, labels = _scores_and_labels(scores, labels)
    threshold = number("threshold", threshold)
    flagged, positive = scores >= threshold, labels == 1
    return Confusion(
        true_positives=int(np.sum(flagged & positive)),
        false_positives=int(np.sum(flagged & ~positive)),
        true_negatives=int(np.sum(~flagged & ~positive)),
        false_negatives=int(np.sum(~flagged & positive)),
    )


def rates(counts):
    """Return the Rates of a Confusion."""
    if not isinstance(counts, Confusion) or min(counts) < 0:
        raise ValueError(f"counts must be a Confusion of counts >= 0, got {counts!r}")
    tp, fp, tn, fn = counts
    everyone = tp + fp + tn + fn
    if everyone == 0:
        raise ValueError("counts must count at least one person")
    return Rates(
        false_positive_rate=_ratio(fp, fp + tn),
        false_negative_rate=_ratio(fn, fn + tp),
        precision=_ratio(tp, tp + fp),
        accuracy=(tp + tn) / everyone,
        base_rate=(tp + fn) / everyone,
        flagged=(tp + fp) / everyone,
    )


def group_rates(scores, labels, threshold):
    """Return the Rates of flagging scores >= `threshold`."""
    return rates(confusion_counts(scores, labels, threshold))


def threshold_for_false_positive_rate(scores, labels, target):
    """Return the lowest threshold among the scores whose false-positive rate is at
    most `target`: the threshold that gives this group (about) the wanted rate."""
    scores, labels = _scores_and_labels(scores, labels)
    target = number("target", target, at_least=0, at_most=1)
    negatives = np.sort(scores[labels == 0])[::-1]  # highest first
    if negatives.size == 0:
        raise ValueError("labels must include at least one negative (0)")
    allowed = int(math.floor(target * negatives.size + 1e-9))  # negatives that may be flagged
    if allowed >= negatives.size:
        return float(np.min(scores))
    # flag strictly above the (allowed + 1)-th highest negative score
    return float(np.nextafter(negatives[allowed], np.inf))


def score_histogram(scores, labels, bins=20):
    """Count the negatives and the positives in `bins` equal bins of [0, 1];
    return (edges, negative_counts, positive_counts), edges of length bins + 1."""
    scores, labels = _scores_and_labels(scores, labels)
    edges = np.linspace(0, 1, positive_int("bins", bins) + 1)
    negatives, _ = np.histogram(scores[labels == 0], edges)
    positives, _ = np.histogram(scores[labels == 1], edges)
    return edges, negatives, positives


def _ratio(part, whole):
    return part / whole if whole else math.nan


def _scores_and_labels(scores, labels):
    scores, labels = finite_array("scores", scores, ndim=1), labels_0_or_1("labels", labels)
    same_length("scores", scores, "labels", labels)
    return scores, labels

