"""A ledger that has been through every write path, for the proof tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    write_csv(
        directory,
        "GC=F",
        flat_bars("2025-06-02", "2026-07-10", 4000.0, highs={"2026-02-02": 5200.0}),
    )
    write_csv(directory, "SI=F", flat_bars("2025-06-02", "2026-07-10", 50.0))
    write_csv(
        directory, "BTC-USD", flat_bars("2025-06-02", "2026-07-10", 90000.0, weekdays_only=False)
    )
    return directory


def run_ok(capsys, *args: str) -> str:
    result = forecast(capsys, *args)
    assert result.code == 0, (args, result.err)
    return result.out


@pytest.fixture
def busy_ledger(capsys, ledger_url: str, prices: Path, tmp_path: Path) -> str:
    """Claims added, imported (with history and a void), resolved by prices and
    by hand, voided, rechecked; a relative claim's reference filled; aliases
    added and removed; sources described."""
    db = ("--db", ledger_url)
    made = ("--made-on", "2025-11-20")
    run_ok(
        capsys,
        *db,
        "add",
        "gold $5055 by 2026-06-30",
        "-s",
        "JPMorgan",
        "--prob",
        "0.7",
        *made,
        "-t",
        "gold",
        "-t",
        "banks",
        "--url",
        "https://example.com/a",
        "--quote",
        "gold to 5055",
    )
    run_ok(capsys, *db, "add", "silver hits $1000 by 2026-06-30", "-s", "Pundit", *made)
    run_ok(capsys, *db, "add", "BTC +20% within 90 days", "-s", "self", "--prob", "0.3", *made)
    run_ok(capsys, *db, "add", "gold $9000 by 2027-12-31", "-s", "JPMorgan", *made)
    run_ok(capsys, *db, "alias", "add", "copper", "HG=F")
    run_ok(capsys, *db, "alias", "add", "shiny", "GC=F")
    run_ok(capsys, *db, "alias", "remove", "copper")
    run_ok(capsys, *db, "void", "4", "--why", "recorded the wrong year")

    # An import that carries history: another ledger's export, with a void.
    other = str(tmp_path / "other.sqlite3")
    run_ok(capsys, "--db", other, "add", "gold $7000 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "add", "silver $20 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "resolve", "1", "--outcome", "false", "--note", "no", "--force")
    run_ok(capsys, "--db", other, "void", "2", "--why", "duplicate")
    exported = tmp_path / "other.yaml"
    run_ok(capsys, "--db", other, "export", "-o", str(exported))
    text = exported.read_text()
    text = text.replace(
        "sources:\n", "sources:\n- name: Pundit\n  kind: person\n  notes: loud\n", 1
    )
    exported.write_text(text)
    run_ok(capsys, *db, "import", str(exported))

    run_ok(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    run_ok(capsys, *db, "resolve", "2", "--outcome", "void", "--note", "no such market", "--force")
    run_ok(
        capsys, *db, "resolve", "--recheck", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"
    )
    return ledger_url
