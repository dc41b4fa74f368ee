"""Levels far from the market are named, never refused: `far_level_warnings`."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ledger.claims.parser import parse_claim
from ledger.claims.plausibility import FAR_FACTOR, KnownClose, far_level_warnings

MADE = date(2025, 11, 20)
GOLD = KnownClose(date(2025, 11, 19), 4000.0)


def claim(text: str):
    return parse_claim(text, made_on=MADE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "gold $1e12 by end-2026",
            ["level 1.0e+12 is 2.5e+08 times the last known GC=F close (4000 on 2025-11-19)"],
            id="exponent-typo",
        ),
        pytest.param(
            "gold $150 by end-2026",
            ["level 150 is 1/27 of the last known GC=F close (4000 on 2025-11-19)"],
            id="far-below",
        ),
        pytest.param("gold $80,000 by end-2026", [], id="exactly-20x-is-not-far"),
        pytest.param("gold $200 by end-2026", [], id="exactly-1/20-is-not-far"),
        pytest.param("gold $5055 by end-2026", [], id="ordinary"),
        pytest.param(
            "gold between 100 and 90000 at year-end",
            [
                "level 100 is 1/40 of the last known GC=F close (4000 on 2025-11-19)",
                "level 90000 is 22 times the last known GC=F close (4000 on 2025-11-19)",
            ],
            id="band-both-edges",
        ),
        pytest.param("gold +2000% by end-2026", [], id="relative-measured-from-a-close"),
        pytest.param("gold outperforms bitcoin in 2026", [], id="outperformance-has-no-level"),
    ],
)
def test_far_levels(text: str, expected: list[str]) -> None:
    assert far_level_warnings(claim(text), GOLD) == expected


def test_no_known_close_no_warning() -> None:
    assert far_level_warnings(claim("gold $1e12 by end-2026"), None) == []


@given(
    level=st.floats(min_value=1e-6, max_value=1e12),
    close=st.floats(min_value=1e-6, max_value=1e12),
)
def test_warns_exactly_when_more_than_the_factor_away(level: float, close: float) -> None:
    ratio = level / close
    assume(abs(ratio - FAR_FACTOR) > 1e-6 and abs(ratio - 1 / FAR_FACTOR) > 1e-9)  # no ulp ties
    stated = dataclasses.replace(claim("gold $5055 by end-2026"), level=level)
    far = level > FAR_FACTOR * close or level * FAR_FACTOR < close
    assert bool(far_level_warnings(stated, KnownClose(MADE, close))) == far
