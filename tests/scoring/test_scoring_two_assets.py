"""Two-asset market probabilities against independent oracles: a seeded Monte Carlo of
the two correlated GBMs, and closed forms where they exist."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ledger.scoring import (
    market_probabilities,
    outperformance_probabilities,
    pair_volatility_many,
)

CASES = [
    # sigma_a, sigma_b, rho, tau years, margin points
    (0.15, 0.60, 0.10, 1.0, 0.0),
    (0.15, 0.60, 0.10, 1.0, 10.0),
    (0.30, 0.30, 0.90, 0.5, 5.0),
    (0.50, 0.20, -0.40, 2.0, 30.0),
    (0.80, 0.60, 0.70, 0.25, 1.0),
    (0.20, 0.20, 1.00, 1.0, 0.5),  # perfectly correlated: a step inside the integral
]


def monte_carlo(sigma_a, sigma_b, rho, tau, margin, n=400_000, seed=7):
    rng = np.random.default_rng(seed)
    z_a = rng.standard_normal(n)
    z_b = rho * z_a + np.sqrt(max(1 - rho * rho, 0.0)) * rng.standard_normal(n)
    x = np.exp(-0.5 * sigma_a**2 * tau + sigma_a * np.sqrt(tau) * z_a)
    y = np.exp(-0.5 * sigma_b**2 * tau + sigma_b * np.sqrt(tau) * z_b)
    hits = x - y >= margin / 100
    p = hits.mean()
    return p, np.sqrt(max(p * (1 - p), 1e-12) / n)


@pytest.mark.parametrize("case", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_outperformance_matches_a_seeded_monte_carlo(case):
    p = outperformance_probabilities(*case)[0]
    mc, se = monte_carlo(*case)
    assert abs(p - mc) <= 4 * se + 1e-4, (p, mc, se)


def trapezoid_reference(a, b, rho, m):
    """The same integral on a 200,001-point grid: slow, plain, independent of the rule."""
    from scipy import special

    z = np.linspace(-8.5, 8.5, 200_001)
    spread = a * np.sqrt(max(1 - rho * rho, 0.0))
    centre = -0.5 * a * a + a * rho * z - np.log(m + np.exp(-0.5 * b * b + b * z))
    inner = special.ndtr(centre / spread) if spread > 0 else (centre >= 0) * 1.0
    return np.trapezoid(inner * np.exp(-0.5 * z * z) / np.sqrt(2 * np.pi), z)


@pytest.mark.parametrize(
    ("sigma_a", "sigma_b", "rho", "margin"),
    [
        pytest.param(0.06, 0.8, 0.9999, 60.0, id="near-step"),
        pytest.param(0.3, 0.3, 1.0, 5.0, id="step"),
        pytest.param(0.05, 1.5, -1.0, 100.0, id="opposite-step"),
        pytest.param(1.5, 0.02, 0.2, 0.01, id="tiny-margin"),
        pytest.param(0.2, 0.6, 0.4, 150.0, id="big-margin"),
    ],
)
def test_quadrature_handles_sharp_steps(sigma_a, sigma_b, rho, margin):
    p = outperformance_probabilities(sigma_a, sigma_b, rho, 1.0, margin)[0]
    assert p == pytest.approx(trapezoid_reference(sigma_a, sigma_b, rho, margin / 100), abs=3e-4)


def test_quadrature_agrees_with_the_closed_form_as_the_margin_goes_to_zero():
    args = (np.array([0.2, 0.5]), np.array([0.6, 0.3]), np.array([0.3, -0.2]), np.array([1, 2]))
    exact = outperformance_probabilities(*args, 0.0)
    near = outperformance_probabilities(*args, 1e-9)
    np.testing.assert_allclose(near, exact, atol=1e-7)


def test_vectorized_equals_one_by_one_and_bad_inputs_are_nan():
    cases = np.array(CASES)
    together = outperformance_probabilities(*cases.T)
    alone = [outperformance_probabilities(*c)[0] for c in CASES]
    np.testing.assert_allclose(together, alone)
    bad = outperformance_probabilities(
        [np.nan, 0.2, 0.2], [0.3, 0.3, 0.3], [0, 1.5, 0], 1, [0, 0, -1]
    )
    assert np.isnan(bad).all()


def test_nothing_moves_means_a_tie_counts():
    assert outperformance_probabilities(0, 0, 0, 1, 0)[0] == 1.0
    assert outperformance_probabilities(0, 0, 0, 1, 5)[0] == 0.0


def ratio_monte_carlo(sigma_a, sigma_b, rho, t, level_ratio, steps=250, n=20_000, seed=11):
    """Daily-ish paths of A/B; touch above measured on the fine grid."""
    rng = np.random.default_rng(seed)
    dt = t / steps
    z_a = rng.standard_normal((n, steps))
    z_b = rho * z_a + np.sqrt(1 - rho * rho) * rng.standard_normal((n, steps))
    log_a = np.cumsum(-0.5 * sigma_a**2 * dt + sigma_a * np.sqrt(dt) * z_a, axis=1)
    log_b = np.cumsum(-0.5 * sigma_b**2 * dt + sigma_b * np.sqrt(dt) * z_b, axis=1)
    log_r = log_a - log_b
    close = (log_r[:, -1] >= np.log(level_ratio)).mean()
    touch = (log_r.max(axis=1) >= np.log(level_ratio)).mean()
    return close, touch


def test_ratio_close_and_touch_match_a_monte_carlo_of_both_legs():
    sigma_a, sigma_b, rho, t, level = 0.2, 0.35, 0.6, 1.0, 1.15
    variance = sigma_a**2 + sigma_b**2 - 2 * rho * sigma_a * sigma_b
    drift = 0.5 * (sigma_b**2 - sigma_a**2)
    close, touch = market_probabilities(
        ["close_above", "touch_above"], 1.0, level, t, np.sqrt(variance), log_drift=drift
    )
    mc_close, mc_touch = ratio_monte_carlo(sigma_a, sigma_b, rho, t, level)
    assert abs(close - mc_close) < 0.012
    # A discrete grid misses some touches between steps: the MC sits a little under.
    assert mc_touch - 0.005 < touch < mc_touch + 0.03
    # The ratio is not a martingale: the drift matters (a martingale ratio would differ).
    martingale_close = market_probabilities(["close_above"], 1.0, level, t, np.sqrt(variance))[0]
    assert abs(martingale_close - close) > 0.01
    # hold_below is the complement of touch_above.
    hold = market_probabilities(["hold_below"], 1.0, level, t, np.sqrt(variance), log_drift=drift)
    assert hold[0] == pytest.approx(1 - touch)


def test_a_ratio_average_has_no_probability_with_a_drift():
    p = market_probabilities(["average_above"], 1.0, 1.1, 1.0, 0.3, log_drift=0.02)
    assert np.isnan(p[0])


def test_pair_volatility_recovers_the_simulated_parameters():
    rng = np.random.default_rng(3)
    days = pd.date_range("2024-01-01", "2025-12-31", freq="D")
    weekdays = days[days.day_of_week < 5]
    # Bitcoin every day; gold on weekdays, with correlated daily shocks.
    shock_b = rng.normal(0, 0.03, len(days))
    shock_a = 0.5 * shock_b + np.sqrt(1 - 0.25) * rng.normal(0, 0.03, len(days))
    btc = pd.Series(np.exp(np.cumsum(shock_b)), index=days)
    gold_daily = pd.Series(np.exp(np.cumsum(0.3 * shock_a)), index=days)
    gold = gold_daily[weekdays]
    vol = pair_volatility_many(
        gold.index.to_numpy(),
        gold.to_numpy(),
        btc.index.to_numpy(),
        btc.to_numpy(),
        np.array(["2025-12-31"], dtype="datetime64[D]"),
    )
    # Common-date returns span the weekend for both legs, so rho is the daily one.
    assert vol.rho[0] == pytest.approx(0.5, abs=0.08)
    assert vol.sigma_b[0] == pytest.approx(0.03 * np.sqrt(365.25), rel=0.1)
    assert vol.sigma_a[0] == pytest.approx(0.009 * np.sqrt(365.25), rel=0.1)
    expected = np.sqrt(vol.sigma_a**2 + vol.sigma_b**2 - 2 * vol.rho * vol.sigma_a * vol.sigma_b)
    np.testing.assert_allclose(vol.ratio_sigma, expected)


def test_too_little_common_history_gives_no_correlation():
    days = pd.date_range("2025-01-01", periods=30, freq="D")
    vol = pair_volatility_many(
        days.to_numpy(),
        np.linspace(1, 2, 30),
        days.to_numpy(),
        np.linspace(2, 1, 30),
        np.array(["2025-01-30"], dtype="datetime64[D]"),
    )
    assert np.isnan(vol.rho[0]) and np.isnan(vol.ratio_sigma[0])
