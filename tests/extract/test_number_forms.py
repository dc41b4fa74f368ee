"""Prices written with a thousands point ("$170.000") or a thousands space ("7 500").

Portuguese, Spanish, Italian and German pages (and machine translations of them)
keep the thousands point; French ones a space. Read as the English reader writes
them, or a $170,000 target is recorded as $170. Each rule has a negative: a
decimal price to three places, an index named by a number, a day of the month.
"""

from __future__ import annotations

from datetime import date

from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.prepare import prepare

MADE_ON = date(2025, 12, 22)


def test_a_thousands_point_after_a_currency_sign_is_thousands() -> None:
    assert recorded("JPMorgan sees bitcoin at $170.000 by end-2026.", MADE_ON) == {
        "BTC-USD touch_above 170000 by 2026-12-31 JPMorgan"
    }


def test_a_one_digit_group_is_thousands_beside_an_asset_priced_in_thousands() -> None:
    assert recorded("Goldman Sachs sees gold at US$ 4.900 by December 2026.", MADE_ON) == {
        "GC=F touch_above 4900 by 2026-12-31 Goldman Sachs"
    }


def test_a_range_with_thousands_points_keeps_both_ends() -> None:
    work = prepare("Citi sees bitcoin at $143.000-$189.000 in 2026.", MADE_ON)
    assert "$143,000-$189,000" in work


def test_a_decimal_comma_after_a_thousands_point_is_the_decimal() -> None:
    # (the sign written apart from its number is joined to it: "US$ 56" -> "US$56")
    assert "US$4,512.50 by" in prepare("gold at US$ 4.512,50 by 2026", MADE_ON)


def test_a_price_to_three_places_is_left_alone() -> None:
    """A euro in dollars, a gallon of gasoline: "$1.200" is one dollar twenty."""
    assert "$1.200" in prepare("Analysts see EUR/USD at $1.200 by end-2026.", MADE_ON)
    assert "$3.459" in prepare("Gasoline will cost $3.459 a gallon by May 2026.", MADE_ON)
    assert recorded("Analysts at ING see EUR/USD at $1.200 by end-2026.", MADE_ON) == {
        "EURUSD=X touch_above 1.2 by 2026-12-31 ING"
    }


def test_a_bare_number_with_a_point_is_not_thousands() -> None:
    assert "1.165" in prepare("The euro trades at 1.165 against the dollar.", MADE_ON)


def test_a_thousands_space_is_thousands() -> None:
    assert recorded("JPMorgan has a year-end 2026 target near 7 500 on the S&P 500.", MADE_ON) == {
        "^GSPC touch_above 7500 by 2026-12-31 JPMorgan"
    }


def test_an_index_named_by_a_number_is_not_a_first_group() -> None:
    work = prepare("Strategists expect the S&P 500 100 points higher by end-2026.", MADE_ON)
    assert "S&P 500 100 points" in work
    assert "Nasdaq 100 500" in prepare("the Nasdaq 100 500 points up", MADE_ON)


def test_a_day_of_the_month_is_not_a_first_group() -> None:
    assert "December 7 500" in prepare("Since December 7 500 analysts met.", MADE_ON)


@given(st.integers(min_value=10_000, max_value=999_999_999))
def test_any_pointed_price_reads_as_the_number(value: int) -> None:
    pointed = f"{value:,}".replace(",", ".")
    work = prepare(f"a target of ${pointed} by 2026", MADE_ON)
    assert f"${value:,} by" in work


@given(st.integers(min_value=1_000, max_value=999_999_999))
def test_any_spaced_price_reads_as_the_number(value: int) -> None:
    spaced = f"{value:,}".replace(",", " ")
    assert f"to {value:,} points" in prepare(f"to {spaced} points by 2026", MADE_ON)


@given(
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["EUR/USD at $", "gasoline at $", "copper at $", "the euro at $"]),
)
def test_three_decimals_without_an_asset_priced_in_thousands_stay(
    units: int, thousandths: int, before: str
) -> None:
    price = f"{units}.{thousandths:03d}"
    assert f"${price}" in prepare(f"{before}{price} by 2026", MADE_ON)
