"""The TUI in the repeated new-user trial of issue 14 (at 120x40 and 80x24)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

from tui.app import make_app


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
