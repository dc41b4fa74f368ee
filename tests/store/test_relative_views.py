"""The TUI's queries (scoreboard by asset, a group's claims) on relative claims,
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.store.claims import ClaimFilter, get_claim, list_claims, record_claims
from ledger.store.scoring import scoring_frame
from ledger.store.session import open_ledger
from ledger.store.views import ClaimScope, count_claims, scoreboard_frame

MADE_ON = date(2025, 11, 20)
TEXTS = (
    "gold outperforms bitcoin by 5 points from 2025-11-20 through 2026-06-30",
    "the gold/silver ratio falls to 60 by 2026-06-30",
    "gold $5055 by end-2026",
)


def test_pairs_and_ratios_group_and_scope(ledger_url: str) -> None:
    engine = open_ledger(ledger_url)
    with Session(engine) as session, session.begin():
        record_claims(
            session,
            [NewClaim(source="Bank", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in TEXTS],
        )
    with Session(engine) as session:
        frame = scoreboard_frame(session, by="asset", scope=ClaimScope(), today=date(2026, 7, 1))
        assert sorted(frame["group"]) == ["GC=F", "GC=F vs BTC-USD", "GC=F/SI=F"]
        cli = scoring_frame(session, by="asset")
        assert sorted(cli["group"]) == ["GC=F", "GC=F vs BTC-USD", "GC=F/SI=F"]
        assert count_claims(session, ClaimScope(symbol="GC=F vs BTC-USD")) == 1
        assert count_claims(session, ClaimScope(symbol="GC=F/SI=F")) == 1
        [pair] = list_claims(session, ClaimFilter(symbol="GC=F vs BTC-USD"))
        assert (pair.versus_symbol, pair.margin) == ("BTC-USD", 5.0)
        detail = get_claim(session, pair.id)
        assert detail.claim.description.startswith("gold (GC=F) returns at least 5")
        assert detail.to_json()["versus_symbol"] == "BTC-USD"
    engine.dispose()
