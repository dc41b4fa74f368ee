"""The one shape of daily price bars that every part of the ledger speaks.

A bars frame is a pandas DataFrame:

* index: calendar dates, tz-naive `datetime64[ns]` at midnight, named ``date``,
  sorted ascending, unique (nanosecond unit pinned, because pandas 3 infers
  ``[s]`` or ``[us]`` from its input and frames from different sources must
  concatenate and compare without unit surprises);
* columns: ``open``, ``high``, ``low``, ``close`` (float64, raw quoted prices,
  never dividend-adjusted), ``volume`` (float64, NaN where unknown) and
  ``quality`` (text: ``ok``, ``repaired`` or ``close_only``, see below). A frame
  without ``quality`` (a test's hand-built bars, an old cache) is all ``ok``.

Every bar in such a frame is sane: all four prices are finite, positive unless
the asset can really trade at or below zero (`may_go_non_positive`),
``low <= close <= high`` and, except on a close-only bar, ``low <= open <= high``.

Bar quality is data, not a yes/no, because real feeds are not clean and a
claim should not wait forever on a bar whose close is perfectly good:

``ok``
    The bar as quoted.
``repaired``
    Open or close lay outside [low, high] by at most `REPAIR_TOLERANCE` of the
    bar's price (Yahoo's FX bars do it on about 2% of days, its COMEX futures
    on contract-roll days). Rule: high and low are widened to include open and
    close; open and close are kept as quoted. A claim decided on such a bar
    says so in its evidence.
``close_only``
    The bar has no intraday range: high = low as quoted (COMEX front-month
    futures on roll days and in 2000-2007, the S&P 500 before 1962, FX
    holidays). An intraday touch cannot be seen on it, so its high and low are
    set to its close: a touch on such a day is a touch by the close, and the
    evidence says so. Its open is kept as quoted (it is often stale), so the
    open may lie outside [low, high] on it alone.

Gross errors are rejected, one message each, and the day becomes a gap that
the next fetch asks for again: a missing or non-finite price; a zero or
negative price on an asset that cannot go there; open or close outside
[low, high] by more than the tolerance; a bar whose high, low or close lies
more than `SPIKE_THRESHOLD` away from both neighbouring closes while those two
agree within `SPIKE_REVERT` (a price that jumps away and is back the next day:
EURUSD=X's low of 0.0729 on 2008-03-17 is a lost decimal point, not a crash).

Price sources translate whatever they receive into this shape at their border,
passing it through `check_bars`; the rules and the scoring only ever see it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd

BAR_COLUMNS: tuple[str, ...] = ("open", "high", "low", "close", "volume")
PRICE_COLUMNS: tuple[str, ...] = ("open", "high", "low", "close")
QUALITY_COLUMN = "quality"
FRAME_COLUMNS: tuple[str, ...] = (*BAR_COLUMNS, QUALITY_COLUMN)
INDEX_NAME = "date"
INDEX_DTYPE = "datetime64[ns]"

_NANOSECONDS_PER_DAY = 86_400 * 10**9

OK, REPAIRED, CLOSE_ONLY = "ok", "repaired", "close_only"
BAR_QUALITIES: tuple[str, ...] = (OK, REPAIRED, CLOSE_ONLY)
"""Every quality a stored bar may carry; its position is its code (`quality_codes`)."""

REPAIR_TOLERANCE = 0.05
"""How far open or close may lie outside [low, high], as a fraction of the bar's price,
and still be repaired rather than rejected.

Measured on Yahoo's real histories: EURUSD=X's worst is 2.2%, CL=F's 4.6%,
SI=F's 4.5%; GC=F has one bar at 7.9% (an open from the expiring contract),
which is rejected. A bar further out than 5% contradicts itself too much to
say which of its numbers is wrong.
"""

SPIKE_THRESHOLD = 0.4
"""A price more than 40% away from both neighbouring closes is a spike if they agree.

