"""Failure classes of the twenty-second round (issue 11), from corpus_test7.yaml's failures.

corpus_test7.yaml left the frozen set on 2026-12-07; its false positives and misses (date
given) were sorted into classes (bench/README.md, "twenty-second round"). The classes fixed
here, each in general form and in wording of our own:

- a wire agency's credit at the head of a story ("(AOF) -", "PARIS (XYZ) -") read as the
  ticker of the asset the story is about;

Each class has negatives that must not change. Calls are written "SYMBOL kind level
deadline speaker", as in test_failure_classes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from extract_calls import recorded

SEPTEMBER = date(2024, 9, 27)

# ------------------------------------------------------------ a wire agency's credit


@pytest.mark.parametrize(
    "text",
    [
        "(AOF) - Gold slipped 0.5% to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "(ZBX) - Gold slipped 0.5% to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "(AOF) \u2013 The price of gold eased on Friday. Acme Bank now forecasts $2,800 for the"
        " end of 2024.",
        "PARIS (AOF) - Gold eased to $2,640 an ounce. Acme Bank lifted its forecast to $2,800"
        " for the end of 2024.",
        "Gold report\n(AOF) - Gold slipped to $2,640 an ounce. Acme Bank lifted its forecast"
        " to $2,800 for the end of 2024.",
    ],
    ids=["aof-dash", "other-agency", "en-dash", "city-before", "second-line"],
)
def test_a_wire_credit_is_not_the_stories_ticker(text: str) -> None:
    found = recorded(text, made_on=SEPTEMBER)
    assert "GC=F touch_above 2800 by 2024-12-31 Acme Bank" in found
    assert not any(line.startswith(("AOF ", "ZBX ")) for line in found)


def test_a_ticker_in_brackets_after_a_company_is_still_read() -> None:
    text = (
        "Shares of Nvidia (NVDA) - the chipmaker - will reach $180 by the end of 2024,"
        " Beta Bank said."
    )
    assert "NVDA touch_above 180 by 2024-12-31 Beta Bank" in recorded(text, made_on=SEPTEMBER)
