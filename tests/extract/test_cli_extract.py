"""forecast extract end to end, in-process, on a ledger of its own."""

from __future__ import annotations

import io
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from cli_runner import forecast

from ledger.cli import extract as extract_cli
from ledger.cli.app import app

ARTICLE = """Goldman sees gold at $4,900 and silver at $60 by end-2026

November 20, 2025

Gold broke $4,000 last week. JPMorgan expects gold to reach $5,055 by the end of 2026.
Bitcoin needs to hold support. If the Fed cuts, ether could reach $6,000 next year.
"""

HTML_ARTICLE = """<html><head><title>UBS on gold</title>
<meta property="article:published_time" content="2025-11-20T08:00:00Z">
<script>var x = "gold will hit $9,999 by 2030";</script></head>
<body><nav>Gold to $1,000,000 tomorrow</nav>
<h1>UBS sees gold at $4,700 by mid-2026</h1>
<p>UBS expects gold to climb to $4,700 an ounce by the end of June 2026.</p></body></html>"""

REQUIRED_KEYS = {
    "sentence", "claim", "symbol", "kind", "level", "deadline", "speaker", "confidence",
    "assumptions",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _extract_registered() -> None:
    """Until app.py wires the command in, register it here (once)."""
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)


@pytest.fixture
def db(ledger_url: str) -> str:
    return ledger_url


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def listed(capsys: pytest.CaptureFixture[str], db: str) -> list[dict]:
    """The claims in the ledger; none when nothing ever created it (reading
    commands create no ledger: they say there is none, exit 2)."""
    result = forecast(capsys, "--db", db, "list", "--json")
    if result.code == 2 and "no ledger at" in result.err:
        return []
    return result.json()


def test_json_lists_candidates_with_their_keys_and_records_nothing(
    capsys: pytest.CaptureFixture[str], db: str, article: Path
) -> None:
    result = forecast(
        capsys, "--db", db, "extract", str(article), "--json", "--made-on", "2025-11-20"
    )
    assert result.code == 0, result.err
    candidates = result.json()
    assert isinstance(candidates, list) and candidates
    for candidate in candidates:
        assert set(candidate) >= REQUIRED_KEYS
        assert candidate["status"] == "proposed"
    claims = {c["claim"]: c for c in candidates}
    jpm = claims["gold reaches $5,055 by the end of 2026"]
    assert (jpm["symbol"], jpm["kind"], jpm["level"], jpm["deadline"], jpm["speaker"]) == (
        "GC=F",
        "touch_above",
        5055.0,
        "2026-12-31",
        "JPMorgan",
    )
    assert jpm["made_on"] == "2025-11-20" and jpm["confidence"] >= 0.9
    asking = next(c for c in candidates if c["needs"] == "level")
    assert asking["claim"] is None and asking["symbol"] == "BTC-USD"
    conditional = next(c for c in candidates if c["conditional"])
    assert conditional["symbol"] == "ETH-USD" and conditional["confidence"] < 0.6
    assert not any("4000" in (c["claim"] or "") for c in candidates)  # the past event
    assert "made on 2025-11-20 (given with --made-on)" in result.err
    assert listed(capsys, db) == []


def test_yes_records_through_the_ledger_and_a_second_run_adds_nothing(
    capsys: pytest.CaptureFixture[str], db: str, article: Path
) -> None:
    args = ("--db", db, "extract", str(article), "--yes", "--source", "Metals Weekly")
    first = forecast(capsys, *args, "--url", "https://example.com/gold", "--tag", "gold")
    assert first.code == 0, first.err
    assert "added 3" in first.err
    assert "skipped (needs a level" in first.err
    assert "made on 2025-11-20 (the dateline 'November 20, 2025')" in first.err
    claims = listed(capsys, db)
    assert sorted(c["normalized"] for c in claims) == [
        "GC=F touch_above 4900 by 2026-12-31",
        "GC=F touch_above 5055 by 2026-12-31",
        "SI=F touch_above 60 by 2026-12-31",
    ]
    assert {c["source"] for c in claims} == {"Metals Weekly"}
    assert {c["url"] for c in claims} == {"https://example.com/gold"}
    assert {c["tags"][0] for c in claims} == {"gold"}
    jpm = next(c for c in claims if c["level"] == 5055)
    assert jpm["quote"] == "JPMorgan expects gold to reach $5,055 by the end of 2026."
    assert jpm["made_on"] == "2025-11-20"

    second = forecast(capsys, *args)
    assert second.code == 0, second.err
    assert "already recorded as #" in second.err
    assert "added 0, 3 already recorded" in second.err
    assert len(listed(capsys, db)) == 3


def test_without_source_the_speaker_becomes_the_source(
    capsys: pytest.CaptureFixture[str], db: str, article: Path
) -> None:
    result = forecast(capsys, "--db", db, "extract", str(article), "--yes", "--json")
    assert result.code == 0, result.err
    by_status = {c["claim"]: (c["status"], c["source"]) for c in result.json()}
    assert by_status["gold reaches $5,055 by the end of 2026"] == ("recorded", "JPMorgan")
    assert {c["source"] for c in listed(capsys, db)} == {"Goldman Sachs", "JPMorgan"}


def test_min_confidence_sets_the_bar_for_yes(
    capsys: pytest.CaptureFixture[str], db: str, article: Path
) -> None:
    result = forecast(
        capsys, "--db", db, "extract", str(article), "--yes", "--min-confidence", "0.9"
    )
    assert result.code == 0, result.err
    assert [c["level"] for c in listed(capsys, db)] == [5055.0]
    assert "is below 0.9" in result.err


