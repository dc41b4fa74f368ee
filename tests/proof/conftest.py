"""A ledger that has been through every write path, for the proof tests.

Building it takes some twenty commands (seconds), and some eighty tests use
it: each backend's ledger is built once per test process, as a template, and
every test gets a fresh copy of its own (tests/ledger_templates.py), so one
test's writes never reach another.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import forecast
from ledger_templates import LedgerTemplates, copy_of
from price_files import flat_bars, write_csv


def write_prices(directory: Path) -> Path:
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


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    return write_prices(tmp_path / "prices")


def run_ok(capsys, *args: str) -> str:
    result = forecast(capsys, *args)
    assert result.code == 0, (args, result.err)
    return result.out


def build_busy_ledger(capsys, ledger_url: str, prices: Path, workdir: Path) -> None:
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
    other = str(workdir / "other.sqlite3")
    run_ok(capsys, "--db", other, "add", "gold $7000 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "add", "silver $20 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "resolve", "1", "--outcome", "false", "--note", "no", "--force")
    run_ok(capsys, "--db", other, "void", "2", "--why", "duplicate")
    exported = workdir / "other.yaml"
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


@pytest.fixture
def busy_ledger(capsys, ledger_url: str, ledger_templates: LedgerTemplates) -> Iterator[str]:
    """A fresh copy of the busy ledger (see `build_busy_ledger`) on the backend under test.

    The prices the template was resolved against stay beside the template for
    the whole session, so the `csv:` source a copy names exists for every test.
    """

    def build(url: str, workdir: Path) -> None:
        build_busy_ledger(capsys, url, write_prices(workdir / "prices"), workdir)

    with copy_of(ledger_templates, "busy", build, ledger_url) as url:
        yield url
