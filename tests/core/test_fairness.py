import math

import numpy as np
import pytest

from dlviz.core.fairness import (
    Confusion, calibrated_group, confusion_counts, group_rates, rates,
    score_histogram, threshold_for_false_positive_rate,
)

SCORES = np.array([0.1, 0.4, 0.35, 0.8, 0.9, 0.6, 0.2, 0.7])
LABELS = np.array([0, 0, 1, 1, 1, 0, 0, 1])


@pytest.fixture(scope="module")
def groups():
    return calibrated_group(1000, -1.0, seed=1), calibrated_group(1000, 0.5, seed=2)


def test_confusion_counts_by_hand():
    # flagged (>= 0.5): 0.8, 0.9, 0.6, 0.7 -> labels 1, 1, 0, 1
    assert confusion_counts(SCORES, LABELS, 0.5) == Confusion(3, 1, 3, 1)
    assert confusion_counts(SCORES, LABELS, 0.0) == Confusion(4, 4, 0, 0)


def test_rates_from_counts():
    r = rates(Confusion(true_positives=3, false_positives=1, true_negatives=3, false_negatives=1))
    assert r.false_positive_rate == 1 / 4 and r.false_negative_rate == 1 / 4
    assert r.precision == 3 / 4 and r.accuracy == 6 / 8 and r.base_rate == 4 / 8 and r.flagged == 4 / 8
    assert math.isnan(rates(Confusion(0, 0, 5, 0)).precision)  # nobody flagged


def test_calibrated_group_is_calibrated_and_sets_the_base_rate(groups):
    (scores_a, labels_a), (scores_b, labels_b) = groups
    big_scores, big_labels = calibrated_group(200_000, 0.0, seed=5)
    middle = (big_scores > 0.6) & (big_scores < 0.8)
    assert abs(big_labels[middle].mean() - big_scores[middle].mean()) < 0.01
    assert labels_a.mean() < 0.4 < 0.5 < labels_b.mean()


def test_one_threshold_gives_the_groups_different_error_rates(groups):
    a, b = (group_rates(*group, 0.5) for group in groups)
    assert b.false_positive_rate > a.false_positive_rate + 0.15  # the higher base rate: more false positives
    assert a.false_negative_rate > b.false_negative_rate + 0.15  # the lower: more false negatives
    assert abs(a.precision - b.precision) < 0.06  # calibrated scores: precision close


def test_equal_false_positive_rates_make_precision_differ(groups):
    a = group_rates(*groups[0], 0.5)
    threshold_b = threshold_for_false_positive_rate(*groups[1], a.false_positive_rate)
    b = group_rates(*groups[1], threshold_b)
    assert abs(b.false_positive_rate - a.false_positive_rate) < 0.01
    assert b.precision > a.precision + 0.1


def test_threshold_for_false_positive_rate_hits_the_target_from_below():
    scores, labels = calibrated_group(500, 0.0, seed=4)
    for target in (0.0, 0.1, 0.25, 0.5, 1.0):
        threshold = threshold_for_false_positive_rate(scores, labels, target)
        negatives = np.sum(labels == 0)
        achieved = group_rates(scores, labels, threshold).false_positive_rate
        assert achieved <= target + 1e-12 and achieved > target - 1 / negatives - 1e-12


def test_chouldechova_identity_holds_for_any_counts(groups):
    for scores, labels in groups:
        for threshold in (0.2, 0.5, 0.8):
            r = group_rates(scores, labels, threshold)
            p = r.base_rate  # Chouldechova's identity, from any confusion counts
            assert p / (1 - p) * (1 - r.precision) / r.precision * (1 - r.false_negative_rate) == pytest.approx(
                r.false_positive_rate)


def test_score_histogram_counts_everyone():
    edges, negatives, positives = score_histogram(SCORES, LABELS, bins=10)
    assert len(edges) == 11 and negatives.sum() == 4 and positives.sum() == 4
    assert negatives[1] == 1 and positives[9] == 1  # 0.1 and 0.9 each in its own bin


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="labels must be 0 or 1"):
        confusion_counts([0.5], [2], 0.5)
    with pytest.raises(ValueError, match="threshold"):
        confusion_counts([0.5], [1], float("nan"))
    with pytest.raises(ValueError, match="target"):
        threshold_for_false_positive_rate(SCORES, LABELS, 1.5)
    with pytest.raises(ValueError, match="scores and labels"):
        group_rates([0.1, 0.2], [1], 0.5)
    with pytest.raises(ValueError, match="size"):
        calibrated_group(0, 0.0, seed=1)
    with pytest.raises(ValueError, match="counts"):
        rates(Confusion(0, 0, 0, 0))
