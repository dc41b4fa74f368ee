"""The TUI's reads and the helpers under its screens, checked without a terminal.

The scoreboard the TUI computes (its own fast query in `ledger.store.views`)
must equal `forecast score`'s (`ledger.scoreboard.scoreboard`) group for
group: that function is the oracle.
"""

from __future__ import annotations

from datetime import date

import pytest
from cli_runner import forecast
from sqlmodel import Session

from ledger.errors import UsageError
from ledger.market.csv_source import CsvSource
from ledger.resolver import run_resolver
from ledger.scoreboard import ScoreOptions, scoreboard
from ledger.scoring.calibration import CalibrationBin
from ledger.store.session import open_ledger
from ledger.store.views import UNTAGGED, ClaimOrder, ClaimScope
from tui import formatting as fmt
from tui.data import LedgerData, parse_probability, parse_tags
from tui.filters import BoardFilter, parse_filter


@pytest.fixture
def any_backend(ledger_url: str, prices, today: date, record_fixed):
    """The fixed ledger, resolved, on each backend under test (PostgreSQL when configured)."""
    engine = open_ledger(ledger_url)
    record_fixed(engine)
    run_resolver(engine, CsvSource(prices), as_of=today, today=today)
    yield LedgerData(engine, today=today)
    engine.dispose()


@pytest.mark.parametrize("by", ["source", "asset", "tag", "year"])
def test_the_tui_scoreboard_is_forecast_scores(any_backend: LedgerData, by: str) -> None:
    data = any_backend
    with Session(data.engine) as session:
        expected = scoreboard(session, ScoreOptions(by=by), data.today)
    got = {str(s.group): s for s in data.scoreboard(by)}
    assert got == {str(s.group): s for s in expected}


def test_the_tui_scores_years_by_the_year_the_call_was_made(any_backend: LedgerData) -> None:
    """An oracle for the year grouping that does not go through ledger.scoreboard."""
    [year] = any_backend.scoreboard("year")
    [everything] = any_backend.scoreboard("year", ClaimScope(year=2025))
    assert year == everything
    assert (year.group, year.claims, year.scored, year.hits) == ("2025", 8, 5, 2)


def test_a_scope_narrows_the_scored_claims(any_backend: LedgerData) -> None:
    data = any_backend
    scores = data.scoreboard("source", ClaimScope(symbol="GC=F", status="true"))
    assert {s.group: s.claims for s in scores} == {"Goldman Sachs": 2, "Morning Outlet": 1}
    untagged = data.scoreboard("source", ClaimScope(tag=UNTAGGED))
    assert {s.group: s.claims for s in untagged} == {"Morning Outlet": 1}
    assert data.scoreboard("source", ClaimScope(source_like="PUND"))[0].group == "Jane Pundit"
    assert data.scoreboard("year", ClaimScope(year=2024)) == []


def test_pages_cover_the_scope_once_in_order(any_backend: LedgerData) -> None:
    data = any_backend
    scope = ClaimScope(status="open")
    first = data.claims_page(ClaimScope(), ClaimOrder.DEADLINE, 0, 3)
    rest = data.claims_page(ClaimScope(), ClaimOrder.DEADLINE, 3, 100)
    assert first.total == 8 and rest.total is None  # counted once, with the first page
    rows = [*first.rows, *rest.rows]
    assert len({r.id for r in rows}) == 8
    assert [r.deadline for r in rows] == sorted(r.deadline for r in rows)
    [still_open] = data.claims_page(scope, ClaimOrder.DEADLINE, 0, 10).rows
    assert still_open.open_reason == "waiting_for_deadline"
    recent = data.claims_page(ClaimScope(source="goldman sachs"), ClaimOrder.RECENT, 0, 10)
    assert [r.id for r in recent.rows] == [3, 2, 1]
    assert all(r.open_reason is None for r in recent.rows)  # resolved: no reason shown


