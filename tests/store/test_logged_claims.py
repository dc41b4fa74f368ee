"""record_claims's proof-log entries: on SQLite they are made from the values
inserted rather than read back, and must be the entries the stored rows give
(`claim_entries`, which reads them back), byte for byte."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from ledger.claims.parser import claim_from_fields
from ledger.proof.entries import canonical
from ledger.records import NewClaim
from ledger.store import claims as claims_module
from ledger.store.claims import _PREDICTION_COLUMNS, record_claims
from ledger.store.prooflog import (
    _CLAIMS,
    CLAIM_COLUMNS,
    _sqlite_stored_columns,
    append_inserted_claims,
    claim_entries,
    read_log_with_kinds,
)
from ledger.store.raw import fetchall
from ledger.store.session import open_ledger

TODAY = date(2026, 12, 8)
WORDS = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), min_size=1, max_size=12
).filter(str.strip)


@st.composite
def new_claims(draw: st.DrawFn) -> NewClaim:
    """A claim with awkward values: whole and fractional levels, a probability of
    -0.0 (SQLite stores 0), quotes, percent signs and non-ASCII text, a source
    named in another case than the one that created it."""
    made_on = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 900)))
    kind = draw(st.sampled_from(["touch_above", "close_below", "hold_above", "close_between"]))
    level = draw(st.one_of(st.integers(1, 99_999).map(float), st.floats(0.0001, 1e7)))
    upper = level * draw(st.floats(1.01, 3.0)) if kind == "close_between" else None
    claim = claim_from_fields(
        asset=draw(st.sampled_from(["gold", "BTC", "GC=F", "AAPL", "EURUSD"])),
        kind=kind,
        level=level,
        upper=upper,
        deadline=made_on + timedelta(days=draw(st.integers(1, 700))),
        made_on=made_on,
    )
    moment = draw(st.none() | st.datetimes(min_value=datetime(2000, 1, 1), timezones=st.just(UTC)))
    return NewClaim(
        source=draw(st.sampled_from(["Ann", "ann", 'Bank % of "Oz"', "Zoë"])),
        claim=claim,
        text=draw(WORDS),
        probability=draw(st.none() | st.sampled_from([0.0, -0.0, 1.0]) | st.floats(0.0, 1.0)),
        url=draw(st.none() | WORDS),
        quote=draw(st.none() | WORDS),
        tags=tuple(draw(st.lists(WORDS.map(str.strip), max_size=3))),
        claimed_created_at=moment,
    )


def logged_claims(session: Session, after: int) -> list[str]:
    return [
        entry
        for seq, kind, entry, _ in read_log_with_kinds(session)
        if seq >= after and kind == "claim"
    ]


def stored_claims(session: Session, claim_ids: list[int]) -> list[str]:
    return [canonical(entry).decode("utf-8") for entry in claim_entries(session, claim_ids)]


def test_logged_claims_are_the_stored_rows(ledger_url: str) -> None:
    # One engine for every example: opening a ledger checks its schema, which cost
    # more than recording a batch; the batches accumulate, as in a ledger in use.
    engine = open_ledger(ledger_url)

    @given(batch=st.lists(new_claims(), min_size=1, max_size=6))
    def check(batch: list[NewClaim]) -> None:
        with Session(engine) as session, session.begin():
            size = len(read_log_with_kinds(session))
            added = list(record_claims(session, batch).added)
        with Session(engine) as session:
            assert logged_claims(session, size) == stored_claims(session, sorted(added))

    try:
        check()
    finally:
        engine.dispose()


def test_a_revision_is_logged_with_the_claim_it_revises(ledger_url: str) -> None:
    made_on = date(2025, 11, 20)
    first = claim_from_fields(
        asset="gold", kind="touch_above", level=5000.0, deadline=date(2026, 12, 31), made_on=made_on
    )
    again = claim_from_fields(
        asset="gold",
        kind="touch_above",
        level=5500.0,
        deadline=date(2026, 12, 31),
        made_on=made_on + timedelta(days=3),
    )
    engine = open_ledger(ledger_url)
    original = NewClaim(source="Ann", claim=first, text="gold 5000")
    revision = NewClaim(
        source="ann", claim=again, text="gold 5500", revises_fingerprint=original.fingerprint()
    )
    with Session(engine) as session, session.begin():
        added = list(record_claims(session, [original, revision]).added)
    with Session(engine) as session:
        logged = logged_claims(session, 0)
        assert logged == stored_claims(session, added)
    assert f'"revises_id":{added[0]}' in logged[1]
    engine.dispose()


@pytest.mark.parametrize("source_id_type", [int, float], ids=["as_inserted", "a_float_id"])
def test_entries_from_inserted_values(ledger_url: str, source_id_type: type) -> None:
    """The stored row handed back as "inserted" values gives the stored row's
    entry; with a float in the integer column `source_id` (SQLite would store
    an integer, so the value is not plain to see) the rows are read back, and
    the entry is still the stored row's (`"source_id":1`, not `1.0`)."""
    if not ledger_url.startswith("sqlite"):
        pytest.skip("the inserted-values path is SQLite's")
    made_on = date(2025, 1, 2)
    claim = claim_from_fields(
        asset="gold", kind="touch_above", level=5000.0, deadline=date(2026, 12, 31), made_on=made_on
    )
    engine = open_ledger(ledger_url)
    with Session(engine) as session, session.begin():
        size = len(read_log_with_kinds(session))
        entry = NewClaim(source="Ann", claim=claim, text="t", tags=("b", "a"))
        [claim_id] = record_claims(session, [entry]).added
        [row] = fetchall(
            session,
            f"SELECT {', '.join(_PREDICTION_COLUMNS)} FROM prediction WHERE id = ?",
            [claim_id],
        )
        # The stored row as handed in is plain to see: no read-back.
        columns = {name: [value] for name, value in zip(_PREDICTION_COLUMNS, row, strict=True)}
        assert _sqlite_stored_columns(_CLAIMS, CLAIM_COLUMNS, columns)
        columns["source_id"] = [source_id_type(columns["source_id"][0])]
        append_inserted_claims(session, [claim_id], columns, [["b", "a"]], {})
        logged = logged_claims(session, size)
        assert len(logged) == 2
        assert logged[0] == logged[1] == stored_claims(session, [claim_id])[0]
    engine.dispose()


