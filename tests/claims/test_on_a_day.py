"""A level "on DATE" with no close or hold word (issue 14 trial repeat).

"BTC above 100000 on 2026-06-30" is read as a touch with that day as its deadline,
as an analyst's target is; a reader may have meant the close that day, so the
reading says which it took and how to write the other. Nothing else changes.
"""

from __future__ import annotations

from datetime import date

import pytest

from ledger.claims.model import ClaimKind
from ledger.claims.parser import parse_claim

MADE_ON = date(2025, 11, 20)


@pytest.mark.parametrize(
    ("text", "kind", "written"),
    [
        ("BTC above 100000 on 2026-06-30", ClaimKind.TOUCH_ABOVE, "closes above"),
        ("gold below 4000 on 2026-06-30", ClaimKind.TOUCH_BELOW, "closes below"),
        ("gold at $4,500 on 2026-06-30", ClaimKind.TOUCH_ABOVE, "closes above"),
        ("ETH/BTC above 0.05 on 2026-06-30", ClaimKind.TOUCH_ABOVE, "closes above"),
    ],
    ids=["above", "below", "at", "ratio"],
)
def test_a_level_on_a_day_without_a_close_word_says_it_is_read_as_a_touch(
    text: str, kind: ClaimKind, written: str
) -> None:
    claim = parse_claim(text, made_on=MADE_ON)
    assert claim.kind is kind and claim.deadline == date(2026, 6, 30)
    (note,) = [a for a in claim.assumptions if "'on 2026-06-30'" in a]
    assert f"write '{written} ... on 2026-06-30' for that day's close" in note


@pytest.mark.parametrize(
    "text",
    [
        "BTC closes above 100000 on 2026-06-30",
        "BTC holds 80000 until 2026-03-31",
        "gold $5055 by end-2026",
        "gold above 4500 by 2026-06-30",
    ],
    ids=["close-word", "hold-word", "by-a-year-end", "by-a-day"],
)
def test_a_close_or_hold_word_or_a_by_deadline_needs_no_such_note(text: str) -> None:
    claim = parse_claim(text, made_on=MADE_ON)
    assert not [a for a in claim.assumptions if "for that day's close" in a]
