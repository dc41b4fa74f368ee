"""Two plain levels the extractor dropped, found by the generated calls (seed 11).

- "gold will top 5 000 US dollars": a thousands space after the verb "top" was kept as two
  numbers, since "top" was also read as the name of an index ("Top 40 ...").
- "ether to stay below 6,000 throughout 2027": a number with no currency sign is a level
  only before words that go with levels, and "throughout" was not one of them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract_calls import recorded


@pytest.mark.parametrize(
    ("text", "call"),
    [
        pytest.param(
            "The price of gold will top 5 000 US dollars by the end of 2026, according to"
            " analysts at Barclays.",
            "GC=F touch_above 5000 by 2026-12-31 Barclays",
            id="top-spaced-thousands",
        ),
        pytest.param(
            "Citi expects bitcoin could top 150 000 dollars by the end of 2026.",
            "BTC-USD touch_above 150000 by 2026-12-31 Citi",
            id="could-top",
        ),
        pytest.param(
            "Citi expects ether to stay below 6,000 throughout 2027.",
            "ETH-USD hold_below 6000 from 2027-01-01 to 2027-12-31 Citi",
            id="throughout",
        ),
        pytest.param(
            "Citi expects the S&P 500 to stay above 6,000 throughout 2027.",
            "^GSPC hold_above 6000 from 2027-01-01 to 2027-12-31 Citi",
            id="throughout-index",
        ),
    ],
)
def test_the_level_is_read(text: str, call: str) -> None:
    assert call in recorded(text)


@given(
    thousands=st.integers(min_value=2, max_value=9),
    hundreds=st.sampled_from(["000", "100", "500", "750"]),
    modal=st.sampled_from(["will", "could", "should", "may"]),
)
def test_a_spaced_level_after_top_is_one_number(thousands: int, hundreds: str, modal: str) -> None:
    level = thousands * 1000 + int(hundreds)
    text = f"Gold {modal} top {thousands} {hundreds} dollars by the end of 2026, Citi says."
    assert {line.split()[2] for line in recorded(text)} == {str(level)}
