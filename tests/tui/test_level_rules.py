"""Computed levels in the TUI: the add form's live parse and the claim screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

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

SIZE = (110, 40)
TODAY = date(2026, 7, 13)
MADE_ON = date(2025, 11, 20)


def support_ledger(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'levels.sqlite3'}"
    engine = open_ledger(url)
    text = "BTC holds support"
    entry = NewClaim(source="Columnist", claim=parse_claim(text, made_on=MADE_ON), text=text)
    with Session(engine) as session, session.begin():
        (claim_id,) = record_claims(session, [entry]).added
    engine.dispose()
    return url, claim_id


async def test_the_claim_screen_shows_the_rule_and_the_pending_then_fixed_level(
    tmp_path, prices, settle, screen_text
) -> None:
    url, claim_id = support_ledger(tmp_path)
    app = make_app(url, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(claim_id))
        await settle(pilot)
        shown = screen_text(app)
        assert "support(60d,pivot3)" in shown
        assert "pending: fixed by the first resolve run" in shown
    engine = open_ledger(url)
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    engine.dispose()
    app = make_app(url, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(claim_id))
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
        assert "support read as 90,000" in shown
        assert "level bars" in shown


async def test_the_add_form_shows_the_rule_and_records_the_level_from_the_cache(
    tmp_path, prices, settle, screen_text
) -> None:
    url, _ = support_ledger(tmp_path)
    engine = open_ledger(url)
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)  # caches BTC's history
    engine.dispose()
    app = make_app(url, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        app.screen.query_one("#made-on").value = MADE_ON.isoformat()
        app.screen.query_one("#text").focus()
        await pilot.press(*"bitcoin holds the critical support level through Q1 2026")
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
        assert "BTC-USD hold_above support(60d,pivot3)" in shown
        assert "rule: support: the most recent swing low" in shown
        app.screen.query_one("#source").value = "Columnist"
        app.screen.query_one("#text").focus()
        await pilot.press("enter")
        await settle(pilot)
    engine = open_ledger(url)
    with Session(engine) as session:
        added = list_claims(session, ClaimFilter())[-1]
    engine.dispose()
    assert added.text == "bitcoin holds the critical support level through Q1 2026"
    assert added.level == 90000.0 and added.level_rule == "support(60d,pivot3)"
