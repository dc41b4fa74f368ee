"""A percentage takes its side from the move word beside it.

"our economists see the euro losing 7% against the dollar over the next year" was read as a
7% rise (the sentence's "see" names no side, so the default won), and "a 15% correction in
the Nasdaq 100" as a 15% gain: the percentage's own move word was not read. Seen at unseen
contact (a retired frozen batch, session 15); the sentences here are our own.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import readings
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.vocabulary import ABOVE, BELOW
from ledger.extract.percent_moves import percent_move_side

MADE_ON = date(2025, 11, 20)


def _readings(text: str) -> set[str]:
    return readings(text, MADE_ON)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "From a spot of 1.29, our economists see the euro losing 7% against the dollar over"
            " the next year.",
            "EURUSD=X touch_below -7% by 2026-11-20",
        ),
        (
            "The strategist sees a 15% correction in the Nasdaq 100 by mid-2026.",
            "^NDX touch_below -15% by 2026-06-30",
        ),
        (
            "Our desk sees bitcoin shedding 25% by the end of next year.",
            "BTC-USD touch_below -25% by 2026-12-31",
        ),
        (
            "The analysts see a 20% rally in silver by the end of 2026.",
            "SI=F touch_above +20% by 2026-12-31",
        ),
        (
            "Morgan Stanley expects the S&P 500 to rally 12% over the next 12 months.",
            "^GSPC touch_above +12% by 2026-11-20",
        ),
    ],
)
def test_the_move_beside_the_percentage_names_its_side(text: str, reading: str) -> None:
    assert reading in _readings(text)


def test_a_move_elsewhere_in_the_sentence_does_not_flip_a_signed_percentage() -> None:
    text = "Even as oil falls, the bank sees the DAX at +12% by the end of 2026."
    assert "^GDAXI touch_below -12% by 2026-12-31" not in _readings(text)


FALLING = ["fall", "falling", "drop", "decline", "losing", "shed", "slide", "plunge", "slump"]
RISING = ["rise", "rising", "gain", "climb", "rally", "jump", "surge", "advance", "adding"]
NOUNS_DOWN = ["drop", "decline", "fall", "correction", "slump", "loss", "plunge"]
NOUNS_UP = ["rally", "rise", "gain", "jump", "surge", "increase", "rebound"]


@given(
    word=st.sampled_from(FALLING + RISING),
    size=st.floats(min_value=0.5, max_value=300, allow_nan=False).map(lambda x: f"{x:.1f}"),
    hedge=st.sampled_from(["", "by ", "about ", "another ", "as much as ", "nearly "]),
    unit=st.sampled_from(["%", " percent", " per cent"]),
)
def test_a_move_verb_before_the_percentage(word: str, size: str, hedge: str, unit: str) -> None:
    text = f"The desk sees prices {word} {hedge}{size}{unit} by year-end."
    start = text.index(size)
    end = start + len(size) + len(unit)
    assert percent_move_side(text, start, end) == (BELOW if word in FALLING else ABOVE)


@given(
    noun=st.sampled_from(NOUNS_DOWN + NOUNS_UP),
    size=st.integers(min_value=1, max_value=400).map(str),
    unit=st.sampled_from(["%", " percent", " per cent"]),
)
def test_a_move_noun_after_the_percentage(noun: str, size: str, unit: str) -> None:
    text = f"The strategist sees a {size}{unit} {noun} in the index by mid-2026."
    start = text.index(size)
    end = start + len(size) + len(unit)
    assert percent_move_side(text, start, end) == (BELOW if noun in NOUNS_DOWN else ABOVE)


def test_no_move_word_leaves_the_side_to_the_sentence() -> None:
    text = "Analysts see the index 12% away from its high by mid-2026."
    start = text.index("12%")
    assert percent_move_side(text, start, start + 3) is None
