"""Bands and vague calls through the real CLI: add, parse, list, show, resolve, score,
export and import, on SQLite and PostgreSQL, with CSV prices (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

from ledger.claims.parser import parse_claim

MADE_ON = "2025-12-01"


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    # Gold sits at 4200, with one day whose high reaches 4600 and one whose
    # high is exactly 4450 (on a ceiling, which is not leaving the band).
    gold = flat_bars(
        "2024-11-01",
        "2026-07-10",
        4200.0,
        highs={"2026-02-10": 4600.0, "2026-01-15": 4450.0},
    )
    write_csv(directory, "GC=F", gold)
    write_csv(directory, "SI=F", flat_bars("2024-11-01", "2026-07-10", 50.0))
    return directory


def run(capsys, db: str, *args: str):
    return forecast(capsys, "--db", db, *args)


def add(capsys, db: str, text: str, source: str, *extra: str):
    result = run(capsys, db, "add", text, "-s", source, "--made-on", MADE_ON, *extra)
    assert result.code == 0, result.err
    return result


@pytest.fixture
def ledger(capsys, migrated_url: str) -> str:
    add(capsys, migrated_url, "gold closes between 4000 and 4500 on 2026-03-31", "Bank")
    add(capsys, migrated_url, "gold stays between 4000 and 4500 until 2026-03-31", "Bank")
    add(capsys, migrated_url, "gold trades in a $4,100-4,450 range through January 2026", "Bank")
    add(capsys, migrated_url, "the silver squeeze is not over", "Pundit", "--vague")
    add(capsys, migrated_url, "silver hits $80 by 2026-03-31", "Pundit")
    return migrated_url


def test_add_prints_the_band_and_the_reversed_band_assumption(capsys, migrated_url: str) -> None:
    result = add(capsys, migrated_url, "gold between 4600 and 4300 on 2026-03-31", "Bank")
    assert "GC=F close_between 4300 and 4600 by 2026-03-31" in result.out
    assert "'between 4600 and 4300' read as between 4300 and 4600" in result.out
    assert "read as the close at the deadline (close_between)" in result.out


def test_list_and_show_mark_bands_and_vague_calls(capsys, ledger: str) -> None:
    rows = run(capsys, ledger, "list", "--json").json()
    assert [(r["kind"], r["level"], r["upper"], r["vague"]) for r in rows] == [
        ("close_between", 4000.0, 4500.0, False),
        ("hold_between", 4000.0, 4500.0, False),
        ("hold_between", 4100.0, 4450.0, False),
        ("vague", None, None, True),
        ("touch_above", 80.0, None, False),
    ]
    vague = rows[3]
    assert (vague["status"], vague["symbol"], vague["deadline"]) == ("vague", "SI=F", None)
    assert vague["normalized"] == "SI=F vague: the silver squeeze is not over"
    table = run(capsys, ledger, "list").out
    assert "4000-4500" in table and "vague" in table
    assert [r["id"] for r in run(capsys, ledger, "list", "--status", "vague", "--json").json()] == [
        4
    ]
    due = run(capsys, ledger, "list", "--due-before", "2030-01-01", "--json").json()
    assert [r["id"] for r in due] == [1, 2, 3, 5]  # a vague call is never due
    shown = run(capsys, ledger, "show", "4").out
    assert "too vague for any price to settle" in shown and "status  vague" in shown


def test_resolve_judges_bands_and_never_touches_vague_calls(
    capsys, ledger: str, prices: Path
) -> None:
    result = run(
        capsys, ledger, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-06-30", "--json"
    )
    assert result.code == 0, result.err
    assert result.json()["claims_checked"] == 4  # the vague call is not the resolver's work
    statuses = {r["id"]: r["status"] for r in run(capsys, ledger, "list", "--json").json()}
    assert statuses == {1: "true", 2: "false", 3: "true", 4: "vague", 5: "false"}
    broken = run(capsys, ledger, "show", "2").out
    assert "high 4600 on 2026-02-10" in broken
    assert "left the band above its ceiling 4500" in broken
    close = run(capsys, ledger, "show", "1", "--json").json()
    assert close["evidence_field"] == "close" and close["evidence_price"] == 4200.0
    # A high exactly on the ceiling (4450 on 2026-01-15) is inside the band.
    held = run(capsys, ledger, "show", "3", "--json").json()
    current = next(r for r in held["resolutions"] if r["is_current"])
    assert (current["closest_date"], current["closest_price"]) == ("2026-01-15", 4450.0)

    scores = {row["group"]: row for row in run(capsys, ledger, "score", "--json").json()}
    assert (scores["Pundit"]["vague"], scores["Pundit"]["vagueness_rate"]) == (1, 0.5)
    assert (scores["Bank"]["vague"], scores["Bank"]["vagueness_rate"]) == (0, 0.0)
    assert scores["Pundit"]["scored"] == 1 and scores["Bank"]["scored"] == 3
    table = run(capsys, ledger, "score").out
    assert "1 (50%)" in table

    baseline = run(capsys, ledger, "baseline", "--prices", f"csv:{prices}", "--json")
    assert baseline.code == 0, baseline.err
    assert run(capsys, ledger, "show", "4", "--json").json()["market_prob"] is None
    # Flat closes have no volatility: the spot (4200, inside the band) decides.
    assert run(capsys, ledger, "show", "1", "--json").json()["market_prob"] == 1.0


def test_a_vague_call_is_voided_but_never_given_a_verdict(capsys, ledger: str) -> None:
    # The proof log knows a vague call is recorded vague, not open.
    assert run(capsys, ledger, "verify").code == 0
    refused = run(capsys, ledger, "resolve", "4", "--outcome", "true", "--note", "x", "--force")
    assert refused.code == 2 and "vague call" in refused.err and refused.err.count("\n") == 1
    voided = run(capsys, ledger, "void", "4", "--why", "recorded twice")
    assert voided.code == 0, voided.err
    row = run(capsys, ledger, "show", "4", "--json").json()
    assert (row["status"], row["kind"], row["vague"]) == ("void", "vague", True)
    scores = {row["group"]: row for row in run(capsys, ledger, "score", "--json").json()}
    assert (scores["Pundit"]["vague"], scores["Pundit"]["vagueness_rate"]) == (0, 0.0)
    assert run(capsys, ledger, "verify").code == 0


def test_export_and_import_round_trip_bands_and_vague_calls(
    capsys, ledger: str, tmp_path: Path
) -> None:
    exported = run(capsys, ledger, "export", "--format", "yaml")
    assert exported.code == 0, exported.err
    path = tmp_path / "ledger.yaml"
    path.write_text(exported.out)
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    imported = run(capsys, fresh, "import", str(path))
    assert imported.code == 0, imported.err
    keys = ("kind", "symbol", "level", "upper", "normalized", "fingerprint", "status", "vague")
    before = [{k: r[k] for k in keys} for r in run(capsys, ledger, "list", "--json").json()]
    after = [{k: r[k] for k in keys} for r in run(capsys, fresh, "list", "--json").json()]
    assert after == before
    again = run(capsys, fresh, "import", str(path))
    assert again.code == 0 and "added 0" in again.err
    csv_text = run(capsys, ledger, "export", "--format", "csv").out
    assert csv_text.splitlines()[0].split(",")[6:8] == ["level", "upper"]
    claims = run(capsys, ledger, "export", "--format", "json").json()["claims"]
    assert [c["upper"] for c in claims][:2] == [4500.0, 4500.0] and claims[3]["vague"] is True


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        pytest.param(
            ("parse", "gold between 5000 by end-2026"),
            "'between 5000' gives one bound of a band",
            id="one-bound",
        ),
        pytest.param(
            ("parse", "gold between 5000 and 5000 by end-2026"),
            "the band's bounds are both 5000",
            id="equal-bounds",
        ),
        pytest.param(
            ("parse", "gold rises between 4000 and 4500 by end-2026"),
            "has no direction, but 'rises' gives one",
            id="a-direction-word",
        ),
        pytest.param(
            ("add", "   ", "--vague", "-s", "x"), "a vague call needs the words", id="empty-vague"
        ),
        pytest.param(
            ("add", "the squeeze", "--vague", "-s", "x", "--prob", "0.3"),
            "--prob does not go with --vague",
            id="vague-with-a-probability",
        ),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(
    capsys, ledger: str, args: tuple[str, ...], needle: str
) -> None:
    result = run(capsys, ledger, *args)
    assert result.code == 2
    assert needle in result.err and result.err.count("\n") == 1
    if "try '" in result.err:
        example = result.err.rsplit("try '", 1)[1].split("'")[0]
        parse_claim(example, made_on=__import__("datetime").date.today())


def test_import_file_bands_and_vague_entries(capsys, migrated_url: str, tmp_path: Path) -> None:
    path = tmp_path / "calls.yaml"
    path.write_text(
        "predictions:\n"
        "  - {source: A, made_on: 2025-12-01, claim: 'BTC between 150k and 200k at year-end'}\n"
        "  - {source: A, made_on: 2025-12-01, symbol: GC=F, kind: hold_between, level: 4000,\n"
        "     upper: 4500, deadline: 2026-03-31}\n"
        "  - {source: A, made_on: 2025-12-01, vague: true,\n"
        '     claim: "crypto\'s stagnation may be temporary"}\n'
    )
    result = run(capsys, migrated_url, "import", str(path))
    assert result.code == 0, result.err
    rows = run(capsys, migrated_url, "list", "--json").json()
    assert [r["normalized"] for r in rows] == [
        "BTC-USD close_between 150000 and 200000 by 2025-12-31",
        "GC=F hold_between 4000 and 4500 by 2026-03-31",
        "vague: crypto's stagnation may be temporary",
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "predictions:\n"
        "  - {source: A, made_on: 2025-12-01, symbol: GC=F, kind: hold_between, level: 4000,\n"
        "     deadline: 2026-03-31}\n"
        "  - {source: A, made_on: 2025-12-01, vague: true, claim: soon, level: 5}\n"
    )
    refused = run(capsys, migrated_url, "import", str(bad))
    assert refused.code == 2
    assert "needs 'upper'" in refused.err and "a vague call has no level" in refused.err
