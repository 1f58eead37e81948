"""Lesson 1's story as data: the fields, the milestones by year, ImageNet's falling error."""

import pytest

from dlviz.core.history import (
    FIELDS, HUMAN_ERROR, IMAGENET_WINNERS, MILESTONES, fields_around, imagenet_result, milestones_by,
)


def test_deep_learning_lies_inside_machine_learning_inside_ai():
    assert fields_around("Deep learning") == ["Machine learning", "Artificial intelligence"]
    assert fields_around("Machine learning") == ["Artificial intelligence"]
    assert fields_around("Artificial intelligence") == []
    assert list(FIELDS)[0] == "Artificial intelligence"


def test_the_milestones_by_a_year_are_those_up_to_it_in_order():
    assert milestones_by(1957) == []
    assert [year for year, _, _ in milestones_by(1986)] == [1958, 1969, 1986]
    assert milestones_by(2100) == MILESTONES
    assert [year for year, _, _ in MILESTONES] == sorted(year for year, _, _ in MILESTONES)


@pytest.mark.parametrize("year", [winner[0] for winner in IMAGENET_WINNERS])
def test_each_years_fall_is_the_difference_from_the_year_before(year):
    errors = {winner[0]: winner[2] for winner in IMAGENET_WINNERS}
    name, error, fall = imagenet_result(year)
    assert (year, name, error) in IMAGENET_WINNERS
    assert fall == (None if year == 2010 else pytest.approx(errors[year - 1] - error))


def test_the_first_winner_below_human_error_is_resnet():
    below = [imagenet_result(year) for year, _, error in IMAGENET_WINNERS if error < HUMAN_ERROR]
    assert below[0][:2] == ("ResNet", 3.57)
