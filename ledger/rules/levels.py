"""Computed levels: (rule, made_on, bars) -> the level, the bars it came from, and why.

A claim like "BTC holds support" names a level the market sets. It is read
by one stated rule from the bars dated on or before made_on only, so that
nothing that happened after the call can ever move it, and stored with the
claim once fixed (`ledger.claims.model.LevelRule` holds the parameters):

support(60d,pivot3)
    The most recent swing low below the close of made_on's bar (the last bar
    on or before made_on) among the last 60 bars. A swing low is a bar whose
    low is strictly below the lows of the 3 bars before it and not above the
    lows of the 3 bars after it, all inside the window (a fractal, as
    chartists draw them): so a low in the last 3 bars is not yet a swing low,
    and of two equal lows side by side the first is. Support is below the
    price by definition; when no swing low in the window is below the close
    (the market is at its lows), the lowest low of the window is the support
    (the first bar, when several share it).
resistance(60d,pivot3)
    The mirror image: the most recent swing high above the close, else the
    highest high of the window.
sma(N)
    The mean of the last N closes (a "200-day average" is the 200 trading
    sessions a chart's 200-DMA averages; for crypto, which trades every day,
    the last 200 days).
record-high(field), record-low(field)
    The highest high (lowest low; or close, for close claims) of every bar
    the caller has on or before made_on: the caller hands over the whole
    history (the resolver asks the source from 1900), and the reading names
    the first bar it saw. With a period ("its 2025 high") only the bars of
    the period up to made_on count.

Bars are counted, not calendar days, so weekends and holidays of exchange
assets simply are not in the window and crypto's daily bars are. The window
is not computed, but pending, when the data cannot support it:

* no bar within a week before made_on: the data has not reached the call;
* fewer bars on or before made_on than the rule needs (a new symbol, a short
  history): the reading says how many there are and how many are needed;
* a bar in the window was rejected by validation (a gap): that bar might
  hold the extreme, so the level waits until the data is fixed.

Prices are in the bars' units (today's, for a stock split since made_on);
`factor` (the product of the splits after made_on) turns them back into the
units quoted on made_on, as the relative levels' reference close is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from ledger.claims.model import LevelRule, LevelRuleName

# The last bar must be this close to made_on for the data to have reached the
# call (a long weekend plus holidays, as for a relative level's reference close).
RECENT_BAR_DAYS = 7
# The first day a record's history is asked for: all of it.
HISTORY_START = date(1900, 1, 1)


@dataclass(frozen=True)
class LevelReading:
    """What a rule made of the bars: a level with its basis, or why there is none yet."""

    level: float | None
    basis: tuple[date, ...]
    explanation: str

    @property
    def pending(self) -> bool:
        return self.level is None


@dataclass(frozen=True)
class BarArrays:
    """One symbol's bars as arrays, sorted by day (the rules' view of a bars frame)."""

    days: np.ndarray  # datetime64[D]
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray

    @classmethod
    def from_frame(cls, bars: pd.DataFrame) -> BarArrays:
        return cls(
            days=bars.index.to_numpy(dtype="datetime64[D]"),
            high=bars["high"].to_numpy(dtype=np.float64),
            low=bars["low"].to_numpy(dtype=np.float64),
            close=bars["close"].to_numpy(dtype=np.float64),
        )


def history_start(rule: LevelRule, made_on: date) -> date:
    """The first calendar day of bars a rule can need for a call made on `made_on`.

    Bar windows are turned into calendar days generously (five trading days
    a week, plus holidays), so that one fetch always holds enough bars.
    """
    if rule.name in (LevelRuleName.RECORD_HIGH, LevelRuleName.RECORD_LOW):
        return rule.start if rule.start is not None else HISTORY_START
    bars = rule.lookback if rule.lookback is not None else (rule.length or 1)
    return made_on - timedelta(days=bars * 7 // 5 + bars // 10 + 14)


def compute_level(
    rule: LevelRule,
    made_on: date,
    bars: BarArrays,
    *,
    gaps: Sequence[date] = (),
    factor: float = 1.0,
) -> LevelReading:
    """Read `rule` from the bars dated on or before `made_on` (later bars are ignored)."""
    return compute_levels([(rule, made_on, factor)], bars, gaps=gaps)[0]


def compute_levels(
    wanted: Sequence[tuple[LevelRule, date, float]],
    bars: BarArrays,
    *,
    gaps: Sequence[date] = (),
) -> list[LevelReading]:
    """Readings for many (rule, made_on, factor) on one symbol's bars.

    Each claim costs a slice of its window (a record over all history
    costs one lookup in a running extreme computed once per symbol).
    """
    gap_days = np.array(sorted(gaps), dtype="datetime64[D]")
    running = _Running(bars)
    # Claims on one symbol share their calls' days and rules: each distinct
    # (rule, made_on, factor) is read once.
    readings: dict[tuple[LevelRule, date, float], LevelReading] = {}
    out = []
    for key in wanted:
        reading = readings.get(key)
        if reading is None:
            rule, made_on, factor = key
            reading = readings[key] = _reading(rule, made_on, factor, bars, gap_days, running)
        out.append(reading)
    return out


class _Running:
    """Running extremes from the first bar, computed once, for all-time records."""

    def __init__(self, bars: BarArrays) -> None:
        self._bars = bars
        self._cache: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = {}

    def extreme(self, field: str, highest: bool, end: int) -> tuple[float, int]:
        """The extreme of `field` over bars[:end], and the first position holding it."""
        key = (field, highest)
        if key not in self._cache:
            values = getattr(self._bars, field)
            accumulate = np.maximum.accumulate if highest else np.minimum.accumulate
            extreme = accumulate(values)
            # Where each running extreme was first reached: a new extreme moves it.
            changed = np.r_[True, extreme[1:] != extreme[:-1]]
            first = np.maximum.accumulate(np.where(changed, np.arange(len(values)), 0))
            self._cache[key] = (extreme, first)
        extreme, first = self._cache[key]
        return float(extreme[end - 1]), int(first[end - 1])


def _reading(
    rule: LevelRule,
    made_on: date,
    factor: float,
    bars: BarArrays,
    gap_days: np.ndarray,
    running: _Running,
) -> LevelReading:
    end = int(np.searchsorted(bars.days, np.datetime64(made_on, "D"), side="right"))
    if end == 0 or _day(bars.days[end - 1]) < made_on - timedelta(days=RECENT_BAR_DAYS):
        return _pending(
            f"no bar within {RECENT_BAR_DAYS} days before {made_on.isoformat()} yet: the level"
            " is fixed from bars dated on or before the call once the data reaches it"
        )
    if rule.name in (LevelRuleName.RECORD_HIGH, LevelRuleName.RECORD_LOW):
        return _record(rule, made_on, factor, bars, gap_days, running, end)
    needed = rule.lookback if rule.lookback is not None else rule.length
    assert needed is not None
    if end < needed:
        return _pending(
            f"only {end} bars on or before {made_on.isoformat()}: {rule.short()} needs {needed}"
        )
    start = end - needed
    gap = _gap_in(gap_days, bars.days[start], made_on)
    if gap is not None:
        return _gap_pending(gap)
    if rule.name is LevelRuleName.MOVING_AVERAGE:
        closes = bars.close[start:end]
        level = _rounded(float(np.mean(closes)) * factor)
        first, last = _day(bars.days[start]), _day(bars.days[end - 1])
        return LevelReading(
            level,
            (first, last),
            f"{rule.short()} read as {_shown(level)}, the mean close of the {needed} trading"
            f" days {first.isoformat()} to {last.isoformat()}",
        )
    return _swing(rule, made_on, factor, bars, start, end)


def _swing(
    rule: LevelRule, made_on: date, factor: float, bars: BarArrays, start: int, end: int
) -> LevelReading:
    support = rule.name is LevelRuleName.SUPPORT
    assert rule.pivot is not None and rule.lookback is not None
    pivot = rule.pivot
    # Oriented so that a support's low and a resistance's high both look like lows.
    values = bars.low[start:end] if support else -bars.high[start:end]
    last_close = bars.close[end - 1] if support else -bars.close[end - 1]
    size = len(values)
    candidates = np.zeros(size, dtype=bool)
    if size >= 2 * pivot + 1:
        neighbours = sliding_window_view(values, pivot).min(axis=1)  # min of values[k:k+p]
        centre = np.arange(pivot, size - pivot)
        before = neighbours[centre - pivot]
        after = neighbours[centre + 1]
        candidates[centre] = (values[centre] < before) & (values[centre] <= after)
    candidates &= values < last_close
    word = "low" if support else "high"
    if candidates.any():
        position = int(np.flatnonzero(candidates)[-1])
        how = (
            f"the most recent swing {word} ({pivot} bars each side) "
            f"{'below' if support else 'above'} the close, in the {rule.lookback} trading days"
        )
    else:
        position = int(np.argmin(values))
        extreme = "lowest low" if support else "highest high"
        how = (
            f"the {extreme} of the {rule.lookback} trading days (no swing {word}"
            f" {'below' if support else 'above'} the close)"
        )
    level = _rounded(abs(float(values[position])) * factor)
    day = _day(bars.days[start + position])
    return LevelReading(
        level,
        (day,),
        f"{rule.short()} read as {_shown(level)}, {how} to {made_on.isoformat()}"
        f" ({day.isoformat()})",
    )


def _record(
    rule: LevelRule,
    made_on: date,
    factor: float,
    bars: BarArrays,
    gap_days: np.ndarray,
    running: _Running,
    end: int,
) -> LevelReading:
    highest = rule.name is LevelRuleName.RECORD_HIGH
    field = rule.field or ("high" if highest else "low")
    if rule.start is not None:
        begin = int(np.searchsorted(bars.days, np.datetime64(rule.start, "D"), side="left"))
        if rule.end is not None:
            end = min(end, int(np.searchsorted(bars.days, np.datetime64(rule.end, "D"), "right")))
        if begin >= end:
            return _pending(
                f"no bars from {rule.start.isoformat()} to {made_on.isoformat()} yet:"
                f" {rule.short()} is read from them"
            )
        last = min(made_on, rule.end) if rule.end is not None else made_on
        gap = _gap_in(gap_days, bars.days[begin], last)
        if gap is not None:
            return _gap_pending(gap)
        values = getattr(bars, field)[begin:end]
        position = begin + int(np.argmax(values) if highest else np.argmin(values))
        value = float(getattr(bars, field)[position])
        scope = (
            f"of the bars from {_day(bars.days[begin]).isoformat()}"
            f" to {_day(bars.days[end - 1]).isoformat()}"
        )
    else:
        gap = _gap_in(gap_days, bars.days[0], made_on)
        if gap is not None:
            return _gap_pending(gap)
        value, position = running.extreme(field, highest, end)
        scope = f"of all bars from {_day(bars.days[0]).isoformat()} to {made_on.isoformat()}"
    level = _rounded(value * factor)
    day = _day(bars.days[position])
    extreme = "highest" if highest else "lowest"
    return LevelReading(
        level,
        (day,),
        f"{rule.short()} read as {_shown(level)}, the {extreme} {field} {scope}"
        f" ({day.isoformat()})",
    )


def _gap_in(gap_days: np.ndarray, first: np.datetime64, made_on: date) -> date | None:
    if not len(gap_days):
        return None
    inside = gap_days[(gap_days >= first) & (gap_days <= np.datetime64(made_on, "D"))]
    return _day(inside[0]) if len(inside) else None


def _gap_pending(gap: date) -> LevelReading:
    return _pending(
        f"the bar of {gap.isoformat()} in the level's window was rejected: the level waits"
        " until the data is fixed (forecast resolve --recheck)"
    )


def _pending(why: str) -> LevelReading:
    return LevelReading(None, (), why)


def _rounded(value: float) -> float:
    """Ten significant digits, as canonical text writes prices (drops float noise)."""
    return float(f"{value:.10g}")


def _shown(level: float) -> str:
    return format(level, ",.10g")


def _day(value: np.datetime64) -> date:
    return value.astype("datetime64[D]").item()
