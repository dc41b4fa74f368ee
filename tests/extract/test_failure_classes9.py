"""Failure classes of the ninth round (issue 11), on sentences of our own.

The classes come from corpus_dev6.yaml and corpus_dev7.yaml (forecast-site
roundups, agency outlooks, transcripts, translated copy): number forms of
translated text, the side of a call said against a price the text does not
state, figures that are not levels, and deadlines. Each class has a negative
that must not fire. Calls are written "SYMBOL kind level deadline speaker", as
in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.prepare import prepare

JANUARY = date(2026, 1, 6)

# ---------------------------------------------------------------- number forms of translated text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("4 bin 610 dolar", "4,610 dollars"),
        ("5 BİN 400 DOLAR", "5,400 dollars"),
        ("4 bin dolar", "4,000 dollars"),
        ("between 3 bin 950 and 4 bin 950 dolar", "between 3,950 and 4,950 dollars"),
    ],
    ids=["turkish-thousands-and-rest", "turkish-upper-case", "turkish-round", "turkish-band"],
)
def test_turkish_bin_is_a_thousand(written: str, read: str) -> None:
    assert read in prepare(f"Ziraat sees gold at {written} by June", JANUARY)


def test_the_english_word_bin_is_not_a_thousand() -> None:
    assert "3 bin bags" in prepare("They filled 3 bin bags by June.", JANUARY)


@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=999))
def test_a_korean_thousand_and_its_rest_are_one_dollar_figure(thousands: int, rest: int) -> None:
    work = prepare(f"gold is seen at {thousands}천{rest}달러 by June", JANUARY)
    assert f"${thousands * 1000 + rest:,}" in work


def test_korean_forms_are_read_as_the_calls_level() -> None:
    calls = recorded(
        "Goldman Sachs expects gold to climb to 5천150달러 by the end of 2026.", JANUARY
    )
    assert calls == {"GC=F touch_above 5150 by 2026-12-31 Goldman Sachs"}
    assert "$12,000" in prepare("bitcoin at 1만2000달러", JANUARY)


@pytest.mark.parametrize(
    "sentence",
    [
        "UBS forecasts an average gold price of 4.750 dollari an ounce for 2026.",
        "UBS forecasts an average gold price of 4.750 dolar for 2026.",
        "UBS forecasts an average gold price of 4.750 dollar pr. unse for 2026.",
    ],
    ids=["italian", "turkish", "norwegian"],
)
def test_a_thousands_point_before_a_currency_word_is_thousands(sentence: str) -> None:
    assert recorded(sentence, JANUARY) == {
        "GC=F average_above 4750 from 2026-01-01 to 2026-12-31 UBS"
    }


def test_a_decimal_comma_after_a_thousands_point_before_a_word_is_the_decimal() -> None:
    assert "4,483.54 dollars" in prepare("gold hit 4.483,54 dollari an ounce", JANUARY)


def test_a_three_place_price_before_a_currency_word_stays_without_a_thousands_asset() -> None:
    assert "1.165 dollars" in prepare("The euro fetched 1.165 dollars on Monday.", JANUARY)


@pytest.mark.parametrize(
    ("written", "read"),
    [("yüzde 14", "14%"), ("12 procent", "12%"), ("1 prosent", "1%"), ("7,5 prosent", "7.5%")],
)
def test_a_percentage_in_another_language_is_a_percentage(written: str, read: str) -> None:
    work = prepare(f"gold should gain {written} by June", JANUARY)
    assert read in work


def test_a_foreign_percentage_is_never_a_level() -> None:
    calls = recorded(
        "The top of that band is about yüzde 14 above the price of the December 2026 gold"
        " futures contract, Ziraat said.",
        JANUARY,
    )
    assert not any(" 14 " in call for call in calls), calls


@pytest.mark.parametrize(
    ("written", "level"),
    [("the mid-$50s", "$55"), ("the mid-$4,000s", "$4,500"), ("the mid-$100s", "$150")],
)
def test_the_middle_of_a_decade_of_prices_is_its_midpoint(written: str, level: str) -> None:
    work = prepare(f"Brent should average in {written} in 2026", JANUARY)
    assert f"the {level} in 2026" in work


@pytest.mark.parametrize("written", ["his mid-50s", "the mid-1990s", "the mid-$55s"])
def test_an_age_a_decade_of_years_or_an_odd_figure_is_not_a_midpoint(written: str) -> None:
    assert written in prepare(f"He was in {written} then.", JANUARY)


# ---------------------------------------------------------------- the side from the path run

OCTOBER = date(2025, 10, 30)


@pytest.mark.parametrize(
    ("sentence", "call"),
    [
        (
            "Barclays expects Brent to slide from an average of $70 a barrel this year to $61"
            " next year.",
            "BZ=F average_below 61 from 2026-01-01 to 2026-12-31 Barclays",
        ),
        (
            "Rabobank sees WTI averaging $57 in 2026, a sharp decline from the $66 it expects"
            " for 2025.",
            "CL=F average_below 57 from 2026-01-01 to 2026-12-31 Rabobank",
        ),
        (
            "Citi expects copper's slump to spare gold, which it sees averaging $4,400 in 2026,"
            " a further rise from the roughly $3,500 of this year.",
            "GC=F average_above 4400 from 2026-01-01 to 2026-12-31 Citi",
        ),
        (
            "Nomura sees EUR/USD moving from 1.17 to 1.12 by the end of 2026.",
            "EURUSD=X touch_below 1.12 by 2026-12-31 Nomura",
        ),
    ],
    ids=["slide-from-to", "a-decline-from-after", "a-rise-from-after", "moving-from-to"],
)
def test_a_path_from_a_stated_price_gives_the_side(sentence: str, call: str) -> None:
    assert call in recorded(sentence, OCTOBER)


def test_a_later_rung_of_a_falling_path_stays_below() -> None:
    text = (
        "The agency expects Brent to average $58 in 2026, a steep drop from the roughly $69"
        " of 2025, and to ease again to about $53 in 2027."
    )
    calls = recorded(text, date(2026, 2, 11))
    assert "BZ=F average_below 58 from 2026-01-01 to 2026-12-31 agency" not in calls  # no name
    assert any(c.startswith("BZ=F average_below 53 from 2027-01-01 to 2027-12-31") for c in calls)
    assert any(c.startswith("BZ=F average_below 58 from 2026-01-01 to 2026-12-31") for c in calls)


@pytest.mark.parametrize(
    "sentence",
    [
        "UBS cut its 2026 gold forecast from $4,500 to $4,200, the bank said.",
        "Natixis trimmed its average gold call from $4,600 to $4,300 for 2026.",
        "Goldman lowered its year-end gold target from its earlier $5,900 to $5,400 in 2026.",
        "Goldman moved its year-end gold target from $5,900 to $5,400 for 2026.",
    ],
    ids=["cut", "trimmed", "lowered", "moved-its-target"],
)
def test_a_revision_from_an_old_call_is_not_a_path(sentence: str) -> None:
    """A lower forecast than the last one says nothing of the price of the day."""
    calls = recorded(sentence, OCTOBER)
    assert calls and all("_above" in call for call in calls), calls


# ---------------------------------------------------------------- figures that are not levels


@pytest.mark.parametrize(
    "sentence",
    [
        "Gold is forecast to rise 38% this year, the World Bank said.",
        "The IMF expects oil to fall 14% in 2025 as supply grows.",
        "Silver should end with a record year, up 29% this year, Citi said.",
    ],
    ids=["this-year", "the-year-named", "up-this-year"],
)
def test_a_move_over_a_calendar_year_mostly_gone_is_no_call(sentence: str) -> None:
    """Written in October, the year's change is mostly history: no move from today."""
    assert recorded(sentence, OCTOBER) == set()


