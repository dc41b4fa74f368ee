"""Data gaps never decide a verdict: a rejected or missing bar leaves the claim open.

Each case is a CSV (or Yahoo answer) whose one interesting day is untrusted.
Read as "no bar", such a day turned a touch into FALSE and a hold into TRUE;
now the claim waits with the reason `data_gap` and the gap's date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from price_files import flat_bars, write_csv
from sqlalchemy import text
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.market.csv_source import CsvSource
from ledger.market.yahoo import YahooSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import record_claims

MADE_ON = date(2025, 11, 20)
TODAY = date(2026, 7, 13)
CROSSING = "2026-01-26"  # a Monday
TOUCH = "gold $5055 by 2026-06-30"  # high 5100 on the crossing day: true
HOLD = "gold holds 3500 until 2026-06-30"  # low 3000 on the crossing day: false


def record(engine, *texts: str) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="tester", claim=parse_claim(t, made_on=MADE_ON), text=t) for t in texts
        ]
        return list(record_claims(session, entries).added)


def states(engine) -> dict[int, tuple[str, str | None, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, status, open_reason, open_detail FROM prediction")
        ).all()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def gold(**changes) -> pd.DataFrame:
    """Flat gold at 4000 from 2025 to July 2026, crossing both levels on CROSSING."""
    bars = flat_bars(
        "2025-01-01", "2026-07-10", 4000.0, highs={CROSSING: 5100.0}, lows={CROSSING: 3000.0}
    )
    for column, value in changes.items():
        bars.loc[pd.Timestamp(CROSSING), column] = value
    return bars


def csv_text(frame: pd.DataFrame) -> str:
    out = frame.copy()
    out.index = out.index.strftime("%Y-%m-%d")
    return out.to_csv(index_label="date", na_rep="")


def write_gold(directory: Path, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "GC=F.csv").write_text(body)
    return directory


def with_duplicate(frame: pd.DataFrame, day: str, **values: float) -> str:
    """The CSV of `frame` with a second, different row for `day`."""
    lines = csv_text(frame).splitlines()
    row = frame.loc[pd.Timestamp(day)].copy()
    for column, value in values.items():
        row[column] = value
    extra = ",".join([day, *(f"{row[c]:g}" for c in frame.columns)])
    return "\n".join([*lines, extra]) + "\n"


def assert_left_open_on_the_gap(engine, ids: list[int], day: str = CROSSING) -> None:
    for claim_id, (status, reason, detail) in states(engine).items():
        if claim_id in ids:
            assert (status, reason) == ("open", "data_gap"), (claim_id, status, reason)
            assert day in detail


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(csv_text(gold(close=float("nan"))), id="missing-close"),
        pytest.param(with_duplicate(gold(), CROSSING, close=4100.0), id="conflicting-duplicate"),
        pytest.param(csv_text(gold(close=6000.0)), id="close-far-above-high"),
    ],
)
def test_a_rejected_crossing_day_leaves_touch_and_hold_open(
    engine, tmp_path: Path, body: str
) -> None:
    prices = write_gold(tmp_path / "p", body)
    ids = record(engine, TOUCH, HOLD)
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert (summary.resolved_true, summary.resolved_false) == (0, 0)
    assert summary.open_reasons == {"data_gap": 2}
    assert summary.rejected_bars["GC=F"]
    assert_left_open_on_the_gap(engine, ids)


def test_the_gap_survives_in_the_cache_and_a_fixed_file_settles_it(engine, tmp_path: Path) -> None:
    prices = write_gold(tmp_path / "p", csv_text(gold(close=float("nan"))))
    ids = record(engine, TOUCH, HOLD)
    # The first run sees the rejected day while the deadline is still ahead...
    run_resolver(engine, CsvSource(prices), as_of=date(2026, 3, 2), today=TODAY)
    assert {s[1] for s in states(engine).values()} == {"waiting_for_deadline"}
    # ...the second only fetches the tail, so it learns of the gap from the cache.
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert (summary.resolved_true, summary.resolved_false) == (0, 0)
    assert_left_open_on_the_gap(engine, ids)
    # A corrected file, fetched again, settles both claims on the real day.
    write_gold(tmp_path / "p", csv_text(gold()))
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY, recheck=True)
    assert (summary.resolved_true, summary.resolved_false) == (1, 1)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM price_gap")).scalar_one() == 0


def test_a_crossing_before_the_gap_still_decides(engine, tmp_path: Path) -> None:
    bars = gold()
    bars.loc[pd.Timestamp("2026-03-02"), "close"] = float("nan")  # a later day is rejected
    prices = write_gold(tmp_path / "p", csv_text(bars))
    touch, hold, never = record(engine, TOUCH, HOLD, "gold $9000 by 2026-06-30")
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    found = states(engine)
    assert found[touch][0] == "true" and found[hold][0] == "false"  # a crossing seen is seen
    assert found[never][:2] == ("open", "data_gap")  # but "never" needs every day
    assert "2026-03-02" in found[never][2]
    assert (summary.resolved_true, summary.resolved_false) == (1, 1)


def test_close_claims_need_the_real_last_trading_day(engine, tmp_path: Path) -> None:
    bars = gold()
    bars.loc[pd.Timestamp("2026-06-29"), "close"] = 4600.0  # the day before looks like a win
    bars.loc[pd.Timestamp("2026-06-30"), ["high", "close"]] = [4000.0, 4400.0]  # close >> high
    prices = write_gold(tmp_path / "p", csv_text(bars))
    (claim_id,) = record(engine, "gold closes above $4500 on 2026-06-30")
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    status, reason, detail = states(engine)[claim_id]
    assert (status, reason) == ("open", "data_gap") and "2026-06-30" in detail


def test_average_claims_need_their_whole_period(engine, tmp_path: Path) -> None:
    bars = gold()
    bars.loc[pd.Timestamp("2026-02-10"), "close"] = float("nan")
    prices = write_gold(tmp_path / "p", csv_text(bars))
    (claim_id,) = record(engine, "gold averages above $4500 in Q1 2026")
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    status, reason, detail = states(engine)[claim_id]
    assert (status, reason) == ("open", "data_gap") and "2026-02-10" in detail


def test_weeks_without_bars_are_a_gap_for_an_exchange(engine, tmp_path: Path) -> None:
    bars = gold()
    bars = bars[(bars.index < "2026-01-19") | (bars.index > "2026-01-30")]  # two weeks lost
    # Christmas and New Year's Day are no sessions: no bars, no gap (and the lost
    # weeks hold Martin Luther King Day, 2026-01-19, which does not count).
    bars = bars.drop(pd.to_datetime(["2025-12-25", "2026-01-01"]))
    prices = tmp_path / "p"
    write_csv(prices, "GC=F", bars)
    touch, holiday = record(engine, "gold $5055 by 2026-06-30", "gold $9000 by 2026-01-09")
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    found = states(engine)
    assert found[touch][:2] == ("open", "data_gap")
    assert "2026-01-20 to 2026-01-30 (9 trading days without a bar)" in found[touch][2]
    # Holidays are a normal exchange calendar: no gap.
    assert found[holiday][0] == "false"


def test_one_session_without_a_bar_is_a_gap_for_an_exchange(engine, tmp_path: Path) -> None:
    # Friday 2025-12-26 was a session; Christmas Day was not.
    bars = gold().drop(pd.to_datetime(["2025-12-25", "2025-12-26"]))
    prices = tmp_path / "p"
    write_csv(prices, "GC=F", bars)
    (lone,) = record(engine, "gold $9000 by 2026-01-02")
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    assert states(engine)[lone][:2] == ("open", "data_gap")
    assert "2025-12-26 (1 trading day without a bar)" in states(engine)[lone][2]


def test_weekend_bars_are_expected_for_crypto(engine, tmp_path: Path) -> None:
    btc = flat_bars(
        "2025-01-01", "2026-07-12", 90000.0, weekdays_only=False, lows={"2026-02-05": 62000.0}
    )
    prices = tmp_path / "p"
    write_csv(prices, "BTC-USD", btc.drop(pd.Timestamp("2026-02-05")))  # the crossing day lost
    hold, touch = record(engine, "BTC holds 80000 until 2026-03-31", "BTC hits 150k by 2026-03-31")
    summary = run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    found = states(engine)
    assert summary.resolved_true == summary.resolved_false == 0
    for claim_id in (hold, touch):
        assert found[claim_id][:2] == ("open", "data_gap")
        assert "2026-02-05" in found[claim_id][2]


def test_a_rejected_day_from_yahoo_is_a_gap(engine, fake_yahoo, tmp_path: Path) -> None:
    fake_yahoo.set("GC=F", gold(close=6000.0)["2025-10-01":])  # close far above high
    yahoo = YahooSource(tmp_path / "yf", retries=0, backoff=0.0, sleep=lambda _s: None)
    ids = record(engine, TOUCH, HOLD)
    summary = run_resolver(engine, yahoo, as_of=TODAY, today=TODAY)
    assert summary.rejected_bars["GC=F"]
    assert (summary.resolved_true, summary.resolved_false) == (0, 0)
    assert_left_open_on_the_gap(engine, ids)
