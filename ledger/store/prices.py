"""The price-bar cache: bars are stored once per (symbol, date), packed by symbol and year.

The bars live in `price_bar_block`, one row per symbol and calendar year
(`ledger.store.bar_blocks` has the format and why). Reads build one bars frame
per symbol from the blocks their date range overlaps; writes lay the new bars
over the held ones (a day fetched again replaces its bar, as an upsert would)
and write back only the years they touch.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from ledger.bars import BAR_COLUMNS, BAR_QUALITIES, QUALITY_COLUMN
from ledger.store.bar_blocks import (
    BLOCK_COLUMNS,
    BarArrays,
    concat,
    day_number,
    decode_block,
    encode_blocks,
    merged,
    microseconds,
    normalised,
    years_of,
)
from ledger.store.batching import chunks
from ledger.store.core_tables import price_bar_block, price_coverage, price_gap, utcnow
from ledger.store.raw import as_date, executemany, fetchall, insert_rows


@dataclass(frozen=True)
class CachedRange:
    """The dates the cache can answer for: asked of a source, or held as bars."""

    first: date
    last: date


def cached_ranges(session: Session, symbols: Iterable[str]) -> dict[str, CachedRange]:
    """Per symbol, the span the cache covers: the recorded coverage joined with the bars'."""
    found: dict[str, CachedRange] = {}
    for chunk in chunks(sorted(set(symbols))):
        bars = (
            select(
                price_bar_block.c.symbol,
                func.min(price_bar_block.c.first),
                func.max(price_bar_block.c.last),
            )
            .where(price_bar_block.c.symbol.in_(chunk))
            .group_by(price_bar_block.c.symbol)
        )
        for symbol, first, last in session.execute(bars):
            found[symbol] = CachedRange(first, last)
        asked = select(
            price_coverage.c.symbol, price_coverage.c.first, price_coverage.c.last
        ).where(price_coverage.c.symbol.in_(chunk))
        for symbol, first, last in session.execute(asked):
            held = found.get(symbol)
            found[symbol] = (
                CachedRange(min(first, held.first), max(last, held.last))
                if held
                else CachedRange(first, last)
            )
    return found


def record_coverage(
    session: Session,
    symbol: str,
    first: date,
    last: date,
    data_source: str,
    version: str | None = None,
) -> None:
    """Remember that the source was asked for [first, last] (joined with what it covered),
    and what it said its data was (`version`, None when it cannot tell).

    The version holds for the days it was read for: the same version read again
    for adjoining days widens that range, any other read starts it afresh, and
    a read without a version clears it. Read and written through the driver:
    a cold run records 200 symbols, and the ORM's get and flush cost more
    than the statements.
    """
    held = fetchall(
        session,
        "SELECT first, last, data_source, source_version, version_first, version_last "
        "FROM price_coverage WHERE symbol = ?",
        [symbol],
    )
    read_first, read_last = first, last
    if held:
        held_first, held_last, held_source, held_version, version_first, version_last = held[0]
        first, last = min(as_date(held_first), first), max(as_date(held_last), last)
        if (
            version is not None
            and held_version == version
            and held_source == data_source
            and version_first is not None
            and version_last is not None
            and read_first <= as_date(version_last) + timedelta(days=1)
            and as_date(version_first) <= read_last + timedelta(days=1)
        ):
            read_first = min(read_first, as_date(version_first))
            read_last = max(read_last, as_date(version_last))
    values = (
        first,
        last,
        data_source,
        utcnow(),
        version,
        read_first if version is not None else None,
        read_last if version is not None else None,
    )
    columns = _COVERAGE_COLUMNS[1:]
    if held:
        executemany(
            session,
            f"UPDATE price_coverage SET {', '.join(f'{c} = ?' for c in columns)} WHERE symbol = ?",
            [(*values, symbol)],
        )
    else:
        executemany(
            session,
            f"INSERT INTO price_coverage ({', '.join(_COVERAGE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_COVERAGE_COLUMNS))})",
            [(symbol, *values)],
        )


_COVERAGE_COLUMNS = (
    "symbol", "first", "last", "data_source", "updated_at", "source_version", "version_first",
    "version_last",
)  # fmt: skip


@dataclass(frozen=True)
class SourceVersion:
    """What a source said its data for a symbol was, for which days (`record_coverage`)."""

    data_source: str
    version: str
    first: date
    last: date


def source_versions(session: Session, symbols: Iterable[str]) -> dict[str, SourceVersion]:
    """Per symbol, the version its cached bars were last read at, where one is known."""
    table = price_coverage.c
    found: dict[str, SourceVersion] = {}
    for chunk in chunks(sorted(set(symbols))):
        query = select(
            table.symbol, table.data_source, table.source_version, table.version_first,
            table.version_last,
        ).where(table.symbol.in_(chunk), table.source_version.isnot(None))  # fmt: skip
        for symbol, data_source, version, first, last in session.execute(query):
            if first is not None and last is not None:
                found[symbol] = SourceVersion(data_source, version, first, last)
    return found


