"""Gaps in the data, case by case: what a rejected or missing day holds back, and what not."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from ledger.claims.model import Claim, ClaimKind, Outcome
from ledger.rules import OpenReason, resolve, resolve_many
from ledger.rules.calendar import (
    EVERY_DAY,
    LUNAR_WEEKDAYS,
    US_SESSIONS,
    WEEKDAYS,
    calendar_for,
    settle_days,
)

TA, TB, HA, HB = (
    ClaimKind.TOUCH_ABOVE,
    ClaimKind.TOUCH_BELOW,
    ClaimKind.HOLD_ABOVE,
    ClaimKind.HOLD_BELOW,
)
CA, AA = ClaimKind.CLOSE_ABOVE, ClaimKind.AVERAGE_ABOVE
MADE_ON = date(2024, 1, 1)  # a Monday
AS_OF = date(2024, 3, 1)


def bars(
    first: str, last: str, *, every_day: bool = False, drop: tuple[str, ...] = ()
) -> pd.DataFrame:
    days = pd.date_range(first, last, freq="D" if every_day else "B", name="date")
    days = days.drop(pd.to_datetime(list(drop)))
    return pd.DataFrame(
        {"open": 100.0, "high": 100.0, "low": 100.0, "close": 100.0, "volume": np.nan}, index=days
    )


def claim(
    kind: ClaimKind, level: float, deadline: str, symbol: str = "GC=F", start: str = "2024-01-02"
) -> Claim:
    return Claim(
        symbol,
        symbol,
        kind,
        level,
        MADE_ON,
        date.fromisoformat(start),
        date.fromisoformat(deadline),
    )


GOLD = bars("2024-01-01", "2024-02-29")


@pytest.mark.parametrize(
    "kind",
    [pytest.param(TA, id="touch"), pytest.param(HA, id="hold"), pytest.param(AA, id="average")],
)
def test_a_rejected_day_in_the_window_holds_back_the_end_of_window_decision(kind) -> None:
    level = 150.0 if kind in (TA, AA) else 50.0
    verdict = resolve(
        claim(kind, level, "2024-01-31"),
        GOLD.drop(pd.Timestamp("2024-01-17")),
        AS_OF,
        gaps=[date(2024, 1, 17)],
    )
    assert (verdict.outcome, verdict.open_reason) == (None, OpenReason.DATA_GAP)
    assert verdict.open_detail == "gap in the data: 2024-01-17 (the source's bar was rejected)"


def test_a_24_5_market_may_miss_a_day_without_a_rejected_bar() -> None:
    window = GOLD.drop(pd.Timestamp("2024-01-17"))
    fx = "EURUSD=X"
    assert resolve(claim(TA, 150.0, "2024-01-31", fx), window, AS_OF).outcome is Outcome.FALSE
    assert resolve(claim(HA, 50.0, "2024-01-31", fx), window, AS_OF).outcome is Outcome.TRUE


def test_a_missing_session_is_a_gap_and_a_holiday_is_not() -> None:
    # COMEX gold on the US sessions: Wednesday 2024-01-17 traded, so its bar is missing.
    held = resolve(claim(TA, 150.0, "2024-01-31"), GOLD.drop(pd.Timestamp("2024-01-17")), AS_OF)
    assert (held.outcome, held.open_reason) == (None, OpenReason.DATA_GAP)
    assert held.open_detail == "gap in the data: 2024-01-17 (1 trading day without a bar)"
    # Martin Luther King Day, 2024-01-15, had no session: no bar is no gap.
    holiday = GOLD.drop(pd.Timestamp("2024-01-15"))
    assert resolve(claim(TA, 150.0, "2024-01-31"), holiday, AS_OF).outcome is Outcome.FALSE
    assert resolve(claim(HA, 50.0, "2024-01-31"), holiday, AS_OF).outcome is Outcome.TRUE


def test_an_early_close_may_lack_a_bar() -> None:
    # The day after Thanksgiving, 2023-11-24, closed at 13:00; early-2000s feeds skipped such days.
    data = bars("2023-11-01", "2023-12-29").drop(pd.Timestamp("2023-11-24"))
    day_after = claim(TA, 150.0, "2023-12-15", start="2023-11-02")
    assert resolve(day_after, data, date(2024, 1, 2)).outcome is Outcome.FALSE
    # A full session is not optional: the Monday after is a gap.
    monday = data.drop(pd.Timestamp("2023-11-27"))
    held = resolve(day_after, monday, date(2024, 1, 2))
    assert held.open_detail == (
        "gap in the data: 2023-11-24 to 2023-11-27 (1 trading day without a bar)"
    )


def test_a_holiday_deadline_settles_on_the_last_session_once_final() -> None:
    # Good Friday 2024-03-29: the S&P 500's last session before it is Thursday 03-28.
    data = bars("2024-01-01", "2024-03-28")
    data.loc[pd.Timestamp("2024-03-28"), "close"] = 120.0
    spx = claim(CA, 110.0, "2024-03-29", "^GSPC")
    assert resolve(spx, data, date(2024, 3, 28)).open_reason is OpenReason.WAITING_FOR_DEADLINE
    settled = resolve(spx, data, date(2024, 3, 29))
    assert (settled.outcome, settled.evidence_date) == (Outcome.TRUE, date(2024, 3, 28))
    # On a 24/5 calendar Good Friday is a weekday: it waits for a bar on or after it.
    fx = resolve(claim(CA, 110.0, "2024-03-29", "EURUSD=X"), data, date(2024, 3, 30))
    assert (fx.outcome, fx.open_reason) == (None, OpenReason.WAITING_FOR_DATA)


@pytest.mark.parametrize(
    ("calendar", "deadline", "settles"),
    [
        pytest.param(US_SESSIONS, "2024-03-29", "2024-03-28", id="good-friday"),
        pytest.param(US_SESSIONS, "2024-12-25", "2024-12-24", id="christmas"),
        pytest.param(US_SESSIONS, "2024-06-16", "2024-06-14", id="sunday"),
        pytest.param(US_SESSIONS, "2024-07-02", "2024-07-02", id="a-session"),
        pytest.param(WEEKDAYS, "2024-03-29", "2024-03-29", id="fx-good-friday"),
        pytest.param(WEEKDAYS, "2024-06-15", "2024-06-14", id="fx-saturday"),
        pytest.param(EVERY_DAY, "2024-06-15", "2024-06-15", id="crypto-saturday"),
    ],
)
def test_settle_days(calendar, deadline: str, settles: str) -> None:
    day = np.array([np.datetime64(deadline, "D")]).astype(np.int64)
    assert settle_days(calendar, day).astype("datetime64[D]")[0] == np.datetime64(settles)


def test_a_crossing_is_a_crossing_whatever_the_gaps() -> None:
    data = GOLD.copy()
    data.loc[pd.Timestamp("2024-01-24"), ["high", "low"]] = [160.0, 40.0]
    gaps = [date(2024, 1, 10)]  # before the crossing: the crossing still happened
    assert resolve(claim(TA, 150.0, "2024-01-31"), data, AS_OF, gaps=gaps).outcome is Outcome.TRUE
    assert resolve(claim(HB, 150.0, "2024-01-31"), data, AS_OF, gaps=gaps).outcome is Outcome.FALSE
    assert resolve(claim(TB, 50.0, "2024-01-31"), data, AS_OF, gaps=gaps).outcome is Outcome.TRUE


def test_gaps_outside_the_window_do_not_matter() -> None:
    gaps = [date(2023, 12, 29), date(2024, 2, 5)]
    verdict = resolve(claim(TA, 150.0, "2024-01-31"), GOLD, AS_OF, gaps=gaps)
    assert verdict.outcome is Outcome.FALSE


def test_a_day_with_a_trusted_bar_is_no_gap() -> None:
    verdict = resolve(claim(TA, 150.0, "2024-01-31"), GOLD, AS_OF, gaps=[date(2024, 1, 17)])
    assert verdict.outcome is Outcome.FALSE


def test_a_bar_without_prices_is_a_gap() -> None:
    data = GOLD.copy()
    data.loc[pd.Timestamp("2024-01-17"), "close"] = np.nan
    verdict = resolve(claim(TA, 150.0, "2024-01-31"), data, AS_OF)
    assert verdict.open_reason is OpenReason.DATA_GAP


def test_a_close_is_judged_only_on_the_real_last_trading_day() -> None:
    data = GOLD.copy()
    data.loc[pd.Timestamp("2024-01-30"), "close"] = 120.0
    missing_deadline = data.drop(pd.Timestamp("2024-01-31"))
    held = resolve(
        claim(CA, 110.0, "2024-01-31"), missing_deadline, AS_OF, gaps=[date(2024, 1, 31)]
    )
    assert (held.outcome, held.open_reason) == (None, OpenReason.DATA_GAP)
    assert "2024-01-31" in held.open_detail
    # A rejected day before the last bar does not matter to a close.
    earlier = resolve(
        claim(CA, 110.0, "2024-01-30"),
        data.drop(pd.Timestamp("2024-01-10")),
        AS_OF,
        gaps=[date(2024, 1, 10)],
    )
    assert earlier.outcome is Outcome.TRUE and earlier.evidence_date == date(2024, 1, 30)


def test_a_rejected_bar_on_the_deadline_shows_the_data_has_arrived() -> None:
    # The data ends with the rejected deadline day: not "waiting for data", a gap.
    data = GOLD[GOLD.index < "2024-01-31"]
    verdict = resolve(claim(TA, 150.0, "2024-01-31"), data, AS_OF, gaps=[date(2024, 1, 31)])
    assert verdict.open_reason is OpenReason.DATA_GAP


@pytest.mark.parametrize(
    ("drop", "expect"),
    [
        pytest.param(
            ("2024-01-15", "2024-01-16", "2024-01-17", "2024-01-18"),
            Outcome.FALSE,
            id="four-weekdays-closed",
        ),
        pytest.param(
            ("2024-01-15", "2024-01-16", "2024-01-17", "2024-01-18", "2024-01-19"),
            None,
            id="five-weekdays-missing",
        ),
        pytest.param(
            ("2024-01-12", "2024-01-15", "2024-01-16", "2024-01-17"),
            Outcome.FALSE,
            id="four-around-a-weekend",
        ),
    ],
)
def test_a_24_5_market_may_miss_four_weekdays(drop: tuple[str, ...], expect) -> None:
    verdict = resolve(
        claim(TA, 150.0, "2024-01-31", "EURUSD=X"), GOLD.drop(pd.to_datetime(list(drop))), AS_OF
    )
    assert verdict.outcome is expect
    if expect is None:
        assert (
            verdict.open_detail
            == "gap in the data: 2024-01-15 to 2024-01-19 (5 weekdays without a bar)"
        )


def test_a_week_off_at_the_lunar_new_year_is_no_gap_in_shanghai() -> None:
    week = tuple(str(day.date()) for day in pd.bdate_range("2024-02-09", "2024-02-16"))
    data = bars("2024-01-01", "2024-02-29", drop=week)
    assert (
        resolve(claim(TA, 150.0, "2024-02-28", "000001.SS"), data, AS_OF).outcome is Outcome.FALSE
    )
    assert (
        resolve(claim(TA, 150.0, "2024-02-28", "GC=F"), data, AS_OF).open_reason
        is OpenReason.DATA_GAP
    )


def test_crypto_misses_no_day() -> None:
    btc = bars("2024-01-01", "2024-02-29", every_day=True)
    weekend_lost = btc.drop(pd.to_datetime(["2024-01-13"]))  # a Saturday
    held = resolve(claim(TA, 150.0, "2024-01-31", "BTC-USD"), weekend_lost, AS_OF)
    assert (held.outcome, held.open_reason) == (None, OpenReason.DATA_GAP)
    assert held.open_detail == "gap in the data: 2024-01-13 (1 day without a bar)"
    # An exchange's Saturday is no trading day.
    assert (
        resolve(claim(TA, 150.0, "2024-01-31", "GC=F"), weekend_lost, AS_OF).outcome
        is Outcome.FALSE
    )
    assert resolve(claim(TA, 150.0, "2024-01-31", "BTC-USD"), btc, AS_OF).outcome is Outcome.FALSE


def test_the_detail_names_the_first_gaps_and_counts_the_rest() -> None:
    gaps = [date(2024, 1, d) for d in (9, 10, 11, 23, 24)]
    data = GOLD.drop(pd.to_datetime(gaps))
    verdict = resolve(claim(TA, 150.0, "2024-01-31"), data, AS_OF, gaps=gaps)
    assert verdict.open_detail == (
        "gap in the data: 2024-01-09 (the source's bar was rejected); 2024-01-10 (the source's"
        " bar was rejected); 2024-01-11 (the source's bar was rejected); and 2 more"
    )


def test_claims_on_two_calendars_in_one_call_match_one_by_one() -> None:
    data = bars("2024-01-01", "2024-02-29", every_day=True).drop(pd.Timestamp("2024-01-13"))
    claims = [claim(TA, 150.0, "2024-01-31", "BTC-USD"), claim(TA, 150.0, "2024-01-31", "GC=F")]
    many = resolve_many(claims, data, AS_OF)
    assert many == [resolve(c, data, AS_OF) for c in claims]
    assert [v.open_reason for v in many] == [OpenReason.DATA_GAP, None]


@pytest.mark.parametrize(
    ("symbol", "calendar"),
    [
        pytest.param("BTC-USD", EVERY_DAY, id="bitcoin"),
        pytest.param("eth-eur", EVERY_DAY, id="lower-case-pair"),
        pytest.param("SOL-USDT", EVERY_DAY, id="stablecoin-quote"),
        pytest.param("BRK-B", US_SESSIONS, id="share-class-is-a-stock"),
        pytest.param("AAPL", US_SESSIONS, id="us-stock"),
        pytest.param("EURUSD=X", WEEKDAYS, id="currency-pair"),
        pytest.param("GC=F", US_SESSIONS, id="future"),
        pytest.param("CL=F", US_SESSIONS, id="crude-future"),
        pytest.param("^GSPC", US_SESSIONS, id="index"),
        pytest.param("^N225", WEEKDAYS, id="foreign-index"),
        pytest.param("RHM.DE", WEEKDAYS, id="foreign-stock"),
        pytest.param("GC=F/SI=F", US_SESSIONS, id="ratio-of-futures"),
        pytest.param("GC=F/BTC-USD", WEEKDAYS, id="ratio-across-calendars"),
        pytest.param("600519.SS", LUNAR_WEEKDAYS, id="shanghai"),
        pytest.param("2330.TW", LUNAR_WEEKDAYS, id="taipei"),
    ],
)
def test_calendars(symbol: str, calendar) -> None:
    assert calendar_for(symbol) == calendar