No asset in the ledger's range moves 40% and back within two sessions on real
trading (bitcoin's worst day, 2020-03-12, fell 39% and did not come back the
next day); a lost decimal point moves 90%.
"""

SPIKE_REVERT = 0.1
"""The neighbouring closes 'agree' when they are within 10% of each other."""

NON_POSITIVE_OK: frozenset[str] = frozenset({"CL", "BZ", "NG", "HO", "RB", "QM", "MCL"})
"""Futures roots (``CL=F``) whose prices can really be zero or negative.

Energy futures can: storage can cost more than the barrel is worth, and CL=F
settled at -37.63 on 2020-04-20. Spot metals, currencies, stocks, indices and
crypto cannot trade at or below zero, so a non-positive price there is a
feed error. Ratios of two assets are built from positive legs only.
"""


def may_go_non_positive(symbol: str) -> bool:
    """Whether `symbol`'s prices can really be zero or negative (see `NON_POSITIVE_OK`)."""
    root, suffix = symbol.strip().upper(), "=F"
    return root.endswith(suffix) and root[: -len(suffix)] in NON_POSITIVE_OK


def empty_bars() -> pd.DataFrame:
    """A bars frame with no rows, in the canonical shape and dtypes.

    Sources return it for a symbol that exists but has no bar in the asked
    window, so callers can concatenate and filter without special cases.
    """
    index = pd.DatetimeIndex([], dtype=INDEX_DTYPE, name=INDEX_NAME)
    frame = pd.DataFrame(
        {column: np.array([], dtype="float64") for column in BAR_COLUMNS}, index=index
    )
    frame[QUALITY_COLUMN] = np.array([], dtype=object)
    return frame