def test_a_move_over_a_year_still_ahead_is_a_call() -> None:
    calls = recorded("Deutsche Bank expects the DAX to rise 15% this year.", date(2026, 1, 30))
    assert "^GDAXI touch_above +15% by 2026-12-31 Deutsche Bank" in calls
    assert recorded("HSBC expects gold to rise 12% by year-end.", OCTOBER) == {
        "GC=F touch_above +12% by 2025-12-31 HSBC"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "UBS sees bitcoin up 20% in 2026 and another 15% in 2027.",
        "UBS sees bitcoin up 20% in 2026 and a further 15% in 2027.",
        "UBS sees bitcoin up 20% in 2026 and 15% more in 2027.",
    ],
    ids=["another", "a-further", "more"],
)
def test_a_move_stacked_on_an_earlier_one_is_not_read_from_today(sentence: str) -> None:
    assert recorded(sentence, OCTOBER) == {
        "BTC-USD touch_above +20% from 2026-01-01 to 2026-12-31 UBS"
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The new target is 9.8% above the S&P 500's close of 6731.42 on Monday.",
        "That is 4% above Friday's close of 6,688 for the index, Barclays said of the S&P 500.",
        "Barclays' S&P 500 target sits 2% under the index's current 6,547.",
    ],
    ids=["the-index's-close-of", "friday's-close-of", "the-index's-current"],
)
def test_the_close_of_the_day_is_not_a_level(sentence: str) -> None:
    text = "Barclays expects the S&P 500 to end 2026 at 7,400. " + sentence
    calls = recorded(text, OCTOBER)
    assert "^GSPC close_above 7400 by 2026-12-31 Barclays" in calls
    assert not any(level in call for call in calls for level in ("6731", "6688", "6547")), calls


