"""The new-user trial of issue 14, repeated from a fresh clone: what still tripped.

Each test failed before its fix. Bad input ends in one line on stderr and exit 2,
with nothing changed; a request the ledger cannot honour is never reported as done.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv


def _one_error_line(result) -> str:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


@pytest.mark.parametrize(
    "url",
    [
        "mysql://me@dbhost/ledger",
        "mysql+pymysql://me@dbhost/ledger",
        "mssql://me@dbhost/ledger",
        "oracle://me@dbhost/ledger",
        "foo://x",
    ],
)
def test_a_database_the_ledger_does_not_run_on_is_named_not_sent_to_the_postgres_extra(
    capsys, tmp_path: Path, url: str
) -> None:
    line = _one_error_line(forecast(capsys, "--db", url, "list"))
    assert "not supported" in line and "postgresql+psycopg://" in line
    assert "[postgres]" not in line and "plugin" not in line


def test_a_postgres_url_with_a_missing_driver_says_which_url_to_write(capsys) -> None:
    line = _one_error_line(forecast(capsys, "--db", "postgresql+nosuchdriver://me@h/db", "list"))
    assert "postgresql+psycopg://" in line


# --- a claim already recorded, given again with something else said about it ---------------

GOLD = ("gold $5055 by end-2026", "-s", "JPMorgan", "--made-on", "2025-11-20")


@pytest.fixture
def ledger(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every command of the test on one empty ledger, on each backend under test
    (one that exists already: none of these tests is about creating it)."""
    monkeypatch.setenv("FORECAST_DB", migrated_url)
    return migrated_url


def _listed(capsys) -> list[dict]:
    return forecast(capsys, "list", "--json").json()


@pytest.mark.parametrize(
    ("first", "again", "said"),
    [
        (("--prob", "0.9"), ("--prob", "0.3"), "probability 0.9 (this says 0.3)"),
        ((), ("--prob", "70%"), "no probability (this says 0.7)"),
    ],
    ids=["other-probability", "probability-added"],
)
def test_add_of_a_recorded_claim_with_another_probability_is_refused_not_dropped(
    capsys, ledger: str, first: tuple, again: tuple, said: str
) -> None:
    assert forecast(capsys, "add", *GOLD, *first).code == 0
    before = _listed(capsys)
    line = _one_error_line(forecast(capsys, "add", *GOLD, *again))
    assert "already recorded as #1" in line and said in line
    assert _listed(capsys) == before


@pytest.mark.parametrize(
    ("first", "again", "said"),
    [
        (("--tag", "metals"), ("--tag", "macro"), "without the tag macro"),
        ((), ("--url", "https://example.com/a"), "with no url"),
        ((), ("--quote", "We see gold at $5,055"), "with no quote"),
    ],
    ids=["tag-added", "url-added", "quote-added"],
)
def test_add_of_a_recorded_claim_with_more_context_says_what_was_not_added(
    capsys, ledger: str, first: tuple, again: tuple, said: str
) -> None:
    assert forecast(capsys, "add", *GOLD, *first).code == 0
    before = _listed(capsys)
    result = forecast(capsys, "add", *GOLD, *again)
    assert result.code == 0 and "already recorded as #1" in result.err
    assert f"#1 stays as recorded, {said}" in result.err
    assert _listed(capsys) == before


def test_add_of_a_recorded_claim_with_a_revision_it_lacks_is_refused(capsys, ledger: str) -> None:
    assert forecast(capsys, "add", *GOLD).code == 0
    assert forecast(capsys, "add", "gold $4000 by end-2026", "-s", "JPMorgan").code == 0
    line = _one_error_line(forecast(capsys, "add", *GOLD, "--revises", "2"))
    assert "revising nothing (this says it revises #2)" in line


