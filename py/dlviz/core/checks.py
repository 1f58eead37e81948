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


def number(name, value, at_least=None, above=None, at_most=None, below=None):
    """Return `value` as a float; raise unless it is a finite number (not NaN, not
    ±infinity) within the bounds given: >= at_least, > above, <= at_most, < below."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    bounds = [(at_least, ">=", value >= at_least if at_least is not None else True),
              (above, ">", value > above if above is not None else True),
              (at_most, "<=", value <= at_most if at_most is not None else True),
              (below, "<", value < below if below is not None else True)]
    if not all(kept for _, _, kept in bounds):
        wanted = " and ".join(f"{sign} {bound:g}" for bound, sign, _ in bounds if bound is not None)
        raise ValueError(f"{name} must be {wanted}, got {value!r}")
    return float(value)


def low_high(low, high):
    """Return (low, high) as floats; raise unless both are finite and low < high."""
    low, high = number("low", low), number("high", high)
    if not low < high:
        raise ValueError(f"low must be below high, got low={low:g}, high={high:g}")
    return low, high


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
    if not np.isfinite(array).all():
        raise ValueError(f"{name} contains NaN or infinity")
    return array


def labels_0_or_1(name, values):
    """Return `values` as a 1-D float array; raise unless every entry is 0 or 1."""
    labels = finite_array(name, values, ndim=1)
    if not np.all((labels == 0) | (labels == 1)):
        raise ValueError(f"{name} must be 0 or 1, got {sorted(set(labels.tolist()))[:5]}")
    return labels


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


def layer_size_list(name, sizes, layers=2):
    """Return `sizes` as a list of ints; raise unless it lists at least `layers`
    sizes (by default an input and an output size), each a positive integer."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__iter__"):
        raise ValueError(f"{name} must be a list of layer sizes, got {sizes!r}")
    sizes = [positive_int(f"each of {name}", size) for size in sizes]
    if len(sizes) < layers:
        raise ValueError(f"{name} must list at least an input and an output size, got {sizes}")
    return sizes
