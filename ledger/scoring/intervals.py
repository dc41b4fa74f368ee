"""Jeffreys intervals for hit rates and observed frequencies.

A source with 3 hits out of 4 calls and one with 300 out of 400 have the same
hit rate and very different certainty; the interval says how much. Jeffreys
(the Beta(1/2, 1/2) prior's equal-tailed posterior interval) is used because
its coverage stays close to nominal for small n and rates near 0 or 1, where
the Wald interval collapses to a point (Brown, Cai and DasGupta 2001).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike
from scipy import special

DEFAULT_LEVEL = 0.90


def jeffreys_bounds(
    hits: ArrayLike, trials: ArrayLike, level: float = DEFAULT_LEVEL
) -> tuple[np.ndarray, np.ndarray]:
    """Vectorized Jeffreys interval: arrays (low, high), NaN where trials == 0.

    The bounds are the (1 - level)/2 and (1 + level)/2 quantiles of
    Beta(k + 1/2, n - k + 1/2), with the conventional boundary fix: the lower
    bound is 0 when k = 0 and the upper bound is 1 when k = n. Without the fix
    the interval for 0/n would exclude 0, the one rate the data favour most.
    """
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must be strictly between 0 and 1, got {level}")
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    k, n = np.broadcast_arrays(k, n)
    if np.any((k < 0) | (k > n)):
        raise ValueError("hits must lie between 0 and trials")
    tail = (1.0 - level) / 2.0
    has_data = n > 0
    # Beta parameters for empty cells are replaced by 1 so that scipy is not
    # asked for quantiles of an improper distribution; those cells become NaN.
    a = np.where(has_data, k + 0.5, 1.0)
    b = np.where(has_data, n - k + 0.5, 1.0)
    # The inverse regularized incomplete beta function is the Beta quantile
    # (scipy.stats.beta.ppf gives the same bits: tests/scoring hold them
    # equal); calling it directly spares every scoring command the import of
    # scipy.stats, about a second of CPU, for one function.
    low = special.betaincinv(a, b, tail)
    high = special.betaincinv(a, b, 1.0 - tail)
    low = np.where(k == 0, 0.0, low)
    high = np.where(k == n, 1.0, high)
    low = np.where(has_data, low, np.nan)
    high = np.where(has_data, high, np.nan)
    return np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)


def jeffreys_interval(
    hits: int, trials: int, level: float = DEFAULT_LEVEL
) -> tuple[float, float] | None:
    """The Jeffreys interval of one proportion, or None when there are no trials."""
    low, high = jeffreys_bounds(hits, trials, level)
    if not np.isfinite(low):
        return None
    return float(low), float(high)
