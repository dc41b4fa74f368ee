"""The TUI scoreboard counts claims voided after they resolved and manual overrides."""

from __future__ import annotations

from sqlmodel import Session

from ledger.store.claims import resolve_manually
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.data import LedgerData

SIZE = (120, 30)


def hand_change(url: str, today) -> None:
    """Void Goldman's miss #2 after it resolved; flip Jane Pundit's miss #4 to true by hand."""
    engine = open_ledger(url)
    data = LedgerData(engine, today=today)
    data.void(2, "the bank withdrew the call")
    with Session(engine) as session, session.begin():
        resolve_manually(session, 4, "true", "bad print", today=today, force=True)
    scores = {s.group: s for s in data.scoreboard("source")}
    engine.dispose()
    assert (scores["Goldman Sachs"].voided_after_resolution, scores["Goldman Sachs"].void) == (1, 1)
    assert scores["Jane Pundit"].manual_overrides == 1
    assert (
        scores["Morning Outlet"].voided_after_resolution,
        scores["Morning Outlet"].manual_overrides,
    ) == (0, 0)


async def test_the_board_shows_hand_changes_when_there_are_some(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "hand_changes" not in app.screen.table.shown_keys  # a clean ledger: no column
    hand_change(resolved_db, today)
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.table
        assert "hand_changes" in table.shown_keys
        column = table.shown_keys.index("hand_changes")

        def cell(group: str) -> str:
            return table.get_row(group)[column].plain

        assert (cell("Goldman Sachs"), cell("Jane Pundit"), cell("Morning Outlet")) == (
            "1/0",
            "0/1",
            "",
        )
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "hand_changes" in table.shown_keys and table.max_scroll_x == 0
