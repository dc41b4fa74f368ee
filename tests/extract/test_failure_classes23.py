"""Failure classes of the twenty-third round (issue 11), from the first-contact development
files (corpus_dev10, corpus_dev8, corpus_dev5, corpus_dev7).

Each class is written here in general form, in wording of our own, with negatives that
must not change:

- a horizon span spelled in words ("its zero-to-three-month target", "a six-to-twelve-month
  view") is the same span as "0-3 month" and "6-12 month": a deadline at its far end;
- a currency cross the ledger has no symbol for ("GBP/EUR", "GBP/CHF", "the pound to euro
  rate") is an asset with no symbol: its level is never GBP/USD's; and an exchange rate
  named with "rate" ("the GBP/USD rate rising to 1.37") keeps its level (the "rate" is the
  pair's, not an interest rate);
- a valuation multiple ("a P/E of 19x", "1.7 times book") is a ratio, not a relative level;
- a share of a poll's respondents ("62% expect gold to reach $2,500") is not a forecaster's
  call;
- a percentage that restates a level target of the same speaker, asset and deadline
  ("a year-end target of 4,750 ... could rise 30% by year-end") is one call told twice: the
  level is kept, the percentage dropped.

Calls are written "SYMBOL kind level deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

from ledger.extract import extract_candidates

SPRING = date(2023, 4, 6)

# ------------------------------------------------------------ horizon spans spelled in words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northgate Bank lowered its zero-to-three-month gold target to $1,900 an ounce.",
            "GC=F touch_below 1900 by 2023-07-06 Northgate Bank",
        ),
        (
            "Northgate Bank trimmed its six-to-twelve-month target for gold to $1,800 an ounce.",
            "GC=F touch_below 1800 by 2024-04-06 Northgate Bank",
        ),
        (
            "Northgate Bank's three-to-six-month forecast for silver is $27 an ounce.",
            "SI=F touch_above 27 by 2023-10-06 Northgate Bank",
        ),
        (
            "Northgate Bank set a zero to three month target of $1,900 for gold.",
            "GC=F touch_below 1900 by 2023-07-06 Northgate Bank",
        ),
    ],
    ids=["zero-to-three", "six-to-twelve", "three-to-six", "unhyphenated"],
)
def test_a_spelled_horizon_span_ends_at_its_far_end(text: str, expected: str) -> None:
    context = "Gold trades near $2,000 and silver near $24 today. "
    assert expected in recorded(context + text, made_on=SPRING)


def test_a_span_in_digits_is_unchanged() -> None:
    text = "Gold trades near $2,000 today. Northgate Bank's 6-12 month gold target is $1,800."
    assert "GC=F touch_below 1800 by 2024-04-06 Northgate Bank" in recorded(text, made_on=SPRING)


# ------------------------------------------------------------ currency crosses with no symbol


@pytest.mark.parametrize(
    "text",
    [
        "Northgate Bank sees the pound to euro (GBP/EUR) rate firming to 1.19 by the end of"
        " this year, while the dollar weakens.",
        "Northgate Bank forecasts GBP/CHF at 1.18 at the end of next year, in US dollar terms a"
        " quieter call.",
        "Sterling should climb to 1.19 against the euro by year-end as the dollar slides,"
        " Northgate Bank says.",
        "Northgate Bank expects the pound-euro rate at 1.19 by the end of the year, and the"
        " dollar lower.",
    ],
    ids=["gbp/eur-in-words-and-code", "gbp/chf", "against-the-euro", "pound-euro-rate"],
)
def test_a_cross_without_a_symbol_is_not_cable(text: str) -> None:
    assert not any(c.startswith("GBPUSD=X ") for c in recorded(text, made_on=SPRING))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northgate Bank sees the Pound to Dollar (GBP/USD) rate rising to 1.37 by year-end.",
            "GBPUSD=X touch_above 1.37 by 2023-12-31 Northgate Bank",
        ),
        (
            "Northgate Bank sees the GBP/USD rate at 1.37 by the end of the year.",
            "GBPUSD=X touch_above 1.37 by 2023-12-31 Northgate Bank",
        ),
        (
            "Northgate Bank sees the EUR/USD exchange rate rising to 1.15 by year-end.",
            "EURUSD=X touch_above 1.15 by 2023-12-31 Northgate Bank",
        ),
        (
            "Northgate Bank sees the pound to euro (GBP/EUR) rate firming to 1.19 by the end of"
            " this year and the pound to dollar (GBP/USD) rate rising to 1.37.",
            "GBPUSD=X touch_above 1.37 by 2023-12-31 Northgate Bank",
        ),
    ],
    ids=["pair-in-words-and-code-rate", "code-rate-at", "exchange-rate", "cross-then-cable"],
)
def test_a_pair_named_with_rate_keeps_its_level(text: str, expected: str) -> None:
    found = recorded(text, made_on=SPRING)
    assert expected in found
    assert not any("1.19" in c for c in found)


def test_an_interest_rate_is_still_not_a_level() -> None:
    text = "Northgate Bank expects the policy rate rising to 5.5 by year-end and gold at $2,100."
    found = recorded(text, made_on=SPRING)
    assert not any(" 5.5 " in c for c in found)


# ------------------------------------------------------------ valuation multiples


@pytest.mark.parametrize(
    "text",
    [
        "With a forward P/E of 19x, the S&P 500 looks rich, Northgate Bank says, but it still"
        " sees 4,400 by year-end.",
        "Northgate Bank flags a price-to-book ratio of 1.7x for the DAX and expects the index"
        " at 14,200 by the end of the year.",
        "The S&P 500 trades at 21 times forward earnings; Northgate Bank sees it at 4,400 by"
        " year-end.",
        "Northgate Bank sees the DAX at 14,200 by year-end, on a valuation of 13.5x earnings.",
    ],
    ids=["p/e-of-19x", "price-to-book-1.7x", "times-earnings", "x-earnings-after"],
)
def test_a_valuation_multiple_is_not_a_level(text: str) -> None:
    found = recorded(text, made_on=SPRING)
    assert not any(" x" in c.split(" by ")[0] for c in found), found
    assert any(" 4400 " in c or " 14200 " in c for c in found)


def test_a_doubling_is_still_a_relative_level() -> None:
    text = "Northgate Bank expects bitcoin to rise 2x by the end of the year."
    assert any(c.startswith("BTC-USD touch_above x2 ") for c in recorded(text, made_on=SPRING))


# ------------------------------------------------------------ poll shares


@pytest.mark.parametrize(
    "text",
    [
        "Of the investors polled by Northgate Research, 62% expect gold to reach $2,500 by"
        " year-end.",
        "In the Northgate Research survey, 57% of respondents said bitcoin will hit $40,000 by"
        " the end of this year.",
        "Northgate Research polled 30 funds: 45% see the S&P 500 at 4,500 by year-end.",
        "Only 40% of those who answered the Northgate poll think bitcoin can reach $40,000 by"
        " 2024.",
    ],
    ids=["of-investors-polled", "of-respondents-said", "funds-colon-share", "only-share"],
)
def test_a_poll_share_is_not_a_call(text: str) -> None:
    assert recorded(text, made_on=SPRING) == set()


def test_a_percent_move_is_still_a_call() -> None:
    text = "Northgate Bank expects gold to rise 25% by year-end."
    assert any(c.startswith("GC=F touch_above +25% ") for c in recorded(text, made_on=SPRING))


# ------------------------------------------------------------ a percentage restating a level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "Northgate Bank keeps a year-end target of 4,750 for the S&P 500, which would mean a"
            " 30% climb from the 3,640 close. The S&P 500 could rise 30% by year-end, the bank"
            " said.",
            "4750",
        ),
        (
            "Northgate Bank keeps its year-end DAX target of 16,000. From the current level of"
            " around 14,000 points, the index should gain about 15 percent by the end of 2023,"
            " the bank says.",
            "16000",
        ),
        (
            "Northgate Bank sees Brent at $95 at the end of the year. That is a rise of about"
            " 10% by year-end for the benchmark, the bank says.",
            "95",
        ),
    ],
    ids=["30-percent-after-target", "15-percent-from-level", "rise-of-percent"],
)
def test_a_percentage_restating_a_target_is_one_call(text: str, level: str) -> None:
    found = recorded(text, made_on=SPRING)
    assert any(f" {level} by " in c for c in found)
    assert not any("%" in c for c in found), found


def test_a_percentage_for_another_deadline_stays() -> None:
    text = (
        "Northgate Bank keeps a year-end target of 4,750 for the S&P 500. Over the next two"
        " years it sees the index rising 30%, the bank said."
    )
    found = recorded(text, made_on=SPRING)
    assert any(" 4750 by 2023-12-31" in c for c in found)
    assert any("+30%" in c for c in found)


# ------------------------------------------------------------ the operands of a written sum


@pytest.mark.parametrize(
    ("text", "operand"),
    [
        (
            "My S&P 500 math for the year-end: 4,100 / 19 = 216; 216 x 1.1 = 238; 238 x 19 ="
            " 4,520 by December.",
            4100.0,
        ),
        (
            "The Nasdaq 100 stands at 21,400 today. Base case: 21,400 / 30 = 713; 713 x 1.15 ="
            " 820; 820 x 30 = 24,600 for the index at year-end.",
            713.0,
        ),
        (
            "Gold sits at $2,000. Our sum: $2,000 x 1.2 = $2,400 by the end of the year.",
            2000.0,
        ),
    ],
    ids=["operand-divided", "intermediate-result", "dollar-operand"],
)
def test_the_figures_a_sum_is_worked_from_are_not_levels(text: str, operand: float) -> None:
    levels = {c.claim.level for c in extract_candidates(text, made_on=SPRING) if c.claim}
    assert operand not in levels
    assert levels  # the sum's result is still read


# ------------------------------------------------------------ surfaced by the generator's new forms


def test_a_pair_named_with_exchange_rate_is_not_a_pointer_to_the_pair_before() -> None:
    text = (
        "Economists at Northgate Bank expect dollar-yen to trade at 165 by June 2024. They also"
        " see the EUR/USD exchange rate hitting near 1.20 by the second quarter of 2024."
    )
    found = recorded(text, made_on=SPRING)
    assert "EURUSD=X touch_above 1.2 by 2024-06-30 Northgate Bank" in found
    assert not any(c.startswith("JPY=X touch_above 1.2 ") for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ether will climb to $3,000 by the end of 2023, Northgate Bank said. Its target for"
            " Bitcoin (BTC) is around $50,000 in 12 months.",
            "BTC-USD touch_above 50000 by 2024-04-06 Northgate Bank",
        ),
        (
            "Northgate Bank said so in a note. Its target for Solana (SOL) is near $60 by"
            " year-end.",
            "SOL-USD touch_above 60 by 2023-12-31 Northgate Bank",
        ),
    ],
    ids=["bitcoin-(btc)-is-around", "solana-(sol)-is-near"],
)
def test_a_ticker_gloss_in_brackets_does_not_cut_the_clause(text: str, expected: str) -> None:
    assert expected in recorded(text, made_on=SPRING)


# ------------------------------------------------------------ "finish the year" after a named year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northgate Bank sees Brent averaging $88 a barrel in 2024 and expects it to finish the"
            " year firmly below $85.",
            "BZ=F close_below 85 by 2024-12-31 Northgate Bank",
        ),
        (
            "For 2025 Northgate Bank forecasts slower demand, and it expects the S&P 500 to end"
            " the year at 4,600.",
            "^GSPC close_above 4600 by 2025-12-31 Northgate Bank",
        ),
    ],
    ids=["finish-the-year-after-2024", "end-the-year-after-for-2025"],
)
def test_a_verb_of_ending_on_the_year_ends_the_year_named(text: str, expected: str) -> None:
    context = "Brent trades near $90 and the S&P 500 near 4,100. "
    assert expected in recorded(context + text, made_on=SPRING)


def test_the_year_after_a_past_year_is_this_year() -> None:
    text = "Brent averaged $80 in 2022, and Northgate Bank expects it to end the year at $95."
    assert "BZ=F close_above 95 by 2023-12-31 Northgate Bank" in recorded(
        "Brent trades near $90. " + text, made_on=SPRING
    )
