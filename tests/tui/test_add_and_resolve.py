"""Recording a claim from the form, and resolving now against prices in a CSV directory."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from ledger.store.claims import ClaimFilter, list_claims
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.add import AddScreen
from tui.screens.resolve import ResolveScreen
from tui.screens.scoreboard import ScoreboardScreen

SIZE = (100, 30)


def claims_of(url: str, source: str | None = None):
    engine = open_ledger(url)
    with Session(engine) as session:
        claims = list_claims(session, ClaimFilter(source=source))
    engine.dispose()
    return claims


def fill(pilot, field: str, text: str) -> None:
    """Put text in a field as if pasted (typing is tested where it matters: the claim)."""
    box = pilot.app.screen.query_one(f"#{field}")
    box.focus()
    box.value = text


async def test_the_form_shows_the_parsed_claim_as_it_is_typed_and_saves_it(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        await pilot.press(*"gold $7000 by end-2027")
        shown = screen_text(app)
        assert "GC=F touch_above 7000 by 2027-12-31" in shown
        assert "trades at or above 7000" in shown
        app.screen.query_one("#source").focus()
        await pilot.press(*"Gold", "right")  # completes from the sources in the ledger
        assert app.screen.query_one("#source").value == "Goldman Sachs"
        fill(pilot, "prob", "65%")
        fill(pilot, "tags", "metals, long")
        fill(pilot, "quote", "gold to 7000")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen)
        assert any("Recorded #9" in n.message for n in app._notifications)
        goldman = next(s for s in app.screen.scores if s.group == "Goldman Sachs")
        assert goldman.claims == 4  # the scoreboard reloaded
    added = claims_of(ledger_db, "Goldman Sachs")[-1]
    assert (added.normalized, added.probability, added.made_on) == (
        "GC=F touch_above 7000 by 2027-12-31",
        0.65,
        today,
    )
    assert added.tags == ("long", "metals")
    assert added.quote == "gold to 7000"


async def test_a_bad_claim_shows_the_parsers_error_inline_and_saves_nothing(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"gold $5")
        await settle(pilot)
        assert "'gold $5' has no deadline: try 'gold $5 by end-2027'" in screen_text(app)
        fill(pilot, "source", "Someone")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        assert "The claim does not parse" in screen_text(app)
        assert app.screen.query_one("#text").has_focus

        fill(pilot, "text", "gold $5 by 2027-01-01")
        fill(pilot, "prob", "1.5")
        await pilot.press("enter")
        await settle(pilot)
        assert "probability '1.5' is outside 0..1" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ScoreboardScreen)
    assert len(claims_of(ledger_db)) == 8


async def test_a_duplicate_is_reported_not_added(ledger_db, today, settle, screen_text) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill(pilot, "text", "gold $5055 by end-2026")
        fill(pilot, "source", "Goldman Sachs")
        made_on = app.screen.query_one("#made-on")
        made_on.value = "2025-11-20"
        await pilot.press("enter")
        await settle(pilot)
        assert "Already recorded as #1" in screen_text(app)
    assert len(claims_of(ledger_db)) == 8


async def test_a_revision_names_a_claim_the_ledger_has(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")  # first GS Research's own call, the one it will revise
        fill(pilot, "text", "gold $5100 by end-2026")
        fill(pilot, "source", "GS Research")
        app.screen.query_one("#source-kind").value = "bank"  # as if chosen from the list
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen)

        await pilot.press("a")
        fill(pilot, "text", "gold $5200 by end-2026")
        fill(pilot, "source", "GS Research")
        app.screen.query_one("#revises").focus()
        await pilot.press(*"99")
        await settle(pilot)
        assert "no claim #99 in the ledger to revise" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)  # refused, with the reason by the field
        assert "there is no claim 99 to revise" in screen_text(app)
        assert app.screen.query_one("#revises").has_focus

        await pilot.press("backspace", "backspace", "1")
        await settle(pilot)
        assert "revises #1 GC=F touch_above 5055 by 2026-12-31" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)  # #1 is Goldman Sachs's call, not GS Research's
        assert "#1 is by Goldman Sachs, not GS Research" in screen_text(app)

        await pilot.press("backspace", "9")
        await settle(pilot)
        assert "revises #9 GC=F touch_above 5100 by 2026-12-31" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen)
    added = claims_of(ledger_db)[-1]
    assert (added.normalized, added.revises_id) == ("GC=F touch_above 5200 by 2026-12-31", 9)
    assert (added.source, added.source_kind) == ("GS Research", "bank")


async def test_resolve_now_shows_progress_and_refreshes_the_scoreboard(
    ledger_db, prices: Path, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, prices=f"csv:{prices}", today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = {s.group: s.scored for s in app.screen.scores}
        assert set(before.values()) == {0}
        await pilot.press("r")
        assert isinstance(app.screen, ResolveScreen)
        await settle(pilot)
        shown = screen_text(app)
        assert "4 true, 3 false, 1 still open" in shown
        assert "8 claims on 2 symbols as of 2026-07-13" in shown
        assert not app.resolving
        await pilot.press("escape")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, ScoreboardScreen)
        after = {s.group: s.scored for s in board.scores}
        assert after == {"Goldman Sachs": 2, "Jane Pundit": 2, "Morning Outlet": 1}
    statuses = sorted(c.status for c in claims_of(ledger_db))
    assert statuses == ["false"] * 3 + ["open"] + ["true"] * 4


async def test_the_ui_stays_responsive_while_resolving(
    ledger_db, prices: Path, today, settle
) -> None:
    app = make_app(ledger_db, prices=f"csv:{prices}", today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r", "escape")  # hide the progress: the run goes on
        assert isinstance(app.screen, ScoreboardScreen)
        await pilot.press("d")  # and the user goes on browsing
        await settle(pilot)
        assert not app.resolving
        assert app.screen.claims_table.total == 1  # the due list after the run


async def test_resolve_errors_are_shown_not_raised(ledger_db, today, settle, screen_text):
    app = make_app(ledger_db, prices="csv:/nonexistent", today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        assert "/nonexistent is not a directory" in screen_text(app)
        assert not app.resolving
        await pilot.press("escape")
        assert isinstance(app.screen, ScoreboardScreen)


async def test_a_made_on_in_the_future_is_refused_inline(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        fill(pilot, "text", "gold $5200 by 2031-12-31")
        fill(pilot, "source", "Someone")
        app.screen.query_one("#made-on").value = f"{today.year + 1}-01-01"
        await settle(pilot)
        assert "is in the future" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
    assert len(claims_of(ledger_db)) == 8
