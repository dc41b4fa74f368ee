"""The US sessions table (`ledger.rules.us_sessions_table`) against exchange_calendars.

A resolve run on a US symbol took 0.24 s to import exchange_calendars and build
its XNYS calendar (issue 12); the table holds the same holidays and early
closes, so the run needs neither. Two things must hold: the table is what
the library says over the table's whole range (a new closure in a library
release fails here: regenerate the table with
`.venv/bin/python tests/rules/test_us_sessions_table.py`), and the calendar
the rules build from it equals the one they build from the library, whatever
the day (the library's sessions end a year after today; so do the table's).
"""

from __future__ import annotations

import sys
import textwrap
from datetime import date
from pathlib import Path

import exchange_calendars
import numpy as np
import pandas as pd
import pytest

from ledger.rules import calendar, us_sessions_table
from ledger.rules.calendar import EXCHANGE_CALENDAR_START

TABLE = Path(us_sessions_table.__file__)


def library_days(end: date) -> tuple[np.ndarray, np.ndarray, np.datetime64]:
    """Holidays (weekdays without a session), early closes and the last session
    from 1970 through `end`, as the library gives them."""
    xnys = exchange_calendars.get_calendar(
        "XNYS", start=EXCHANGE_CALENDAR_START.isoformat(), end=end.isoformat()
    )
    sessions = np.asarray(xnys.sessions.values, dtype="datetime64[D]")
    weekdays = np.arange(sessions[0], sessions[-1] + 1, dtype="datetime64[D]")
    holidays = np.setdiff1d(weekdays[np.is_busday(weekdays)], sessions)
    early = np.sort(np.asarray(xnys.early_closes.values, dtype="datetime64[D]"))
    return holidays, early, sessions[-1]


def table_source(through: date) -> str:
    """The text of `us_sessions_table.py`, from the library through `through`."""
    holidays, early, last = library_days(through)

    def lines(days: np.ndarray) -> str:
        words = " ".join(str(day) for day in days)
        return "\n".join(f'    "{line} "' for line in textwrap.wrap(words, 88))

    return (
        '"""NYSE holidays and early closes from 1970, as exchange_calendars has them.\n\n'
        "Generated from the library by `.venv/bin/python tests/rules/test_us_sessions_table.py`\n"
        "and read by `ledger.rules.calendar` instead of the library's XNYS calendar, whose\n"
        "import and build cost a resolve run on a US symbol 0.24 s (issue 12). The test\n"
        'fails when the library\'s days differ from these.\n"""\n\n'
        "from datetime import date\n\n"
        f"LAST_SESSION = date({last.item().year}, {last.item().month}, {last.item().day})\n"
        '"""The last session the table knows; beyond it the library is asked."""\n\n'
        f"HOLIDAYS = (\n{lines(holidays)}\n)\n"
        '"""Weekdays without a session, 1970-01-02 to `LAST_SESSION`, ISO dates."""\n\n'
        f"EARLY_CLOSES = (\n{lines(early)}\n)\n"
        '"""Sessions that close early, ISO dates."""\n'
    )


def test_the_table_is_what_the_library_says() -> None:
    through = us_sessions_table.LAST_SESSION
    assert TABLE.read_text() == table_source(through), (
        "regenerate: .venv/bin/python tests/rules/test_us_sessions_table.py"
    )


@pytest.mark.parametrize(
    "today",
    [date(2026, 12, 7), date(2027, 2, 28), date(2028, 2, 29), date(2029, 12, 24),
     date(2029, 6, 30), date(2030, 12, 30)],
    ids=str,
)  # fmt: skip
def test_the_rules_calendar_from_the_table_equals_the_one_from_the_library(today: date) -> None:
    """For each day a run may start on (a leap day; a Christmas Eve, a year before a
    horizon on a holiday), the table's calendar is the library's with its sessions
    ending a year after that day, as its default end has them."""
    end = pd.Timestamp(today) + pd.DateOffset(years=1)
    assert calendar._a_year_after(today) == end.date()
    from_library = calendar._library_sessions("XNYS", end=end.date())
    from_table = calendar._table_sessions(today)
    assert from_table is not None
    assert np.array_equal(from_table[0].holidays, from_library[0].holidays)
    assert np.array_equal(from_table[1], from_library[1])


def test_today_the_table_serves_what_the_library_would() -> None:
    from_library = calendar._library_sessions("XNYS")  # the library's own default end
    from_table = calendar._exchange_sessions("XNYS")
    assert np.array_equal(from_table[0].holidays, from_library[0].holidays)
    assert np.array_equal(from_table[1], from_library[1])


def test_past_the_table_the_library_is_asked() -> None:
    assert calendar._table_sessions(us_sessions_table.LAST_SESSION) is None


if __name__ == "__main__":
    through = date(int(sys.argv[1]), 12, 31) if len(sys.argv) > 1 else date(2031, 12, 31)
    TABLE.write_text(table_source(through))
    print(f"wrote {TABLE}")
