"""Computed levels (support, resistance, moving averages, records) at their boundaries.

Small hand-built bars with a short lookback make each case readable; the
independent oracles are plain Python loops and pandas' rolling mean.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.model import LevelRule, LevelRuleName
from ledger.rules.levels import BarArrays, compute_level, compute_levels, history_start

SUPPORT = LevelRule(LevelRuleName.SUPPORT, lookback=10, pivot=2)
RESISTANCE = LevelRule(LevelRuleName.RESISTANCE, lookback=10, pivot=2)


def bars_from(lows: list[float], *, start: date = date(2024, 1, 1), close: float | None = None):
    """Daily bars (every day, like crypto) whose lows are `lows`; highs 10 above, closes 5 above.

    `close` sets the last bar's close (the close on made_on).
    """
    days = np.array([start + timedelta(days=i) for i in range(len(lows))], dtype="datetime64[D]")
    low = np.array(lows, dtype=float)
    closes = low + 5
    if close is not None:
        closes[-1] = close
    return BarArrays(days=days, high=low + 10, low=low, close=closes)


def made_on_of(bars: BarArrays) -> date:
    return bars.days[-1].astype("datetime64[D]").item()


#             0    1    2    3    4    5    6    7    8    9
BASE = [100, 101, 102, 95, 103, 104, 97, 105, 106, 107]


@pytest.mark.parametrize(
    ("lows", "close", "level", "basis_index", "phrase"),
    [
        pytest.param(BASE, 112, 97, 6, "most recent swing low", id="most-recent-swing-low"),
        pytest.param(
            [100, 101, 102, 95, 103, 104, 105, 106, 107, 97],
            112,
            95,
            3,
            "most recent swing low",
            id="low-in-last-pivot-bars-is-not-yet-a-swing-low",
        ),
        pytest.param(
            [90, 101, 102, 95, 103, 104, 105, 106, 107, 108],
            112,
            95,
            3,
            "most recent swing low",
            id="low-in-first-pivot-bars-is-not-a-swing-low",
        ),
        pytest.param(
            [100, 101, 102, 95, 95, 104, 105, 106, 107, 108],
            112,
            95,
            3,
            "most recent swing low",
            id="tie-side-by-side-first-is-the-swing-low",
        ),
        pytest.param(
            [100, 101, 102, 95, 103, 104, 97, 105, 106, 107],
            96,
            95,
            3,
            "most recent swing low",
            id="swing-low-above-the-close-is-broken-and-skipped",
        ),
        pytest.param(
            [100, 101, 102, 95, 103, 104, 97, 105, 106, 90],
            92,
            90,
            9,
            "lowest low",
            id="no-swing-low-below-the-close-lowest-low",
        ),
        pytest.param(
            [90, 101, 102, 95, 103, 104, 97, 105, 106, 90],
            92,
            90,
            0,
            "lowest low",
            id="lowest-low-tie-first-bar",
        ),
    ],
)
def test_support(lows, close, level, basis_index, phrase) -> None:
    bars = bars_from(lows, close=close)
    reading = compute_level(SUPPORT, made_on_of(bars), bars)
    assert reading.level == level
    assert reading.basis == (bars.days[basis_index].item(),)
    assert phrase in reading.explanation
    assert reading.basis[0].isoformat() in reading.explanation


@pytest.mark.parametrize(
    ("close", "phrase"),
    [
        pytest.param(90.0, "most recent swing high", id="swing-high-above-the-close"),
        pytest.param(110.0, "highest high", id="no-swing-high-above-the-close"),
    ],
)
def test_resistance(close: float, phrase: str) -> None:
    highs = np.array([100, 104, 101, 99, 103, 108, 102, 100, 101, 99], dtype=float)
    days = np.array([date(2024, 1, 1) + timedelta(days=i) for i in range(10)],
                    dtype="datetime64[D]")  # fmt: skip
    closes = highs - 5
    closes[-1] = close
    bars = BarArrays(days, high=highs, low=highs - 10, close=closes)
    reading = compute_level(RESISTANCE, date(2024, 1, 10), bars)
    assert reading.level == 108
    assert reading.basis == (date(2024, 1, 6),)
    assert phrase in reading.explanation


def test_a_bar_after_made_on_never_moves_the_level() -> None:
    bars = bars_from(BASE, close=112)
    made_on = made_on_of(bars)
    before = compute_level(SUPPORT, made_on, bars)
    longer = bars_from([*BASE, 50, 200, 40], close=None)
    assert compute_level(SUPPORT, made_on, longer) == before


def test_short_history_is_pending_and_says_how_short() -> None:
    bars = bars_from(BASE[:6])
    reading = compute_level(SUPPORT, made_on_of(bars), bars)
    assert reading.pending
    assert "only 6 bars" in reading.explanation and "needs 10" in reading.explanation


def test_no_bar_near_made_on_is_pending() -> None:
    bars = bars_from(BASE)
    reading = compute_level(SUPPORT, made_on_of(bars) + timedelta(days=8), bars)
    assert reading.pending and "no bar within 7 days" in reading.explanation
    # Within a week the last bar stands for made_on (a weekend, a holiday).
    assert not compute_level(SUPPORT, made_on_of(bars) + timedelta(days=3), bars).pending


def test_rejected_bar_in_the_window_leaves_the_level_pending() -> None:
    bars = bars_from(BASE)
    gap = bars.days[4].item()
    reading = compute_level(SUPPORT, made_on_of(bars), bars, gaps=[gap])
    assert reading.pending and gap.isoformat() in reading.explanation
    outside = bars.days[0].item() - timedelta(days=30)
    assert not compute_level(SUPPORT, made_on_of(bars), bars, gaps=[outside]).pending


def test_weekends_are_not_bars_for_exchange_assets() -> None:
    days = pd.bdate_range("2024-01-01", periods=12).to_numpy(dtype="datetime64[D]")
    closes = np.arange(12, dtype=float) + 100
    bars = BarArrays(days, high=closes + 1, low=closes - 1, close=closes)
    rule = LevelRule(LevelRuleName.MOVING_AVERAGE, length=10)
    made_on = date(2024, 1, 16)  # the 12th weekday
    reading = compute_level(rule, made_on, bars)
    assert reading.level == pytest.approx(np.mean(closes[2:]))
    assert reading.basis == (date(2024, 1, 3), date(2024, 1, 16))
    # A Saturday made_on takes Friday's bar as its last.
    saturday = compute_level(rule, date(2024, 1, 13), bars)
    assert saturday.basis[-1] == date(2024, 1, 12)


@settings(max_examples=60, deadline=None)
@given(
    closes=st.lists(st.floats(1, 1e6, allow_nan=False), min_size=5, max_size=80),
    length=st.integers(2, 30),
    cut=st.integers(0, 79),
)
def test_moving_average_matches_pandas_rolling(closes, length, cut) -> None:
    cut = min(cut, len(closes) - 1)
    days = np.array([date(2024, 1, 1) + timedelta(days=i) for i in range(len(closes))],
                    dtype="datetime64[D]")  # fmt: skip
    values = np.array(closes)
    bars = BarArrays(days, high=values, low=values, close=values)
    made_on = days[cut].item()
    reading = compute_level(LevelRule(LevelRuleName.MOVING_AVERAGE, length=length), made_on, bars)
    if cut + 1 < length:
        assert reading.pending
    else:
        expected = pd.Series(values).rolling(length).mean().iloc[cut]
        assert reading.level == pytest.approx(expected, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    highs=st.lists(st.floats(1, 1e5, allow_nan=False), min_size=1, max_size=60),
    cuts=st.lists(st.integers(0, 59), min_size=1, max_size=5),
)
def test_all_time_high_matches_a_brute_force_maximum(highs, cuts) -> None:
    days = np.array([date(2020, 1, 1) + timedelta(days=i) for i in range(len(highs))],
                    dtype="datetime64[D]")  # fmt: skip
    values = np.array(highs)
    bars = BarArrays(days, high=values, low=values / 2, close=values / 1.5)
    rule = LevelRule(LevelRuleName.RECORD_HIGH, field="high")
    wanted = [(rule, days[min(c, len(highs) - 1)].item(), 1.0) for c in cuts]
    for (_, made_on, _), reading in zip(wanted, compute_levels(wanted, bars), strict=True):
        seen = [h for d, h in zip(days.tolist(), highs, strict=True) if d <= made_on]
        best = max(seen)
        first = next(d for d, h in zip(days.tolist(), highs, strict=True) if h == best)
        assert reading.level == pytest.approx(best, rel=1e-9)
        assert reading.basis == (first,)


def test_record_of_a_named_period_and_closes_and_lows() -> None:
    days = np.array(["2024-12-30", "2025-01-02", "2025-06-02", "2025-11-03", "2025-11-20"],
                    dtype="datetime64[D]")  # fmt: skip
    high = np.array([500.0, 110.0, 130.0, 120.0, 115.0])
    low = np.array([1.0, 100.0, 90.0, 95.0, 105.0])
    close = np.array([2.0, 105.0, 125.0, 118.0, 110.0])
    bars = BarArrays(days, high, low, close)
    made_on = date(2025, 11, 20)
    year = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}
    high_2025 = compute_level(
        LevelRule(LevelRuleName.RECORD_HIGH, field="high", **year), made_on, bars
    )
    assert (high_2025.level, high_2025.basis) == (130.0, (date(2025, 6, 2),))
    close_2025 = compute_level(
        LevelRule(LevelRuleName.RECORD_HIGH, field="close", **year), made_on, bars
    )
    assert close_2025.level == 125.0
    low_2025 = compute_level(
        LevelRule(LevelRuleName.RECORD_LOW, field="low", **year), made_on, bars
    )
    assert low_2025.level == 90.0
    all_time = compute_level(LevelRule(LevelRuleName.RECORD_HIGH, field="high"), made_on, bars)
    assert all_time.level == 500.0
    # A period that ended before made_on: its bars only, not the later ones.
    y2024 = LevelRule(LevelRuleName.RECORD_LOW, field="low", start=date(2024, 1, 1),
                      end=date(2024, 12, 31))  # fmt: skip
    assert compute_level(y2024, made_on, bars).level == 1.0


def test_split_factor_gives_the_level_in_the_units_quoted_on_made_on() -> None:
    bars = bars_from(BASE, close=112)
    plain = compute_level(SUPPORT, made_on_of(bars), bars)
    split = compute_level(SUPPORT, made_on_of(bars), bars, factor=4.0)
    assert split.level == plain.level * 4


@settings(max_examples=50, deadline=None)
@given(
    lookback=st.integers(3, 400),
    made_on=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_history_start_holds_enough_weekday_bars(lookback, made_on) -> None:
    rule = LevelRule(LevelRuleName.SUPPORT, lookback=lookback, pivot=1)
    first = history_start(rule, made_on)
    weekdays = np.busday_count(first, made_on + timedelta(days=1))
    # Ten exchange holidays a year at most on top of weekends, pro rata, and two
    # more for a short window that catches a cluster (Christmas and New Year).
    holidays = math.ceil((made_on - first).days * 10 / 365) + 2
    assert weekdays - holidays >= lookback


@settings(max_examples=80, deadline=None)
@given(
    lows=st.lists(st.integers(1, 50), min_size=10, max_size=40),
    extra=st.lists(st.integers(1, 50), min_size=0, max_size=10),
)
def test_support_matches_a_brute_force_reading(lows, extra) -> None:
    """An oracle written as the rule reads in prose, and later bars never change it."""
    bars = bars_from([float(x) for x in lows])
    made_on = made_on_of(bars)
    reading = compute_level(SUPPORT, made_on, bars)
    window = lows[-10:]
    close = window[-1] + 5
    pivots = [
        i
        for i in range(2, 8)
        if all(window[i] < window[j] for j in (i - 2, i - 1))
        and all(window[i] <= window[j] for j in (i + 1, i + 2))
        and window[i] < close
    ]
    index = pivots[-1] if pivots else window.index(min(window))
    assert reading.level == window[index]
    longer = bars_from([float(x) for x in lows + extra])
    assert compute_level(SUPPORT, made_on, longer) == reading
