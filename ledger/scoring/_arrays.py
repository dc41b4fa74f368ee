"""Input checks and JSON-safe conversion shared by the scoring modules.

Bad arrays here are programming errors of the caller (a store query that
returned the wrong column), not something a user typed, so they raise
ValueError rather than a LedgerError.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike


def as_probabilities(prob: ArrayLike, name: str = "prob", allow_nan: bool = False) -> np.ndarray:
    """A 1-D float array of probabilities in [0, 1] (NaN allowed only if asked)."""
    p = np.atleast_1d(np.asarray(prob, dtype=np.float64))
    if p.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    finite = np.isfinite(p)
    if not allow_nan and not finite.all():
        raise ValueError(f"{name} must not contain NaN or infinity")
    if np.any(np.isinf(p)) or np.any((p[finite] < 0.0) | (p[finite] > 1.0)):
        raise ValueError(f"{name} must lie in [0, 1]")
    return p


def as_outcomes(outcome: ArrayLike, n: int) -> np.ndarray:
    """A 1-D float array of 0/1 outcomes of length n."""
    o = np.atleast_1d(np.asarray(outcome))
    if o.shape != (n,):
        raise ValueError(f"outcome has shape {o.shape}, expected ({n},)")
    o = o.astype(np.float64)
    if np.any((o != 0.0) & (o != 1.0)):
        raise ValueError("outcome must contain only 0 and 1")
    return o


def optional_float(value: float | np.floating | None) -> float | None:
    """A plain float, or None for a statistic that does not apply (NaN or None)."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def plain(value: object) -> object:
    """A numpy scalar as the matching Python scalar, anything else unchanged."""
    return value.item() if isinstance(value, np.generic) else value


def factorize(values: np.ndarray) -> tuple[np.ndarray, list[object]]:
    """Integer codes of hashable values in first-seen order, and the distinct values.

    What `pandas.factorize` gives for plain Python objects (labels, status and
    kind names), without importing pandas: the scoring commands would
    otherwise spend a third of a second of their start-up on it.
    """
    items = values.ravel().tolist()
    index = {value: code for code, value in enumerate(dict.fromkeys(items))}
    codes = np.fromiter(map(index.__getitem__, items), dtype=np.int64, count=len(items))
    return codes, list(index)
