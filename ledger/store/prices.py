"""The price-bar cache: bars are stored once per (symbol, date).

Reads build one bars frame per symbol from one query per batch of symbols;
writes are bulk upserts, so re-fetching the last few days replaces a partial
bar instead of failing on the unique (symbol, date) constraint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import Table, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from ledger.bars import BAR_COLUMNS
from ledger.store.batching import chunks
from ledger.store.tables import PriceBarRow, utcnow


@dataclass(frozen=True)
class CachedRange:
    first: date
    last: date
    bars: int


def cached_ranges(session: Session, symbols: Iterable[str]) -> dict[str, CachedRange]:
    """What the cache holds per symbol: first and last bar dates and the count."""
    found: dict[str, CachedRange] = {}
    for chunk in chunks(sorted(set(symbols))):
        query = (
            select(
                PriceBarRow.symbol,
                func.min(PriceBarRow.date),
                func.max(PriceBarRow.date),
                func.count(),
            )
            .where(PriceBarRow.symbol.in_(chunk))
            .group_by(PriceBarRow.symbol)
        )
        for symbol, first, last, count in session.execute(query):
            found[symbol] = CachedRange(first, last, count)
    return found


def load_bars(
    session: Session,
    symbols: Iterable[str],
    start: date | None = None,
    end: date | None = None,
) -> dict[str, pd.DataFrame]:
    """Bars frames (the shape in `ledger.bars`) per symbol, from the cache."""
    table = PriceBarRow.__table__
    columns = [table.c.symbol, table.c.date, *(table.c[c] for c in BAR_COLUMNS)]
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
        raw = pd.DataFrame(rows, columns=["symbol", "date", *BAR_COLUMNS])
        raw["date"] = pd.to_datetime(raw["date"])
        for symbol, group in raw.groupby("symbol", sort=False):
            frame = group.set_index("date")[list(BAR_COLUMNS)].astype(np.float64)
            frame.index.name = "date"
            frames[str(symbol)] = frame
    return frames


def store_bars(session: Session, bars: Mapping[str, pd.DataFrame], data_source: str) -> int:
    """Upsert bars; returns how many rows were written."""
    fetched_at = utcnow()
    rows: list[dict] = []
    for symbol, frame in bars.items():
        if frame.empty:
            continue
        values = frame[list(BAR_COLUMNS)].to_numpy(dtype=np.float64)
        dates = pd.DatetimeIndex(frame.index).date
        for day, (open_, high, low, close, volume) in zip(dates, values, strict=True):
            rows.append(
                {
                    "symbol": symbol,
                    "date": day,
                    "open": float(open_),
                    "high": float(high),
                    "low": float(low),
                    "close": float(close),
                    "volume": None if np.isnan(volume) else float(volume),
                    "data_source": data_source,
                    "fetched_at": fetched_at,
                }
            )
    upsert_rows(
        session,
        PriceBarRow.__table__,
        rows,
        ("open", "high", "low", "close", "volume", "data_source", "fetched_at"),
    )
    return len(rows)


def upsert_rows(session: Session, table: Table, rows: list[dict], updated: tuple[str, ...]) -> None:
    """Insert rows keyed by (symbol, date), replacing the listed columns on conflict."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    for batch in chunks(rows, 2000):
        statement = insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=["symbol", "date"],
            set_={name: statement.excluded[name] for name in updated},
        )
        session.execute(statement, list(batch))
