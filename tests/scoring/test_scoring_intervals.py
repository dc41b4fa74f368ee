"""Jeffreys intervals against numerical integration of the Beta posterior."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, special

from ledger.scoring import jeffreys_bounds, jeffreys_interval


def beta_quantile_by_quadrature(a: float, b: float, q: float) -> float:
    """The q-quantile of Beta(a, b) by integrating its density: an oracle that shares
    nothing with the incomplete-beta inverse used by the code."""
    log_norm = special.betaln(a, b)

    def cdf(x: float) -> float:
        value, _ = integrate.quad(
            lambda t: np.exp((a - 1) * np.log(t) + (b - 1) * np.log1p(-t) - log_norm),
            0.0,
            x,
            limit=200,
            epsabs=1e-13,
        )
        return value

    return optimize.brentq(lambda x: cdf(x) - q, 1e-12, 1 - 1e-12, xtol=1e-13)


@pytest.mark.parametrize(
    ("hits", "trials"),
    [(1, 2), (3, 4), (7, 20), (40, 50), (1, 30), (29, 30), (250, 1000)],
)
def test_bounds_are_beta_quantiles(hits: int, trials: int) -> None:
    low, high = jeffreys_interval(hits, trials, 0.90)
    a, b = hits + 0.5, trials - hits + 0.5
    assert low == pytest.approx(beta_quantile_by_quadrature(a, b, 0.05), abs=1e-8)
    assert high == pytest.approx(beta_quantile_by_quadrature(a, b, 0.95), abs=1e-8)


@pytest.mark.parametrize(
    ("hits", "trials", "expected_low", "expected_high_is_one"),
    [
        pytest.param(0, 5, 0.0, False, id="no-hits-lower-bound-is-zero"),
        pytest.param(5, 5, None, True, id="all-hits-upper-bound-is-one"),
        pytest.param(0, 1, 0.0, False, id="single-miss"),
        pytest.param(1, 1, None, True, id="single-hit"),
    ],
)
def test_boundary_fix(
    hits: int, trials: int, expected_low: float | None, expected_high_is_one: bool
) -> None:
    low, high = jeffreys_interval(hits, trials)
    if expected_low is not None:
        assert low == expected_low
        assert high < 1.0
    if expected_high_is_one:
        assert high == 1.0
        assert low > 0.0


def test_no_trials_has_no_interval() -> None:
    assert jeffreys_interval(0, 0) is None
    low, high = jeffreys_bounds([0, 1], [0, 2])
    assert np.isnan(low[0]) and np.isnan(high[0])
    assert np.isfinite(low[1]) and np.isfinite(high[1])


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_interval_contains_the_estimate_and_stays_in_unit_range(pair: tuple[int, int]) -> None:
    hits, trials = pair
    low, high = jeffreys_interval(hits, trials)
    assert 0.0 <= low <= hits / trials <= high <= 1.0


def test_more_data_narrows_the_interval() -> None:
    low_small, high_small = jeffreys_interval(8, 10)
    low_large, high_large = jeffreys_interval(800, 1000)
    assert high_large - low_large < high_small - low_small


@given(
    trials=st.integers(min_value=1, max_value=20_000),
    share=st.floats(min_value=0.0, max_value=1.0),
    level=st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]),
)
def test_bounds_equal_scipy_stats_beta_ppf(trials: int, share: float, level: float) -> None:
    """The bounds come from our own incomplete-beta inverse (no SciPy import);
    they must equal scipy.stats.beta.ppf to 1e-12 relative."""
    from scipy import stats

    hits = min(trials, int(share * trials))
    low, high = jeffreys_bounds(np.array([hits]), np.array([trials]), level)
    a, b = hits + 0.5, trials - hits + 0.5
    if hits > 0:
        assert low[0] == pytest.approx(stats.beta.ppf((1 - level) / 2, a, b), rel=1e-12, abs=0)
    else:
        assert low[0] == 0.0
    if hits < trials:
        assert high[0] == pytest.approx(stats.beta.ppf((1 + level) / 2, a, b), rel=1e-12, abs=0)
    else:
        assert high[0] == 1.0
