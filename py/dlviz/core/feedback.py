"""A feedback loop: a model whose predictions decide where its next data comes from.

Two neighbourhoods, A and B, with the same true amount of crime. Each round the
model predicts where crime is from the incidents recorded so far, and the city
sends its patrols there; incidents are only recorded where patrols go. This is
the "runaway feedback loop" of Ensign et al. (2018), kept small and without luck:
every patrol finds exactly its neighbourhood's average number of incidents.

Two ways out: send a fraction of the patrols at random (split evenly between the
neighbourhoods), and weight each recorded incident by one over the share of
patrols that could have found it (Ensign et al.'s correction), so that
heavily patrolled places do not count more just for being watched.
"""

from typing import NamedTuple

import numpy as np

from .checks import finite_array, number, positive_int


class PatrolRun(NamedTuple):
    """What happened, round by round (round 0 is the start)."""

    records: np.ndarray  # (rounds + 1, 2): incidents the model has counted, A then B
    patrol_shares: np.ndarray  # (rounds, 2): the share of patrols each neighbourhood got
    estimated_ratio: np.ndarray  # (rounds + 1,): the model's A : B ratio, records A / records B


def patrol_shares(records, random_fraction):
    """Return the (A, B) shares of this round's patrols: `random_fraction` split
    evenly, the rest all sent to the neighbourhood with more recorded incidents
    (A on a tie)."""
    records = finite_array("records", records, ndim=1)
    if records.shape != (2,):
        raise ValueError(f"records must hold two numbers, for A and B, got {records.size}")
    random_fraction = number("random_fraction", random_fraction, at_least=0, at_most=1)
    hotspot = np.array([1.0, 0.0]) if records[0] >= records[1] else np.array([0.0, 1.0])
    return random_fraction / 2 + (1 - random_fraction) * hotspot


def simulate_patrols(rounds, random_fraction, reweight=False, initial_records=(11.0, 10.0),
                     crime_rates=(0.1, 0.1), patrols=100):
    """Run the loop for `rounds` rounds and return a PatrolRun. Each round, each
    neighbourhood's patrols find patrols · share · crime_rate incidents; they are
    recorded as found or, with `reweight`, divided by the share of patrols sent
    there (nothing is recorded where no patrol went)."""
    rounds = positive_int("rounds", rounds)
    rates = finite_array("crime_rates", crime_rates, ndim=1)
    records = finite_array("initial_records", initial_records, ndim=1)
    if rates.shape != (2,) or records.shape != (2,):
        raise ValueError("crime_rates and initial_records must hold two numbers, for A and B")
    if np.any(rates < 0) or np.any(records <= 0):
        raise ValueError("crime_rates must be >= 0 and initial_records > 0")
    patrols = positive_int("patrols", patrols)
    history, shares = [records], []
    for _ in range(rounds):
        share = patrol_shares(history[-1], random_fraction)
        found = patrols * share * rates
        if reweight:
            found = np.divide(found, share, out=np.zeros(2), where=share > 0)
        history.append(history[-1] + found)
        shares.append(share)
    history = np.array(history)
    return PatrolRun(history, np.array(shares), history[:, 0] / history[:, 1])


def ratio_limit(random_fraction):
    """The A : B ratio the plain loop tends to when crime is equal and A is the
    hotspot: (1 - f/2) / (f/2) for random fraction f; infinite for f = 0."""
    f = number("random_fraction", random_fraction, at_least=0, at_most=1)
    return np.inf if f == 0 else (1 - f / 2) / (f / 2)
