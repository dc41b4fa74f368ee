"""A closing "said NAME, POST of FIRM" credits the firm only when NAME speaks for it.

The convention tracks public figures in their own name (Tom Lee, Arthur Hayes, Peter Schiff,
Robert Kiyosaki) and an officer of a firm that voices no research speaks for himself; the
subject-first shape ("Tom Lee, chairman of BitMine, said") already read it so, the closing
one credited the firm (seen on phrasings of our own, session 14). Sentences of our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.extractor import extract_candidates

MADE_ON = date(2025, 11, 20)


def _speakers(text: str) -> set[str | None]:
    return {c.speaker for c in extract_candidates(text, made_on=MADE_ON) if c.claim is not None}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ethereum will reach $7,500 by March, said Tom Lee, chairman of BitMine.",
            "Tom Lee",
        ),
        (
            "Ethereum is on track for $7,500 before the end of the first quarter, according to"
            " Tom Lee, chairman of BitMine.",
            "Tom Lee",
        ),
        (
            "Bitcoin can reach $250,000 by year-end, said Tom Lee, head of research at Fundstrat.",
            "Tom Lee",
        ),
        (
            "Gold will hit $5,000 by the end of 2026, said Randy Smallwood, chief executive of"
            " Wheaton Precious Metals.",
            "Randy Smallwood",
        ),
        # a research post at a firm, or any post at a house, is the firm's call
        (
            "Gold will hit $5,000 by the end of 2026, said Jane Doe, commodity strategist at Citi.",
            "Citi",
        ),
        (
            "The S&P 500 will end 2026 at 7,800, said Mike Wilson, chief investment officer of"
            " Morgan Stanley.",
            "Morgan Stanley",
        ),
    ],
)
def test_a_closing_attribution_credits_who_speaks(text: str, speaker: str) -> None:
    assert _speakers(text) == {speaker}
