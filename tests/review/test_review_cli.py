"""forecast review through the real CLI, on synthetic bars (SQLite, and PostgreSQL
when FORECAST_TEST_DATABASE_URL is set).

EURUSD=X carries one bar whose open lies 4% above its high (Yahoo's FX bars
do this): the bar is repaired (its range widened to the open) and every touch
decided on it is flagged. GC=F lacks a week of bars around one claim's
deadline (a gap in the data); SI=F's data stops before two claims' deadlines.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from cli_runner import forecast
from price_files import write_csv
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from ledger.store.guards import drop_guards

# A Friday: NYSE sessions since 2025-05-15 are 10 (Memorial Day, 05-26, is none),
# since 05-20 7, since 05-27 3.
AS_OF = "2025-05-30"
REPAIRED_DAY = "2025-02-12"


def _bars(first: str, last: str, price: float) -> pd.DataFrame:
    """Weekday bars closing at `price`, each with a small intraday range (a bar
    with none would be close-only)."""
    days = pd.date_range(first, last, freq="B", name="date")
    return pd.DataFrame(
        {"open": price, "high": price * 1.002, "low": price * 0.998, "close": price},
        index=days,
    ).assign(volume=1000.0)


def _eurusd() -> pd.DataFrame:
    frame = _bars("2025-01-01", AS_OF, 1.0)
    frame.loc[pd.Timestamp(REPAIRED_DAY), "open"] = 1.04  # 3.8% above its high: repaired
    frame.loc[pd.Timestamp("2025-03-03"), ["open", "high", "low", "close"]] = (
        1.025,
        1.027,
        1.023,
        1.025,
    )
    return frame


def _gold_with_a_gap() -> pd.DataFrame:
    frame = _bars("2025-01-01", AS_OF, 3000.0)
    return frame.drop(pd.date_range("2025-05-12", "2025-05-16", freq="B"))


CLAIMS = {
    # level 1.03: only the repaired bar's widened high reaches it; closes never do.
    "flips": "EURUSD=X hits 1.03 by 2025-03-31",
    # level 1.02: the repaired bar first, then a true close of 1.025 on 2025-03-03.
    "stands": "EURUSD=X hits 1.02 by 2025-03-31",
    "accepted": "EURUSD=X hits 1.01 by 2025-03-31",
    # never falls that far: false over a window that holds the repaired bar.
    "window": "EURUSD=X falls to 0.5 by 2025-03-31",
    "clean": "GC=F falls to 1000 by 2025-03-31",
    # a week without bars inside its window: a break could hide there.
    "gap": "GC=F holds 2000 until 2025-05-20",
    "late": "SI=F closes above 100 on 2025-05-15",
    "recent": "SI=F closes above 100 on 2025-05-27",
}


@pytest.fixture
def ledger(capsys, migrated_url: str, tmp_path: Path) -> tuple[str, dict[str, int]]:
    ids = {}
    for name, claim in CLAIMS.items():
        result = forecast(
            capsys, "--db", migrated_url, "add", claim, "-s", f"Desk {name}",
            "--made-on", "2025-01-10", "--json",
        )  # fmt: skip
        assert result.code == 0, result.err
        ids[name] = result.json()["id"]
    prices = tmp_path / "prices"
    write_csv(prices, "EURUSD=X", _eurusd())
    write_csv(prices, "GC=F", _gold_with_a_gap())
    write_csv(prices, "SI=F", _bars("2025-01-01", "2025-05-02", 30.0))
    result = forecast(
        capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{prices}", "--as-of", AS_OF,
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    return migrated_url, ids


def _review(capsys, url: str, *args: str) -> dict[int, dict]:
    result = forecast(capsys, "--db", url, "review", "--as-of", AS_OF, "--json", *args)
    assert result.code == 0, result.err
    return {item["claim_id"]: item for item in result.json()}


def _show(capsys, url: str, claim_id: int) -> dict:
    result = forecast(capsys, "--db", url, "show", str(claim_id), "--json")
    assert result.code == 0, result.err
    return result.json()


def test_the_list_names_flagged_verdicts_and_late_claims_with_their_reasons(capsys, ledger) -> None:
    url, ids = ledger
    listed = _review(capsys, url)
    flagged = {ids["flips"], ids["stands"], ids["accepted"]}
    assert set(listed) == flagged | {ids["window"], ids["gap"], ids["late"]}
    window = listed[ids["window"]]
    assert window["status"] == "false" and window["bar_quality"] == "repaired"
    assert window["reason"].startswith("decided over a window with a repaired bar")
    for claim_id in flagged:
        item = listed[claim_id]
        assert item["kind"] == "flagged" and item["bar_quality"] == "repaired"
        assert item["status"] == "true"
        assert item["reason"].startswith(f"decided on a repaired bar {REPAIRED_DAY}")
        assert f"forecast review accept {claim_id} [--note WHY]" in item["actions"]
        assert f"forecast review rejudge {claim_id} --closes-only" in item["actions"]
        assert any(a.startswith(f"forecast void {claim_id}") for a in item["actions"])
    gap = listed[ids["gap"]]
    assert gap["kind"] == "overdue" and gap["status"] == "open"
    assert gap["reason"].endswith("(data gap)") and "2025-05-12" in gap["reason"]
    assert gap["trading_days_late"] == 7  # NYSE sessions: Memorial Day (05-26) is none
    late = listed[ids["late"]]
    assert late["trading_days_late"] == 10 and "waiting for data" in late["reason"]
    assert late["text"] == CLAIMS["late"] and late["source"] == "Desk late"
    assert f"forecast resolve {ids['late']} --outcome true|false --note WHY" in late["actions"]
    # A larger --days leaves the late claims out; the flagged verdicts stay.
    flagged.add(ids["window"])
    assert set(_review(capsys, url, "--days", "7")) == flagged | {ids["late"]}
    assert set(_review(capsys, url, "--days", "10")) == flagged


def test_the_table_shows_every_row_and_the_actions(capsys, ledger) -> None:
    url, _ = ledger
    result = forecast(capsys, "--db", url, "review", "--as-of", AS_OF)
    assert result.code == 0, result.err
    for name in ("flips", "gap", "late"):
        assert CLAIMS[name] in result.out
    assert "(data gap)" in result.out and "forecast review accept ID" in result.err


def test_accept_takes_a_verdict_off_the_list_and_keeps_it(capsys, ledger) -> None:
    url, ids = ledger
    claim_id = ids["accepted"]
    result = forecast(
        capsys, "--db", url, "review", "accept", str(claim_id), "--note", "FX bars do this",
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["action"] == "accept" and result.json()["changed"] is False
    assert claim_id not in _review(capsys, url)
    shown = _show(capsys, url, claim_id)
    assert shown["status"] == "true" and len(shown["resolutions"]) == 1
    [review] = shown["reviews"]
    assert (review["action"], review["note"]) == ("accept", "FX bars do this")
    text = forecast(capsys, "--db", url, "show", str(claim_id)).out
    assert "accepted): FX bars do this" in text
    again = forecast(capsys, "--db", url, "review", "accept", str(claim_id))
    assert again.code == 2 and "reviewed already" in again.err
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_rejudge_on_closes_appends_a_new_verdict_and_keeps_the_old(capsys, ledger) -> None:
    url, ids = ledger
    claim_id = ids["flips"]
    result = forecast(
        capsys, "--db", url, "review", "rejudge", str(claim_id), "--closes-only",
        "--as-of", AS_OF, "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    done = result.json()
    assert (done["old_outcome"], done["new_outcome"], done["changed"]) == ("true", "false", True)
    shown = _show(capsys, url, claim_id)
    assert shown["status"] == "false"
    history = shown["resolutions"]
    assert [r["outcome"] for r in history] == ["true", "false"] or [
        r["outcome"] for r in history
    ] == ["false", "true"]
    current = [r for r in history if r["is_current"]]
    assert len(current) == 1 and current[0]["outcome"] == "false"
    assert "closes only" in current[0]["note"]
    assert claim_id not in _review(capsys, url)
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_rejudge_with_the_same_verdict_accepts_with_the_closes_evidence(capsys, ledger) -> None:
    url, ids = ledger
    claim_id = ids["stands"]
    result = forecast(
        capsys, "--db", url, "review", "rejudge", str(claim_id), "--closes-only",
        "--as-of", AS_OF, "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    done = result.json()
    assert done["changed"] is False and done["new_outcome"] == "true"
    assert done["evidence"]["evidence_date"] == "2025-03-03"
    assert done["evidence"]["evidence_field"] == "close"
    assert claim_id not in _review(capsys, url)
    assert len(_show(capsys, url, claim_id)["resolutions"]) == 1


@pytest.mark.parametrize(
    ("name", "args", "needle"),
    [
        pytest.param("clean", ["accept"], "nothing to review", id="unflagged-verdict"),
        pytest.param("late", ["accept"], "no verdict to review", id="open-claim"),
        pytest.param("flips", ["rejudge"], "--closes-only", id="rejudge-without-how"),
    ],
)
def test_decisions_on_the_wrong_claim_are_usage_errors(
    capsys, ledger, name: str, args: list[str], needle: str
) -> None:
    url, ids = ledger
    result = forecast(capsys, "--db", url, "review", *args, str(ids[name]))
    assert result.code == 2 and needle in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1


def test_review_decisions_are_history_the_database_refuses_edits(capsys, ledger) -> None:
    url, ids = ledger
    assert forecast(capsys, "--db", url, "review", "accept", str(ids["accepted"])).code == 0
    engine = create_engine(url)
    try:
        for statement in ("UPDATE review_action SET note = 'x'", "DELETE FROM review_action"):
            with (
                pytest.raises(DBAPIError, match="reviews-are-history"),
                engine.begin() as connection,
            ):
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_verify_names_a_review_decision_removed_behind_the_log(capsys, ledger) -> None:
    url, ids = ledger
    assert forecast(capsys, "--db", url, "review", "accept", str(ids["accepted"])).code == 0
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            drop_guards(connection)
            connection.execute(text("DELETE FROM review_action"))
    finally:
        engine.dispose()
    result = forecast(capsys, "--db", url, "verify", "--json")
    assert result.code == 1
    assert "review 1: logged, missing from the ledger" in result.out + result.err


def test_a_source_down_run_after_run_says_since_when(capsys, migrated_url: str, tmp_path) -> None:
    claim = "PL=F closes above 5000 on 2025-05-09"
    added = forecast(
        capsys, "--db", migrated_url, "add", claim, "-s", "Desk", "--made-on", "2025-01-10",
        "--json",
    )  # fmt: skip
    assert added.code == 0, added.err
    empty = tmp_path / "no-files"
    empty.mkdir()
    for day in ("2025-05-20", "2025-05-27", AS_OF):
        run = forecast(
            capsys, "--db", migrated_url, "resolve", "--prices", f"csv:{empty}", "--as-of", day
        )
        assert run.code == 1
    runs = forecast(capsys, "--db", migrated_url, "runs", "--json").json()
    first_failing = min(r["started_at"] for r in runs)[:16].replace("T", " ")
    item = _review(capsys, migrated_url)[added.json()["id"]]
    assert item["kind"] == "overdue" and item["trading_days_late"] == 14
    assert "the CSV source does not know PL=F" in item["reason"]
    assert f"since {first_failing} UTC" in item["reason"]


def test_the_cli_default_window_is_the_service_default() -> None:
    """The CLI keeps its own copy of the default so --help need not import the service."""
    from ledger.cli import review as cli_review
    from ledger.services import review as service

    assert cli_review.DEFAULT_DAYS == service.DEFAULT_DAYS
