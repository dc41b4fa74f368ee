"""Empirical-Bayes shrinkage: fair ranking of small samples."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.scoring import fit_beta_prior, shrunk_rates
from ledger.scoring.shrinkage import KAPPA_MAX, KAPPA_MIN, WEAK_PRIOR


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


def _scipy_fit(hits: np.ndarray, trials: np.ndarray) -> tuple:
    """SciPy's fit, as main had it (L-BFGS-B in (logit mu, ln kappa)), then polished
    to the stationary point by SciPy's root finder on the gradient, holding a
    coordinate that L-BFGS-B left on its bound. The gradient is summed by brute
    force (psi(x + k) - psi(x) = sum 1/(x + j)): SciPy's digamma differences
    carry rounding noise that moves a flat maximum by more than 1e-9."""
    from scipy import optimize, special

    used = trials > 0
    k, n = hits[used].astype(float), trials[used].astype(float)
    bounds = np.array([(-20.0, 20.0), (np.log(KAPPA_MIN), np.log(KAPPA_MAX))])

    def ab(theta: np.ndarray) -> tuple[float, float, float, float]:
        mu, kappa = special.expit(theta[0]), np.exp(theta[1])
        return mu * kappa, (1.0 - mu) * kappa, mu, kappa

    def negative_log_likelihood(theta: np.ndarray) -> float:
        a, b, _, _ = ab(theta)
        return -float(np.sum(special.betaln(k + a, n - k + b)) - k.size * special.betaln(a, b))

    def rising(x: float, counts: np.ndarray) -> float:
        """sum over groups of psi(x + c) - psi(x) = sum_{j < c} 1/(x + j), by brute force."""
        return math.fsum(math.fsum(1.0 / (x + np.arange(c))) for c in counts.astype(int))

    def gradient(theta: np.ndarray) -> np.ndarray:
        a, b, mu, kappa = ab(theta)
        dt = rising(a + b, n)
        g_a = rising(a, k) - dt
        g_b = rising(b, n - k) - dt
        return np.array([kappa * mu * (1.0 - mu) * (g_a - g_b), a * g_a + b * g_b])

    pooled = k.sum() / n.sum()
    start = np.array([special.logit(pooled), np.log(10.0)])
    theta = optimize.minimize(negative_log_likelihood, start, method="L-BFGS-B", bounds=bounds).x
    at_low = np.isclose(theta, bounds[:, 0], rtol=0, atol=1e-5)
    at_high = np.isclose(theta, bounds[:, 1], rtol=0, atol=1e-5)
    theta = np.where(at_low, bounds[:, 0], np.where(at_high, bounds[:, 1], theta))
    free = ~(at_low | at_high)
    for _ in range(2):  # a second pass if the polish leaves the box: that bound holds
        if not free.any():
            break

        def free_gradient(
            values: np.ndarray, free: np.ndarray = free, theta: np.ndarray = theta
        ) -> np.ndarray:
            full = theta.copy()
            full[free] = values
            return gradient(full)[free]

        polished = theta.copy()
        polished[free] = optimize.root(free_gradient, theta[free], tol=1e-15).x
        outside = (polished < bounds[:, 0]) | (polished > bounds[:, 1])
        if not outside.any():
            theta = polished
            break
        theta = np.clip(polished, bounds[:, 0], bounds[:, 1])
        free = free & ~outside
    a, b, _, _ = ab(theta)
    return float(a), float(b), negative_log_likelihood, gradient


@given(st.integers(0, 2**32 - 1))
def test_prior_equals_the_scipy_fit(seed: int) -> None:
    """Newton on our digamma and trigamma reaches SciPy's maximum to 1e-9."""
    rng = np.random.default_rng(seed)
    groups = int(rng.integers(3, 60))
    trials = rng.integers(0, 300, groups)
    strength = 10.0 ** rng.uniform(-0.5, 4.0)
    mean = rng.uniform(0.02, 0.98)
    hits = rng.binomial(trials, rng.beta(mean * strength, (1.0 - mean) * strength, groups))
    prior = fit_beta_prior(hits, trials)
    if prior == WEAK_PRIOR:
        return
    alpha, beta, negative_log_likelihood, gradient = _scipy_fit(hits, trials)
    ours = np.array([np.log(prior.alpha / prior.beta), np.log(prior.strength)])
    theirs = np.array([np.log(alpha / beta), np.log(alpha + beta)])
    if negative_log_likelihood(theirs) > negative_log_likelihood(ours) + 1e-9:
        # L-BFGS-B stopped at a worse point (it can run to the mean's bound
        # from main's start): ours must then be a true maximum.
        slope = gradient(ours)
        lowest = np.array([-20.0, np.log(KAPPA_MIN)])
        highest = np.array([20.0, np.log(KAPPA_MAX)])
        held = ((ours <= lowest + 1e-12) & (slope < 0)) | ((ours >= highest - 1e-12) & (slope > 0))
        assert np.all(held | (np.abs(slope) <= 1e-8 * max(1.0, prior.strength)))
        return
    assert prior.alpha == pytest.approx(alpha, rel=1e-9)
    assert prior.beta == pytest.approx(beta, rel=1e-9)
