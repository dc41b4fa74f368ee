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

"The data covers the deadline" means there is a bar dated on or after the
deadline (and on or before as_of). Only then is a deadline on a weekend or
holiday judged with the last bar before it: without a later bar we cannot
tell a market that was closed from data that has not arrived (crypto trades
on Sundays). Until the data covers the deadline a claim stays open; missing
data never turns into FALSE, and no claim is judged FALSE-for-not-happening
(or TRUE-for-not-breaking) before its deadline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from ledger.claims.model import Claim, ClaimKind, Outcome
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

_WAITING_FOR_DEADLINE, _WAITING_FOR_DATA, _NO_DATA_IN_WINDOW = 0, 1, 2
_REASONS: dict[int, OpenReason | None] = {
    -1: None,
    _WAITING_FOR_DEADLINE: OpenReason.WAITING_FOR_DEADLINE,
    _WAITING_FOR_DATA: OpenReason.WAITING_FOR_DATA,
    _NO_DATA_IN_WINDOW: OpenReason.NO_DATA_IN_WINDOW,
}

_UP, _DOWN = 1.0, -1.0

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

_KINDS: tuple[ClaimKind, ...] = tuple(ClaimKind)
_KIND_CODES: dict[ClaimKind, int] = {kind: code for code, kind in enumerate(_KINDS)}
_TOUCH_ABOVE_CODE = _KIND_CODES[ClaimKind.TOUCH_ABOVE]
_TOUCH_BELOW_CODE = _KIND_CODES[ClaimKind.TOUCH_BELOW]

# By kind code: the field a kind's evidence and closest approach are read from.
_FIELDS: tuple[EvidenceField, ...] = tuple(
    EvidenceField.AVERAGE if kind.family == "average" else _WATCHED[kind][0] for kind in _KINDS
)


def resolve(
    claim: Claim, bars: pd.DataFrame, as_of: date, splits: pd.Series | None = None
) -> Verdict:
    """Judge one claim against its symbol's bars as of `as_of`.

    `bars` is a frame in the shape of `ledger.bars` (split-adjusted, in
    today's units). `splits` (ratio by date, 2.0 for 2-for-1, 0.1 for 1-for-10)
    converts a level stated before a split into the bars' units: it is divided
    by the product of the ratios of the splits dated after made_on. A relative
    level is treated the same way, so `reference_price` must be the close on
    made_on as quoted that day, not read back from today's adjusted bars.
    """
    return resolve_many([claim], bars, as_of, splits)[0]


def resolve_many(
    claims: Sequence[Claim],
    bars: pd.DataFrame,
    as_of: date,
    splits: pd.Series | None = None,
) -> list[Verdict]:
    """Judge many claims on ONE symbol's bars; the same verdicts as `resolve` one by one.

    The bars are turned into arrays once and every rule is a handful of numpy
    operations over all claims of a kind, so thousands of claims over ten
    years of bars cost milliseconds.
    """
    if not claims:
        return []
    prices = _Prices(bars, as_of)
    batch = _Batch(claims, splits, prices, as_of)
    results = _Results(len(claims))
    for code in np.unique(batch.kind).tolist():
        kind = _KINDS[code]
        chosen = np.flatnonzero(batch.kind == code)
        family = kind.family
        if family in ("touch", "hold"):
            _judge_first_crossing(kind, chosen, batch, prices, results)
        elif family == "close":
            _judge_close(kind, chosen, batch, prices, results)
        else:
            _judge_average(kind, chosen, batch, prices, results)
    _give_open_reasons(batch, results)
    return _verdicts(batch, prices, results)


class _Prices:
    """One symbol's bars through as_of, as plain arrays with day numbers."""

    def __init__(self, bars: pd.DataFrame, as_of: date) -> None:
        if len(bars) == 0:
            days = np.empty(0, dtype=np.int64)
            high = low = close = np.empty(0, dtype=np.float64)
        else:
            days = pd.DatetimeIndex(bars.index).values.astype("datetime64[D]").astype(np.int64)
            high = bars["high"].to_numpy(dtype=np.float64)
            low = bars["low"].to_numpy(dtype=np.float64)
            close = bars["close"].to_numpy(dtype=np.float64)
            # A bar without prices is no evidence of anything; drop it rather
            # than let a NaN poison the range tables.
            priced = ~(np.isnan(high) | np.isnan(low) | np.isnan(close))
            if not priced.all():
                days, high, low, close = days[priced], high[priced], low[priced], close[priced]
            if np.any(np.diff(days) <= 0):
                raise ValueError("bars must be sorted by date, one bar per day")
        end = int(np.searchsorted(days, _day_number(as_of), side="right"))
        self.days = days[:end]
        self.last_day = int(self.days[-1]) if end else np.iinfo(np.int64).min
        self._columns = {
            EvidenceField.HIGH: high[:end],
            EvidenceField.LOW: low[:end],
            EvidenceField.CLOSE: close[:end],
        }
        self._tables: dict[tuple[EvidenceField, float], RangeMax] = {}

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
        sums = np.add.reduceat(padded, bounds)[0::2]
        return np.where(stop > start, sums, 0.0)


