"""Trading days past a deadline: NYSE sessions for US futures, indices and stocks,
weekdays for FX, every day for crypto; checked against exchange_calendars'
own session list and counting the days one by one."""

from __future__ import annotations

from datetime import date, timedelta

import exchange_calendars
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ledger.services.review import trading_days_after

SYMBOLS = ("GC=F", "^GSPC", "AAPL", "EURUSD=X", "BTC-USD", "ETH-EUR", "GC=F/SI=F")
CRYPTO = {"BTC-USD", "ETH-EUR"}
NYSE = {"GC=F", "^GSPC", "AAPL", "GC=F/SI=F"}
XNYS = exchange_calendars.get_calendar("XNYS")


def _count(symbol: str, deadline: date, as_of: date) -> int:
    if symbol in NYSE:
        if as_of <= deadline:
            return 0
        start, end = pd.Timestamp(deadline + timedelta(days=1)), pd.Timestamp(as_of)
        return len(XNYS.sessions_in_range(start, end))
    day, count = deadline + timedelta(days=1), 0
    while day <= as_of:
        count += symbol in CRYPTO or day.weekday() < 5
        day += timedelta(days=1)
    return count


@given(
    rows=st.lists(
        st.tuples(st.sampled_from(SYMBOLS), st.dates(date(2020, 1, 1), date(2026, 12, 31))),
        max_size=20,
    ),
    as_of=st.dates(date(2020, 1, 1), date(2026, 12, 31)),
)
def test_trading_days_after_the_deadline_match_a_day_by_day_count(
    rows: list[tuple[str, date]], as_of: date
) -> None:
    symbols = [s for s, _ in rows]
    deadlines = [d for _, d in rows]
    assert trading_days_after(symbols, deadlines, as_of) == [_count(s, d, as_of) for s, d in rows]


def test_a_friday_deadline_is_five_trading_days_late_a_week_later() -> None:
    friday, next_friday = date(2025, 5, 16), date(2025, 5, 23)
    assert trading_days_after(["GC=F", "BTC-USD"], [friday] * 2, next_friday) == [5, 7]


def test_a_us_holiday_is_no_trading_day_but_a_weekday_for_fx() -> None:
    # Thursday 2025-07-03 to Monday 2025-07-07: the 4th is Independence Day.
    late = trading_days_after(["^GSPC", "EURUSD=X"], [date(2025, 7, 3)] * 2, date(2025, 7, 7))
    assert late == [1, 2]
