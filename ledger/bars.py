"""The one shape of daily price bars that every part of the ledger speaks.

A bars frame is a pandas DataFrame:

* index: calendar dates, tz-naive `datetime64[ns]` at midnight, named ``date``,
  sorted ascending, unique (nanosecond unit pinned, because pandas 3 infers
  ``[s]`` or ``[us]`` from its input and frames from different sources must
  concatenate and compare without unit surprises);
* columns: ``open``, ``high``, ``low``, ``close`` (float64, raw quoted prices,
  never dividend-adjusted) and ``volume`` (float64, NaN where unknown).

Every bar in such a frame is sane: all four prices are finite and positive,
``low <= min(open, close)`` and ``high >= max(open, close)``.

Price sources translate whatever they receive into this shape at their border,
passing it through `validate_bars`; the rules and the scoring only ever see it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd

BAR_COLUMNS: tuple[str, ...] = ("open", "high", "low", "close", "volume")
PRICE_COLUMNS: tuple[str, ...] = ("open", "high", "low", "close")
INDEX_NAME = "date"
INDEX_DTYPE = "datetime64[ns]"


def empty_bars() -> pd.DataFrame:
    """A bars frame with no rows, in the canonical shape and dtypes.

    Sources return it for a symbol that exists but has no bar in the asked
    window, so callers can concatenate and filter without special cases.
    """
    index = pd.DatetimeIndex([], dtype=INDEX_DTYPE, name=INDEX_NAME)
    return pd.DataFrame(
        {column: np.array([], dtype="float64") for column in BAR_COLUMNS}, index=index
    )


class CheckedBars(NamedTuple):
    """What `check_bars` made of a frame: the trusted bars, and what it refused."""

    kept: pd.DataFrame
    messages: list[str]
    gaps: dict[date, str]
    """Dates the frame had a bar for and `kept` has none, each with its first message.

    That the market traded that day is known; what it did is not. The rules
    must not read such a day as "no crossing", so sources hand these dates on.
    """


def validate_bars(frame: pd.DataFrame, symbol: str) -> tuple[pd.DataFrame, list[str]]:
    """The trusted bars of `frame` and a message per bar that is not; see `check_bars`."""
    checked = check_bars(frame, symbol)
    return checked.kept, checked.messages


def check_bars(frame: pd.DataFrame, symbol: str) -> CheckedBars:
    """Split `frame` into the bars that can be trusted and a message per bar that cannot.

    `frame` has at least the four price columns (any numeric-looking dtype;
    anything that is not a number counts as missing) and an index of dates
    (naive or tz-aware timestamps; a tz-aware one is read as the local calendar
    date, any time of day is dropped). ``volume`` is optional.

    A bar is rejected, with one message naming the symbol and the date, when
    its date is missing; a price is missing or not finite; a price is zero or
    negative (CL=F really settled at -37.63 on 2020-04-20, but every rule in the
    ledger assumes positive prices, so such a day is reported, not judged); or
    ``high < max(open, close)`` or ``low > min(open, close)``.

    Duplicate dates among the sane bars: copies that are identical in every
    column collapse to the first (the others are reported as repeats); copies
    that disagree are all rejected, because a claim judged on the wrong one of
    two conflicting closes is a wrong verdict, and a missing bar only delays it.
    Insane bars are rejected first, so a broken copy never takes a good one
    down with it.

    Returns the kept bars in the canonical shape (sorted, unique dates), the
    messages in input order (``len(kept) + len(messages) == len(frame)``) and
    the gaps: the dates of rejected bars that have no kept bar (a repeat's date
    is not a gap; a row without a date names no day and is none either).
    The checks run on whole columns; Python only formats the rejected rows.
    """
    missing = [column for column in PRICE_COLUMNS if column not in frame.columns]
    if missing:
        raise ValueError(f"bars for {symbol} lack column(s) {', '.join(missing)}")

    dates = _calendar_dates(frame.index)
    prices = frame[list(PRICE_COLUMNS)].apply(pd.to_numeric, errors="coerce").to_numpy("float64")
    if "volume" in frame.columns:
        volume = pd.to_numeric(frame["volume"], errors="coerce").to_numpy("float64")
    else:
        volume = np.full(len(frame), np.nan)

    open_, high, low, close = prices.T
    bad_date = np.asarray(dates.isna())
    not_finite = ~np.isfinite(prices)
    with np.errstate(invalid="ignore"):
        not_positive = np.isfinite(prices) & (prices <= 0)
        # The range checks need four real prices; a bar without them is already reported.
        usable = ~(not_finite | not_positive).any(axis=1)
        high_too_low = usable & (high < np.maximum(open_, close))
        low_too_high = usable & (low > np.minimum(open_, close))
    insane = (
        bad_date | not_finite.any(axis=1) | not_positive.any(axis=1) | high_too_low | low_too_high
    )

    repeat, conflict = _duplicates(dates, prices, volume, sane=~insane)
    keep = ~(insane | repeat | conflict)

    messages = _messages(
        symbol,
        dates,
        prices,
        rejected=np.flatnonzero(~keep),
        bad_date=bad_date,
        not_finite=not_finite,
        not_positive=not_positive,
        high_too_low=high_too_low,
        low_too_high=low_too_high,
        repeat=repeat,
        conflict=conflict,
    )

    kept = pd.DataFrame(
        {
            **{column: prices[keep, i] for i, column in enumerate(PRICE_COLUMNS)},
            "volume": volume[keep],
        },
        index=pd.DatetimeIndex(dates[keep], name=INDEX_NAME),
        columns=list(BAR_COLUMNS),
    )
    gaps: dict[date, str] = {}
    rejected = np.flatnonzero(~keep)
    kept_dates = set(dates[keep])
    for row, message in zip(rejected.tolist(), messages, strict=True):
        day = dates[row]
        if not bad_date[row] and day not in kept_dates:
            gaps.setdefault(day.date(), message)
    return CheckedBars(kept.sort_index(kind="stable"), messages, dict(sorted(gaps.items())))


def _calendar_dates(index: pd.Index) -> pd.DatetimeIndex:
    """The index as tz-naive midnights (NaT where it is not a date at all)."""
    if isinstance(index, pd.DatetimeIndex):
        dates = index
    else:
        dates = pd.DatetimeIndex(pd.to_datetime(index, errors="coerce"))
    if dates.tz is not None:
        # The wall-clock date where the bar was quoted is its calendar date.
        dates = dates.tz_localize(None)
    return dates.normalize().as_unit("ns")


def _duplicates(
    dates: pd.DatetimeIndex, prices: np.ndarray, volume: np.ndarray, sane: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(repeat, conflict) masks over all rows, looking only at the sane ones.

    `repeat`: a later copy identical to an earlier sane bar of the same date.
    `conflict`: every sane copy of a date whose sane copies are not identical.
    """
    table = pd.DataFrame(prices, columns=list(PRICE_COLUMNS))
    table["volume"] = volume
    table["date"] = dates
    table = table[sane]
    identical_to_earlier = table.duplicated(keep="first")
    distinct = table[~identical_to_earlier]
    disputed_dates = distinct["date"][distinct["date"].duplicated(keep=False)]

    repeat = np.zeros(len(dates), dtype=bool)
    conflict = np.zeros(len(dates), dtype=bool)
    sane_rows = np.flatnonzero(sane)
    in_dispute = table["date"].isin(disputed_dates).to_numpy()
    conflict[sane_rows[in_dispute]] = True
    repeat[sane_rows[identical_to_earlier.to_numpy() & ~in_dispute]] = True
    return repeat, conflict


