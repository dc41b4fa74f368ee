"""A resolve run on PostgreSQL writes its rows by binary COPY and stores what the
same run stores on SQLite: every resolution's and claim's values equal, and the
proof log verifies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from ledger.market.csv_source import CsvSource
from ledger.proving import verify_ledger
from ledger.resolver import run_resolver
from ledger.store import pg_copy
from ledger.store.session import open_ledger
from tests.resolver.test_resolver import record

AS_OF = date(2026, 7, 13)
TEXTS = (
    "gold $5055 by end-2026",  # touched 2026-01-26 -> true
    "gold $6000 by 2026-06-30",  # never touched -> false
    "BTC holds 80000 until 2026-03-31",  # broken 2026-02-05 -> false
    "BTC hits 150k by 2026-12-31",  # open
    "gold $9000 by 2026-07-10",  # false on the last bar
    "gold below $3000 by 2026-06-30",  # never reached -> false
    "gold closes above $3900 on 2026-06-30",
    "BTC averages above $85000 in March 2026",
)
RESOLUTION = (
    "prediction_id, outcome, method, is_current, evidence_date, evidence_price, evidence_field, "
    "level_used, split_factor, closest_date, closest_price, days_to_touch, data_source, note, "
    "leg_evidence, bar_quality"
)
PREDICTION = (
    "id, status, open_reason, open_detail, market_prob, market_sigma, market_spot, market_note"
)


def _stored(engine) -> tuple[list, list]:
    with Session(engine) as session:
        resolutions = session.execute(
            text(f"SELECT {RESOLUTION} FROM resolution ORDER BY prediction_id, id")
        ).all()
        claims = session.execute(text(f"SELECT {PREDICTION} FROM prediction ORDER BY id")).all()
    as_plain = [
        [tuple(v.isoformat() if isinstance(v, date) else v for v in row) for row in rows]
        for rows in (resolutions, claims)
    ]
    return as_plain[0], as_plain[1]


def test_run_on_postgresql_copies_binary_and_equals_sqlite(
    ledger_url: str, prices: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not ledger_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only; compared with SQLite")
    chosen: list[tuple[str, bool]] = []
    decide = pg_copy.binary_types

    def spy(types, columns, rows):
        made = decide(types, columns, rows)
        chosen.append((columns[0], made is not None))
        return made

    monkeypatch.setattr(pg_copy, "binary_types", spy)
    stored = []
    for url in (ledger_url, f"sqlite:///{tmp_path / 'same.sqlite3'}"):
        engine = open_ledger(url)
        try:
            ids = record(engine, *TEXTS)
            summary = run_resolver(engine, CsvSource(prices), as_of=AS_OF, today=AS_OF)
            assert summary.resolved_true + summary.resolved_false == 7
            assert verify_ledger(engine).ok
            stored.append((ids, _stored(engine)))
        finally:
            engine.dispose()
    (pg_ids, pg_rows), (sqlite_ids, sqlite_rows) = stored
    assert pg_ids == sqlite_ids
    assert pg_rows == sqlite_rows
    # The resolutions (prediction_id first), their log entries (seq) and the
    # status updates' stage (status) went binary.
    assert {"prediction_id", "seq", "status"} <= {first for first, binary in chosen if binary}
    assert not [first for first, binary in chosen if not binary]
