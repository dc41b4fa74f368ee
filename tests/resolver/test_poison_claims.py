"""Values already stored that no rule can judge never stop a run.

Entry bounds keep new poison out (ledger/claims/bounds.py); these claims are
written past them with SQL, as an old version or a hand edit would have.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
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
from ledger.store.guards import drop_guards
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
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    write_csv(
        directory,
        "GC=F",
        flat_bars("2024-01-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0}),
    )
    return directory


def record(engine, *texts: str) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="tester", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in texts
        ]
        return list(record_claims(session, entries).added)


def poisoned_ledger(engine) -> list[int]:
    ids = record(engine, *TEXTS)
    with engine.begin() as connection:
        # A hand edit of a ledger that predates the guard triggers.
        drop_guards(connection)
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
        drop_guards(connection)
        connection.execute(
            text("UPDATE prediction SET status = 'void' WHERE id = :i"), {"i": ids[1]}
        )
    summary = compute_baselines(engine, CsvSource(prices), today=TODAY)
    assert (summary.claims, summary.computed, summary.without) == (5, 3, 2)
    again = compute_baselines(engine, CsvSource(prices), recompute=True, today=TODAY)
    assert (again.computed, again.without) == (3, 2)


def test_forecast_baseline_and_resolve_do_not_crash(capsys, migrated_url: str, prices) -> None:
    engine = open_ledger(migrated_url)
    poisoned_ledger(engine)
    engine.dispose()
    baseline = forecast(capsys, "--db", migrated_url, "baseline", "--prices", f"csv:{prices}")
    assert baseline.code == 0, baseline.err
    assert "Traceback" not in baseline.err
    resolved = forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{prices}", "--json"
    )
    assert resolved.code == 0, resolved.err
    assert resolved.json()["open_reasons"] == {"invalid_claim": 3}
    assert resolved.err == ""


def absurd_prices(directory: Path) -> Path:
    """Sane by every bar check (finite, positive, low <= close <= high), absurd as a market:
    gold swings between 1e-300 (on made_on) and 1e300, silver the other way round."""
    bars = flat_bars("2024-01-01", "2026-07-10", 1.0)
    # Two days at each extreme: a lone day between two equal neighbours is a spike.
    phase = np.arange(len(bars)) - bars.index.get_loc(pd.Timestamp(MADE_ON))
    swing = np.where((phase // 2) % 2 == 0, 1e-300, 1e300)
    assert swing[bars.index.get_loc(pd.Timestamp(MADE_ON))] == 1e-300
    for symbol, values in (("GC=F", swing), ("SI=F", 1.0 / swing)):
        frame = bars.copy()
        for column in ("open", "high", "low", "close"):
            frame[column] = values
        write_csv(directory, symbol, frame)
    return directory


def test_odd_reference_closes_never_crash_the_run(engine, tmp_path: Path) -> None:
    prices = absurd_prices(tmp_path / "absurd")
    tiny, huge, plain = record(
        engine, "gold +20% by 2026-06-30", "silver +20% by 2026-06-30", "gold $9000 by 2026-06-30"
    )
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert summary.exit_code == 0
    reasons = open_reasons(engine)
    assert reasons[plain][0] == "true"
    # A close of 1e-300 once rounded to a reference of 0.0, which the schema refuses:
    # the whole run died. It is a price like any other.
    assert reasons[tiny][0] == "true"
    status, reason, detail = reasons[huge]
    assert (status, reason) == ("open", "invalid_claim") and "reference close" in detail
    with engine.connect() as connection:
        stored = dict(connection.execute(text("SELECT id, reference_price FROM prediction")).all())
    assert stored[tiny] == 1e-300 and stored[huge] is None


def test_absurd_prices_raise_no_numpy_warnings(engine, tmp_path: Path) -> None:
    prices = absurd_prices(tmp_path / "absurd")
    record(
        engine,
        "gold $9000 by 2026-06-30",
        "gold averages above $4500 in Q1 2026",
        "gold falls to $0.0001 by 2026-06-30",
        "gold closes above $5 on 2026-06-30",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
        compute_baselines(engine, CsvSource(prices), recompute=True, today=TODAY)
