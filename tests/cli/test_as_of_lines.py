"""A run made --as-of another day says both days: in `runs` and in `show`'s history (issue 14)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_runner import forecast
from price_files import flat_bars, write_csv


def test_history_and_runs_say_the_as_of_day(capsys, migrated_url: str, tmp_path: Path) -> None:
    prices = tmp_path / "prices"
    write_csv(
        prices, "GC=F", flat_bars("2025-06-02", "2026-07-10", 4000.0, highs={"2026-02-02": 5200.0})
    )
    db = ("--db", migrated_url)
    add = forecast(
        capsys, *db, "add", "gold $5055 by 2026-06-30", "-s", "x", "--made-on", "2025-11-20"
    )
    assert add.code == 0, add.err
    run = forecast(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-03-31")
    assert run.code == 0, run.err
    today = date.today().isoformat()
    shown = forecast(capsys, *db, "show", "1")
    assert f"{today} (as of 2026-03-31) true [auto]" in shown.out, shown.out
    assert forecast(capsys, *db, "show", "1", "--json").json()["resolutions"][0]["run_as_of"] == (
        "2026-03-31"
    )
    runs = forecast(capsys, *db, "runs")
    assert f"#1 {today}" in runs.out and "as of 2026-03-31" in runs.out


def test_a_run_as_of_today_says_the_day_once(capsys, migrated_url: str, tmp_path: Path) -> None:
    prices = tmp_path / "prices"
    write_csv(
        prices, "GC=F", flat_bars("2025-06-02", "2026-07-10", 4000.0, highs={"2026-02-02": 5200.0})
    )
    db = ("--db", migrated_url)
    forecast(capsys, *db, "add", "gold $5055 by 2026-06-30", "-s", "x", "--made-on", "2025-11-20")
    assert forecast(capsys, *db, "resolve", "--prices", f"csv:{prices}").code == 0
    shown = forecast(capsys, *db, "show", "1")
    assert f"{date.today().isoformat()} true [auto]" in shown.out and "(as of" not in shown.out
