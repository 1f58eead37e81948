"""The cost of training: published estimates of the compute used by famous
models, the operations of a small run counted the same way, and what they mean
in energy.

Compute is counted in floating-point operations (FLOP). Figures for big models
are estimates: from the papers where they state them, otherwise from the rule
training FLOP ≈ 6 · parameters · training examples (tokens), which is the rule
training_operations uses for our own small networks: about 6 operations per
parameter per example, 2 forward (a multiply and an add) and 4 backward (for the
gradients of the inputs and of the weights).
"""

from typing import NamedTuple

from .checks import number, positive_int
from .network import count_parameters


class FamousRun(NamedTuple):
    """One model's training: its name, year and compute, and where the figure comes from."""

    name: str
    year: int
    flop: float
    basis: str


FAMOUS_RUNS = (
    FamousRun("AlexNet", 2012, 4.7e17, "Epoch AI's estimate (Notable AI Models)"),
    FamousRun("Transformer (big)", 2017, 2.3e19, "Vaswani et al. 2017, Table 2"),
    FamousRun("GPT-3", 2020, 3.14e23, "Brown et al. 2020, Table D.1"),
    FamousRun("Chinchilla", 2022, 5.9e23,
                "6 × 70 billion parameters × 1.4 trillion tokens (Hoffmann et al. 2022)"),
    FamousRun("PaLM", 2022, 2.5e24, "6 × 540 billion parameters × 780 billion tokens (Chowdhery et al. 2022)"),
    FamousRun("Llama 3.1 405B", 2024, 3.8e25, "Llama Team 2024 (The Llama 3 Herd of Models)"),
)
"""Estimates, oldest first."""

ACCELERATOR_PEAK_FLOP_PER_SECOND = 312e12
"""An NVIDIA A100's peak dense 16-bit (BF16) throughput, from its datasheet."""

ACCELERATOR_WATTS = 400.0
"""The A100 SXM's maximum power draw, from its datasheet."""

UTILISATION = 0.4
"""The fraction of peak a large training run reaches (PaLM reported 46%, Llama 3 38–43%)."""

FLOP_PER_JOULE = ACCELERATOR_PEAK_FLOP_PER_SECOND * UTILISATION / ACCELERATOR_WATTS
"""About 3.1e11: operations per joule of the chip's own electricity, no cooling or data centre."""

HOME_KWH_PER_YEAR = 10_715.0
"""A US home's average yearly electricity use in 2020 (US EIA)."""

JOULES_PER_KWH = 3.6e6


def training_operations(layer_sizes, examples, steps):
    """Return the FLOP of `steps` full-batch training steps of a network with
    `layer_sizes` on `examples` examples: 6 · parameters · examples · steps."""
    parameters = sum(count_parameters(layer_sizes))
    return 6 * parameters * positive_int("examples", examples) * positive_int("steps", steps)


def energy_joules(flop, flop_per_joule=FLOP_PER_JOULE):
    """Return the energy in joules of `flop` operations at `flop_per_joule`."""
    return number("flop", flop, at_least=0) / number("flop_per_joule", flop_per_joule, above=0)


def home_years(joules):
    """Return how many years of an average US home's electricity `joules` is."""
    return number("joules", joules, at_least=0) / JOULES_PER_KWH / HOME_KWH_PER_YEAR


def megawatt_hours(joules):
    """Return `joules` in megawatt-hours (1 MWh = 3.6e9 J)."""
    return number("joules", joules, at_least=0) / (1000 * JOULES_PER_KWH)
