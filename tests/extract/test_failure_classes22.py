"""Failure classes of the twenty-second round (issue 11), from corpus_test7.yaml's failures.

corpus_test7.yaml left the frozen set on 2026-12-07; its false positives and misses (date
given) were sorted into classes (bench/README.md, "twenty-second round"). The classes fixed
here, each in general form and in wording of our own:

- a wire agency's credit at the head of a story ("(AOF) -", "PARIS (XYZ) -") read as the
  ticker of the asset the story is about;
- the spread of several houses' targets ("X, Y and Z have targets ranging from A to B")
  credited to each house as a call to B: the ends of a spread are nobody's call;
- "the Euro Stoxx 50" read as "the euro" (EUR/USD at 4,500): an index whose name begins
  with a currency's;
- "by the middle of next year" read as the end of next year (and "the middle of the year"
  as its end): the middle of a year named by "next"/"this" is its 30 June;

Each class has negatives that must not change. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

SEPTEMBER = date(2024, 9, 27)

# ------------------------------------------------------------ a wire agency's credit


@pytest.mark.parametrize(
    "text",
    [
        "(AOF) - Gold slipped 0.5% to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "(ZBX) - Gold slipped 0.5% to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "(AOF) \u2013 The price of gold eased on Friday. Acme Bank now forecasts $2,800 for the"
        " end of 2024.",
        "PARIS (AOF) - Gold eased to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "Gold report\n(AOF) - Gold slipped to $2,640 an ounce. Acme Bank lifted its forecast"
        " to $2,800 for the end of 2024.",
    ],
    ids=["aof-dash", "other-agency", "en-dash", "city-before", "second-line"],
)
def test_a_wire_credit_is_not_the_stories_ticker(text: str) -> None:
    found = recorded(text, made_on=SEPTEMBER)
    assert "GC=F touch_above 2800 by 2024-12-31 Acme Bank" in found
    assert not any(line.startswith(("AOF ", "ZBX ")) for line in found)


def test_a_ticker_in_brackets_after_a_company_is_still_read() -> None:
    text = (
        "Shares of Nvidia (NVDA) - the chipmaker - will reach $180 by the end of 2024,"
        " Beta Bank said."
    )
    assert "NVDA touch_above 180 by 2024-12-31 Beta Bank" in recorded(text, made_on=SEPTEMBER)


# ------------------------------------------------------------ a spread of several houses' targets

NOVEMBER = date(2024, 11, 20)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts at Acme, Beta Bank, Gamma Capital and Delta Securities have gold targets for"
        " 2025 ranging from $2,600 to $3,000.",
        "Acme Bank, Beta Bank and Gamma Capital see the S&P 500 ending 2025 anywhere from 5,800"
        " to 6,600.",
        "Strategists' targets for the S&P 500 at the end of 2025 range from 5,800 at Acme Bank to"
        " 6,600 at Beta Bank.",
        "Acme Bank, Beta Bank and Gamma Capital have year-end 2025 targets for the S&P 500 that"
        " vary from 5,800 to 6,600.",
        "Forecasts for gold at the end of 2025 from Acme Bank and Beta Bank range between $2,600"
        " and $3,000 an ounce.",
    ],
    ids=["ranging-from", "anywhere-from", "range-from-at", "vary-from", "range-between"],
)
def test_the_ends_of_a_spread_of_targets_are_nobodys_call(text: str) -> None:
    found = recorded(text, made_on=NOVEMBER)
    assert not any(line.split()[2] in ("3000", "6600", "2600", "5800") for line in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank, Beta Bank and Gamma Capital have year-end 2025 targets for the S&P 500"
            " ranging from 5,800 to 6,600. Capital Delta forecasts the index rising to 7,000 by"
            " the end of 2025.",
            "^GSPC touch_above 7000 by 2025-12-31 Capital Delta",
        ),
        (
            "Acme Bank expects gold to climb from $2,600 to $3,000 by the end of 2025.",
            "GC=F touch_above 3000 by 2025-12-31 Acme Bank",
        ),
        (
            "Acme Bank and Beta Bank both see gold rising to $3,000 by the end of 2025.",
            "GC=F touch_above 3000 by 2025-12-31 Beta Bank",
        ),
    ],
    ids=["a-call-after-the-spread", "one-house-from-to", "two-houses-one-call"],
)
def test_calls_beside_a_spread_stand(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=NOVEMBER)


# ------------------------------------------------------------ the Euro Stoxx 50 is not the euro

MARCH = date(2023, 3, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Bank sees the DAX at 16,500 and the Euro Stoxx 50 at 4,500 by the end of 2024.",
        "For the Euro Stoxx 50 Acme Bank expects 4,500 at the end of 2024.",
        "Acme Bank expects the Euro Stoxx 50 to reach 4,500 by the end of 2024.",
        "Acme Bank sees the Euro STOXX 50 index at 4,500 by the end of 2024.",
        "Acme Bank sees the Euro Stoxx at 4,500 by the end of 2024.",
    ],
    ids=["after-the-dax", "fronted", "to-reach", "index", "without-50"],
)
def test_the_euro_stoxx_is_an_index_not_the_euro(text: str) -> None:
    found = recorded(text, made_on=MARCH)
    assert "^STOXX50E touch_above 4500 by 2024-12-31 Acme Bank" in found
    assert not any(line.startswith("EURUSD=X") for line in found)


def test_the_euro_itself_is_still_the_pair() -> None:
    found = recorded("Acme Bank expects the euro to reach $1.15 by the end of 2024.", made_on=MARCH)
    assert "EURUSD=X touch_above 1.15 by 2024-12-31 Acme Bank" in found


# ------------------------------------------------------------ the middle of next year

SPRING = date(2021, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank expects the DAX to rise to 16,500 by the middle of next year.",
            "^GDAXI touch_above 16500 by 2022-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 in the middle of next year.",
            "GC=F touch_above 2000 by 2022-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 by mid next year.",
            "GC=F touch_above 2000 by 2022-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 by the middle of the next year.",
            "GC=F touch_above 2000 by 2022-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 by the middle of the year.",
            "GC=F touch_above 2000 by 2021-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 by the middle of this year.",
            "GC=F touch_above 2000 by 2021-06-30 Acme Bank",
        ),
    ],
    ids=["by-middle-next", "in-middle-next", "mid-next", "middle-the-next", "middle-the", "this"],
)
def test_the_middle_of_a_year_is_its_30_june(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=SPRING)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank sees gold at $2,000 by the middle of 2022.",
            "GC=F touch_above 2000 by 2022-06-30 Acme Bank",
        ),
        (
            "Acme Bank sees gold at $2,000 by the end of next year.",
            "GC=F touch_above 2000 by 2022-12-31 Acme Bank",
        ),
    ],
    ids=["a-year-written", "end-of-next-year"],
)
def test_other_years_ends_and_middles_stand(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=SPRING)
