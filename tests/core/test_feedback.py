import numpy as np
import pytest

from dlviz.core.feedback import patrol_shares, ratio_limit, simulate_patrols


def test_patrols_go_to_the_hotspot_except_the_random_share():
    np.testing.assert_allclose(patrol_shares([11, 10], 0.0), [1.0, 0.0])
    np.testing.assert_allclose(patrol_shares([10, 11], 0.2), [0.1, 0.9])
    np.testing.assert_allclose(patrol_shares([5, 5], 1.0), [0.5, 0.5])


def test_one_round_by_hand():
    run = simulate_patrols(1, 0.2)  # 100 patrols, 0.1 incidents each: A finds 9, B finds 1
    np.testing.assert_allclose(run.records, [[11, 10], [20, 11]])
    np.testing.assert_allclose(run.estimated_ratio, [1.1, 20 / 11])


def test_without_random_patrols_the_bias_grows_every_round():
    ratio = simulate_patrols(50, 0.0).estimated_ratio
    assert np.all(np.diff(ratio) > 0)
    assert ratio[-1] > 50  # from 1.1 to 51: every record lands in A


def test_random_patrols_keep_the_bias_bounded():
    for fraction in (0.1, 0.2, 0.5):
        ratio = simulate_patrols(200, fraction).estimated_ratio
        assert np.all(ratio <= ratio_limit(fraction) + 1e-9)
        assert ratio[-1] > ratio_limit(fraction) * 0.85  # it does approach its limit
    assert ratio_limit(0.2) == pytest.approx(9.0)


def test_all_random_patrols_shrink_the_bias():
    ratio = simulate_patrols(50, 1.0).estimated_ratio
    assert np.all(np.diff(np.abs(ratio - 1)) < 0) and abs(ratio[-1] - 1) < 0.01


def test_corrected_records_return_to_the_truth_only_with_random_patrols():
    corrected = simulate_patrols(50, 0.2, reweight=True).estimated_ratio
    assert abs(corrected[-1] - 1) < 0.01 < abs(corrected[0] - 1)
    blind = simulate_patrols(50, 0.0, reweight=True).estimated_ratio
    assert blind[-1] > 50  # nobody ever looks at B


def test_unequal_crime_is_found():
    run = simulate_patrols(100, 1.0, crime_rates=(0.2, 0.1), initial_records=(1, 1))
    assert run.estimated_ratio[-1] == pytest.approx(2.0, rel=0.02)


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="random_fraction"):
        simulate_patrols(5, 1.5)
    with pytest.raises(ValueError, match="rounds"):
        simulate_patrols(0, 0.5)
    with pytest.raises(ValueError, match="crime_rates and initial_records"):
        simulate_patrols(5, 0.5, crime_rates=(0.1, 0.1, 0.1))
    with pytest.raises(ValueError, match="initial_records > 0"):
        simulate_patrols(5, 0.5, initial_records=(0, 1))