def test_add_of_the_same_claim_saying_nothing_new_is_still_a_quiet_duplicate(
    capsys, ledger: str
) -> None:
    assert forecast(capsys, "add", *GOLD, "--prob", "0.9", "--tag", "metals").code == 0
    again = forecast(capsys, "add", *GOLD, "--prob", "90%")
    assert again.code == 0 and "already recorded as #1" in again.err
    assert forecast(capsys, "add", *GOLD).code == 0


def test_import_of_a_recorded_claim_with_another_probability_is_refused_whole(
    capsys, ledger: str, tmp_path: Path
) -> None:
    assert forecast(capsys, "add", *GOLD).code == 0
    path = tmp_path / "again.yaml"
    path.write_text(
        "- {source: Citi, made_on: 2025-11-20, claim: silver $60 by end-2026}\n"
        "- {source: JPMorgan, made_on: 2025-11-20, claim: gold $5055 by end-2026,"
        " probability: 0.8}\n"
    )
    result = forecast(capsys, "import", str(path))
    assert result.code == 2 and "Traceback" not in result.err
    assert "entry 2" in result.err and "no probability (this says 0.8)" in result.err
    assert [c["source"] for c in _listed(capsys)] == ["JPMorgan"]


def test_an_export_imported_into_its_own_ledger_is_still_nothing_new(
    capsys, ledger: str, tmp_path: Path
) -> None:
    assert forecast(capsys, "add", *GOLD, "--prob", "0.6", "--tag", "metals").code == 0
    path = tmp_path / "export.yaml"
    assert forecast(capsys, "export", "-o", str(path)).code == 0
    result = forecast(capsys, "import", str(path))
    assert result.code == 0
    assert (
        result.err.strip()
        == f"{path}: 1 entry, added 0, 1 already in the ledger (skipped): nothing new"
    )


def test_import_of_a_recorded_claim_with_a_link_it_lacks_says_so_and_adds_the_rest(
    capsys, ledger: str, tmp_path: Path
) -> None:
    assert forecast(capsys, "add", *GOLD).code == 0
    path = tmp_path / "more.yaml"
    path.write_text(
        "- {source: JPMorgan, made_on: 2025-11-20, claim: gold $5055 by end-2026,"
        " url: 'https://example.com/jpm'}\n"
        "- {source: Citi, made_on: 2025-11-20, claim: silver $60 by end-2026}\n"
    )
    result = forecast(capsys, "import", str(path))
    assert result.code == 0
    assert "entry 1 ('gold $5055 by end-2026'): #1 stays as recorded, with no url" in result.err
    assert [(c["source"], c["url"]) for c in _listed(capsys)] == [
        ("JPMorgan", None),
        ("Citi", None),
    ]


# --- a scoreboard row with decided claims and no figures says why --------------------------


@pytest.fixture
def early_and_late(capsys, ledger: str, tmp_path: Path) -> str:
    """JPMorgan's only call came true early (deadline 2099); Citi's failed and is scored.
    Both were logged late (today, for calls made on 2025-11-20)."""
    prices = tmp_path / "prices"
    write_csv(
        prices, "GC=F", flat_bars("2025-06-02", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0})
    )
    for call, source in (
        ("gold $5055 by 2099-12-31", "JPMorgan"),
        ("gold $3000 by 2026-06-30", "Citi"),
    ):
        assert forecast(capsys, "add", call, "-s", source, "--made-on", "2025-11-20").code == 0
    resolved = forecast(capsys, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    assert resolved.code == 0, resolved.err
    return ledger


def test_a_row_blank_because_its_calls_came_true_early_says_so(capsys, early_and_late: str) -> None:
    result = forecast(capsys, "score")
    assert result.code == 0
    assert (
        "JPMorgan: no figures yet: 1 decided claim waits for its deadline"
        " (--include-early scores them now, biased toward yes)"
    ) in result.err
    assert "Citi:" not in result.err
    assert "no figures yet" not in forecast(capsys, "score", "--include-early").err


def test_nothing_scored_because_late_ones_are_left_out_says_so_not_that_claims_are_open(
    capsys, early_and_late: str
) -> None:
    result = forecast(capsys, "score", "--include-early", "--exclude-late")
    assert result.code == 0
    assert (
        "nothing scored yet: 2 claims logged late are left out (without --exclude-late they count)"
    ) in result.err
    assert "open" not in result.err.split("vague =")[0]


# --- notes in an 80-column terminal -----------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_notes_in_a_terminal_wrap_between_words_and_stay_one_line_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledger.cli import render

    note = (
        "vague = calls too vague for any price to judge (share of the non-void calls); scored"
        " = resolved claims whose deadline has passed; edge = hits minus the hits the market"
        " implied"
    )
    terminal = _Terminal()
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(sys, "stderr", terminal)
    render.note(note)
    lines = terminal.getvalue().splitlines()
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines)
    assert " ".join(line.strip() for line in lines) == note  # no word cut in two
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    render.note(note)
    assert pipe.getvalue() == note + "\n"


