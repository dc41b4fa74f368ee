"""When a market trades, as far as the rules need to know to spot missing data.

The rules have no exchange calendar, and need none to tell an outage from a
holiday: exchanges close for a day or two (Christmas, a national holiday, a
long weekend), NYSE's longest unplanned closure in living memory was four
weekdays (11-14 September 2001), but no source that is working leaves a week
of an exchange's trading days out. So:

* an exchange-traded symbol (stocks, indices, futures, currencies) trades on
  weekdays, and more than `LONGEST_CLOSURE` consecutive weekdays without a bar
  are a gap in the data, not a closure;
* the Chinese and Taiwanese markets close for a week at the lunar new year
  and in October (Golden Week), so for them the limit is
  `LONGEST_LUNAR_CLOSURE`;
* crypto trades every day of the year, weekends included, so any missing day
  is a gap. Yahoo writes crypto pairs as BASE-QUOTE with a currency or a
  stablecoin as the quote: BTC-USD, ETH-EUR, SOL-USDT.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ledger.claims.pairs import ratio_legs

LONGEST_CLOSURE = 4
LONGEST_LUNAR_CLOSURE = 9
_LUNAR_SUFFIXES = (".SS", ".SZ", ".TW", ".TWO")
_CRYPTO_QUOTES = frozenset({"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "USDT", "USDC", "BTC", "ETH"})


@dataclass(frozen=True, slots=True)
class TradingCalendar:
    """Which days count, and how many in a row may lack a bar before it is a gap."""

    every_day: bool  # True: all calendar days count; False: weekdays only
    longest_closure: int  # the most consecutive counted days a market may be shut


WEEKDAYS = TradingCalendar(every_day=False, longest_closure=LONGEST_CLOSURE)
LUNAR_WEEKDAYS = TradingCalendar(every_day=False, longest_closure=LONGEST_LUNAR_CLOSURE)
EVERY_DAY = TradingCalendar(every_day=True, longest_closure=0)


def calendar_for(symbol: str) -> TradingCalendar:
    """The calendar a symbol's bars are checked against.

    A ratio has a bar only on the days both legs traded, so it follows the
    stricter leg: every day only when both are crypto.
    """
    legs = ratio_legs(symbol.strip())
    if legs is not None:
        calendars = {calendar_for(leg) for leg in legs}
        if calendars == {EVERY_DAY}:
            return EVERY_DAY
        return LUNAR_WEEKDAYS if LUNAR_WEEKDAYS in calendars else WEEKDAYS
    upper = symbol.strip().upper()
    base, dash, quote = upper.rpartition("-")
    if dash and base and quote in _CRYPTO_QUOTES:
        return EVERY_DAY
    if upper.endswith(_LUNAR_SUFFIXES):
        return LUNAR_WEEKDAYS
    return WEEKDAYS


def settle_days(calendar: TradingCalendar, deadlines: np.ndarray) -> np.ndarray:
    """Per deadline (day numbers since 1970-01-01), the session that settles it.

    That is the last day on or before the deadline the market trades on this
    calendar: the deadline itself for crypto, the last weekday for the rest
    (Friday for a weekend deadline).
    """
    if calendar.every_day or len(deadlines) == 0:
        return deadlines
    days = deadlines.astype("datetime64[D]")
    return np.busday_offset(days, 0, roll="backward").astype(np.int64)
