"""Importing an article: paste it (or name a file), tick the calls to keep, record them.

What matters is that nothing is recorded that was not ticked, that what is
recorded is what `forecast extract` would record (the sentence as the
quote), and that a call without a level cannot be ticked until it has one.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import TextArea

from ledger.records import ClaimRecord
from ledger.store.claims import list_claims
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.import_article import ImportScreen
from tui.screens.scoreboard import ScoreboardScreen

SIZE = (100, 30)
JPM = "JPMorgan expects gold to reach $5,055 by the end of 2026."
GOLDMAN = "Goldman Sachs sees bitcoin falling to $70,000 by March 2026."
TWO_CALLS = f"November 20, 2025\n\n{JPM} {GOLDMAN}\n"
NO_LEVEL = "November 20, 2025\n\nMorgan Stanley says bitcoin needs to hold support.\n"


def claims_in(url: str) -> list[ClaimRecord]:
    engine = open_ledger(url)
    with Session(engine) as session:
        claims = list_claims(session)
    engine.dispose()
    return claims


async def paste(pilot: Pilot, text: str, *, into: Widget | None = None) -> None:
    """Paste into the article box (or another field), as a terminal delivers a paste."""
    target = into or pilot.app.screen.query_one("#article", TextArea)
    target.focus()
    target.post_message(events.Paste(text))
    await pilot.pause()


async def open_import(pilot: Pilot, settle) -> ImportScreen:
    await settle(pilot)
    await pilot.press("i")
    screen = pilot.app.screen
    assert isinstance(screen, ImportScreen)
    return screen


async def test_only_the_ticked_call_is_recorded_with_its_sentence_as_the_quote(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, settle)
        await paste(pilot, TWO_CALLS)
        await pilot.press("ctrl+r")
        await settle(pilot)
        shown = screen_text(app)
        assert "2 candidates, 2 ticked" in shown
        assert "made on 2025-11-20: the dateline 'November 20, 2025'" in shown
        assert "GC=F touch_above 5055 by 2026-12-31" in shown
        assert "BTC-USD touch_below 70000 by 2026-03-31" in shown
        assert "0.95  JPMorgan" in shown

        await pilot.press("space")  # the first card has the focus: untick JPMorgan's call
        assert "2 candidates, 1 ticked" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        shown = screen_text(app)
        assert "Recorded 1, 0 already in the ledger." in shown
        assert "recorded as #9" in shown

        await pilot.click("#candidate-2 .tick")  # tick it again: the ledger has it already
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Recorded 0, 1 already in the ledger." in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        board = app.screen
        assert isinstance(board, ScoreboardScreen)
        goldman = next(s for s in board.scores if s.group == "Goldman Sachs")
        assert goldman.claims == 4  # the scoreboard reloaded
    claims = claims_in(ledger_db)
    assert len(claims) == 9
    added = claims[-1]
    assert (added.source, added.normalized, added.quote, added.made_on, added.url) == (
        "Goldman Sachs",
        "BTC-USD touch_below 70000 by 2026-03-31",
        GOLDMAN,
        today.replace(year=2025, month=11, day=20),
        None,
    )


async def test_a_text_of_past_moves_has_no_forecasts(
    ledger_db, today, settle, screen_text, tmp_path: Path
) -> None:
    """An HTML file of moves that already happened: read, but nothing to tick or record."""
    page = tmp_path / "markets.html"
    page.write_text(
        "<html><body><h1>Markets wrap</h1><p>Gold rose to $4,000 last week. "
        "Bitcoin fell 5% on Monday.</p></body></html>",
        encoding="utf-8",
    )
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, settle)
        app.screen.query_one("#article-path").value = str(page)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "No forecasts found in markets.html" in screen_text(app)
        await pilot.press("ctrl+s")
        assert "Nothing is ticked" in screen_text(app)

        app.screen.query_one("#article-path").value = str(tmp_path / "missing.txt")
        await pilot.press("ctrl+r")
        await settle(pilot)
        status = str(app.screen.query_one("#import-status").render())
        assert status == f"{tmp_path / 'missing.txt'}: no such file"
    assert len(claims_in(ledger_db)) == 8


async def test_a_call_without_a_level_is_recorded_only_once_it_has_one(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_import(pilot, settle)
        await paste(pilot, NO_LEVEL)
        await pilot.press("ctrl+r")
        await settle(pilot)
        [card] = screen.cards
        shown = screen_text(app)
        assert "needs a level: BTC-USD hold_above ? by 2026-11-20" in shown
        assert "1 candidate, 0 ticked" in shown
        await pilot.press("space")  # refused: there is nothing to record yet
        await pilot.press("ctrl+s")
        assert not card.ticked
        assert "Nothing is ticked" in screen_text(app)

        card.query_one(".level").focus()
        await pilot.press(*"95k")
        assert card.claim_text == "bitcoin holds above 95k within 12 months"
        card.checkbox.focus()
        await pilot.press("space")
        assert "BTC-USD hold_above 95000 by 2026-11-20" in screen_text(app)

        card.query_one(".claim-text").focus()
        await pilot.press("ctrl+e", "ctrl+w")  # half an edit: the parser refuses it
        assert "has two different levels ('95k' and '12')" in screen_text(app)
        assert not card.ticked and card.checkbox.disabled
        await paste(pilot, "months", into=card.query_one(".claim-text"))  # mended: ticked again
        assert card.ticked

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Recorded 1, 0 already in the ledger." in screen_text(app)
    added = claims_in(ledger_db)[-1]
    assert (added.source, added.normalized) == (
        "Morgan Stanley",
        "BTC-USD hold_above 95000 by 2026-11-20",
    )


async def test_an_undated_paste_takes_its_day_from_the_url_field(
    ledger_db, today, settle, screen_text
) -> None:
    """The link typed beside a pasted article dates its calls as `forecast extract --url` does:
    'by the end of next year' is read from the day in the address, not from today."""
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot, settle)
        url = "https://example.com/markets/2025/11/20/gold-outlook"
        await paste(pilot, url, into=app.screen.query_one("#url"))
        await paste(pilot, "JPMorgan expects gold to reach $5,055 by the end of next year.\n")
        await pilot.press("ctrl+r")
        await settle(pilot)
        shown = screen_text(app)
        assert "made on 2025-11-20: the date in the URL, '2025/11/20'" in shown
        assert "GC=F touch_above 5055 by 2026-12-31" in shown
