"""Real-feed quirks through a whole resolve run, on synthetic bars.

Repaired and close-only bars decide claims and say so in the evidence; a
spike is rejected, asked for again, and blocks only the claims that need it;
a weekend or holiday deadline settles on its last session once it is final;
crude oil below zero is a price.
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
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import get_claim, record_claims

MADE_ON = date(2022, 6, 1)


def record(engine, *texts: str, made_on: date = MADE_ON) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(source="tester", claim=parse_claim(t, made_on=made_on), text=t) for t in texts
        ]
        return list(record_claims(session, entries).added)


def resolution(engine, claim_id: int) -> dict:
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT p.status, p.open_reason, p.open_detail, r.evidence_date, "
                "r.evidence_field, r.evidence_price, r.bar_quality FROM prediction p "
                "LEFT JOIN resolution r ON r.prediction_id = p.id AND r.is_current "
                "WHERE p.id = :id"
            ),
            {"id": claim_id},
        ).one()
    keys = ("status", "reason", "detail", "date", "field", "price", "bar_quality")
    found = dict(zip(keys, row, strict=True))
    if found["date"] is not None and not isinstance(found["date"], date):
        found["date"] = date.fromisoformat(str(found["date"]))
    return found


def euro(**days: tuple[float, float, float, float]) -> pd.DataFrame:
    """EURUSD=X flat at 1.05 through 2023-01-31, with chosen bars (open, high, low, close)."""
    bars = flat_bars("2022-01-03", "2023-01-31", 1.05)
    bars["high"], bars["low"] = 1.06, 1.04
    for day, values in days.items():
        bars.loc[pd.Timestamp(day), ["open", "high", "low", "close"]] = values
    return bars


def test_a_touch_on_a_repaired_bar_says_so(engine, tmp_path: Path) -> None:
    # As on 2022-12-26: the open lies above the quoted high; widened, the high reaches 1.066.
    prices = tmp_path / "p"
    write_csv(prices, "EURUSD=X", euro(**{"2022-12-26": (1.06678, 1.063717, 1.0614, 1.0626)}))
    touch, plain = record(
        engine,
        "EURUSD=X touch_above 1.066 by 2022-12-31",
        "EURUSD=X touch_above 1.059 by 2022-12-31",
    )
    summary = run_resolver(
        engine, CsvSource(prices), as_of=date(2023, 1, 31), today=date(2023, 1, 31)
    )
    assert summary.rejected_bars.get("EURUSD=X", []) == []
    found = resolution(engine, touch)
    assert (found["status"], found["date"], found["bar_quality"]) == (
        "true",
        date(2022, 12, 26),
        "repaired",
    )
    assert found["price"] == pytest.approx(1.06678)
    # A touch on an ordinary bar (the first day of the window) stays unflagged.
    assert resolution(engine, plain)["bar_quality"] is None
    with Session(engine) as session:
        detail = get_claim(session, touch)
    assert detail.resolutions[-1].bar_quality == "repaired"


def test_a_close_claim_decided_on_a_fine_bar_settles_despite_repaired_days(
    engine, tmp_path: Path
) -> None:
    # Westpac's call: repaired bars in the window, the deciding bar 2022-12-30 fine.
    prices = tmp_path / "p"
    write_csv(
        prices,
        "EURUSD=X",
        euro(
            **{
                "2022-12-26": (1.06678, 1.063717, 1.0614, 1.0626),
                "2022-12-30": (1.07, 1.071, 1.065, 1.0705),
            }
        ),
    )
    (claim,) = record(engine, "EURUSD=X close_below 1.02 by 2022-12-31")
    run_resolver(engine, CsvSource(prices), as_of=date(2023, 1, 31), today=date(2023, 1, 31))
    found = resolution(engine, claim)
    assert (found["status"], found["date"], found["price"]) == ("false", date(2022, 12, 30), 1.0705)
    assert found["bar_quality"] is None


def test_close_only_bars_flag_a_touch_that_never_came_and_a_touch_by_the_close(
    engine, tmp_path: Path
) -> None:
    # COMEX roll days: high = low = close. No touch of 2000 can be seen on them.
    bars = flat_bars("2022-01-03", "2023-01-31", 1800.0)
    bars["high"], bars["low"] = 1810.0, 1790.0
    bars.loc[pd.Timestamp("2022-09-28"), ["open", "high", "low", "close"]] = 1850.0
    prices = tmp_path / "p"
    write_csv(prices, "GC=F", bars)
    never, by_close = record(
        engine, "GC=F touch_above 2000 by 2022-12-30", "GC=F touch_above 1840 by 2022-12-30"
    )
    run_resolver(engine, CsvSource(prices), as_of=date(2023, 1, 31), today=date(2023, 1, 31))
    found = resolution(engine, never)
    assert (found["status"], found["bar_quality"]) == ("false", "close_only")
    found = resolution(engine, by_close)
    assert (found["status"], found["date"], found["field"], found["bar_quality"]) == (
        "true",
        date(2022, 9, 28),
        "close",
        "close_only",
    )


def test_a_spike_is_rejected_asked_for_again_and_blocks_only_what_needs_it(
    engine, tmp_path: Path
) -> None:
    # A lost decimal point on 2022-09-14; the touch of 1.055 happened before it.
    bars = euro(
        **{"2022-08-10": (1.05, 1.056, 1.04, 1.05), "2022-09-14": (1.05, 1.06, 0.104, 1.05)}
    )
    prices = tmp_path / "p"
    write_csv(prices, "EURUSD=X", bars)
    touched, close, never = record(
        engine,
        "EURUSD=X touch_above 1.055 by 2022-12-30",  # touched 2022-08-10, before the spike
        "EURUSD=X close_above 1.0 by 2022-12-30",  # needs only 2022-12-30
        "EURUSD=X touch_above 1.07 by 2022-12-30",  # "never" needs every day
    )
    as_of = date(2023, 1, 31)
    first = run_resolver(engine, CsvSource(prices), as_of=as_of, today=as_of)
    assert resolution(engine, touched)["status"] == "true"
    assert resolution(engine, close)["status"] == "true"
    found = resolution(engine, never)
    assert (found["status"], found["reason"]) == ("open", "data_gap")
    assert "2022-09-14" in found["detail"]
    assert first.to_json()["rejected_bars"] == {"EURUSD=X": 1}
    assert first.to_json()["rejected_bars_new"] == {"EURUSD=X": 1}

    # The same data again: the same count, nothing new, the bar asked for again.
    second = run_resolver(engine, CsvSource(prices), as_of=as_of, today=as_of)
    assert second.to_json()["rejected_bars"] == {"EURUSD=X": 1}
    assert second.to_json()["rejected_bars_new"] == {}
    assert len(second.rejected_bars["EURUSD=X"]) == 1, second.to_json()

    # The feed fixes the bar: the next ordinary run settles the last claim.
    bars.loc[pd.Timestamp("2022-09-14"), "low"] = 1.04
    write_csv(prices, "EURUSD=X", bars)
    third = run_resolver(engine, CsvSource(prices), as_of=as_of, today=as_of)
    assert resolution(engine, never)["status"] == "false"
    assert third.to_json()["rejected_bars"] == {}


def test_a_lone_saturday_deadline_settles_on_friday_as_of_saturday(engine, tmp_path: Path) -> None:
    bars = flat_bars("2022-01-03", "2022-12-30", 1.05)  # the data ends on Friday
    bars.loc[pd.Timestamp("2022-12-30"), "close"] = 1.0705
    prices = tmp_path / "p"
    write_csv(prices, "EURUSD=X", bars)
    (claim,) = record(engine, "EURUSD=X close_above 1.07 by 2022-12-31")
    friday, saturday = date(2022, 12, 30), date(2022, 12, 31)
    run_resolver(engine, CsvSource(prices), as_of=friday, today=friday)
    assert resolution(engine, claim)["status"] == "open"  # Friday's bar may be unfinished
    run_resolver(engine, CsvSource(prices), as_of=saturday, today=saturday)
    found = resolution(engine, claim)
    assert (found["status"], found["date"], found["price"]) == ("true", friday, 1.0705)


def test_a_lone_holiday_deadline_settles_once_a_later_bar_comes(engine, tmp_path: Path) -> None:
    # Good Friday 2023-04-07: no bar; the run fetches through as_of, so Monday's bar comes.
    bars = flat_bars("2023-01-02", "2023-04-20", 4000.0).drop(pd.Timestamp("2023-04-07"))
    bars.loc[pd.Timestamp("2023-04-06"), "close"] = 4100.0
    prices = tmp_path / "p"
    write_csv(prices, "^GSPC", bars)
    (claim,) = record(engine, "^GSPC close_above 4050 by 2023-04-07", made_on=date(2023, 3, 1))
    as_of = date(2023, 4, 20)
    run_resolver(engine, CsvSource(prices), as_of=as_of, today=as_of)
    found = resolution(engine, claim)
    assert (found["status"], found["date"], found["price"]) == ("true", date(2023, 4, 6), 4100.0)


def test_crude_oil_below_zero_is_judged_like_any_price(engine, tmp_path: Path) -> None:
    bars = flat_bars("2020-01-02", "2020-05-29", 20.0)
    bars.loc[pd.Timestamp("2020-04-20"), ["low", "close"]] = [-40.32, -37.63]
    bars.loc[pd.Timestamp("2020-04-21") :, ["open", "high", "low", "close"]] = 10.0
    prices = tmp_path / "p"
    write_csv(prices, "CL=F", bars)
    touch, hold = record(
        engine,
        "CL=F touch_below 5 by 2020-04-30",
        "CL=F hold_above 8 by 2020-05-29",
        made_on=date(2020, 3, 2),
    )
    as_of = date(2020, 6, 30)
    summary = run_resolver(engine, CsvSource(prices), as_of=as_of, today=as_of)
    assert summary.rejected_bars.get("CL=F", []) == []
    assert resolution(engine, touch)["status"] == "true"
    found = resolution(engine, hold)
    assert (found["status"], found["date"], found["price"]) == ("false", date(2020, 4, 20), -40.32)
