"""A person placed at a firm by a described aside (issue 11, speakers8).

Development failures (corpus_dev5 usdaed-stanchart-btc-150k-literary, corpus_test2
t2-cibc-sp500-thewitness): "Geoff Kendrick, a man who studies these digital currents at
Standard Chartered" and "Christopher Harvey, a veteran strategist who moved to CIBC Capital
Markets from Wells Fargo Securities" tie the person to the firm with no post the role
patterns know, so a later "Kendrick ... lowered the price" or "Harvey sees ..." stayed the
person's. The labelling convention credits the firm. An aside that says where the person was
("a former analyst who left Citi for ...") ties nothing new.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract.speaker_checks import speakers_at

from ledger.extract.article_affiliations import article_affiliations
from ledger.extract.house_names import source_name

MADE_ON = date(2025, 11, 20)


def _speakers_at(text: str, level: str) -> set[str | None]:
    return speakers_at(text, level, MADE_ON)


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        # the corpus's shapes
        (
            "Geoff Kendrick, a man who studies these digital currents at Standard Chartered, "
            "believes there is life in it yet. Kendrick lowered the price he thought Bitcoin "
            "might reach in 2026 to $150,000.",
            "150000",
            "Standard Chartered",
        ),
        (
            "Christopher Harvey, a veteran strategist who moved to CIBC Capital Markets from "
            "Wells Fargo Securities this year, held his ground. Harvey sees the S&P 500 ending "
            "2026 at 7450.",
            "7450",
            "CIBC Capital Markets",
        ),
        # invented: a different aside and verb
        (
            "Anna Berg, an old hand who covers metals with Halvorsen Capital, is upbeat. Berg "
            "expects gold to reach $5,400 by the end of 2026.",
            "5400",
            "Halvorsen Capital",
        ),
    ],
)
def test_a_described_aside_ties_the_person_to_the_firm(text: str, level: str, speaker: str) -> None:
    assert _speakers_at(text, level) == {source_name(speaker)}


@pytest.mark.parametrize(
    ("sentence", "ties"),
    [
        (
            "Anna Berg, a quiet economist who joined Lindqvist Bank in May, is upbeat.",
            {"Anna Berg": "Lindqvist Bank", "Berg": "Lindqvist Bank"},
        ),
        # where the person was is not where they speak from
        ("John Doe, a trader who previously worked at Halvorsen Capital, is upbeat.", {}),
        ("John Doe, a man who once ran money at Halvorsen Capital, is upbeat.", {}),
        # no aside opened by "a"/"an": nothing to read
        ("John Doe, speaking at Halvorsen Capital, is upbeat.", {}),
    ],
)
def test_which_asides_tie(sentence: str, ties: dict[str, str]) -> None:
    assert article_affiliations([sentence]) == ties