_PRICES_SQL = "days, open, high, low, close, volume, quality"
_EVERY_SQL = f"{_PRICES_SQL}, fetched_at, data_sources, source"


def read_bar_arrays(
    session: Session,
    symbols: Iterable[str],
    start: date | None = None,
    end: date | None = None,
    *,
    every_column: bool = False,
) -> dict[str, BarArrays]:
    """Per symbol with a cached bar in [start, end], those bars as columns.

    One query per batch of symbols, reading only the blocks the range
    overlaps. Without `every_column` the fetch times and sources are not
    read (zeros and None in their place): only a write or a revision check
    needs them.
    """
    found: dict[str, BarArrays] = {}
    wanted = sorted(set(symbols))
    for chunk in chunks(wanted, 500):
        marks = ", ".join("?" * len(chunk))
        sql = (
            f"SELECT symbol, {_EVERY_SQL if every_column else _PRICES_SQL} "
            f"FROM price_bar_block WHERE symbol IN ({marks})"
        )
        params: list = list(chunk)
        if start is not None:
            sql += " AND last >= ?"
            params.append(start)
        if end is not None:
            sql += " AND first <= ?"
            params.append(end)
        parts: dict[str, list[BarArrays]] = {}
        for symbol, *packed in fetchall(session, sql + " ORDER BY symbol, year", params):
            parts.setdefault(symbol, []).append(decode_block(packed))
        for symbol, blocks in parts.items():
            bars = concat(blocks).between(start, end)
            if len(bars):
                found[symbol] = bars
    return found


_QUALITY_NAMES = np.array(BAR_QUALITIES, dtype=object)


def bars_frame(bars: BarArrays) -> pd.DataFrame:
    """A bars frame (the shape in `ledger.bars`) of cached bars."""
    index = pd.DatetimeIndex(
        bars.days.astype("datetime64[D]").astype("datetime64[ns]"), name="date"
    )
    return pd.DataFrame(
        {
            "open": bars.open,
            "high": bars.high,
            "low": bars.low,
            "close": bars.close,
            "volume": bars.volume,
            QUALITY_COLUMN: _QUALITY_NAMES[bars.quality],
        },
        index=index,
    )


def load_bars(
    session: Session,
    symbols: Iterable[str],
    start: date | None = None,
    end: date | None = None,
) -> dict[str, pd.DataFrame]:
    """Bars frames (the shape in `ledger.bars`) per symbol, from the cache."""
    return {
        symbol: bars_frame(bars)
        for symbol, bars in read_bar_arrays(session, symbols, start, end).items()
    }


def load_symbol_bars(session: Session, symbol: str, start: date, end: date) -> pd.DataFrame:
    """One symbol's bars from the cache as a bars frame (empty if none): the hot path
    of a resolve run, the blocks of its range unpacked by numpy."""
    found = read_bar_arrays(session, [symbol], start, end).get(symbol)
    if found is None:
        from ledger.store.bar_blocks import empty_bars

        found = empty_bars()
    return bars_frame(found)


def frame_arrays(frame: pd.DataFrame, data_source: str, fetched_at: int) -> BarArrays:
    """A bars frame as cache columns, each bar fetched at `fetched_at` (microseconds)."""
    days = pd.DatetimeIndex(frame.index).values.astype("datetime64[D]").astype(np.int32)
    count = len(frame)
    quality = np.zeros(count, dtype=np.uint8)
    if QUALITY_COLUMN in frame.columns:
        names = frame[QUALITY_COLUMN].to_numpy(dtype=object)
        known = np.zeros(count, dtype=bool)
        for code, name in enumerate(BAR_QUALITIES):
            same = names == name
            quality[same] = code
            known |= same
        if not known.all():
            unknown = names[~known][0]
            raise ValueError(f"a bar of unknown quality {unknown!r} cannot be cached")
    return BarArrays(
        days,
        *(frame[column].to_numpy(dtype=np.float64) for column in BAR_COLUMNS),
        quality,
        np.full(count, fetched_at, dtype=np.int64),
        np.zeros(count, dtype=np.uint16),
        (data_source,),
    )


def store_bars(session: Session, bars: Mapping[str, pd.DataFrame], data_source: str) -> int:
    """Upsert bars; returns how many bars were written.

    The hot path of a cold run (ten years of 200 symbols is half a million
    bars): each symbol's new bars are laid over the blocks of the years they
    fall in (a day already cached takes the new bar) and those blocks written
    back, a dozen rows per symbol for ten years.
    """
    fetched_at = microseconds(utcnow())
    written = 0
    for symbol, frame in bars.items():
        if frame.empty:
            continue
        new = normalised(frame_arrays(frame, data_source, fetched_at))
        _write_years(session, symbol, new, set(years_of(new.days).tolist()))
        written += len(frame)
    return written


