"""What a new user trips over in the TUI (issue 14): numbers cut mid-digit, odd chart ticks,
a level line that reads as an axis, form fields and labels that do not fit, CLI words on a
screen, figures hidden at 80x24, and no calibration across sources."""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from price_files import write_csv
from textual import events
from yahoo_fake import daily_bars

from ledger.market.csv_source import CsvSource
from ledger.resolver import run_resolver
from ledger.store.session import open_ledger
from tui import formatting as fmt
from tui.app import make_app
from tui.screens.calibration import CalibrationScreen
from tui.screens.claim import ClaimScreen
from tui.screens.group import GroupScreen
from tui.screens.import_article import ImportScreen
from tui.ticks import nice_ticks
from tui.widgets.claims_table import COLUMN_WIDTHS
from tui.widgets.price_chart import LEVEL_GLYPH

# Prices with every decimal a real feed has: evidence like 2944.3712 and 62353.535.
MESSY_CLAIMS = (
    ("Goldman Sachs", "gold averages $2700 in Q1 2026", 0.7, ()),
    ("Goldman Sachs", "gold $3000 by 2026-06-30", 0.4, ()),
    ("Jane Pundit", "BTC holds 60000 until 2026-03-31", 0.8, ()),
    ("Jane Pundit", "BTC falls to 50000 by 2026-06-01", 0.6, ()),
    ("Morning Outlet", "gold stays below 2500 in 2026", None, ()),
)


@pytest.fixture
def messy_db(tmp_path: Path, today: date, record_fixed) -> str:
    prices = tmp_path / "messy-prices"
    gold = daily_bars("2024-11-01", "2026-07-10", weekdays_only=True, start_price=2661.37, seed=3)
    btc = daily_bars("2024-11-01", "2026-07-12", weekdays_only=False, start_price=62353.5, seed=4)
    write_csv(prices, "GC=F", gold)
    write_csv(prices, "BTC-USD", btc)
    url = f"sqlite:///{tmp_path / 'messy.sqlite3'}"
    engine = open_ledger(url)
    record_fixed(engine, MESSY_CLAIMS, made_on=date(2025, 11, 20))
    run_resolver(engine, CsvSource(prices), as_of=today, today=today)
    engine.dispose()
    return url


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (62353.535, "62354"),
        (2944.3712, "2944.4"),
        (305.5549, "305.55"),
        (1.0853217, "1.0853"),
        (0.012345678, "0.012346"),
        (150000.0, "150000"),
        (4000.0, "4000"),
    ],
)
def test_observed_prices_are_rounded_for_their_magnitude(value: float, shown: str) -> None:
    assert fmt.market_price(value) == shown


@given(st.floats(min_value=1e-8, max_value=1e12))
def test_a_rounded_price_keeps_five_digits_and_every_whole_unit(value: float) -> None:
    shown = fmt.market_price(value)
    assert abs(float(shown) - value) <= max(abs(value) * 5e-5, 0.5 if value < 1e10 else 0)
    if value < 1e10:
        significant = shown.split("e")[0].replace(".", "").lstrip("0")
        assert float(shown) >= 1e4 or len(significant) <= 5
    assert len(shown) <= 12


@given(
    price=st.floats(min_value=1e-6, max_value=1e9),
    field=st.sampled_from(["high", "low", "close", "average", None]),
)
def test_an_evidence_cell_never_cuts_its_number(price: float, field: str | None) -> None:
    width = COLUMN_WIDTHS["evidence"]
    cell = fmt.evidence(date(2026, 3, 31), price, field, width=width)
    assert cell.startswith("2026-03-31 ") and cell.endswith(" " + fmt.market_price(price))
    if len(f"2026-03-31 {fmt.market_price(price)}") <= width:
        assert len(cell) <= width


async def test_the_claims_table_shows_whole_numbers(messy_db, today, settle, screen_text) -> None:
    app = make_app(messy_db, today=today)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the first source on the board
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        shown = screen_text(app)
    evidence = re.findall(r"(20\d\d-\d\d-\d\d) (?:high|low|close|average|avg) ?([0-9.]+)", shown)
    assert evidence, shown
    for _, number in evidence:
        assert not number.endswith("."), shown
        assert len(number.split(".")[-1]) <= 4 if "." in number else True


# --- the chart ------------------------------------------------------------------------------


