"""The periods and levels a grid's cells are read as (ledger/extract/forecast_grids.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.forecast_grids import parse_level, parse_period

MADE_ON = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("cell", "said", "deadline", "calendar_span", "averaged"),
    [
        ("2026", "in 2026", date(2026, 12, 31), True, False),
        ("2026E", "in 2026", date(2026, 12, 31), True, False),
        ("2026 avg", "in 2026", date(2026, 12, 31), True, True),
        ("Ø 2027", "in 2027", date(2027, 12, 31), True, True),
        ("media 2027", "in 2027", date(2027, 12, 31), True, True),
        ("2026 ortalama", "in 2026", date(2026, 12, 31), True, True),
        ("Q3 26", "in Q3 2026", date(2026, 9, 30), True, False),
        ("3Q26", "in Q3 2026", date(2026, 9, 30), True, False),
        ("Q4'26", "in Q4 2026", date(2026, 12, 31), True, False),
        ("T2 2026", "in Q2 2026", date(2026, 6, 30), True, False),
        ("H2 2026", "in H2 2026", date(2026, 12, 31), True, False),
        ("1H27", "in H1 2027", date(2027, 6, 30), True, False),
        ("end-2026", "by the end of 2026", date(2026, 12, 31), False, False),
        ("year-end 2027", "by the end of 2027", date(2027, 12, 31), False, False),
        ("fine 2026", "by the end of 2026", date(2026, 12, 31), False, False),
        ("finales de 2026", "by the end of 2026", date(2026, 12, 31), False, False),
        ("Ende 2026", "by the end of 2026", date(2026, 12, 31), False, False),
        ("2026 sonu", "by the end of 2026", date(2026, 12, 31), False, False),
        ("End of September 2026", "by the end of September 2026", date(2026, 9, 30), False, False),
        ("12m", "in 12 months", date(2027, 1, 15), False, False),
        ("3-month", "in 3 months", date(2026, 4, 15), False, False),
        ("6 meses", "in 6 months", date(2026, 7, 15), False, False),
    ],
    ids=lambda value: str(value),
)
def test_a_header_cell_names_its_period(
    cell: str, said: str, deadline: date, calendar_span: bool, averaged: bool
) -> None:
    found = parse_period(cell, MADE_ON)
    assert found is not None
    period, said_average = found
    assert (period.said, period.deadline, period.calendar_span, said_average) == (
        said,
        deadline,
        calendar_span,
        averaged,
    )


@pytest.mark.parametrize(
    "cell", ["2020 prev", "Revised", "EPS 2026", "March 2025", "Goldman Sachs", "", "Forecasts"]
)
def test_a_cell_that_is_no_period(cell: str) -> None:
    assert parse_period(cell, MADE_ON) is None


@pytest.mark.parametrize(
    ("cell", "level"),
    [
        ("$4,900", "$4,900"),
        ("4,900", "4,900"),
        ("4900", "4,900"),
        ("US$ 4,900", "$4,900"),
        ("4,900 USD", "4,900"),
        ("$61.5", "$61.5"),
        ("62", "62"),
        ("$5k", "$5,000"),
        ("~5,000", "5,000"),
        ("$1,800/oz", "$1,800"),
        ("€1.15", "€1.15"),
    ],
)
def test_a_level_cell(cell: str, level: str) -> None:
    assert parse_level(cell) == level


@pytest.mark.parametrize("cell", ["+8%", "-", "n/a", "Jan 28", "rising", "4,900-5,000", "0"])
def test_a_cell_that_is_no_level(cell: str) -> None:
    assert parse_level(cell) is None


@given(st.text(max_size=40))
def test_any_cell_is_a_period_a_level_or_none(cell: str) -> None:
    assert parse_period(cell, MADE_ON) is None or parse_period(cell, MADE_ON)[0].deadline
    level = parse_level(cell)
    assert level is None or any(ch.isdigit() for ch in level)


@given(st.integers(min_value=1, max_value=9_999_999), st.sampled_from(["", "$", "US$ "]))
def test_a_written_number_reads_back_as_itself(value: int, sign: str) -> None:
    level = parse_level(f"{sign}{value:,}")
    assert level is not None
    assert float(level.lstrip("$").replace(",", "")) == value
