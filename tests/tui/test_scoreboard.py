"""The scoreboard driven from the keyboard (and the mouse): rows, sorting, filter, grouping."""

from __future__ import annotations

import pytest

from tui.app import make_app
from tui.screens.group import GroupScreen
from tui.screens.help import HelpScreen
from tui.screens.scoreboard import ScoreboardScreen
from tui.widgets.score_table import COLUMN_KEYS

SIZE = (100, 30)


def row_labels(app) -> list[str]:
    table = app.screen.table
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


async def test_empty_ledger_says_what_to_do(empty_db, today, settle, screen_text) -> None:
    app = make_app(empty_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen) and app.screen.loaded
        shown = screen_text(app)
        assert "The ledger is empty" in shown
        assert "Press a to add a claim" in shown
        assert "forecast import" in shown
        await pilot.press("d")
        await settle(pilot)
        assert "No open claims" in screen_text(app)


async def test_a_ledger_of_open_claims_scores_nothing_and_says_so(
    ledger_db, today, settle, screen_text
) -> None:
    app = make_app(ledger_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert sorted(row_labels(app)) == ["Goldman Sachs", "Jane Pundit", "Morning Outlet"]
        assert "8 claims" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert "nothing scored yet" in screen_text(app)


async def test_rows_rank_and_open_with_enter_and_go_back_with_escape(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert row_labels(app) == ["Goldman Sachs", "Jane Pundit", "Morning Outlet"]
        shown = screen_text(app)
        assert "50 [10–90]" in shown  # Goldman: one of two scored claims came true
        await pilot.press("j", "enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert app.screen.group == "Jane Pundit"
        assert "Source: Jane Pundit" in screen_text(app)
        await pilot.press("escape", "k", "down", "up", "enter")
        await settle(pilot)
        assert app.screen.group == "Goldman Sachs"
        await pilot.press("escape")
        assert isinstance(app.screen, ScoreboardScreen)


async def test_a_click_opens_a_row(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.table
        await pilot.click(table, offset=(8, 3))  # the header is row 0; Morning Outlet is row 3
        await pilot.click(table, offset=(8, 3))
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert app.screen.group == "Morning Outlet"


async def test_sorting_from_the_keyboard_and_the_header(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("s")  # next column: the source name, A to Z
        assert screen.table.sort_key == "group"
        assert row_labels(app) == ["Goldman Sachs", "Jane Pundit", "Morning Outlet"]
        await pilot.press("S")  # reversed
        assert row_labels(app) == ["Morning Outlet", "Jane Pundit", "Goldman Sachs"]
        await pilot.press("s", "s", "s")  # claims, open, scored: most first
        assert screen.table.sort_key == "scored"
        scored = {str(s.group): s.scored for s in screen.scores}
        assert scored[row_labels(app)[0]] == max(scored.values())
        screen.sort_by("brier")  # low is good; no probabilities sorts last either way
        assert row_labels(app) == ["Goldman Sachs", "Jane Pundit", "Morning Outlet"]
        await pilot.press("S")
        assert row_labels(app) == ["Jane Pundit", "Goldman Sachs", "Morning Outlet"]
        assert "sorted by Brier" in str(app.screen.query_one("#board-status").render())

        await pilot.resize_terminal(140, 30)  # wide enough for every column
        await pilot.pause()
        await pilot.click(screen.table, offset=(header_x(screen.table, "open"), 0))
        assert screen.table.sort_key == "open"
        assert row_labels(app)[0] == "Jane Pundit"  # the one open claim
        await pilot.click(screen.table, offset=(header_x(screen.table, "open"), 0))
        assert row_labels(app)[-1] == "Jane Pundit"  # a second click reverses


def header_x(table, key: str) -> int:
    """The x offset of the middle of a column's header."""
    x = 0
    for column_key, column in table.columns.items():
        width = column.get_render_width(table)
        if column_key.value == key:
            return x + width // 2
        x += width
    raise KeyError(key)


async def test_filter_words_narrow_rows_and_terms_narrow_claims(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"jane")
        assert row_labels(app) == ["Jane Pundit"]  # as typed, no query
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.table.has_focus
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert len(row_labels(app)) == 3

        await pilot.press("slash")
        app.screen.query_one("#filter").value = "asset:gold status:true"  # as if pasted
        await pilot.press("enter")
        await settle(pilot)
        assert row_labels(app) == ["Goldman Sachs", "Morning Outlet"]
        assert "3 claims" in screen_text(app)  # only the gold claims that came true

        await pilot.press("slash")
        app.screen.query_one("#filter").value = "tag:crypto"
        await pilot.press("enter")
        await settle(pilot)
        assert row_labels(app) == ["Jane Pundit"]
        await pilot.press("enter")
        await settle(pilot)
        assert "(filtered)" in screen_text(app)


async def test_a_bad_filter_is_explained_not_raised(resolved_db, today, settle, screen_text):
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"colour:red", "enter")
        await settle(pilot)
        assert "unknown filter 'colour'" in screen_text(app)
        assert len(row_labels(app)) == 3


async def test_grouping_switches_between_source_asset_tag_and_year(
    resolved_db, today, settle
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert app.screen.by == "asset"
        assert sorted(row_labels(app)) == ["BTC-USD", "GC=F"]
        await pilot.press("g")
        await settle(pilot)
        assert sorted(row_labels(app)) == ["(untagged)", "crypto", "metals"]
        await pilot.press("g")
        await settle(pilot)
        assert row_labels(app) == ["2025"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.claims_table.total == 8
        await pilot.press("escape", "g")
        await settle(pilot)
        assert app.screen.by == "source"


async def test_early_resolutions_are_scored_only_when_asked(
    resolved_db, today, settle, screen_text
) -> None:
    """Morning Outlet's gold $4200 came true before its deadline (2026-09-30)."""
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

        def scored() -> dict[str, int]:
            return {str(s.group): s.scored for s in app.screen.scores}

        def strip() -> str:
            """Morning Outlet states no probabilities: its calls show as hits and misses."""
            return app.screen.table.get_row("Morning Outlet")[-1].plain

        assert (scored()["Morning Outlet"], strip()) == (1, "▯")
        assert "incl. early" not in screen_text(app)
        await pilot.press("e")
        await settle(pilot)
        assert (scored()["Morning Outlet"], strip()) == (2, "▯▮")  # newest last
        assert app.screen.table.get_row("Goldman Sachs")[-1].plain == "····▁··██·"
        assert "sorted by rank ↑  ·  incl. early resolutions" in screen_text(app)
        await pilot.press("ctrl+end", "enter")  # the last row: its numbers agree with the board
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        assert "Source: Morning Outlet  (incl. early resolutions)" in screen_text(app)
        assert "50% of 2 scored" in screen_text(app)
        await pilot.press("escape", "e")
        await settle(pilot)
        assert scored()["Morning Outlet"] == 1
        assert "incl. early" not in screen_text(app)


async def test_in_80_columns_the_board_fits_without_scrolling_sideways(
    resolved_db, today, settle
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.table
        assert table.max_scroll_x == 0
        assert table.shown_keys == (
            "rank", "group", "scored", "hit_rate", "edge", "brier", "skill", "calibration"
        )  # fmt: skip
        app.screen.sort_by("open")  # a left-out column comes back when sorted by
        assert "open" in table.shown_keys and table.max_scroll_x == 0
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        # Every column; the hand-changes one only appears when a group has one.
        assert table.shown_keys == tuple(
            k for k in COLUMN_KEYS if k not in ("hand_changes", "vague")
        )


async def test_help_lists_every_binding_of_the_screen(resolved_db, today, settle, screen_text):
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = dict(app.screen.keys)
        keys = ("Filter", "Group", "Sort", "Early", "Add", "Import", "Resolve", "Due")
        for description in keys:
            assert description in listed.values()
        assert "Quit" in listed.values()
        await pilot.press("escape")
        assert isinstance(app.screen, ScoreboardScreen)


async def test_every_action_is_in_the_command_palette(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in (*ScoreboardScreen.BINDINGS, *type(app).BINDINGS):
            assert binding.description in titles
        assert {"Sort by Brier", "Group by year"} <= titles

        await pilot.press("ctrl+p")
        await pilot.press(*"asset")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.by == "asset"


@pytest.mark.parametrize(
    ("typed", "opened"),
    [
        ("Add", "AddScreen"),
        ("Import", "ImportScreen"),
        ("Due", "DueScreen"),
        ("Review", "ReviewScreen"),
        ("Help", "HelpScreen"),
    ],
)
async def test_the_palette_opens_every_screen_by_name(
    resolved_db, today, settle, typed: str, opened: str
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        listed = {command.title for command in app.get_system_commands(app.screen_stack[-2])}
        assert {"Add", "Import", "Resolve", "Due", "Help"} <= listed
        await pilot.press(*typed)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == opened


async def test_over_a_dialog_the_palette_opens_no_other_screen(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("ctrl+p")
        await settle(pilot)
        listed = {command.title for command in app.get_system_commands(app.screen_stack[-2])}
        assert "Add" not in listed


async def test_l_leaves_late_logged_claims_out_of_the_scores(resolved_db, today, settle) -> None:
    # Every fixture claim was made on 2025-11-20 and recorded today: all logged late.
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = {str(s.group): s for s in app.screen.scores}
        assert before["Goldman Sachs"].logged_late == before["Goldman Sachs"].scored == 2
        assert "late" in app.screen.table.shown_keys

        await pilot.press("l")
        await settle(pilot)
        after = {str(s.group): s for s in app.screen.scores}
        assert after["Goldman Sachs"].scored == 0 and after["Goldman Sachs"].logged_late == 2
        assert "excl. late-logged" in str(app.screen.query_one("#board-status").render())

        await pilot.press("l")
        await settle(pilot)
        assert {str(s.group): s.scored for s in app.screen.scores}["Goldman Sachs"] == 2


async def test_help_explains_every_scoreboard_column(resolved_db, today, settle, screen_text):
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        table = app.screen.query_one("#help-keys")
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        explained = {column for column, _ in rows}
        assert {"scored", "shrunk", "mkt p", "edge", "skill", "calib/hits", "late"} <= explained
        meaning = dict(rows)["scored"]
        assert "what hit% counts" in meaning


async def test_the_board_says_when_its_order_is_noise(resolved_db, today, settle) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = str(app.screen.query_one("#board-message").render())
        assert "cannot be told apart yet" in message  # 2 or 3 scored claims a source
        app.screen.sort_by("brier")
        status = str(app.screen.query_one("#board-status").render())
        assert "mean squared error of the stated probabilities" in status
