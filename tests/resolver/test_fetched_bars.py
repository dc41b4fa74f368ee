"""A cold run judges on the bars it fetched, without reading them back from the cache.

That shortcut is only sound if what it hands to the rules is exactly what the
cache would give back after storing the fetch: the same prices, qualities,
volumes (missing ones included) and dates over the span, and the same gaps.
Hypothesis builds messy fetches (repaired and close-only bars, rejected bars,
duplicates, missing volumes); each is stored as a run stores it and both
readings are compared. A symbol the cache already held must take the
read-back path: bars the fetch did not serve may be among its bars.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from ledger.bars import check_bars
from ledger.market.source import FetchResult
from ledger.resolver import _load_bars, _SymbolRun
from ledger.store.prices import store_bars, store_gaps
from ledger.store.session import open_ledger

SYMBOL = "GC=F"
FIRST = date(2025, 1, 1)
DAYS = pd.bdate_range(FIRST, periods=60)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("fetched") / "ledger.sqlite3"
    engine = open_ledger(str(path))
    yield engine
    engine.dispose()


def run_for(fetched: FetchResult, asked: tuple[date, date], uncached: bool) -> _SymbolRun:
    return _SymbolRun(
        as_of=asked[1],
        price_source="csv",
        dry_run=False,
        recheck=False,
        run_id=None,
        claims_by_symbol={},
        columns_by_symbol={},
        needing_baseline={},
        plain={SYMBOL},
        fetched=fetched,
        wanted={SYMBOL: asked},
        fetch_spans={},
        leg_spans={},
        held_gaps={},
        failed={},
        uncached=frozenset({SYMBOL}) if uncached else frozenset(),
    )


@st.composite
def messy_bars(draw: st.DrawFn) -> pd.DataFrame:
    """Bars on a random subset of 60 weekdays, some broken, some repeated."""
    rows = draw(st.lists(st.integers(0, len(DAYS) - 1), min_size=1, max_size=40))
    prices = st.floats(1.0, 5000.0, allow_nan=False)
    records = []
    for row in rows:
        close = draw(prices)
        shape = draw(st.sampled_from(["ok", "repair", "close_only", "broken", "zero", "nan"]))
        high, low, open_ = close * 1.01, close * 0.99, close
        if shape == "repair":
            open_ = high * 1.0004  # a little above the high: repaired
        elif shape == "close_only":
            high = low = open_ = close
        elif shape == "broken":
            high, low = low, high * 2
        elif shape == "zero":
            close = 0.0
        elif shape == "nan":
            open_ = float("nan")
        volume = draw(st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False)))
        records.append((DAYS[row], open_, high, low, close, np.nan if volume is None else volume))
    frame = pd.DataFrame(records, columns=["date", "open", "high", "low", "close", "volume"])
    return frame.set_index("date")


def both_readings(engine, raw: pd.DataFrame, span, asked, *, uncached: bool):
    checked = check_bars(raw, SYMBOL)
    fetched = FetchResult(
        bars={SYMBOL: checked.kept}, gaps={SYMBOL: checked.gaps}, rejected={SYMBOL: []}
    )
    with Session(engine) as session, session.begin():
        store_bars(session, {SYMBOL: checked.kept}, "csv")
        store_gaps(session, SYMBOL, asked[0], asked[1], checked.gaps, "csv")
        read_back = _load_bars(session, SYMBOL, span)
        handed = run_for(fetched, asked, uncached)._bars_for(session, SYMBOL, span)
        session.rollback()
    return read_back, handed


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    raw=messy_bars(),
    start=st.integers(0, 40),
    length=st.integers(0, 30),
    asked_from=st.integers(0, 30),
)
def test_handed_bars_are_what_the_cache_gives_back(engine, raw, start, length, asked_from):
    # The span's week of lookback may reach before what the source was asked for.
    span = (FIRST + timedelta(days=start), FIRST + timedelta(days=start + length))
    asked = (FIRST + timedelta(days=asked_from), FIRST + timedelta(days=90))
    (bars, gaps), (handed_bars, handed_gaps) = both_readings(
        engine, raw, span, asked, uncached=True
    )
    pd.testing.assert_frame_equal(handed_bars, bars)
    assert handed_gaps == gaps


def test_a_symbol_the_cache_held_is_read_back(engine) -> None:
    fetched_frame = pd.DataFrame(
        {"open": 10.0, "high": 11.0, "low": 9.0, "close": 10.0, "volume": 5.0}, index=DAYS[:5]
    )
    held = pd.DataFrame(
        {"open": 20.0, "high": 21.0, "low": 19.0, "close": 20.0, "volume": 5.0}, index=DAYS[5:8]
    )
    span = (FIRST, FIRST + timedelta(days=30))
    asked = (FIRST - timedelta(days=30), FIRST + timedelta(days=90))
    run = run_for(
        FetchResult(bars={SYMBOL: fetched_frame}, gaps={SYMBOL: {}}), asked, uncached=False
    )
    with Session(engine) as session, session.begin():
        store_bars(session, {SYMBOL: held}, "csv")
        store_bars(session, {SYMBOL: fetched_frame}, "csv")
        bars, _ = run._bars_for(session, SYMBOL, span)
        session.rollback()
    assert list(bars["close"]) == [10.0] * 5 + [20.0] * 3
