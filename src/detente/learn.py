"""The arithmetic the learned models share: a weighted sum of named features and its logistic.

The event acceptor (``events/acceptor.py``) and the place frame model (``places/frame.py``)
are each a logistic regression whose weights ship as numbers and are applied here in plain
Python; each model keeps its own ``probability`` (the acceptor adds a calibration map).
"""

from __future__ import annotations

import math


def logistic(score: float) -> float:
    """1 / (1 + e^-score), computed without overflow on either side."""
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    odds = math.exp(score)
    return odds / (1.0 + odds)


def weighted_sum(weights: dict[str, float], found: dict[str, float]) -> float:
    """The dot product of weights and features by name (an absent weight is 0)."""
    return sum(weights.get(name, 0.0) * value for name, value in found.items())
