"""The resolution rules: (claims, one symbol's bars, as_of) -> verdicts.

Pure: no database, no network, no clock. `as_of` is "today", given by the
caller, so a back-test sees exactly what the ledger would have seen that day:
bars dated after as_of are never looked at.

The window is `claim.window_start` through `claim.deadline`, both inclusive.
For touch, close and hold claims window_start is the day after made_on: the
author already knew that day's prices (the high may have printed before the
call), so a touch on made_on proves nothing. Average claims start on the first
day of their period, which may be before made_on.

How each kind is judged, in the bars' units:

touch_above / touch_below
    TRUE on the first day whose high >= level / low <= level.
    FALSE once the data covers the deadline without such a day.
hold_above / hold_below
    FALSE on the first day whose low < level / high > level (trading at the
    level is not breaking it). TRUE once the data covers the deadline unbroken.
close_above / close_below
    The last close in the window (the last trading day on or before the
    deadline) >= / <= level, once the data covers the deadline.
average_above / average_below
    The mean close over the window >= / <= level, once the data covers the
    deadline (the period is complete).
close_between
    The last close in the window inside the band, floor <= close <= ceiling
    (both edges inclusive), once the data covers the deadline. Judged like
    close_above; the closest approach of a band's close is the latest close
    in the window so far, since where the price ends is what the claim is
    about (a highest or lowest close says nothing about a band).
hold_between
    FALSE on the first day that leaves the band: a low strictly below the
    floor or a high strictly above the ceiling (trading at an edge is not
    leaving). TRUE once the data covers the deadline with every day inside.
    The evidence says which side: its field is `low` for a break of the
    floor, `high` for one of the ceiling (a day that breaks both counts as
    breaking the floor). Its closest approach is the day that came nearest to
    leaving: the highest high or the lowest low, whichever is nearer its edge
    relative to the edge.
vague
    Never judged: no price can settle it. The resolver never asks; a vague
    call given here anyway stays open, waiting for data that cannot come.

"The data covers the deadline" means the source has a row (a bar, or a bar it
gave that validation rejected) dated on or after the deadline's settling
session, and that session is final. The settling session is the last day on
or before the deadline the market trades on the symbol's calendar
(`ledger.rules.calendar`): the deadline itself for crypto, Friday for a
weekend deadline, the day before a holiday on an exchange calendar. It is
final once as_of is past it: a bar dated as_of may be today's unfinished one,
so a close, hold or average claim (and a touch's FALSE) is never settled on
it, while a touch or a break seen on it is seen. On a 24/5 calendar a
deadline on a weekday holiday still waits for a later bar, since without an
exchange calendar a closed market cannot be told from data that has not
arrived. Until the data covers the deadline a claim stays open; missing
data never turns into FALSE, and no claim is judged FALSE-for-not-happening
(or TRUE-for-not-breaking) before its deadline.

Bar quality (`ledger.bars`): a decided verdict says which kind of bars it
stood on, in `Verdict.bar_quality` (`_mark_bar_quality` states the rule); a
close-only bar has high = low = close, so a touch on it is a touch by its
close, and the evidence field says `close`.

Gaps in the data. A day is a gap when the source had a bar for it that
validation rejected (`gaps`, kept by the caller across runs; a bar without
prices in `bars` counts too), or when it falls in a run without any row that
is longer than the market ever closes: any session of an exchange calendar
(NYSE's for US assets), more than four consecutive weekdays for a 24/5
market (nine for Shanghai, Shenzhen and Taipei, which close for a week at
the lunar new year), any day at all for crypto, which trades every day
(`ledger.rules.calendar`). A day with a trusted bar is never a gap. Then:

* a crossing seen on a trusted bar decides, gap or no gap: a touch that
  printed is TRUE and a broken hold is FALSE even if an earlier day is
  unknown (the evidence is the first trusted crossing);
* the end-of-window decisions need every day they stand on: a touch's FALSE,
  a hold's TRUE (a band's included) and an average need no gap in the whole
  window, a close (a band's included) no
  gap after the window's last bar through the deadline (the judged close must
  be the real last trading day's, not an earlier one because the real one was
  rejected). Otherwise the claim stays open as `data_gap`, and
  `Verdict.open_detail` names the gap's days.

A rejected bar on or after the deadline shows the data has arrived just as a
trusted one does, so such a claim is open as `data_gap`, not waiting for data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ledger.bars import BAR_QUALITIES, CLOSE_ONLY, REPAIRED, quality_codes
from ledger.claims.model import Claim, ClaimKind, Outcome
from ledger.rules.calendar import (
    TradingCalendar,
    calendar_for,
    day_numbers,
    session_backward,
    session_forward,
    sessions_between,
    settle_days,
)
from ledger.rules.ranges import RangeMax
from ledger.rules.verdict import EvidenceField, OpenReason, Verdict

AT_LEVEL_TOLERANCE = 1e-9
"""A price within this fraction of the level is at the level.

