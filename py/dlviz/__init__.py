"""Deep Learning, Visually: the course's Python package."""
