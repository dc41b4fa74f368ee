"""Late-logged claims: the SQL rule agrees with `is_logged_late`, and scores can leave them out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from price_files import flat_bars, write_csv
from sqlmodel import Session

import ledger.store.claims as store_claims
from ledger.claims.parser import parse_claim
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.scoreboard import ScoreOptions, calibration, scoreboard
from ledger.store.claims import is_logged_late, list_claims, record_claims
from ledger.store.scoring import scoring_frame
from ledger.store.session import open_ledger
from ledger.store.views import ClaimScope, scoreboard_frame

MADE_ON = date(2025, 11, 20)
TODAY = date(2026, 7, 13)


@pytest.fixture
def engine(ledger_url: str):
    engine = open_ledger(ledger_url)
    yield engine
    engine.dispose()


def record_at(engine, monkeypatch, logged: datetime, text: str, prob: float | None = None) -> int:
    monkeypatch.setattr(store_claims, "utcnow", lambda: logged)
    with Session(engine) as session, session.begin():
        entry = NewClaim(
            source="tester", claim=parse_claim(text, made_on=MADE_ON), text=text, probability=prob
        )
        (claim_id,) = record_claims(session, [entry]).added
    monkeypatch.undo()
    return claim_id


# (logged at, claim text): around the boundary, the end of the window's first day.
CASES = [
    (datetime(2025, 11, 20, 22, 0, tzinfo=UTC), "gold $9000 by 2026-06-30"),
    (datetime(2025, 11, 21, 23, 59, 59, tzinfo=UTC), "gold $9001 by 2026-06-30"),
    (datetime(2025, 11, 22, 0, 0, 1, tzinfo=UTC), "gold $9002 by 2026-06-30"),
    (datetime(2026, 3, 1, 12, 0, tzinfo=UTC), "gold $9003 by 2026-06-30"),
    # An average over a period that began before the call: the day after the call still counts.
    (datetime(2025, 11, 21, 12, 0, tzinfo=UTC), "gold averages $9004 in Q4 2025"),
    (datetime(2025, 11, 22, 12, 0, tzinfo=UTC), "gold averages $9005 in Q4 2025"),
]


def test_the_sql_rule_is_the_python_rule_on_every_backend(engine, monkeypatch) -> None:
    ids = {record_at(engine, monkeypatch, logged, text): logged for logged, text in CASES}
    with Session(engine) as session:
        frame = scoring_frame(session, by="source")
        view = scoreboard_frame(session, by="source", scope=ClaimScope(), today=TODAY)
        claims = {c.id: c for c in list_claims(session)}
    expected = [
        is_logged_late(ids[i], claims[i].made_on, claims[i].window_start)
        for i in frame["id"].tolist()
    ]
    assert frame["logged_late"].tolist() == expected == [False, False, True, True, False, True]
    assert sorted(view["logged_late"].tolist()) == sorted(expected)
    assert [claims[i].logged_late for i in frame["id"].tolist()] == expected


def test_scores_count_late_claims_and_can_leave_them_out(
    engine, monkeypatch, tmp_path: Path
) -> None:
    on_time = record_at(
        engine, monkeypatch, datetime(2025, 11, 20, 20, tzinfo=UTC), "gold $1 by 2026-06-30", 0.9
    )
    late = record_at(
        engine, monkeypatch, datetime(2026, 5, 1, tzinfo=UTC), "gold $2 by 2026-06-30", 0.8
    )
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", flat_bars("2024-11-01", "2026-07-10", 4000.0))
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 7, 10), today=TODAY)

    with Session(engine) as session:
        (row,) = scoreboard(session, ScoreOptions(), TODAY)
        (kept,) = scoreboard(session, ScoreOptions(exclude_late=True), TODAY)
        _, with_late = calibration(session, source=None, bins=10, include_early=False, today=TODAY)
        _, without = calibration(
            session, source=None, bins=10, include_early=False, today=TODAY, exclude_late=True
        )
    assert (row.scored, row.logged_late, row.with_prob) == (2, 1, 2)
    assert (kept.scored, kept.logged_late, kept.with_prob) == (1, 1, 1)  # still counted
    assert (with_late, without) == (2, 1)
    assert on_time != late
