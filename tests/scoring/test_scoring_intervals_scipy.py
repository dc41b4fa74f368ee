"""The Jeffreys bounds equal the ones `scipy.stats.beta.ppf` gives, to 1e-12.

`jeffreys_bounds` inverts the incomplete beta function itself
(`scipy.special.betaincinv`) so that scoring need not import `scipy.stats`;
the figures must stay those the distribution object gives.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from ledger.scoring import jeffreys_bounds


def bounds_by_scipy_stats(k: np.ndarray, n: np.ndarray, level: float) -> tuple:
    """The interval as it was computed with `scipy.stats` (boundary fix included)."""
    tail = (1.0 - level) / 2.0
    has_data = n > 0
    a = np.where(has_data, k + 0.5, 1.0)
    b = np.where(has_data, n - k + 0.5, 1.0)
    low = np.where(k == 0, 0.0, stats.beta.ppf(tail, a, b))
    high = np.where(k == n, 1.0, stats.beta.ppf(1.0 - tail, a, b))
    return np.where(has_data, low, np.nan), np.where(has_data, high, np.nan)


@st.composite
def cells(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    trials = draw(
        st.lists(st.one_of(st.integers(0, 60), st.integers(0, 10_000_000)), min_size=1, max_size=30)
    )
    hits = [draw(st.integers(0, n)) for n in trials]
    return hits, trials


@given(
    cells(),
    st.one_of(
        st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]),
        st.floats(1e-6, 1 - 1e-6, allow_nan=False),
    ),
)
def test_bounds_equal_scipy_stats_beta_quantiles(cell: tuple, level: float) -> None:
    hits, trials = cell
    k = np.asarray(hits, dtype=np.float64)
    n = np.asarray(trials, dtype=np.float64)
    low, high = jeffreys_bounds(k, n, level)
    want_low, want_high = bounds_by_scipy_stats(k, n, level)
    np.testing.assert_allclose(low, want_low, rtol=0, atol=1e-12)
    np.testing.assert_allclose(high, want_high, rtol=0, atol=1e-12)
    assert np.array_equal(np.isnan(low), n == 0)
