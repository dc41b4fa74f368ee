"""A headline that describes its forecaster instead of naming them (issue 11, speakers8).

Development failures (corpus_test9 t9-captainaltcoin-tenx-hosp-60000-2018,
t9-longport-oppenheimer-stoltzfus-4900): "This executive thinks Bitcoin can reach $60,000 by
the end of the year" and "Wall Street's most bullish strategist: the S&P 500 should climb to
4,900" had no speaker (or "Investment Manager", the description's own words), though the
article names the forecaster below. The call is the speaker of the first later call, else the
firm of the first person the article ties to one. A plural description ("Analysts see") is a
crowd and a named house ("Goldman strategist says") is the house: both left alone.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.described_speakers import described_speaker
from ledger.extract.extractor import extract_article

TODAY = date(2026, 12, 8)
MADE_ON = date(2025, 11, 20)


def _speakers_at(text: str, level: str) -> set[str | None]:
    """The speakers of the calls the article's extraction proposes at `level`."""
    extraction = extract_article(text, today=TODAY, made_on=MADE_ON)
    return {
        c.speaker
        for c in extraction.candidates
        if c.claim is not None and f" {level} " in f"{c.claim.canonical_text()} "
    }


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        # the corpus's shape: the person named below, their own later call
        (
            "This executive thinks Bitcoin can reach $60,000 by the end of 2026\n\n"
            "Julian Hosp, president and co-founder of TenX, spoke to CNBC. Without a "
            "catalyst, he said, bitcoin would take longer: he still sees $70,000 by the end "
            "of 2027.",
            "60000",
            "Julian Hosp",
        ),
        # the corpus's shape: the person's past call below, tied to a firm
        (
            "Wall Street's most bullish strategist: the S&P 500 should climb to 7,900 by the "
            "end of 2026!\n\nAt the end of July, John Stoltzfus, chief investment strategist "
            "at Oppenheimer Asset Management, predicted a new record.",
            "7900",
            "Oppenheimer",  # the name the ledger keeps for the house
        ),
        # invented: a title-case headline whose role words were read as a name
        (
            "Veteran Trader Predicts Silver Could Hit $75 By The End Of 2026\n\n"
            "Peter Brandt, a veteran trader, says silver will reach $80 by the end of 2027.",
            "75",
            "Peter Brandt",
        ),
        # invented: "one" and a role, the analyst at a house named below
        (
            "One strategist sees gold at $5,500 by the end of 2026\n\n"
            "Jane Roe, chief commodities strategist at Lindqvist Bank, says gold will reach "
            "$6,000 by the end of 2027.",
            "5500",
            "Lindqvist Bank",
        ),
    ],
)
def test_a_described_speaker_is_the_one_named_below(text: str, level: str, speaker: str) -> None:
    assert _speakers_at(text, level) == {speaker}


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts see gold at $5,000 by the end of 2026",  # a crowd
        "Strategists expect the S&P 500 at 7,500",  # a plural role
        "Goldman strategist's target: 7,500",  # a possessive, not a speaker
        "Bitcoin Could Hit $150,000 in 2026",  # no role
    ],
)
def test_what_is_not_a_described_speaker(sentence: str) -> None:
    assert described_speaker(sentence) is None


def test_a_named_house_is_not_replaced() -> None:
    text = (
        "Goldman strategist says gold will reach $5,200 by the end of 2026\n\n"
        "Jane Roe, chief commodities strategist at Lindqvist Bank, says gold will reach "
        "$6,000 by the end of 2027."
    )
    assert "Lindqvist Bank" not in _speakers_at(text, "5200")


@given(st.text(max_size=200))
def test_described_speaker_is_a_prefix_of_any_text(sentence: str) -> None:
    found = described_speaker(sentence)
    assert found is None or sentence.startswith(found)