def quality_codes(frame: pd.DataFrame) -> np.ndarray:
    """Each bar's quality as its position in `BAR_QUALITIES` (0 where the frame has none)."""
    if QUALITY_COLUMN not in frame.columns:
        return np.zeros(len(frame), dtype=np.int8)
    values = frame[QUALITY_COLUMN].to_numpy(dtype=object)
    codes = np.zeros(len(values), dtype=np.int8)
    codes[values == REPAIRED] = 1
    codes[values == CLOSE_ONLY] = 2
    return codes


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
    """Split `frame` into the bars that can be trusted (each with its quality) and a
    message per bar that cannot.

    `frame` has at least the four price columns (any numeric-looking dtype;
    anything that is not a number counts as missing) and an index of dates
    (naive or tz-aware timestamps; a tz-aware one is read as the local calendar
    date, any time of day is dropped). ``volume`` is optional; a ``quality``
    column it may carry is ignored (quality is judged here, from the prices).

    A bar is rejected, with one message naming the symbol and the date, when
    its date is missing; a price is missing or not finite; a price is zero or
    negative on an asset that cannot go there (`may_go_non_positive`); open or
    close lies outside [low, high] by more than `REPAIR_TOLERANCE`; or it is a
    spike (the module docstring). Bars a little outside their range are
    repaired and bars without a range are close-only (the module docstring).

    Duplicate dates among the sane bars: copies that are identical in every
    column collapse to the first (the others are reported as repeats); copies
    that disagree are all rejected, because a claim judged on the wrong one of
    two conflicting closes is a wrong verdict, and a missing bar only delays it.
    Insane bars are rejected first, so a broken copy never takes a good one
    down with it; spikes are looked for among the bars left, by date.

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
    prices = np.column_stack([_numbers(frame[column]) for column in PRICE_COLUMNS])
    has_volume = "volume" in frame.columns
    volume = _numbers(frame["volume"]) if has_volume else np.full(len(frame), np.nan)

    open_, high, low, close = prices.T
    bad_date = np.asarray(dates.isna())
    not_finite = ~np.isfinite(prices)
    with np.errstate(invalid="ignore", divide="ignore"):
        if may_go_non_positive(symbol):
            not_positive = np.zeros_like(not_finite)
        else:
            not_positive = np.isfinite(prices) & (prices <= 0)
        # The range checks need four real prices; a bar without them is already reported.
        usable = ~(not_finite | not_positive).any(axis=1)
        top = np.maximum.reduce([open_, close, high, low])
        bottom = np.minimum.reduce([open_, close, high, low])
        scale = np.maximum(np.abs(high), np.abs(low))
        # How far open or close (or a low above the high) lies outside the range.
        excess = np.where(usable, np.maximum(top - high, low - bottom) / scale, 0.0)
        excess = np.where(np.isnan(excess), np.inf, excess)
        flat = usable & (high == low)
        too_far = usable & (excess > REPAIR_TOLERANCE)
    insane = bad_date | not_finite.any(axis=1) | not_positive.any(axis=1) | too_far
    close_only = flat & ~insane
    repaired = ~flat & ~insane & (excess > 0)

    # The stored prices: a repaired bar's range widened, a close-only bar's range its close.
    stored = prices.copy()
    stored[:, 1] = np.where(repaired, top, np.where(close_only, close, high))
    stored[:, 2] = np.where(repaired, bottom, np.where(close_only, close, low))
    quality = np.where(close_only, CLOSE_ONLY, np.where(repaired, REPAIRED, OK)).astype(object)

    repeat, conflict = _duplicates(dates, prices, volume, sane=~insane)
    spike, neighbours = _spikes(dates, stored, candidates=~(insane | repeat | conflict))
    keep = ~(insane | repeat | conflict | spike)

    messages = _messages(
        symbol,
        dates,
        prices,
        rejected=np.flatnonzero(~keep),
        bad_date=bad_date,
        not_finite=not_finite,
        not_positive=not_positive,
        too_far=too_far,
        excess=excess,
        repeat=repeat,
        conflict=conflict,
        spike=spike,
        neighbours=neighbours,
    )

    kept = pd.DataFrame(
        {
            **{column: stored[keep, i] for i, column in enumerate(PRICE_COLUMNS)},
            "volume": volume[keep],
            QUALITY_COLUMN: quality[keep],
        },
        index=pd.DatetimeIndex(dates[keep], name=INDEX_NAME),
        columns=list(FRAME_COLUMNS),
    )
    gaps: dict[date, str] = {}
    rejected = np.flatnonzero(~keep)
    if len(rejected):
        # Only the rejected rows' dates are looked up: a clean history of ten
        # years makes no Timestamp objects here.
        kept_days = dates[keep]
        for row, message in zip(rejected.tolist(), messages, strict=True):
            day = dates[row]
            if not bad_date[row] and day not in kept_days:
                gaps.setdefault(day.date(), message)
    if not kept.index.is_monotonic_increasing:
        kept = kept.sort_index(kind="stable")
    return CheckedBars(kept, messages, dict(sorted(gaps.items())))


def _numbers(column: pd.Series) -> np.ndarray:
    """A column as float64, anything that is not a number NaN (a float column as it is:
    `pd.to_numeric` would give it back unchanged, at a cost per call)."""
    if column.dtype == np.float64:
        return column.to_numpy(dtype=np.float64)
    return pd.to_numeric(column, errors="coerce").to_numpy("float64")


def _calendar_dates(index: pd.Index) -> pd.DatetimeIndex:
    """The index as tz-naive midnights (NaT where it is not a date at all)."""
    if (
        isinstance(index, pd.DatetimeIndex)
        and index.tz is None
        and index.dtype == INDEX_DTYPE
        and not (index.asi8 % _NANOSECONDS_PER_DAY).any()
    ):
        return index  # what a source's reader gives: midnights already
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
    repeat = np.zeros(len(dates), dtype=bool)
    conflict = np.zeros(len(dates), dtype=bool)
    sane_days = dates.asi8[sane]
    if (np.diff(sane_days) > 0).all() or len(np.unique(sane_days)) == len(sane_days):
        return repeat, conflict  # the usual history: one bar per date (in order, mostly)
    table = pd.DataFrame(prices, columns=list(PRICE_COLUMNS))
    table["volume"] = volume
    table["date"] = dates
    table = table[sane]
    identical_to_earlier = table.duplicated(keep="first")
    distinct = table[~identical_to_earlier]
    disputed_dates = distinct["date"][distinct["date"].duplicated(keep=False)]

    sane_rows = np.flatnonzero(sane)
    in_dispute = table["date"].isin(disputed_dates).to_numpy()
    conflict[sane_rows[in_dispute]] = True
    repeat[sane_rows[identical_to_earlier.to_numpy() & ~in_dispute]] = True
    return repeat, conflict


def _spikes(
    dates: pd.DatetimeIndex, prices: np.ndarray, candidates: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Rows among `candidates` that are spikes, and for every row the positions of the
    neighbouring rows (-1 where none) the verdict was reached against.

    Neighbours are the previous and next candidate by date; the first and last
    bar have only one and are never spikes (the next fetch, which asks for the
    last few days again, looks at the last one with its new neighbour).
    """
    spike = np.zeros(len(dates), dtype=bool)
    neighbours = np.full((len(dates), 2), -1, dtype=np.int64)
    rows = np.flatnonzero(candidates)
    if len(rows) < 3:
        return spike, neighbours
    rows = rows[np.argsort(dates[rows].to_numpy(), kind="stable")]
    close = prices[rows, 3]
    previous, following = close[:-2], close[2:]
    middle = rows[1:-1]
    with np.errstate(invalid="ignore", divide="ignore"):
        agree = np.abs(following - previous) <= SPIKE_REVERT * np.abs(previous)
        away = np.zeros(len(middle), dtype=bool)
        for column in (1, 2, 3):  # high, low, close
            price = prices[middle, column]
            away |= (np.abs(price - previous) > SPIKE_THRESHOLD * np.abs(previous)) & (
                np.abs(price - following) > SPIKE_THRESHOLD * np.abs(following)
            )
    found = agree & away
    spike[middle[found]] = True
    neighbours[middle, 0] = rows[:-2]
    neighbours[middle, 1] = rows[2:]
    return spike, neighbours


