"""Three wordings of wire copy the extractor misread (session 17's probes).

- "its $200,000 year-end target for bitcoin": the "year" after the level was read as a
  duration ("$200,000 a year"), so the level was dropped.
- "Lori Calvasina, head of U.S. equity strategy at RBC Capital Markets": the dots of "U.S."
  broke the post, so the person was credited instead of the firm.
- "11% below the US$6,500 year-end estimate it set in January": the level a percent is
  measured from is a reference, not a call (while "19% below 2025" compares with a year).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.extract_calls import readings, recorded


@pytest.mark.parametrize(
    ("text", "call"),
    [
        pytest.param(
            "Standard Chartered reiterated its $200,000 year-end target for bitcoin.",
            "BTC-USD touch_above 200000 by 2025-12-31 Standard Chartered",
            id="year-end-after-level",
        ),
        pytest.param(
            "RBC has a 7,000 year end target for the S&P 500.",
            "^GSPC touch_above 7000 by 2025-12-31 RBC",
            id="year-end-spaced",
        ),
        pytest.param(
            "David Kostin, chief U.S. equity strategist at Goldman Sachs, sees the S&P 500 at"
            " 7,600 by the end of 2026.",
            "^GSPC touch_above 7600 by 2026-12-31 Goldman Sachs",
            id="dotted-initialism-in-post",
        ),
        pytest.param(
            "The EIA expects Brent to average $56 per barrel in 2026, 19% below 2025, and $54"
            " in 2027.",
            "BZ=F average_above 54 from 2027-01-01 to 2027-12-31 Energy Information Administration",
            id="percent-against-a-year",
        ),
    ],
)
def test_read(text: str, call: str) -> None:
    assert call in recorded(text)


def test_a_level_a_percent_is_measured_from_is_no_call() -> None:
    text = "That is more than 11% below the US$6,500 year-end estimate it set in January."
    assert readings(text) == set()


def test_a_duration_is_still_no_level() -> None:
    assert readings("Gold hit a 30-year high on Friday.") == set()


@given(
    level=st.integers(min_value=4_100, max_value=9_000).filter(lambda v: abs(v - 5_000) > 50),
    percent=st.integers(min_value=2, max_value=40),
    side=st.sampled_from(["below", "above"]),
)
def test_a_reference_beside_a_call(level: int, percent: int, side: str) -> None:
    text = f"Citi sees gold at $5,000 by the end of 2026, {percent}% {side} the current ${level:,}."
    read = readings(text)
    assert any(line.split()[2] == "5000" for line in read)  # the call, whatever its side
    assert all(line.split()[2] != str(level) for line in read)  # never the reference
