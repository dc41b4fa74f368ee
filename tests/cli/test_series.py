"""Which series judges a claim: shown by `show` (text and JSON) with what it means,
and another series named by an alias or the claim itself, a CSV file of one's own.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from cli_runner import forecast
from price_files import write_csv

from ledger.claims.assets import BUILTIN_ALIASES
from ledger.claims.series import BUILTIN_SERIES, describe_series, price_source_text


def test_every_built_in_asset_has_its_series_described() -> None:
    assert set(BUILTIN_ALIASES.values()) == set(BUILTIN_SERIES)
    gold = describe_series("GC=F")
    assert "front month" in gold.name and "stand-in for spot gold" in gold.meaning
    assert "-37.63" in describe_series("CL=F").meaning
    assert "without dividends" in describe_series("^GSPC").meaning


@pytest.mark.parametrize(
    ("symbol", "words"),
    [
        pytest.param("HG=F", "futures, continuous front month", id="futures"),
        pytest.param("USDJPY=X", "exchange rate", id="fx"),
        pytest.param("SOL-USD", "crypto price", id="crypto"),
        pytest.param("^N225", "index level", id="index"),
        pytest.param("GC=F/SI=F", "the ratio of GC=F's close to SI=F's close", id="ratio"),
        pytest.param("XAUUSD", "a series of your own in XAUUSD.csv", id="own-or-stock"),
    ],
)
def test_other_series_are_described_by_their_shape(symbol: str, words: str) -> None:
    assert words in describe_series(symbol).name


def test_where_the_prices_came_from_reads_as_words() -> None:
    assert price_source_text("yahoo", "GC=F") == "Yahoo Finance"
    assert price_source_text("csv:/data/p", "XAUUSD") == "your CSV file /data/p/XAUUSD.csv"
    assert price_source_text("csv:/d", "A/B") == "your CSV files /d/A.csv, /d/B.csv"
    assert price_source_text(None, "GC=F") is None


def test_an_alias_names_a_series_of_ones_own_and_show_says_so(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    url = migrated_url
    added = forecast(capsys, "--db", url, "alias", "add", "spot gold", "XAUUSD")
    assert added.code == 0, added.err
    days = pd.date_range("2025-01-02", "2025-03-14", freq="B", name="date")
    spot = pd.DataFrame(
        {"open": 2300.0, "high": 2305.0, "low": 2295.0, "close": 2300.0, "volume": 0.0},
        index=days,
    )
    spot.loc[pd.Timestamp("2025-03-12"), "high"] = 2410.0
    prices = tmp_path / "prices"
    write_csv(prices, "XAUUSD", spot)
    result = forecast(
        capsys, "--db", url, "add", "spot gold touch_above 2400 by 2025-03-13", "-s", "Desk",
        "--made-on", "2025-01-10", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    claim_id = result.json()["id"]
    resolved = forecast(
        capsys, "--db", url, "resolve", "--prices", f"csv:{prices}", "--as-of", "2025-03-14"
    )
    assert resolved.code == 0, resolved.err

    shown = forecast(capsys, "--db", url, "show", str(claim_id), "--json").json()
    assert shown["symbol"] == "XAUUSD" and shown["status"] == "true"
    assert shown["series"] == [describe_series("XAUUSD").to_json()]
    text = forecast(capsys, "--db", url, "show", str(claim_id)).out
    assert "series  XAUUSD: XAUUSD as the price source quotes it" in text
    assert f"prices from your CSV file {prices}/XAUUSD.csv" in " ".join(text.split())


def test_show_says_gold_is_judged_on_front_month_futures(capsys, migrated_url: str) -> None:
    result = forecast(
        capsys, "--db", migrated_url, "add", "gold touch_above 5055 by 2026-12-31", "-s", "Bank",
        "--made-on", "2025-01-10", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    shown = forecast(capsys, "--db", migrated_url, "show", str(result.json()["id"]), "--json")
    [series] = shown.json()["series"]
    assert series["symbol"] == "GC=F" and "stand-in for spot gold" in series["meaning"]
