"""The plans of the queries that filter `prediction` on its status, after 0018.

Migration 0018 replaced the two indexes holding `status` with one partial
index of the open claims, `ix_prediction_open_deadline`, and `ix_prediction_symbol`.
Every query that used the old indexes must still reach `prediction` through
an index on a ledger where most claims are settled: the resolver's reads of the
open claims, the due list, the TUI's open list and count, `forecast list` by
status and by symbol, a bar revision's re-judging. And the settle UPDATE
(`... WHERE id = ? AND status = 'open'`) must stay a primary-key search with no
Bloom filter once `refresh_planner_statistics` has written its statistics (the
trap bench/README.md's session-16 section describes).

Each function runs as the code calls it; its statements are recorded from the
driver (SQLite's trace callback, psycopg's cursor) and explained with the same
values, so a change in how a query binds `status` is seen too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import Session

from ledger.claims.model import LEVEL_KINDS, Claim
from ledger.records import RESOLUTION_EVIDENCE, NewClaim
from ledger.store import core_tables
from ledger.store.claims import ClaimFilter, list_claims, record_claims
from ledger.store.engine import refresh_planner_statistics
from ledger.store.resolving import claims_to_check, open_claims_split, settle_claims
from ledger.store.review import overdue_claims
from ledger.store.revisions import decided_claims_on
from ledger.store.session import open_ledger
from ledger.store.views import ClaimOrder, ClaimScope, claim_rows, count_claims, due_summary

MADE_ON = date(2024, 1, 2)
CLAIMS = 1_500
COPIES = 12  # settled copies of every claim: ~19,500 rows, under 1% of them open
OPEN_EVERY = 25  # of the recorded claims, one in 25 stays open
SYMBOL = "S03.DE"
OPEN_INDEX = "ix_prediction_open_deadline"
SYMBOL_INDEX = "ix_prediction_symbol"


@pytest.fixture
def settled_ledger(ledger_url: str) -> Iterator[tuple]:
    """A ledger of mostly settled claims, with the planner's statistics as a run leaves them."""
    engine = open_ledger(ledger_url)
    kinds = list(LEVEL_KINDS)
    entries = []
    for i in range(CLAIMS):
        symbol = f"S{i % 20:02d}.DE"
        deadline = MADE_ON + timedelta(days=30 + i % 400)
        claim = Claim(
            symbol, symbol, kinds[i % len(kinds)], 100.0 + i % 50, MADE_ON,
            MADE_ON + timedelta(days=1), deadline,
        )  # fmt: skip
        entries.append(
            NewClaim(source=f"source {i % 30}", claim=claim, text=claim.canonical_text())
        )
    with Session(engine) as session, session.begin():
        ids = list(record_claims(session, entries).added)
    with engine.begin() as connection:
        columns = [column.name for column in core_tables.prediction.columns]
        copied = ", ".join(c for c in columns if c not in ("id", "fingerprint", "status"))
        for copy in range(COPIES):
            connection.execute(
                text(
                    f"INSERT INTO prediction (fingerprint, status, {copied}) "
                    f"SELECT fingerprint || :tail, 'true', {copied} FROM prediction "
                    "WHERE id <= :last"
                ),
                {"tail": f"-{copy}", "last": ids[-1]},
            )
        connection.execute(
            text("UPDATE prediction SET status = 'false' WHERE id <= :last AND id % :every <> 0"),
            {"last": ids[-1], "every": OPEN_EVERY},
        )
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("ANALYZE prediction")
    refresh_planner_statistics(engine)
    open_id = next(i for i in ids if i % OPEN_EVERY == 0)
    yield engine, open_id
    engine.dispose()


@contextmanager
def recorded(session: Session) -> Iterator[list[tuple[str, object]]]:
    """The statements the session's driver runs inside the block, with their values."""
    seen: list[tuple[str, object]] = []
    driver = session.connection().connection.driver_connection
    if session.get_bind().dialect.name == "sqlite":
        driver.set_trace_callback(lambda sql: seen.append((sql, None)))
        try:
            yield seen
        finally:
            driver.set_trace_callback(None)
        return
    import psycopg

    execute = psycopg.Cursor.execute

    def recording(cursor, query, params=None, **options):
        sql = query if isinstance(query, str) else query.as_string(cursor)
        seen.append((sql, params))
        return execute(cursor, query, params, **options)

    psycopg.Cursor.execute = recording
    try:
        yield seen
    finally:
        psycopg.Cursor.execute = execute


