import pytest

from dlviz.core.generalisation import beyond_the_data, between_and_beyond


def test_between_and_beyond():
    between, outside = between_and_beyond([0.0, 2.0, 1.0, 3.0], beyond=2)
    assert between.tolist() == [0.5, 1.5, 2.5]
    assert outside.tolist() == [-1.0, -2.0, 4.0, 5.0]
    assert between_and_beyond([0.0, 1.0], beyond=0)[1].size == 0


def test_beyond_the_data():
    assert beyond_the_data([0.0, 1.0, 2.0], [-0.5, 0.0, 1.5, 2.0, 2.1]).tolist() == [True, False, False, False, True]
    assert beyond_the_data([0.0, 1.0], []).size == 0


@pytest.mark.parametrize(("call", "name"), [
    (lambda: between_and_beyond([1.0]), "x"),
    (lambda: between_and_beyond([1.0, 2.0], beyond=-1), "beyond"),
    (lambda: beyond_the_data([], [1.0]), "x_train"),
])
def test_rejects_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()
