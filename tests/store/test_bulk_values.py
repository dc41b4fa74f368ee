"""Many rows per INSERT (`insert_values`): the same rows, ids and refusals as one
statement per row, in a handful of statements, so SQLite builds a CHECK's `IN`
list once per statement instead of once per row."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlmodel import Session

from ledger.claims.parser import claim_from_fields
from ledger.proving import verify_ledger
from ledger.records import RESOLUTION_EVIDENCE, NewClaim
from ledger.store.bulk_values import insert_values
from ledger.store.claims import record_claims
from ledger.store.raw import executemany, fetchall
from ledger.store.resolving import RESOLUTION_STATEMENT_VALUES, settle_claim_columns
from ledger.store.session import open_ledger

TABLE = (
    "CREATE TABLE {name} (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, level FLOAT, note,"
    " CONSTRAINT ck_{name}_kind CHECK (kind IN ('above', 'below', 'between')),"
    " CONSTRAINT ck_{name}_level CHECK (level IS NULL OR level > 0))"
)
ROWS = st.lists(
    st.tuples(
        st.sampled_from(["above", "below", "between"]),
        st.none() | st.floats(min_value=0.5, max_value=1e9),
        st.none() | st.text(max_size=5) | st.integers(-(2**63), 2**63 - 1) | st.binary(max_size=3),
    ),
    max_size=60,
)


def _session_with_tables(variables: int) -> Session:
    engine = create_engine("sqlite://")
    session = Session(engine)
    driver = session.connection().connection.driver_connection
    # A low limit on bound values, so a few dozen rows take several statements.
    driver.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
    for name in ("stepped", "bulk"):
        session.connection().exec_driver_sql(TABLE.format(name=name))
    return session


@settings(max_examples=60, deadline=None)
@given(rows=ROWS, variables=st.integers(min_value=3, max_value=40))
def test_the_rows_and_ids_are_those_of_one_statement_per_row(
    rows: list[tuple], variables: int
) -> None:
    with _session_with_tables(variables) as session:
        columns = ("kind", "level", "note")
        executemany(session, "INSERT INTO stepped (kind, level, note) VALUES (?, ?, ?)", rows)
        assert insert_values(session, "bulk", columns, rows) == len(rows)
        read = "SELECT id, kind, level, note, typeof(note) FROM {} ORDER BY id"
        assert fetchall(session, read.format("bulk"), []) == fetchall(
            session, read.format("stepped"), []
        )


@pytest.mark.parametrize(
    ("bad_row", "constraint"),
    [(("sideways", 1.0, None), "ck_{}_kind"), (("above", -1.0, None), "ck_{}_level")],
    ids=["kind outside the IN list", "level not above 0"],
)
def test_a_refused_row_refuses_with_the_same_constraint(bad_row: tuple, constraint: str) -> None:
    rows = [("above", float(level), None) for level in range(1, 30)]
    rows[17] = bad_row
    with _session_with_tables(12) as session:
        with pytest.raises(sqlite3.IntegrityError) as stepped:
            executemany(session, "INSERT INTO stepped (kind, level, note) VALUES (?, ?, ?)", rows)
        with pytest.raises(sqlite3.IntegrityError) as bulk:
            insert_values(session, "bulk", ("kind", "level", "note"), rows)
        assert str(stepped.value) == f"CHECK constraint failed: {constraint.format('stepped')}"
        assert str(bulk.value) == f"CHECK constraint failed: {constraint.format('bulk')}"
        # The refused statement wrote none of its rows (the caller rolls back the rest).
        [(count,)] = fetchall(session, "SELECT COUNT(*) FROM bulk", [])
        assert count % 4 == 0 and count < 17  # whole statements of 4 rows before it


def _claims(count: int) -> list[NewClaim]:
    made_on = date(2025, 1, 2)
    return [
        NewClaim(
            source=f"Source {i % 3}",
            claim=claim_from_fields(
                asset="gold",
                kind=("touch_above", "hold_below")[i % 2],
                level=1000.0 + i,
                deadline=made_on + timedelta(days=30 + i % 50),
                made_on=made_on,
            ),
            text=f"gold {1000 + i}",
            tags=("metals",) if i % 3 else (),
        )
        for i in range(count)
    ]


def test_recording_claims_inserts_them_in_a_few_statements(ledger_url: str) -> None:
    if not ledger_url.startswith("sqlite"):
        pytest.skip("PostgreSQL copies the rows in (COPY)")
    engine = open_ledger(ledger_url)
    try:
        statements: list[str] = []
        with Session(engine) as session, session.begin():
            session.connection().connection.set_trace_callback(statements.append)
            result = record_claims(session, _claims(3000))
            session.connection().connection.set_trace_callback(None)
        inserts = [sql for sql in statements if sql.startswith("INSERT INTO prediction (")]
        # 3,000 rows of at most 32 values, within SQLite's 32,766 bound values a statement.
        assert 1 <= len(inserts) <= 3
        with Session(engine) as session:
            rows = fetchall(session, "SELECT id, kind, level FROM prediction ORDER BY id", [])
        assert [row[0] for row in rows] == list(result.added) == list(range(1, 3001))
        assert rows[:2] == [(1, "touch_above", 1000.0), (2, "hold_below", 1001.0)]
    finally:
        engine.dispose()


def test_a_refused_claim_writes_nothing_of_its_batch(ledger_url: str) -> None:
    if not ledger_url.startswith("sqlite"):
        pytest.skip("a SQLite trigger refuses the row")
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            assert len(record_claims(session, _claims(50)).added) == 50
        with (
            pytest.raises(sqlite3.IntegrityError, match="refused"),
            Session(engine) as session,
            session.begin(),
        ):
            session.connection().exec_driver_sql(
                "CREATE TEMPORARY TRIGGER refuse BEFORE INSERT ON prediction"
                " WHEN NEW.level = 1060 BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
            record_claims(session, _claims(80)[50:])
        with Session(engine) as session:
            assert fetchall(session, "SELECT COUNT(*) FROM prediction", []) == [(50,)]
    finally:
        engine.dispose()


def test_settling_claims_inserts_their_resolutions_in_a_few_statements(ledger_url: str) -> None:
    """A resolve run's resolutions go in many rows a statement too (resolution has IN-list
    CHECKs: outcome, method), in the claims' order, each logged as stored."""
    if not ledger_url.startswith("sqlite"):
        pytest.skip("PostgreSQL copies the rows in (COPY)")
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            ids = list(record_claims(session, _claims(3000)).added)
        outcomes = [("true", "false")[i % 2] for i in range(len(ids))]
        evidence: dict[str, list] = {name: [None] * len(ids) for name in RESOLUTION_EVIDENCE}
        evidence["evidence_date"] = [date(2025, 3, 1) + timedelta(days=i % 90) for i in ids]
        evidence["evidence_price"] = [1000.0 + i for i in range(len(ids))]
        statements: list[str] = []
        with Session(engine) as session, session.begin():
            session.connection().connection.set_trace_callback(statements.append)
            settle_claim_columns(session, ids, outcomes, evidence, run_id=None)
            session.connection().connection.set_trace_callback(None)
        inserts = [sql for sql in statements if sql.startswith("INSERT INTO resolution (")]
        # 3,000 rows of ~20 values, at most RESOLUTION_STATEMENT_VALUES a statement
        assert 1 <= len(inserts) <= -(-3000 * 20 // RESOLUTION_STATEMENT_VALUES) + 1
        with Session(engine) as session:
            stored = fetchall(
                session,
                "SELECT id, prediction_id, outcome, evidence_price FROM resolution ORDER BY id",
                [],
            )
        assert verify_ledger(engine).ok
        assert [row[1] for row in stored] == ids
        assert [row[2] for row in stored] == outcomes
        assert [row[0] for row in stored] == list(range(stored[0][0], stored[0][0] + 3000))
        assert stored[1][3] == 1001.0
    finally:
        engine.dispose()
