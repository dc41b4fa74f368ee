"""The bar cache's storage form: one row per symbol and calendar year, its bars as packed columns.

A cold resolve run caches ten years of 200 symbols, half a million daily bars.
Stored as one row each, SQLite's own work on those rows (the B-tree inserts of
an upsert per bar) cost a run more than its whole numpy floor; stored as one
row per symbol and year (`price_bar_block`, migration 0017) the same bars are
2,000 rows of a few packed arrays, written and read in a few milliseconds per
symbol. Every read is one symbol's date range and every write replaces some of
one symbol's days, so a year's block is the unit of both.

A block's columns, all little-endian, one entry per bar, sorted by day, one
bar per day:

    days        int32    days since 1970-01-01
    open, high, low, close
                float64
    volume      float64  NaN where the source gave none
    quality     uint8    the position in `BAR_QUALITIES` (ok, repaired, close_only)
    fetched_at  int64    microseconds since 1970-01-01 UTC: when the cache took the bar
    source      uint16   the position in `data_sources` (a JSON list of names)

The constraints each bar row had (a price on each of open/high/low/close,
high >= low, a known quality) are checked by `encode_blocks` before a block is
written; the schema holds each block's arrays to its bar count.

`forecast add` reads closes from here (`closes_between`) and must not import
numpy for it: that reader uses the standard library's `array`; everything else
takes numpy, imported in the functions that use it.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ledger.store.core_tables import BAR_QUALITIES

if TYPE_CHECKING:
    import numpy as np

EPOCH = date(1970, 1, 1)
EPOCH_ORDINAL = EPOCH.toordinal()
MICROSECONDS_PER_DAY = 86_400_000_000
_EPOCH_MOMENT = datetime(1970, 1, 1, tzinfo=UTC)

BLOCK_COLUMNS = (
    "symbol", "year", "first", "last", "bars", "days", "open", "high", "low", "close",
    "volume", "quality", "fetched_at", "data_sources", "source",
)  # fmt: skip
"""A `price_bar_block` row as `encode_blocks` makes it and `decode_blocks` reads it."""

_LITTLE = sys.byteorder == "little"


@dataclass(frozen=True)
class BarArrays:
    """One symbol's bars as columns, sorted by day, one bar per day."""

    days: np.ndarray  # int32, days since 1970-01-01
    open: np.ndarray  # float64 (as high, low, close, volume)
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    volume: np.ndarray  # NaN: no volume
    quality: np.ndarray  # uint8 position in BAR_QUALITIES
    fetched_at: np.ndarray  # int64 microseconds since the epoch, UTC
    source: np.ndarray  # uint16 position in `sources`
    sources: tuple[str, ...]  # the data sources' names

    def __len__(self) -> int:
        return len(self.days)

    def take(self, index: Any) -> BarArrays:
        """The bars at `index` (a mask, a slice or positions), in that order."""
        return BarArrays(
            self.days[index],
            self.open[index],
            self.high[index],
            self.low[index],
            self.close[index],
            self.volume[index],
            self.quality[index],
            self.fetched_at[index],
            self.source[index],
            self.sources,
        )

    def source_names(self) -> list[str]:
        """Each bar's data source, by name."""
        return [self.sources[code] for code in self.source.tolist()]

    def between(self, start: date | None, end: date | None) -> BarArrays:
        """The bars dated from `start` through `end` (either end open when None)."""
        import numpy as np

        first = 0 if start is None else int(np.searchsorted(self.days, day_number(start)))
        last = (
            len(self.days)
            if end is None
            else int(np.searchsorted(self.days, day_number(end), side="right"))
        )
        if first == 0 and last == len(self.days):
            return self
        return self.take(slice(first, last))


def day_number(day: date) -> int:
    """A date as days since 1970-01-01, the form a block stores."""
    return day.toordinal() - EPOCH_ORDINAL


