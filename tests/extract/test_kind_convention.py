"""The labelling convention for kinds (issue 11; corpus_dev.yaml's header): a forecast below
the price of the day is the _below kind, averages included.

The sentence walk read a call with no side word against a price stated *before* it; an
article often gives the price only after its calls ("On Friday Brent traded at $63.87"), and
the call stayed the default, above. Where the article gives no price, the direction it makes
plain decides for averages ("sees Brent prices falling"). Every text is our own. Calls are
written "SYMBOL kind level window speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.extract import Candidate, extract_article
from ledger.extract.kind_convention import article_says_prices_fall, sides_against_market_closes

NOVEMBER = date(2025, 11, 20)
BRENT_2026 = "BZ=F average_{side} {level} from 2026-01-01 to 2026-12-31 Acme Bank"

# ------------------------------------------------ the price of the day stated after the call


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank expects Brent to average $58 a barrel in 2026. On Friday Brent traded"
            " at $63.87.",
            BRENT_2026.format(side="below", level=58),
        ),
        (
            "Acme Bank set a target of $4,000 for gold by the end of 2026. Gold now changes"
            " hands at $4,300.",
            "GC=F touch_below 4000 by 2026-12-31 Acme Bank",
        ),
    ],
)
def test_a_call_with_no_side_word_is_read_against_a_price_stated_later(
    text: str, expected: str
) -> None:
    assert recorded(text, NOVEMBER) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the price the article gives is under the level: a rise
        (
            "Acme Bank expects Brent to average $58 a barrel in 2026. On Friday Brent traded"
            " at $53.87.",
            BRENT_2026.format(side="above", level=58),
        ),
        # the call's own verb names the side (a commodity's year, read as its average): a rise
        # is a rise whatever the price
        (
            "Acme Bank expects Brent to rise to $58 a barrel in 2026. On Friday Brent traded"
            " at $63.87.",
            BRENT_2026.format(side="above", level=58),
        ),
        # a "price" more than twice the level is a misread figure, not a call for a halving
        (
            "Acme Bank set a target of $4,000 for gold by the end of 2026. Gold now changes"
            " hands at $9,300.",
            "GC=F touch_above 4000 by 2026-12-31 Acme Bank",
        ),
        # no price and no direction: the default stands
        (
            "Acme Bank expects Brent to average $58 a barrel in 2026.",
            BRENT_2026.format(side="above", level=58),
        ),
    ],
)
def test_a_call_keeps_its_side_when_the_price_of_the_day_does_not_say_otherwise(
    text: str, expected: str
) -> None:
    assert recorded(text, NOVEMBER) == {expected}


@settings(max_examples=20, deadline=None)
@given(
    level=st.integers(min_value=40, max_value=120),
    price_cents=st.integers(min_value=2_000, max_value=30_000),
)
def test_the_side_of_an_average_follows_the_price_the_article_gives(
    level: int, price_cents: int
) -> None:
    price = price_cents / 100
    text = (
        f"Acme Bank expects Brent to average ${level} a barrel in 2026. On Friday Brent traded"
        f" at ${price:.2f}."
    )
    below = level < price <= 2 * level
    side = "below" if below else "above"
    assert recorded(text, NOVEMBER) == {BRENT_2026.format(side=side, level=level)}


# ------------------------------------------------ no price: the direction the article makes plain


def test_an_average_in_an_article_that_sees_prices_falling_is_below() -> None:
    text = (
        "The agency sees Brent prices falling next year. Acme Bank expects Brent to average"
        " $55 a barrel in 2026."
    )
    assert recorded(text, NOVEMBER) == {BRENT_2026.format(side="below", level=55)}


@pytest.mark.parametrize(
    "text",
    [
        # a fall inside a condition is a scenario, not the article's view
        "If sanctions are lifted, Brent could fall to $50. Acme Bank expects Brent to average"
        " $55 a barrel in 2026.",
        # a fall and a rise: the article makes no direction plain
        "Acme Bank expects Brent to average $55 a barrel in 2026. Prices should fall early in"
        " the year and then rise in the summer.",
    ],
)
def test_an_average_stays_above_when_the_article_does_not_plainly_see_a_fall(text: str) -> None:
    assert recorded(text, NOVEMBER) == {BRENT_2026.format(side="above", level=55)}


def test_a_target_is_not_turned_by_the_article_direction_alone() -> None:
    # a target for a date is a level to reach; a dip on the way does not make it a fall
    text = (
        "Acme Bank expects gold to ease in the first quarter. Its target is $4,500 by the end"
        " of 2026."
    )
    assert recorded(text, NOVEMBER) == {"GC=F touch_above 4500 by 2026-12-31 Acme Bank"}


@pytest.mark.parametrize(
    ("text", "falls"),
    [
        ("EIA Sees Brent Price Dropping in 2026 and 2027", True),
        ("The bank expects prices to decline further next year.", True),
        ("Higher inventories should weigh on prices.", True),
        ("Brent to average $55 in 2026, falling to about $54 in the fourth quarter.", True),
        ("Brent fell 3% on Friday.", False),  # the past is no forecast's direction
        ("If OPEC+ adds supply, prices will fall.", False),
        ("Prices will fall in spring. They will rise again by autumn.", False),
        ("Lower prices are needed to balance the market, though higher prices may follow.", False),
    ],
)
def test_what_counts_as_an_article_seeing_prices_fall(text: str, falls: bool) -> None:
    assert article_says_prices_fall(text) is falls


# ------------------------------------------------ "close to" a number is "near", not a close

JULY_2015 = date(2015, 7, 10)


def test_close_to_a_number_is_near_it_not_a_close() -> None:
    text = (
        "Acme Bank sees the DAX close to 12,100 points by the end of the year, some 4.5 percent"
        " above the current 11,580."
    )
    assert recorded(text, JULY_2015) == {"^GDAXI touch_above 12100 by 2015-12-31 Acme Bank"}


@pytest.mark.parametrize(
    "text",
    [
        "Acme Bank sees the DAX close at 12,100 points at the end of the year.",
        # a verb of ending gives where the price ends, however near the level it says
        "Acme Bank expects the DAX to end the year close to 12,100 points.",
    ],
)
def test_a_close_stays_a_close(text: str) -> None:
    assert recorded(text, JULY_2015) == {"^GDAXI close_above 12100 by 2015-12-31 Acme Bank"}


# ------------------------------------------------ a firm that keeps its call: no hold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Bank now sees ether at $15,000 in 2027, keeps $30,000 for 2029 and expects"
            " $40,000 by the end of 2030.",
            {
                "ETH-USD touch_above 15000 from 2027-01-01 to 2027-12-31 Acme Bank",
                "ETH-USD touch_above 30000 from 2029-01-01 to 2029-12-31 Acme Bank",
                "ETH-USD touch_above 40000 by 2030-12-31 Acme Bank",
            },
        ),
        (
            'Acme Bank said: "We keep a year-end forecast of USD/JPY 160."',
            {"JPY=X touch_above 160 by 2025-12-31 Acme Bank"},
        ),
    ],
)
def test_a_firm_keeping_its_call_is_no_hold(text: str, expected: set[str]) -> None:
    assert recorded(text, NOVEMBER) == expected


def test_a_price_that_keeps_above_a_level_still_holds() -> None:
    text = "Acme Bank expects gold to keep above $4,000 through 2026."
    assert recorded(text, NOVEMBER) == {"GC=F hold_above 4000 by 2026-12-31 Acme Bank"}


@pytest.mark.parametrize(
    ("text", "made_on"),
    [
        ("gold $5,055 in Q2 to fall to", date(2000, 1, 1)),  # found by hypothesis
        (
            "Acme Bank expects Brent to average $58 a barrel in 2026. On Friday Brent traded"
            " at $63.87.",
            NOVEMBER,
        ),
        ("Acme Bank sees dollar-yen at 140 by June. The pair trades at 152 today.", NOVEMBER),
    ],
)
def test_a_call_turned_below_reads_back_from_its_claim_text(text: str, made_on: date) -> None:
    """What the user is shown is what the ledger records: the turned call's claim text
    parses to the very claim proposed, its asset's own word kept."""
    from ledger.claims.parser import parse_claim
    from ledger.extract import extract_candidates

    turned = [
        c
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and c.claim.kind.value.endswith("_below")
    ]
    assert turned
    for candidate in turned:
        assert candidate.claim_text is not None
        assert parse_claim(candidate.claim_text, made_on=made_on) == candidate.claim
        if text.startswith("gold"):
            assert candidate.claim_text.startswith("gold average_below 5055 from")


