import pytest

from dlviz.core.compute import (
    FAMOUS_RUNS, FLOP_PER_JOULE, energy_joules, home_years, megawatt_hours, training_operations,
)


def test_famous_runs_are_in_order_and_growing():
    years = [run.year for run in FAMOUS_RUNS]
    flops = [run.flop for run in FAMOUS_RUNS]
    assert years == sorted(years)
    assert all(later > earlier for earlier, later in zip(flops, flops[1:]))
    assert {run.name: run.flop for run in FAMOUS_RUNS}["GPT-3"] == 3.14e23  # Brown et al. 2020
    assert {run.name: run.flop for run in FAMOUS_RUNS}["AlexNet"] == 4.7e17


def test_estimates_from_the_six_n_d_rule():
    flops = {run.name: run.flop for run in FAMOUS_RUNS}
    assert flops["Chinchilla"] == pytest.approx(6 * 70e9 * 1.4e12, rel=0.01)
    assert flops["PaLM"] == pytest.approx(6 * 540e9 * 780e9, rel=0.02)


def test_training_operations_is_six_per_parameter_per_example_per_step():
    parameters = (2 + 1) * 8 + (8 + 1) * 8 + (8 + 1) * 1  # 105
    for steps in (1, 100, 20000):
        assert training_operations([2, 8, 8, 1], 500, steps) == 6 * parameters * 500 * steps


def test_energy_under_the_stated_assumptions():
    assert FLOP_PER_JOULE == pytest.approx(312e12 * 0.4 / 400)
    joules = energy_joules(3.14e23)
    assert megawatt_hours(joules) == pytest.approx(279.6, rel=0.001)
    assert home_years(joules) == pytest.approx(279.6e3 / 10715, rel=0.001)
    assert energy_joules(1e12, flop_per_joule=1e12) == 1.0


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="steps"):
        training_operations([2, 1], 10, 0)
    with pytest.raises(ValueError, match="flop"):
        energy_joules(-1.0)
    with pytest.raises(ValueError, match="flop_per_joule"):
        energy_joules(1.0, flop_per_joule=0.0)
