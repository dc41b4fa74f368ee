"""The TUI's reads and the helpers under its screens, checked without a terminal.

The scoreboard the TUI computes (its own fast query in `ledger.store.views`)
must equal `forecast score`'s (`ledger.scoreboard.scoreboard`) group for
group: that function is the oracle.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from cli_runner import forecast
from sqlalchemy import event, text
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.errors import NotFoundError, UsageError
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.scoreboard import ScoreOptions, scoreboard
from ledger.scoring.calibration import CalibrationBin
from ledger.store.claims import list_claims, record_claims, resolve_manually
from ledger.store.session import open_ledger
from ledger.store.views import UNTAGGED, ClaimOrder, ClaimScope
from tui import formatting as fmt
from tui.data import (
    ClaimForm,
    LedgerData,
    PickedClaim,
    parse_claim_id,
    parse_probability,
    parse_source_kind,
    parse_tags,
    read_article,
)
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


def test_the_tui_scores_early_resolutions_as_forecast_score_include_early(
    any_backend: LedgerData,
) -> None:
    data = any_backend
    with Session(data.engine) as session:
        expected = scoreboard(session, ScoreOptions(include_early=True), data.today)
    assert data.scoreboard(include_early=True) == expected
    assert data.scoreboard(include_early=True) != data.scoreboard()


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


@pytest.fixture
def tipster(any_backend: LedgerData) -> LedgerData:
    """The fixed ledger plus 14 calls without probabilities, settled by hand, some in two tags."""
    data = any_backend
    made_on = date(2025, 11, 20)
    with Session(data.engine) as session, session.begin():
        entries = [
            NewClaim(
                source="Tipster",
                claim=parse_claim(
                    f"gold ${4000 + i} by 2026-0{1 + i % 6}-2{i % 7}", made_on=made_on
                ),
                text=f"gold ${4000 + i}",
                tags=("tips", "metals") if i % 2 else ("tips",),
            )
            for i in range(14)
        ]
        ids = record_claims(session, entries).added
        for i, claim_id in enumerate(ids):
            resolve_manually(
                session, claim_id, "true" if i % 3 else "false", "by hand", today=data.today
            )
    return data


def brute_force_outcomes(data: LedgerData, by: str, include_early: bool) -> dict[str, tuple]:
    """The oracle: every claim listed, filtered, grouped and sorted in Python."""
    with Session(data.engine) as session:
        claims = list_claims(session)
    groups: dict[str, list] = {}
    for claim in claims:
        if claim.status not in ("true", "false") or claim.probability is not None:
            continue
        if not include_early and claim.deadline >= data.today:
            continue
        labels = {
            "source": [claim.source],
            "asset": [claim.symbol],
            "tag": list(claim.tags) or [UNTAGGED],
            "year": [str(claim.made_on.year)],
        }[by]
        for label in labels:
            groups.setdefault(label, []).append(claim)
    return {
        label: tuple(
            c.status == "true" for c in sorted(members, key=lambda c: (c.deadline, c.id))[-10:]
        )
        for label, members in groups.items()
    }


@pytest.mark.parametrize("include_early", [False, True], ids=["past-deadline", "early-too"])
@pytest.mark.parametrize("by", ["source", "asset", "tag", "year"])
def test_recent_outcomes_are_each_groups_last_ten_calls_without_probabilities(
    tipster: LedgerData, by: str, include_early: bool
) -> None:
    got = tipster.recent_outcomes(by, include_early=include_early)
    assert got == brute_force_outcomes(tipster, by, include_early)
    assert max(len(hits) for hits in got.values()) == 10  # Tipster has 14: the last ten


def test_recent_outcomes_are_one_query_however_many_groups(tipster: LedgerData) -> None:
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(tipster.engine, "before_cursor_execute", count)
    try:
        outcomes = tipster.recent_outcomes("source", ClaimScope(tag="tips"))
    finally:
        event.remove(tipster.engine, "before_cursor_execute", count)
    assert len(statements) == 1
    assert set(outcomes) == {"Tipster"}


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


def test_due_summary_counts_gaps_as_waiting_and_invalid_claims_as_failing(ledger_db, today) -> None:
    engine = open_ledger(ledger_db)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE prediction SET open_reason = 'data_gap' WHERE id IN (1, 2)")
        )
        connection.execute(text("UPDATE prediction SET open_reason = 'invalid_claim' WHERE id = 3"))
    summary = LedgerData(engine, today=today).due_summary()
    engine.dispose()
    assert (summary.waiting_for_data, summary.failing, summary.never_checked) == (2, 1, 5)


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


@pytest.mark.parametrize(
    ("text", "expected"), [("", None), ("12", 12), (" #7 ", 7)], ids=["blank", "id", "hash"]
)
def test_a_revised_claim_is_named_by_its_id(text: str, expected: int | None) -> None:
    assert parse_claim_id(text) == expected


@pytest.mark.parametrize("text", ["twelve", "0", "-3", "1.5"])
def test_a_bad_revised_id_says_how_to_write_one(text: str) -> None:
    with pytest.raises(UsageError, match="type the id of a claim"):
        parse_claim_id(text)


def test_source_kinds_are_the_ledgers() -> None:
    assert parse_source_kind(" Bank ") == "bank"
    assert parse_source_kind("") is None
    with pytest.raises(UsageError, match="person, bank, outlet, self, other"):
        parse_source_kind("guru")


def test_an_html_article_is_read_as_its_text_date_and_author(tmp_path) -> None:
    page = tmp_path / "note.html"
    page.write_text(
        '<html><head><title>UBS on gold</title><meta name="author" content="Ann Lee">'
        '<meta property="article:published_time" content="2025-11-20T08:00:00Z">'
        "<script>gold to $9,999</script></head><body><nav>menu</nav>"
        "<p>UBS expects gold to climb to $4,700 by the end of June 2026.</p></body></html>",
        encoding="utf-8",
    )
    article = read_article(str(page))
    assert article.text == (
        "UBS on gold\n\nUBS expects gold to climb to $4,700 by the end of June 2026."
    )
    assert (article.author, article.published) == ("Ann Lee", date(2025, 11, 20))
    with pytest.raises(UsageError, match="no such file"):
        read_article(str(tmp_path / "gone.txt"))


def test_the_form_records_a_source_kind_and_a_revision(ledger_db, today) -> None:
    engine = open_ledger(ledger_db)
    data = LedgerData(engine, today=today)
    first = data.record(ClaimForm("gold $5000 by end-2026", "Ann Lee", source_kind="person"))
    revision = ClaimForm("gold $5200 by end-2026", "Ann Lee", revises="99")
    with pytest.raises(NotFoundError, match="no claim #99 in the ledger to revise"):
        data.record(revision)
    # Claim #2 is Goldman Sachs's: a source revises only its own claims.
    with pytest.raises(UsageError, match="#2 is by Goldman Sachs, not Ann Lee"):
        data.record(replace(revision, revises="#2"))
    recorded = data.record(replace(revision, revises=f"#{first.claim_id}"))
    claim = data.claim(recorded.claim_id).detail.claim
    engine.dispose()
    assert (claim.source_kind, claim.revises_id, recorded.duplicate) == (
        "person",
        first.claim_id,
        False,
    )


def test_picks_are_recorded_once_each_and_known_ones_reported(ledger_db, today) -> None:
    """Two ticks of the same call, and a call the ledger has: one new claim."""
    engine = open_ledger(ledger_db)
    data = LedgerData(engine, today=today)
    made_on = date(2025, 11, 20)
    new = PickedClaim("silver $60 by end-2026", "UBS", made_on, "UBS sees silver at $60.")
    known = PickedClaim("gold $5055 by end-2026", "Goldman Sachs", made_on, "Goldman: $5,055.")
    outcome = data.record_picks([new, known, new], url=" https://example.com/a ")
    assert (outcome.ids, outcome.new) == ((9, 1, 9), (True, False, False))
    assert (outcome.added, outcome.duplicates) == (1, 2)
    [claim] = data.claims_page(ClaimScope(source="UBS"), ClaimOrder.RECENT, 0, 10).rows
    detail = data.claim(claim.id).detail.claim
    engine.dispose()
    assert (detail.quote, detail.url) == ("UBS sees silver at $60.", "https://example.com/a")


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
