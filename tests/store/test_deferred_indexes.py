"""A bulk insert into a (nearly) empty table builds its secondary indexes after
the rows: the schema, the rows and the index contents are what they would be,
and a failed import leaves the indexes as they were."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from ledger.claims.parser import claim_from_fields
from ledger.records import NewClaim
from ledger.store import deferred_indexes
from ledger.store.claims import record_claims
from ledger.store.raw import fetchall
from ledger.store.session import open_ledger

INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"


def _claims(count: int, first_level: float = 1000.0) -> list[NewClaim]:
    made_on = date(2025, 1, 2)
    return [
        NewClaim(
            source=f"Source {i % 3}",
            claim=claim_from_fields(
                asset="gold",
                kind="touch_above",
                level=first_level + i,
                deadline=made_on + timedelta(days=30 + i % 50),
                made_on=made_on,
            ),
            text=f"gold {first_level + i:g}",
        )
        for i in range(count)
    ]


def _sqlite_url(ledger_url: str) -> str:
    if not ledger_url.startswith("sqlite"):
        pytest.skip("SQLite builds the indexes after the rows; PostgreSQL copies them in")
    return ledger_url


def test_indexes_are_dropped_during_the_insert_and_made_after(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(ledger_url)
    monkeypatch.setattr(deferred_indexes, "MIN_DEFERRED_ROWS", 5)
    seen_during: list[list[str]] = []
    real_part = record_claims.__globals__["_record_part"]

    def watched(context, part, new_ids, existing):  # type: ignore[no-untyped-def]
        names = fetchall(context.session, INDEXES, [])
        seen_during.append([name for name, _ in names])
        return real_part(context, part, new_ids, existing)

    monkeypatch.setitem(record_claims.__globals__, "_record_part", watched)
    engine = open_ledger(url)
    try:
        with Session(engine) as session:
            before = fetchall(session, INDEXES, [])
        with Session(engine) as session, session.begin():
            record_claims(session, _claims(8))
        with Session(engine) as session:
            assert fetchall(session, INDEXES, []) == before
            assert fetchall(session, "PRAGMA integrity_check", []) == [("ok",)]
            # The rebuilt index answers as the table does.
            by_source = fetchall(
                session,
                "SELECT source_id, COUNT(*) FROM prediction INDEXED BY ix_prediction_source_id"
                " WHERE source_id > 0 GROUP BY source_id ORDER BY source_id",
                [],
            )
            assert [count for _, count in by_source] == [3, 3, 2]
        assert "ix_prediction_source_id" in [name for name, _ in before]
        assert "ix_prediction_source_id" not in seen_during[0]
        assert "uq_prediction_fingerprint" not in str(seen_during)  # an automatic index
        assert any(name.startswith("sqlite_autoindex_prediction") for name in seen_during[0])
    finally:
        engine.dispose()


def test_a_few_rows_into_a_larger_table_keep_the_indexes(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(ledger_url)
    monkeypatch.setattr(deferred_indexes, "MIN_DEFERRED_ROWS", 5)
    engine = open_ledger(url)
    try:
        with Session(engine) as session, session.begin():
            record_claims(session, _claims(8))
        dropped: list[str] = []
        with Session(engine) as session, session.begin():
            session.connection().connection.set_trace_callback(dropped.append)
            record_claims(session, _claims(6, first_level=5000.0))
            session.connection().connection.set_trace_callback(None)
        assert not [sql for sql in dropped if sql.startswith("DROP INDEX")]
    finally:
        engine.dispose()


def test_a_failed_insert_leaves_the_indexes(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = _sqlite_url(ledger_url)
    monkeypatch.setattr(deferred_indexes, "MIN_DEFERRED_ROWS", 5)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(record_claims.__globals__, "_record_part", broken)
    engine = open_ledger(url)
    try:
        with Session(engine) as session:
            before = fetchall(session, INDEXES, [])
        with pytest.raises(RuntimeError), Session(engine) as session, session.begin():
            record_claims(session, _claims(8))
        with Session(engine) as session:
            assert fetchall(session, INDEXES, []) == before
            assert fetchall(session, "SELECT COUNT(*) FROM prediction", []) == [(0,)]
    finally:
        engine.dispose()
