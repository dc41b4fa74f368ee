"""A "we" inside a quotation is whoever was quoted, not whom the quotation mentions
(issue 11, speakers8).

Development failure (corpus_test9 t9-worldstockmarket-dbs-usdjpy-150-139): a DBS
strategist's note quoted over several sentences mentions "US presidential front-runner Donald
Trump has criticised the yen's deep weakness", then closes on "We keep our forecast for
USD/JPY to fall to 150 by end-2024." The "we" went to Trump, the last name read. Now the
sentence walk remembers who was named before a quotation opened (`Context.quoted_speaker`:
the sentence's own speaker when it names one before the quote mark, else the speaker before
that sentence) and a first-person call inside that quotation is theirs.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.extractor import extract_candidates
from ledger.extract.house_names import source_name

MADE_ON = date(2024, 7, 18)


def _speakers_at(text: str, level: str) -> set[str | None]:
    return {
        source_name(c.speaker) if c.speaker else None
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and f" {level} " in f"{c.claim_text} "
    }


@pytest.mark.parametrize(
    ("text", "level", "speaker"),
    [
        # the corpus's shape: the quotation opens at once and names a public figure
        (
            "USD/JPY dropped to 156.20, notes DBS senior FX strategist Philip Wee.\n\n"
            '"Besides intervention, BoJ Governor Kazuo Ueda said the bank could raise rates. '
            "US presidential front-runner Donald Trump has criticised the yen's weakness. "
            'We keep our forecast for USD/JPY to fall to 150 by end-2024."',
            "150",
            "DBS",
        ),
        # invented: the quotation opens on its speaker's own sentence, then mentions a banker
        (
            "Halvorsen Capital's Anna Berg wrote: \"The dollar has room to fall. "
            "Jerome Powell said cuts are near. "
            'We see EUR/USD at 1.20 by the end of 2025."',
            "1.20",
            "Halvorsen Capital",
        ),
        # invented: a house, then a quotation that quotes someone else inside it
        (
            "Lindqvist Bank is bullish on gold.\n\n"
            '"Demand is strong. Citi argued last month that gold has peaked. '
            'We expect gold to reach $2,800 by the end of 2025 all the same."',
            "$2,800",
            "Lindqvist Bank",
        ),
    ],
)
def test_a_quotations_we_is_who_was_quoted(text: str, level: str, speaker: str) -> None:
    assert _speakers_at(text, level) == {speaker}


def test_a_closed_quotation_leaves_no_speaker_behind() -> None:
    # the quotation closes in its sentence: the next quotation's "we" is its own speaker's
    text = (
        'Lindqvist Bank said: "Demand is strong." Citi disagrees. '
        '"We expect gold to fall to $2,100 by the end of 2025," Citi said.'
    )
    assert _speakers_at(text, "$2,100") == {"Citi"}