@given(
    low=st.floats(min_value=-1e9, max_value=1e9),
    relative_span=st.floats(min_value=1e-6, max_value=1e3),
    most=st.integers(min_value=4, max_value=12),
)
def test_ticks_are_round_and_inside_the_range(low: float, relative_span: float, most: int) -> None:
    """Any chart range (at least a millionth of its level wide): between 2 and `most`
    evenly spaced ticks, each a multiple of 1, 2, 2.5 or 5 times a power of ten,
    labelled with the digits that tell them apart."""
    high = low + max(abs(low), 1.0) * relative_span
    ticks = nice_ticks(low, high, most)
    assert 2 <= len(ticks.values) <= most
    mantissa = ticks.step / 10 ** math.floor(math.log10(ticks.step) + 1e-12)
    assert any(abs(mantissa - m) < 1e-9 for m in (1.0, 2.0, 2.5, 5.0))
    slack = ticks.step * 1e-6
    for value, label in zip(ticks.values, ticks.labels, strict=True):
        assert low - slack <= value <= high + slack
        assert abs(float(label) - value) <= slack
    assert len(set(ticks.labels)) == len(ticks.labels)


async def test_the_chart_has_round_ticks_and_a_dashed_level(
    messy_db, today, settle, screen_text
) -> None:
    app = make_app(messy_db, today=today)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        shown = screen_text(app)
    labels = re.findall(r"^\s*([0-9.]+)┤", shown, flags=re.MULTILINE)
    assert len(labels) >= 2, shown
    steps = {round(float(b) - float(a), 9) for a, b in zip(labels[1:], labels, strict=False)}
    assert len(steps) == 1, labels  # evenly spaced...
    assert all(float(label) % 50 == 0 for label in labels), labels  # ...and round for gold
    level_rows = [line for line in shown.splitlines() if LEVEL_GLYPH * 5 in line]
    assert level_rows, shown
    assert "level (╌)" in shown


# --- the add form ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_date_field_and_the_labels_fit(
    resolved_db, today, settle, screen_text, size
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        made_on = app.screen.query_one("#made-on")
        made_on.focus()
        made_on.value = ""
        await pilot.press(*"2025-11-20")
        await settle(pilot)
        shown = screen_text(app)
    assert "2025-11-20" in shown
    for label in ("Kind, if new", "Probability", "Made on", "Revises #id"):
        line = next(line for line in shown.splitlines() if label in line)
        before = line[: line.index(label)]
        assert before == "" or before.endswith(" "), f"{label!r} runs into the label before it"


# --- the import screen -------------------------------------------------------------------------


async def test_the_import_screen_speaks_of_its_own_field(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        article = app.screen.query_one("#article")
        article.focus()
        article.post_message(events.Paste("JPMorgan expects gold to reach $5,055 by end-2027.\n"))
        await pilot.pause()
        await pilot.press("ctrl+r")
        await settle(pilot)
        shown = screen_text(app)
    assert "no date found in the article" in shown
    assert "--made-on" not in shown
    assert "'made on' field" in shown


# --- the source screen and calibration ----------------------------------------------------------


async def test_at_80x24_the_source_screen_shows_calibration_and_skill(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        shown = screen_text(app)
    assert re.search(r"^ calibration +reliability", shown, flags=re.MULTILINE), shown
    assert re.search(r"^ skill +[-+]", shown, flags=re.MULTILINE), shown


async def test_calibration_across_every_source_and_the_filtered_set(
    resolved_db, today, settle, screen_text
) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        board = app.screen
        every = sum(score.claims for score in board.scores)
        with_prob = sum(score.with_prob for score in board.scores)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CalibrationScreen)
        shown = screen_text(app)
        assert "Calibration of every source" in shown
        assert f"claims      {every}  (" in shown
        assert f"on {with_prob} stated probabilities" in shown
        assert "shrunk" not in shown  # one pooled group: nothing to shrink toward
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"source:Jane Pundit", "enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        shown = screen_text(app)
        jane = next(s for s in board.scores if s.group == "Jane Pundit")
        assert "Calibration of the filtered claims" in shown
        assert f"claims      {jane.claims}  (" in shown


async def test_a_group_draws_its_diagram_large(resolved_db, today, settle, screen_text) -> None:
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        group = app.screen.group
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CalibrationScreen)
        shown = screen_text(app)
    assert f"Calibration of source {group}" in shown
    assert "reliability: stated vs observed" in shown


async def test_a_claim_history_says_the_as_of_day(resolved_db, today, settle, screen_text) -> None:
    """The fixed ledger was resolved as of `today` (2026-07-13), on the machine's own day."""
    app = make_app(resolved_db, today=today)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
    if date.today() != today:
        assert f"auto run 1 as of {today.isoformat()}" in shown, shown


@given(st.floats(-0.0049, 0.0049, allow_nan=False))
def test_a_figure_that_rounds_to_zero_carries_no_minus_sign(value: float) -> None:
    from tui import formatting as fmt

    assert fmt.number(value, 2) == "0.00"
    assert fmt.signed(value, 2) == "+0.00"


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_rounding_a_figure_keeps_its_value(value: float) -> None:
    from tui import formatting as fmt

    assert abs(float(fmt.number(value, 2)) - value) <= 0.005 + 1e-9
