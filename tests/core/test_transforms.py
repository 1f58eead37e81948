import numpy as np
import pytest

from dlviz.core.network import forward, init_network
from dlviz.core.transforms import (
    box_edges, grid_lines, grid_points, in_front_of_plane, line_in_square, morph, neuron_maps,
    plane_in_box, project_3d, stretch_axis, view_direction,
)


def test_stretch_goes_from_x_to_root_x():
    x = np.array([1.0, 4.0, 100.0])
    np.testing.assert_allclose(stretch_axis(x, 0), x)
    np.testing.assert_allclose(stretch_axis(x, 1), [1, 2, 10])
    np.testing.assert_allclose(stretch_axis(x, 0.5), x ** 0.75)


@pytest.mark.parametrize("bad, name", [
    ({"x": [0.0, 1.0], "stretch": 0.5}, "x"),
    ({"x": [1.0], "stretch": 2}, "stretch"),
])
def test_stretch_rejects_bad_input(bad, name):
    with pytest.raises(ValueError, match=name):
        stretch_axis(**bad)


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


def test_projection_rejects_bad_input():
    with pytest.raises(ValueError, match="points"):
        project_3d(np.zeros((2, 2)), 0, 0)
    with pytest.raises(ValueError, match="elevation"):
        project_3d(np.zeros((2, 3)), 0, 100)


def test_a_cube_has_twelve_edges_of_equal_length():
    edges = box_edges(-1, 1)
    assert edges.shape == (12, 2, 3)
    np.testing.assert_allclose(np.linalg.norm(edges[:, 0] - edges[:, 1], axis=1), 2)
    with pytest.raises(ValueError, match="low"):
        box_edges(1, -1)


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
    with pytest.raises(ValueError, match="normal"):
        plane_in_box([0, 0, 0], 0)


def test_points_on_the_cameras_side_of_a_plane_are_in_front():
    # looking along +y (azimuth 0, elevation 0), the camera sits at y = -∞
    points = np.array([[0, -1.0, 0], [0, 1.0, 0]])
    np.testing.assert_array_equal(in_front_of_plane(points, [0, 1, 0], 0, 0, 0), [True, False])
    np.testing.assert_array_equal(in_front_of_plane(points, [0, -1, 0], 0, 0, 0), [True, False])


def test_grid_lines_cover_the_square():
    lines = grid_lines(-2, 2, count=5, samples=7)
    assert lines.shape == (10, 7, 2)
    np.testing.assert_allclose(lines[0, :, 1], -2)  # the first line runs across at y = -2
    np.testing.assert_allclose(lines[5, :, 0], -2)  # the first line up runs at x = -2
    assert lines.min() == -2 and lines.max() == 2
    with pytest.raises(ValueError, match="count"):
        grid_lines(-1, 1, count=1)


def test_morph_gives_every_layer_and_keeps_the_shape():
    network = init_network([2, 2, 2, 1], seed=0)
    lines = grid_lines(-1, 1, count=3, samples=4)
    layers = morph(network, lines)
    assert [layer.shape for layer in layers] == [(6, 4, 2), (6, 4, 2), (6, 4, 2), (6, 4, 1)]
    np.testing.assert_allclose(layers[1].reshape(-1, 2), forward(network, lines.reshape(-1, 2))[1])


def test_neuron_maps_are_each_neurons_activation_over_the_plane():
    network = init_network([2, 3, 1], seed=0)
    maps = neuron_maps(network, -1, 1, resolution=4)
    assert [m.shape for m in maps] == [(3, 4, 4), (1, 4, 4)]
    points = grid_points(-1, 1, 4)
    np.testing.assert_allclose(points[0], [-1, -1])
    np.testing.assert_allclose(points[4], [-1, -1 + 2 / 3])  # row 1 is one step up
    # row 0, column 3 is the point (1, -1)
    np.testing.assert_allclose(maps[0][:, 0, 3], np.tanh(np.array([1.0, -1.0]) @ network.weights[0]))


def test_line_in_square_lies_on_the_line():
    for normal in ([1.0, 2.0], [3.0, -0.5]):
        x, y = line_in_square(normal, 0.4, -1, 1)
        np.testing.assert_allclose(normal[0] * x + normal[1] * y + 0.4, 0, atol=1e-12)
    with pytest.raises(ValueError, match="normal"):
        line_in_square([0, 0], 1, -1, 1)
