"""Failure classes of the thirteenth round (issue 11), on sentences of our own.

The classes come from corpus_dev2.yaml and corpus_seen.yaml:

- a house named inside a clause that describes a noun ("the record deficit the WPIC
  expects this year has not lifted the price") is not the speaker, so it does not take
  over the calls of the sentences after it;

Each class has negatives that must not change. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

SEPTEMBER = date(2025, 9, 1)
INTRODUCTION = "Commerzbank analyst Carsten Fritsch said the bank is cautious on the metals.\n"

# ------------------------------------------------ a house inside a clause describing a noun


@pytest.mark.parametrize(
    "aside",
    [
        "The record deficit the WPIC expects this year has not lifted the price.",
        "The deficit that the WPIC forecasts for 2025 has done little for the price.",
        "But the shortfall Metals Focus projects is already priced in, it said.",
        "The surplus which Acme Research predicts for next year was widely expected.",
        # a house the article knows: not the one "we" stands for either
        "The surplus the IEA expects next year has weighed on prices.",
        "The glut that the EIA projects for 2026 is already in the price.",
    ],
    ids=["bare-relative", "that-relative", "but-clause", "which-relative", "iea", "eia-year"],
)
def test_a_house_in_a_clause_describing_a_noun_does_not_take_the_next_call(aside: str) -> None:
    text = INTRODUCTION + aside + " We see platinum at $1,200 by mid-2026."
    assert recorded(text, SEPTEMBER) == {"PL=F touch_above 1200 by 2026-06-30 Commerzbank"}


def test_a_house_named_as_the_subject_still_stands_for_we() -> None:
    text = (
        INTRODUCTION + "The IEA expects a surplus next year. We see platinum at $1,200 by mid-2026."
    )
    assert recorded(text, SEPTEMBER) == {
        "PL=F touch_above 1200 by 2026-06-30 International Energy Agency"
    }


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the noun is a call: the house is who made it
        ("The target Goldman Sachs sees is $1,300 for platinum by mid-2026.", "Goldman Sachs"),
        # an apposition with no verb after its clause
        ("And the strategist Jane Doe expects platinum at $1,300 by mid-2026.", "Jane Doe"),
        # the house opens the sentence
        ("The WPIC expects platinum at $1,300 by mid-2026.", "WPIC"),
        # a noun phrase after a preposition is no subject of its own
        (
            "In its latest report the WPIC expects platinum to reach $1,300 by mid-2026.",
            "WPIC",
        ),
    ],
    ids=["call-noun", "apposition", "house-subject", "after-preposition"],
)
def test_a_house_that_speaks_keeps_its_call(sentence: str, speaker: str) -> None:
    assert recorded(INTRODUCTION + sentence, SEPTEMBER) == {
        f"PL=F touch_above 1300 by 2026-06-30 {speaker}"
    }
