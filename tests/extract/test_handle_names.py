"""Social handles made of a common word ("Crypto Rover", "Credible Crypto") are whole names.

"crypto" is a word of NOT_A_NAME, so that "Crypto markets expect" credits nobody; beside a
name word it is part of a handle, and clipping it credited "Rover" or "Credible" (seen on a
phrasing of our own, session 13). Sentences of our own; no corpus file has them.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.extract.extractor import extract_candidates

MADE_ON = date(2026, 11, 30)


def _speakers_at(text: str, level: str) -> set[str | None]:
    return {
        c.speaker
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and f" {level} " in f"{c.claim.canonical_text()} "
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Bitcoin could reach $150,000 by the end of 2027, crypto trader Daan Crypto wrote"
            " on X.",
            "Daan Crypto",
            id="handle-ending-in-crypto-at-the-end",
        ),
        pytest.param(
            "Credible Crypto expects bitcoin to hit $150,000 by the end of 2027.",
            "Credible Crypto",
            id="handle-ending-in-crypto-as-subject",
        ),
        pytest.param(
            "Analyst Crypto Rover expects bitcoin to hit $150,000 by the end of 2027.",
            "Crypto Rover",
            id="handle-opening-with-crypto",
        ),
        pytest.param(
            "Crypto analyst Ali Martinez expects bitcoin to hit $150,000 by the end of 2027.",
            "Ali Martinez",
            id="crypto-as-the-analysts-field",
        ),
    ],
)
def test_a_handle_keeps_its_common_word(text: str, speaker: str) -> None:
    assert _speakers_at(text, "150000") == {speaker}


def test_crypto_alone_is_still_no_name() -> None:
    assert _speakers_at(
        "Crypto markets expect bitcoin to hit $150,000 by the end of 2027.", "150000"
    ) == {None}
