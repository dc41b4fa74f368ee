"""A small ledger of claims recorded through the store, for storage tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.store.claims import record_claims
from ledger.store.session import open_ledger


def ledger_of(url: str, texts: list[str], made_on: date) -> tuple[Engine, list[int]]:
    """The ledger at `url` with one claim of source "t" per text, and their ids in order."""
    engine = open_ledger(url)
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="t", claim=parse_claim(t, made_on=made_on), text=t) for t in texts
        ]
        ids = list(record_claims(session, entries).added)
    return engine, ids
