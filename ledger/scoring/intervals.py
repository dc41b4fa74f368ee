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

from ledger.scoring.incomplete_beta import betaincinv

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
    a, b = k + 0.5, n - k + 0.5
    # The inverse regularized incomplete beta function is the Beta quantile;
    # ours (ledger.scoring.incomplete_beta, held to SciPy's to 1e-12) spares
    # every scoring command the import of SciPy. Only the cells whose bound is
    # not fixed by the boundary rule are computed.
    # Both bounds in one call: each call's cost is mostly numpy's per-step overhead.
    low = np.zeros(k.shape)
    high = np.ones(k.shape)
    needs_low = has_data & (k > 0)
    needs_high = has_data & (k < n)
    lows = int(needs_low.sum())
    quantiles = betaincinv(
        np.concatenate([a[needs_low], a[needs_high]]),
        np.concatenate([b[needs_low], b[needs_high]]),
        np.concatenate([np.full(lows, tail), np.full(int(needs_high.sum()), 1.0 - tail)]),
    )
    low[needs_low] = quantiles[:lows]
    high[needs_high] = quantiles[lows:]
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