def _gold(level: float, made_on: date) -> NewClaim:
    claim = claim_from_fields(
        asset="gold", kind="touch_above", level=level, deadline=date(2026, 12, 31), made_on=made_on
    )
    return NewClaim(source="Ann", claim=claim, text=f"gold {level:g}", tags=("b", "a"))


def test_a_batch_is_recorded_in_parts(ledger_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch larger than a part goes in part by part (so a million-entry import
    holds one part's rows and entry texts); the claims, their ids, their one
    `created_at` and their log entries are those of one statement."""
    monkeypatch.setattr(claims_module, "RECORD_PART", 2)
    parts: list[int] = []
    real_part = claims_module._record_part

    def counted(context, part, new_ids, existing):  # type: ignore[no-untyped-def]
        parts.append(len(part))
        return real_part(context, part, new_ids, existing)

    monkeypatch.setattr(claims_module, "_record_part", counted)
    made_on = date(2025, 11, 20)
    batch = [_gold(5000.0 + 10 * i, made_on) for i in range(5)]
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            size = len(read_log_with_kinds(session))
            result = record_claims(session, [*batch, batch[1]])
        added = list(result.added)
        assert parts == [2, 2, 1]
        assert added == sorted(added) and len(set(added)) == 5
        assert result.duplicate_ids == (added[1],)
        with Session(engine) as session:
            assert logged_claims(session, size) == stored_claims(session, added)
            stamps = fetchall(session, "SELECT DISTINCT created_at FROM prediction", [])
            assert len(stamps) == 1
            tags = fetchall(session, "SELECT COUNT(*) FROM prediction_tag", [])
            assert tags == [(10,)]
    finally:
        engine.dispose()


def test_a_batch_with_a_revision_is_one_part(
    ledger_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A revision may revise a claim later in its batch, whose id only its part's
    insert gives: such a batch goes in as one part, and the link is logged."""
    monkeypatch.setattr(claims_module, "RECORD_PART", 1)
    made_on = date(2025, 11, 20)
    original = _gold(5000.0, made_on)
    revision = dataclasses.replace(
        _gold(5500.0, made_on + timedelta(days=3)), revises_fingerprint=original.fingerprint()
    )
    engine = open_ledger(ledger_url)
    try:
        with Session(engine) as session, session.begin():
            added = list(record_claims(session, [revision, original, _gold(6000.0, made_on)]).added)
        with Session(engine) as session:
            logged = logged_claims(session, 0)
            assert logged == stored_claims(session, added)
        assert f'"revises_id":{added[1]}' in logged[0]
    finally:
        engine.dispose()
