"""The Review screen: the rows of `forecast review`, with the decisions as keys.

The fixture's bars are flat (high = low = close) except gold's spike day, so
most of its verdicts stood on close-only bars: they are the flagged rows.
"""

from __future__ import annotations

from sqlmodel import Session

from ledger.services.review import review_list
from ledger.store.review import review_history
from ledger.store.session import open_ledger
from tui.app import make_app
from tui.screens.review import ReviewScreen

SIZE = (100, 30)


def _listed(url: str, today) -> list:
    engine = open_ledger(url)
    try:
        with Session(engine) as session:
            return review_list(session, today)
    finally:
        engine.dispose()


async def test_c_opens_the_review_list_with_the_rows_of_the_cli(
    resolved_db, today, settle, screen_text
) -> None:
    expected = _listed(resolved_db, today)
    assert expected  # the fixture has flagged verdicts
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert [int(str(k.value)) for k in screen.table.rows] == [i.claim_id for i in expected]
        shown = screen_text(app)
        assert expected[0].reason[:40] in shown


async def test_y_accepts_the_row_under_the_cursor_and_it_leaves_the_list(
    resolved_db, today, settle
) -> None:
    first = _listed(resolved_db, today)[0]
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        keys = [int(str(k.value)) for k in app.screen.table.rows]
        assert first.claim_id not in keys
    engine = open_ledger(resolved_db)
    with Session(engine) as session:
        history = review_history(session, first.claim_id)
    engine.dispose()
    assert [h.action for h in history] == ["accept"]


async def test_o_rejudges_on_closes_and_the_row_leaves_the_list(resolved_db, today, settle) -> None:
    """Goldman's $6000 miss (#2) stood on a window of close-only bars; its closes
    never came near either, so the re-judge keeps it false and marks it reviewed."""
    listed = _listed(resolved_db, today)
    assert (listed[0].claim_id, listed[0].status) == (2, "false")
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        keys = [int(str(k.value)) for k in app.screen.table.rows]
    assert 2 not in keys and len(keys) == len(listed) - 1
    engine = open_ledger(resolved_db)
    with Session(engine) as session:
        history = review_history(session, 2)
    engine.dispose()
    assert [(h.action, h.outcome, h.new_resolution_id) for h in history] == [
        ("rejudge", "false", None)
    ]
    assert history[0].evidence is not None and history[0].evidence["evidence_field"] == "close"


async def test_v_asks_why_and_escape_voids_nothing(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        screen = app.screen
        before = [int(str(k.value)) for k in screen.table.rows]
        await pilot.press("v")
        await settle(pilot)
        assert type(app.screen).__name__ == "VoidScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert [int(str(k.value)) for k in screen.table.rows] == before
        assert isinstance(app.screen, ReviewScreen)
