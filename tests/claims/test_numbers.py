"""Price numbers: every way a level is written in the claim language."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.model import RelativeKind, RelativeLevel, format_price
from ledger.claims.numbers import find_levels, looks_like_level, parse_level, parse_price
from ledger.errors import ClaimError

PRICES = [
    ("$5,055", 5055.0),
    ("5055", 5055.0),
    ("5,055.50", 5055.5),
    ("5.1k", 5100.0),
    ("150k", 150_000.0),
    ("150K", 150_000.0),
    ("$80k", 80_000.0),
    ("$1M", 1_000_000.0),
    ("1.2 million", 1_200_000.0),
    ("1.5m", 1_500_000.0),
    ("2 billion", 2_000_000_000.0),
    ("2bn", 2_000_000_000.0),
    ("0.95", 0.95),
    (".5", 0.5),
    ("$40", 40.0),
    ("5055 USD", 5055.0),
    ("2.5e-05", 2.5e-05),
    ("1e+16", 1e16),
    ("$200,000", 200_000.0),
]


@pytest.mark.parametrize(("text", "expected"), PRICES, ids=[text for text, _ in PRICES])
def test_prices(text: str, expected: float) -> None:
    assert parse_price(text) == expected


RELATIVES = [
    ("+20%", RelativeLevel(RelativeKind.PERCENT, 20.0), "+"),
    ("-15%", RelativeLevel(RelativeKind.PERCENT, -15.0), "-"),
    ("20%", RelativeLevel(RelativeKind.PERCENT, 20.0), ""),
    ("12.5 percent", RelativeLevel(RelativeKind.PERCENT, 12.5), ""),
    ("x2", RelativeLevel(RelativeKind.MULTIPLE, 2.0), ""),
    ("x1.5", RelativeLevel(RelativeKind.MULTIPLE, 1.5), ""),
    ("2x", RelativeLevel(RelativeKind.MULTIPLE, 2.0), ""),
    ("doubles", RelativeLevel(RelativeKind.MULTIPLE, 2.0), ""),
    ("triples", RelativeLevel(RelativeKind.MULTIPLE, 3.0), ""),
    ("halves", RelativeLevel(RelativeKind.MULTIPLE, 0.5), ""),
    ("+1e-05%", RelativeLevel(RelativeKind.PERCENT, 1e-05), "+"),
    ("x1e+06", RelativeLevel(RelativeKind.MULTIPLE, 1e6), ""),
]


@pytest.mark.parametrize(
    ("text", "relative", "sign"), RELATIVES, ids=[text for text, _, _ in RELATIVES]
)
def test_relative_levels(text: str, relative: RelativeLevel, sign: str) -> None:
    level = parse_level(text)
    assert level.price is None
    assert level.relative == relative
    assert level.sign == sign


def test_percent_is_never_read_as_a_price() -> None:
    levels, rest = find_levels("BTC 20% higher")
    assert [level.relative for level in levels] == [RelativeLevel(RelativeKind.PERCENT, 20.0)]
    assert "20" not in rest


def test_negative_price_keeps_its_sign_for_the_parser_to_reject() -> None:
    assert parse_price("-5") == -5.0


def test_same_level_written_twice_has_one_key() -> None:
    levels, _ = find_levels("$5,055 (5055)")
    assert len({level.key for level in levels}) == 1


@pytest.mark.parametrize(
    "text",
    ["abc", "5055 6000", "+20%", "1e999999"],
    ids=["word", "two-numbers", "relative", "huge"],
)
def test_not_a_price(text: str) -> None:
    with pytest.raises(ClaimError):
        parse_price(text)


@pytest.mark.parametrize(
    ("token", "is_level"),
    [("150K", True), ("X2", True), ("1M", True), ("AAPL", False), ("GC=F", False)],
    ids=["150K", "X2", "1M", "AAPL", "GC=F"],
)
def test_looks_like_level(token: str, is_level: bool) -> None:
    assert looks_like_level(token) is is_level


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_dollar_grouped_integers(n: int) -> None:
    assert parse_price(f"${n:,}") == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_thousands_suffix(n: int) -> None:
    # n has at most 6 digits, so "{n/1000:g}" writes it exactly.
    assert parse_price(f"{n / 1000:g}k") == n


@settings(max_examples=150, deadline=None)
@given(st.floats(min_value=1e-9, max_value=1e18, allow_nan=False, allow_infinity=False))
def test_canonical_price_text_parses_back(value: float) -> None:
    written = format_price(value)
    assert parse_price(written) == float(written)
