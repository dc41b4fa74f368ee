"""Market-implied probabilities against a seeded Monte Carlo of the same process.

The process everywhere: dS = sigma S dW (a martingale), i.e. log-price steps of
-sigma^2 dt / 2 + sigma sqrt(dt) Z.

Touch and hold are judged on the continuous path. The main Monte Carlo uses the
Brownian-bridge crossing probability between grid points, exp(-2 (b - x0)(b - x1)
/ (sigma^2 dt)), which makes it unbiased for continuous monitoring on any grid;
a plain fine-grid check without the bridge confirms the same numbers within the
known discretization bias. Tolerances are 4 standard errors plus, for averages,
the documented approximation error.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special
from scipy.stats import multivariate_normal

from ledger.claims.model import LEVEL_KINDS, ClaimKind
from ledger.scoring import (
    kind_codes,
    market_probabilities,
    market_probability,
    realized_volatility,
    realized_volatility_many,
    window_start_years,
    year_fraction,
)
from ledger.scoring.market_implied import bivariate_normal_cdf

AVERAGE_ALLOWANCE = 0.01  # documented accuracy of the moment-matched average
# The kinds with one level; bands take a ceiling too and vague calls have no price.
ONE_LEVEL_KINDS = list(LEVEL_KINDS)


def simulate_log_paths(
    rng: np.random.Generator, sigma: float, t_start: float, t_end: float, n_paths: int, n_steps: int
) -> tuple[np.ndarray, float]:
    """ln(S/S0) on a grid over [t_start, t_end]; the value at t_start is drawn exactly."""
    nu = -0.5 * sigma**2
    dt = (t_end - t_start) / n_steps
    start = nu * t_start + sigma * math.sqrt(t_start) * rng.standard_normal((n_paths, 1))
    steps = nu * dt + sigma * math.sqrt(dt) * rng.standard_normal((n_paths, n_steps))
    return np.concatenate([start, start + np.cumsum(steps, axis=1)], axis=1), dt


def bridge_touch_up(paths: np.ndarray, barrier: float, sigma: float, dt: float) -> np.ndarray:
    """Per path: P(the continuous path reaches `barrier` | the grid values)."""
    left, right = paths[:, :-1], paths[:, 1:]
    below = (left < barrier) & (right < barrier)
    cross = np.where(
        below, np.exp(-2.0 * (barrier - left) * (barrier - right) / (sigma**2 * dt)), 1.0
    )
    return 1.0 - np.prod(1.0 - cross, axis=1)


def assert_within(estimate: np.ndarray, formula: float, allowance: float = 0.0) -> None:
    mean = float(estimate.mean())
    standard_error = float(estimate.std(ddof=1) / math.sqrt(estimate.size))
    assert abs(formula - mean) <= 4.0 * standard_error + allowance + 1e-9, (
        f"formula {formula:.5f}, Monte Carlo {mean:.5f} ± {standard_error:.5f}"
    )


BARRIER_CASES = [
    # sigma, T, t_start, levels as multiples of S0
    pytest.param(0.35, 0.75, 0.0, (0.75, 0.9, 1.1, 1.3), id="window-from-made-on"),
    pytest.param(0.8, 0.5, 0.0, (0.6, 1.5), id="crypto-vol"),
    pytest.param(0.4, 1.0, 0.4, (0.8, 0.97, 1.03, 1.25), id="forward-start"),
]


@pytest.mark.parametrize(("sigma", "t_end", "t_start", "levels"), BARRIER_CASES)
def test_barrier_and_terminal_formulas_match_monte_carlo(
    sigma: float, t_end: float, t_start: float, levels: tuple[float, ...]
) -> None:
    rng = np.random.default_rng(round(1000 * sigma + 100 * t_end + 10 * t_start))
    paths, dt = simulate_log_paths(rng, sigma, t_start, t_end, 30_000, 120)
    for level in levels:
        b = math.log(level)
        touch_up = bridge_touch_up(paths, b, sigma, dt)
        touch_down = bridge_touch_up(-paths, -b, sigma, dt)
        terminal_above = (paths[:, -1] >= b).astype(float)
        expected = {
            ClaimKind.TOUCH_ABOVE: touch_up,
            ClaimKind.TOUCH_BELOW: touch_down,
            ClaimKind.HOLD_ABOVE: 1.0 - touch_down,
            ClaimKind.HOLD_BELOW: 1.0 - touch_up,
            ClaimKind.CLOSE_ABOVE: terminal_above,
            ClaimKind.CLOSE_BELOW: 1.0 - terminal_above,
        }
        kinds = list(expected)
        formula = market_probabilities(
            kinds, 100.0, 100.0 * level, t_end, sigma, t_start_years=t_start
        )
        for kind, value in zip(kinds, formula, strict=True):
            assert_within(expected[kind], float(value))


def test_touch_matches_a_plain_fine_grid_without_the_bridge() -> None:
    rng = np.random.default_rng(77)
    sigma, t_end, level = 0.3, 0.5, 1.15
    paths, dt = simulate_log_paths(rng, sigma, 0.0, t_end, 20_000, 500)
    touched = (paths.max(axis=1) >= math.log(level)).astype(float)
    formula = market_probability(ClaimKind.TOUCH_ABOVE, 100.0, 100.0 * level, t_end, sigma)
    assert formula is not None
    # A grid misses crossings between its points: about a shift of the barrier
    # by 0.5826 sigma sqrt(dt) (Broadie, Glasserman and Kou 1997).
    shifted = market_probability(
        ClaimKind.TOUCH_ABOVE,
        100.0,
        100.0 * level * math.exp(0.5826 * sigma * math.sqrt(dt)),
        t_end,
        sigma,
    )
    assert shifted is not None
    assert_within(touched, shifted)
    assert_within(touched, formula, allowance=formula - shifted)


AVERAGE_CASES = [
    pytest.param(0.4, 0.75, 0.0, id="period-from-made-on"),
    pytest.param(0.25, 0.5, 0.25, id="forward-start"),
    pytest.param(0.8, 1.0, 0.0, id="crypto-year"),
]


@pytest.mark.parametrize(("sigma", "t_end", "t_start"), AVERAGE_CASES)
def test_average_matches_monte_carlo(sigma: float, t_end: float, t_start: float) -> None:
    rng = np.random.default_rng(round(1000 * sigma + 10 * t_start))
    paths, _ = simulate_log_paths(rng, sigma, t_start, t_end, 30_000, 200)
    prices = np.exp(paths)
    average = 0.5 * (prices[:, :-1] + prices[:, 1:]).mean(axis=1)  # trapezoid rule
    levels = np.quantile(average, [0.1, 0.3, 0.5, 0.7, 0.9])
    above = market_probabilities(
        ["average_above"] * 5, 1.0, levels, t_end, sigma, t_start_years=t_start
    )
    below = market_probabilities(
        ["average_below"] * 5, 1.0, levels, t_end, sigma, t_start_years=t_start
    )
    for level, p_above, p_below in zip(levels, above, below, strict=True):
        assert_within((average >= level).astype(float), float(p_above), AVERAGE_ALLOWANCE)
        assert p_above + p_below == pytest.approx(1.0)


def test_average_made_inside_its_period() -> None:
    rng = np.random.default_rng(31)
    sigma, remaining, weight, seen_mean = 0.5, 0.25, 0.4, 104.0
    paths, _ = simulate_log_paths(rng, sigma, 0.0, remaining, 30_000, 200)
    prices = 100.0 * np.exp(paths)
    future = 0.5 * (prices[:, :-1] + prices[:, 1:]).mean(axis=1)
    whole = weight * seen_mean + (1.0 - weight) * future
    for level in (98.0, 102.0, 106.0):
        formula = market_probability(
            "average_above",
            100.0,
            level,
            remaining,
            sigma,
            realized_weight=weight,
            realized_mean=seen_mean,
        )
        assert formula is not None
        assert_within((whole >= level).astype(float), formula, AVERAGE_ALLOWANCE)


@pytest.mark.parametrize(
    ("kind", "s0", "level", "t_years", "sigma", "expected"),
    [
        pytest.param(
            "touch_above", 100, 100, 0.5, 0.3, 1.0, id="touch-above-level-reached-at-start"
        ),
        pytest.param("touch_above", 120, 100, 0.5, 0.3, 1.0, id="touch-above-level-below-start"),
        pytest.param("touch_below", 80, 100, 0.5, 0.3, 1.0, id="touch-below-level-above-start"),
        pytest.param("hold_above", 90, 100, 0.5, 0.3, 0.0, id="hold-above-already-broken"),
        pytest.param("hold_below", 110, 100, 0.5, 0.3, 0.0, id="hold-below-already-broken"),
        pytest.param("close_above", 110, 100, 0.0, 0.3, 1.0, id="no-time-close-above-true"),
        pytest.param("close_above", 90, 100, -0.1, 0.3, 0.0, id="negative-time-close-above-false"),
        pytest.param("touch_above", 90, 100, 0.0, 0.3, 0.0, id="no-time-touch-above-false"),
        pytest.param("hold_above", 100, 100, 0.0, 0.3, 1.0, id="no-time-hold-at-the-level"),
        pytest.param("average_below", 100, 110, 1.0, 0.0, 1.0, id="zero-vol-average-below"),
        pytest.param("touch_below", 100, 90, 1.0, 0.0, 0.0, id="zero-vol-touch-below"),
        pytest.param("hold_above", 100, 90, 1.0, 0.0, 1.0, id="zero-vol-hold-above"),
        pytest.param("close_below", 100, 100, 1.0, 0.0, 1.0, id="zero-vol-close-at-level"),
    ],
)
def test_edge_cases(
    kind: str, s0: float, level: float, t_years: float, sigma: float, expected: float
) -> None:
    assert market_probability(kind, s0, level, t_years, sigma) == expected


@pytest.mark.parametrize(
    ("s0", "level", "t_years", "sigma"),
    [
        pytest.param(100, 110, 1.0, None, id="no-volatility"),
        pytest.param(100, 110, 1.0, -0.2, id="negative-volatility"),
        pytest.param(0, 110, 1.0, 0.3, id="zero-price"),
        pytest.param(100, -5, 1.0, 0.3, id="negative-level"),
        pytest.param(100, 110, float("nan"), 0.3, id="no-deadline"),
    ],
)
def test_invalid_inputs_have_no_probability(
    s0: float, level: float, t_years: float, sigma: float | None
) -> None:
    assert market_probability("touch_above", s0, level, t_years, sigma) is None


def test_drift_convention_is_the_martingale() -> None:
    # E[S_T] = S_0, so the median is below S_0: P(S_T >= S_0) = Φ(-sigma sqrt(T) / 2).
    sigma, t_years = 0.6, 2.0
    p = market_probability("close_above", 100.0, 100.0, t_years, sigma)
    assert p == pytest.approx(special.ndtr(-0.5 * sigma * math.sqrt(t_years)))
    # For a martingale, P(touch L > S0) is close to S0/L for long horizons (optional stopping).
    p_touch = market_probability("touch_above", 100.0, 200.0, 500.0, sigma)
    assert p_touch == pytest.approx(0.5, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.05, 1.5),
    st.floats(0.01, 3.0),
    st.floats(0.3, 3.0),
    st.floats(0.0, 0.9),
)
def test_probability_identities(
    sigma: float, t_years: float, ratio: float, start_share: float
) -> None:
    level = 100.0 * ratio
    t_start = start_share * t_years
    p = dict(
        zip(
            ONE_LEVEL_KINDS,
            market_probabilities(
                ONE_LEVEL_KINDS, 100.0, level, t_years, sigma, t_start_years=t_start
            ),
            strict=True,
        )
    )
    assert all(0.0 <= value <= 1.0 for value in p.values())
    assert p[ClaimKind.TOUCH_ABOVE] + p[ClaimKind.HOLD_BELOW] == pytest.approx(1.0)
    assert p[ClaimKind.TOUCH_BELOW] + p[ClaimKind.HOLD_ABOVE] == pytest.approx(1.0)
    assert p[ClaimKind.CLOSE_ABOVE] + p[ClaimKind.CLOSE_BELOW] == pytest.approx(1.0)
    # Closing beyond the level at the deadline implies having touched it.
    assert p[ClaimKind.TOUCH_ABOVE] >= p[ClaimKind.CLOSE_ABOVE] - 1e-9
    assert p[ClaimKind.TOUCH_BELOW] >= p[ClaimKind.CLOSE_BELOW] - 1e-9


def test_kinds_may_be_enums_strings_or_codes() -> None:
    kinds = ONE_LEVEL_KINDS
    as_enum = market_probabilities(kinds, 100.0, 105.0, 0.5, 0.3)
    as_text = market_probabilities([kind.value for kind in kinds], 100.0, 105.0, 0.5, 0.3)
    as_code = market_probabilities(kind_codes(kinds), 100.0, 105.0, 0.5, 0.3)
    assert np.array_equal(as_enum, as_text) and np.array_equal(as_enum, as_code)
    with pytest.raises(ValueError):
        kind_codes(["touch_sideways"])


def test_bivariate_normal_matches_scipy() -> None:
    rng = np.random.default_rng(2)
    h = np.concatenate([rng.normal(0, 2, 60), [0.0, 0.0, 1.0, -1.0]])
    k = np.concatenate([rng.normal(0, 2, 60), [0.0, 1.5, 0.0, 0.0]])
    rho = np.concatenate([rng.uniform(-0.98, 0.98, 60), [0.3, -0.5, 0.9, -0.9]])
    ours = bivariate_normal_cdf(h, k, rho)
    for i in range(h.size):
        cov = [[1.0, rho[i]], [rho[i], 1.0]]
        expected = multivariate_normal(mean=[0.0, 0.0], cov=cov).cdf([h[i], k[i]])
        assert ours[i] == pytest.approx(expected, abs=1e-7)


# --------------------------------------------------------------------------
# Realized volatility


def synthetic_series(
    sigma: float, every_day: bool, years: int = 3, seed: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    days = np.arange(np.datetime64("2020-01-01"), np.datetime64("2020-01-01") + 366 * years)
    if not every_day:
        days = days[np.is_busday(days)]
    per_year = 365.25 if every_day else 365.25 * 5 / 7
    returns = rng.normal(-0.5 * sigma**2 / per_year, sigma / math.sqrt(per_year), days.size)
    return 100.0 * np.exp(np.cumsum(returns)), days


@pytest.mark.parametrize(
    ("every_day", "bars_per_year"),
    [pytest.param(True, 365.25, id="crypto-every-day"), pytest.param(False, 260.9, id="weekdays")],
)
def test_volatility_and_annualization(every_day: bool, bars_per_year: float) -> None:
    closes, days = synthetic_series(0.6, every_day)
    estimate = realized_volatility(closes, days, date(2022, 6, 30))
    assert estimate.reason is None and estimate.sigma is not None
    assert estimate.periods_per_year == pytest.approx(bars_per_year, abs=1.5)
    # Sampling error of a year's realized vol: sigma / sqrt(2 n).
    assert estimate.sigma == pytest.approx(0.6, abs=4 * 0.6 / math.sqrt(2 * estimate.n_returns))


def test_volatility_matches_a_direct_computation() -> None:
    closes, days = synthetic_series(0.35, every_day=False, seed=3)
    as_of = date(2021, 9, 15)
    frame = pd.DataFrame({"close": closes}, index=pd.DatetimeIndex(days))
    window = frame.loc[pd.Timestamp(as_of) - pd.Timedelta(days=365) : pd.Timestamp(as_of)]
    returns = np.log(window["close"]).diff().dropna()
    span_years = (window.index[-1] - window.index[0]).days / 365.25
    expected = math.sqrt((returns**2).sum() / span_years)
    estimate = realized_volatility(closes, days, as_of)
    assert estimate.sigma == pytest.approx(expected, rel=1e-10)
    assert estimate.n_returns == returns.size


def test_only_the_trailing_year_up_to_made_on_is_used() -> None:
    closes, days = synthetic_series(0.4, every_day=True, seed=5)
    as_of = np.datetime64("2021-07-01")
    base = realized_volatility(closes, days, as_of)
    tampered = closes.copy()
    tampered[days > as_of] *= np.linspace(0.1, 10.0, int((days > as_of).sum()))
    tampered[days < as_of - 365] *= 7.0
    after = realized_volatility(tampered, days, as_of)
    assert after.sigma == pytest.approx(base.sigma, rel=1e-12)  # cumulative-sum rounding only
    assert (after.n_returns, after.periods_per_year) == (base.n_returns, base.periods_per_year)
    tampered[days == as_of] *= 1.5  # the made_on close itself does count
    assert realized_volatility(tampered, days, as_of).sigma != pytest.approx(base.sigma)


def test_not_enough_history() -> None:
    closes, days = synthetic_series(0.3, every_day=False, years=1)
    too_early = realized_volatility(closes, days, date(2020, 2, 20))
    assert too_early.sigma is None and too_early.periods_per_year is None
    assert too_early.reason is not None and "only" in too_early.reason
    assert too_early.n_returns < 60
    before_any = realized_volatility(closes, days, date(2019, 5, 1))
    assert before_any.sigma is None and before_any.reason is not None
    assert "no usable close" in before_any.reason


def test_non_positive_closes_leave_no_volatility_and_say_why() -> None:
    closes, days = synthetic_series(0.3, every_day=True, seed=8)
    as_of = np.datetime64("2021-12-31")
    broken = closes.copy()
    broken[days == np.datetime64("2021-06-01")] = -1.0
    estimate = realized_volatility(broken, days, as_of)
    assert estimate.sigma is None
    assert estimate.n_returns == realized_volatility(closes, days, as_of).n_returns - 2
    assert estimate.reason is not None and "1 close(s) at or below zero" in estimate.reason
    # A year later the negative close has left the window.
    assert realized_volatility(broken, days, np.datetime64("2022-06-30")).sigma is not None


def test_many_dates_agree_with_one_at_a_time() -> None:
    closes, days = synthetic_series(0.5, every_day=False, seed=9)
    as_of = days[::97]
    many = realized_volatility_many(closes, days, as_of)
    for i, when in enumerate(as_of):
        single = realized_volatility(closes, days, when)
        if single.sigma is None:
            assert np.isnan(many.sigma[i])
        else:
            assert many.sigma[i] == pytest.approx(single.sigma, rel=1e-12)
        assert many.spot[i] == closes[days <= when][-1]


def test_time_helpers() -> None:
    made_on = np.array(["2024-01-01", "2024-01-01"], dtype="datetime64[D]")
    deadline = made_on + np.array([365, 0])
    assert year_fraction(made_on, deadline) == pytest.approx([365 / 365.25, 0.0])
    start = np.array([date(2024, 1, 2), date(2024, 4, 1)], dtype="datetime64[D]")
    assert window_start_years(made_on, start) == pytest.approx([0.0, 91 / 365.25])
    assert window_start_years(made_on[:1], made_on[:1] - np.timedelta64(30, "D"))[0] == 0.0
    assert year_fraction(date(2024, 1, 1), date(2024, 1, 1) + timedelta(days=730)) == pytest.approx(
        730 / 365.25
    )


# --- bands ---------------------------------------------------------------------


def bridge_stay_between(
    paths: np.ndarray, floor: float, ceiling: float, sigma: float, dt: float
) -> np.ndarray:
    """Per path: P(the continuous path stays inside (floor, ceiling) | the grid values).

    Each step's chance of leaving is the two one-sided bridge crossings added:
    reaching both edges within one step of a fine grid is negligible.
    """
    left, right = paths[:, :-1], paths[:, 1:]
    inside = (left > floor) & (left < ceiling) & (right > floor) & (right < ceiling)
    up = np.exp(-2.0 * (ceiling - left) * (ceiling - right) / (sigma**2 * dt))
    down = np.exp(-2.0 * (left - floor) * (right - floor) / (sigma**2 * dt))
    stay = np.where(inside, np.clip(1.0 - up - down, 0.0, 1.0), 0.0)
    return np.prod(stay, axis=1)


BAND_CASES = [
    # sigma, T, t_start, (floor, ceiling) as multiples of S0
    pytest.param(0.3, 0.5, 0.0, ((0.9, 1.15), (0.8, 1.25), (0.7, 1.4)), id="from-made-on"),
    pytest.param(0.8, 1.0, 0.0, ((0.6, 2.0), (0.5, 1.2)), id="crypto-vol"),
    pytest.param(0.15, 0.02, 0.0, ((0.98, 1.01), (0.97, 1.05)), id="short-horizon-narrow"),
    pytest.param(0.3, 0.5, 0.2, ((0.9, 1.15), (0.75, 1.3)), id="forward-start"),
    pytest.param(0.25, 1.0, 0.0, ((1.05, 1.3), (0.6, 0.95)), id="band-away-from-spot"),
]


@pytest.mark.parametrize(("sigma", "t_end", "t_start", "bands"), BAND_CASES)
def test_band_formulas_match_monte_carlo(
    sigma: float, t_end: float, t_start: float, bands: tuple[tuple[float, float], ...]
) -> None:
    rng = np.random.default_rng(round(1000 * sigma + 100 * t_end + 10 * t_start) + 5)
    paths, dt = simulate_log_paths(rng, sigma, t_start, t_end, 30_000, 250)
    for floor, ceiling in bands:
        a, c = math.log(floor), math.log(ceiling)
        terminal = ((paths[:, -1] >= a) & (paths[:, -1] <= c)).astype(float)
        stay = bridge_stay_between(paths, a, c, sigma, dt)
        close, hold = market_probabilities(
            [ClaimKind.CLOSE_BETWEEN, ClaimKind.HOLD_BETWEEN],
            100.0,
            100.0 * floor,
            t_end,
            sigma,
            t_start_years=t_start,
            uppers=100.0 * ceiling,
        )
        assert_within(terminal, float(close))
        assert_within(stay, float(hold))


def test_hold_between_series_and_short_horizon_forms_meet() -> None:
    """Either side of the switch from the series to the one-sided touches, one number."""
    sigma, floor, ceiling = 0.2, 0.9, 1.1
    width = math.log(ceiling / floor)
    switch = (width / 8.0 / sigma) ** 2
    below, above = market_probabilities(
        ["hold_between"] * 2,
        100.0,
        100.0 * floor,
        [switch * (1 - 1e-9), switch * (1 + 1e-9)],
        sigma,
        uppers=100.0 * ceiling,
    )
    assert below == pytest.approx(above, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(
    st.floats(0.05, 1.5),
    st.floats(0.005, 3.0),
    st.floats(0.3, 1.5),
    st.floats(1.01, 3.0),
    st.floats(0.0, 0.9),
)
def test_band_identities(
    sigma: float, t_years: float, floor_ratio: float, width: float, start_share: float
) -> None:
    floor, ceiling = 100.0 * floor_ratio, 100.0 * floor_ratio * width
    t_start = start_share * t_years
    kinds = ["close_between", "hold_between", "close_above", "close_below"]
    kinds += ["hold_above", "hold_below", "touch_above", "touch_below"]
    levels = [floor, floor, floor, ceiling, floor, ceiling, ceiling, floor]
    uppers = [ceiling, ceiling] + [math.nan] * 6
    p = dict(
        zip(
            kinds,
            market_probabilities(
                kinds, 100.0, levels, t_years, sigma, t_start_years=t_start, uppers=uppers
            ),
            strict=True,
        )
    )
    assert all(0.0 <= value <= 1.0 for value in p.values())
    # The band's close is closing above the floor and not above the ceiling.
    assert p["close_between"] == pytest.approx(p["close_above"] - (1.0 - p["close_below"]))
    # Staying inside ends inside, and keeps to each edge on its own.
    assert p["hold_between"] <= p["close_between"] + 1e-9
    assert p["hold_between"] <= min(p["hold_above"], p["hold_below"]) + 1e-9
    # ...and fails no more often than touching either edge.
    assert p["hold_between"] >= 1.0 - p["touch_below"] - p["touch_above"] - 1e-9


@pytest.mark.parametrize(
    ("spot", "floor", "ceiling", "sigma", "expected"),
    [
        pytest.param(100.0, 90.0, 110.0, 0.0, 1.0, id="still-price-inside"),
        pytest.param(100.0, 100.0, 110.0, 0.0, 1.0, id="still-price-on-the-floor"),
        pytest.param(120.0, 90.0, 110.0, 0.0, 0.0, id="still-price-outside"),
        pytest.param(120.0, 90.0, 110.0, 0.3, 0.0, id="hold-starts-outside-the-band"),
    ],
)
def test_band_edge_cases(spot, floor, ceiling, sigma, expected) -> None:
    hold = market_probability(ClaimKind.HOLD_BETWEEN, spot, floor, 0.5, sigma, upper=ceiling)
    assert hold == expected
    if sigma == 0.0:
        assert (
            market_probability(ClaimKind.CLOSE_BETWEEN, spot, floor, 0.5, sigma, upper=ceiling)
            == expected
        )


def test_a_band_without_a_proper_ceiling_has_no_probability() -> None:
    for upper in (None, 90.0, math.nan):
        assert (
            market_probability(ClaimKind.CLOSE_BETWEEN, 100.0, 95.0, 0.5, 0.3, upper=upper) is None
        )
    assert market_probability(ClaimKind.VAGUE, 100.0, 95.0, 0.5, 0.3) is None


def test_hold_between_has_converged_in_its_terms_and_nodes(monkeypatch) -> None:
    """The series' 24 terms and the forward start's 48 nodes give what far more would."""
    from ledger.scoring import market_implied

    rng = np.random.default_rng(3)
    n = 500
    floor = rng.uniform(50, 95, n)
    ceiling = floor * rng.uniform(1.05, 2.5, n)
    t = rng.uniform(0.05, 2, n)
    t_start = t * rng.choice([0.0, 0.3, 0.8], n)
    sigma = rng.uniform(0.05, 0.9, n)
    kinds = ["hold_between"] * n
    used = market_probabilities(
        kinds, 100.0, floor, t, sigma, uppers=ceiling, t_start_years=t_start
    )
    monkeypatch.setattr(market_implied, "_SERIES_TERMS", 80)
    monkeypatch.setattr(market_implied, "_QUADRATURE_NODES", 200)
    finer = market_probabilities(
        kinds, 100.0, floor, t, sigma, uppers=ceiling, t_start_years=t_start
    )
    assert np.max(np.abs(used - finer)) < 1e-10