Levels reach the rules through arithmetic (a relative "+20%", a division by a
split ratio, a mean of closes), which leaves float noise of about 1e-16; a
close of exactly 120 must still count for "closes at or above +20% of 100".
One part in a billion is far below any quoted price's precision.
"""

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

_OPEN, _FALSE, _TRUE = -1, 0, 1
_OUTCOMES: dict[int, Outcome | None] = {_OPEN: None, _FALSE: Outcome.FALSE, _TRUE: Outcome.TRUE}

_WAITING_FOR_DEADLINE, _WAITING_FOR_DATA, _NO_DATA_IN_WINDOW, _DATA_GAP = 0, 1, 2, 3
_REASONS: dict[int, OpenReason | None] = {
    -1: None,
    _WAITING_FOR_DEADLINE: OpenReason.WAITING_FOR_DEADLINE,
    _WAITING_FOR_DATA: OpenReason.WAITING_FOR_DATA,
    _NO_DATA_IN_WINDOW: OpenReason.NO_DATA_IN_WINDOW,
    _DATA_GAP: OpenReason.DATA_GAP,
}
_SHOWN_GAPS = 3

# A bar quality code's name, None at -1 (no bar stood behind the verdict).
_QUALITY_OR_NONE: tuple[str | None, ...] = (*BAR_QUALITIES, None)
_REPAIRED_CODE = BAR_QUALITIES.index(REPAIRED)
_CLOSE_ONLY_CODE = BAR_QUALITIES.index(CLOSE_ONLY)

_UP, _DOWN = 1.0, -1.0
_ROOM_TIE = 1e-12

# The column each kind watches and the direction in which the price moves
# toward the level. Multiplying the column and the level by the direction
# turns every "below" question into an "above" one (low <= level is
# -low >= -level), so one set of range queries serves all eight kinds.
_WATCHED: dict[ClaimKind, tuple[EvidenceField, float]] = {
    ClaimKind.TOUCH_ABOVE: (EvidenceField.HIGH, _UP),
    ClaimKind.TOUCH_BELOW: (EvidenceField.LOW, _DOWN),
    ClaimKind.HOLD_ABOVE: (EvidenceField.LOW, _DOWN),
    ClaimKind.HOLD_BELOW: (EvidenceField.HIGH, _UP),
    ClaimKind.CLOSE_ABOVE: (EvidenceField.CLOSE, _UP),
    ClaimKind.CLOSE_BELOW: (EvidenceField.CLOSE, _DOWN),
    ClaimKind.AVERAGE_ABOVE: (EvidenceField.CLOSE, _UP),
    ClaimKind.AVERAGE_BELOW: (EvidenceField.CLOSE, _DOWN),
}

# Every kind judged on one series (bands included); an outperformance is `relative`'s.
_KINDS: tuple[ClaimKind, ...] = tuple(k for k in ClaimKind if k is not ClaimKind.OUTPERFORM)
_KIND_CODES: dict[ClaimKind, int] = {kind: code for code, kind in enumerate(_KINDS)}
_KIND_VALUE_CODES: dict[str, int] = {kind.value: code for code, kind in enumerate(_KINDS)}
_TOUCH_ABOVE_CODE = _KIND_CODES[ClaimKind.TOUCH_ABOVE]
# By kind code: the kind's family, as masks (`_mark_bar_quality` reads them per claim).
_IS_TOUCH = np.array([kind.family == "touch" for kind in _KINDS])
_IS_HOLD = np.array([kind.family == "hold" for kind in _KINDS])
_IS_AVERAGE = np.array([kind.family == "average" for kind in _KINDS])
_TOUCH_BELOW_CODE = _KIND_CODES[ClaimKind.TOUCH_BELOW]


def _field_of(kind: ClaimKind) -> EvidenceField:
    if kind.family == "average":
        return EvidenceField.AVERAGE
    if kind in _WATCHED:
        return _WATCHED[kind][0]
    # A band's close is a close; which edge a hold_between's bar came near is
    # set per claim (`_Results.field`), the high only standing in here.
    return EvidenceField.CLOSE if kind.family == "close" else EvidenceField.HIGH


# By kind code: the field a kind's evidence and closest approach are read from.
_FIELDS: tuple[EvidenceField, ...] = tuple(_field_of(kind) for kind in _KINDS)
_FIELD_LIST: tuple[EvidenceField, ...] = tuple(EvidenceField)
_FIELD_CODE: dict[EvidenceField, int] = {field: code for code, field in enumerate(_FIELD_LIST)}
# `resolve_columns`' field lookup: a rule's field code, then (from the offset) a
# kind's own field by kind code, and None last (at -1, an undecided claim).
_KIND_FIELD_OFFSET = len(_FIELD_LIST)
_FIELD_OR_NONE: tuple[EvidenceField | None, ...] = (*_FIELD_LIST, *_FIELDS, None)


def resolve(
    claim: Claim,
    bars: pd.DataFrame,
    as_of: date,
    splits: pd.Series | None = None,
    gaps: Iterable[date] | None = None,
) -> Verdict:
    """Judge one claim against its symbol's bars as of `as_of`.

    `bars` is a frame in the shape of `ledger.bars` (split-adjusted, in
    today's units). `splits` (ratio by date, 2.0 for 2-for-1, 0.1 for 1-for-10)
    converts a level stated before a split into the bars' units: it is divided
    by the product of the ratios of the splits dated after made_on. A relative
    level is treated the same way, so `reference_price` must be the close on
    made_on as quoted that day, not read back from today's adjusted bars.
    `gaps` are the dates whose bar the source gave but validation rejected.
    """
    return resolve_many([claim], bars, as_of, splits, gaps)[0]


def resolve_many(
    claims: Sequence[Claim],
    bars: pd.DataFrame,
    as_of: date,
    splits: pd.Series | None = None,
    gaps: Iterable[date] | None = None,
) -> list[Verdict]:
    """Judge many claims on ONE symbol's bars; the same verdicts as `resolve` one by one.

    The bars are turned into arrays once and every rule is a handful of numpy
    operations over all claims of a kind, so thousands of claims over ten
    years of bars cost milliseconds.
    """
    if not claims:
        return []
    if any(claim.is_outperformance for claim in claims):
        raise ValueError("outperformance claims are judged by ledger.rules.relative")
    prices = _Prices(bars, as_of, gaps)
    batch = _Batch.of_claims(claims, splits, prices, as_of)
    return _verdicts(batch, prices, _judge(batch, prices))


NO_DAY = np.iinfo(np.int64).min
"""`VerdictColumns`' day number where the Verdict's date is None."""


@dataclass(frozen=True)
class ClaimColumns:
    """One symbol's claims as arrays, for a run that judges them by the column.

    The same claims `resolve_many` judges, without a `Claim` per claim: `kind`
    holds `ClaimKind` values (one-series kinds only, no outperformance), the
    dates are day numbers since 1970-01-01, `level` is the stated level (NaN
    while unknown) and `upper` a band's stated ceiling (NaN for other kinds).
    A resolve run holds 100k claims; building and judging 100k objects cost
    more than the rules themselves.
    """

    symbol: str
    kind: Sequence[str]
    made_on: np.ndarray
    window_start: np.ndarray
    deadline: np.ndarray
    level: np.ndarray
    upper: np.ndarray

    def __len__(self) -> int:
        return len(self.kind)


@dataclass(frozen=True)
class VerdictColumns:
    """`resolve_columns`' verdicts as arrays, one entry per claim, in the claims' order.

    Each array holds what the `Verdict` of the same claim would: `outcome` is
    1 (TRUE), 0 (FALSE) or -1 (open); day numbers are `NO_DAY` (a day before
    1970 is a negative number) and prices NaN where the Verdict has None,
    `days_to_touch` -1; `evidence_field` and `bar_quality` are the Verdict's
    values (None where it has none); `open_reason` the OpenReason of open claims.
    """

    outcome: np.ndarray
    open_reason: list[OpenReason | None]
    open_detail: list[str | None]
    evidence_day: np.ndarray
    evidence_price: np.ndarray
    evidence_field: list[EvidenceField | None]
    stated_level: np.ndarray
    level_used: np.ndarray
    split_factor: np.ndarray
    closest_day: np.ndarray
    closest_price: np.ndarray
    days_to_touch: np.ndarray
    bar_quality: list[str | None]


def resolve_columns(
    claims: ClaimColumns,
    bars: pd.DataFrame,
    as_of: date,
    splits: pd.Series | None = None,
    gaps: Iterable[date] | None = None,
) -> VerdictColumns:
    """Judge one symbol's claims given as columns: `resolve_many`'s verdicts, as arrays."""
    prices = _Prices(bars, as_of, gaps)
    batch = _Batch.of_columns(claims, splits, prices, as_of)
    results = _judge(batch, prices)
    decided = results.outcome != _OPEN
    # A claim's field code (its kind's field where the rule set none), -1 when
    # undecided: looked up a C call at a time, not built per claim in Python.
    field_codes = np.where(results.field < 0, _KIND_FIELD_OFFSET + batch.kind, results.field)
    fields: list[EvidenceField | None] = list(
        map(_FIELD_OR_NONE.__getitem__, np.where(decided, field_codes, -1).tolist())
    )
    evidence_day = np.where(
        results.evidence_index >= 0, prices.day_at(results.evidence_index), NO_DAY
    )
    closest_day = np.where(results.closest_index >= 0, prices.day_at(results.closest_index), NO_DAY)
    return VerdictColumns(
        outcome=results.outcome,
        open_reason=list(map(_REASONS.__getitem__, results.reason.tolist())),
        open_detail=_open_details(batch, results),
        evidence_day=evidence_day,
        evidence_price=np.where(decided, results.evidence_price, np.nan),
        evidence_field=fields,
        stated_level=batch.stated_level,
        level_used=batch.level,
        split_factor=batch.split_factor,
        closest_day=closest_day,
        closest_price=results.closest_price,
        days_to_touch=_days_to_touch(batch, prices, results),
        bar_quality=list(map(_QUALITY_OR_NONE.__getitem__, results.bar_quality.tolist())),
    )


def _judge(batch: _Batch, prices: _Prices) -> _Results:
    """Every rule over the batch, a kind at a time; the result arrays."""
    results = _Results(batch.count)
    for code in np.unique(batch.kind).tolist():
        kind = _KINDS[code]
        chosen = np.flatnonzero(batch.kind == code)
        family = kind.family
        if kind.is_vague:
            continue  # no level: left open (see the module docstring)
        if kind is ClaimKind.CLOSE_BETWEEN:
            _judge_close_band(chosen, batch, prices, results)
        elif kind is ClaimKind.HOLD_BETWEEN:
            _judge_hold_band(chosen, batch, prices, results)
        elif family in ("touch", "hold"):
            _judge_first_crossing(kind, chosen, batch, prices, results)
        elif family == "close":
            _judge_close(kind, chosen, batch, prices, results)
        else:
            _judge_average(kind, chosen, batch, prices, results)
    _give_open_reasons(batch, results)
    _mark_bar_quality(batch, prices, results)
    return results


class _Prices:
    """One symbol's bars through as_of, as plain arrays with day numbers."""

    def __init__(self, bars: pd.DataFrame, as_of: date, gaps: Iterable[date] | None) -> None:
        unpriced = np.empty(0, dtype=np.int64)
        if len(bars) == 0:
            days = np.empty(0, dtype=np.int64)
            high = low = close = np.empty(0, dtype=np.float64)
            quality = np.empty(0, dtype=np.int8)
        else:
            days = pd.DatetimeIndex(bars.index).values.astype("datetime64[D]").astype(np.int64)
            high = bars["high"].to_numpy(dtype=np.float64)
            low = bars["low"].to_numpy(dtype=np.float64)
            close = bars["close"].to_numpy(dtype=np.float64)
            quality = quality_codes(bars)
            # A bar without prices is no evidence of anything; drop it rather
            # than let a NaN poison the range tables, and count its day as a gap.
            priced = ~(np.isnan(high) | np.isnan(low) | np.isnan(close))
            if not priced.all():
                unpriced = days[~priced]
                days, high, low, close = days[priced], high[priced], low[priced], close[priced]
                quality = quality[priced]
            if np.any(np.diff(days) <= 0):
                raise ValueError("bars must be sorted by date, one bar per day")
        end = int(np.searchsorted(days, _day_number(as_of), side="right"))
        self.days = days[:end]
        self.last_day = int(self.days[-1]) if end else np.iinfo(np.int64).min
        given = list(gaps or ())
        rejected = unpriced
        if given:
            rejected = np.union1d(unpriced, day_numbers(given))
        if len(rejected):
            rejected = rejected[rejected <= _day_number(as_of)]
            # A day with a trusted bar is no gap, whatever else was said about it.
            rejected = np.setdiff1d(rejected, self.days, assume_unique=True)
        self.rejected_days = rejected
        # The last day the source had a row for, trusted or not.
        self.last_row_day = self.last_day
        if len(self.rejected_days):
            self.last_row_day = max(self.last_day, int(self.rejected_days[-1]))
        self._gaps: dict[TradingCalendar, _Gaps] = {}
        self._columns = {
            EvidenceField.HIGH: high[:end],
            EvidenceField.LOW: low[:end],
            EvidenceField.CLOSE: close[:end],
        }
        self._tables: dict[tuple[EvidenceField, float], RangeMax] = {}
        # Running counts of repaired and close-only bars: "any in a window" is one subtraction.
        quality = quality[:end]
        self.quality = quality
        self.repaired_before = np.concatenate(([0], np.cumsum(quality == _REPAIRED_CODE)))
        self.close_only_before = np.concatenate(([0], np.cumsum(quality == _CLOSE_ONLY_CODE)))

    def day_at(self, positions: np.ndarray) -> np.ndarray:
        """Day numbers of the bars at `positions` (any value where the position is -1)."""
        if len(self.days) == 0:
            return np.zeros(len(positions), dtype=np.int64)
        return self.days[np.maximum(positions, 0)]

    def column(self, field: EvidenceField) -> np.ndarray:
        return self._columns[field]

    def oriented(self, field: EvidenceField, direction: float) -> RangeMax:
        """Range queries over `direction * column`, built on first use."""
        key = (field, direction)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = RangeMax(direction * self._columns[field])
        return table

    def gaps(self, calendar: TradingCalendar) -> _Gaps:
        """The days these bars cannot vouch for on `calendar`, built on first use."""
        found = self._gaps.get(calendar)
        if found is None:
            found = self._gaps[calendar] = _Gaps(self.days, self.rejected_days, calendar)
        return found

    def window_sums(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Sum of closes over each window [start, stop); 0.0 for an empty window.

        `np.add.reduceat` adds each window's closes directly; differences of a
        running sum would lose the digits of a cheap window that follows a
        long stretch of dear prices.
        """
        if len(start) == 0:
            return np.empty(0, dtype=np.float64)
        padded = np.append(self._columns[EvidenceField.CLOSE], 0.0)
        bounds = np.empty(2 * len(start), dtype=np.int64)
        bounds[0::2] = start
        bounds[1::2] = stop
        with np.errstate(over="ignore"):  # closes near 1e308 add up to inf, a mean beyond any level
            sums = np.add.reduceat(padded, bounds)[0::2]
        return np.where(stop > start, sums, 0.0)


class _Gaps:
    """The days a symbol's data cannot vouch for: rejected bars and runs without bars.

    Rejected days are single days. A run without bars is the stretch between
    two consecutive rows (trusted or rejected) with more missing days than the calendar's
    longest closure; for a weekday calendar only its weekdays count, so it is
    stored from its first weekday to its last, and queries are narrowed to
    weekdays in the same way. Runs never overlap, so both kinds are sorted
    arrays that one binary search per claim answers.
    """

    def __init__(
        self, days: np.ndarray, rejected_days: np.ndarray, calendar: TradingCalendar
    ) -> None:
        self.rejected = rejected_days
        self.calendar = calendar
        self.weekdays_only = not calendar.every_day
        empty = np.empty(0, dtype=np.int64)
        self.run_first, self.run_last, self.run_missing = empty, empty, empty
        # A rejected bar still shows the source had the day: runs lie between rows.
        rows = np.union1d(days, rejected_days) if len(rejected_days) else days
        if len(rows) < 2:
            return
        after, following = rows[:-1] + 1, rows[1:]
        if calendar.every_day:
            missing = following - after
        else:
            missing = sessions_between(calendar, after, following)
        long_run = missing > calendar.closure_allowed(following)
        first, last = after[long_run], following[long_run] - 1
        if self.weekdays_only:
            first, last = session_forward(calendar, first), session_backward(calendar, last)
        self.run_first, self.run_last, self.run_missing = first, last, missing[long_run]

    def any_between(self, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Per claim, whether [lo, hi] (day numbers, inclusive) holds a day of a gap."""
        if len(self.rejected) == 0 and len(self.run_first) == 0:
            return np.zeros(len(lo), dtype=bool)
        rejected = np.searchsorted(self.rejected, lo, side="left") < np.searchsorted(
            self.rejected, hi, side="right"
        )
        if len(self.run_first) == 0:
            return rejected
        if self.weekdays_only:
            lo, hi = session_forward(self.calendar, lo), session_backward(self.calendar, hi)
        run = np.searchsorted(self.run_first, hi, side="right") - 1
        in_run = (run >= 0) & (self.run_last[np.maximum(run, 0)] >= lo) & (lo <= hi)
        return rejected | in_run

    def describe(self, lo: int, hi: int) -> str:
        """The gaps inside [lo, hi] in words, earliest first, for an open claim's detail."""
        pieces: list[tuple[int, str]] = []
        chosen = self.rejected[(self.rejected >= lo) & (self.rejected <= hi)]
        for day in chosen.tolist():
            pieces.append((day, f"{_iso(day)} (the source's bar was rejected)"))
        unit = "day"
        if self.weekdays_only:
            unit = "weekday" if self.calendar.exchange is None else "trading day"
        inside = (self.run_first <= hi) & (self.run_last >= lo)
        for first, last, missing in zip(
            self.run_first[inside].tolist(),
            self.run_last[inside].tolist(),
            self.run_missing[inside].tolist(),
            strict=True,
        ):
            span = _iso(first) if first == last else f"{_iso(first)} to {_iso(last)}"
            plural = "" if missing == 1 else "s"
            pieces.append((first, f"{span} ({missing} {unit}{plural} without a bar)"))
        pieces.sort()
        shown = "; ".join(text for _, text in pieces[:_SHOWN_GAPS])
        more = len(pieces) - _SHOWN_GAPS
        return f"gap in the data: {shown}" + (f"; and {more} more" if more > 0 else "")


class _Batch:
    """The claims of one call as arrays: window bounds, levels, coverage."""

    def __init__(
        self,
        kind: np.ndarray,
        made_on: np.ndarray,
        window_start: np.ndarray,
        deadline: np.ndarray,
        symbols: Sequence[str],
        stated_level: np.ndarray,
        stated_upper: np.ndarray,
        splits: pd.Series | None,
        prices: _Prices,
        as_of: date,
    ) -> None:
        count = self.count = len(kind)
        self.kind = kind
        self.made_on = made_on
        self.window_start = window_start
        self.deadline = deadline
        self.prices = prices
        # Claims of one call share a symbol, so almost always a single calendar.
        by_symbol = {symbol: calendar_for(symbol) for symbol in set(symbols)}
        self.calendars = list(dict.fromkeys(by_symbol.values()))
        self.calendar = np.zeros(count, dtype=np.int64)
        if len(self.calendars) > 1:
            codes = {calendar: code for code, calendar in enumerate(self.calendars)}
            self.calendar = np.fromiter(
                (codes[by_symbol[symbol]] for symbol in symbols), np.int64, count
            )
        self.stated_level = stated_level
        self.split_factor = _split_factors(self.made_on, splits)
        self.level = self.stated_level / self.split_factor
        # A band's ceiling (NaN for every other kind), split like the floor.
        self.stated_upper = stated_upper
        self.upper = self.stated_upper / self.split_factor
        self.has_level = ~np.isnan(self.level)
        self.start = np.searchsorted(prices.days, window_start, side="left")
        self.stop = np.maximum(np.searchsorted(prices.days, deadline, side="right"), self.start)
        # The session that settles the claim: the last one on or before the
        # deadline on the symbol's calendar (Friday for a Saturday deadline).
        self.settle_day = settle = np.zeros(count, dtype=np.int64)
        for code, calendar in enumerate(self.calendars):
            mine = self.calendar == code
            settle[mine] = settle_days(calendar, deadline[mine])
        # Covered: the source has a row (a rejected one shows the data has
        # arrived too) for the settling session or later, and that session is
        # final: a bar dated as_of may be today's unfinished one.
        today = _day_number(as_of)
        self.covered = (prices.last_row_day >= settle) & (settle < today)
        self.before_deadline = today < deadline
        # Decide an end-of-window outcome only on a known level, data that
        # covers the deadline, and at least one bar inside the window.
        self.decidable = self.has_level & self.covered & (self.stop > self.start)
        # What a gap can hold back: a claim the end of its window would decide.
        self.judgeable = self.has_level & self.covered

    @classmethod
    def of_claims(
        cls, claims: Sequence[Claim], splits: pd.Series | None, prices: _Prices, as_of: date
    ) -> _Batch:
        count = len(claims)
        return cls(
            np.fromiter((_KIND_CODES[c.kind] for c in claims), np.int64, count),
            day_numbers([c.made_on for c in claims]),
            day_numbers([c.window_start for c in claims]),
            day_numbers([c.deadline for c in claims]),
            [c.symbol for c in claims],
            np.fromiter((_stated_level(c) for c in claims), np.float64, count),
            np.fromiter(
                (math.nan if c.upper is None else float(c.upper) for c in claims),
                np.float64,
                count,
            ),
            splits,
            prices,
            as_of,
        )

    @classmethod
    def of_columns(
        cls, claims: ClaimColumns, splits: pd.Series | None, prices: _Prices, as_of: date
    ) -> _Batch:
        kinds = claims.kind
        return cls(
            np.fromiter(map(_KIND_VALUE_CODES.__getitem__, kinds), np.int64, len(kinds)),
            np.asarray(claims.made_on, dtype=np.int64),
            np.asarray(claims.window_start, dtype=np.int64),
            np.asarray(claims.deadline, dtype=np.int64),
            (claims.symbol,),
            np.asarray(claims.level, dtype=np.float64),
            np.asarray(claims.upper, dtype=np.float64),
            splits,
            prices,
            as_of,
        )

    def gap_between(self, chosen: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Whether each chosen claim's days [lo, hi] hold a gap, on that claim's calendar."""
        if len(self.calendars) == 1:
            return self.prices.gaps(self.calendars[0]).any_between(lo, hi)
        found = np.zeros(len(chosen), dtype=bool)
        for code, calendar in enumerate(self.calendars):
            mine = self.calendar[chosen] == code
            found[mine] = self.prices.gaps(calendar).any_between(lo[mine], hi[mine])
        return found

    def describe_gap(self, claim: int, lo: int, hi: int) -> str:
        return self.prices.gaps(self.calendars[self.calendar[claim]]).describe(lo, hi)


class _Results:
    """Per-claim result arrays the judges fill in; indexes are bar positions."""

    def __init__(self, count: int) -> None:
        self.outcome = np.full(count, _OPEN, dtype=np.int64)
        self.reason = np.full(count, -1, dtype=np.int64)
        self.evidence_index = np.full(count, -1, dtype=np.int64)
        self.evidence_price = np.full(count, np.nan)
        self.closest_index = np.full(count, -1, dtype=np.int64)
        self.closest_price = np.full(count, np.nan)
        self.bars_in_window = np.zeros(count, dtype=np.int64)
        # The quality the verdict stood on: -1 all ok, else a BAR_QUALITIES code.
        self.bar_quality = np.full(count, -1, dtype=np.int64)
        # An end-of-window decision a gap in [gap_from, gap_to] held back.
        self.held_back = np.zeros(count, dtype=bool)
        self.gap_from = np.zeros(count, dtype=np.int64)
        self.gap_to = np.zeros(count, dtype=np.int64)
        # The evidence and closest-approach field, where it is per claim (a band's
        # edge); -1 takes the kind's own field.
        self.field = np.full(count, -1, dtype=np.int64)

    def hold_back(
        self, chosen: np.ndarray, mask: np.ndarray, gap_from: np.ndarray, gap_to: np.ndarray
    ) -> None:
        self.held_back[chosen] = mask
        self.gap_from[chosen] = gap_from
        self.gap_to[chosen] = gap_to


def _judge_first_crossing(
    kind: ClaimKind, chosen: np.ndarray, batch: _Batch, prices: _Prices, results: _Results
) -> None:
    """Touch and hold claims: both settle on the first day the level is crossed.

    A touch is reaching the level (equality counts) and makes the claim TRUE;
    a hold is broken only by trading strictly past the level and becomes
    FALSE. With no crossing, the end of the window decides the opposite.
    """
    field, direction = _WATCHED[kind]
    table = prices.oriented(field, direction)
    start, stop = batch.start[chosen], batch.stop[chosen]
    is_touch = kind.family == "touch"
    if is_touch:
        threshold = _reaching(direction * batch.level[chosen])
    else:
        threshold = _passing(direction * batch.level[chosen])
    first = table.first_reaching(start, stop, threshold, strict=not is_touch)
    crossed = first < stop
    # "Never crossed" needs every day of the window; a crossing seen needs only its bar.
    window_start, deadline = batch.window_start[chosen], batch.deadline[chosen]
    gap = ~crossed & batch.judgeable[chosen] & batch.gap_between(chosen, window_start, deadline)
    results.hold_back(chosen, gap, window_start, deadline)
    at_end = ~crossed & batch.decidable[chosen] & ~gap

    # Before the crossing every bar fell short of it, so the crossing bar is
    # also the closest approach up to the decision day.
    closest = np.where(crossed, first, -1)
    unsettled = ~crossed & (stop > start)
    closest[unsettled] = table.argmax(start[unsettled], stop[unsettled])

    outcome = np.full(len(chosen), _OPEN)
    outcome[crossed] = _TRUE if is_touch else _FALSE
    outcome[at_end] = _FALSE if is_touch else _TRUE
    evidence = np.where(crossed, first, np.where(at_end, closest, -1))

    results.outcome[chosen] = outcome
    results.evidence_index[chosen] = evidence
    results.evidence_price[chosen] = _gather(prices.column(field), evidence)
    results.closest_index[chosen] = closest
    results.closest_price[chosen] = _gather(prices.column(field), closest)
    results.bars_in_window[chosen] = np.where(crossed, first + 1, stop) - start


def _judge_close(
    kind: ClaimKind, chosen: np.ndarray, batch: _Batch, prices: _Prices, results: _Results
) -> None:
    """Close claims: the window's last close against the level, once the deadline is covered."""
    field, direction = _WATCHED[kind]
    table = prices.oriented(field, direction)
    close = prices.column(field)
    start, stop = batch.start[chosen], batch.stop[chosen]
    nonempty = stop > start
    last = np.where(nonempty, stop - 1, -1)
    # The judged close must be the last trading day's: no gap may follow its bar.
    after_last = np.where(nonempty, prices.day_at(last) + 1, batch.window_start[chosen])
    deadline = batch.deadline[chosen]
    gap = batch.judgeable[chosen] & batch.gap_between(chosen, after_last, deadline)
    results.hold_back(chosen, gap, after_last, deadline)
    decided = batch.decidable[chosen] & ~gap
    threshold = _reaching(direction * batch.level[chosen])
    reached = direction * _gather(close, last) >= threshold

    closest = np.full(len(chosen), -1)
    closest[nonempty] = table.argmax(start[nonempty], stop[nonempty])
    evidence = np.where(decided, last, -1)

    results.outcome[chosen] = np.where(decided, np.where(reached, _TRUE, _FALSE), _OPEN)
    results.evidence_index[chosen] = evidence
    results.evidence_price[chosen] = _gather(close, evidence)
    results.closest_index[chosen] = closest
    results.closest_price[chosen] = _gather(close, closest)
    results.bars_in_window[chosen] = stop - start


def _judge_close_band(
    chosen: np.ndarray, batch: _Batch, prices: _Prices, results: _Results
) -> None:
    """close_between: the window's last close inside the band, once the deadline is covered.

    The gap rule is the close's: no gap may follow the judged bar through the
    deadline. Both edges are inside, within AT_LEVEL_TOLERANCE.
    """
    close = prices.column(EvidenceField.CLOSE)
    start, stop = batch.start[chosen], batch.stop[chosen]
    nonempty = stop > start
    last = np.where(nonempty, stop - 1, -1)
    after_last = np.where(nonempty, prices.day_at(last) + 1, batch.window_start[chosen])
    deadline = batch.deadline[chosen]
    has_band = ~np.isnan(batch.upper[chosen])
    gap = has_band & batch.judgeable[chosen] & batch.gap_between(chosen, after_last, deadline)
    results.hold_back(chosen, gap, after_last, deadline)
    decided = has_band & batch.decidable[chosen] & ~gap
    last_close = _gather(close, last)
    floor, ceiling = batch.level[chosen], batch.upper[chosen]
    inside = (last_close >= _reaching(floor)) & (-last_close >= _reaching(-ceiling))
    evidence = np.where(decided, last, -1)

    results.outcome[chosen] = np.where(decided, np.where(inside, _TRUE, _FALSE), _OPEN)
    results.evidence_index[chosen] = evidence
    results.evidence_price[chosen] = _gather(close, evidence)
    results.closest_index[chosen] = last
    results.closest_price[chosen] = last_close
    results.bars_in_window[chosen] = stop - start


def _judge_hold_band(chosen: np.ndarray, batch: _Batch, prices: _Prices, results: _Results) -> None:
    """hold_between: FALSE on the first bar that leaves the band, TRUE at a covered deadline.

    Two first-crossing queries, one per edge (the floor on the negated lows,
    the ceiling on the highs); the earlier decides, and its side is the field
    of the evidence. Gaps are the hold's: a break seen on a trusted bar
    decides, an unbroken window needs every day.
    """
    lows = prices.oriented(EvidenceField.LOW, _DOWN)
    highs = prices.oriented(EvidenceField.HIGH, _UP)
    start, stop = batch.start[chosen], batch.stop[chosen]
    floor, ceiling = batch.level[chosen], batch.upper[chosen]
    has_band = ~np.isnan(ceiling)
    below = lows.first_reaching(start, stop, _passing(-floor), strict=True)
    above = highs.first_reaching(start, stop, _passing(ceiling), strict=True)
    below = np.where(has_band, below, stop)
    above = np.where(has_band, above, stop)
    broke_floor = below <= above
    first = np.minimum(below, above)
    crossed = first < stop
    window_start, deadline = batch.window_start[chosen], batch.deadline[chosen]
    judgeable = has_band & batch.judgeable[chosen]
    gap = ~crossed & judgeable & batch.gap_between(chosen, window_start, deadline)
    results.hold_back(chosen, gap, window_start, deadline)
    at_end = ~crossed & has_band & batch.decidable[chosen] & ~gap

    # Unbroken so far: the nearer of the highest high (to the ceiling) and the
    # lowest low (to the floor), each measured as a fraction of its edge.
    high_col, low_col = prices.column(EvidenceField.HIGH), prices.column(EvidenceField.LOW)
    unsettled = ~crossed & (stop > start)
    closest = np.where(crossed, first, -1)
    near_high = np.zeros(len(chosen), dtype=bool)
    highest = highs.argmax(start[unsettled], stop[unsettled])
    lowest = lows.argmax(start[unsettled], stop[unsettled])
    room_above = (ceiling[unsettled] - high_col[highest]) / ceiling[unsettled]
    room_below = (low_col[lowest] - floor[unsettled]) / floor[unsettled]
    # Rooms within float noise of each other are a tie, and a tie goes to the earlier day.
    tied = np.abs(room_above - room_below) <= _ROOM_TIE
    pick_high = np.where(tied, highest < lowest, room_above < room_below)
    closest[unsettled] = np.where(pick_high, highest, lowest)
    near_high[unsettled] = pick_high
    near_high[crossed] = ~broke_floor[crossed]

    outcome = np.full(len(chosen), _OPEN)
    outcome[crossed] = _FALSE
    outcome[at_end] = _TRUE
    evidence = np.where(crossed, first, np.where(at_end, closest, -1))
    # The crossing bar, or the closest approach: the same bar whenever both exist.
    field_values = np.where(near_high, _gather(high_col, closest), _gather(low_col, closest))
    results.outcome[chosen] = outcome
    results.evidence_index[chosen] = evidence
    results.evidence_price[chosen] = np.where(evidence >= 0, field_values, np.nan)
    results.closest_index[chosen] = closest
    results.closest_price[chosen] = np.where(closest >= 0, field_values, np.nan)
    results.field[chosen] = np.where(
        near_high, _FIELD_CODE[EvidenceField.HIGH], _FIELD_CODE[EvidenceField.LOW]
    )
    results.bars_in_window[chosen] = np.where(crossed, first + 1, stop) - start


def _judge_average(
    kind: ClaimKind, chosen: np.ndarray, batch: _Batch, prices: _Prices, results: _Results
) -> None:
    """Average claims: the mean close of the whole period against the level.

    The closest approach of an open average claim is the mean so far, dated
    by its last bar: the figure a reader wants to see while the period runs.
    """
    _, direction = _WATCHED[kind]
    start, stop = batch.start[chosen], batch.stop[chosen]
    count = stop - start
    nonempty = count > 0
    mean = np.where(
        nonempty, prices.window_sums(start, stop) / np.where(nonempty, count, 1), np.nan
    )
    window_start, deadline = batch.window_start[chosen], batch.deadline[chosen]
    gap = batch.judgeable[chosen] & batch.gap_between(chosen, window_start, deadline)
    results.hold_back(chosen, gap, window_start, deadline)
    decided = batch.decidable[chosen] & ~gap
    last = np.where(nonempty, stop - 1, -1)
    threshold = _reaching(direction * batch.level[chosen])
    reached = direction * mean >= threshold

    results.outcome[chosen] = np.where(decided, np.where(reached, _TRUE, _FALSE), _OPEN)
    results.evidence_index[chosen] = np.where(decided, last, -1)
    results.evidence_price[chosen] = np.where(decided, mean, np.nan)
    results.closest_index[chosen] = last
    results.closest_price[chosen] = mean
    results.bars_in_window[chosen] = count


def _mark_bar_quality(batch: _Batch, prices: _Prices, results: _Results) -> None:
    """Say what kind of bars each decided verdict stood on, where not plain `ok`.

    * A crossing (a touch's TRUE, a hold's FALSE, a band left) stands on its
      own bar: `repaired` when that bar's range was widened (the crossing may
      be the widened edge), `close_only` when the bar had no range, and then
      the crossing was seen on its close and the evidence field says `close`.
    * An unbroken window (a touch's FALSE, a hold's TRUE) stands on every bar
      of it: `close_only` if any had no range (an intraday crossing that day
      could not be seen), else `repaired` if any was widened.
    * A close stands on its bar's close, an average on the window's closes:
      `repaired` if such a bar was (its close lay outside its quoted range);
      a close-only bar's close is what it has, so it is not flagged.
    """
    decided = np.flatnonzero(results.outcome != _OPEN)
    if len(decided) == 0 or len(prices.quality) == 0:
        return
    codes = batch.kind[decided]
    is_touch = _IS_TOUCH[codes]
    is_path = is_touch | _IS_HOLD[codes]  # hold_between's family is "hold" too
    outcome = results.outcome[decided]
    crossing = is_path & np.where(is_touch, outcome == _TRUE, outcome == _FALSE)
    whole_window = (is_path & ~crossing) | _IS_AVERAGE[codes]
    start, stop = batch.start[decided], batch.stop[decided]
    evidence = results.evidence_index[decided]
    own = np.where(evidence >= 0, prices.quality[np.maximum(evidence, 0)], 0)
    any_repaired = prices.repaired_before[stop] > prices.repaired_before[start]
    any_close_only = prices.close_only_before[stop] > prices.close_only_before[start]

    quality = np.full(len(decided), -1, dtype=np.int64)
    quality[crossing & (own > 0)] = own[crossing & (own > 0)]
    close_like = ~is_path & ~whole_window
    quality[close_like & (own == _REPAIRED_CODE)] = _REPAIRED_CODE
    window_repaired = whole_window & any_repaired
    quality[window_repaired] = _REPAIRED_CODE
    quality[whole_window & is_path & any_close_only] = _CLOSE_ONLY_CODE
    results.bar_quality[decided] = quality
    seen_on_close = crossing & (own == _CLOSE_ONLY_CODE)
    results.field[decided[seen_on_close]] = _FIELD_CODE[EvidenceField.CLOSE]


def _give_open_reasons(batch: _Batch, results: _Results) -> None:
    """Say why each undecided claim is open.

    A claim without a level was never decided (its threshold is never reached
    and it is never decidable), so its reason is always the missing reference.
    """
    reason = np.where(
        ~batch.has_level,
        _WAITING_FOR_DATA,  # a relative level whose reference close is not known yet
        np.where(
            results.held_back,
            _DATA_GAP,  # covered, but a day the decision needs is missing or rejected
            np.where(
                batch.covered,
                _NO_DATA_IN_WINDOW,  # decidable otherwise, so the window must be empty
                np.where(batch.before_deadline, _WAITING_FOR_DEADLINE, _WAITING_FOR_DATA),
            ),
        ),
    )
    results.reason = np.where(results.outcome == _OPEN, reason, -1)


def _days_to_touch(batch: _Batch, prices: _Prices, results: _Results) -> np.ndarray:
    """Days from made_on to the touch of a touch claim found TRUE; -1 for every other."""
    is_touch = (batch.kind == _TOUCH_ABOVE_CODE) | (batch.kind == _TOUCH_BELOW_CODE)
    touched = (results.outcome == _TRUE) & is_touch
    return np.where(touched, prices.day_at(results.evidence_index) - batch.made_on, -1)


def _open_details(batch: _Batch, results: _Results) -> list[str | None]:
    """The open detail of each claim a gap holds back (naming the gap's days)."""
    details: list[str | None] = [None] * batch.count
    for claim in np.flatnonzero(results.reason == _DATA_GAP).tolist():
        details[claim] = batch.describe_gap(
            claim, int(results.gap_from[claim]), int(results.gap_to[claim])
        )
    return details


def _verdicts(batch: _Batch, prices: _Prices, results: _Results) -> list[Verdict]:
    """Turn the result arrays into Verdicts, converting to plain Python values once."""
    evidence_dates = _dates(prices.days, results.evidence_index)
    closest_dates = _dates(prices.days, results.closest_index)
    evidence_prices = _floats_or_none(results.evidence_price)
    closest_prices = _floats_or_none(results.closest_price)
    stated_levels = _floats_or_none(batch.stated_level)
    used_levels = _floats_or_none(batch.level)
    used_uppers = _floats_or_none(batch.upper)
    days_to_touch = _days_to_touch(batch, prices, results)
    details = _open_details(batch, results)
    verdicts = []
    for (
        outcome,
        reason,
        kind,
        evidence_date,
        evidence_price,
        stated_level,
        used_level,
        split_factor,
        closest_date,
        closest_price,
        touch_days,
        bars_in_window,
        detail,
        field_code,
        upper_used,
        quality,
    ) in zip(
        results.outcome.tolist(),
        results.reason.tolist(),
        batch.kind.tolist(),
        evidence_dates,
        evidence_prices,
        stated_levels,
        used_levels,
        batch.split_factor.tolist(),
        closest_dates,
        closest_prices,
        days_to_touch.tolist(),
        results.bars_in_window.tolist(),
        details,
        results.field.tolist(),
        used_uppers,
        results.bar_quality.tolist(),
        strict=True,
    ):
        decided = outcome != _OPEN
        field = _FIELDS[kind] if field_code < 0 else _FIELD_LIST[field_code]
        verdicts.append(
            Verdict(
                outcome=_OUTCOMES[outcome],
                open_reason=_REASONS[reason],
                evidence_date=evidence_date,
                evidence_price=evidence_price if decided else None,
                evidence_field=field if decided else None,
                stated_level=stated_level,
                level_used=used_level,
                split_factor=split_factor,
                closest_date=closest_date,
                closest_price=closest_price,
                closest_field=None if closest_date is None else field,
                days_to_touch=None if touch_days < 0 else touch_days,
                bars_in_window=bars_in_window,
                open_detail=detail,
                upper_used=upper_used,
                bar_quality=None if quality < 0 else BAR_QUALITIES[quality],
            )
        )
    return verdicts


def _reaching(level: np.ndarray) -> np.ndarray:
    """The threshold an oriented price must reach (>=) to be at `level` or beyond."""
    return level - AT_LEVEL_TOLERANCE * np.abs(level)


def _passing(level: np.ndarray) -> np.ndarray:
    """The threshold an oriented price must pass (>) to be strictly beyond `level`."""
    return level + AT_LEVEL_TOLERANCE * np.abs(level)


def _stated_level(claim: Claim) -> float:
    """The claim's level before any split; NaN while a relative level lacks its reference."""
    if claim.level is not None:
        return float(claim.level)
    if claim.relative is not None and claim.reference_price is not None:
        return float(claim.relative.apply(claim.reference_price))
    return math.nan


def _split_factors(made_on: np.ndarray, splits: pd.Series | None) -> np.ndarray:
    """Per claim, the product of the split ratios dated after its made_on.

    The bars are in today's units (the source adjusts all history for every
    split up to the fetch), whatever as_of is, so every later split counts,
    even one after as_of. A split dated on made_on is already in the prices
    the author saw that day, so it does not.
    """
    if splits is None or len(splits) == 0:
        return np.ones(len(made_on))
    split_days = pd.DatetimeIndex(splits.index).values.astype("datetime64[D]").astype(np.int64)
    ratios = splits.to_numpy(dtype=np.float64)
    if not np.all(np.isfinite(ratios) & (ratios > 0)):
        raise ValueError("split ratios must be positive numbers (2.0 for a 2-for-1 split)")
    order = np.argsort(split_days, kind="stable")
    split_days, ratios = split_days[order], ratios[order].tolist()
    # One product per possible "first split after made_on"; there are only a few splits.
    later_products = np.array([math.prod(ratios[first:]) for first in range(len(ratios) + 1)])
    return later_products[np.searchsorted(split_days, made_on, side="right")]


def _gather(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """values[positions], NaN where the position is -1 (no such bar)."""
    if len(values) == 0:
        return np.full(len(positions), np.nan)
    return np.where(positions >= 0, values[np.maximum(positions, 0)], np.nan)


def _floats_or_none(values: np.ndarray) -> list[float | None]:
    return [None if math.isnan(value) else value for value in values.tolist()]


def _day_number(day: date) -> int:
    return day.toordinal() - _EPOCH_ORDINAL


def _iso(day: int) -> str:
    return str(np.datetime64(day, "D"))


def _dates(days: np.ndarray, positions: np.ndarray) -> list[date | None]:
    """The dates of the bars at `positions`, None where the position is -1."""
    if len(days) == 0:
        return [None] * len(positions)
    picked = days[np.maximum(positions, 0)].astype("datetime64[D]")
    # numpy turns datetime64[D] into datetime.date, and NaT into None, in C.
    return np.where(positions >= 0, picked, np.datetime64("NaT")).tolist()


def _as_dates(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]")
