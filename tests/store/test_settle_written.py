"""settle_claims and set_open_reasons as a resolve run calls them: the market
baselines written in the same UPDATE as the status or the open reason, and (on
SQLite) the proof entries made from the values inserted rather than read back,
which must be the entries the stored rows give."""

from __future__ import annotations

import itertools
import math
from datetime import date

import pytest
from claim_ledgers import ledger_of
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.proof.entries import canonical
from ledger.records import RESOLUTION_EVIDENCE, NewClaim
from ledger.store import prooflog
from ledger.store.claims import record_claims
from ledger.store.prooflog import read_log_with_kinds, resolution_entries
from ledger.store.resolving import set_open_reasons, settle_claim_columns, settle_claims
from ledger.store.session import open_ledger
from ledger.store.tables import utcnow

MADE_ON = date(2025, 11, 20)
TEXTS = [
    "gold $5055 by end-2026",
    "silver $40 by end-2026",
    "oil $90 by end-2026",
    "copper $6 by end-2026",
]


def ledger(url: str):
    return ledger_of(url, TEXTS, MADE_ON)


def market_columns(engine) -> dict[int, tuple]:
    with Session(engine) as session:
        return {
            row[0]: tuple(row[1:])
            for row in session.execute(
                text(
                    "SELECT id, status, open_reason, market_prob, market_sigma, market_spot, "
                    "market_note, market_computed_at IS NOT NULL FROM prediction"
                )
            )
        }


def test_baselines_ride_on_the_status_and_open_reason_updates(ledger_url: str) -> None:
    engine, (gold, silver, oil, copper) = ledger(ledger_url)
    evidence = (None,) * 12
    with Session(engine) as session, session.begin():  # someone else settles oil first
        settle_claims(session, [oil], ["true"], [evidence], run_id=None)
    market = {
        gold: (0.25, 0.2, 4000.0, None),
        silver: (None, None, 30.0, "a note"),
        oil: (0.5, 0.3, 80.0, None),
    }
    with Session(engine) as session, session.begin():
        settle_claims(session, [gold], ["false"], [evidence], run_id=None, market=market)
        set_open_reasons(
            session,
            {silver: ("waiting_for_deadline", None), oil: ("waiting_for_deadline", None),
             copper: ("waiting_for_deadline", None)},
            utcnow(),
            market=market,
        )  # fmt: skip
    found = market_columns(engine)
    assert found[gold] == ("false", None, 0.25, 0.2, 4000.0, None, True)
    assert found[silver] == ("open", "waiting_for_deadline", None, None, 30.0, "a note", True)
    # No longer open: its open reason is left alone, its baseline written all the same.
    assert found[oil] == ("true", None, 0.5, 0.3, 80.0, None, True)
    # No baseline given: none written.
    assert found[copper] == ("open", "waiting_for_deadline", None, None, None, None, False)
    engine.dispose()


@pytest.mark.parametrize("touch_days", [0, 3.0], ids=["int", "float_in_an_integer_column"])
def test_logged_resolutions_are_the_stored_rows(ledger_url: str, touch_days) -> None:
    """Awkward values on purpose: a NaN (SQLite stores NULL), -0.0 (SQLite
    reads back 0.0), whole numbers in REAL columns, a date object and ISO text
    for dates, an infinite price; and a float in the INTEGER column (SQLite
    stores an integer: the rows are read back)."""
    if touch_days == 3.0 and not ledger_url.startswith("sqlite"):
        pytest.skip("PostgreSQL refuses a float for an integer column: a SQLite case")
    engine, ids = ledger(ledger_url)
    evidence = [
        (date(2026, 1, 5), 5100, "high", 5055, 1, "2026-01-05", 5100.25, 12, "csv:x", None,
         None, None),
        ("2026-02-02", math.nan, "close", 40.0, 1.0, None, math.nan, None, "csv:x",
         "a note", None, "suspect"),
        (None, math.inf, None, 90.5, 2.0, date(2026, 3, 1), -0.0, touch_days, "csv:x", None, None,
         None),
    ]  # fmt: skip
    outcomes = ["true", "false", "true"]
    with Session(engine) as session, session.begin():
        settle_claims(session, ids[:3], outcomes, evidence, run_id=None)
    with Session(engine) as session:
        expected = [
            canonical(entry).decode("utf-8")
            for entry in resolution_entries(
                session,
                ids[:3],
                current_only=True,
                claim_status=dict(zip(ids[:3], outcomes, strict=True)),
            )
        ]
        logged = [row[2] for row in read_log_with_kinds(session) if row[1] == "resolution"]
    assert logged == expected
    # The NaN as each database gives it back: SQLite stores NULL, PostgreSQL a NaN.
    nan = "null" if ledger_url.startswith("sqlite") else '"NaN"'
    assert f'"evidence_price":{nan}' in logged[1]
    assert '"evidence_price":"Infinity"' in logged[2]
    engine.dispose()


