from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.model import format_price


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(5055.0, "5055", id="whole"),
        pytest.param(1.085, "1.085", id="fraction"),
        pytest.param(2.5e-05, "2.5e-05", id="tiny"),
        pytest.param(None, "?", id="none"),
        pytest.param(math.inf, "inf", id="inf"),
        pytest.param(-math.inf, "-inf", id="minus-inf"),
        pytest.param(math.nan, "nan", id="nan"),
    ],
)
def test_prices_as_shown(value: float | None, shown: str) -> None:
    assert format_price(value) == shown


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_has_a_text(value: float) -> None:
    assert format_price(value)
