"""describe_sources: an import file's source descriptions, written with one SELECT
and one UPDATE, leave the rows and the proof log the per-source ORM path (kept
here as the oracle: `describe_one`, the code it replaced) left, on random lists
with repeats, case variants and kinds that change nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import Session

from ledger.claims.fingerprint import source_key
from ledger.store import prooflog
from ledger.store.prooflog import read_log_with_kinds
from ledger.store.session import open_ledger
from ledger.store.sources import check_source_kind, describe_sources, ensure_sources
from ledger.store.tables import SourceRow

KNOWN = [("Ann", None), ("Bank of Oz", "bank"), ("Zoë", None), ("Pundit", "person")]
DESCRIPTIONS = st.tuples(
    st.sampled_from(["Ann", "ann", "ANN", "Bank of Oz", "Zoë", "Pundit", "Nobody"]),
    st.sampled_from([None, "person", "bank", "other"]),
    st.sampled_from([None, "", "https://a.example", "https://b.example"]),
    st.sampled_from([None, "", "first notes", "other notes"]),
)


def describe_one(session: Session, name: str, kind, url, notes) -> None:
    """The per-source path `describe_sources` replaced (ORM row, flush, log)."""
    row = session.execute(
        select(SourceRow).where(SourceRow.name_key == source_key(name))
    ).scalar_one_or_none()
    if row is None:
        return
    if kind and row.kind == "other":
        row.kind = check_source_kind(kind)
    if url and not row.url:
        row.url = url
    if notes and not row.notes:
        row.notes = notes
    if session.is_modified(row):
        prooflog.lock_head(session)
        session.add(row)
        session.flush()
        prooflog.append(session, prooflog.source_entries(session, [row.id]))


def outcome(session: Session, log_before: int) -> tuple[list[tuple], list[tuple]]:
    rows = session.execute(
        select(
            SourceRow.id, SourceRow.name, SourceRow.kind, SourceRow.url, SourceRow.notes
        ).order_by(SourceRow.id)
    ).all()
    log = [(seq, kind, entry) for seq, kind, entry, _ in read_log_with_kinds(session)]
    return [tuple(r) for r in rows], log[log_before:]


def test_described_sources_match_the_per_source_path(migrated_url: str) -> None:
    engine = open_ledger(migrated_url)
    with Session(engine) as session, session.begin():
        ensure_sources(session, KNOWN)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(DESCRIPTIONS, max_size=8))
    def check(described: list[tuple]) -> None:
        results = []
        for bulk in (False, True):
            with Session(engine) as session:
                session.begin()
                before = len(read_log_with_kinds(session))
                if bulk:
                    describe_sources(session, described)
                else:
                    for item in described:
                        describe_one(session, *item)
                session.flush()
                results.append(outcome(session, before))
                session.rollback()
        assert results[1] == results[0]

    try:
        check()
    finally:
        engine.dispose()


def test_a_source_described_twice_is_logged_after_each_change(migrated_url: str) -> None:
    engine = open_ledger(migrated_url)
    try:
        with Session(engine) as session, session.begin():
            ensure_sources(session, [("Ann", None)])
            before = len(read_log_with_kinds(session))
            describe_sources(
                session,
                [("Ann", None, "https://a.example", None), ("ann", "bank", None, "notes")],
            )
            rows, log = outcome(session, before)
        assert [r[2:] for r in rows] == [("bank", "https://a.example", "notes")]
        assert len(log) == 2
        assert '"url":"https://a.example"' in log[0][2] and '"notes":null' in log[0][2]
        assert '"kind":"bank"' in log[1][2] and '"notes":"notes"' in log[1][2]
    finally:
        engine.dispose()
