from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.model import format_price, shown_price


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


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param(1e12, "1.0e+12", id="bound"),
        pytest.param(123456789012.0, "1.23456789e+11", id="twelve-digits"),
        pytest.param(-2e11, "-2.0e+11", id="negative"),
        pytest.param(9_999_999_999.0, "9999999999", id="ten-digits-in-full"),
        pytest.param(150_000.0, "150000", id="ordinary"),
        pytest.param(1e30, "1.0e+30", id="thirty-digits"),
    ],
)
def test_long_prices_are_shown_with_an_exponent(value: float, shown: str) -> None:
    assert shown_price(value) == shown


@given(st.floats(min_value=-1e300, max_value=1e300))
def test_a_shown_price_is_short_and_reads_back(value: float) -> None:
    """At most ten significant digits, never more than 17 characters
    (-1.234567891e+300), within a part in 1e9 of the value it stands for; below ten
    integer digits it is format_price's text (canonical text is untouched)."""
    shown = shown_price(value)
    assert len(shown) <= 17
    assert math.isclose(float(shown), value, rel_tol=1e-9, abs_tol=1e-300)
    if abs(value) < 1e10:
        assert shown == format_price(value)
