"""Revised bars re-judge the verdicts that stood on them, history kept (issue 13).

A feed revises past bars (Yahoo's COMEX futures around a contract roll, by up
to 1.6% for gold and 3.5% for silver). Synthetic bars only, through the real
CLI with a CSV source and through the real yfinance against the Yahoo fake,
on SQLite and (when FORECAST_TEST_DATABASE_URL is set) PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from cli_runner import forecast
from price_files import write_csv
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from ledger.market.yahoo import YahooSource
from ledger.resolver import run_resolver
from ledger.store.session import open_ledger

MADE_ON = "2025-01-10"


def _gold(last: str, price: float = 2300.0) -> pd.DataFrame:
    """Weekday GC=F bars at `price`, each with a small intraday range."""
    days = pd.date_range("2025-01-02", last, freq="B", name="date")
    return pd.DataFrame(
        {"open": price, "high": price + 5.0, "low": price - 5.0, "close": price, "volume": 1e3},
        index=days,
    )


def _set(frame: pd.DataFrame, day: str, **prices: float) -> pd.DataFrame:
    frame = frame.copy()
    for name, value in prices.items():
        frame.loc[pd.Timestamp(day), name] = value
    return frame


def _add(capsys, url: str, claim: str, source: str = "Desk") -> int:
    result = forecast(
        capsys, "--db", url, "add", claim, "-s", source, "--made-on", MADE_ON, "--json"
    )
    assert result.code == 0, result.err
    return int(result.json()["id"])


def _resolve(capsys, url: str, prices: Path, as_of: str, *extra: str) -> dict:
    result = forecast(
        capsys, "--db", url, "resolve", "--prices", f"csv:{prices}", "--as-of", as_of, "--json",
        *extra,
    )  # fmt: skip
    assert result.code == 0, result.err
    return result.json()


def _show(capsys, url: str, claim_id: int) -> dict:
    result = forecast(capsys, "--db", url, "show", str(claim_id), "--json")
    assert result.code == 0, result.err
    return result.json()


def _current(shown: dict) -> dict:
    [current] = [r for r in shown["resolutions"] if r["is_current"]]
    return current


def _review(capsys, url: str, as_of: str) -> dict[int, dict]:
    result = forecast(capsys, "--db", url, "review", "--as-of", as_of, "--json")
    assert result.code == 0, result.err
    return {item["claim_id"]: item for item in result.json()}


def test_a_touch_whose_high_is_revised_below_the_level_flips_to_false(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    touched = _set(_gold("2025-03-14"), "2025-03-12", high=2412.3)
    write_csv(prices, "GC=F", touched)
    url = migrated_url
    touch = _add(capsys, url, "GC=F touch_above 2400 by 2025-03-13")
    # Another claim on gold keeps the symbol in every run (as in any real ledger).
    _add(capsys, url, "GC=F touch_above 3000 by 2025-12-31", "Other desk")
    _resolve(capsys, url, prices, "2025-03-14")
    shown = _show(capsys, url, touch)
    assert shown["status"] == "true"
    assert _current(shown)["evidence_date"] == "2025-03-12"

    # The feed revises the bar of 2025-03-12: its high never reached 2400.
    write_csv(prices, "GC=F", _set(_gold("2025-03-17"), "2025-03-12", high=2398.1))
    run = _resolve(capsys, url, prices, "2025-03-17")
    shown = _show(capsys, url, touch)
    assert shown["status"] == "false"
    history = shown["resolutions"]
    assert [(r["outcome"], r["method"], r["is_current"]) for r in history] == [
        ("true", "auto", False),
        ("false", "revised", True),
    ]
    reason = "data revised on 2025-03-12: high 2,412.3 -> 2,398.1"
    assert history[1]["note"] == f"{reason}; was true"
    assert history[0]["revisions"] == [reason]
    assert run["bars_revised"] == 1
    [change] = run["revised"]
    assert (change["claim_id"], change["old_outcome"], change["new_outcome"]) == (
        touch,
        "true",
        "false",
    )
    assert change["changed"] is True and change["reasons"] == [reason]

    runs = forecast(capsys, "--db", url, "runs", "--json").json()
    assert runs[0]["revised"] == [change]
    assert runs[0]["bars_revised"] == 1
    text_out = forecast(capsys, "--db", url, "runs").out
    assert f"#{touch} true -> false: {reason}" in text_out

    # The new verdict stood on revised data: it is on the review list until accepted.
    listed = _review(capsys, url, "2025-03-17")
    assert "revised" in listed[touch]["reason"]
    assert forecast(capsys, "--db", url, "verify").code == 0

    # The old values are kept, and the database refuses to rewrite them.
    engine = create_engine(url)
    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT old_high, new_high FROM bar_revision WHERE symbol = 'GC=F'")
        ).one()
        assert tuple(row) == (2412.3, 2398.1)
    with pytest.raises(DBAPIError, match="revisions-are-history"), engine.begin() as connection:
        connection.execute(text("UPDATE bar_revision SET old_high = 1"))
    with pytest.raises(DBAPIError, match="revisions-are-history"), engine.begin() as connection:
        connection.execute(text("DELETE FROM resolution_revision"))
    engine.dispose()


def test_a_deciding_close_revised_across_the_level_flips(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    # No other claim on silver: the verdict on one of the latest bars is enough for
    # the next run to fetch those bars again.
    prices = tmp_path / "prices"
    silver = _gold("2025-03-14", price=32.0).rename_axis("date")
    write_csv(prices, "SI=F", _set(silver, "2025-03-13", close=33.2, high=33.3))
    url = migrated_url
    claim = _add(capsys, url, "SI=F close_above 33 on 2025-03-13")
    _resolve(capsys, url, prices, "2025-03-14")
    assert _show(capsys, url, claim)["status"] == "true"

    # Revised 3.5% lower, as silver's roll revisions go: the close is now below 33.
    write_csv(prices, "SI=F", _set(silver, "2025-03-13", close=32.04, high=32.2))
    run = _resolve(capsys, url, prices, "2025-03-17")
    shown = _show(capsys, url, claim)
    assert shown["status"] == "false"
    current = _current(shown)
    assert (current["method"], current["evidence_price"]) == ("revised", 32.04)
    assert "close 33.2 -> 32.04" in current["note"]
    assert [r["new_outcome"] for r in run["revised"]] == ["false"]
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_a_revision_that_changes_nothing_keeps_the_verdict_and_flags_it(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", _set(_gold("2025-03-14"), "2025-03-12", high=2450.0))
    url = migrated_url
    touch = _add(capsys, url, "GC=F touch_above 2400 by 2025-03-13")
    close = _add(capsys, url, "GC=F close_above 2000 on 2025-03-13", "Close desk")
    _resolve(capsys, url, prices, "2025-03-14")
    before = _show(capsys, url, touch)["resolutions"]

    # Revised, still above the level; the close claim's deciding bar is another day.
    write_csv(prices, "GC=F", _set(_gold("2025-03-17"), "2025-03-12", high=2440.0))
    run = _resolve(capsys, url, prices, "2025-03-17")
    shown = _show(capsys, url, touch)
    assert shown["status"] == "true"
    assert [r["id"] for r in shown["resolutions"]] == [r["id"] for r in before]
    assert _current(shown)["revisions"] == ["data revised on 2025-03-12: high 2,450 -> 2,440"]
    [change] = run["revised"]
    assert (change["claim_id"], change["changed"], change["new_outcome"]) == (touch, False, "true")
    assert _current(_show(capsys, url, close))["revisions"] == []

    listed = _review(capsys, url, "2025-03-17")
    assert touch in listed and close not in listed
    assert "revised" in listed[touch]["reason"]
    accepted = forecast(capsys, "--db", url, "review", "accept", str(touch), "--note", "fine")
    assert accepted.code == 0, accepted.err
    assert touch not in _review(capsys, url, "2025-03-17")
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_a_touch_revised_away_before_its_deadline_goes_back_to_open(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", _set(_gold("2025-03-14"), "2025-03-12", high=2412.3))
    url = migrated_url
    touch = _add(capsys, url, "GC=F touch_above 2400 by 2025-06-30")
    _resolve(capsys, url, prices, "2025-03-14")
    assert _show(capsys, url, touch)["status"] == "true"

    write_csv(prices, "GC=F", _set(_gold("2025-03-17"), "2025-03-12", high=2398.1))
    run = _resolve(capsys, url, prices, "2025-03-17")
    shown = _show(capsys, url, touch)
    assert shown["status"] == "open"
    assert shown["open_reason"] == "waiting_for_deadline"
    assert "high 2,412.3 -> 2,398.1" in shown["open_detail"]
    assert [(r["outcome"], r["is_current"]) for r in shown["resolutions"]] == [("true", False)]
    assert [r["new_outcome"] for r in run["revised"]] == ["open"]
    assert forecast(capsys, "--db", url, "verify").code == 0

    # A real touch later settles it again, the revised-away verdict kept as history.
    write_csv(
        prices,
        "GC=F",
        _set(_set(_gold("2025-04-01"), "2025-03-12", high=2398.1), "2025-03-28", high=2405.0),
    )
    _resolve(capsys, url, prices, "2025-04-01")
    shown = _show(capsys, url, touch)
    assert shown["status"] == "true"
    assert [(r["outcome"], r["is_current"]) for r in shown["resolutions"]] == [
        ("true", False),
        ("true", True),
    ]
    assert _current(shown)["evidence_date"] == "2025-03-28"
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_a_dry_run_reports_a_revision_and_keeps_nothing(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", _set(_gold("2025-03-14"), "2025-03-12", high=2412.3))
    url = migrated_url
    touch = _add(capsys, url, "GC=F touch_above 2400 by 2025-03-13")
    _resolve(capsys, url, prices, "2025-03-14")
    write_csv(prices, "GC=F", _set(_gold("2025-03-17"), "2025-03-12", high=2398.1))
    run = _resolve(capsys, url, prices, "2025-03-17", "--dry-run")
    assert [r["new_outcome"] for r in run["revised"]] == ["false"]
    assert _show(capsys, url, touch)["status"] == "true"
    assert _current(_show(capsys, url, touch))["revisions"] == []


def test_a_yahoo_revision_re_judges_through_the_real_yfinance(
    fake_yahoo, migrated_url: str, tmp_path: Path
) -> None:
    touched = _set(_gold("2025-03-14"), "2025-03-12", high=2412.3)
    fake_yahoo.set("GC=F", touched)
    engine = open_ledger(migrated_url)
    try:
        from sqlmodel import Session

        from ledger.claims.parser import parse_claim
        from ledger.records import NewClaim
        from ledger.store.claims import get_claim, record_claims

        text_ = "GC=F touch_above 2400 by 2025-03-13"
        with Session(engine) as session, session.begin():
            claim = parse_claim(text_, made_on=date(2025, 1, 10))
            (claim_id,) = record_claims(
                session, [NewClaim(source="Desk", claim=claim, text=text_)]
            ).added

        def yahoo() -> YahooSource:
            return YahooSource(tmp_path / "yf", retries=0, backoff=0.0, sleep=lambda _s: None)

        first = date(2025, 3, 14)
        run_resolver(engine, yahoo(), as_of=first, today=first)
        fake_yahoo.set("GC=F", _set(_gold("2025-03-17"), "2025-03-12", high=2398.1))
        later = date(2025, 3, 17)
        summary = run_resolver(engine, yahoo(), as_of=later, today=later)
        assert [(r.claim_id, r.new_outcome) for r in summary.revisions] == [(claim_id, "false")]
        with Session(engine) as session:
            detail = get_claim(session, claim_id)
        assert [(r.outcome, r.method) for r in detail.resolutions] == [
            ("true", "auto"),
            ("false", "revised"),
        ]
    finally:
        engine.dispose()


def test_todays_unfinished_bar_growing_is_no_revision_but_shrinking_is(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    # A bar fetched on its own day may be unfinished: a later close and a wider
    # range are the session going on; a high that comes down is a revision.
    today = date.today()
    days = pd.date_range(end=pd.Timestamp(today), periods=40, freq="D", name="date")
    coin = pd.DataFrame(
        {"open": 90000.0, "high": 90500.0, "low": 89500.0, "close": 90000.0, "volume": 1.0},
        index=days,
    )
    prices = tmp_path / "prices"
    write_csv(prices, "BTC-USD", _set(coin, str(today), high=101000.0, close=99000.0))
    url = migrated_url
    made_on = (today - pd.Timedelta(days=20)).isoformat()
    far = (today + pd.Timedelta(days=200)).isoformat()
    result = forecast(
        capsys, "--db", url, "add", f"BTC-USD touch_above 100000 by {far}", "-s", "Desk",
        "--made-on", made_on, "--json",
    )  # fmt: skip
    claim = int(result.json()["id"])
    _resolve(capsys, url, prices, today.isoformat())
    assert _show(capsys, url, claim)["status"] == "true"

    write_csv(prices, "BTC-USD", _set(coin, str(today), high=102500.0, close=101700.0))
    run = _resolve(capsys, url, prices, today.isoformat())
    assert run["bars_revised"] == 0 and run["revised"] == []
    assert _current(_show(capsys, url, claim))["revisions"] == []

    write_csv(prices, "BTC-USD", _set(coin, str(today), high=99500.0, close=99000.0))
    run = _resolve(capsys, url, prices, today.isoformat())
    assert run["bars_revised"] == 1
    assert _show(capsys, url, claim)["status"] == "open"


def test_a_revised_leg_re_judges_a_ratio_and_an_outperformance(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    # Gold at 2800, silver at 32 -> the ratio 87.5; on 2025-03-13 silver closes at
    # 35 (ratio 80), and silver is later revised to 34.9 on that day.
    prices = tmp_path / "prices"
    gold = _gold("2025-03-14", price=2800.0)
    silver = _gold("2025-03-14", price=32.0)
    silver[["high", "low"]] = [[32.5, 31.5]] * len(silver)
    bitcoin = _gold("2025-03-14", price=80000.0)
    write_csv(prices, "GC=F", gold)
    write_csv(prices, "BTC-USD", bitcoin)
    write_csv(prices, "SI=F", _set(silver, "2025-03-13", close=35.0, high=35.2))
    url = migrated_url
    ratio = _add(capsys, url, "the gold/silver ratio falls to 80 by 2025-03-13", "Ratio desk")
    pair = _add(capsys, url, "silver outperforms bitcoin from 2025-01-10 through 2025-03-13")
    _resolve(capsys, url, prices, "2025-03-14")
    assert _show(capsys, url, ratio)["status"] == "true"
    assert _show(capsys, url, pair)["status"] == "true"

    # A day later the feed serves silver's 2025-03-13 bar revised below the ratio's
    # level (and below bitcoin's return), and nobody has an open claim on either.
    later = _gold("2025-03-17", price=32.0)
    later[["high", "low"]] = [[32.5, 31.5]] * len(later)
    write_csv(prices, "SI=F", _set(later, "2025-03-13", close=31.9, high=32.3))
    write_csv(prices, "GC=F", _gold("2025-03-17", price=2800.0))
    write_csv(prices, "BTC-USD", _gold("2025-03-17", price=80000.0))
    run = _resolve(capsys, url, prices, "2025-03-17")
    outcomes = {r["claim_id"]: (r["old_outcome"], r["new_outcome"]) for r in run["revised"]}
    assert outcomes == {ratio: ("true", "false"), pair: ("true", "false")}
    reasons = {r["claim_id"]: r["reasons"] for r in run["revised"]}
    assert reasons[ratio] == [
        "SI=F data revised on 2025-03-13: high 35.2 -> 32.3, close 35 -> 31.9"
    ]
    for claim in (ratio, pair):
        shown = _show(capsys, url, claim)
        assert shown["status"] == "false"
        assert _current(shown)["method"] == "revised"
    assert forecast(capsys, "--db", url, "verify").code == 0


def test_a_deciding_bar_the_feed_now_rejects_is_a_revision_and_its_verdict_is_reviewed(
    capsys, migrated_url: str, tmp_path: Path
) -> None:
    prices = tmp_path / "prices"
    write_csv(prices, "GC=F", _set(_gold("2025-03-14"), "2025-03-12", high=2450.0))
    url = migrated_url
    touch = _add(capsys, url, "GC=F touch_above 2400 by 2025-03-13")
    _add(capsys, url, "GC=F touch_above 3000 by 2025-12-31", "Other desk")
    _resolve(capsys, url, prices, "2025-03-14")
    assert _show(capsys, url, touch)["status"] == "true"

    # The feed now serves the deciding bar as a gross error (no price can be zero for gold).
    broken = _set(_gold("2025-03-17"), "2025-03-12", open=0.0, high=0.0, low=0.0, close=0.0)
    write_csv(prices, "GC=F", broken)
    run = _resolve(capsys, url, prices, "2025-03-17")
    assert run["bars_revised"] == 1
    shown = _show(capsys, url, touch)
    # The crossing can no longer be seen, and nothing else decides: the verdict stands,
    # flagged, with the old prices kept, and waits on the review list.
    assert shown["status"] == "true"
    reason = "data revised on 2025-03-12: bar ok -> rejected"
    assert _current(shown)["revisions"] == [reason]
    [change] = run["revised"]
    assert (change["claim_id"], change["changed"], change["reasons"]) == (touch, False, [reason])
    listed = _review(capsys, url, "2025-03-17")
    assert touch in listed and "revised" in listed[touch]["reason"]
    engine = create_engine(url)
    with engine.connect() as connection:
        kept = connection.execute(
            text("SELECT old_high, new_high, new_quality FROM bar_revision")
        ).all()
    engine.dispose()
    assert [tuple(row) for row in kept] == [(2450.0, None, "rejected")]
    assert forecast(capsys, "--db", url, "verify").code == 0
