"""A multiple that begins a firm's or a fund's name is no level to reach.

"Markus Thielen of 10x Research" gave a second call, bitcoin at ten times its price, beside
the real one (seen on a phrasing of our own, session 14); "a 2x Bitcoin ETF" is a product.
A multiple that is the call ("could go 10x", a headline's "Could Go 10x By 2030") stays.
Sentences of our own; no corpus file has them.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import readings

MADE_ON = date(2025, 11, 12)


def _readings(text: str) -> set[str]:
    return readings(text, MADE_ON)


@pytest.mark.parametrize(
    "text",
    [
        "Bitcoin needs to hold $100,000 through the end of the month, said Markus Thielen of"
        " 10x Research.",
        "Ether will rally to $6,000 by March, according to a note from 10x Capital.",
        "Flows into the 2x Bitcoin ETF jumped, and traders see bitcoin at $150,000 by June.",
        "A 3x leveraged Solana fund listed this week; Solana could reach $400 by year-end.",
        "Analysts at 5X Partners expect gold at $5,000 by the end of 2026.",
        "Markus Thielen, head of research at 10x, said bitcoin is set to reach $150,000 by the"
        " end of next week.",
    ],
)
def test_a_multiple_that_starts_a_name_is_no_call(text: str) -> None:
    readings = _readings(text)
    assert readings, "the sentence's real call is still read"
    assert not any(" x" in reading for reading in readings), readings


@pytest.mark.parametrize(
    "text",
    [
        "Bitcoin could go 10x from here by 2030, Cathie Wood said.",
        "Bitcoin Could Go 10x By 2030, Says Cathie Wood",
        "Solana will 5x by the end of next year, the trader posted.",
    ],
)
def test_a_multiple_that_is_the_call_stays(text: str) -> None:
    assert any(" x" in reading for reading in _readings(text))
