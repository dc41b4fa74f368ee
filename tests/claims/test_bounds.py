"""The range of values the ledger accepts (ledger.claims.bounds)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims import bounds
from ledger.claims.bounds import BoundsError
from ledger.claims.model import Claim, ClaimKind, RelativeKind, RelativeLevel

TODAY = date(2026, 12, 1)


def _claim(**changes: object) -> Claim:
    fields: dict[str, object] = {
        "symbol": "GC=F",
        "asset": "gold",
        "kind": ClaimKind.TOUCH_ABOVE,
        "level": 5055.0,
        "made_on": date(2025, 11, 20),
        "window_start": date(2025, 11, 21),
        "deadline": date(2026, 12, 31),
    }
    fields.update(changes)
    return Claim(**fields)  # type: ignore[arg-type]


def test_an_ordinary_claim_passes() -> None:
    bounds.check_claim(_claim(), TODAY)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        pytest.param({"made_on": date(1, 1, 1)}, "before 1900-01-01", id="made_on-year-1"),
        pytest.param({"made_on": date(2027, 6, 1)}, "in the future", id="made_on-future"),
        pytest.param({"deadline": date(9999, 12, 31)}, "more than 100 years", id="deadline-9999"),
        pytest.param({"level": math.inf}, "not a finite number", id="level-inf"),
        pytest.param({"level": math.nan}, "not a finite number", id="level-nan"),
        pytest.param({"level": 1.7976931348e308}, "outside the accepted range", id="level-max"),
        pytest.param({"level": 1e13}, "outside the accepted range", id="level-1e13"),
        pytest.param({"level": 0.0}, "outside the accepted range", id="level-zero"),
        pytest.param(
            {"relative": RelativeLevel(RelativeKind.MULTIPLE, 1e308), "level": None},
            "x1e+308 is outside",
            id="multiple-1e308",
        ),
        pytest.param(
            {"relative": RelativeLevel(RelativeKind.PERCENT, -150.0), "level": None},
            "-150% is outside",
            id="percent-below-minus-100",
        ),
        pytest.param(
            {"relative": RelativeLevel(RelativeKind.PERCENT, 20.0), "reference_price": math.inf},
            "reference price inf",
            id="reference-inf",
        ),
    ],
)
def test_poison_values_are_refused(changes: dict[str, object], words: str) -> None:
    with pytest.raises(BoundsError, match=words.replace("+", r"\+")):
        bounds.check_claim(_claim(**changes), TODAY)


def test_a_negative_level_is_a_real_price() -> None:
    bounds.check_claim(_claim(kind=ClaimKind.TOUCH_BELOW, level=-37.63, symbol="CL=F"), TODAY)


def test_deadline_horizon_on_29_february() -> None:
    assert bounds.latest_deadline(date(2024, 2, 29)) == date(2124, 2, 28)


def test_text_caps_name_the_field() -> None:
    with pytest.raises(BoundsError, match="source is 201 characters long: at most 200"):
        bounds.check_entry_text(source="x" * 201)
    with pytest.raises(BoundsError, match="tag is"):
        bounds.check_entry_text(source="me", tags=["t" * 101])
    with pytest.raises(BoundsError, match="51 tags"):
        bounds.check_entry_text(source="me", tags=[f"t{i}" for i in range(51)])
    with pytest.raises(BoundsError, match="source is empty"):
        bounds.check_entry_text(source="  ")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_check_price_accepts_exactly_the_finite_bounded_non_zero(value: float) -> None:
    accepted = math.isfinite(value) and value != 0 and abs(value) <= bounds.MAX_PRICE
    try:
        bounds.check_price(value, "level")
    except BoundsError:
        assert not accepted
    else:
        assert accepted


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_shorten_number_is_short(value: float) -> None:
    assert len(bounds.shorten_number(value)) <= 16


def test_a_huge_multiple_is_reported_as_the_multiple_not_its_level() -> None:
    huge = _claim(
        relative=RelativeLevel(RelativeKind.MULTIPLE, 1e308), level=math.inf, reference_price=2.0
    )
    with pytest.raises(BoundsError, match=r"relative level x1e\+308"):
        bounds.check_claim(huge, TODAY)
