"""Hand changes to verdicts through the real CLI: voided after resolving, manual overrides.

A claim voided after it resolved FALSE leaves the scores; a manual verdict can
flip the prices' one or settle a claim before its deadline. Each stays
possible, but is counted on its source's row, can be scored "as the data
judged it" (--data-verdicts) or left out (--exclude-overrides), and an
override needs --force.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv

# (text, source, probability): gold sits at 4000 and touches 4600 on 2026-02-02.
CLAIMS = (
    ("gold $5000 by 2026-06-30", "Pundit", "0.8"),  # 1: false
    ("gold $4500 by 2026-06-30", "Pundit", "0.6"),  # 2: true (early)
    ("gold $9000 by 2027-12-31", "Pundit", "0.1"),  # 3: open, deadline ahead
    ("gold $5000 by 2026-06-30", "Careful", "0.8"),  # 4: false
    ("gold $4500 by 2026-06-30", "Careful", "0.6"),  # 5: true
    ("silver $60 by 2026-06-30", "Careful", None),  # 6: no silver prices: stays open
)


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    directory = tmp_path / "prices"
    gold = flat_bars("2024-11-01", "2026-07-10", 4000.0, highs={"2026-02-02": 4600.0})
    write_csv(directory, "GC=F", gold)
    return directory


@pytest.fixture
def ledger(capsys, migrated_url: str, prices: Path) -> str:
    for text, source, prob in CLAIMS:
        args = ["add", text, "-s", source, "--made-on", "2025-11-20"]
        result = forecast(capsys, "--db", migrated_url, *args, *(["--prob", prob] if prob else []))
        assert result.code == 0, result.err
    resolved = forecast(
        capsys,
        "--db",
        migrated_url,
        "resolve",
        "--prices",
        f"csv:{prices}",
        "--as-of",
        "2026-07-10",
        "--json",
    )
    assert resolved.code == 1  # SI=F has no prices: that claim stays open
    assert (resolved.json()["resolved_true"], resolved.json()["resolved_false"]) == (2, 2)
    return migrated_url


def run(capsys, db: str, *args: str):
    return forecast(capsys, "--db", db, *args)


def rows(capsys, db: str, *args: str) -> dict[str, dict]:
    result = run(capsys, db, "score", "--json", *args)
    assert result.code == 0, result.err
    return {row["group"]: row for row in result.json()}


def test_clean_rows_count_no_hand_changes(capsys, ledger: str) -> None:
    board = rows(capsys, ledger)
    for row in board.values():
        assert (row["voided_after_resolution"], row["manual_overrides"]) == (0, 0)
    assert (board["Pundit"]["scored"], board["Pundit"]["hit_rate"]) == (2, 0.5)


@pytest.mark.parametrize(
    "void_args",
    [
        pytest.param(("void", "1", "--why", "the bank withdrew the call"), id="void-command"),
        pytest.param(
            ("resolve", "1", "--outcome", "void", "--note", "the bank withdrew the call"),
            id="resolve-outcome-void",
        ),
    ],
)
def test_a_claim_voided_after_it_resolved_false_is_counted(
    capsys, ledger: str, void_args: tuple[str, ...]
) -> None:
    result = run(capsys, ledger, *void_args)
    assert result.code == 0, result.err
    pundit = rows(capsys, ledger)["Pundit"]
    # As it stands the miss is gone from the scores, but the row says one was withdrawn.
    assert (pundit["void"], pundit["voided_after_resolution"], pundit["manual_overrides"]) == (
        1,
        1,
        0,
    )
    assert (pundit["scored"], pundit["hit_rate"]) == (1, 1.0)
    judged = rows(capsys, ledger, "--data-verdicts")["Pundit"]
    assert (judged["scored"], judged["hits"], judged["false"], judged["void"]) == (2, 1, 1, 0)
    assert judged["voided_after_resolution"] == 1  # still shown
    assert rows(capsys, ledger, "--data-verdicts")["Careful"] == rows(capsys, ledger)["Careful"]


def test_voiding_an_open_claim_is_not_a_withdrawal(capsys, ledger: str) -> None:
    assert run(capsys, ledger, "void", "3", "--why", "recorded the wrong level").code == 0
    assert rows(capsys, ledger)["Pundit"]["voided_after_resolution"] == 0


def test_flipping_the_prices_verdict_needs_force_and_is_counted(capsys, ledger: str) -> None:
    refused = run(capsys, ledger, "resolve", "1", "--outcome", "true", "--note", "I say so")
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and "Traceback" not in refused.err
    assert "the prices resolved it false" in refused.err and "--force" in refused.err
    assert run(capsys, ledger, "show", "1", "--json").json()["status"] == "false"

    forced = run(
        capsys, ledger, "resolve", "1", "--outcome", "true", "--note", "bad print", "--force"
    )
    assert forced.code == 0, forced.err
    pundit = rows(capsys, ledger)["Pundit"]
    assert (pundit["manual_overrides"], pundit["scored"], pundit["hit_rate"]) == (1, 2, 1.0)
    judged = rows(capsys, ledger, "--data-verdicts")["Pundit"]
    assert (judged["scored"], judged["hit_rate"], judged["manual_overrides"]) == (2, 0.5, 1)
    excluded = rows(capsys, ledger, "--exclude-overrides")["Pundit"]
    assert (excluded["scored"], excluded["hits"], excluded["true"]) == (1, 1, 2)


def test_agreeing_with_the_prices_needs_no_force(capsys, ledger: str) -> None:
    agreed = run(capsys, ledger, "resolve", "1", "--outcome", "false", "--note", "confirmed")
    assert agreed.code == 0, agreed.err
    assert rows(capsys, ledger)["Pundit"]["manual_overrides"] == 0


def test_settling_before_the_deadline_needs_force_and_stays_open_as_judged(
    capsys, ledger: str
) -> None:
    refused = run(capsys, ledger, "resolve", "3", "--outcome", "false", "--note", "it won't")
    assert refused.code == 2 and refused.err.count("\n") == 1
    assert "deadline 2027-12-31 has not passed" in refused.err and "--force" in refused.err
    forced = run(
        capsys, ledger, "resolve", "3", "--outcome", "false", "--note", "it won't", "--force"
    )
    assert forced.code == 0, forced.err
    early = rows(capsys, ledger, "--include-early")["Pundit"]
    assert (early["manual_overrides"], early["open"], early["scored"]) == (1, 0, 3)
    judged = rows(capsys, ledger, "--include-early", "--data-verdicts")["Pundit"]
    assert (judged["open"], judged["scored"]) == (1, 2)  # the prices never judged it


def test_settling_a_claim_the_prices_cannot_judge_after_its_deadline_is_no_override(
    capsys, ledger: str
) -> None:
    result = run(capsys, ledger, "resolve", "6", "--outcome", "true", "--note", "LBMA fix")
    assert result.code == 0, result.err
    careful = rows(capsys, ledger)["Careful"]
    assert (careful["manual_overrides"], careful["scored"], careful["hits"]) == (0, 3, 2)


def test_force_without_an_id_is_a_usage_error(capsys, ledger: str) -> None:
    result = run(capsys, ledger, "resolve", "--force")
    assert result.code == 2 and "resolve one claim" in result.err


def test_counts_per_group_and_in_the_table(capsys, ledger: str) -> None:
    run(capsys, ledger, "void", "1", "--why", "withdrawn")
    run(capsys, ledger, "resolve", "4", "--outcome", "true", "--note", "x", "--force")
    by_asset = rows(capsys, ledger, "--by", "asset")["GC=F"]
    assert (by_asset["voided_after_resolution"], by_asset["manual_overrides"]) == (1, 1)
    by_year = rows(capsys, ledger, "--by", "year")["2025"]
    assert (by_year["voided_after_resolution"], by_year["manual_overrides"]) == (1, 1)
    table = run(capsys, ledger, "score")
    assert table.code == 0, table.err
    header, *lines = table.out.splitlines()
    assert "wdrn" in header and "ovrd" in header
    cells = {line.split("│")[0].strip(): [c.strip() for c in line.split("│")] for line in lines}
    names = [h.strip() for h in header.split("┃")]
    pundit = dict(zip(names, cells["Pundit"], strict=True))
    careful = dict(zip(names, cells["Careful"], strict=True))
    assert (pundit["wdrn"], pundit["ovrd"]) == ("1", "0")
    assert (careful["wdrn"], careful["ovrd"]) == ("0", "1")
    assert "wdrn = voided after they resolved" in table.err


def test_score_help_documents_the_options(capsys) -> None:
    text = run(capsys, "sqlite://", "score", "--help").out
    assert "--data-verdicts" in text and "--exclude-overrides" in text
