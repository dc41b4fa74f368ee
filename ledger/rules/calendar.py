"""When a market trades: which days a bar must exist for, and which session settles a deadline.

Three kinds of calendar:

* **Exchange sessions** (`exchange` set): the days the exchange holds a
  session, from the maintained `exchange_calendars` library (its XNYS
  calendar: NYSE's holidays and one-off closures such as 2012-10-29, Sandy,
  and 2025-01-09, a national day of mourning). It serves the S&P 500 and the
  other US indices, US stocks and ETFs, and the US futures Yahoo writes as
  ``XX=F`` (COMEX gold and silver, NYMEX crude oil, CME and CBOT contracts).
  Why XNYS for futures and not exchange_calendars' CME calendars: those list
  Globex's shortened sessions on US holidays (Martin Luther King Day,
  Thanksgiving, ...), which publish no daily settlement and have no daily bar;
  the daily settlements follow the US holidays. Measured on Yahoo's GC=F
  2000-2026: 183 CME "sessions" without a bar, 19 XNYS sessions without one
  (day-after-Thanksgiving half days of 2000-2006 and three single days).
  On these calendars any full session without a bar is a gap in the data,
  and a deadline on a holiday or weekend is settled by the last session
  before it. An early-close session (the day after Thanksgiving, Christmas
  Eve, the eve of Independence Day) may lack a bar without being a gap: the
  feeds of the early 2000s skipped them (Yahoo's GC=F has no bar for 10 of its
  19 missing XNYS sessions, all early closes), and a half day's bar is no
  bar a claim can be refused for.
  The library's holiday rules are reliable from 1970 (before that, NYSE's
  closures are not all in it); earlier days are treated as plain weekdays with
  the four-weekday tolerance below.
* **Weekdays** (24/5: currencies, and exchanges the ledger has no calendar
  for: foreign stocks and indices): every weekday counts, but a feed leaves
  out a holiday (Yahoo's FX bars skip Christmas and New Year) and no exchange
  closes for more than four weekdays in a row (NYSE's longest unplanned
  closure was 11-14 September 2001), so more than `LONGEST_CLOSURE`
  consecutive weekdays without a bar are a gap. Shanghai, Shenzhen and Taipei
  close for a week at the lunar new year (`LONGEST_LUNAR_CLOSURE`).
* **Every day** (24/7, UTC days): crypto. Any missing day is a gap. Yahoo
  writes crypto pairs as BASE-QUOTE with a currency or a stablecoin as the
  quote: BTC-USD, ETH-EUR, SOL-USDT.

All of it is numpy business-day arithmetic (`np.busday_count`,
`np.busday_offset` with the exchange's holidays), so the rules stay vectorized
over claims and bars.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np

from ledger.claims.pairs import ratio_legs

LONGEST_CLOSURE = 4
LONGEST_LUNAR_CLOSURE = 9
EXCHANGE_CALENDAR_START = date(1970, 1, 1)
"""From this day on, an exchange calendar's holidays are known and a missing session is a gap."""