def test_the_close_of_the_day_gives_the_side_of_a_later_call() -> None:
    text = (
        "The S&P 500's close of 6,700 on Monday was a record. Barclays expects the index at"
        " 6,500 by the end of 2025."
    )
    assert "^GSPC touch_below 6500 by 2025-12-31 Barclays" in recorded(text, OCTOBER)


def test_a_close_ahead_is_still_a_call() -> None:
    text = "Barclays expects a year-end close of 7,000 for the S&P 500 in 2026."
    assert any("7000" in call for call in recorded(text, OCTOBER))


@pytest.mark.parametrize(
    "sentence",
    [
        "Barclays raised its 2026 S&P 500 target to 7,400, implying an 11% gain.",
        "Barclays set a 7,400 S&P 500 target for 2026, which implies a 12% rise.",
        "Barclays' 7,400 S&P 500 target for 2026 implied roughly 10% upside.",
    ],
    ids=["implying-an", "implies-a", "implied-roughly"],
)
def test_the_move_a_target_implies_is_the_same_call(sentence: str) -> None:
    calls = recorded(sentence, OCTOBER)
    assert calls and not any("%" in call for call in calls), calls


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("sentence", "call"),
    [
        (
            "Citi raised its short-term silver forecast to $120 an ounce.",
            "SI=F touch_above 120 by 2026-04-06 Citi",
        ),
        (
            "HSBC lifted its short-term gold target to $5,300.",
            "GC=F touch_above 5300 by 2026-04-06 HSBC",
        ),
        (
            "Citi set its short-term Brent forecast at $70 a barrel.",
            "BZ=F touch_above 70 by 2026-04-06 Citi",
        ),
    ],
    ids=["short-term-forecast", "short-term-target", "short-term-brent"],
)
def test_a_short_term_forecast_is_a_three_month_one(sentence: str, call: str) -> None:
    assert call in recorded(sentence, JANUARY)


def test_short_term_beside_no_forecast_noun_is_no_horizon() -> None:
    work = prepare("Citi sees short-term volatility in silver.", JANUARY)
    assert "short-term volatility" in work


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("with 2026 at 1.24 and 2027 at 1.26", "with 1.24 in 2026 and 1.26 in 2027"),
        ("2026 at $4,800, 2027 at $5,100", "$4,800 in 2026, $5,100 in 2027"),
    ],
)
def test_a_year_before_its_level_is_the_levels_period(written: str, read: str) -> None:
    assert read in prepare(f"Nordea sees EUR/USD {written}.", JANUARY)


@pytest.mark.parametrize(
    "written", ["the end of 2026 at 7,000", "in 2025 at $60", "since 2024 at 3"]
)
def test_a_year_after_a_preposition_keeps_its_place(written: str) -> None:
    assert written in prepare(f"The index closed {written}.", JANUARY)


