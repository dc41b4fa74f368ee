"""A contrast closes the statement before it: its verb and its speaker stay there.

"Saudi Aramco's CEO said oil demand will stay robust, but Citi analysts cut their Brent
forecast to $60 a barrel for 2026" was read as Saudi Aramco's call that Brent holds above $60
all year: the first clause's speaker and its verb ("stay") reached the level after "but".
Seen on a phrasing of our own (session 14's note); the sentences here are our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.extractor import extract_candidates

MADE_ON = date(2025, 11, 20)


def _calls(text: str) -> set[tuple[str, str | None]]:
    return {
        (c.claim.canonical_text(), c.speaker)
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None
    }


@pytest.mark.parametrize(
    ("text", "call"),
    [
        (
            "Saudi Aramco's CEO said oil demand will stay robust, but Citi analysts cut their"
            " Brent forecast to $60 a barrel for 2026.",
            ("BZ=F average_above 60 from 2026-01-01 to 2026-12-31", "Citi"),
        ),
        (
            "Saudi Aramco's CEO said oil demand will stay robust, while analysts at Citi see"
            " Brent at $60 a barrel in 2026.",
            ("BZ=F average_above 60 from 2026-01-01 to 2026-12-31", "Citi"),
        ),
        (
            "Newmont's chief executive said output would remain steady, but UBS strategists"
            " lifted their gold forecast to $4,800 an ounce for 2026.",
            ("GC=F average_above 4800 from 2026-01-01 to 2026-12-31", "UBS"),
        ),
    ],
)
def test_the_level_after_a_contrast_is_its_own_clauses(text: str, call: tuple[str, str]) -> None:
    calls = _calls(text)
    assert call in calls
    assert not any(reading.split()[1].startswith("hold") for reading, _ in calls)


def test_a_speaker_before_the_contrast_keeps_a_level_of_its_own() -> None:
    text = "Goldman Sachs sees gold at $4,900 by the end of 2026, while UBS expects $4,500 by then."
    calls = _calls(text)
    assert ("GC=F touch_above 4900 by 2026-12-31", "Goldman Sachs") in calls
    assert ("GC=F touch_above 4500 by 2026-12-31", "UBS") in calls


def test_a_contrast_with_no_new_speaker_keeps_the_sentence_speaker() -> None:
    text = "Citi said demand will stay weak, but it still expects Brent to reach $70 by mid-2026."
    assert ("BZ=F touch_above 70 by 2026-06-30", "Citi") in _calls(text)
