"""Bad bars through the CLI: one concise line when new ones appear, details with --verbose,
and the bar quality a verdict stood on in `show --json`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from cli_runner import forecast
from price_files import flat_bars, write_csv


def euro_with_spike_and_repair(directory: Path) -> Path:
    bars = flat_bars("2022-01-03", "2023-01-31", 1.05)
    bars["high"], bars["low"] = 1.06, 1.04
    bars.loc[pd.Timestamp("2022-09-14"), "low"] = 0.104  # a lost decimal point
    # The open above the quoted high (as on 2022-12-26); widened, the high reaches 1.066.
    bars.loc[pd.Timestamp("2022-12-26"), ["open", "high", "low", "close"]] = [
        1.06678,
        1.063717,
        1.0614,
        1.0626,
    ]
    write_csv(directory, "EURUSD=X", bars)
    return directory


def test_rejected_bars_are_said_once_and_listed_with_verbose(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = euro_with_spike_and_repair(tmp_path / "p")
    for text in (
        "EURUSD=X touch_above 1.066 by 2022-12-30",
        "EURUSD=X touch_above 1.09 by 2022-12-30",
    ):
        added = forecast(
            capsys,
            "--db",
            migrated_url,
            "add",
            text,
            "-s",
            "Bank",
            "--made-on",
            "2022-06-01",
            "--prices",
            "none",
        )
        assert added.code == 0, added.err
    resolve = (
        "--db",
        migrated_url,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2023-01-31",
    )

    first = forecast(capsys, *resolve)
    assert first.code == 0, first.err
    lines = [line for line in first.out.splitlines() if line.startswith("rejected")]
    assert lines == [
        "rejected 1 new bad bars (EURUSD=X 1); 1 bad bars held as gaps, asked for again "
        "each run; --verbose lists them"
    ]
    second = forecast(capsys, *resolve)
    assert not [line for line in second.out.splitlines() if line.startswith("rejected")]
    verbose = forecast(capsys, *resolve, "--verbose")
    assert "rejected: EURUSD=X 2022-09-14: a spike" in verbose.out
    as_json = forecast(capsys, *resolve, "--json").json()
    assert as_json["rejected_bars"] == {"EURUSD=X": 1}

    shown = forecast(capsys, "--db", migrated_url, "show", "1", "--json").json()
    assert shown["status"] == "true"
    assert shown["resolutions"][-1]["bar_quality"] == "repaired"
    text_view = forecast(capsys, "--db", migrated_url, "show", "1")
    assert "stood on a repaired bar" in " ".join(text_view.out.split())