def _messages(
    symbol: str,
    dates: pd.DatetimeIndex,
    prices: np.ndarray,
    *,
    rejected: np.ndarray,
    bad_date: np.ndarray,
    not_finite: np.ndarray,
    not_positive: np.ndarray,
    too_far: np.ndarray,
    excess: np.ndarray,
    repeat: np.ndarray,
    conflict: np.ndarray,
    spike: np.ndarray,
    neighbours: np.ndarray,
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
        if too_far[row]:
            reasons.append(
                f"open {_number(open_)} / close {_number(close)} lie {excess[row]:.1%} outside "
                f"low {_number(low)} .. high {_number(high)}, more than the "
                f"{REPAIR_TOLERANCE:.0%} a repair allows"
            )
        if conflict[row]:
            reasons.append("other bars for this date disagree with it, all of them dropped")
        if repeat[row]:
            reasons.append("repeats an identical bar for this date, kept once")
        if spike[row]:
            before, after = neighbours[row]
            reasons.append(
                f"a spike: high {_number(high)} / low {_number(low)} / close {_number(close)} "
                f"lie over {SPIKE_THRESHOLD:.0%} away from the closes either side "
                f"({_number(prices[before, 3])} on {dates[before]:%Y-%m-%d}, "
                f"{_number(prices[after, 3])} on {dates[after]:%Y-%m-%d}), which agree"
            )
        messages.append(f"{symbol} {where}: {'; '.join(reasons)}")
    return messages


def _number(value: float) -> str:
    return f"{value:.10g}"