_LUNAR_SUFFIXES = (".SS", ".SZ", ".TW", ".TWO")
_CRYPTO_QUOTES = frozenset({"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "USDT", "USDC", "BTC", "ETH"})
_US_INDICES = frozenset({"^GSPC", "^SPX", "^DJI", "^IXIC", "^NDX", "^RUT", "^VIX", "^NYA", "^SOX"})
# A US listing as Yahoo writes it: letters, maybe digits, maybe a share class (BRK-B).
_US_STOCK = re.compile(r"^[A-Z][A-Z0-9]{0,5}(-[A-Z])?$")
_EPOCH = np.datetime64("1970-01-01", "D")
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def day_numbers(days: Sequence[date]) -> np.ndarray:
    """Days since 1970-01-01 as int64 (`datetime64[D]`'s numbers).

    Through `toordinal`: numpy converts a list of date objects to datetime64
    about twenty times slower, which a run over 100k claims feels.
    """
    return np.fromiter((day.toordinal() for day in days), np.int64, len(days)) - _EPOCH_ORDINAL


@dataclass(frozen=True, slots=True)
class TradingCalendar:
    """Which days count, and how many in a row may lack a bar before it is a gap."""

    every_day: bool  # True: all calendar days count; False: weekdays (less holidays)
    longest_closure: int  # the most consecutive counted days a market may be shut
    exchange: str | None = None  # an exchange_calendars name: its sessions are the days

    @property
    def sessions(self) -> np.busdaycalendar:
        """The days this calendar counts, as numpy's business-day calendar."""
        if self.exchange is None:
            return _WEEKDAYS_ONLY
        return _exchange_sessions(self.exchange)[0]

    @property
    def optional_days(self) -> np.ndarray:
        """Sessions that may lack a bar (early closes), as sorted day numbers."""
        if self.exchange is None:
            return _NO_DAYS
        return _exchange_sessions(self.exchange)[1]

    def closure_allowed(self, following: np.ndarray) -> np.ndarray:
        """Per run of missing days ending before `following` (day numbers), how many
        counted days may be missing: none on an exchange calendar from 1970 on."""
        if self.exchange is None:
            return np.full(len(following), self.longest_closure)
        start = int((np.datetime64(EXCHANGE_CALENDAR_START, "D") - _EPOCH).astype(np.int64))
        return np.where(following > start, 0, LONGEST_CLOSURE)


WEEKDAYS = TradingCalendar(every_day=False, longest_closure=LONGEST_CLOSURE)
LUNAR_WEEKDAYS = TradingCalendar(every_day=False, longest_closure=LONGEST_LUNAR_CLOSURE)
EVERY_DAY = TradingCalendar(every_day=True, longest_closure=0)
US_SESSIONS = TradingCalendar(every_day=False, longest_closure=0, exchange="XNYS")

_WEEKDAYS_ONLY = np.busdaycalendar(weekmask="1111100")
_NO_DAYS = np.empty(0, dtype=np.int64)


@cache
def _exchange_sessions(exchange: str) -> tuple[np.busdaycalendar, np.ndarray]:
    """Weekdays less the exchange's holidays, from 1970 to the library's horizon (a year
    ahead), and its early-close sessions as day numbers.

    Built once per process, and only when a symbol on that exchange is judged.
    NYSE's days come from `us_sessions_table`, generated from the library: building
    the library's calendar cost a run 0.24 s (issue 12). Past the table's last
    session, and for any other exchange, the library is asked.
    """
    if exchange == "XNYS":
        table = _table_sessions(date.today())
        if table is not None:
            return table
    return _library_sessions(exchange)


def _library_sessions(
    exchange: str, end: date | None = None
) -> tuple[np.busdaycalendar, np.ndarray]:
    """`_exchange_sessions` from exchange_calendars, through `end` (by default the
    library's own horizon: a year after today)."""
    import exchange_calendars

    calendar = exchange_calendars.get_calendar(
        exchange,
        start=EXCHANGE_CALENDAR_START.isoformat(),
        end=end.isoformat() if end is not None else None,
    )
    sessions = np.asarray(calendar.sessions.values, dtype="datetime64[D]")
    weekdays = np.arange(sessions[0], sessions[-1] + 1, dtype="datetime64[D]")
    weekdays = weekdays[np.is_busday(weekdays)]
    holidays = np.setdiff1d(weekdays, sessions)
    early = np.asarray(calendar.early_closes.values, dtype="datetime64[D]")
    early_days = np.sort((early - _EPOCH).astype(np.int64))
    return np.busdaycalendar(weekmask="1111100", holidays=holidays), early_days


def _table_sessions(today: date) -> tuple[np.busdaycalendar, np.ndarray] | None:
    """NYSE's `_exchange_sessions` from the generated table, as the library builds
    them on `today` (its sessions end on the last one up to a year later), or None
    when that year reaches past the table."""
    from ledger.rules import us_sessions_table as table

    horizon = _a_year_after(today)
    if horizon >= table.LAST_SESSION:
        return None
    holidays = np.array(table.HOLIDAYS.split(), dtype="datetime64[D]")
    early = np.array(table.EARLY_CLOSES.split(), dtype="datetime64[D]")
    every_holiday = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    last = np.busday_offset(
        np.datetime64(horizon, "D"), 0, roll="backward", busdaycal=every_holiday
    )
    early_days = (early[early <= last] - _EPOCH).astype(np.int64)
    return np.busdaycalendar(weekmask="1111100", holidays=holidays[holidays < last]), early_days


def _a_year_after(day: date) -> date:
    """The same day a year later (a leap day goes to 28 February), as pandas'
    `DateOffset(years=1)` moves the library's horizon."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def calendar_for(symbol: str) -> TradingCalendar:
    """The calendar a symbol's bars are checked against.

    A ratio has a bar only on the days both legs traded, so it follows the
    stricter leg: every day only when both are crypto, the US sessions when
    both trade on them, otherwise weekdays.
    """
    legs = ratio_legs(symbol.strip())
    if legs is not None:
        calendars = {calendar_for(leg) for leg in legs}
        if len(calendars) == 1:
            return calendars.pop()
        return LUNAR_WEEKDAYS if LUNAR_WEEKDAYS in calendars else WEEKDAYS
    upper = symbol.strip().upper()
    base, dash, quote = upper.rpartition("-")
    if dash and base and quote in _CRYPTO_QUOTES:
        return EVERY_DAY
    if upper.endswith(_LUNAR_SUFFIXES):
        return LUNAR_WEEKDAYS
    if upper.endswith("=F") or upper in _US_INDICES or _US_STOCK.match(upper):
        return US_SESSIONS
    return WEEKDAYS


def settle_days(calendar: TradingCalendar, deadlines: np.ndarray) -> np.ndarray:
    """Per deadline (day numbers since 1970-01-01), the session that settles it.

    That is the last day on or before the deadline the market trades on this
    calendar: the deadline itself for crypto, the last weekday for 24/5
    markets (Friday for a weekend deadline), the last session for an exchange
    (Thursday 2026-04-02 for Good Friday).
    """
    if calendar.every_day or len(deadlines) == 0:
        return deadlines
    return session_backward(calendar, deadlines)


def session_forward(calendar: TradingCalendar, days: np.ndarray) -> np.ndarray:
    """Each day (day numbers), or the first counted day after it."""
    dates = days.astype("datetime64[D]")
    return np.busday_offset(dates, 0, roll="forward", busdaycal=calendar.sessions).astype(np.int64)


def session_backward(calendar: TradingCalendar, days: np.ndarray) -> np.ndarray:
    """Each day (day numbers), or the last counted day before it."""
    dates = days.astype("datetime64[D]")
    return np.busday_offset(dates, 0, roll="backward", busdaycal=calendar.sessions).astype(np.int64)


def sessions_between(
    calendar: TradingCalendar, after: np.ndarray, before: np.ndarray
) -> np.ndarray:
    """Counted days in [after, before) (day numbers) that must have a bar, per pair:
    the calendar's days less its optional ones (early closes)."""
    counted = np.busday_count(
        after.astype("datetime64[D]"), before.astype("datetime64[D]"), busdaycal=calendar.sessions
    ).astype(np.int64)
    optional = calendar.optional_days
    if len(optional) == 0:
        return counted
    inside = np.searchsorted(optional, before, side="left") - np.searchsorted(
        optional, after, side="left"
    )
    return counted - inside
