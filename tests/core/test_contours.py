import numpy as np
import pytest

from dlviz.core.contours import geometric_levels, iso_line, iso_segments

XS = np.linspace(-3, 3, 61)
YS = np.linspace(-2.5, 2.5, 51)
BOWL = XS[None, :] ** 2 + YS[:, None] ** 2  # rows by y, columns by x


@pytest.mark.parametrize("radius", [0.5, 1.0, 2.0])
def test_iso_lines_of_a_round_bowl_are_circles_of_the_right_radius(radius):
    pieces = iso_segments(XS, YS, BOWL, radius**2)
    ends = pieces.reshape(-1, 2)
    # linear interpolation of x² + y² along a grid edge of length 0.1 errs by at most 0.1² / 4 in height
    np.testing.assert_allclose(np.hypot(ends[:, 0], ends[:, 1]), radius, atol=0.01)
    # the pieces go all the way round: every direction is covered
    angles = np.arctan2(ends[:, 1], ends[:, 0])
    assert np.histogram(angles, bins=12, range=(-np.pi, np.pi))[0].min() > 0
    # and their lengths add up to the circumference
    lengths = np.linalg.norm(pieces[:, 1] - pieces[:, 0], axis=1)
    assert lengths.sum() == pytest.approx(2 * np.pi * radius, rel=0.01)


def test_a_plane_gives_one_straight_line():
    plane = XS[None, :] + 0 * YS[:, None]  # value = x
    ends = iso_segments(XS, YS, plane, 0.73).reshape(-1, 2)
    np.testing.assert_allclose(ends[:, 0], 0.73)
    assert ends[:, 1].min() == pytest.approx(YS[0]) and ends[:, 1].max() == pytest.approx(YS[-1])


def test_a_saddle_cell_is_split_by_its_centre():
    xs, ys = np.array([0.0, 1.0]), np.array([0.0, 1.0])
    values = np.array([[1.0, 0.0], [0.0, 1.0]])  # bottom left and top right above 0.5
    pieces = iso_segments(xs, ys, values, 0.5)
    assert pieces.shape == (2, 2, 2)
    # the centre (0.5) is not above 0.5, so the pieces cut off the two high corners
    corners_cut = {tuple(np.round(p.mean(axis=0))) for p in pieces}
    assert corners_cut == {(0.0, 0.0), (1.0, 1.0)}


def test_a_level_outside_the_surface_gives_nothing():
    assert iso_segments(XS, YS, BOWL, 100.0).shape == (0, 2, 2)
    line_x, line_y = iso_line(XS, YS, BOWL, -1.0)
    assert line_x.size == 0 and line_y.size == 0


def test_iso_line_separates_pieces_with_nan():
    pieces = iso_segments(XS, YS, BOWL, 1.0)
    line_x, line_y = iso_line(XS, YS, BOWL, 1.0)
    assert line_x.shape == (3 * len(pieces),)
    assert np.all(np.isnan(line_x[2::3])) and np.all(np.isnan(line_y[2::3]))
    np.testing.assert_array_equal(line_x[0::3], pieces[:, 0, 0])


def test_geometric_levels_are_evenly_spaced_on_a_log_scale():
    levels = geometric_levels(1.0, 1000.0, 2)
    np.testing.assert_allclose(levels, [10.0, 100.0])


@pytest.mark.parametrize("low, high", [(0.0, 1.0), (-1.0, 1.0), (5.0, 5.0), (5.0, 1.0)])
def test_geometric_levels_reject_bad_bounds(low, high):
    with pytest.raises(ValueError, match="low"):
        geometric_levels(low, high, 3)


def test_bad_grids_raise_naming_the_parameter():
    with pytest.raises(ValueError, match="values"):
        iso_segments(XS, YS, BOWL.T, 1.0)
    with pytest.raises(ValueError, match="xs"):
        iso_segments([], YS, BOWL, 1.0)
    with pytest.raises(ValueError, match="values"):
        iso_segments(XS, YS, np.full_like(BOWL, np.nan), 1.0)
    with pytest.raises(ValueError, match="count"):
        geometric_levels(1.0, 2.0, 0)