def _messages(
    symbol: str,
    dates: pd.DatetimeIndex,
    prices: np.ndarray,
    *,
    rejected: np.ndarray,
    bad_date: np.ndarray,
    not_finite: np.ndarray,
    not_positive: np.ndarray,
    high_too_low: np.ndarray,
    low_too_high: np.ndarray,
    repeat: np.ndarray,
    conflict: np.ndarray,
) -> list[str]:
    """One line per rejected row, saying which rule it broke and with what numbers."""
    messages: list[str] = []
    for row in rejected:
        where = f"row {row + 1}" if bad_date[row] else f"{dates[row]:%Y-%m-%d}"
        reasons: list[str] = []
        if bad_date[row]:
            reasons.append("missing or invalid date")
        for i, column in enumerate(PRICE_COLUMNS):
            if not_finite[row, i]:
                reasons.append(f"{column} is missing or not a finite number")
            elif not_positive[row, i]:
                reasons.append(f"{column} {_number(prices[row, i])} is not positive")
        open_, high, low, close = prices[row]
        if high_too_low[row]:
            reasons.append(
                f"high {_number(high)} is below max(open, close) {_number(max(open_, close))}"
            )
        if low_too_high[row]:
            reasons.append(
                f"low {_number(low)} is above min(open, close) {_number(min(open_, close))}"
            )
        if conflict[row]:
            reasons.append("other bars for this date disagree with it, all of them dropped")
        if repeat[row]:
            reasons.append("repeats an identical bar for this date, kept once")
        messages.append(f"{symbol} {where}: {'; '.join(reasons)}")
    return messages


def _number(value: float) -> str:
    return f"{value:.10g}"