# ------------------------------------------------ the market's close from the price cache


def _unstated_gold_call(level: float) -> Candidate:
    """A call with no side word, at `level` (the template read once, its level replaced)."""
    (template,) = extract_article(
        "Acme Bank sees gold at $4,000 by the end of 2026.", today=NOVEMBER, made_on=NOVEMBER
    ).candidates
    assert template.side_unstated and template.claim is not None
    return dataclasses.replace(template, claim=dataclasses.replace(template.claim, level=level))


@given(
    level=st.floats(min_value=1.0, max_value=1e5, allow_nan=False),
    ratio=st.floats(min_value=0.2, max_value=5.0, allow_nan=False),
)
def test_a_market_close_turns_exactly_the_levels_under_it(level: float, ratio: float) -> None:
    close = level * ratio
    candidate = _unstated_gold_call(level)
    (read,) = sides_against_market_closes([candidate], {"GC=F": (NOVEMBER, close)})
    assert read.claim is not None
    if level < close <= 2 * level:
        assert read.claim.kind.value == "touch_below"
        assert not read.side_unstated
        assert any("GC=F's close on 2025-11-20 in the price cache" in a for a in read.assumptions)
    else:
        assert read == candidate
    # No close for the asset, or a stated side: nothing changes.
    assert sides_against_market_closes([candidate], {"SI=F": (NOVEMBER, close)}) == [candidate]
    stated = dataclasses.replace(candidate, side_unstated=False)
    assert sides_against_market_closes([stated], {"GC=F": (NOVEMBER, close)}) == [stated]
