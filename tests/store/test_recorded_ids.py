"""recorded_ids: one lookup of an import's fingerprints, handed to the duplicate
check and to the recording, gives what each finds by asking itself."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.store.claims import duplicate_differences, record_claims, recorded_ids
from ledger.store.prooflog import read_log_with_kinds
from ledger.store.session import open_ledger

MADE_ON = date(2025, 11, 20)


def entry(text: str, probability: float | None = None) -> NewClaim:
    return NewClaim(
        source="t", claim=parse_claim(text, made_on=MADE_ON), text=text, probability=probability
    )


def test_one_lookup_serves_the_check_and_the_recording(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with Session(engine) as session, session.begin():
        [gold] = record_claims(session, [entry("gold $5055 by end-2026", 0.6)]).added
    again = [
        entry("gold $5055 by end-2026", 0.7),  # recorded, with another probability
        entry("silver $40 by end-2026"),
        entry("silver $40 by end-2026"),  # twice in the batch: recorded once
    ]
    with Session(engine) as session, session.begin():
        recorded = recorded_ids(session, again)
        assert recorded == {again[0].fingerprint(): gold}
        differences = duplicate_differences(session, again, recorded)
        assert differences == duplicate_differences(session, again)
        assert [(d.position, d.claim_id, d.changes_scores) for d in differences] == [
            (0, gold, True)
        ]
        result = record_claims(session, again, recorded)
    assert len(result.added) == 1
    assert result.duplicate_ids == (gold, result.added[0])
    with Session(engine) as session:
        kinds = [kind for _, kind, _, _ in read_log_with_kinds(session)]
    assert kinds.count("claim") == 2
    engine.dispose()


def test_no_entries_ask_nothing(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with Session(engine) as session, session.begin():
        assert recorded_ids(session, []) == {}
    engine.dispose()


def test_a_ledger_read_whole_or_looked_up_gives_the_same_ids(ledger_url: str) -> None:
    """A question at least as large as the ledger reads the ledger whole; a smaller
    one looks its fingerprints up: both find exactly the recorded ones."""
    engine = open_ledger(ledger_url)
    texts = ["gold $5055 by end-2026", "silver $40 by end-2026", "BTC hits 150k by 2026-06-30"]
    with Session(engine) as session, session.begin():
        ids = record_claims(session, [entry(text) for text in texts]).added
    new = entry("oil falls to 50 by end-2026")
    with Session(engine) as session, session.begin():
        smaller = [entry(texts[1]), new]  # 2 asked of 3 recorded: looked up
        larger = [*(entry(text) for text in texts), new]  # 4 asked: the ledger read whole
        assert recorded_ids(session, smaller) == {smaller[0].fingerprint(): ids[1]}
        assert recorded_ids(session, larger) == {
            claim.fingerprint(): claim_id for claim, claim_id in zip(larger, ids, strict=False)
        }
    engine.dispose()
