"""unjudgeable: which stored claims the rules set aside, and that it never raises."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.model import Claim, ClaimKind, RelativeKind, RelativeLevel
from ledger.rules import unjudgeable


def claim(**changes) -> Claim:
    values = {
        "symbol": "GC=F",
        "asset": "gold",
        "kind": ClaimKind.TOUCH_ABOVE,
        "level": 5055.0,
        "made_on": date(2025, 11, 20),
        "window_start": date(2025, 11, 21),
        "deadline": date(2026, 12, 31),
    }
    values.update(changes)
    return Claim(**values)


@pytest.mark.parametrize(
    ("changes", "needle"),
    [
        pytest.param({"made_on": date(1, 1, 1)}, "made_on 0001-01-01", id="made_on-year-1"),
        pytest.param(
            {"window_start": date(1, 1, 2)}, "window_start 0001-01-02", id="window-year-1"
        ),
        pytest.param({"level": math.inf}, "level inf", id="infinite-level"),
        pytest.param({"level": math.nan}, "level nan", id="nan-level"),
        pytest.param(
            {
                "level": None,
                "relative": RelativeLevel(RelativeKind.PERCENT, 20.0),
                "reference_price": math.inf,
            },
            "reference price inf",
            id="infinite-reference",
        ),
        pytest.param(
            {"level": None, "relative": RelativeLevel(RelativeKind.MULTIPLE, math.nan)},
            "relative level nan",
            id="nan-multiple",
        ),
        pytest.param({"symbol": "  "}, "symbol is empty", id="blank-symbol"),
        pytest.param(
            {
                "made_on": date(9990, 1, 1),
                "window_start": date(9990, 1, 2),
                "deadline": date(9999, 12, 31),
            },
            "cannot be computed",
            id="made_on-near-year-9999",
        ),
        pytest.param(
            {"deadline": date(9999, 12, 31)}, "more than 100 years", id="deadline-year-9999"
        ),
    ],
)
def test_poison_values_are_named(changes: dict, needle: str) -> None:
    why = unjudgeable(claim(**changes))
    assert why is not None and needle in why


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="plain"),
        pytest.param(
            {
                "made_on": date(2030, 1, 1),
                "window_start": date(2030, 1, 2),
                "deadline": date(2030, 6, 1),
            },
            id="made_on-after-today-is-not-for-the-rules",
        ),
        pytest.param(
            {"level": None, "relative": RelativeLevel(RelativeKind.PERCENT, -20.0)},
            id="relative-waiting-for-its-reference",
        ),
        pytest.param(
            {"kind": ClaimKind.AVERAGE_ABOVE, "window_start": date(2025, 10, 1)},
            id="average-period-before-made_on",
        ),
    ],
)
def test_ordinary_claims_are_judgeable(changes: dict) -> None:
    assert unjudgeable(claim(**changes)) is None


# --- surely_judgeable: the vectorised pre-check of fixed-level claims ---------------

FIXED_KINDS = [k for k in ClaimKind if not k.is_vague and k is not ClaimKind.OUTPERFORM]
_DAY0 = date(1970, 1, 1).toordinal()


def sure(claims: list[Claim]) -> list[bool]:
    from ledger.rules.admissible import surely_judgeable

    def days(values):
        return np.array([d.toordinal() - _DAY0 for d in values], dtype=np.int64)

    return surely_judgeable(
        days([c.made_on for c in claims]),
        days([c.window_start for c in claims]),
        days([c.deadline for c in claims]),
        np.array([c.level for c in claims], dtype=np.float64),
        np.array([math.nan if c.upper is None else c.upper for c in claims]),
        np.array([c.kind.is_band for c in claims]),
        np.array([c.upper is not None for c in claims]),
    ).tolist()


@st.composite
def fixed_level_claims(draw: st.DrawFn) -> Claim:
    kind = draw(st.sampled_from(FIXED_KINDS))
    made_on = draw(st.dates(date(1, 1, 1), date(9999, 12, 1)))
    window_start = draw(st.dates(date(1, 1, 1), date(9999, 12, 31)))
    deadline = draw(st.dates(max(made_on, window_start), date(9999, 12, 31)))
    prices = st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([0.0, 1e12, -1e12, 1e12 * (1 + 1e-15), 5055.0, -37.63]),
    )
    level = draw(prices)
    upper = draw(st.one_of(st.none(), prices))
    return claim(
        kind=kind,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        level=level,
        upper=upper,
    )


@settings(deadline=None)  # examples: the profile (HYPOTHESIS_MAX_EXAMPLES)
@given(st.lists(fixed_level_claims(), min_size=1, max_size=8))
def test_surely_judgeable_vouches_only_for_judgeable_claims(claims: list[Claim]) -> None:
    for item, vouched in zip(claims, sure(claims), strict=True):
        if vouched:
            assert unjudgeable(item) is None, item


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({}, True, id="ordinary"),
        pytest.param({"made_on": date(1899, 12, 31)}, False, id="made_on-before-1900"),
        pytest.param(
            {
                "made_on": date(1900, 1, 1),
                "window_start": date(1900, 1, 2),
                "deadline": date(1999, 11, 1),
            },
            True,
            id="1900-for-99-years",
        ),
        pytest.param({"deadline": date(2125, 11, 20)}, False, id="deadline-100-years"),
        pytest.param({"level": 1e12}, True, id="level-at-the-bound"),
        pytest.param({"level": 1.0000001e12}, False, id="level-past-the-bound"),
        pytest.param({"level": 0.0}, False, id="level-zero"),
        pytest.param({"upper": 6000.0}, False, id="upper-on-a-touch"),
        # PostgreSQL stores a NaN upper level; it is not a missing one
        pytest.param({"upper": math.nan}, False, id="nan-upper-on-a-touch"),
        pytest.param({"kind": ClaimKind.CLOSE_BETWEEN, "upper": 6000.0}, True, id="band"),
        pytest.param(
            {"kind": ClaimKind.CLOSE_BETWEEN, "upper": 5000.0}, False, id="band-upside-down"
        ),
    ],
)
def test_surely_judgeable_cases(changes: dict, expected: bool) -> None:
    item = claim(**changes)
    assert sure([item]) == [expected]
    if expected:
        assert unjudgeable(item) is None