# --- evidence in a listing --------------------------------------------------------------------


def test_listed_evidence_is_rounded_like_the_tui_and_a_return_spread_is_not_a_price(
    capsys, ledger: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", flat_bars("2025-06-02", "2026-07-10", 4000.123456))
    bitcoin = flat_bars("2025-06-01", "2026-07-10", 90000.0, weekdays_only=False)
    bitcoin.loc["2026-06-01":, ["open", "high", "low", "close"]] = 45000.0
    write_csv(prices, "BTC-USD", bitcoin)
    for call in ("gold averages above $3,900 in Q1 2026", "gold outperforms bitcoin by 2026-06-30"):
        assert forecast(capsys, "add", call, "-s", "Desk", "--made-on", "2025-11-20").code == 0
    resolved = forecast(capsys, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    assert resolved.code == 0, resolved.err
    listed = forecast(capsys, "list").out
    assert "2026-03-31 @ 4000.1" in listed and "4000.123" not in listed
    assert "2026-06-30 +50.00pp" in listed and "@ 50" not in listed


# --- files that are no import file ----------------------------------------------------------


def test_import_of_a_directory_or_binary_names_the_problem_in_words(
    capsys, ledger: str, tmp_path: Path
) -> None:
    assert forecast(capsys, "add", *GOLD).code == 0
    binary = tmp_path / "photo.yaml"
    binary.write_bytes(b"\xff\xfe\x00binary")
    for path, said in ((tmp_path, "is a directory, not an import file"), (binary, "not UTF-8")):
        line = _one_error_line(forecast(capsys, "import", str(path)))
        assert said in line
        assert "Error" not in line and "Errno" not in line
    assert len(_listed(capsys)) == 1


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("", "the file is empty"),
        ("source: X\nmade_on: 2025-11-20\n", "expected a list of entries, or a mapping"),
        ("- source: X\n  claim: a\n   bad: 1\n", "not valid YAML"),
    ],
    ids=["empty", "one-mapping", "not-yaml"],
)
def test_a_problem_of_the_whole_file_is_not_counted_as_a_bad_entry(
    capsys, tmp_path: Path, content: str, said: str
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(content)
    result = forecast(capsys, "import", str(path))
    assert result.code == 2
    head, problem = result.err.strip().splitlines()
    assert head == f"forecast: error: {path}: nothing imported"
    assert said in problem


@pytest.mark.parametrize(
    "args",
    [
        ("--db", "", "add", "gold $5055 by end-2026", "-s", "X"),
        ("add", "gold $5055 by end-2026", "-s", "X", "--db", " "),
        ("list", "--db", ""),
    ],
    ids=["global-empty", "command-blank", "read-empty"],
)
def test_an_empty_db_is_refused_not_taken_for_the_default_ledger(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple
) -> None:
    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv("FORECAST_DB", str(default))
    line = _one_error_line(forecast(capsys, *args))
    assert "'--db': is empty" in line
    assert not default.exists()


@pytest.mark.parametrize("command", ["add", "parse"])
def test_a_future_made_on_is_named_before_a_repair_that_could_not_work(
    capsys, tmp_path: Path, command: str
) -> None:
    args = (command, "gold $5055 by end-2026", "--made-on", "2999-01-01")
    line = _one_error_line(forecast(capsys, *args, *(("-s", "X") if command == "add" else ())))
    assert "made_on 2999-01-01 is in the future" in line and "try" not in line


@pytest.mark.parametrize("command", ["add", "parse"])
@pytest.mark.parametrize(
    ("level", "said"),
    [("-1", "--level '-1' is not above 0"), ("0", "is not above 0"), ("nan", "is not a price")],
    ids=["negative", "zero", "nan"],
)
def test_a_level_option_that_is_no_price_is_one_line_not_a_traceback(
    capsys, tmp_path: Path, command: str, level: str, said: str
) -> None:
    source = ("-s", "Desk") if command == "add" else ()
    args = (command, "BTC holds support", *source, f"--level={level}", "--prices", "none")
    result = forecast(capsys, *args, "--made-on", "2025-11-20")
    assert result.code == 2 and "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if line.startswith("forecast: error:")]
    assert len(errors) == 1 and said in errors[0]


@pytest.mark.parametrize("tag", ["", "   "], ids=["empty", "blank"])
def test_an_empty_tag_is_refused_not_stored(capsys, ledger: str, tag: str) -> None:
    line = _one_error_line(forecast(capsys, "add", *GOLD, "--tag", tag))
    assert "a tag is empty" in line


def test_a_tag_is_stored_without_the_spaces_around_it_as_an_import_stores_it(
    capsys, ledger: str
) -> None:
    assert forecast(capsys, "add", *GOLD, "--tag", " metals ").code == 0
    assert _listed(capsys)[0]["tags"] == ["metals"]


@pytest.mark.parametrize("source", ["", "  "], ids=["empty", "blank"])
def test_extract_with_an_empty_source_is_refused_not_taken_as_no_source(
    capsys, tmp_path: Path, source: str
) -> None:
    article = tmp_path / "column.txt"
    article.write_text(
        "November 20, 2025\n\nGoldman Sachs expects gold to reach $4,900 by end-2026.\n"
    )
    line = _one_error_line(forecast(capsys, "extract", str(article), "--source", source, "--yes"))
    assert "--source is empty" in line


def test_a_narrow_listing_of_one_source_keeps_the_kind_and_leaves_out_the_source(
    capsys, ledger: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from ledger.cli import grid, render

    calls = ("EURUSD falls to 1.12 by 2026-05-31", "S&P 500 averages above 6,000 in Q1 2026")
    for call in calls:
        made = ("-s", "Northbank Research", "--made-on", "2025-11-20")
        assert forecast(capsys, "add", call, *made).code == 0
    assert forecast(capsys, "add", "silver $60 by 2099-03-31", "-s", "Citi").code == 0
    monkeypatch.setattr(
        render,
        "stdout",
        lambda: Console(file=sys.stdout, highlight=False, soft_wrap=True, width=80),
    )
    monkeypatch.setattr(grid, "plain_stream", lambda stream: False)  # as on a terminal
    one = forecast(capsys, "list", "--source", "Northbank Research").out
    assert "touch_below" in one and "average_above" in one and "Northbank" not in one
    assert max(len(line) for line in one.splitlines()) <= 80
    both = forecast(capsys, "list").out
    assert "Northbank" in both and "Citi" in both


def test_a_comma_in_a_tag_gives_two_tags_as_import_and_the_tui_read_it(capsys, ledger: str) -> None:
    assert forecast(capsys, "add", *GOLD, "--tag", "metals, macro", "--tag", "banks").code == 0
    assert set(_listed(capsys)[0]["tags"]) == {"metals", "macro", "banks"}


def test_a_trailing_comma_in_a_tag_is_an_empty_tag(capsys, ledger: str) -> None:
    assert "a tag is empty" in _one_error_line(forecast(capsys, "add", *GOLD, "--tag", "metals,"))