@pytest.mark.parametrize(
    ("written", "read"),
    [("$US5000", "US$5000"), ("5.000 US-Dollar", "5,000 dollars"), ("$US 4,900", "US$4,900")],
)
def test_dollar_forms_of_australian_and_german_copy(written: str, read: str) -> None:
    assert read in prepare(f"ANZ sees gold at {written} by June", JANUARY)


# ---------------------------------------------------------------- the latest move as the price


@pytest.mark.parametrize(
    "before",
    [
        "Gold reached $5,000 an ounce this week amid worries over the Fed.",
        "Spot gold broke $5,100 intraday and closed at $5,020.",
        "Spot gold rose above $4,980, another all-time high.",
        "Gold rose 1.2% to $4,990 an ounce on Friday.",
    ],
    ids=["reached", "closed-at", "rose-above", "rose-a-percentage-to"],
)
def test_the_latest_move_reported_is_the_price_a_sideless_average_is_read_against(
    before: str,
) -> None:
    text = before + " Macquarie raised its 2026 average gold forecast to $4,600 from $4,300."
    calls = recorded(text, date(2026, 1, 30))
    assert "GC=F average_below 4600 from 2026-01-01 to 2026-12-31 Macquarie" in calls


@pytest.mark.parametrize(
    "before",
    [
        "Gold reached $5,000 an ounce in 2020 during the crisis.",
        "Gold hit $5,000 in October before slipping.",
        "Gold closed the year at $5,000.",
    ],
    ids=["a-year", "a-month", "the-year's-close"],
)
def test_a_dated_move_is_history_not_the_price(before: str) -> None:
    text = before + " Macquarie raised its 2026 average gold forecast to $4,600 from $4,300."
    calls = recorded(text, date(2026, 1, 30))
    assert "GC=F average_above 4600 from 2026-01-01 to 2026-12-31 Macquarie" in calls


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("for December next year", "for December 2026"),
        ("by June of next year", "by June 2026"),
        ("in March this year", "in March 2025"),
    ],
)
def test_a_month_of_next_year_is_that_years_month(written: str, read: str) -> None:
    assert read in prepare(f"Goldman expects $4,900 {written}.", OCTOBER)


def test_the_verb_may_before_next_year_is_no_month() -> None:
    assert "may next year" in prepare("Gold may next year reach $5,000.", OCTOBER)


def test_a_price_with_a_spaced_sign_is_the_price_of_the_day() -> None:
    text = (
        "Brent dipped under US$ 62 a barrel this week. Rystad Energy expects Brent to average"
        " US$ 58 in 2026."
    )
    calls = recorded(text, date(2025, 12, 19))
    assert any(c.startswith("BZ=F average_below 58 from 2026-01-01 to 2026-12-31") for c in calls)


@pytest.mark.parametrize("quantity", ["a 2 million barrel surplus", "a 3 million barrel glut"])
def test_a_million_barrel_surplus_is_no_level(quantity: str) -> None:
    text = f"Goldman Sachs expects {quantity} and sees Brent averaging $56 in 2026."
    calls = recorded(text, date(2025, 12, 19))
    assert not any("000000" in call for call in calls), calls


@pytest.mark.parametrize(
    "sentence",
    [
        "SocGen said its earlier forecast of gold at $5,000 has been met; it now sees $6,000"
        " by year-end.",
        "UBS said its previous target for gold of $5,000 was reached and now sees $6,000 by"
        " year-end.",
        "SocGen now sees gold at $6,000 by year-end, above November's $5,000 estimate.",
    ],
    ids=["earlier-forecast-of-gold-at", "previous-target-for-gold-of", "last-month's-figure"],
)
def test_an_old_call_named_with_its_asset_or_month_is_not_a_level(sentence: str) -> None:
    calls = recorded(sentence, JANUARY)
    assert any(" 6000 by 2026-12-31" in call for call in calls), calls
    assert not any(" 5000 " in call for call in calls), calls


def test_records_the_price_sets_are_the_price_of_the_day() -> None:
    text = (
        "The forecast comes as gold sets records above $4,700 an ounce. ANZ expects gold to"
        " average $4,600 in 2026."
    )
    calls = recorded(text, JANUARY)
    assert not any(" 4700 " in call for call in calls), calls
    assert any(c.startswith("GC=F average_below 4600") for c in calls), calls
