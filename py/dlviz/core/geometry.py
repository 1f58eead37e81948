"""Shapes on the plane and in the cube, and how a camera sees them: grids of
points, a line or a plane cut to its square or cube, and an orthographic view.

The 3-D view is an orthographic camera: turn the scene about the vertical (z)
axis by the azimuth, then tilt the camera up by the elevation and look along
the depth axis. Bokeh draws only in 2-D, so the figures draw what this returns.
"""

import math

import numpy as np

from .checks import finite_array, low_high, number, positive_int


def grid_points(low, high, resolution):
    """Return the `resolution` × `resolution` points evenly over [low, high]², x
    changing fastest: reshaped to (resolution, resolution), row r is the line at
    the r-th y from the bottom, the layout of a Bokeh image. Shape (resolution², 2)."""
    low, high = low_high(low, high)
    along = np.linspace(low, high, positive_int("resolution", resolution, minimum=2))
    x, y = np.meshgrid(along, along)
    return np.column_stack([x.ravel(), y.ravel()])


def grid_lines(low, high, count=13, samples=60):
    """Return the grid over the square [low, high]²: `count` lines across and
    `count` lines up, each sampled at `samples` points; shape (2 · count, samples, 2)."""
    low, high = low_high(low, high)
    count, samples = positive_int("count", count, minimum=2), positive_int("samples", samples, minimum=2)
    levels, along = np.linspace(low, high, count), np.linspace(low, high, samples)
    across = np.stack([np.column_stack([along, np.full(samples, level)]) for level in levels])
    up = across[:, :, ::-1]
    return np.concatenate([across, up])


def line_in_square(normal, offset, low, high):
    """Return (x, y), the two ends of the line normal · p + offset = 0 across the
    square [low, high]², each an array of 2: the coordinate the line is flatter
    in runs from low to high and the other is solved for, so neither end runs off
    to infinity (an end may lie beyond the square). Empty arrays if the normal is
    zero: then there is no line."""
    normal = finite_array("normal", normal, ndim=1)
    if normal.shape != (2,):
        raise ValueError(f"normal must hold 2 numbers, got {normal.size}")
    offset = number("offset", offset)
    along = np.array(low_high(low, high))
    if not np.any(normal):
        return np.empty(0), np.empty(0)
    if abs(normal[1]) >= abs(normal[0]):
        return along, -(normal[0] * along + offset) / normal[1]
    return -(normal[1] * along + offset) / normal[0], along


def box_edges(low=-1.0, high=1.0):
    """Return the 12 edges of the cube [low, high]³ as an array (12, 2, 3):
    each edge's two corners."""
    low, high = low_high(low, high)
    corners = np.array([[x, y, z] for x in (low, high) for y in (low, high) for z in (low, high)])
    pairs = [(a, b) for a in range(8) for b in range(a + 1, 8)
             if np.count_nonzero(corners[a] != corners[b]) == 1]
    return np.array([[corners[a], corners[b]] for a, b in pairs])


def plane_in_box(normal, offset, low=-1.0, high=1.0):
    """Return the part of the plane normal · p + offset = 0 inside the cube
    [low, high]³ as the corners of a convex polygon, shape (k, 3), in order
    round its edge; shape (0, 3) if the plane misses the cube."""
    normal = finite_array("normal", normal, ndim=1)
    if normal.shape != (3,) or not np.any(normal):
        raise ValueError(f"normal must be a non-zero vector of 3 numbers, got {normal}")
    offset = number("offset", offset)
    crossings = []
    for start, end in box_edges(low, high):
        side_start, side_end = start @ normal + offset, end @ normal + offset
        if side_start == side_end or side_start * side_end > 0:
            continue  # the edge lies on one side of the plane (or in it)
        crossings.append(start + side_start / (side_start - side_end) * (end - start))
    if not crossings:
        return np.zeros((0, 3))
    corners = np.unique(np.round(np.array(crossings), 12), axis=0)
    if len(corners) < 3:
        return np.zeros((0, 3))
    # order the corners by their angle round the centre, within the plane
    centre = corners.mean(axis=0)
    first = np.cross(normal, [1.0, 0, 0] if abs(normal[0]) < 0.9 * np.linalg.norm(normal) else [0, 1.0, 0])
    second = np.cross(normal, first)
    angles = np.arctan2((corners - centre) @ second, (corners - centre) @ first)
    return corners[np.argsort(angles)]


def project_3d(points, azimuth, elevation):
    """Return (across, up, depth) for each 3-D point (rows of `points`) seen by
    a camera at `azimuth` degrees round the vertical axis and `elevation`
    degrees above the horizontal; each is an array of shape (n,).

    Azimuth 0, elevation 0 looks along +y: across is x, up is z. Elevation 90
    looks straight down: across is x and up is y. The turn keeps distances."""
    points = finite_array("points", points, ndim=2)
    if points.shape[1] != 3:
        raise ValueError(f"points must have 3 columns (x, y, z), got {points.shape[1]}")
    turn, tilt = _camera(azimuth, elevation)
    x, y, z = points.T
    across = x * math.cos(turn) - y * math.sin(turn)
    ahead = x * math.sin(turn) + y * math.cos(turn)
    up = z * math.cos(tilt) + ahead * math.sin(tilt)
    depth = ahead * math.cos(tilt) - z * math.sin(tilt)
    return across, up, depth


def view_direction(azimuth, elevation):
    """Return the unit vector the camera of project_3d looks along (the way depth grows)."""
    turn, tilt = _camera(azimuth, elevation)
    return np.array([math.sin(turn) * math.cos(tilt), math.cos(turn) * math.cos(tilt), -math.sin(tilt)])


def in_front_of_plane(points, normal, offset, azimuth, elevation):
    """Return, for each 3-D point, whether it lies on the camera's side of the
    plane normal · p + offset = 0 (so the plane does not hide it)."""
    points = finite_array("points", points, ndim=2)
    normal = finite_array("normal", normal, ndim=1)
    if points.shape[1] != 3 or normal.shape != (3,):
        raise ValueError(f"points and normal must be 3-D, got {points.shape[1]} and {normal.size} numbers")
    camera_side = np.sign(-normal @ view_direction(azimuth, elevation))
    return np.sign(points @ normal + number("offset", offset)) == camera_side


def _camera(azimuth, elevation):
    """The camera's turn and tilt, in radians."""
    return (math.radians(number("azimuth", azimuth, at_least=-360, at_most=360)),
            math.radians(number("elevation", elevation, at_least=-90, at_most=90)))
