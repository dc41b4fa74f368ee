"""Values already stored that no rule can judge never stop a run.

Entry bounds keep new poison out (ledger/claims/bounds.py); these claims are
written past them with SQL, as an old version or a hand edit would have.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv
from sqlalchemy import text
from sqlmodel import Session

from ledger.baseline import compute_baselines
from ledger.claims.parser import parse_claim
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import record_claims
from ledger.store.session import open_ledger

MADE_ON = date(2025, 11, 20)
TODAY = date(2026, 7, 13)
TEXTS = (
    "gold $5055 by end-2026",  # touched 2026-01-26: true
    "gold $6000 by 2026-06-30",  # poisoned: made_on in year 1
    "gold $7000 by 2026-06-30",  # poisoned: infinite level
    "gold +20% by 2026-06-30",  # poisoned: infinite reference price
    "gold $9000 by 2026-06-30",  # never touched: false
)


@pytest.fixture
def engine(ledger_url: str):
    engine = open_ledger(ledger_url)
    yield engine
    engine.dispose()


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    write_csv(
        directory,
        "GC=F",
        flat_bars("2024-01-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0}),
    )
    return directory


def poisoned_ledger(engine) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="tester", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in TEXTS
        ]
        ids = list(record_claims(session, entries).added)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE prediction SET made_on = :d, window_start = :w, reference_price = NULL "
                "WHERE id = :i"
            ),
            {"d": date(1, 1, 1), "w": date(1, 1, 2), "i": ids[1]},
        )
        connection.execute(
            text("UPDATE prediction SET level = :x WHERE id = :i"),
            {"x": float("inf"), "i": ids[2]},
        )
        connection.execute(
            text("UPDATE prediction SET reference_price = :x WHERE id = :i"),
            {"x": float("inf"), "i": ids[3]},
        )
    return ids


def open_reasons(engine) -> dict[int, tuple[str, str, str | None, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, status, open_reason, open_detail FROM prediction")
        ).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_poison_claims_stay_open_and_the_others_resolve(engine, prices: Path) -> None:
    ids = poisoned_ledger(engine)
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert summary.exit_code == 0
    assert (summary.resolved_true, summary.resolved_false) == (1, 1)
    assert summary.open_reasons == {"invalid_claim": 3}
    reasons = open_reasons(engine)
    assert reasons[ids[0]][0] == "true" and reasons[ids[4]][0] == "false"
    year_one = reasons[ids[1]]
    assert year_one[:2] == ("open", "invalid_claim")
    assert "made_on 0001-01-01" in year_one[2]
    assert reasons[ids[2]][:2] == ("open", "invalid_claim") and "level inf" in reasons[ids[2]][2]
    assert reasons[ids[3]][1] == "invalid_claim" and "inf" in reasons[ids[3]][2]
    # The others got their market baseline in the same run; the poisoned ones say why not.
    with engine.connect() as connection:
        market = {
            row[0]: row[1:]
            for row in connection.execute(
                text("SELECT id, market_spot, market_prob, market_note FROM prediction")
            )
        }
    assert market[ids[0]][0] == 4000.0
    assert market[ids[1]][1] is None and "invalid claim" in market[ids[1]][2]
    # And the next run is just as able.
    again = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert again.exit_code == 0 and again.open_reasons == {"invalid_claim": 3}


def test_a_voided_poison_claim_does_not_stop_baselines(engine, prices: Path) -> None:
    ids = poisoned_ledger(engine)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE prediction SET status = 'void' WHERE id = :i"), {"i": ids[1]}
        )
    summary = compute_baselines(engine, CsvSource(prices), today=TODAY)
    assert (summary.claims, summary.computed, summary.without) == (5, 3, 2)
    again = compute_baselines(engine, CsvSource(prices), recompute=True, today=TODAY)
    assert (again.computed, again.without) == (3, 2)


def test_forecast_baseline_and_resolve_do_not_crash(capsys, ledger_url: str, prices) -> None:
    engine = open_ledger(ledger_url)
    poisoned_ledger(engine)
    engine.dispose()
    baseline = forecast(capsys, "--db", ledger_url, "baseline", "--prices", f"csv:{prices}")
    assert baseline.code == 0, baseline.err
    assert "Traceback" not in baseline.err
    resolved = forecast(
        capsys, "--db", ledger_url, "resolve", "--prices", f"csv:{prices}", "--json"
    )
    assert resolved.code == 0, resolved.err
    assert resolved.json()["open_reasons"] == {"invalid_claim": 3}
    assert resolved.err == ""
