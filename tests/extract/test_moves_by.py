"""Moves written with "by", halvings and fractions of a price are relative calls.

"Citi expects silver to fall by 20% by the end of 2026" gave nothing: "by" before a level
marked the step of a change ("raised its target by $200"), so the percent was dropped as an
old figure. "Ether could halve", "lose a third of its value" gave nothing either: a multiple
under one was written as a level to reach ("reaches x0.5", which no parser takes), and a
fraction of the value was no level at all.
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
            "Citi expects silver to fall by 20% by the end of 2026.",
            "SI=F touch_below -20% by 2026-12-31 Citi",
            id="fall-by",
        ),
        pytest.param(
            "Citi expects silver to rise by 20% by the end of 2026.",
            "SI=F touch_above +20% by 2026-12-31 Citi",
            id="rise-by",
        ),
        pytest.param(
            "Citi expects silver to fall by as much as 20% by the end of 2026.",
            "SI=F touch_below -20% by 2026-12-31 Citi",
            id="by-as-much-as",
        ),
        pytest.param(
            "Standard Chartered expects ether to halve by the end of 2026.",
            "ETH-USD touch_below x0.5 by 2026-12-31 Standard Chartered",
            id="halve",
        ),
        pytest.param(
            "Citi expects silver to fall by half by the end of 2026.",
            "SI=F touch_below -50% by 2026-12-31 Citi",
            id="fall-by-half",
        ),
        pytest.param(
            "Standard Chartered expects ether to lose a third of its value by the end of 2026.",
            "ETH-USD touch_below -33.3% by 2026-12-31 Standard Chartered",
            id="a-third-of-its-value",
        ),
        pytest.param(
            "Citi expects bitcoin to lose two-thirds of its value by the end of 2027.",
            "BTC-USD touch_below -66.7% by 2027-12-31 Citi",
            id="two-thirds",
        ),
        pytest.param(
            "Citi expects gold to double by 2030.",
            "GC=F touch_above x2 by 2030-12-31 Citi",
            id="double-unchanged",
        ),
    ],
)
def test_the_move_is_the_call(text: str, call: str) -> None:
    assert call in recorded(text)


@pytest.mark.parametrize(
    "text",
    [
        # the step of a changed forecast, then the new level: the level is the call
        "Citi raised its gold target by 10% to $5,000 for 2026.",
        "Citi expects gold to rise by 10% to $4,400 by end-2026.",
    ],
)
def test_a_step_before_a_level_stays_a_step(text: str) -> None:
    assert all("%" not in line for line in recorded(text))


def test_a_move_already_made_is_no_call() -> None:
    assert readings("Gold has risen by 20% this year, and Citi expects more.") == set()
    assert readings("Gold lost a quarter of its value in 2013.") == set()


def test_the_bitcoin_halving_is_an_event_not_a_level() -> None:
    text = "The bitcoin halving in April 2028 will lift prices to $200,000, says Citi."
    assert all("x0.5" not in line for line in readings(text))


MOVES = st.sampled_from(
    [("fall", "-"), ("drop", "-"), ("decline", "-"), ("rise", "+"), ("climb", "+"), ("gain", "+")]
)


@given(
    move=MOVES, size=st.integers(min_value=5, max_value=60), hedge=st.sampled_from(["", "about "])
)
def test_by_changes_nothing_in_a_move(move: tuple[str, str], size: int, hedge: str) -> None:
    verb, sign = move
    plain = readings(f"Citi expects silver to {verb} {hedge}{size}% by the end of 2026.")
    with_by = readings(f"Citi expects silver to {verb} by {hedge}{size}% by the end of 2026.")
    kind = "touch_below" if sign == "-" else "touch_above"
    assert plain == with_by == {f"SI=F {kind} {sign}{size}% by 2026-12-31"}
