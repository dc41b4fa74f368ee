"""A call with no side word is read against the cached close of its day (`forecast extract`,
the TUI's import screen).

"Goldman Sachs sees the euro at 1.08 by the end of 2026", with EUR/USD at 1.16 that day, is
a call for a fall; read as "reaches 1.08" it would be true on its first day. The article gives
no price of the day; the ledger's price cache does.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

from tui.app import make_app

MADE = ("--made-on", "2025-11-20")
EURO = "Goldman Sachs sees the euro at 1.08 by the end of 2026."


def _cached(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, last: str) -> None:
    """EUR/USD at 1.16 and gold at 4000 in the price cache, through `last`."""
    prices = tmp_path / "prices"
    write_csv(prices, "EURUSD=X", flat_bars("2025-01-01", last, 1.16))
    write_csv(prices, "GC=F", flat_bars("2025-01-01", last, 4000.0))
    for text in ("EUR/USD 1.30 by end-2026", "gold $4500 by end-2026"):
        assert (
            forecast(capsys, "--db", url, "add", text, "-s", "seed", "--made-on", "2025-01-02").code
            == 0
        )
    resolved = forecast(capsys, "--db", url, "resolve", "--prices", f"csv:{prices}")
    assert resolved.code == 0, resolved.err


def _proposed(
    capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path, text: str
) -> list[dict]:
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    result = forecast(capsys, "--db", url, "extract", str(article), *MADE, "--json")
    assert result.code == 0, result.err
    return result.json()


def test_a_level_under_the_cached_close_is_a_call_for_a_fall(
    capsys, migrated_url, tmp_path
) -> None:
    _cached(capsys, migrated_url, tmp_path, "2025-12-31")
    (call,) = _proposed(capsys, migrated_url, tmp_path, EURO)
    assert call["canonical"] == "EURUSD=X touch_below 1.08 by 2026-12-31"
    assert call["speaker"] == "Goldman Sachs"
    why = "EURUSD=X's close on 2025-11-20 in the price cache (1.16)"
    assert any(why in note for note in call["assumptions"]), call["assumptions"]


def test_levels_above_the_close_and_stated_sides_are_kept(capsys, migrated_url, tmp_path) -> None:
    _cached(capsys, migrated_url, tmp_path, "2025-12-31")
    above, stated = _proposed(
        capsys,
        migrated_url,
        tmp_path,
        "Goldman Sachs expects gold at $5,000 by the end of 2026. "
        "UBS sees gold rising to $3,500 by the end of 2026.",
    )
    assert above["canonical"] == "GC=F touch_above 5000 by 2026-12-31"
    assert stated["canonical"] == "GC=F touch_above 3500 by 2026-12-31"


def test_a_close_weeks_before_the_call_is_not_its_price_of_the_day(
    capsys, migrated_url, tmp_path
) -> None:
    _cached(capsys, migrated_url, tmp_path, "2025-10-31")
    (call,) = _proposed(capsys, migrated_url, tmp_path, EURO)
    assert call["canonical"] == "EURUSD=X touch_above 1.08 by 2026-12-31"


def test_without_a_ledger_the_side_is_the_words_alone(capsys, tmp_path) -> None:
    (call,) = _proposed(capsys, str(tmp_path / "none.sqlite3"), tmp_path, EURO)
    assert call["canonical"] == "EURUSD=X touch_above 1.08 by 2026-12-31"
    assert not (tmp_path / "none.sqlite3").exists()


def test_yes_records_the_fall(capsys, migrated_url, tmp_path) -> None:
    _cached(capsys, migrated_url, tmp_path, "2025-12-31")
    article = tmp_path / "article.txt"
    article.write_text(EURO + "\n", encoding="utf-8")
    result = forecast(
        capsys, "--db", migrated_url, "extract", str(article), *MADE, "--yes", "--json"
    )
    assert result.code == 0, result.err
    (recorded,) = [d for d in result.json() if d.get("id")]
    shown = forecast(capsys, "--db", migrated_url, "show", str(recorded["id"]), "--json").json()
    assert shown["kind"] == "touch_below"
    assert shown["level"] == 1.08
    assert shown["source"] == "Goldman Sachs"


def test_the_import_screen_reads_the_same_side(capsys, migrated_url, tmp_path) -> None:
    _cached(capsys, migrated_url, tmp_path, "2025-12-31")
    app = make_app(migrated_url, today=date(2026, 1, 10))
    try:
        found = app.data.extract(EURO, made_on=date(2025, 11, 20))
    finally:
        app.data.engine.dispose()
    (candidate,) = found.extraction.candidates
    assert candidate.claim is not None
    assert candidate.claim.kind.value == "touch_below"
