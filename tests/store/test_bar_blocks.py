"""The bar cache packed by symbol and year (`price_bar_block`, migration 0017).

What the cache promised as one row per bar it still promises: a stored bar
reads back exactly (prices, volume or its absence, quality), a day stored
again takes the new bar, a rejected day loses its bar, a range read returns
the bars in it, and the migration keeps every bar, both ways.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import inspect, text
from sqlmodel import Session

from ledger.bars import BAR_QUALITIES
from ledger.store.engine import make_engine
from ledger.store.prices import (
    cached_ranges,
    load_bars,
    load_symbol_bars,
    read_bar_arrays,
    store_bars,
    store_gaps,
)
from ledger.store.schema import current_revision, head_revision, upgrade
from ledger.store.session import open_ledger

FIRST_DAY = date(2023, 12, 20)


def frame(days: list[date], base: float, qualities: list[str] | None = None) -> pd.DataFrame:
    closes = [base + i for i in range(len(days))]
    data = {
        "open": closes,
        "high": [c + 1 for c in closes],
        "low": [c - 1 for c in closes],
        "close": closes,
        "volume": [np.nan if i % 3 == 0 else 10.0 * i for i in range(len(days))],
    }
    if qualities is not None:
        data["quality"] = qualities
    return pd.DataFrame(data, index=pd.DatetimeIndex(pd.to_datetime(days), name="date"))


# A cache history: each step stores some days (offsets from FIRST_DAY, across a
# year's turn) at a price level of its own, or rejects some days (a gap drops
# their bars).
steps = st.lists(
    st.tuples(
        st.sampled_from(["store", "reject"]),
        st.lists(st.integers(0, 40), min_size=1, max_size=12, unique=True),
        st.lists(st.sampled_from(BAR_QUALITIES), min_size=12, max_size=12),
    ),
    min_size=1,
    max_size=5,
)


@cache
def _shared_ledger(directory: str):
    return open_ledger(f"{directory}/ledger.sqlite3")


@given(history=steps)
def test_the_cache_holds_what_row_by_row_upserts_would(tmp_path_factory, history) -> None:
    """An oracle of one dict entry per (day): store = upsert, reject = delete."""
    engine = _shared_ledger(str(tmp_path_factory.getbasetemp()))
    expected: dict[date, tuple] = {}
    with Session(engine) as session:
        session.execute(text("DELETE FROM price_bar_block"))
        session.execute(text("DELETE FROM price_gap"))
        for step, (action, offsets, qualities) in enumerate(history):
            days = sorted(FIRST_DAY + timedelta(days=o) for o in offsets)
            if action == "store":
                bars = frame(days, 100.0 * (step + 1), qualities[: len(days)])
                store_bars(session, {"GC=F": bars}, f"source-{step}")
                for day, row in zip(days, bars.itertuples(index=False), strict=True):
                    expected[day] = (*row, f"source-{step}")
            else:
                store_gaps(
                    session,
                    "GC=F",
                    days[0],
                    days[-1],
                    dict.fromkeys(days, "rejected"),
                    "test",
                )
                for day in days:
                    expected.pop(day, None)
        got = load_symbol_bars(session, "GC=F", date(2000, 1, 1), date(2030, 1, 1))
        assert [d.date() for d in got.index] == sorted(expected)
        for day, row in zip(got.index.date, got.itertuples(index=False), strict=True):
            want = expected[day]
            assert row[:4] == want[:4]
            assert (row[4] == want[4]) or (np.isnan(row[4]) and np.isnan(want[4]))
            assert row[5] == want[5]
        held = read_bar_arrays(session, ["GC=F"], every_column=True)
        names = held["GC=F"].source_names() if expected else []
        assert names == [expected[day][6] for day in sorted(expected)]
        if expected:
            assert cached_ranges(session, ["GC=F"])["GC=F"].first == min(expected)
            middle = sorted(expected)[len(expected) // 2]
            part = load_bars(session, ["GC=F"], middle, middle + timedelta(days=5))["GC=F"]
            end = middle + timedelta(days=5)
            assert list(part.index.date) == [d for d in sorted(expected) if middle <= d <= end]
        else:
            assert cached_ranges(session, ["GC=F"]) == {}
            rows = session.execute(text("SELECT count(*) FROM price_bar_block")).scalar_one()
            assert rows == 0


def test_a_bar_the_schema_refused_is_refused_before_it_is_packed(tmp_path) -> None:
    engine = open_ledger(str(tmp_path / "ledger.sqlite3"))
    bad = frame([date(2026, 1, 2)], 10.0)
    bad["high"] = 5.0
    with Session(engine) as session, pytest.raises(ValueError, match="high below its low"):
        store_bars(session, {"GC=F": bad}, "test")
    unknown = frame([date(2026, 1, 2)], 10.0, ["guessed"])
    with Session(engine) as session, pytest.raises(ValueError, match="unknown quality"):
        store_bars(session, {"GC=F": unknown}, "test")


def _insert_bar(connection, symbol: str, day: date, close: float, **columns) -> None:
    values = {
        "symbol": symbol,
        "date": day,
        "open": close,
        "high": close + 1,
        "low": close - 1,
        "close": close,
        "volume": None,
        "quality": "ok",
        "data_source": "yahoo",
        "fetched_at": datetime(2026, 1, 5, 21, 30, 15, 123456, tzinfo=UTC),
        **columns,
    }
    names = ", ".join(values)
    connection.execute(
        text(f"INSERT INTO price_bar ({names}) VALUES ({', '.join(':' + n for n in values)})"),
        values,
    )


def _bar_rows(connection) -> list[tuple]:
    rows = connection.execute(
        text(
            "SELECT symbol, date, open, high, low, close, volume, quality, data_source,"
            " fetched_at FROM price_bar ORDER BY symbol, date"
        )
    ).all()
    return [
        (
            r[0],
            str(r[1])[:10],
            *r[2:8],
            r[8],
            (r[9] if isinstance(r[9], datetime) else datetime.fromisoformat(r[9]))
            .replace(tzinfo=None)
            .isoformat(),
        )
        for r in rows
    ]


def test_upgrade_to_blocks_keeps_every_bar_and_downgrade_gives_the_rows_back(
    ledger_url: str,
) -> None:
    """0017: the bars, with volume or none, quality, source and fetch time, survive
    the packing and the unpacking; a reader sees each as it was stored."""
    engine = make_engine(ledger_url)
    upgrade(engine, "0016_price_bar_clustered")
    with engine.begin() as connection:
        _insert_bar(connection, "GC=F", date(2025, 12, 31), 4000.5, volume=12.0)
        _insert_bar(connection, "GC=F", date(2026, 1, 2), 4010.25, quality="repaired")
        _insert_bar(connection, "GC=F", date(2026, 1, 5), 4020.0, data_source="csv:/x")
        _insert_bar(connection, "SI=F", date(2026, 1, 2), 71.5, quality="close_only")
        before = _bar_rows(connection)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert "price_bar" not in inspect(engine).get_table_names()
    with Session(engine) as session:
        blocks = session.execute(
            text("SELECT symbol, year, bars FROM price_bar_block ORDER BY symbol, year")
        ).all()
        assert [tuple(b) for b in blocks] == [
            ("GC=F", 2025, 1),
            ("GC=F", 2026, 2),
            ("SI=F", 2026, 1),
        ]
        gold = load_symbol_bars(session, "GC=F", date(2025, 1, 1), date(2026, 12, 31))
        assert gold["close"].tolist() == [4000.5, 4010.25, 4020.0]
        assert gold["quality"].tolist() == ["ok", "repaired", "ok"]
        assert gold["volume"].tolist()[0] == 12.0 and np.isnan(gold["volume"].tolist()[1])
        held = read_bar_arrays(session, ["GC=F"], every_column=True)["GC=F"]
        assert held.source_names() == ["yahoo", "yahoo", "csv:/x"]
        moment = datetime(2026, 1, 5, 21, 30, 15, 123456, tzinfo=UTC)
        assert set(held.fetched_at.tolist()) == {int(moment.timestamp()) * 10**6 + 123456}
    from alembic import command

    from ledger.store.schema import alembic_config

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0016_price_bar_clustered")
    with engine.begin() as connection:
        assert _bar_rows(connection) == before
    engine.dispose()
