"""Relative claims end to end: outperformance and ratios through the real CLI.

Prices come from CSV files (gold and silver on weekdays, bitcoin every day)
and, in one test, from the fake of Yahoo's HTTP layer with the real yfinance.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cli_runner import forecast

OUTPERFORM = "gold outperforms bitcoin from 2025-11-20 through 2026-06-30"
RATIO = "the gold/silver ratio falls to 60 by 2026-06-30"


def walk(first: str, last: str, start: float, seed: int, weekdays: bool) -> pd.DataFrame:
    days = pd.date_range(first, last, freq="B" if weekdays else "D", name="date")
    rng = np.random.default_rng(seed)
    close = start * (1 + rng.normal(0, 0.01, len(days))).cumprod()
    return pd.DataFrame(
        {"open": close, "high": close * 1.01, "low": close * 0.99, "close": close, "volume": 1.0},
        index=days,
    )


def frames() -> dict[str, pd.DataFrame]:
    gold = walk("2024-06-03", "2026-07-10", 4000.0, 1, True)
    # Silver follows gold at a ratio near 80 (never below 70), except on one day.
    silver = gold.copy()
    wobble = 1 + np.random.default_rng(3).uniform(-0.1, 0.1, len(gold))
    for column in ("open", "high", "low", "close"):
        silver[column] = gold["close"] / 80.0 * wobble
    btc = walk("2024-06-01", "2026-07-10", 90000.0, 2, False)
    # Gold ends June 40% up on its call-day close; bitcoin ends flat: gold wins by 40 points.
    made_on = pd.Timestamp("2025-11-20")
    gold.loc[pd.Timestamp("2026-06-30"), ["open", "high", "low", "close"]] = (
        gold.loc[made_on, "close"] * 1.4
    )
    btc.loc[pd.Timestamp("2026-06-30"), ["open", "high", "low", "close"]] = btc.loc[
        made_on, "close"
    ]
    # The ratio closes at 59 on 2026-03-02, a Monday: gold/silver = 59.
    ratio_day = pd.Timestamp("2026-03-02")
    silver.loc[pd.Timestamp("2026-06-30")] = silver.loc[pd.Timestamp("2026-06-29")]
    silver.loc[ratio_day, ["open", "high", "low", "close"]] = gold.loc[ratio_day, "close"] / 59.0
    return {"GC=F": gold, "SI=F": silver, "BTC-USD": btc}


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    directory.mkdir()
    for symbol, frame in frames().items():
        out = frame.copy()
        out.index = out.index.strftime("%Y-%m-%d")
        out.to_csv(directory / f"{symbol}.csv", index_label="date")
    return directory


@pytest.fixture
def ledger(capsys, migrated_url: str) -> str:
    for text in (OUTPERFORM, RATIO):
        result = forecast(
            capsys, "--db", migrated_url, "add", text, "-s", "JPMorgan", "--made-on", "2025-11-20"
        )
        assert result.code == 0, result.err
    return migrated_url


def resolve(capsys, ledger: str, prices: Path, as_of: str = "2026-07-10"):
    return forecast(
        capsys, "--db", ledger, "resolve", "--prices", f"csv:{prices}", "--as-of", as_of, "--json"
    )


def test_outperformance_and_ratio_record_resolve_and_show(capsys, ledger: str, prices: Path):
    result = resolve(capsys, ledger, prices)
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["resolved_true"] == 2, summary
    claims = {c["text"]: c for c in forecast(capsys, "--db", ledger, "list", "--json").json()}
    outperform = claims[OUTPERFORM]
    assert outperform["kind"] == "outperform"
    assert outperform["versus_symbol"] == "BTC-USD"
    assert outperform["status"] == "true"
    assert outperform["normalized"] == "GC=F outperforms BTC-USD by 2026-06-30"
    gold, btc = outperform["legs"]
    assert gold["symbol"] == "GC=F" and btc["symbol"] == "BTC-USD"
    assert gold["start_date"] == btc["start_date"] == "2025-11-20"
    assert gold["end_date"] == btc["end_date"] == "2026-06-30"
    assert gold["return_pct"] == pytest.approx(40.0)
    assert btc["return_pct"] == pytest.approx(0.0, abs=1e-9)
    assert outperform["evidence_price"] == pytest.approx(40.0)
    assert outperform["reference_price"] == pytest.approx(gold["start_price"])
    assert outperform["versus_reference_price"] == pytest.approx(btc["start_price"])
    assert 0.0 < outperform["market_prob"] < 1.0

    ratio = claims[RATIO]
    assert ratio["symbol"] == "GC=F/SI=F" and ratio["status"] == "true"
    assert ratio["evidence_date"] == "2026-03-02"
    assert ratio["evidence_price"] == pytest.approx(59.0)
    assert ratio["evidence_field"] == "close"
    assert [leg["symbol"] for leg in ratio["legs"]] == ["GC=F", "SI=F"]
    assert 0.0 < ratio["market_prob"] < 1.0

    shown = forecast(capsys, "--db", ledger, "show", str(outperform["id"]))
    assert shown.code == 0, shown.err
    assert "GC=F" in shown.out and "BTC-USD" in shown.out and "+40" in shown.out
    shown = forecast(capsys, "--db", ledger, "show", str(ratio["id"]))
    assert "judged on daily closes" in shown.out
    detail = forecast(capsys, "--db", ledger, "show", str(ratio["id"]), "--json").json()
    assert detail["resolutions"][-1]["legs"][0]["symbol"] == "GC=F"


def test_open_while_a_leg_lacks_data(capsys, ledger: str, prices: Path):
    (prices / "BTC-USD.csv").unlink()
    result = resolve(capsys, ledger, prices)
    assert result.code == 1  # bitcoin failed: its claims stay open, never FALSE
    summary = result.json()
    assert summary["resolved_false"] == 0
    claims = {c["text"]: c for c in forecast(capsys, "--db", ledger, "list", "--json").json()}
    assert claims[OUTPERFORM]["status"] == "open"
    assert claims[OUTPERFORM]["open_reason"] in ("unknown_symbol", "source_error")
    assert claims[RATIO]["status"] == "true"  # the ratio needs gold and silver only


def test_export_import_round_trip(capsys, ledger: str, prices: Path, tmp_path: Path):
    assert resolve(capsys, ledger, prices).code == 0
    exported = forecast(capsys, "--db", ledger, "export", "--format", "yaml")
    assert exported.code == 0, exported.err
    path = tmp_path / "ledger.yaml"
    path.write_text(exported.out)
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    imported = forecast(capsys, "--db", fresh, "import", str(path))
    assert imported.code == 0, imported.err
    before = {
        c["fingerprint"]: c for c in forecast(capsys, "--db", ledger, "list", "--json").json()
    }
    after = {c["fingerprint"]: c for c in forecast(capsys, "--db", fresh, "list", "--json").json()}
    assert before.keys() == after.keys()
    for fingerprint, claim in after.items():
        old = before[fingerprint]
        for key in ("symbol", "kind", "versus_symbol", "margin", "window_start", "deadline"):
            assert claim[key] == old[key], key
        assert claim["status"] == "open"
    again = forecast(
        capsys,
        "--db",
        fresh,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2026-07-10",
        "--json",
    )
    assert again.json()["resolved_true"] == 2
    history = forecast(capsys, "--db", fresh, "show", "1", "--json").json()["resolutions"]
    assert any(r["method"] == "imported" and r["legs"] for r in history)


def test_structured_import_fields(capsys, migrated_url: str, tmp_path: Path):
    path = tmp_path / "in.yaml"
    path.write_text(
        "predictions:\n"
        "  - source: Bank\n"
        "    made_on: 2025-11-20\n"
        "    symbol: ETH-USD\n"
        "    kind: outperform\n"
        "    versus: BTC-USD\n"
        "    margin: 10\n"
        "    deadline: 2026-05-20\n"
        "  - source: Bank\n"
        "    made_on: 2025-11-20\n"
        "    symbol: GC=F/SI=F\n"
        "    kind: touch_below\n"
        "    level: 80\n"
        "    deadline: end-2026\n"
    )
    result = forecast(capsys, "--db", migrated_url, "import", str(path))
    assert result.code == 0, result.err
    claims = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert [c["normalized"] for c in claims] == [
        "ETH-USD outperforms BTC-USD by 10 points by 2026-05-20",
        "GC=F/SI=F touch_below 80 by 2026-12-31",
    ]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("gold vs bitcoin by end-2026", "takes no side"),
        ("gold outperforms by end-2026", "an asset on each side"),
        ("gold outperforms bitcoin", "no deadline"),
        ("gold outperforms bitcoin by -5 points by end-2026", "negative"),
        ("gold outperforms bitcoin by 5000 by end-2026", "margin"),
        ("gold/gold ratio falls to 80 by end-2026", "by itself"),
    ],
)
def test_malformed_relative_claims_are_one_line_usage_errors(capsys, migrated_url, text, needle):
    result = forecast(
        capsys, "--db", migrated_url, "add", text, "-s", "me", "--made-on", "2025-11-20"
    )
    assert result.code == 2
    assert needle in result.err
    assert len(result.err.strip().splitlines()) == 1
    # A ratio of an asset to itself cannot be repaired without changing the claim.
    assert ("try '" in result.err) == (needle != "by itself")


def test_score_by_asset_counts_pairs_and_ratios(capsys, ledger: str, prices: Path):
    assert resolve(capsys, ledger, prices).code == 0
    result = forecast(capsys, "--db", ledger, "score", "--by", "asset", "--json")
    assert result.code == 0, result.err
    groups = {row["group"] for row in result.json()}
    assert {"GC=F vs BTC-USD", "GC=F/SI=F"} <= groups


def test_with_the_yahoo_fake(capsys, ledger: str, fake_yahoo):
    for symbol, frame in frames().items():
        fake_yahoo.set(symbol, frame)
    result = forecast(capsys, "--db", ledger, "resolve", "--as-of", "2026-07-10", "--json")
    assert result.code == 0, result.err
    assert result.json()["resolved_true"] == 2
    # The compound symbol is never asked for: only its legs.
    assert not fake_yahoo.chart_requests("GC=F/SI=F")


def test_baseline_command_computes_two_asset_probabilities(capsys, ledger: str, prices: Path):
    result = forecast(capsys, "--db", ledger, "baseline", "--prices", f"csv:{prices}", "--json")
    assert result.code == 0, result.err
    assert result.json()["computed"] == 2
    claims = forecast(capsys, "--db", ledger, "list", "--json").json()
    for claim in claims:
        assert 0.0 < claim["market_prob"] < 1.0
        assert claim["market_sigma"] > 0
    shown = forecast(capsys, "--db", ledger, "show", str(claims[0]["id"]))
    assert "correlation" in shown.out


def test_a_future_period_waits_for_its_reference_closes(capsys, migrated_url: str, prices: Path):
    text = "gold outperforms bitcoin in 2026"
    made = forecast(
        capsys, "--db", migrated_url, "add", text, "-s", "Bank", "--made-on", "2025-11-20"
    )
    assert made.code == 0, made.err
    # On 2025-12-29 the last close of 2025 is not known yet: nothing is stored.
    early = resolve(capsys, migrated_url, prices, as_of="2025-12-29")
    assert early.code == 0, early.err
    [claim] = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    assert claim["reference_price"] is None and claim["versus_reference_price"] is None
    assert claim["open_reason"] == "waiting_for_deadline"
    later = resolve(capsys, migrated_url, prices, as_of="2026-01-05")
    assert later.code == 0, later.err
    [claim] = forecast(capsys, "--db", migrated_url, "list", "--json").json()
    gold = pd.read_csv(prices / "GC=F.csv", index_col="date")
    btc = pd.read_csv(prices / "BTC-USD.csv", index_col="date")
    assert claim["reference_price"] == pytest.approx(gold.loc["2025-12-31", "close"])
    assert claim["versus_reference_price"] == pytest.approx(btc.loc["2025-12-31", "close"])


def test_list_by_pair_key(capsys, ledger: str):
    pair = forecast(capsys, "--db", ledger, "list", "--asset", "GC=F vs BTC-USD", "--json")
    assert [c["text"] for c in pair.json()] == [OUTPERFORM]
    pair = forecast(capsys, "--db", ledger, "list", "--asset", "gold vs bitcoin", "--json")
    assert [c["text"] for c in pair.json()] == [OUTPERFORM]
    ratio = forecast(capsys, "--db", ledger, "list", "--asset", "gold/silver", "--json")
    assert [c["text"] for c in ratio.json()] == [RATIO]