def test_without_yes_and_not_in_a_terminal_nothing_is_recorded(
    capsys: pytest.CaptureFixture[str], db: str, article: Path
) -> None:
    result = forecast(capsys, "--db", db, "extract", str(article))
    assert result.code == 0, result.err
    assert "GC=F touch_above 5055 by 2026-12-31" in result.out
    assert "nothing recorded" in result.err
    assert listed(capsys, db) == []


def test_html_input(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    page = tmp_path / "ubs.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    result = forecast(capsys, "--db", db, "extract", str(page), "--json")
    assert result.code == 0, result.err
    assert [(c["claim"], c["speaker"], c["made_on"]) for c in result.json()] == [
        ("gold reaches $4,700 by the end of June 2026", "UBS", "2025-11-20")
    ]
    assert "publication date" in result.err


def test_stdin_input(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    result = forecast(capsys, "--db", db, "extract", "-", "--yes", "--source", "Desk")
    assert result.code == 0, result.err
    assert len(listed(capsys, db)) == 3


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A localhost port with nothing listening: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    yield port


def test_an_unreachable_url_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], db: str, closed_port: int
) -> None:
    url = f"http://127.0.0.1:{closed_port}/article"
    # Loopback is refused unless allowed (test_fetch_safety.py); allowed, it is unreachable.
    result = forecast(
        capsys, "--db", db, "extract", url, "--timeout", "2", "--allow-private-addresses"
    )
    assert result.code == 1
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith(f"forecast: error: cannot fetch {url}:")
    assert "Traceback" not in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(("/nonexistent/article.txt",), "no such file", id="missing-file"),
        pytest.param(("-", "--made-on", "20/11/2025"), "not a date", id="bad-made-on"),
        pytest.param(("-", "--min-confidence", "2"), "--min-confidence", id="bad-bar"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: str, args: tuple[str, ...], needle: str
) -> None:
    result = forecast(capsys, "--db", db, "extract", *args)
    assert result.code == 2, (result.out, result.err)
    assert needle in result.err
    assert result.err.count("\n") == 1, result.err


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    result = forecast(capsys, "extract", "--help")
    assert result.code == 0 and "Usage:" in result.out
    for option in ("--yes", "--json", "--source", "--made-on", "--min-confidence", "--url"):
        assert option in result.out


def test_in_a_terminal_each_candidate_is_asked_about(
    capsys: pytest.CaptureFixture[str],
    db: str,
    article: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Candidates in order: the headline's gold $4,900, silver $60, JPMorgan's gold $5,055,
    # bitcoin (needs a level), conditional ether.
    answers = iter(
        [
            "s",  # gold $4,900: skip
            "e",  # silver: edit the claim text...
            "silver reaches $65 by end-2026",
            "a",  # ... shown its new reading, accept it
            "a",  # JPMorgan: accept as read
            "95000",  # bitcoin: the level it asks for
            "Crypto Blog",  # ... and who said it (no speaker in the sentence)
            "a",  # ether, conditional: accept knowingly
            "Fed Watcher",  # ... whose speaker is not named either
            "30%",  # hedged: its probability
        ]
    )
    asked: list[str] = []

    def prompt(text: str, **_: object) -> str:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(extract_cli, "_stdin_is_terminal", lambda: True)
    monkeypatch.setattr(typer, "prompt", prompt)
    result = forecast(capsys, "--db", db, "extract", str(article))
    assert result.code == 0, result.err
    assert next(answers, None) is None, asked
    # the edit is read back before it is recorded
    assert "now reads: silver (SI=F) trades at or above 65" in result.err
    claims = {c["normalized"]: c for c in listed(capsys, db)}
    assert set(claims) == {
        "SI=F touch_above 65 by 2026-12-31",
        "GC=F touch_above 5055 by 2026-12-31",
        "BTC-USD hold_above 95000 by 2026-11-20",
        "ETH-USD touch_above 6000 by 2026-12-31",
    }
    assert claims["SI=F touch_above 65 by 2026-12-31"]["text"] == "silver reaches $65 by end-2026"
    assert claims["BTC-USD hold_above 95000 by 2026-11-20"]["source"] == "Crypto Blog"
    assert claims["ETH-USD touch_above 6000 by 2026-12-31"]["probability"] == pytest.approx(0.3)
    assert "added 4" in result.err


def test_a_vague_call_is_listed_flagged_and_recorded_only_at_a_low_bar(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    path = tmp_path / "squeeze.txt"
    path.write_text(
        "November 20, 2025\n\nThe short squeeze in the silver market may not be over, "
        "said Jane Doe.\n",
        encoding="utf-8",
    )
    shown = forecast(capsys, "--db", db, "extract", str(path), "--yes", "--json")
    assert shown.code == 0, shown.err
    (candidate,) = shown.json()
    assert candidate["vague"] is True and candidate["kind"] == "vague"
    assert candidate["status"] != "recorded" and listed(capsys, db) == []
    taken = forecast(capsys, "--db", db, "extract", str(path), "--yes", "--min-confidence", "0.1")
    assert taken.code == 0, taken.err
    (claim,) = listed(capsys, db)
    assert (claim["kind"], claim["status"], claim["symbol"], claim["source"]) == (
        "vague",
        "vague",
        "SI=F",
        "Jane Doe",
    )
    assert claim["quote"].startswith("The short squeeze in the silver market")