evidence_values = st.tuples(
    st.none() | st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    st.none() | st.floats(allow_nan=True) | st.integers(1, 10**6),
    st.sampled_from([None, "high", "low", "close"]),
    st.none() | st.floats(min_value=1e-6, max_value=1e9) | st.sampled_from([5055, -0.0]),
    st.sampled_from([1.0, 2.0, 0.5]),
    st.none() | st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    st.none() | st.floats(allow_nan=True, allow_infinity=True),
    st.none() | st.integers(0, 5000),
    st.sampled_from(["csv:x", "yahoo"]),
    # Text a database can hold: no NUL (PostgreSQL) and no lone surrogate (UTF-8).
    st.none() | st.text(st.characters(blacklist_characters="\x00", codec="utf-8"), max_size=12),
    st.none() | st.just('[{"symbol": "GC=F"}]'),
    st.sampled_from([None, "repaired", "close_only"]),
)
_batches = itertools.count()


def test_a_batch_is_logged_as_stored_without_reading_it_back(ledger_url: str) -> None:
    """`settle_claim_columns` on each backend: the entries made from the values handed
    to the database are the entries its stored rows give (`resolution_entries`),
    and a batch of plain values (dates as dates, numbers, text) is not read back."""
    engine = open_ledger(ledger_url)
    read_back = []

    @settings(deadline=None, max_examples=25)
    @given(st.lists(evidence_values, min_size=1, max_size=6), st.data())
    def check(rows: list[tuple], data: st.DataObject) -> None:
        batch = next(_batches)
        texts = [f"gold ${4000 + batch * 10 + i} by end-2026" for i in range(len(rows))]
        with Session(engine) as session, session.begin():
            entries = [
                NewClaim(source="t", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in texts
            ]
            ids = list(record_claims(session, entries).added)
        outcomes = data.draw(st.lists(st.sampled_from(["true", "false"]), min_size=len(ids),
                                      max_size=len(ids)))  # fmt: skip
        columns = dict(zip(RESOLUTION_EVIDENCE, map(list, zip(*rows, strict=True)), strict=True))
        with Session(engine) as session, session.begin():
            settle_claim_columns(session, ids, outcomes, columns, run_id=None)
        with Session(engine) as session:
            expected = [
                canonical(entry).decode("utf-8")
                for entry in resolution_entries(
                    session,
                    ids,
                    current_only=True,
                    claim_status=dict(zip(ids, outcomes, strict=True)),
                )
            ]
            logged = [row[2] for row in read_log_with_kinds(session) if row[1] == "resolution"]
        assert logged[-len(ids) :] == expected

    with pytest.MonkeyPatch.context() as patch:
        real = prooflog.append_resolutions

        def counted(*args, **kwargs):
            read_back.append(1)
            return real(*args, **kwargs)

        patch.setattr(prooflog, "append_resolutions", counted)
        check()
    assert not read_back, f"{len(read_back)} batches were read back"
    engine.dispose()
