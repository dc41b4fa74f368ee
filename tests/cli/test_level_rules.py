"""Claims on computed levels end to end: parse, add, show, list, resolve, export, import.

"BTC holds support" made 2025-11-20 is the claim this feature exists for.
Prices come from hand-made CSV files or the fake Yahoo; the bars after
made_on always hold a lower low than the support, so a rule that looked
past made_on would give another level.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from cli_runner import forecast
from price_files import flat_bars, write_csv

MADE_ON = "2025-11-20"
# BTC (crypto: a bar every day) at 90,000 with a swing low of 84,000 on
# 2025-11-04 and 86,000 on 2025-11-12 (above the close? no: below 90,000, so the
# most recent one, 11-12, is support); after made_on a dip to 70,000.
BTC_LOWS = {"2025-11-04": 84000.0, "2025-11-12": 86000.0, "2026-01-15": 70000.0}
SUPPORT = 86000.0


def btc_bars(last: str = "2026-03-31") -> pd.DataFrame:
    return flat_bars("2025-06-01", last, 90000.0, weekdays_only=False, lows=BTC_LOWS)


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    write_csv(directory, "BTC-USD", btc_bars())
    gold = flat_bars("2024-01-01", "2026-03-31", 4000.0, highs={"2025-10-17": 4400.0})
    write_csv(directory, "GC=F", gold)
    return directory


def test_parse_prints_the_level_its_rule_and_bar(capsys, migrated_url: str, prices: Path) -> None:
    result = forecast(
        capsys, "--db", migrated_url, "parse", "BTC holds support", "--made-on", MADE_ON,
        "--prices", f"csv:{prices}",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "BTC-USD hold_above support(60d,pivot3) by 2026-02-18" in result.out
    assert "support read as 86,000" in result.err
    assert "(2025-11-12)" in result.err
    assert "no deadline: a claim on support is judged over 90 days" in result.out
    data = forecast(
        capsys, "--db", migrated_url, "parse", "BTC holds support", "--made-on", MADE_ON,
        "--prices", f"csv:{prices}", "--json",
    ).json()  # fmt: skip
    assert data["level"] == SUPPORT and data["kind"] == "hold_above"
    assert data["level_rule"] == "support(60d,pivot3)"
    assert data["level_params"] == {"lookback": 60, "pivot": 3}
    assert data["level_basis"] == ["2025-11-12"]
    assert data["level_pending"] is False


def test_pending_then_fixed_by_a_resolve_run(capsys, migrated_url: str, prices: Path) -> None:
    added = forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "Columnist",
        "--made-on", MADE_ON, "--prices", "none",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert "level pending" in added.err
    listed = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert listed[0]["level"] is None and listed[0]["level_pending"] is True
    shown = forecast(capsys, "--db", migrated_url, "show", "1")
    assert "level pending" in shown.out and "support(60d,pivot3)" in shown.out
    table = forecast(capsys, "--db", migrated_url, "list")
    assert "support pending" in table.out

    resolved = forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{prices}",
        "--as-of", "2026-03-31", "--json",
    )  # fmt: skip
    assert resolved.code == 0, resolved.err
    claim = forecast(capsys, "--db", migrated_url, "show", "1", "--json").json()
    assert claim["level"] == SUPPORT
    assert claim["level_basis"] == ["2025-11-12"]
    assert "2025-11-12" in claim["level_note"]
    # Judged against the fixed level: the dip to 70,000 on 2026-01-15 breaks it.
    assert claim["status"] == "false" and claim["evidence_date"] == "2026-01-15"


def test_fixed_level_never_changes_afterwards(capsys, migrated_url: str, tmp_path: Path) -> None:
    directory = tmp_path / "p"
    write_csv(directory, "BTC-USD", btc_bars("2025-12-31"))
    forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support by 2026-03-31", "-s", "A",
        "--made-on", MADE_ON, "--prices", f"csv:{directory}",
    )  # fmt: skip
    first = forecast(capsys, "--db", migrated_url, "show", "1", "--json").json()
    assert first["level"] == SUPPORT
    # The data is "corrected" afterwards: a recheck fetches again, the level stays.
    changed = flat_bars("2025-06-01", "2025-12-31", 50000.0, weekdays_only=False)
    write_csv(directory, "BTC-USD", changed)
    forecast(
        capsys, "--db", migrated_url, "resolve", "--recheck", "--prices", f"csv:{directory}",
        "--as-of", "2025-12-31",
    )  # fmt: skip
    assert forecast(capsys, "--db", migrated_url, "show", "1", "--json").json()["level"] == SUPPORT


def test_a_level_stays_pending_while_the_data_does_not_reach_made_on(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    directory = tmp_path / "short"
    write_csv(
        directory, "BTC-USD", flat_bars("2025-06-01", "2025-10-01", 90000.0, weekdays_only=False)
    )
    forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "A", "--made-on", MADE_ON,
        "--prices", "none",
    )  # fmt: skip
    forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{directory}",
        "--as-of", "2026-03-31",
    )  # fmt: skip
    claim = forecast(capsys, "--db", migrated_url, "show", "1", "--json").json()
    assert claim["status"] == "open" and claim["level"] is None
    assert claim["open_detail"].startswith("level pending: no bar within 7 days")
    # No market baseline for a level nobody knows yet.
    assert claim["market_prob"] is None and claim["market_note"] is None


def test_level_and_deadline_options(capsys, migrated_url: str, prices: Path) -> None:
    stated = forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "A", "--made-on", MADE_ON,
        "--level", "80000", "--deadline", "2026-01-31", "--json",
    )  # fmt: skip
    assert stated.code == 0, stated.err
    data = stated.json()
    assert data["level"] == 80000 and data["level_rule"] is None
    assert data["normalized"] == "BTC-USD hold_above 80000 by 2026-01-31"
    both = forecast(
        capsys, "--db", migrated_url, "parse", "BTC holds support by March", "--made-on", MADE_ON,
        "--deadline", "2026-01-31",
    )  # fmt: skip
    assert both.code == 2 and "give one" in both.err and len(both.err.strip().splitlines()) == 1
    twice = forecast(
        capsys, "--db", migrated_url, "parse", "gold $5055 by end-2026", "--level", "5000",
    )  # fmt: skip
    assert twice.code == 2 and "states its level already" in twice.err


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        pytest.param("BTC holds its moving average", "needs its length", id="ma-no-length"),
        pytest.param("holds the critical support level", "names no asset", id="no-asset"),
        pytest.param("gold revisits its 2027 high", "had not begun", id="future-period"),
    ],
)
def test_bad_computed_level_claims_are_one_line_usage_errors(
    capsys, migrated_url: str, text: str, needle: str
) -> None:
    result = forecast(
        capsys, "--db", migrated_url, "add", text, "-s", "A", "--made-on", MADE_ON,
        "--prices", "none",
    )  # fmt: skip
    assert result.code == 2
    assert needle in result.err
    # A claim without an asset gets advice, never an asset the user did not write.
    assert ("try '" in result.err) == (needle != "names no asset")
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err


def test_the_price_source_answers_at_add_time(
    capsys, migrated_url: str, fake_yahoo, monkeypatch
) -> None:
    fake_yahoo.set("BTC-USD", btc_bars("2025-11-25"))
    fake_yahoo.set(
        "GC=F", flat_bars("2000-08-30", "2025-11-25", 4000.0, highs={"2025-10-17": 4400.0})
    )
    result = forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "A", "--made-on", MADE_ON,
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["level"] == SUPPORT
    record = forecast(
        capsys, "--db", migrated_url, "add", "gold makes a new all-time high by June", "-s", "A",
        "--made-on", MADE_ON, "--json",
    )  # fmt: skip
    assert record.code == 0, record.err
    assert record.json()["level"] == 4400.0 and record.json()["level_basis"] == ["2025-10-17"]


def test_the_price_source_down_leaves_the_level_pending(
    capsys, migrated_url: str, fake_yahoo
) -> None:
    fake_yahoo.rate_limit(everything=True)
    result = forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "A", "--made-on", MADE_ON,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "level pending" in result.err
    listed = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert listed[0]["level_pending"] is True


def _claims_by_text(capsys, db: str) -> dict[str, dict]:
    keep = ("kind", "level", "level_rule", "level_params", "level_basis", "level_note", "deadline")
    return {
        c["text"]: {k: c[k] for k in keep}
        for c in forecast(capsys, "--db", db, "list", "--json").json()
    }


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_then_import_into_an_empty_ledger_round_trips(
    capsys, migrated_url: str, prices: Path, tmp_path: Path, fmt: str
) -> None:
    for text, prices_spec in (
        ("BTC holds support", f"csv:{prices}"),
        ("gold makes a new all-time high by June", f"csv:{prices}"),
        ("BTC revisits its 2025 high", "none"),  # stays pending
    ):
        added = forecast(
            capsys, "--db", migrated_url, "add", text, "-s", "Columnist", "--made-on", MADE_ON,
            "--prices", prices_spec,
        )  # fmt: skip
        assert added.code == 0, added.err
    before = _claims_by_text(capsys, migrated_url)
    assert before["BTC holds support"]["level"] == SUPPORT
    assert before["gold makes a new all-time high by June"]["level"] == 4400.0
    assert before["BTC revisits its 2025 high"]["level"] is None

    exported = forecast(capsys, "--db", migrated_url, "export", "--format", "yaml")
    assert exported.code == 0
    path = tmp_path / "ledger.yaml"
    path.write_text(exported.out, encoding="utf-8")
    other = str(tmp_path / "other.sqlite3")
    imported = forecast(capsys, "--db", other, "import", str(path))
    assert imported.code == 0, imported.err
    assert _claims_by_text(capsys, other) == before
    if fmt == "json":
        data = json.loads(forecast(capsys, "--db", other, "export", "--format", "json").out)
        by_text = {c["text"]: c for c in data["claims"]}
        assert by_text["BTC holds support"]["level_basis"] == ["2025-11-12"]
        assert by_text["BTC holds support"]["level_params"] == {"lookback": 60, "pivot": 3}
    # The pending one is fixed in the new ledger by its first resolve run.
    forecast(capsys, "--db", other, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-03-31")
    fixed = _claims_by_text(capsys, other)["BTC revisits its 2025 high"]
    assert fixed["level"] == 90000.0


def test_csv_export_has_the_rule_columns(capsys, migrated_url: str, prices: Path) -> None:
    forecast(
        capsys, "--db", migrated_url, "add", "BTC holds support", "-s", "A", "--made-on", MADE_ON,
        "--prices", f"csv:{prices}",
    )  # fmt: skip
    out = forecast(capsys, "--db", migrated_url, "export", "--format", "csv").out
    rows = list(__import__("csv").DictReader(out.splitlines()))
    assert rows[0]["level_rule"] == "support(60d,pivot3)"
    assert rows[0]["level_basis"] == "2025-11-12"
    assert rows[0]["level"] == "86000.0"


def test_yaml_import_reads_the_new_claim_texts(capsys, migrated_url: str, tmp_path: Path) -> None:
    path = tmp_path / "calls.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "predictions": [
                    {"source": "A", "made_on": MADE_ON, "claim": "BTC holds support"},
                    {"source": "A", "made_on": MADE_ON, "claim": "SPX holds its 200-day average"},
                    {
                        "source": "B",
                        "made_on": MADE_ON,
                        "symbol": "BTC-USD",
                        "kind": "hold_above",
                        "level": "support(60d,pivot3)",
                        "deadline": "2026-02-18",
                        "level_value": "86000",
                        "level_basis": ["2025-12-01"],
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    result = forecast(capsys, "--db", migrated_url, "import", str(path))
    assert result.code == 2
    assert "line" in result.err and "after made_on" in result.err
