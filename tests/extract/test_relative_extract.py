"""The extractor proposes an outperformance only when a sentence takes a side."""

from __future__ import annotations

from datetime import date

import pytest

from ledger.claims.parser import parse_claim
from ledger.extract.extractor import extract_candidates

MADE_ON = date(2025, 11, 20)


@pytest.mark.parametrize(
    ("text", "claim_text"),
    [
        pytest.param(
            "Which type of asset do you expect to perform better: gold or crypto? We expect"
            " gold to outperform crypto through 2026, says Jane Doe of Acme.",
            "gold outperforms bitcoin by 2026-12-31",
            id="side-taken-after-the-question",
        ),
        pytest.param(
            "Analysts at JPMorgan expect silver to beat gold by 10 points in 2026.",
            "silver outperforms gold by 10 points from 2026-01-01 to 2026-12-31",
            id="beat-with-margin",
        ),
        pytest.param(
            "Bitcoin will hit $150,000 by end-2026, while gold could outperform the S&P 500"
            " over the next 6 months.",
            "gold outperforms S&P 500 by 2026-05-20",
            id="beside-a-price-call",
        ),
        pytest.param(
            "We think ether will lag bitcoin in the first half of 2026.",
            "bitcoin outperforms ether from 2026-01-01 to 2026-06-30",
            id="underperform-swaps",
        ),
    ],
)
def test_a_side_taken_is_a_candidate(text: str, claim_text: str) -> None:
    found = [c for c in extract_candidates(text, made_on=MADE_ON) if c.kind == "outperform"]
    assert [c.claim_text for c in found] == [claim_text]
    candidate = found[0]
    assert parse_claim(candidate.claim_text, made_on=MADE_ON) == candidate.claim
    assert candidate.needs is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gold vs bitcoin: which will do better in 2026?", id="question"),
        pytest.param(
            "Which type of asset do you expect to perform better, gold or crypto, next year?",
            id="asks-without-a-side",
        ),
        pytest.param("Gold versus bitcoin will be the trade to watch in 2026.", id="no-side"),
        pytest.param("Gold outperformed bitcoin last year.", id="past"),
    ],
)
def test_no_side_no_candidate(text: str) -> None:
    found = extract_candidates(text, made_on=MADE_ON)
    assert not [c for c in found if c.kind == "outperform"]