def _write_years(session: Session, symbol: str, new: BarArrays, years: set[int]) -> None:
    """Lay `new` (bars of `years`) over the symbol's cached bars of those years and
    write the years back."""
    held = _held_years(session, symbol, years)
    _replace_years(session, symbol, merged(held, new) if held is not None else new, years)


def _held_years(session: Session, symbol: str, years: set[int]) -> BarArrays | None:
    """The symbol's cached bars in `years` with every column (None: no block held)."""
    if not years:
        return None
    marks = ", ".join("?" * len(years))
    rows = fetchall(
        session,
        f"SELECT {_EVERY_SQL} FROM price_bar_block WHERE symbol = ? AND year IN ({marks}) "
        "ORDER BY year",
        [symbol, *sorted(years)],
    )
    if not rows:
        return None
    return concat([decode_block(row) for row in rows])


def remove_bars(session: Session, symbol: str, days: Iterable[date]) -> None:
    """Drop the symbol's cached bars on `days` (a day without one is left as it is)."""
    numbers = np.array(sorted({day_number(day) for day in days}), dtype=np.int32)
    if not len(numbers):
        return
    years = set(years_of(numbers).tolist())
    held = _held_years(session, symbol, years)
    if held is None:
        return
    drop = np.isin(held.days, numbers)
    if drop.any():
        _replace_years(session, symbol, held.take(~drop), years)


def _replace_years(session: Session, symbol: str, bars: BarArrays, years: set[int]) -> None:
    """Make `bars` the symbol's whole cache in `years` (a year without any: no block)."""
    marks = ", ".join("?" * len(years))
    executemany(
        session,
        f"DELETE FROM price_bar_block WHERE symbol = ? AND year IN ({marks})",
        [(symbol, *sorted(years))],
    )
    rows = encode_blocks(symbol, bars)
    if rows:
        # COPY on PostgreSQL (a dozen blocks a symbol: psycopg's pipelined
        # executemany cost more than the COPY); the same executemany elsewhere.
        insert_rows(session, "price_bar_block", BLOCK_COLUMNS, rows)


def store_gaps(
    session: Session,
    symbol: str,
    first: date,
    last: date,
    gaps: Mapping[date, str],
    data_source: str,
) -> None:
    """Replace the symbol's recorded gaps in [first, last] with `gaps` (date -> why).

    Called with the range the source was just asked for: what it said about
    those days now is what holds, so a day it serves cleanly again stops
    being a gap, and a day it now rejects loses the bar cached for it before.
    """
    # Through the driver: a cold run stores 200 symbols, almost all without a gap.
    executemany(
        session,
        "DELETE FROM price_gap WHERE symbol = ? AND date >= ? AND date <= ?",
        [(symbol, first, last)],
    )
    remove_bars(session, symbol, (day for day in gaps if first <= day <= last))
    fetched_at = utcnow()
    rows = [
        {
            "symbol": symbol,
            "date": day,
            "reason": reason,
            "data_source": data_source,
            "fetched_at": fetched_at,
        }
        for day, reason in sorted(gaps.items())
        if first <= day <= last
    ]
    if rows:
        session.execute(insert(price_gap), rows)


def load_gaps(session: Session, symbol: str, start: date, end: date) -> list[date]:
    """The dates in [start, end] on which the source's bar for `symbol` was rejected.

    Through the driver: a resolve run asks this once or twice per symbol."""
    rows = fetchall(
        session,
        "SELECT date FROM price_gap WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date",
        [symbol, start, end],
    )
    return [as_date(row[0]) for row in rows]


def gaps_by_symbol(
    session: Session, spans: Mapping[str, tuple[date, date]]
) -> dict[str, list[date]]:
    """Per symbol, the dates in its span whose bar the source gave and validation rejected.

    The resolver asks for them again (a feed fixes its errors) and counts
    them: the count of what is rejected stays the same from run to run on the
    same data, whatever part of it a run happened to fetch.
    """
    found: dict[str, list[date]] = {}
    for chunk in chunks(sorted(spans)):
        rows = fetchall(
            session,
            f"SELECT symbol, date FROM price_gap WHERE symbol IN ({', '.join('?' * len(chunk))})"
            " ORDER BY symbol, date",
            list(chunk),
        )
        for symbol, stored_day in rows:
            day = as_date(stored_day)
            first, last = spans[symbol]
            if first <= day <= last:
                found.setdefault(symbol, []).append(day)
    return found


def upsert_rows(session: Session, table: Table, rows: list[dict], updated: tuple[str, ...]) -> None:
    """Insert rows keyed by (symbol, date), replacing the listed columns on conflict."""
    if not rows:
        return
    # The dialect's own INSERT (for ON CONFLICT), imported here: the connection has
    # loaded that dialect already, and the PostgreSQL one costs a SQLite ledger's
    # commands 0.13 s of CPU (this module is imported by every scoring command).
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for batch in chunks(rows, 2000):
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=["symbol", "date"],
            set_={name: statement.excluded[name] for name in updated},
        )
        session.execute(statement, list(batch))
