"""Relative claims in the TUI: typed into the add form, and shown on the claim screen
with both legs (the chart of both returns, or of the ratio) and their evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from price_files import flat_bars, write_csv
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import ClaimFilter, list_claims, record_claims
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.add import AddScreen
from tui.screens.claim import ClaimScreen

TODAY = date(2026, 7, 13)
MADE_ON = date(2025, 11, 20)
OUTPERFORM = "gold outperforms bitcoin from 2025-11-20 through 2026-06-30"
RATIO = "the gold/silver ratio falls to 60 by 2026-06-30"


def write_prices(directory: Path) -> None:
    gold = flat_bars("2024-11-01", "2026-07-10", 4000.0)
    wave = pd.Series(range(len(gold)), index=gold.index).mod(7).sub(3).mul(15.0)
    for column in ("open", "high", "low", "close"):
        gold[column] = gold[column] + wave
    gold.loc[pd.Timestamp("2026-06-30"), ["open", "high", "low", "close"]] = 4800.0
    silver = gold.copy()
    for column in ("open", "high", "low", "close"):
        silver[column] = gold["close"] / 80.0
    silver.loc[pd.Timestamp("2026-03-02"), ["open", "high", "low", "close"]] = (
        gold.loc[pd.Timestamp("2026-03-02"), "close"] / 59.0
    )
    btc = flat_bars("2024-11-01", "2026-07-12", 90000.0, weekdays_only=False)
    bwave = pd.Series(range(len(btc)), index=btc.index).mod(5).sub(2).mul(400.0)
    for column in ("open", "high", "low", "close"):
        btc[column] = btc[column] + bwave
    write_csv(directory, "GC=F", gold)
    write_csv(directory, "SI=F", silver)
    write_csv(directory, "BTC-USD", btc)


@pytest.fixture
def relative_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    engine = open_ledger(url)
    with Session(engine) as session, session.begin():
        record_claims(
            session,
            [
                NewClaim(source="JPMorgan", claim=parse_claim(text, made_on=MADE_ON), text=text)
                for text in (OUTPERFORM, RATIO)
            ],
        )
    write_prices(tmp_path / "prices")
    run_resolver(engine, CsvSource(tmp_path / "prices"), as_of=TODAY, today=TODAY)
    engine.dispose()
    return url


def claim_ids(url: str) -> dict[str, int]:
    engine = open_ledger(url)
    with Session(engine) as session:
        found = {c.text: c.id for c in list_claims(session, ClaimFilter())}
    engine.dispose()
    return found


async def test_outperformance_screen_shows_both_returns_and_chart(
    relative_db, settle, screen_text
) -> None:
    app = make_app(relative_db, today=TODAY)
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(claim_ids(relative_db)[OUTPERFORM]))
        await settle(pilot)
        shown = screen_text(app)
        assert "GC=F outperforms BTC-USD by 2026-06-30" in shown
        assert "versus" in shown and "bitcoin (BTC-USD)" in shown
        assert "true, evidence 2026-06-30" in shown
        assert "GC=F: " in shown and "BTC-USD: " in shown and "percentage points" in shown
        assert "two correlated driftless GBMs" in shown
        assert app.screen.query_one("#chart").display
        assert "each 100 at its reference close" in shown


async def test_ratio_screen_shows_the_ratio_chart_and_both_closes(
    relative_db, settle, screen_text
) -> None:
    app = make_app(relative_db, today=TODAY)
    async with app.run_test(size=(110, 50)) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(claim_ids(relative_db)[RATIO]))
        await settle(pilot)
        shown = screen_text(app)
        assert "GC=F/SI=F touch_below 60 by 2026-06-30" in shown
        assert "true, evidence 2026-03-02 close 59" in shown
        assert "closes on 2026-03-02: GC=F" in shown and "SI=F" in shown
        assert "ratio of the closes on the days both traded" in shown
        assert "judged on daily closes" in shown
        assert app.screen.query_one("#chart").display


async def test_the_add_form_reads_a_relative_claim(relative_db, settle, screen_text) -> None:
    app = make_app(relative_db, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        await pilot.press(*"silver beats gold by 5 points by end-2026")
        shown = screen_text(app)
        assert "SI=F outperforms GC=F by 5 points by 2026-12-31" in shown
        assert "percentage points more than" in shown
