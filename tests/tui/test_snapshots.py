"""The look of each main screen, pinned: scoreboard, source, claim, add form, import.

The ledger is fixed (tests/tui/conftest.py), "today" is injected, prices come
from CSV files, and nothing on these screens shows a wall-clock time, so the
pictures are the same on every run. Regenerate after an intended change with
`pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from textual import events
from textual.pilot import Pilot

from tui.app import make_app

SIZE = (100, 30)


def after(
    settle: Callable[[Pilot], Awaitable[None]], *keys: Sequence[str]
) -> Callable[[Pilot], Awaitable[None]]:
    """Run before the screenshot: load, then each group of keys, each followed by loading."""

    async def run(pilot: Pilot) -> None:
        await settle(pilot)
        for group in keys:
            await pilot.press(*group)
            await settle(pilot)

    return run


def test_scoreboard(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(settle))


def test_scoreboard_in_80_by_24(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=(80, 24), run_before=after(settle))


def test_source(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(settle, ["enter"]))


def test_claim_with_chart(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(settle, ["enter"], ["enter"]))


def test_add_form(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)

    async def fill_in(pilot: Pilot) -> None:
        await after(settle, ["a"])(pilot)
        screen = pilot.app.screen
        for field, value in (
            ("text", "BTC falls 15% within 90 days"),
            ("source", "Jane Pundit"),
            ("prob", "60%"),
            ("tags", "crypto"),
        ):
            screen.query_one(f"#{field}").value = value
        text = screen.query_one("#text")
        # A blinking cursor is drawn or not depending on when the picture is taken.
        text.cursor_blink = False
        text.focus()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=fill_in)


ARTICLE = """November 20, 2025

JPMorgan expects gold to reach $5,055 by the end of 2026. If the Fed cuts, Goldman Sachs sees
bitcoin falling to $70,000 by March 2026. Morgan Stanley says bitcoin needs to hold support.
"""


def test_import_with_candidates(snap_compare, resolved_db, today, settle) -> None:
    """A ticked call, a conditional one left unticked, and one that needs a level."""
    app = make_app(resolved_db, today=today)

    async def extract(pilot: Pilot) -> None:
        await after(settle, ["i"])(pilot)
        pilot.app.screen.query_one("#article").post_message(events.Paste(ARTICLE))
        await pilot.press("ctrl+r")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=extract)


def test_review(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(settle, ["R"]))


def test_calibration_across_sources(snap_compare, resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(settle, ["c"]))
