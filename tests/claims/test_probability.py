from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims.probability import parse_probability
from ledger.errors import ClaimError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.7", 0.7), (".7", 0.7), ("70%", 0.7), (" 5% ", 0.05), ("1", 1.0), ("0", 0.0), ("", None)],
)
def test_written_probabilities(text: str, expected: float | None) -> None:
    if expected is None:
        assert parse_probability(text) is None
    else:
        assert parse_probability(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["1.5", "-0.1", "120%", "likely", "0.7.1", "%"])
def test_bad_probabilities_name_the_field(text: str) -> None:
    with pytest.raises(ClaimError, match="--prob"):
        parse_probability(text, field="--prob")


@given(st.text(max_size=12))
def test_anything_is_a_probability_or_a_claim_error(text: str) -> None:
    try:
        value = parse_probability(text)
    except ClaimError:
        return
    assert value is None or 0.0 <= value <= 1.0
