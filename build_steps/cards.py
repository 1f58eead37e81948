"""The front page's picture for each lesson: small SVGs drawn at build time from the core's own data."""

import numpy as np

from dlviz.core.datasets import noisy_line, noisy_quadratic, spiral, two_rings
from dlviz.core.landscape import descent_path, least_squares_line
from dlviz.core.polynomial import evaluate_polynomial, fit_polynomial

WIDTH, HEIGHT = 320, 180
BLUE, ORANGE, VERMILION, GREEN, GREY = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#7f7f7f"


def scale(values, low, high, margin=14):
    """Map `values` linearly onto [low + margin, high - margin]."""
    values = np.asarray(values, dtype=float)
    span = values.max() - values.min() or 1.0
    return low + margin + (values - values.min()) / span * (high - low - 2 * margin)


def svg(body, label):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f4f6f9"/>{body}</svg>\n'
    )


def dots(xs, ys, colours, radius=3.2):
    return "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{c}" fill-opacity=".8"/>' for x, y, c in zip(xs, ys, colours)
    )


def polyline(xs, ys, colour, width=3):
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys))
    return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linejoin="round"/>'


def nested_fields():
    rings = [(150, 80, BLUE, "Artificial intelligence", 30), (105, 55, ORANGE, "Machine learning", 78), (58, 30, VERMILION, "Deep learning", 112)]
    body = ""
    for rx, ry, colour, name, y in rings:
        body += f'<ellipse cx="160" cy="{90 + (80 - ry) * 0.6:.0f}" rx="{rx}" ry="{ry}" fill="{colour}" fill-opacity=".18" stroke="{colour}" stroke-width="2"/>'
        body += f'<text x="160" y="{y}" text-anchor="middle" font-family="sans-serif" font-size="13" fill="#1d2330">{name}</text>'
    return svg(body, "Deep learning inside machine learning inside artificial intelligence")


def curve_fit():
    x, y = noisy_quadratic()
    grid = np.linspace(x.min(), x.max(), 120)
    smooth = evaluate_polynomial(fit_polynomial(x, y, 2), grid)
    wiggly = evaluate_polynomial(fit_polynomial(x, y, 16), grid).clip(y.min() - 2, y.max() + 2)
    sx = scale(np.concatenate([x, grid]), 0, WIDTH)
    sy = HEIGHT - scale(np.concatenate([y, smooth, wiggly]), 0, HEIGHT)
    n, m = len(x), len(grid)
    body = polyline(sx[n:], sy[n + m:], ORANGE, 2) + polyline(sx[n:], sy[n:n + m], VERMILION)
    body += dots(sx[:n], sy[:n], [BLUE] * n, 4)
    return svg(body, "Twenty points with a smooth curve and a wiggly one through them")


def two_classes(points, labels, label):
    """A classification data set as blue and orange dots, centred in the card."""
    sx, sy = scale(points[:, 0], 70, 250), HEIGHT - scale(points[:, 1], 0, HEIGHT)
    return svg(dots(sx, sy, [BLUE if value == 0 else ORANGE for value in labels], 2.6), label)


def rings():
    return two_classes(*two_rings(size=300, seed=3), "Two rings of points, one inside the other")


def descent():
    x, y = noisy_line()
    best = np.array(least_squares_line(x, y))
    body = ""
    for level in (1.5, 3, 6, 12):
        body += f'<ellipse cx="0" cy="0" rx="{18 * level ** .5 * 3:.0f}" ry="{18 * level ** .5:.0f}" transform="translate(200 95) rotate(-12)" fill="none" stroke="{GREY}" stroke-opacity=".6"/>'
    path = descent_path(x, y, start=(-3.0, 8.0), learning_rate=0.03, steps=30).points
    px = 200 + (path[:, 0] - best[0]) * 22
    py = 95 - (path[:, 1] - best[1]) * 9
    body += polyline(px, py, VERMILION, 2.5) + dots(px, py, [VERMILION] * len(px), 2.5)
    body += f'<circle cx="200" cy="95" r="5" fill="{GREEN}"/>'
    return svg(body, "Gradient descent stepping down a loss landscape to its lowest point")


def spiral_card():
    return two_classes(*spiral(size=300, seed=5), "Two interleaved spiral arms for a network to separate")


def two_groups():
    grid = np.linspace(-4, 6, 120)
    bell = lambda centre: np.exp(-0.5 * (grid - centre) ** 2)  # noqa: E731
    sx = scale(grid, 0, WIDTH)
    body = polyline(sx, HEIGHT - 20 - 120 * bell(0), BLUE) + polyline(sx, HEIGHT - 20 - 80 * bell(2), ORANGE)
    body += f'<line x1="{sx[60]:.0f}" y1="20" x2="{sx[60]:.0f}" y2="{HEIGHT - 10}" stroke="#1d2330" stroke-dasharray="5 4" stroke-width="2"/>'
    return svg(body, "Two groups' scores with one threshold between them")


CARDS = {
    "1-what-is-deep-learning": nested_fields,
    "2-fundamentals-of-learning": curve_fit,
    "3-neural-networks": rings,
    "4-how-networks-learn": descent,
    "5-playground": spiral_card,
    "6-ethics": two_groups,
}


def write_cards(folder):
    """Write one SVG per lesson into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for slug, draw in CARDS.items():
        path = folder / f"{slug}.svg"
        path.write_text(draw(), encoding="utf-8")
        written.append(path)
    return written
