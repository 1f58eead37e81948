"""Iso-lines of a surface sampled on a grid: the lines of a contour plot.

A surface comes as `values[i, j]` at (xs[j], ys[i]), rows by y and columns by x,
as numpy's meshgrid and landscape.loss_surface lay it out. Marching squares:
in every grid cell, each edge whose two corners lie on different sides of the
level is crossed once, at the point linear interpolation puts the level; the
cell's crossings, joined in pairs, are the line's pieces.
"""

import numpy as np

from .checks import finite_array, low_high, number, positive_int


def iso_segments(xs, ys, values, level):
    """Return the pieces of the line where `values` equals `level`: an array of
    shape (pieces, 2, 2), each piece two points (x, y). A corner counts as above
    the level only if its value is greater than it."""
    xs, ys, values = _grid(xs, ys, values)
    level = number("level", level)
    above = values > level
    # a cell's corners: 00 bottom left, 01 bottom right, 10 top left, 11 top right
    v00, v01, v10, v11 = values[:-1, :-1], values[:-1, 1:], values[1:, :-1], values[1:, 1:]
    a00, a01, a10, a11 = above[:-1, :-1], above[:-1, 1:], above[1:, :-1], above[1:, 1:]
    x0, x1 = np.broadcast_to(xs[:-1], v00.shape), np.broadcast_to(xs[1:], v00.shape)
    y0, y1 = np.broadcast_to(ys[:-1, None], v00.shape), np.broadcast_to(ys[1:, None], v00.shape)

    def along(start, end, v_start, v_end):
        with np.errstate(divide="ignore", invalid="ignore"):  # only crossed edges are used
            return start + (level - v_start) / (v_end - v_start) * (end - start)

    # the crossing point on each edge, in the order bottom, right, top, left
    edges_x = np.stack([along(x0, x1, v00, v01), x1, along(x0, x1, v10, v11), x0], axis=-1)
    edges_y = np.stack([y0, along(y0, y1, v01, v11), y1, along(y0, y1, v00, v10)], axis=-1)
    crossed = np.stack([a00 != a01, a01 != a11, a10 != a11, a00 != a10], axis=-1)
    count = crossed.sum(axis=-1)

    pieces = []
    two = count == 2  # one piece joins the cell's two crossings
    if np.any(two):
        which = np.nonzero(crossed[two])[1].reshape(-1, 2)
        cell_x, cell_y = edges_x[two], edges_y[two]
        rows = np.arange(len(which))[:, None]
        pieces.append(np.stack([cell_x[rows, which], cell_y[rows, which]], axis=-1))
    four = count == 4  # a saddle: the value at the cell's centre decides the pairing
    if np.any(four):
        centre_above = (v00[four] + v01[four] + v10[four] + v11[four]) / 4 > level
        like_bottom_left = centre_above == a00[four]
        # like the bottom-left corner: cut off bottom right and top left; else bottom left and top right
        first = np.where(like_bottom_left[:, None], [0, 1], [0, 3])
        second = np.where(like_bottom_left[:, None], [3, 2], [1, 2])
        cell_x, cell_y = edges_x[four], edges_y[four]
        rows = np.arange(len(first))[:, None]
        for which in (first, second):
            pieces.append(np.stack([cell_x[rows, which], cell_y[rows, which]], axis=-1))
    return np.concatenate(pieces) if pieces else np.empty((0, 2, 2))


def iso_line(xs, ys, values, level):
    """Return (line_x, line_y): the pieces of iso_segments one after another, each
    followed by NaN, so one drawn line shows them all with gaps between."""
    pieces = iso_segments(xs, ys, values, level)
    gaps = np.full((len(pieces), 1, 2), np.nan)
    joined = np.concatenate([pieces, gaps], axis=1).reshape(-1, 2)
    return joined[:, 0], joined[:, 1]


def geometric_levels(low, high, count):
    """Return `count` levels strictly between `low` and `high` (0 < low < high),
    spaced evenly on a log scale: levels for a landscape whose bottom is far
    flatter than its walls."""
    low, high = low_high(low, high)
    if not low > 0:
        raise ValueError(f"low must be positive, got {low:g}")
    return np.geomspace(low, high, positive_int("count", count) + 2)[1:-1]


def _grid(xs, ys, values):
    xs, ys = finite_array("xs", xs, ndim=1), finite_array("ys", ys, ndim=1)
    values = finite_array("values", values, ndim=2)
    if values.shape != (len(ys), len(xs)):
        raise ValueError(f"values must have shape (len(ys), len(xs)) = {(len(ys), len(xs))}, "
                         f"got {values.shape}")
    if len(xs) < 2 or len(ys) < 2:
        raise ValueError("xs and ys must each hold at least 2 grid lines")
    return xs, ys, values