def microseconds(moment: datetime) -> int:
    """An instant as microseconds since the epoch, UTC (a naive one is taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - _EPOCH_MOMENT
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def empty_bars() -> BarArrays:
    import numpy as np

    return BarArrays(
        np.empty(0, np.int32),
        *(np.empty(0, np.float64) for _ in range(5)),
        np.empty(0, np.uint8),
        np.empty(0, np.int64),
        np.empty(0, np.uint16),
        (),
    )


def concat(parts: Sequence[BarArrays]) -> BarArrays:
    """Bars of consecutive blocks (already in day order) as one set of columns."""
    import numpy as np

    if not parts:
        return empty_bars()
    if len(parts) == 1:
        return parts[0]
    names: dict[str, int] = {}
    codes = []
    for part in parts:
        recode = np.array([names.setdefault(n, len(names)) for n in part.sources], np.uint16)
        codes.append(recode[part.source] if len(recode) else part.source)
    return BarArrays(
        *(np.concatenate([getattr(p, name) for p in parts]) for name in _FIELDS),
        np.concatenate(codes),
        tuple(names),
    )


_FIELDS = ("days", "open", "high", "low", "close", "volume", "quality", "fetched_at")


def merged(held: BarArrays, new: BarArrays) -> BarArrays:
    """`held` with `new` laid over it: a day in both takes the new bar (an upsert)."""
    import numpy as np

    if len(held) == 0:
        return new
    kept = held.take(~np.isin(held.days, new.days))
    both = concat([kept, new])
    return both.take(np.argsort(both.days, kind="stable"))


def normalised(bars: BarArrays) -> BarArrays:
    """Sorted by day, one bar per day: of several bars for a day the last one given
    stands, as when each was upserted in turn."""
    import numpy as np

    if len(bars) < 2:
        return bars
    order = np.argsort(bars.days, kind="stable")
    days = bars.days[order]
    last_of_day = np.r_[days[1:] != days[:-1], True]
    if last_of_day.all() and (order == np.arange(len(order))).all():
        return bars
    return bars.take(order[last_of_day])


def years_of(days: np.ndarray) -> np.ndarray:
    """The calendar year of each day number."""
    import numpy as np

    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def check_bars(bars: BarArrays) -> None:
    """What the schema held of each bar row: four prices, high >= low, a known quality."""
    import numpy as np

    prices = np.stack([bars.open, bars.high, bars.low, bars.close])
    if np.isnan(prices).any():
        raise ValueError("a bar without open, high, low or close cannot be cached")
    if not (bars.high >= bars.low).all():
        raise ValueError("a bar with its high below its low cannot be cached")
    if len(bars.quality) and int(bars.quality.max()) >= len(BAR_QUALITIES):
        raise ValueError("a bar of unknown quality cannot be cached")


def encode_blocks(symbol: str, bars: BarArrays) -> list[tuple]:
    """The `price_bar_block` rows (in `BLOCK_COLUMNS` order) holding `bars`, one per
    calendar year they span; `bars` sorted by day, one bar per day (`normalised`)."""
    import numpy as np

    if len(bars) == 0:
        return []
    check_bars(bars)
    years = years_of(bars.days)
    bounds = np.flatnonzero(years[1:] != years[:-1]) + 1
    rows = []
    for lo, hi in zip(np.r_[0, bounds].tolist(), np.r_[bounds, len(years)].tolist(), strict=True):
        part = bars.take(slice(lo, hi))
        if len(bars.sources) == 1:  # one source, as every fetch writes
            used, codes = np.zeros(1, np.uint16), part.source
        else:
            used = np.unique(part.source)
            codes = np.searchsorted(used, part.source)
        rows.append(
            (
                symbol,
                int(years[lo]),
                date.fromordinal(int(part.days[0]) + EPOCH_ORDINAL),
                date.fromordinal(int(part.days[-1]) + EPOCH_ORDINAL),
                hi - lo,
                _packed(part.days, "<i4"),
                _packed(part.open, "<f8"),
                _packed(part.high, "<f8"),
                _packed(part.low, "<f8"),
                _packed(part.close, "<f8"),
                _packed(part.volume, "<f8"),
                _packed(part.quality, "u1"),
                _packed(part.fetched_at, "<i8"),
                json.dumps([bars.sources[code] for code in used.tolist()]),
                _packed(codes, "<u2"),
            )
        )
    return rows


def _packed(values: np.ndarray, dtype: str) -> bytes:
    return values.astype(dtype, copy=False).tobytes()


def decode_block(row: Sequence[Any]) -> BarArrays:
    """The bars of one block from its packed columns: (days, open, high, low, close,
    volume, quality, fetched_at, data_sources, source), as `BLOCK_COLUMNS` names them.

    Missing trailing columns (a reader that asked only for prices) are left
    empty-of-meaning: zero fetch times and an empty source name."""
    import numpy as np

    days = np.frombuffer(row[0], dtype="<i4").astype(np.int32)
    count = len(days)
    prices = [np.frombuffer(row[i], dtype="<f8").astype(np.float64) for i in range(1, 6)]
    quality = np.frombuffer(row[6], dtype=np.uint8).copy()
    if len(row) > 7:
        fetched_at = np.frombuffer(row[7], dtype="<i8").astype(np.int64)
        sources = tuple(json.loads(row[8]))
        source = np.frombuffer(row[9], dtype="<u2").astype(np.uint16)
    else:
        fetched_at = np.zeros(count, np.int64)
        sources = ("",)
        source = np.zeros(count, np.uint16)
    return BarArrays(days, *prices, quality, fetched_at, source, sources)


def closes_between(rows: Sequence[tuple[bytes, bytes]]) -> tuple[list[int], list[float]]:
    """Day numbers and closes of blocks given as (days, close) blobs, in block order,
    without numpy (`forecast add` looks up one close and starts faster without it)."""
    days: list[int] = []
    closes: list[float] = []
    for packed_days, packed_closes in rows:
        day_values = array("i")
        if day_values.itemsize != 4:  # pragma: no cover - no such platform in use
            day_values = array("l")
        day_values.frombytes(bytes(packed_days))
        close_values = array("d")
        close_values.frombytes(bytes(packed_closes))
        if not _LITTLE:  # pragma: no cover - blocks are little-endian
            day_values.byteswap()
            close_values.byteswap()
        days.extend(day_values)
        closes.extend(close_values)
    return days, closes
