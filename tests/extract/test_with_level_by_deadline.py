"""A target written as an absolute clause: "..., with USD/JPY at 152 by the end of this year".

Class from the development failures (rules30, issue 11): corpus_test9.yaml
t9-fxexpertfunded-rabobank-usdjpy-152 ("it should recover later in 2024, with USD/JPY at 152 by
the end of this year") recorded nothing, because "with <asset> at <level>" reads as the market
where it stands. FX and bank notes write targets this way; the deadline after the level is what
makes the clause look ahead. The sentences below are written for the test (none is an
article's), with controls where "with ... at" still describes the market.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.dates import find_date_phrases
from ledger.extract.dated_clauses import deadline_after

MADE_ON = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "Rabobank expects the yen to recover, with USD/JPY at 150 by the end of next year.",
            "JPY=X touch_above 150 by 2027-12-31 Rabobank",
        ),
        (
            "ING sees the euro firming, with EUR/USD at 1.22 by end-2027.",
            "EURUSD=X touch_above 1.22 by 2027-12-31 ING",
        ),
        (
            "Commerzbank expects the oil glut to deepen, with Brent at $55 by mid-2027.",
            "BZ=F touch_above 55 by 2027-06-30 Commerzbank",
        ),
        (
            "Danske Bank expects the dollar to weaken, with EUR/USD at 1.25 at the end of 2027.",
            "EURUSD=X touch_above 1.25 by 2027-12-31 Danske Bank",
        ),
    ],
)
def test_a_with_clause_with_a_deadline_after_its_level_is_a_call(text: str, line: str) -> None:
    assert line in recorded(text, MADE_ON)


@pytest.mark.parametrize(
    "text",
    [
        # the market as it stands: no deadline after the level
        "Miners are booking record margins, with gold at $4,100 this year.",
        # the deadline belongs to another clause, not to the level's
        "With gold at $4,100, miners expect record profits by the end of next year.",
        # a deadline already gone dates the scene
        "Gold miners had a strong run, with gold at $2,000 by the end of 2023.",
    ],
)
def test_the_market_where_it_stands_is_still_no_call(text: str) -> None:
    assert not any(line.startswith("GC=F") for line in recorded(text, MADE_ON))


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=2027, max_value=2035),
    st.sampled_from(["by the end of", "by end-", "at the end of", "before the end of"]),
    st.integers(min_value=0, max_value=30),
)
def test_only_a_deadline_after_the_level_and_in_its_clause_counts(
    year: int, wording: str, gap: int
) -> None:
    joiner = "" if wording.endswith("-") else " "
    clause = f"with gold at $5,000{' ' * gap} {wording}{joiner}{year}"
    text = f"Prices are firm, {clause}."
    phrases, _ = find_date_phrases(text, MADE_ON)
    level_at = text.index("$5,000")
    whole = (text.index("with"), len(text))
    assert deadline_after(level_at, whole, phrases, MADE_ON)
    # not before the level, not outside the clause, not a deadline gone by
    assert not deadline_after(len(text) - 1, whole, phrases, MADE_ON)
    assert not deadline_after(level_at, (0, text.index("with")), phrases, MADE_ON)
    assert not deadline_after(level_at, whole, phrases, date(year + 1, 1, 2))