class _Batch:
    """The claims of one call as arrays: window bounds, levels, coverage."""

    def __init__(
        self, claims: Sequence[Claim], splits: pd.Series | None, prices: _Prices, as_of: date
    ) -> None:
        count = len(claims)
        self.claims = claims
        self.kind = np.fromiter((_KIND_CODES[c.kind] for c in claims), np.int64, count)
        self.made_on = _day_numbers([c.made_on for c in claims])
        window_start = _day_numbers([c.window_start for c in claims])
        deadline = _day_numbers([c.deadline for c in claims])
        self.stated_level = np.fromiter((_stated_level(c) for c in claims), np.float64, count)
        self.split_factor = _split_factors(self.made_on, splits)
        self.level = self.stated_level / self.split_factor
        self.has_level = ~np.isnan(self.level)
        self.start = np.searchsorted(prices.days, window_start, side="left")
        self.stop = np.maximum(np.searchsorted(prices.days, deadline, side="right"), self.start)
        self.covered = prices.last_day >= deadline
        self.before_deadline = _day_number(as_of) < deadline
        # Decide an end-of-window outcome only on a known level, data that
        # covers the deadline, and at least one bar inside the window.
        self.decidable = self.has_level & self.covered & (self.stop > self.start)


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
    at_end = ~crossed & batch.decidable[chosen]

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
    decided = batch.decidable[chosen]
    last = np.where(nonempty, stop - 1, -1)
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
    decided = batch.decidable[chosen]
    last = np.where(nonempty, stop - 1, -1)
    threshold = _reaching(direction * batch.level[chosen])
    reached = direction * mean >= threshold

    results.outcome[chosen] = np.where(decided, np.where(reached, _TRUE, _FALSE), _OPEN)
    results.evidence_index[chosen] = np.where(decided, last, -1)
    results.evidence_price[chosen] = np.where(decided, mean, np.nan)
    results.closest_index[chosen] = last
    results.closest_price[chosen] = mean
    results.bars_in_window[chosen] = count


def _give_open_reasons(batch: _Batch, results: _Results) -> None:
    """Say why each undecided claim is open.

    A claim without a level was never decided (its threshold is never reached
    and it is never decidable), so its reason is always the missing reference.
    """
    reason = np.where(
        ~batch.has_level,
        _WAITING_FOR_DATA,  # a relative level whose reference close is not known yet
        np.where(
            batch.covered,
            _NO_DATA_IN_WINDOW,  # decidable otherwise, so the window must be empty
            np.where(batch.before_deadline, _WAITING_FOR_DEADLINE, _WAITING_FOR_DATA),
        ),
    )
    results.reason = np.where(results.outcome == _OPEN, reason, -1)


def _verdicts(batch: _Batch, prices: _Prices, results: _Results) -> list[Verdict]:
    """Turn the result arrays into Verdicts, converting to plain Python values once."""
    evidence_dates = _dates(prices.days, results.evidence_index)
    closest_dates = _dates(prices.days, results.closest_index)
    evidence_prices = _floats_or_none(results.evidence_price)
    closest_prices = _floats_or_none(results.closest_price)
    stated_levels = _floats_or_none(batch.stated_level)
    used_levels = _floats_or_none(batch.level)
    is_touch = (batch.kind == _TOUCH_ABOVE_CODE) | (batch.kind == _TOUCH_BELOW_CODE)
    touched = (results.outcome == _TRUE) & is_touch
    days_to_touch = np.where(touched, prices.day_at(results.evidence_index) - batch.made_on, -1)
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
        strict=True,
    ):
        decided = outcome != _OPEN
        field = _FIELDS[kind]
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


def _day_numbers(days: list[date]) -> np.ndarray:
    return np.fromiter((day.toordinal() for day in days), np.int64, len(days)) - _EPOCH_ORDINAL


def _dates(days: np.ndarray, positions: np.ndarray) -> list[date | None]:
    """The dates of the bars at `positions`, None where the position is -1."""
    if len(days) == 0:
        return [None] * len(positions)
    picked = days[np.maximum(positions, 0)].astype("datetime64[D]")
    # numpy turns datetime64[D] into datetime.date, and NaT into None, in C.
    return np.where(positions >= 0, picked, np.datetime64("NaT")).tolist()
