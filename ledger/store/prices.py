"""The price-bar cache: bars are stored once per (symbol, date).

Reads build one bars frame per symbol from one query per batch of symbols;
writes are bulk upserts, so re-fetching the last few days replaces a partial
bar instead of failing on the unique (symbol, date) constraint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import repeat

import numpy as np
import pandas as pd
from sqlalchemy import String, Table, cast, delete, func, insert, select
from sqlmodel import Session

from ledger.bars import BAR_COLUMNS, OK, QUALITY_COLUMN
from ledger.store.batching import chunks
from ledger.store.raw import adapt, as_date, executemany, fetchall, insert_rows
from ledger.store.tables import PriceBarRow, PriceCoverageRow, PriceGapRow, utcnow


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
            select(PriceBarRow.symbol, func.min(PriceBarRow.date), func.max(PriceBarRow.date))
            .where(PriceBarRow.symbol.in_(chunk))
            .group_by(PriceBarRow.symbol)
        )
        for symbol, first, last in session.execute(bars):
            found[symbol] = CachedRange(first, last)
        asked = select(
            PriceCoverageRow.symbol, PriceCoverageRow.first, PriceCoverageRow.last
        ).where(PriceCoverageRow.symbol.in_(chunk))
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
    table = PriceCoverageRow
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


def load_bars(
    session: Session,
    symbols: Iterable[str],
    start: date | None = None,
    end: date | None = None,
) -> dict[str, pd.DataFrame]:
    """Bars frames (the shape in `ledger.bars`) per symbol, from the cache."""
    table = PriceBarRow.__table__
    # Dates as ISO text: numpy parses a column of them at once, where the
    # driver's per-row date objects would cost seconds on a ten-year cache.
    columns = [
        table.c.symbol,
        cast(table.c.date, String).label("day"),
        *(table.c[c] for c in BAR_COLUMNS),
        table.c.quality,
    ]
    frames: dict[str, pd.DataFrame] = {}
    for chunk in chunks(sorted(set(symbols)), 500):
        query = select(*columns).where(table.c.symbol.in_(chunk))
        if start is not None:
            query = query.where(table.c.date >= start)
        if end is not None:
            query = query.where(table.c.date <= end)
        query = query.order_by(table.c.symbol, table.c.date)
        rows = session.execute(query).all()
        if not rows:
            continue
        # Columns straight from the row tuples: pandas' per-row inspection of
        # Row objects costs seconds on a ten-year cache.
        symbols, days, *values, qualities = zip(*rows, strict=True)
        symbol_array = np.asarray(symbols, dtype=object)
        day_array = np.array(days, dtype="datetime64[D]").astype("datetime64[ns]")
        value_arrays = [np.asarray(v, dtype=np.float64) for v in values]
        quality_array = np.asarray(qualities, dtype=object)
        bounds = np.flatnonzero(symbol_array[1:] != symbol_array[:-1]) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(symbol_array)]))
        for start, end in zip(starts, ends, strict=True):
            index = pd.DatetimeIndex(day_array[start:end], name="date")
            frame = pd.DataFrame(
                {
                    name: column[start:end]
                    for name, column in zip(BAR_COLUMNS, value_arrays, strict=True)
                },
                index=index,
            )
            frame[QUALITY_COLUMN] = quality_array[start:end]
            frames[str(symbol_array[start])] = frame
    return frames


def load_symbol_bars(session: Session, symbol: str, start: date, end: date) -> pd.DataFrame:
    """One symbol's bars from the cache as a bars frame (empty if none): the hot path
    of a resolve run, read through the driver and parsed by numpy column-wise."""
    rows = fetchall(
        session,
        "SELECT CAST(date AS TEXT), open, high, low, close, volume, quality FROM price_bar "
        "WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date",
        [symbol, start, end],
    )
    days = np.array([row[0] for row in rows], dtype="datetime64[D]").astype("datetime64[ns]")
    values = np.array([row[1:6] for row in rows], dtype=np.float64).reshape(len(rows), 5)
    frame = pd.DataFrame(
        {name: values[:, i] for i, name in enumerate(BAR_COLUMNS)},
        index=pd.DatetimeIndex(days, name="date"),
    )
    frame[QUALITY_COLUMN] = np.array([row[6] for row in rows], dtype=object)
    return frame


_BAR_COLUMNS = (
    "symbol", "date", "open", "high", "low", "close", "volume", "quality", "data_source",
    "fetched_at",
)  # fmt: skip
"""A bar row as `store_bars` writes it; a stored bar takes every column but its key."""


def store_bars(session: Session, bars: Mapping[str, pd.DataFrame], data_source: str) -> int:
    """Upsert bars; returns how many rows were written.

    The hot path of a cold run (ten years of 200 symbols is half a million
    rows): the parameter rows are built a column at a time from the frame's
    arrays and go straight to the driver, in the form each database stores
    (ISO day text in SQLite, as SQLAlchemy writes it; date objects for psycopg).
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    fetched_at = adapt(session, utcnow())
    written = 0
    for symbol, frame in bars.items():
        if frame.empty:
            continue
        days64 = pd.DatetimeIndex(frame.index).values.astype("datetime64[D]")
        days = days64.astype(str).tolist() if sqlite else days64.tolist()
        opens, highs, lows, closes, volumes = (
            frame[column].to_numpy(dtype=np.float64) for column in BAR_COLUMNS
        )
        volume_values: list = volumes.tolist()
        if np.isnan(volumes).any():
            volume_values = [None if v != v else v for v in volume_values]
        if QUALITY_COLUMN in frame.columns:
            qualities = [str(q) for q in frame[QUALITY_COLUMN].tolist()]
        else:
            qualities = [OK] * len(frame)
        count = len(frame)
        insert_rows(
            session,
            "price_bar",
            _BAR_COLUMNS,
            list(
                zip(
                    repeat(symbol, count),
                    days,
                    opens.tolist(),
                    highs.tolist(),
                    lows.tolist(),
                    closes.tolist(),
                    volume_values,
                    qualities,
                    repeat(data_source, count),
                    repeat(fetched_at, count),
                    strict=True,
                )
            ),
            ready=True,
            upsert=(("symbol", "date"), _BAR_COLUMNS[2:]),
        )
        written += count
    return written


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
    days = sorted(day for day in gaps if first <= day <= last)
    for part in chunks(days):
        session.execute(
            delete(PriceBarRow).where(PriceBarRow.symbol == symbol, PriceBarRow.date.in_(part))
        )
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
        session.execute(insert(PriceGapRow), rows)


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
