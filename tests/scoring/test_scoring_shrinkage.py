"""Empirical-Bayes shrinkage: fair ranking of small samples."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.scoring import fit_beta_prior, shrunk_rates
from ledger.scoring.shrinkage import WEAK_PRIOR


def realistic_groups(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Sources whose true hit rates spread around 50% (sd about 0.1), 5 to 120 calls each."""
    rng = np.random.default_rng(seed)
    n = rng.integers(5, 121, 60)
    k = rng.binomial(n, rng.beta(12.0, 12.0, n.size))
    return k, n


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_two_of_two_ranks_below_forty_of_fifty(seed: int) -> None:
    k, n = realistic_groups(seed)
    k = np.concatenate([k, [2, 40]])
    n = np.concatenate([n, [2, 50]])
    prior = fit_beta_prior(k, n)
    rates = shrunk_rates(k, n, prior)
    assert rates[-2] < rates[-1]


def test_prior_recovers_the_population() -> None:
    rng = np.random.default_rng(4)
    n = np.full(400, 60)
    k = rng.binomial(n, rng.beta(20.0, 30.0, n.size))
    prior = fit_beta_prior(k, n)
    assert prior.method == "marginal_likelihood"
    assert prior.mean == pytest.approx(0.4, abs=0.02)
    assert 25.0 < prior.strength < 100.0


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_shrunk_rate_lies_between_raw_rate_and_prior_mean(seed: int) -> None:
    k, n = realistic_groups(seed)
    prior = fit_beta_prior(k, n)
    rates = shrunk_rates(k, n, prior)
    raw = k / n
    low = np.minimum(raw, prior.mean) - 1e-12
    high = np.maximum(raw, prior.mean) + 1e-12
    assert np.all((low <= rates) & (rates <= high))


@pytest.mark.parametrize(
    ("hits", "trials"),
    [
        pytest.param([1, 2], [2, 3], id="fewer-than-three-groups"),
        pytest.param([3, 5, 1], [3, 5, 1], id="every-claim-a-hit"),
        pytest.param([0, 0, 0, 0], [4, 9, 1, 2], id="no-hits-at-all"),
        pytest.param([1, 2, 0, 0], [1, 2, 0, 0], id="empty-groups-do-not-count"),
    ],
)
def test_falls_back_to_the_weak_prior(hits: list[int], trials: list[int]) -> None:
    assert fit_beta_prior(hits, trials) == WEAK_PRIOR


def test_weak_prior_still_prefers_forty_of_fifty() -> None:
    rates = shrunk_rates([2, 40], [2, 50], WEAK_PRIOR)
    assert rates[0] < rates[1]


def test_no_trials_means_no_rate() -> None:
    rates = shrunk_rates([0, 3], [0, 4], WEAK_PRIOR)
    assert np.isnan(rates[0]) and rates[1] == pytest.approx(4 / 6)


def test_identical_groups_pool_completely() -> None:
    prior = fit_beta_prior([50] * 10, [100] * 10)
    assert prior.mean == pytest.approx(0.5, abs=1e-3)
    assert prior.strength > 1000.0
