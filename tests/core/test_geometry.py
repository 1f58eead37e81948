import numpy as np
import pytest

from dlviz.core.geometry import (
    box_edges, grid_lines, grid_points, in_front_of_plane, line_in_square, plane_in_box, project_3d,
    view_direction,
)


def test_grid_points_rows_are_lines_of_constant_y_from_the_bottom():
    grid = grid_points(-6.0, 6.0, 4)
    assert grid.shape == (16, 2)
    xs, ys = grid[:, 0].reshape(4, 4), grid[:, 1].reshape(4, 4)
    line = np.linspace(-6, 6, 4)
    np.testing.assert_allclose(xs, np.tile(line, (4, 1)))
    np.testing.assert_allclose(ys, np.tile(line[:, None], (1, 4)))


def test_grid_lines_cover_the_square():
    lines = grid_lines(-2, 2, count=5, samples=7)
    assert lines.shape == (10, 7, 2)
    np.testing.assert_allclose(lines[0, :, 1], -2)  # the first line runs across at y = -2
    np.testing.assert_allclose(lines[5, :, 0], -2)  # the first line up runs at x = -2
    assert lines.min() == -2 and lines.max() == 2


def test_line_in_square_lies_on_the_line_and_never_runs_off():
    for normal, offset in [([1.0, 2.0], 0.4), ([3.0, -0.5], 1.0), ([0.0, 1.0], -2.0), ([1.0, 0.0], 1.0)]:
        x, y = line_in_square(normal, offset, -5, 5)
        np.testing.assert_allclose(normal[0] * x + normal[1] * y + offset, 0, atol=1e-12)
        assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
    x, y = line_in_square([1.0, 0.0], -2.0, -5, 5)  # the vertical line x = 2
    assert x.tolist() == [2.0, 2.0] and y.tolist() == [-5.0, 5.0]
    x, y = line_in_square([0.0, 0.0], 1.0, -5, 5)  # no line at all: a perceptron before its first step
    assert x.size == y.size == 0


def test_projection_from_the_front_shows_x_across_and_z_up():
    across, up, depth = project_3d(np.eye(3), 0, 0)
    np.testing.assert_allclose(across, [1, 0, 0], atol=1e-12)
    np.testing.assert_allclose(up, [0, 0, 1], atol=1e-12)
    np.testing.assert_allclose(depth, [0, 1, 0], atol=1e-12)


def test_turning_90_degrees_brings_y_across_and_x_into_depth():
    across, up, depth = project_3d(np.eye(3), 90, 0)
    np.testing.assert_allclose(across, [0, -1, 0], atol=1e-12)
    np.testing.assert_allclose(depth, [1, 0, 0], atol=1e-12)
    np.testing.assert_allclose(up, [0, 0, 1], atol=1e-12)


def test_looking_straight_down_shows_the_xy_plane():
    across, up, depth = project_3d(np.eye(3), 0, 90)
    np.testing.assert_allclose(across, [1, 0, 0], atol=1e-12)
    np.testing.assert_allclose(up, [0, 1, 0], atol=1e-12)
    np.testing.assert_allclose(depth, [0, 0, -1], atol=1e-12)


def test_projection_keeps_lengths_and_depth_grows_along_the_view_direction():
    points = np.random.default_rng(0).normal(size=(20, 3))
    across, up, depth = project_3d(points, 37, -20)
    np.testing.assert_allclose(across**2 + up**2 + depth**2, (points**2).sum(axis=1))
    np.testing.assert_allclose(depth, points @ view_direction(37, -20))


def test_a_cube_has_twelve_edges_of_equal_length():
    edges = box_edges(-1, 1)
    assert edges.shape == (12, 2, 3)
    np.testing.assert_allclose(np.linalg.norm(edges[:, 0] - edges[:, 1], axis=1), 2)


def test_a_flat_plane_cuts_the_cube_in_a_square_and_a_slanted_one_in_a_hexagon():
    square = plane_in_box([0, 0, 1], -0.5)
    assert square.shape == (4, 3)
    np.testing.assert_allclose(square[:, 2], 0.5)
    hexagon = plane_in_box([1, 1, 1], 0)
    assert hexagon.shape == (6, 3)
    np.testing.assert_allclose(hexagon.sum(axis=1), 0, atol=1e-12)
    # in order round the edge: every corner is next to the one before it (sides of length √2)
    sides = np.linalg.norm(hexagon - np.roll(hexagon, 1, axis=0), axis=1)
    np.testing.assert_allclose(sides, np.sqrt(2))
    assert plane_in_box([0, 0, 1], -5).shape == (0, 3)


def test_points_on_the_cameras_side_of_a_plane_are_in_front():
    # looking along +y (azimuth 0, elevation 0), the camera sits at y = -∞
    points = np.array([[0, -1.0, 0], [0, 1.0, 0]])
    np.testing.assert_array_equal(in_front_of_plane(points, [0, 1, 0], 0, 0, 0), [True, False])
    np.testing.assert_array_equal(in_front_of_plane(points, [0, -1, 0], 0, 0, 0), [True, False])


@pytest.mark.parametrize(("call", "message"), [
    (lambda: box_edges(1, -1), "low must be below high"),
    (lambda: grid_lines(-1, 1, count=1), "count"),
    (lambda: grid_points(-1, 1, 1), "resolution"),
    (lambda: plane_in_box([0, 0, 0], 0), "normal"),
    (lambda: line_in_square([1.0, 2.0, 3.0], 0, -1, 1), "normal must hold 2 numbers"),
    (lambda: project_3d(np.zeros((2, 2)), 0, 0), "points"),
    (lambda: project_3d(np.zeros((2, 3)), 0, 100), "elevation"),
])
def test_bad_input_names_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()