def plans(session: Session, statements: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """Each recorded statement that reads or writes `prediction` by its status, and its plan."""
    driver = session.connection().connection.driver_connection
    found = []
    for sql, params in statements:
        head = sql.lstrip().upper()
        if "PREDICTION" not in head or "STATUS" not in head or head.startswith(("CREATE", "COPY")):
            continue
        if session.get_bind().dialect.name == "sqlite":
            rows = driver.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
            plan = "\n".join(row[3] for row in rows)
        else:
            with driver.cursor() as cursor:
                cursor.execute(f"EXPLAIN {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
        found.append((sql, plan))
    return found


def plans_of(engine, call: Callable[[Session], object]) -> list[tuple[str, str]]:
    with Session(engine) as session, session.begin():
        with recorded(session) as statements:
            call(session)
        found = plans(session, statements)
        session.rollback()
    assert found, "the call sent no statement on prediction's status"
    return found


def _scans_prediction(plan: str) -> bool:
    """Whether the plan reads the whole of `prediction` (not a stage table named after it)."""
    return any(
        line.strip() in ("SCAN prediction", "SCAN p")
        or re.search(r"Seq Scan on prediction(\s|$)", line)
        for line in plan.splitlines()
    )


OPEN_READS = {
    "claims_to_check": claims_to_check,
    "open_claims_split": open_claims_split,
    "overdue_claims": lambda s: overdue_claims(s, date(2025, 1, 1)),
    "due_summary": lambda s: due_summary(s, date(2025, 1, 1)),
    "list_status_open": lambda s: list_claims(s, ClaimFilter(status="open")),
    "tui_open_by_deadline": lambda s: claim_rows(
        s, ClaimScope(status="open"), ClaimOrder.DEADLINE, limit=50
    ),
    "tui_open_count": lambda s: count_claims(s, ClaimScope(status="open")),
}
SYMBOL_READS = {
    "list_symbol": lambda s: list_claims(s, ClaimFilter(symbol=SYMBOL)),
    "revisions_rejudge": lambda s: decided_claims_on(s, SYMBOL, [date(2024, 3, 1)]),
}


@pytest.mark.parametrize("name", sorted(OPEN_READS))
def test_open_claims_are_read_through_the_partial_index(settled_ledger, name: str) -> None:
    engine, _ = settled_ledger
    for sql, plan in plans_of(engine, OPEN_READS[name]):
        assert OPEN_INDEX in plan, (sql, plan)
        assert not _scans_prediction(plan), (sql, plan)


@pytest.mark.parametrize("name", sorted(SYMBOL_READS))
def test_one_symbols_claims_are_read_by_an_index(settled_ledger, name: str) -> None:
    engine, _ = settled_ledger
    for sql, plan in plans_of(engine, SYMBOL_READS[name]):
        assert not _scans_prediction(plan), (sql, plan)
        if engine.dialect.name == "sqlite":
            assert SYMBOL_INDEX in plan, (sql, plan)


def test_the_settle_update_is_a_primary_key_search_without_a_bloom_filter(
    settled_ledger,
) -> None:
    engine, open_id = settled_ledger
    evidence = [tuple(None for _ in RESOLUTION_EVIDENCE)]
    found = plans_of(engine, lambda s: settle_claims(s, [open_id], ["true"], evidence, run_id=None))
    updates = [
        (sql, plan) for sql, plan in found if sql.lstrip().upper().startswith(("UPDATE", "WITH"))
    ]
    assert updates
    for sql, plan in updates:
        assert "BLOOM" not in plan.upper(), (sql, plan)
        assert not _scans_prediction(plan), (sql, plan)
        if engine.dialect.name == "sqlite":
            assert plan == "SEARCH prediction USING INTEGER PRIMARY KEY (rowid=?)", (sql, plan)


LIST_INDEXES = {
    ClaimOrder.DEADLINE: "ix_prediction_deadline",
    ClaimOrder.RECENT: "ix_prediction_made_on",
}


@pytest.mark.parametrize("status", [None, "true"])
@pytest.mark.parametrize("order", list(ClaimOrder))
def test_a_page_of_the_claims_list_walks_an_index_in_its_order(
    settled_ledger, order: ClaimOrder, status: str | None
) -> None:
    """0019: a page of all claims, or of one settled status, in either order of the
    TUI's list, reads `prediction` through the index of that order and stops when
    the page is full; it does not read every claim and sort them (a temporary
    B-tree in SQLite's plan, a Sort node in PostgreSQL's)."""
    engine, _ = settled_ledger
    scope = ClaimScope(status=status)
    found = plans_of(engine, lambda s: claim_rows(s, scope, order, limit=50))
    for sql, plan in found:
        assert LIST_INDEXES[order] in plan, (sql, plan)
        assert not _scans_prediction(plan), (sql, plan)
        assert "TEMP B-TREE" not in plan and not re.search(r"\bSort\b", plan), (sql, plan)
    with Session(engine) as session:
        page = claim_rows(session, scope, order, limit=50)
        every = claim_rows(session, scope, order, limit=CLAIMS * (COPIES + 1))
    if order is ClaimOrder.DEADLINE:
        expected = sorted(every, key=lambda row: (row.deadline, row.id))
    else:
        expected = sorted(every, key=lambda row: (row.made_on, row.id), reverse=True)
    assert [row.id for row in every] == [row.id for row in expected]
    assert [row.id for row in page] == [row.id for row in every[:50]]
    assert status is None or {row.status for row in every} == {status}
