"""Failure classes of the sixteenth round (issue 11): deadlines, headlines and list rows.

Classified from the development files' misses and false positives (corpus_test3/4, dev5-7,
corpus_seen): a stated horizon read as a 12-month default or as the whole year ("this
December", "by spring 2026", "into mid-October", "its target for mid-2026 at $5,000", "for
the full year" in a report on next year, "year-end" in a list of next year's forecasts, a
table's quarter columns); a headline the splitter did not take for one, so its restatement
of the body's call was recorded twice ("... (translated from German)", "EIA STEO: Brent Seen
at $58"); a name in brackets after a person read as an asset ("Charles Hoskinson (Cardano)")
or a house's name as its stock ("Bank of America (BofA): 5,000 $"); "a path that could take
gold to $6,000" read as a condition. Every text is our own. Each class has negatives that must
not change. Calls are written "SYMBOL kind level deadline speaker", as in
test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.dates import MONTHS, find_date_phrases

NOVEMBER = date(2025, 11, 20)
SEPTEMBER = date(2025, 9, 25)

# ------------------------------------------------ a stated horizon, not the 12-month default


@pytest.mark.parametrize(
    ("text", "made_on", "expected"),
    [
        (
            "Acme Research predicts ether will rise to $20,000 this December.",
            SEPTEMBER,
            "ETH-USD touch_above 20000 by 2025-12-31 Acme",
        ),
        (
            "Acme Research expects gold to reach $6,000 by spring 2026.",
            NOVEMBER,
            "GC=F touch_above 6000 by 2026-05-31 Acme",
        ),
        (
            'Mark Newton of Acme Research said: "ETH en route to $5,500 into mid-October."',
            SEPTEMBER,
            "ETH-USD touch_above 5500 by 2025-10-15 Acme",
        ),
        (
            "Acme Research sees ETH reaching $5,500 within weeks.",
            date(2025, 8, 25),
            "ETH-USD touch_above 5500 by 2025-09-25 Acme",
        ),
        (
            "Acme Bank has set its gold target for mid-2026 at $5,000.",
            NOVEMBER,
            "GC=F touch_above 5000 by 2026-06-30 Acme Bank",
        ),
        (
            "Acme Bank expects gold at $5,200 in the last quarter of 2026.",
            NOVEMBER,
            "GC=F average_above 5200 from 2026-10-01 to 2026-12-31 Acme Bank",
        ),
    ],
    ids=["this-december", "by-spring", "into-mid-october", "within-weeks", "target-for-mid",
         "last-quarter-of"],
)  # fmt: skip
def test_a_stated_horizon_is_the_deadline(text: str, made_on: date, expected: str) -> None:
    assert recorded(text, made_on=made_on) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # "since mid-October" looks back: the call has no deadline of its own
        "Gold has rallied 20% since mid-October, and Acme Bank expects $5,000 by mid-2026.",
        # "spring" as a verb, "summer" as an adjective: no season
        "Acme Bank expects gold to spring back to $5,000 by mid-2026 after a summer slump.",
        # "the last quarter" alone may be the one just past
        "Gold rose in the last quarter, and Acme Bank expects $5,000 by mid-2026.",
    ],
    ids=["since-mid-month", "spring-the-verb", "last-quarter-bare"],
)
def test_words_that_look_like_a_horizon_leave_the_stated_one(text: str) -> None:
    assert recorded(text, made_on=NOVEMBER) == {"GC=F touch_above 5000 by 2026-06-30 Acme Bank"}


@given(
    month=st.sampled_from(sorted(m for m in MONTHS if len(m) > 3 and m != "may")),
    year=st.integers(2026, 2099),
)
def test_mid_month_with_a_year_is_its_fifteenth(month: str, year: int) -> None:
    phrases, _rest = find_date_phrases(f"gold to $5,000 by mid-{month} {year}", NOVEMBER)
    assert [p.deadline for p in phrases] == [date(year, MONTHS[month], 15)]


@given(
    month=st.sampled_from(sorted(m for m in MONTHS if len(m) > 3 and m != "may")),
    made_on=st.dates(date(2020, 1, 1), date(2090, 12, 31)),
)
def test_this_month_is_the_next_such_month_to_end(month: str, made_on: date) -> None:
    phrases, _rest = find_date_phrases(f"gold to $5,000 this {month}", made_on)
    (phrase,) = phrases
    assert phrase.deadline.month == MONTHS[month]
    assert made_on < phrase.deadline <= date(made_on.year + 1, 12, 31)
    assert (phrase.deadline - made_on).days <= 366


# ------------------------------------------------ the year a text forecasts, not of writing


def test_the_full_year_is_the_year_the_report_forecasts() -> None:
    text = (
        "Acme Bank expects gold to average $4,600 an ounce in the first half of 2026. For the"
        " full year it sees gold averaging about $4,550."
    )
    assert recorded(text, made_on=date(2025, 12, 15)) == {
        "GC=F average_above 4600 from 2026-01-01 to 2026-06-30 Acme Bank",
        "GC=F average_above 4550 from 2026-01-01 to 2026-12-31 Acme Bank",
    }


def test_a_list_of_next_years_forecasts_ends_in_that_year() -> None:
    text = (
        "Gold forecasts for 2027:\n- Goldman Sachs: $4,900\n- UBS: $5,000 by mid-year\n"
        "- JPMorgan: $5,055 at year-end\n"
    )
    assert recorded(text, made_on=date(2026, 3, 20)) == {
        "GC=F average_above 4900 from 2027-01-01 to 2027-12-31 Goldman Sachs",
        "GC=F touch_above 5000 by 2027-06-30 UBS",
        "GC=F touch_above 5055 by 2027-12-31 JPMorgan",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list that names no year: year-end is the one under way
        (
            "Gold forecasts:\n- Goldman Sachs: $4,900 by year-end\n- UBS: $5,000 by June 2026\n",
            {
                "GC=F touch_above 4900 by 2025-12-31 Goldman Sachs",
                "GC=F touch_above 5000 by 2026-06-30 UBS",
            },
        ),
        # a row that counts from today keeps its own year
        (
            "Gold forecasts for 2026:\n- Goldman Sachs: $4,300 by the end of this year\n"
            "- UBS: $5,000 by mid-2026\n",
            {
                "GC=F touch_above 4300 by 2025-12-31 Goldman Sachs",
                "GC=F touch_above 5000 by 2026-06-30 UBS",
            },
        ),
    ],
    ids=["list-without-a-year", "row-says-this-year"],
)
def test_a_row_without_the_lists_year_keeps_its_own(text: str, expected: set[str]) -> None:
    assert recorded(text, made_on=NOVEMBER) == expected


def test_a_table_column_of_a_quarter_is_that_quarter() -> None:
    text = (
        "Banks have raised their gold forecasts (dollars an ounce):\n\n"
        "| Bank | Q1 2026 | Gold 2H 2026 |\n|---|---|---|\n"
        "| Macquarie | $4,590 | $4,300 |\n| Acme Bank | $4,800 | $5,000 |\n"
    )
    assert recorded(text, made_on=date(2026, 1, 10)) == {
        "GC=F average_above 4590 from 2026-01-01 to 2026-03-31 Macquarie",
        "GC=F average_above 4300 from 2026-07-01 to 2026-12-31 Macquarie",
        "GC=F average_above 4800 from 2026-01-01 to 2026-03-31 Acme Bank",
        "GC=F average_above 5000 from 2026-07-01 to 2026-12-31 Acme Bank",
    }


# ------------------------------------------------ a target's date is not a close


def test_a_target_for_year_end_is_reached_not_closed() -> None:
    text = (
        "Acme Bank set its gold targets for mid-2026 and year-end 2026 at $5,000 and $5,400,"
        " respectively."
    )
    assert recorded(text, made_on=NOVEMBER) == {
        "GC=F touch_above 5000 by 2026-06-30 Acme Bank",
        "GC=F touch_above 5400 by 2026-12-31 Acme Bank",
    }


def test_ending_a_year_at_a_level_is_still_a_close() -> None:
    text = "Acme Bank expects the S&P 500 to end 2026 at 7,500."
    assert recorded(text, made_on=NOVEMBER) == {"^GSPC close_above 7500 by 2026-12-31 Acme Bank"}


# ------------------------------------------------ a headline the body restates is one call


@pytest.mark.parametrize(
    "text",
    [
        "Acme Research sticks to $150,000 bitcoin forecast for 2026 despite slide (translated"
        " from German)\n\nThe research house Acme Research has reaffirmed its $150,000 target for"
        " bitcoin by 2026.",
        "Acme Research: Bitcoin Seen at $150,000 in 2026 as Flows Return\n\nAcme Research now"
        " expects bitcoin to reach $150,000 by 2026, on ETF flows.",
    ],
    ids=["bracketed-note", "label-shaped-title"],
)
def test_a_title_the_body_restates_is_one_call(text: str) -> None:
    assert recorded(text, made_on=NOVEMBER) == {"BTC-USD touch_above 150000 by 2026-12-31 Acme"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline call the body does not restate is still recorded
        (
            "Acme Bank Sees Gold at $6,000 by End-2026 (video)\n\nGold rose on Monday.",
            {"GC=F touch_above 6000 by 2026-12-31 Acme Bank"},
        ),
        # a first line of wrapped prose is no title: both its calls stay
        (
            "Nov 20 (Wire) - Acme Bank put Brent at $57 a barrel in 2027, and\nleft its 2026"
            " forecast at $58 a barrel.",
            {
                "BZ=F average_above 57 from 2027-01-01 to 2027-12-31 Acme Bank",
                "BZ=F average_above 58 from 2026-01-01 to 2026-12-31 Acme Bank",
            },
        ),
    ],
    ids=["headline-alone", "wrapped-prose"],
)
def test_a_title_is_not_taken_from_a_call_of_its_own(text: str, expected: set[str]) -> None:
    assert recorded(text, made_on=NOVEMBER) == expected


# ------------------------------------------------ names in brackets, houses as labels


def test_a_project_in_brackets_after_a_name_is_no_asset() -> None:
    text = (
        "Crypto bulls see a lot of upside for bitcoin in 2026. Their targets:\n"
        "- Charles Hoskinson (Cardano): $250K by the end of 2026.\n"
        "- Arthur Hayes (BitMEX/Maelstrom): $200K by March 2026.\n"
    )
    assert recorded(text, made_on=date(2025, 12, 20)) == {
        "BTC-USD touch_above 250000 by 2026-12-31 Charles Hoskinson",
        "BTC-USD touch_above 200000 by 2026-03-31 Arthur Hayes",
    }


def test_a_coin_glossed_with_its_ticker_is_still_the_coin() -> None:
    text = "Solana (SOL) could reach $400 by the end of 2026, says Acme Research."
    assert recorded(text, made_on=date(2025, 12, 20)) == {
        "SOL-USD touch_above 400 by 2026-12-31 Acme"
    }


def test_a_house_as_a_rows_label_is_the_source_not_its_stock() -> None:
    text = (
        "Here are the 2026 gold forecasts:\n"
        "- Bank of America (BofA): $5,000 an ounce by the end of 2026."
    )
    assert recorded(text, made_on=date(2025, 12, 20)) == {
        "GC=F touch_above 5000 by 2026-12-31 Bank of America"
    }


def test_a_banks_shares_are_still_its_stock() -> None:
    text = "Bank of America shares could reach $60 by the end of 2026, Acme Research said."
    assert recorded(text, made_on=date(2025, 12, 20)) == {"BAC touch_above 60 by 2026-12-31 Acme"}


# ------------------------------------------------ "take gold to" carries, "take cuts to" conditions


def test_a_path_that_could_take_gold_to_a_price_is_a_call() -> None:
    text = (
        "Acme Bank struck an optimistic note, foreseeing a path that could take gold to 6,000"
        " dollars within the next twelve months."
    )
    assert recorded(text, made_on=date(2026, 2, 25)) == {
        "GC=F touch_above 6000 by 2027-02-25 Acme Bank"
    }


@pytest.mark.parametrize(
    "text",
    [
        "It would take rate cuts and a weaker dollar to carry gold above $5,000 by the end of"
        " 2026, Acme Bank said.",
        "Acme Bank says it would take a Fed cut to push gold to $5,000 by the end of 2026.",
    ],
    ids=["take-cuts-to-carry", "take-a-cut-to-push"],
)
def test_what_a_move_would_take_is_still_a_condition(text: str) -> None:
    assert recorded(text, made_on=date(2026, 2, 25)) == set()


# ------------------------------------------------ a forecast's path is a forecast


def test_the_rungs_of_a_forecast_path_are_the_houses_calls() -> None:
    text = (
        "Acme Bank raised its three-month EUR/USD target to 1.22. The longer path is unchanged,"
        " with 2026 at 1.24 and 2027 at 1.26."
    )
    assert recorded(text, made_on=SEPTEMBER) == {
        "EURUSD=X touch_above 1.22 by 2025-12-25 Acme Bank",
        "EURUSD=X touch_above 1.24 from 2026-01-01 to 2026-12-31 Acme Bank",
        "EURUSD=X touch_above 1.26 from 2027-01-01 to 2027-12-31 Acme Bank",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Acme Bank sees a long-term path to $240,000 for bitcoin.",
        "The path of least resistance for gold is higher, and it traded at $4,000 on Monday.",
    ],
    ids=["path-with-no-date", "path-of-least-resistance"],
)
def test_a_path_with_no_date_or_no_forecast_is_not_recorded(text: str) -> None:
    assert recorded(text, made_on=SEPTEMBER) == set()


# ------------------------------------------------ a rate or the price's own change is no call


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For the full year Acme Bank sees gold averaging about $4,550 in 2026, up 3%.",
            {"GC=F average_above 4550 from 2026-01-01 to 2026-12-31 Acme Bank"},
        ),
        ("Acme Bank expects bitcoin to rise about 30% a year for the next 20 years.", set()),
    ],
    ids=["price-up-percent", "percent-a-year"],
)
def test_a_rate_or_a_prices_change_is_no_call(text: str, expected: set[str]) -> None:
    assert recorded(text, made_on=date(2025, 12, 15)) == expected


def test_a_move_by_a_percent_is_still_a_call() -> None:
    text = "Acme Bank expects the S&P 500 to rise 12% by the end of 2026."
    assert recorded(text, made_on=date(2025, 12, 15)) == {
        "^GSPC touch_above +12% by 2026-12-31 Acme Bank"
    }


def test_levels_through_the_four_quarters_of_a_year_are_one_per_quarter() -> None:
    text = (
        "The agency's quarterly path for Brent is $70.00 in the fourth quarter of this year,"
        " then $66.00, $65.00, $64.00 and $63.00 through the four quarters of 2027."
    )
    assert {line.rsplit(" ", 1)[0] for line in recorded(text, made_on=date(2026, 3, 11))} == {
        "BZ=F average_above 70 from 2026-10-01 to 2026-12-31",
        "BZ=F average_above 66 from 2027-01-01 to 2027-03-31",
        "BZ=F average_above 65 from 2027-04-01 to 2027-06-30",
        "BZ=F average_above 64 from 2027-07-01 to 2027-09-30",
        "BZ=F average_above 63 from 2027-10-01 to 2027-12-31",
    }


# ------------------------------------------------ what a forecast was is history


def test_what_an_estimate_was_is_no_call() -> None:
    text = (
        "Acme Bank now puts gold at $4,750 for 2026. In October the estimate was only $4,275,"
        " and a year ago it was $2,700."
    )
    assert recorded(text, made_on=date(2026, 2, 5)) == {
        "GC=F average_above 4750 from 2026-01-01 to 2026-12-31 Acme Bank"
    }


def test_a_target_that_was_raised_is_the_new_call() -> None:
    text = "Acme Bank's gold target was raised to $5,000 for the end of 2026."
    assert recorded(text, made_on=date(2026, 2, 5)) == {
        "GC=F touch_above 5000 by 2026-12-31 Acme Bank"
    }


@pytest.mark.parametrize(
    ("phrase", "start", "deadline"),
    [
        ("for 2030-2035", date(2030, 1, 1), date(2035, 12, 31)),
        ("over 2026-27", date(2026, 1, 1), date(2027, 12, 31)),
        ("in 2026 to 2027", date(2026, 1, 1), date(2027, 12, 31)),
    ],
    ids=["four-digit-span", "two-digit-end", "to"],
)
def test_a_span_of_years_is_one_period(phrase: str, start: date, deadline: date) -> None:
    phrases, _rest = find_date_phrases(f"Brent to average $75 {phrase}", date(2026, 1, 12))
    assert [(p.start, p.deadline) for p in phrases] == [(start, deadline)]


def test_a_backward_span_is_no_period_of_years() -> None:
    phrases, _rest = find_date_phrases("Brent to average $75 for 2035-2030", date(2026, 1, 12))
    assert all(p.deadline != date(2035, 12, 31) or p.start != date(2030, 1, 1) for p in phrases)
