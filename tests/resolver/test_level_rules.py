"""The resolver fixes computed levels still pending: once, from bars up to made_on, batched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from price_files import flat_bars
from sqlalchemy import text
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.market.yahoo import YahooSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.baselines import claims_needing_baseline
from ledger.store.claims import list_claims, record_claims
from ledger.store.resolving import FixedLevel, set_rule_levels

MADE_ON = date(2025, 11, 20)
AS_OF = date(2026, 4, 1)  # the day after the deadlines: their last session is final


@pytest.fixture
def yahoo(tmp_path: Path) -> YahooSource:
    return YahooSource(tmp_path / "yf-cache", retries=2, backoff=0.01, sleep=lambda _s: None)


def record(engine, *texts: str) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="tester", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in texts
        ]
        return list(record_claims(session, entries).added)


def claims(engine) -> dict:
    with Session(engine) as session:
        return {c.id: c for c in list_claims(session)}


def test_pending_levels_fixed_by_a_yahoo_run_then_judged(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set(
        "BTC-USD",
        flat_bars(
            "2025-06-01", "2026-03-31", 90000.0, weekdays_only=False,
            lows={"2025-11-12": 86000.0, "2026-01-15": 70000.0},
        ),
    )  # fmt: skip
    fake_yahoo.set(
        "^GSPC",
        flat_bars("2020-01-01", "2026-03-31", 6000.0, highs={"2025-10-28": 6900.0}),
    )
    ids = record(
        engine,
        "BTC holds support",  # broken by the dip of 2026-01-15
        "S&P 500 makes a new all-time high by 2026-03-31",  # never reached
        "SPX holds its 200-day average by 2026-03-31",  # flat closes: the average is 6000
    )
    with Session(engine) as session:
        needing = claims_needing_baseline(session)
    assert not needing, "a pending level gets no baseline"
    summary = run_resolver(engine, yahoo, as_of=AS_OF, today=AS_OF)
    assert summary.exit_code == 0, summary.failed_symbols
    found = claims(engine)
    support, record_high, average = (found[i] for i in ids)
    assert (support.level, support.level_basis) == (86000.0, (date(2025, 11, 12),))
    assert support.status == "false" and support.evidence_date == date(2026, 1, 15)
    assert (record_high.level, record_high.level_basis) == (6900.0, (date(2025, 10, 28),))
    assert record_high.status == "false"
    assert average.level == 6000.0 and average.status == "true"
    # One request per symbol, the whole history of the record included.
    assert len(fake_yahoo.chart_requests("^GSPC", "price")) == 1
    # Now fixed, the levels are due their market baseline (the next run computes it).
    with Session(engine) as session:
        due = {c.id for c in claims_needing_baseline(session).get("BTC-USD", [])}
    assert ids[0] in due


def test_outage_leaves_the_level_pending_and_the_claim_open(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.rate_limit(everything=True)
    (claim_id,) = record(engine, "BTC holds support")
    summary = run_resolver(engine, yahoo, as_of=AS_OF, today=AS_OF)
    assert summary.exit_code == 1
    claim = claims(engine)[claim_id]
    assert claim.status == "open" and claim.level is None and claim.level_pending


def test_a_fixed_level_is_never_overwritten(engine) -> None:
    (claim_id,) = record(engine, "BTC holds support")
    first = FixedLevel(86000.0, (date(2025, 11, 12),), "first reading")
    with Session(engine) as session, session.begin():
        set_rule_levels(session, {claim_id: first})
    with Session(engine) as session, session.begin():
        set_rule_levels(session, {claim_id: FixedLevel(1.0, (date(2025, 11, 1),), "second")})
    with Session(engine) as session:
        row = session.execute(
            text("SELECT level, level_basis, level_note FROM prediction WHERE id = :i"),
            {"i": claim_id},
        ).one()
    assert tuple(row) == (86000.0, '["2025-11-12"]', "first reading")


def test_many_pending_claims_are_fixed_in_one_run(engine, fake_yahoo, yahoo) -> None:
    fake_yahoo.set(
        "BTC-USD",
        flat_bars("2025-06-01", "2026-03-31", 90000.0, weekdays_only=False,
                  lows={"2025-11-12": 86000.0}),
    )  # fmt: skip
    texts = [f"BTC holds support until 2026-02-{day:02d}" for day in range(1, 28)]
    ids = record(engine, *texts)
    run_resolver(engine, yahoo, as_of=AS_OF, today=AS_OF)
    found = claims(engine)
    assert {found[i].level for i in ids} == {86000.0}
    assert len(fake_yahoo.chart_requests("BTC-USD", "price")) == 1
