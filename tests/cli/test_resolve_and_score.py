"""forecast resolve / runs / score / calibration / baseline through the real CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from cli_runner import forecast

SCORE_KEYS = {
    "group",
    "claims",
    "open",
    "resolved",
    "scored",
    "true",
    "false",
    "void",
    "hit_rate",
    "hit_rate_ci",
    "market_prob_mean",
    "edge",
    "edge_p_value",
    "brier",
    "log_score",
    "brier_skill_vs_market",
    "log_gain_bits",
    "shrunk_hit_rate",
}
BIN_KEYS = {"low", "high", "n", "mean_prob", "freq", "freq_ci"}


def random_walk(
    first: str, last: str, start: float, seed: int, weekdays: bool = True
) -> pd.DataFrame:
    days = pd.date_range(first, last, freq="B" if weekdays else "D", name="date")
    rng = __import__("numpy").random.default_rng(seed)
    close = start * (1 + rng.normal(0, 0.01, len(days))).cumprod()
    return pd.DataFrame(
        {"open": close, "high": close * 1.005, "low": close * 0.995, "close": close, "volume": 1.0},
        index=days,
    )


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    directory.mkdir()
    for symbol, start, seed, weekdays in (
        ("GC=F", 4000.0, 1, True),
        ("BTC-USD", 90000.0, 2, False),
        ("SI=F", 50.0, 3, True),
    ):
        frame = random_walk("2024-06-01", "2026-07-10", start, seed, weekdays)
        frame.index = frame.index.strftime("%Y-%m-%d")
        frame.to_csv(directory / f"{symbol}.csv", index_label="date")
    return directory


@pytest.fixture
def ledger(capsys, migrated_url: str) -> str:
    claims = [
        ("gold $3000 by 2026-06-30", "Bank A", "0.9"),
        ("gold $9000 by 2026-06-30", "Bank A", "0.1"),
        ("BTC hits 150k by 2026-06-30", "self", "0.2"),
        ("BTC falls to 10k by 2026-06-30", "self", "0.05"),
        ("silver hits $1000 by 2026-06-30", "Pundit", "0.7"),
        ("silver $600 by 2027-12-31", "Pundit", "0.5"),
    ]
    for text, source, prob in claims:
        result = forecast(
            capsys,
            "--db",
            migrated_url,
            "add",
            text,
            "-s",
            source,
            "--prob",
            prob,
            "--made-on",
            "2025-11-20",
        )
        assert result.code == 0, result.err
    return migrated_url


def test_resolve_json_summary_and_runs(capsys, ledger: str, prices: Path) -> None:
    result = forecast(
        capsys,
        "--db",
        ledger,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2026-07-10",
        "--json",
    )
    assert result.code == 0, result.err
    summary = result.json()
    assert summary["claims_checked"] == 6
    assert summary["resolved_true"] + summary["resolved_false"] == 5
    assert summary["still_open"] == 1
    assert summary["open_reasons"] == {"waiting_for_deadline": 1}
    runs = forecast(capsys, "--db", ledger, "runs", "--json").json()
    assert runs[0]["id"] == summary["run_id"] and runs[0]["state"] == "ok"
    listed = {c["text"]: c for c in forecast(capsys, "--db", ledger, "list", "--json").json()}
    silly = listed["silver hits $1000 by 2026-06-30"]
    assert silly["status"] == "false" and silly["evidence_date"] is not None
    assert listed["gold $9000 by 2026-06-30"]["market_prob"] < 0.01


def test_resolve_exit_code_1_when_a_symbol_fails(capsys, ledger: str, tmp_path: Path) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    result = forecast(
        capsys, "--db", ledger, "resolve", "--prices", f"csv:{empty}", "--as-of", "2026-07-10"
    )
    assert result.code == 1
    assert "failed: GC=F" in result.out
    assert all(
        c["status"] == "open" for c in forecast(capsys, "--db", ledger, "list", "--json").json()
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(
            ("resolve", "--prices", "ftp:x"), "unknown price source", id="bad-price-source"
        ),
        pytest.param(
            ("resolve", "--as-of", "2999-01-01", "--prices", "csv:."),
            "future",
            id="as-of-in-the-future",
        ),
        pytest.param(
            ("resolve", "1", "--outcome", "maybe", "--note", "x"),
            "--outcome",
            id="bad-manual-outcome",
        ),
        pytest.param(("resolve", "1", "--outcome", "true"), "--note", id="manual-without-note"),
        pytest.param(
            ("resolve", "--outcome", "true"), "resolve one claim", id="outcome-without-id"
        ),
        pytest.param(("score", "--by", "colour"), "--by", id="bad-grouping"),
    ],
)
def test_resolve_and_score_usage_errors(capsys, ledger: str, args, needle: str) -> None:
    result = forecast(capsys, "--db", ledger, *args)
    assert result.code == 2, result.err
    assert needle in result.err and result.err.count("\n") == 1


def test_manual_resolution_keeps_history(capsys, ledger: str) -> None:
    result = forecast(
        capsys,
        "--db",
        ledger,
        "resolve",
        "6",
        "--outcome",
        "void",
        "--note",
        "the source withdrew the call",
        "--json",
    )
    assert result.code == 0, result.err
    # Settling a claim by hand before its deadline (2027-12-31) is an override: --force.
    again = forecast(
        capsys,
        "--db",
        ledger,
        "resolve",
        "6",
        "--outcome",
        "true",
        "--note",
        "the source insists",
        "--force",
        "--json",
    ).json()
    assert again["status"] == "true"
    assert [(r["outcome"], r["is_current"], r["method"]) for r in again["resolutions"]] == [
        ("void", False, "manual"),
        ("true", True, "manual"),
    ]


def test_score_json_has_the_documented_keys_and_no_nan(capsys, ledger: str, prices: Path) -> None:
    forecast(
        capsys, "--db", ledger, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"
    )
    result = forecast(capsys, "--db", ledger, "score", "--json")
    assert result.code == 0, result.err
    assert "NaN" not in result.out
    rows = result.json()
    assert {r["group"] for r in rows} == {"Bank A", "self", "Pundit"}
    for row in rows:
        assert set(row) >= SCORE_KEYS
        # Deadlines (2026-06-30) have passed by the test's today, so decided claims are scored.
        assert row["scored"] <= row["resolved"]
    pundit = next(r for r in rows if r["group"] == "Pundit")
    assert (pundit["claims"], pundit["open"], pundit["resolved"]) == (2, 1, 1)
    by_asset = {
        r["group"]
        for r in forecast(capsys, "--db", ledger, "score", "--by", "asset", "--json").json()
    }
    assert by_asset == {"GC=F", "BTC-USD", "SI=F"}
    by_year = forecast(capsys, "--db", ledger, "score", "--by", "year", "--json").json()
    assert [(r["group"], r["claims"]) for r in by_year] == [("2025", 6)]
    by_tag = forecast(capsys, "--db", ledger, "score", "--by", "tag", "--json").json()
    assert [(r["group"], r["claims"]) for r in by_tag] == [("(untagged)", 6)]
    hidden = forecast(capsys, "--db", ledger, "score", "--min-n", "2", "--json").json()
    assert {r["group"] for r in hidden} == {"Bank A", "self"}
    assert forecast(capsys, "--db", ledger, "score").code == 0


def test_calibration_json(capsys, ledger: str, prices: Path) -> None:
    forecast(
        capsys, "--db", ledger, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"
    )
    report = forecast(capsys, "--db", ledger, "calibration", "--bins", "5", "--json").json()
    assert report["scored"] == 5
    for key in (
        "reliability",
        "resolution",
        "uncertainty",
        "brier",
        "spiegelhalter_z",
        "spiegelhalter_p",
    ):
        assert key in report
    assert report["brier"] == pytest.approx(
        report["reliability"] - report["resolution"] + report["uncertainty"]
    )
    assert sum(b["n"] for b in report["bins"]) == 5
    for b in report["bins"]:
        assert set(b) >= BIN_KEYS
    only = forecast(capsys, "--db", ledger, "calibration", "--source", "self", "--json").json()
    assert only["scored"] == 2


def test_scores_wait_for_the_deadline_unless_asked(capsys, migrated_url: str, prices: Path) -> None:
    today = date.today().isoformat()
    forecast(
        capsys,
        "--db",
        migrated_url,
        "add",
        "gold $100 by 2099-12-31",
        "-s",
        "Early",
        "--made-on",
        "2025-11-20",
        "--prob",
        "0.9",
    )
    forecast(
        capsys,
        "--db",
        migrated_url,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2026-07-10",
    )
    (row,) = forecast(capsys, "--db", migrated_url, "score", "--json").json()
    assert (row["resolved"], row["scored"], row["hit_rate"]) == (1, 0, None)
    (early,) = forecast(capsys, "--db", migrated_url, "score", "--include-early", "--json").json()
    assert (early["scored"], early["hit_rate"]) == (1, 1.0)
    assert today  # the claim's deadline lies in the future whatever today is
    table = forecast(capsys, "--db", migrated_url, "score")
    assert (
        "nothing scored yet: 1 decided claim waits for its deadline (--include-early scores"
        " them now, biased toward yes)"
    ) in table.err
    assert (
        "nothing scored yet"
        not in forecast(capsys, "--db", migrated_url, "score", "--include-early").err
    )


def test_an_empty_scoreboard_says_why_and_how_to_fill_it(capsys, migrated_url: str) -> None:
    forecast(
        capsys,
        "--db",
        migrated_url,
        "add",
        "gold $9000 by 2099-12-31",
        "-s",
        "A",
        "--made-on",
        "2025-11-20",
    )
    result = forecast(capsys, "--db", migrated_url, "score")
    assert result.code == 0
    assert (
        "nothing scored yet: 1 claim open; 'forecast resolve' settles open claims against prices"
        " ('forecast resolve --prices csv:DIR' works offline)"
    ) in result.err


def test_baseline_command_and_show(capsys, ledger: str, prices: Path) -> None:
    result = forecast(capsys, "--db", ledger, "baseline", "--prices", f"csv:{prices}", "--json")
    assert result.code == 0, result.err
    assert result.json()["computed"] == 6
    shown = forecast(capsys, "--db", ledger, "show", "1")
    assert "market prob" in shown.out and "volatility" in shown.out
    detail = forecast(capsys, "--db", ledger, "show", "1", "--json").json()
    assert 0.0 <= detail["market_prob"] <= 1.0 and detail["market_sigma"] > 0
    again = forecast(capsys, "--db", ledger, "baseline", "--prices", f"csv:{prices}", "--json")
    assert again.json()["claims"] == 0
    recomputed = forecast(
        capsys, "--db", ledger, "baseline", "--recompute", "--prices", f"csv:{prices}", "--json"
    )
    assert recomputed.json()["computed"] == 6


def test_a_closest_approach_is_labelled_closest_not_evidence(
    capsys, migrated_url: str, prices: Path
) -> None:
    db = ("--db", migrated_url)
    for text in ("gold $100000 by 2026-06-30", "gold $1 by 2026-06-30"):
        forecast(capsys, *db, "add", text, "-s", "A", "--made-on", "2025-11-20")
    forecast(
        capsys, *db, "add", "gold holds 10 until 2026-06-30", "-s", "A", "--made-on", "2025-11-20"
    )
    forecast(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")

    listed = {line.split()[0]: line for line in forecast(capsys, *db, "list").out.splitlines()}
    assert "false" in listed["1"] and "closest 20" in listed["1"]  # never reached: closest
    assert "closest" in listed["3"]  # a hold never broken: its lowest low is the closest
    touched = forecast(capsys, *db, "show", "2").out
    assert "true [auto] high" in touched and "closest high" not in touched
    missed = forecast(capsys, *db, "show", "1").out
    assert "closest high" in missed.split("history")[-1]


def test_late_claims_are_explained_counted_and_can_be_left_out(
    capsys, migrated_url: str, prices: Path
) -> None:
    db = ("--db", migrated_url)
    forecast(capsys, *db, "add", "gold $1 by 2026-06-30", "-s", "A", "--made-on", "2025-11-20")
    listed = forecast(capsys, *db, "list")
    assert "(late)" in listed.out
    assert "(late) = logged after a day of its window had passed" in listed.err
    forecast(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")

    (row,) = forecast(capsys, *db, "score", "--json").json()
    (kept,) = forecast(capsys, *db, "score", "--exclude-late", "--json").json()
    assert (row["scored"], row["logged_late"]) == (1, 1)
    assert (kept["scored"], kept["logged_late"]) == (0, 1)
    table = forecast(capsys, *db, "score")
    assert "late" in table.out.splitlines()[0] and "see --exclude-late" in table.err
    calibration = forecast(capsys, *db, "calibration", "--exclude-late", "--json").json()
    assert calibration["scored"] == 0


def test_score_says_when_sources_cannot_be_told_apart(
    capsys, migrated_url: str, prices: Path
) -> None:
    db = ("--db", migrated_url)
    forecast(capsys, *db, "add", "gold $1 by 2026-06-30", "-s", "A", "--made-on", "2025-11-20")
    forecast(capsys, *db, "add", "gold $99999 by 2026-06-30", "-s", "B", "--made-on", "2025-11-20")
    forecast(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    result = forecast(capsys, *db, "score")
    assert "these cannot be told apart yet, so the order is not a verdict" in result.err
