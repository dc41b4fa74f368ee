from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.probability import parse_probability
from ledger.errors import ClaimError, UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.7", 0.7),
        (".7", 0.7),
        ("70%", 0.7),
        (" 5% ", 0.05),
        ("5 %", 0.05),
        ("1", 1.0),
        ("1.", 1.0),
        ("0", 0.0),
        ("100%", 1.0),
        ("1e-05", 1e-05),
    ],
)
def test_written_probabilities(text: str, expected: float) -> None:
    assert parse_probability(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["1.5", "-0.1", "120%", "likely", "0.7.1", "%"])
def test_bad_probabilities_name_the_field(text: str) -> None:
    with pytest.raises(ClaimError, match="--prob"):
        parse_probability(text, field="--prob")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("1_0%", id="underscore-percent"),
        pytest.param("0_5", id="underscore"),
        pytest.param("-0", id="minus-zero"),
        pytest.param("-0.0", id="minus-zero-point"),
        pytest.param("+0.5", id="plus-sign"),
        pytest.param("-0%", id="minus-zero-percent"),
        pytest.param("nan", id="nan"),
        pytest.param("inf", id="inf"),
        pytest.param("\u0660.\u0667", id="arabic-indic-digits"),
        pytest.param("0x1", id="hex"),
        pytest.param("50%%", id="double-percent"),
        pytest.param("1e400", id="overflows-to-inf"),
    ],
)
def test_what_float_would_take_but_a_probability_is_not(text: str) -> None:
    with pytest.raises(ClaimError, match="--prob"):
        parse_probability(text, field="--prob")


@given(st.text(max_size=12))
def test_any_text_is_a_probability_or_a_usage_error(text: str) -> None:
    try:
        value = parse_probability(text)
    except UsageError:
        return
    assert isinstance(value, float)
    assert 0.0 <= value <= 1.0
    assert math.copysign(1.0, value) == 1.0  # never -0.0


@given(st.text(alphabet="0123456789.%-+_e ", max_size=10))
def test_any_numberish_text_is_a_probability_or_a_usage_error(text: str) -> None:
    try:
        value = parse_probability(text)
    except UsageError:
        return
    assert 0.0 <= value <= 1.0 and math.copysign(1.0, value) == 1.0
    assert "_" not in text and "-" not in text.split("e")[0] and "+" not in text.split("e")[0]


@given(st.floats(min_value=0.0, max_value=1.0))
def test_a_stored_probability_written_out_reads_back(value: float) -> None:
    """Exports write floats with repr (YAML too), and imports must read them."""
    assert parse_probability(repr(abs(value))) == abs(value)
    assert parse_probability(f"{abs(value) * 100!r}%") == pytest.approx(abs(value))
