"""Claims: a source's claims page by page, a claim in full, voiding one, the due list."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from ledger.claims.model import Claim, ClaimKind, default_window_start
from ledger.records import NewClaim
from ledger.store.claims import ClaimFilter, list_claims, record_claims
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.claim import ClaimScreen
from tui.screens.due import DueScreen
from tui.screens.group import GroupScreen
from tui.screens.void import VoidScreen
from tui.widgets.claims_table import PAGE_SIZE

SIZE = (100, 30)


@pytest.fixture
def busy_db(tmp_path: Path) -> str:
    """One source with 2.5 pages of claims, and another with one."""
    url = f"sqlite:///{tmp_path / 'busy.sqlite3'}"
    engine = open_ledger(url)
    made_on = date(2025, 1, 1)
    entries = [
        NewClaim(
            source="Prolific",
            claim=Claim(
                symbol="GC=F",
                asset="gold",
                kind=ClaimKind.TOUCH_ABOVE,
                level=3000.0 + i,
                made_on=made_on + timedelta(days=i % 300),
                window_start=default_window_start(made_on + timedelta(days=i % 300)),
                deadline=made_on + timedelta(days=i % 300 + 400),
            ),
            text=f"gold ${3000 + i} within 400 days",
        )
        for i in range(PAGE_SIZE * 5 // 2)
    ]
    with Session(engine) as session, session.begin():
        record_claims(session, entries)
    engine.dispose()
    return url


async def open_first_claim(pilot, settle) -> None:
    await settle(pilot)
    await pilot.press("enter")  # the top source
    await settle(pilot)
    await pilot.press("enter")  # its newest claim
    await settle(pilot)


async def test_a_source_pages_its_claims_as_the_cursor_moves(busy_db, today, settle) -> None:
    app = make_app(busy_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.claims_table
        assert table.total == PAGE_SIZE * 5 // 2
        assert table.row_count == PAGE_SIZE  # one page, not the whole source
        await pilot.press("ctrl+end")  # to the last loaded row: the next page is fetched
        await settle(pilot)
        assert table.row_count == 2 * PAGE_SIZE
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.row_count == table.total
        ids = [int(str(key.value)) for key in table.rows]
        assert len(set(ids)) == len(ids)  # no page twice


async def test_a_claim_shows_its_words_market_resolution_and_chart(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first_claim(pilot, settle)
        screen = app.screen
        assert isinstance(screen, ClaimScreen)
        shown = screen_text(app)
        assert "GC=F touch_above 4500 by 2026-02-28" in shown  # normalized
        assert "gold $4500 by 2026-02-28" in shown  # as said
        assert "market p" in shown and "volatility" in shown
        assert "true, evidence 2026-01-26 high 5145" in shown
        assert screen.query_one("#chart").display
        assert "made on 2025-11-20" in shown and "deadline 2026-02-28" in shown
        assert "evidence 2026-01-26" in shown


async def test_a_claim_without_cached_prices_says_how_to_get_them(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(pilot, settle)
        assert not app.screen.query_one("#chart").display
        assert "press r to run the resolver" in screen_text(app)


async def test_voiding_asks_why_and_keeps_the_claim(resolved_db, today, settle, screen_text):
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(pilot, settle)
        claim_id = app.screen.claim_id
        await pilot.press("v")
        assert isinstance(app.screen, VoidScreen)
        await pilot.press("enter")  # no reason given
        assert "A reason is needed" in screen_text(app)
        await pilot.press("escape")  # cancelled: nothing happens
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("v", *"wrong level", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert "void: wrong level" in screen_text(app)
        assert not app.screen.check_action("void", ())  # cannot void twice

        await pilot.press("escape")  # the source screen reloads: the claim shows void
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert app.screen.score.void == 1
    engine = open_ledger(resolved_db)
    with Session(engine) as session:
        [claim] = list_claims(session, ClaimFilter(ids=[claim_id]))
    engine.dispose()
    assert (claim.status, claim.void_reason) == ("void", "wrong level")


async def test_due_lists_open_claims_overdue_first_with_the_reason(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        table = app.screen.claims_table
        deadlines = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert deadlines == sorted(deadlines)
        shown = screen_text(app)
        assert "8 open claims" in shown and "5 past the deadline" in shown
        assert "not checked yet" in shown
        first = shown.splitlines()[3]
        assert "late" in first  # the first row is overdue
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)


async def test_screens_follow_a_theme_change(resolved_db, today, settle, screen_text) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_claim(pilot, settle)
        app.theme = "textual-light"
        await settle(pilot)
        assert "GC=F touch_above 4500" in screen_text(app)
        await pilot.press("escape")
        app.theme = "nord"
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert app.screen.claims_table.row_count == 3  # repainted, not lost


async def test_a_dialog_is_answered_before_anything_else_opens(resolved_db, today, settle):
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "a", "d")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape", "d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
