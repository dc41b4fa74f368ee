"""Deadline and period phrases, read against a fixed call date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.dates import add_months, find_date_phrases, parse_date_phrase, parse_period_start
from ledger.errors import ClaimError

MADE_ON = date(2025, 11, 20)

# phrase, deadline, period start (None for a plain deadline), whether a reading is stated
PHRASES = [
    ("2026-12-31", date(2026, 12, 31), None, False),
    ("on 2026-12-31", date(2026, 12, 31), None, False),
    ("by 2026-12-31", date(2026, 12, 31), None, False),
    ("until 2026-12-31", date(2026, 12, 31), None, False),
    ("through 2026-12-31", date(2026, 12, 31), None, False),
    ("before 2026-12-31", date(2026, 12, 30), None, True),
    ("Dec 31, 2026", date(2026, 12, 31), None, False),
    ("31 December 2026", date(2026, 12, 31), None, False),
    ("end-2026", date(2026, 12, 31), None, False),
    ("end of 2026", date(2026, 12, 31), None, False),
    ("by the end of 2026", date(2026, 12, 31), None, False),
    ("EOY 2026", date(2026, 12, 31), None, False),
    ("EOY", date(2025, 12, 31), None, False),
    ("year-end", date(2025, 12, 31), None, False),
    ("by year end", date(2025, 12, 31), None, False),
    ("by the end of the year", date(2025, 12, 31), None, False),
    ("Q3 2026", date(2026, 9, 30), None, False),
    ("by Q3 2026", date(2026, 9, 30), None, False),
    ("in Q3 2026", date(2026, 9, 30), date(2026, 7, 1), False),
    ("H1 2027", date(2027, 6, 30), None, False),
    ("H2 2026", date(2026, 12, 31), None, False),
    ("in H2 2026", date(2026, 12, 31), date(2026, 7, 1), False),
    ("June 2026", date(2026, 6, 30), None, False),
    ("by June 2026", date(2026, 6, 30), None, False),
    ("in June 2026", date(2026, 6, 30), date(2026, 6, 1), False),
    ("before June 2026", date(2026, 5, 31), None, True),
    ("mid-2026", date(2026, 6, 30), None, True),
    ("by mid-2026", date(2026, 6, 30), None, True),
    ("in 6 months", date(2026, 5, 20), None, True),
    ("within 6 months", date(2026, 5, 20), None, True),
    ("in six months", date(2026, 5, 20), None, True),
    ("for 6 months", date(2026, 5, 20), None, True),
    ("within 90 days", date(2026, 2, 18), None, True),
    ("in 2 weeks", date(2025, 12, 4), None, True),
    ("in a year", date(2026, 11, 20), None, True),
    ("in twelve months", date(2026, 11, 20), None, True),
    ("over the next 6 months", date(2026, 5, 20), None, True),
    ("next year", date(2026, 12, 31), None, True),
    ("this year", date(2025, 12, 31), None, False),
    ("next month", date(2025, 12, 31), None, True),
    ("through January", date(2026, 1, 31), None, True),
    ("until March", date(2026, 3, 31), None, True),
    ("through November", date(2025, 11, 30), None, True),
    ("in 2026", date(2026, 12, 31), date(2026, 1, 1), False),
    ("by 2026", date(2026, 12, 31), None, True),
    ("from 2026-10-01 to 2026-12-31", date(2026, 12, 31), date(2026, 10, 1), False),
    ("from Q3 2026 to Q4 2026", date(2026, 12, 31), date(2026, 7, 1), False),
    ("in the first half of 2026", date(2026, 6, 30), date(2026, 1, 1), False),
    # A period that "ends" or "is out" before the call comes due keeps its last day.
    ("before 2029 ends", date(2029, 12, 31), None, True),
    ("before the year is out", date(2025, 12, 31), None, True),
    ("by the time Q3 2026 is over", date(2026, 9, 30), None, True),
    ("until next year comes to an end", date(2026, 12, 31), None, True),
    ("before March runs out", date(2026, 3, 31), None, True),
    # A week runs Monday to Sunday (the call day, 2025-11-20, is a Thursday).
    ("until the end of this week", date(2025, 11, 23), None, False),
    ("by the end of the week", date(2025, 11, 23), None, False),
    ("by next week", date(2025, 11, 30), None, True),
    ("by the end of next week", date(2025, 11, 30), None, False),
]


@pytest.mark.parametrize(
    ("phrase", "deadline", "start", "stated"), PHRASES, ids=[p[0] for p in PHRASES]
)
def test_phrases(phrase: str, deadline: date, start: date | None, stated: bool) -> None:
    found = parse_date_phrase(phrase, MADE_ON)
    assert found.deadline == deadline
    assert found.start == start
    assert bool(found.assumptions) is stated


@pytest.mark.parametrize(
    ("text", "deadline", "blanked"),
    [
        ("SPX ends 2026 above 7000", date(2026, 12, 31), "SPX ends      above 7000"),
        ("gold closes 2026 below 3000", date(2026, 12, 31), "gold closes      below 3000"),
        (
            "gold finishes the year above 4000",
            date(2025, 12, 31),
            "gold finishes          above 4000",
        ),
    ],
    ids=["ends-2026", "closes-2026", "finishes-the-year"],
)
def test_year_after_a_close_verb_is_the_deadline_and_the_verb_stays(
    text: str, deadline: date, blanked: str
) -> None:
    phrases, rest = find_date_phrases(text, MADE_ON)
    assert [p.deadline for p in phrases] == [deadline]
    assert rest == blanked


@pytest.mark.parametrize(
    "text",
    [
        "gold 2026",
        "gold may hit 5000",
        "BTC in may",
        "March madness",
        "gold hit 4000 this week",
        "gold rose 2% for the week",
    ],
    ids=[
        "bare-year-is-a-price",
        "may-the-verb",
        "in-may-the-verb",
        "bare-month",
        "this-week-reports",
        "for-the-week-reports",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    phrases, rest = find_date_phrases(text, MADE_ON)
    assert phrases == []
    assert rest == text


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("year-end", date(2026, 12, 31)),
        ("EOY", date(2026, 12, 31)),
        ("the year", date(2026, 12, 31)),
    ],
    ids=["year-end", "EOY", "the-year"],
)
def test_year_end_called_on_new_years_eve_means_next_year(phrase: str, deadline: date) -> None:
    found = parse_date_phrase(phrase, date(2025, 12, 31))
    assert found.deadline == deadline
    assert any("2025-12-31" in note for note in found.assumptions)


def test_months_are_calendar_months_clipped_to_the_month_end() -> None:
    found = parse_date_phrase("in 3 months", date(2025, 11, 30))
    assert found.deadline == date(2026, 2, 28)
    assert "clipped" in found.assumptions[0]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 20), 2, date(2026, 1, 20)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
    ids=["jan31+1", "leap-jan31+1", "across-year", "leap-day+1y"],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("2026-13-45", "'2026-13-45' is not a valid date"),
        ("by 2026-02-30", "'2026-02-30' is not a valid date"),
        ("from 2026-12-01 to 2026-01-01", "starts (2026-12-01) after it ends (2026-01-01)"),
        ("in 9999 years", "past the year 9999"),
        ("someday", "'someday' is not a deadline"),
    ],
    ids=["month-13", "feb-30", "range-backwards", "past-9999", "not-a-date"],
)
def test_bad_dates(phrase: str, message: str) -> None:
    with pytest.raises(ClaimError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date_phrase(phrase, MADE_ON)


def test_bare_year_field_reads_as_by_that_year() -> None:
    found = parse_date_phrase("2026", MADE_ON)
    assert found.deadline == date(2026, 12, 31)
    assert found.assumptions


@pytest.mark.parametrize(
    ("text", "start"),
    [("2026-10-01", date(2026, 10, 1)), ("Q4 2026", date(2026, 10, 1)), ("2026", date(2026, 1, 1))],
    ids=["day", "quarter", "year"],
)
def test_period_start(text: str, start: date) -> None:
    assert parse_period_start(text, MADE_ON) == start


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)), st.integers(0, 240))
def test_add_months_matches_a_month_by_month_oracle(day: date, months: int) -> None:
    # Oracle: step one month at a time from the 1st, then clip the day.
    year, month = day.year, day.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    last = next(d for d in (31, 30, 29, 28) if _valid(year, month, d))
    assert add_months(day, months) == date(year, month, min(day.day, last))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@settings(max_examples=100, deadline=None)
@given(
    st.integers(2000, 2099),
    st.sampled_from(["before {} ends", "before {} is out", "by the time {} is over"]),
)
def test_a_year_that_runs_out_is_a_deadline_at_its_end_not_before_it_begins(
    year: int, wording: str
) -> None:
    ends = find_date_phrases(f"gold above 5000 {wording.format(year)}", MADE_ON)[0]
    begins = find_date_phrases(f"gold above 5000 before {year}", MADE_ON)[0]
    assert [p.deadline for p in ends] == [date(year, 12, 31)]
    assert [p.deadline for p in begins] == [date(year - 1, 12, 31)]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_this_and_next_week_end_on_the_sunday_of_their_week(made_on: date) -> None:
    this_week = find_date_phrases("bitcoin above 95000 by the end of this week", made_on)[0]
    next_week = find_date_phrases("bitcoin above 95000 by the end of next week", made_on)[0]
    sunday = this_week[0].deadline
    assert sunday.weekday() == 6 and 0 <= (sunday - made_on).days <= 6
    assert next_week[0].deadline == sunday + timedelta(days=7)
