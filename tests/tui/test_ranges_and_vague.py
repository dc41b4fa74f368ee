"""Bands and vague calls in the terminal UI: the add form's vague toggle, the claim
screen, and the scoreboard's vague column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import Session

from ledger.claims.parser import parse_claim, parse_vague
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import ClaimFilter, list_claims, record_claims
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.add import AddScreen
from tui.screens.claim import ClaimScreen
from tui.screens.scoreboard import ScoreboardScreen

SIZE = (110, 40)
MADE_ON = date(2025, 11, 20)  # as in conftest.py
TODAY = date(2026, 7, 13)


def band_ledger(url: str, prices: Path) -> list[int]:
    """Two gold bands (one broken by the 2026-01-26 spike) and a vague call, resolved."""
    engine = open_ledger(url)
    texts = (
        "gold closes between 3900 and 4100 on 2026-06-30",
        "gold stays between 3800 and 4500 until 2026-03-31",
    )
    entries = [
        NewClaim(source="Band Bank", claim=parse_claim(text, made_on=MADE_ON), text=text)
        for text in texts
    ]
    said = "the silver squeeze is not over"
    vague = parse_vague(said, made_on=MADE_ON)
    entries.append(NewClaim(source="Band Bank", claim=vague, text=said))
    with Session(engine) as session, session.begin():
        ids = list(record_claims(session, entries).added)
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    engine.dispose()
    return ids


async def test_the_vague_toggle_records_a_vague_call(ledger_db, today, settle, screen_text):
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        await pilot.press(*"the short squeeze in silver may not be over")
        assert "✗" in screen_text(app)  # not a claim prices can judge
        app.screen.query_one("#vague").toggle()
        await settle(pilot)
        shown = screen_text(app)
        assert "SI=F vague: the short squeeze in silver may not be over" in shown
        assert "never resolved or scored" in shown
        source = app.screen.query_one("#source")
        source.focus()
        source.value = "Jane Pundit"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen)
        jane = next(s for s in app.screen.scores if s.group == "Jane Pundit")
        assert jane.vague == 1
        assert "vague" in screen_text(app)
    engine = open_ledger(ledger_db)
    with Session(engine) as session:
        added = list_claims(session, ClaimFilter(source="Jane Pundit"))[-1]
    engine.dispose()
    assert (added.kind, added.status, added.symbol) == ("vague", "vague", "SI=F")


async def test_the_claim_screen_shows_bands_and_vague_calls(
    ledger_db, prices, today, settle, screen_text
):
    close_id, hold_id, vague_id = band_ledger(ledger_db, prices)
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(hold_id))
        await settle(pilot)
        shown = screen_text(app)
        assert "GC=F hold_between 3800 and 4500 by 2026-03-31" in shown
        assert "left the band above its ceiling 4500" in shown
        assert "band 3800-4500" in shown  # the chart's title
        assert app.screen.query_one("#chart").display
        app.pop_screen()
        app.push_screen(ClaimScreen(vague_id))
        await settle(pilot)
        shown = screen_text(app)
        assert "too vague for any price to settle" in shown
        assert "no price can settle it, so there is no chart" in shown
        assert not app.screen.query_one("#chart").display
        app.pop_screen()
        app.push_screen(ClaimScreen(close_id))
        await settle(pilot)
        assert "true, evidence 2026-06-30 close" in screen_text(app)
