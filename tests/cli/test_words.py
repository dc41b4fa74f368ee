"""Counts read as English whatever the number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ledger.cli.words import counted


def test_one_is_singular_and_the_rest_plural() -> None:
    assert counted(1, "symbol") == "1 symbol"
    assert counted(0, "symbol") == "0 symbols"
    assert counted(2, "failed symbol") == "2 failed symbols"
    assert counted(3, "entry", "entries") == "3 entries"


@given(st.integers(min_value=0, max_value=10**9))
def test_the_number_is_kept_and_only_one_is_singular(count: int) -> None:
    text = counted(count, "claim")
    assert text.split()[0] == str(count)
    assert text.endswith("claims") is (count != 1)
