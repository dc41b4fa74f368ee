"""A level far from the last known price is recorded, with a warning on stderr (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

MADE = ("--made-on", "2025-11-20")


@pytest.fixture
def db(capsys, migrated_url: str, tmp_path: Path) -> str:
    """A ledger whose price cache holds gold at 4000 and silver at 50 through 2025-12-31."""
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", flat_bars("2025-01-01", "2025-12-31", 4000.0))
    write_csv(prices, "SI=F", flat_bars("2025-01-01", "2025-12-31", 50.0))
    for text in ("gold $4500 by end-2026", "silver $60 by end-2026"):
        assert forecast(capsys, "--db", migrated_url, "add", text, "-s", "seed", *MADE).code == 0
    resolved = forecast(capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{prices}")
    assert resolved.code == 0, resolved.err
    return migrated_url


def test_add_warns_and_records(capsys, db: str) -> None:
    result = forecast(capsys, "--db", db, "add", "gold $1e12 by end-2026", "-s", "x", *MADE)
    assert result.code == 0, result.err
    assert "trades at or above 1.0e+12 on some day" in result.out
    assert "1000000000000 on" not in result.out
    assert (
        "warning: level 1.0e+12 is 2.5e+08 times the last known GC=F close (4000 on 2025-11-20):"
        " recorded as written; if it is a typo, 'forecast void 3 --why typo'" in result.err
    )
    assert forecast(capsys, "--db", db, "show", "3", "--json").json()["level"] == 1e12


def test_add_dry_run_and_parse_warn(capsys, db: str) -> None:
    dry = forecast(
        capsys, "--db", db, "add", "gold $150 by end-2026", "-s", "x", "--dry-run", *MADE
    )
    assert dry.code == 0
    assert "level 150 is 1/27 of the last known GC=F close" in dry.err
    parsed = forecast(capsys, "--db", db, "parse", "silver hits 1500 by end-2026", *MADE, "--json")
    assert parsed.code == 0 and parsed.json()["level"] == 1500
    assert "level 1500 is 30 times the last known SI=F close (50 on 2025-11-20)" in parsed.err


def test_ratio_levels_are_checked_against_the_ratio(capsys, db: str) -> None:
    near = forecast(
        capsys, "--db", db, "parse", "the gold/silver ratio falls to 70 by end-2026", *MADE
    )
    assert near.code == 0 and "warning" not in near.err
    far = forecast(
        capsys, "--db", db, "parse", "the gold/silver ratio falls to 2 by end-2026", *MADE
    )
    assert "level 2 is 1/40 of the last known GC=F/SI=F close (80 on 2025-11-20)" in far.err


def test_no_warning_near_the_price_or_without_bars(capsys, db: str) -> None:
    near = forecast(capsys, "--db", db, "add", "gold $6000 by end-2026", "-s", "x", *MADE)
    assert near.code == 0 and "warning" not in near.err
    unknown = forecast(capsys, "--db", db, "add", "BTC hits 1e12 by end-2026", "-s", "x", *MADE)
    assert unknown.code == 0 and "warning" not in unknown.err  # no BTC bars: nothing to say


def test_import_warns_per_entry(capsys, db: str, tmp_path: Path) -> None:
    path = tmp_path / "calls.yaml"
    path.write_text(
        "predictions:\n"
        "  - {source: y, made_on: 2025-11-20, claim: 'gold $5000 by end-2026'}\n"
        "  - {source: y, made_on: 2025-11-20, symbol: GC=F, kind: touch_above,"
        " level: 400000, deadline: 2026-12-31}\n"
    )
    dry = forecast(capsys, "--db", db, "import", str(path), "--dry-run")
    assert dry.code == 0
    assert "warning: entry 2 ('GC=F touch_above 400000 by 2026-12-31'): level 400000" in dry.err
    assert "check the level" in dry.err and "entry 1" not in dry.err
    done = forecast(capsys, "--db", db, "import", str(path), "--json")
    assert done.code == 0 and done.json()["added"] == 2
    assert "entry 2" in done.err and "recorded as written" in done.err
