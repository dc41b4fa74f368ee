"""The TUI in the repeated new-user trial of issue 14 (at 120x40 and 80x24)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv
from textual.widgets import DataTable, Input

from ledger.resolver import ResolveSummary
from ledger.services.review import FLAGGED
from tui import formatting as fmt
from tui.app import make_app
from tui.screens.group import GroupScreen
from tui.screens.help import HelpScreen
from tui.screens.resolve import summary_lines
from tui.screens.review import summary_text
from tui.widgets.claims_table import ClaimsTable
from tui.widgets.score_table import COLUMN_LEGEND


@pytest.fixture
def early_db(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """JPMorgan's only call came true early (deadline 2099); Citi's failed and is scored."""
    url = f"sqlite:///{tmp_path / 'early.sqlite3'}"
    monkeypatch.setenv("FORECAST_DB", url)
    prices = tmp_path / "prices"
    highs = {"2026-01-26": 5100.0}
    write_csv(prices, "GC=F", flat_bars("2025-06-02", "2026-07-10", 4000.0, highs=highs))
    calls = (("gold $5055 by 2099-12-31", "JPMorgan"), ("gold $3000 by 2026-06-30", "Citi"))
    for call, source in calls:
        assert forecast(capsys, "add", call, "-s", source, "--made-on", "2025-11-20").code == 0
    resolved = forecast(capsys, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    assert resolved.code == 0, resolved.err
    return url


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_blank_scoreboard_row_says_its_calls_came_true_early(
    early_db: str, settle, screen_text, size: tuple[int, int]
) -> None:
    app = make_app(early_db, today=date(2026, 12, 6))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
        assert "JPMorgan: no figures yet: 1 decided claim waits for its deadline" in shown
        assert "(e scores them now)" in shown
        await pilot.press("e")
        await settle(pilot)
        assert "no figures yet" not in screen_text(app)


def test_the_resolve_dialog_speaks_of_the_tui_not_of_a_cli_option_and_counts_in_english() -> None:
    summary = ResolveSummary(
        run_id=2,
        as_of=date(2026, 12, 6),
        price_source="yahoo",
        dry_run=False,
        symbols=1,
        claims_checked=1,
        still_open=1,
        failed_symbols={
            "BTC-USD": "source_error: BTC-USD: Yahoo unreachable (DNS: cannot resolve"
            " query2.finance.yahoo.com) (gave up after 4 attempts)"
        },
    )
    lines = summary_lines(summary)
    assert "1 claim on 1 symbol as of 2026-12-06 (yahoo)" in lines
    (outage,) = [line for line in lines if "unreachable" in line]
    assert "forecast tui --prices csv:DIR" in outage and "'--prices csv:DIR' works" not in outage


def test_the_review_summary_counts_in_english() -> None:
    assert summary_text([_item(FLAGGED), _item("late")]) == (
        "1 verdict on repaired or close-only bars  ·  1 claim open past its deadline"
    )


def _item(kind: str):
    return SimpleNamespace(kind=kind)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_help_legend_explains_every_column_and_cuts_no_explanation(
    early_db: str, settle, size: tuple[int, int]
) -> None:
    app = make_app(early_db, today=date(2026, 12, 6))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        shown = {
            str(table.get_row_at(i)[0]): " ".join(str(table.get_row_at(i)[1]).split())
            for i in range(table.row_count)
        }
        for column, meaning in COLUMN_LEGEND:
            assert meaning, f"{column} has no explanation"
            assert shown[column] == meaning


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("key", ["a", "i"], ids=["add-form", "import"])
async def test_every_field_hint_shows_whole(
    early_db: str, settle, size: tuple[int, int], key: str
) -> None:
    app = make_app(early_db, today=date(2026, 12, 6))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        fields = [f for f in app.screen.query(Input) if f.placeholder]
        assert fields
        for field in fields:
            room = field.content_region.width
            assert len(field.placeholder) <= room, (field.id, field.placeholder, room)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_a_first_start_on_an_empty_ledger_in_a_small_terminal_shows_the_board(
    empty_db: str, settle, screen_text, size: tuple[int, int]
) -> None:
    """The narrow board drops columns in order; the late, vague and hand-change columns
    are absent on a ledger without them, and dropping them again crashed the app."""
    app = make_app(empty_db, today=date(2026, 12, 6))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "The ledger is empty" in screen_text(app)


def test_the_tui_on_a_named_ledger_that_does_not_exist_says_so_and_creates_nothing(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def started(self) -> None:
        raise AssertionError("the TUI started on a ledger that does not exist")

    monkeypatch.setattr("tui.app.LedgerApp.run", started)
    missing = tmp_path / "typo" / "ledger.sqlite3"
    result = forecast(capsys, "tui", "--db", str(missing))
    assert result.code == 2 and result.err.startswith(f"forecast: error: no ledger at {missing}")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24)], ids=["120", "100", "80"])
async def test_a_source_claims_table_fits_its_width_and_cuts_no_date(
    early_db: str, settle, screen_text, size: tuple[int, int]
) -> None:
    app = make_app(early_db, today=date(2026, 12, 6))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        table = app.screen.query_one(ClaimsTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert {"id", "status", "claim", "deadline", "evidence"} <= set(table.shown_keys)
        for i in range(table.row_count):
            cells = [str(cell) for cell in table.get_row_at(i)]
            assert all(not re.search(r"\b\d{4}-\d{0,1}$|\b\d{4}-\d\d-\d?$", c) for c in cells)


def test_an_outperformance_evidence_is_a_spread_in_points_not_a_price() -> None:
    shown = fmt.evidence(date(2026, 6, 30), 31.57666533, "return_spread", width=24)
    assert shown == "2026-06-30 +31.58pp"
