"""A list of bare numbers closed by "respectively" without a comma (issue 11).

"HSBC and Barclays forecast EUR/USD at 1.25 and 1.22 respectively by the end of 2027" gave
1.25 to both banks: a plain number (no currency sign) counts as a price only before words
that go with prices, and "respectively" was not one of them, so the list's last level was
dropped and the remaining one was shared. With a comma before "respectively", or a dollar
sign, it worked; every writing must read the same.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded
from hypothesis import given
from hypothesis import strategies as st

DECEMBER = date(2026, 12, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "HSBC and Barclays forecast EUR/USD at 1.25 and 1.22 respectively by the end of 2027.",
        "HSBC and Barclays forecast EUR/USD at 1.25 and 1.22, respectively, by the end of 2027.",
        "HSBC and Barclays forecast EUR/USD at 1.25 and 1.22 by the end of 2027, respectively.",
    ],
    ids=["no-comma", "commas", "at-the-end"],
)
def test_each_bank_keeps_its_own_bare_decimal(sentence: str) -> None:
    assert recorded(sentence, DECEMBER) == {
        "EURUSD=X touch_above 1.25 by 2027-12-31 HSBC",
        "EURUSD=X touch_above 1.22 by 2027-12-31 Barclays",
    }


@given(
    first=st.integers(min_value=101, max_value=149),
    second=st.integers(min_value=101, max_value=149),
    comma=st.sampled_from(["", ","]),
)
def test_a_bare_pair_before_respectively_is_two_calls(first: int, second: int, comma: str) -> None:
    high, low = f"{first / 100:.2f}", f"{second / 100:.2f}"
    sentence = (
        f"Nomura and ING see EUR/USD at {high} and {low}{comma} respectively by the end of 2027."
    )
    calls = recorded(sentence, DECEMBER)
    owners = sorted((call.split()[-1], float(call.split()[2])) for call in calls)
    assert owners == sorted([("Nomura", float(high)), ("ING", float(low))])
