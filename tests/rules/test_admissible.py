"""unjudgeable: which stored claims the rules set aside, and that it never raises."""

from __future__ import annotations

import math
from datetime import date

import pytest

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