def test_due_summary_counts_open_claims_by_where_they_stand(ledger_db, today) -> None:
    engine = open_ledger(ledger_db)
    summary = LedgerData(engine, today=today).due_summary()
    engine.dispose()
    assert (summary.open, summary.overdue, summary.never_checked) == (8, 5, 8)


def test_a_claim_view_carries_its_price_window(any_backend: LedgerData) -> None:
    data = any_backend
    view = data.claim(1)
    assert view.detail.claim.normalized == "GC=F touch_above 5055 by 2026-12-31"
    assert view.bars is not None
    assert view.bars.index[0].date() == date(2025, 10, 21)  # 30 days before made_on
    assert view.bars.index[-1].date() <= data.today


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("0.7", 0.7), ("70%", 0.7), (" 5 % ", 0.05), ("1", 1.0)],
    ids=["blank", "decimal", "percent", "spaces-around", "certain"],
)
def test_probabilities_are_read_as_forecast_add_reads_them(text, expected) -> None:
    got = parse_probability(text)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize("text", ["1.5", "-0.1", "seventy", "150%"])
def test_a_bad_probability_says_how_to_write_one(text) -> None:
    with pytest.raises(UsageError, match=r"0\.7 or 70%"):
        parse_probability(text)


def test_tags_split_on_commas_and_spaces_without_repeats() -> None:
    assert parse_tags("metals, macro metals ,") == ("metals", "macro")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", BoardFilter()),
        ("gold bugs", BoardFilter(words="gold bugs")),
        ("asset:gold Status:OPEN", BoardFilter(asset="gold", status="open")),
        ("tag:macro year:2025 jane", BoardFilter(words="jane", tag="macro", year=2025)),
        ("source:goldman", BoardFilter(source="goldman")),
    ],
    ids=["empty", "words", "asset-and-status", "tag-year-words", "source"],
)
def test_filters_parse(text: str, expected: BoardFilter) -> None:
    assert parse_filter(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour:red", "unknown filter 'colour'"),
        ("status:maybe", "use one of open, true, false, void"),
        ("year:25", "write a year like year:2025"),
        ("tag:", "needs a value"),
    ],
    ids=["unknown-key", "bad-status", "short-year", "empty-value"],
)
def test_bad_filters_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_filter(text)


def test_filter_words_match_labels_case_insensitively() -> None:
    assert BoardFilter(words="SACHS gold").matches("Goldman Sachs")
    assert not BoardFilter(words="jane").matches("Goldman Sachs")
    scope = BoardFilter(asset="gold", source="gold").scope(lambda asset: "GC=F")
    assert scope == ClaimScope(source_like="gold", symbol="GC=F")


def test_the_calibration_sparkline_puts_each_bin_in_its_place() -> None:
    bins = [
        CalibrationBin(0.2, 0.3, 4, 0.25, 0.0, (0.0, 0.5)),
        CalibrationBin(0.9, 1.0, 9, 0.95, 1.0, (0.7, 1.0)),
    ]
    assert fmt.calibration_sparkline(bins) == "··▁······█"
    assert fmt.calibration_sparkline([]) == ""


def test_missing_statistics_read_as_a_dash_not_a_zero() -> None:
    assert fmt.pct(None) == fmt.number(None) == fmt.signed(None) == fmt.DASH
    assert fmt.hit_rate(0.625, (0.48, 0.751)) == "62 [48–75]"
    assert fmt.open_reason(None) == "not checked yet"
    assert fmt.open_reason("unknown_symbol", "no such ticker") == "unknown symbol: no such ticker"


def test_forecast_tui_takes_a_price_source_and_rejects_a_bad_one(capsys, tmp_path) -> None:
    assert "--prices" in forecast(capsys, "tui", "--help").out
    bad = forecast(capsys, "--db", str(tmp_path / "l.sqlite3"), "tui", "--prices", "ftp:x")
    assert bad.code == 2
    assert "unknown price source 'ftp:x'" in bad.err
