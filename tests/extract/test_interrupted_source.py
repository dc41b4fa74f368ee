"""A source set inside the verb phrase: "Bitcoin will, according to X, hit $200K".

With an aside of its own ("according to Kenji Matsuda, chief investment officer at HSBC,")
the call was missed: the generated calls' frame "will, according to X," read 18.5% wrong
(10 of 54, seed 3), every one a miss.
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
            "Bitcoin (BTC) will, according to Kenji Matsuda, chief investment officer at HSBC,"
            " hit US$200K by the middle of 2027.",
            "BTC-USD touch_above 200000 by 2027-06-30 HSBC",
            id="person-post-firm",
        ),
        pytest.param(
            "BTC/USD will, according to Standard Chartered's chief market strategist, Priya"
            " Raman, hit the $150,000 mark by late 2027.",
            "BTC-USD touch_above 150000 by 2027-12-31 Standard Chartered",
            id="possessive-post-person",
        ),
        pytest.param(
            "USD/JPY will, according to Standard Chartered, soar to the 165 level by March.",
            "JPY=X touch_above 165 by 2026-03-31 Standard Chartered",
            id="plain-aside",
        ),
        pytest.param(
            "Gold could, according to Jane Doe, head of research at UBS, fall to $3,500 by the"
            " end of 2026.",
            "GC=F touch_below 3500 by 2026-12-31 UBS",
            id="could-fall",
        ),
    ],
)
def test_the_call_inside_the_aside_is_read(text: str, call: str) -> None:
    assert call in recorded(text)


def test_an_aside_with_no_verb_after_is_left_alone() -> None:
    # no verb of a move after the aside: nothing is moved, nothing invented
    text = "Gold will, according to UBS, Citi and HSBC, be the year's best asset."
    assert recorded(text) == set()


PERSONS = st.sampled_from(["Kenji Matsuda", "Priya Raman", "Jane Holloway"])
POSTS = st.sampled_from(["chief investment officer", "head of research", "chief strategist"])
FIRMS = st.sampled_from(["HSBC", "UBS", "Citi", "Commerzbank", "Macquarie"])
VERBS = st.sampled_from(["hit", "reach", "climb to", "top"])


@given(person=PERSONS, post=POSTS, firm=FIRMS, verb=VERBS, level=st.integers(5_100, 9_000))
def test_any_person_post_and_firm(person: str, post: str, firm: str, verb: str, level: int) -> None:
    text = (
        f"Gold will, according to {person}, {post} at {firm}, {verb} ${level:,} by the end of 2026."
    )
    assert recorded(text) == {f"GC=F touch_above {level} by 2026-12-31 {firm}"}
