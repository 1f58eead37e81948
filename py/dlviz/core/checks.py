"""Input checks shared by the public functions, so bad input fails early with a
ValueError that names the parameter at fault."""

import math
import numbers

import numpy as np


def positive_int(name, value, minimum=1):
    """Return `value` as an int; raise unless it is a whole number >= `minimum`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        wanted = "a positive integer" if minimum == 1 else f"an integer >= {minimum}"
        raise ValueError(f"{name} must be {wanted}, got {value!r}")
    return int(value)


def finite_array(name, values, ndim=None):
    """Return `values` as a float array; raise if empty, not numbers, NaN/infinite
    or (when `ndim` is given) of the wrong number of dimensions."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be an array of numbers") from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional, got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or infinity")
    return array


def in_range(name, value, low, high):
    """Return `value` as a float; raise unless it is a number with low <= value <= high."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not low <= value <= high:
        bounds = f">= {low}" if high == math.inf else f"between {low} and {high}"
        raise ValueError(f"{name} must be {bounds}, got {value}")
    return float(value)


def same_length(name_a, a, name_b, b):
    """Raise unless `a` and `b` hold the same number of rows."""
    if len(a) != len(b):
        raise ValueError(f"{name_a} and {name_b} must have the same length, got {len(a)} and {len(b)}")


def one_of(name, value, choices):
    """Return the entry of the dict `choices` that `value` names (or `value` itself
    if it already is one of the entries); raise for anything else."""
    if isinstance(value, str) and value in choices:
        return choices[value]
    if any(value is choice for choice in choices.values()):
        return value
    names = ", ".join(repr(key) for key in choices)
    raise ValueError(f"{name} must be one of {names}, got {value!r}")
