"""A person "of" a firm the tables do not know speaks for that firm.

"said Philip Newman of Metals Focus" kept the whole phrase as the speaker, "Philip Newman of
Metals Focus": the split into person and firm needed the firm to carry a firm's word ("Bank",
"Capital") or capitals ("MKS PAMP"). The convention credits the firm.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract.house_names import house_name
from tests.extract_calls import recorded


def test_a_person_of_an_unknown_firm_is_the_firm() -> None:
    text = (
        "Silver is likely to hit $60 an ounce by the end of 2026, said Philip Newman of"
        " Metals Focus."
    )
    assert recorded(text) == {"SI=F touch_above 60 by 2026-12-31 Metals Focus"}


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Philip Newman of Metals Focus", "Metals Focus"),
        ("Nicky Shiels of MKS PAMP", "MKS PAMP"),
        ("Peter Schiff of Euro Pacific Capital", "Peter Schiff"),  # a tracked public figure
        ("Tom Lee of Fundstrat", "Tom Lee"),
        ("John Smith of New York", "John Smith of New York"),  # a place is no affiliation
        ("Bank of America", "Bank of America"),
    ],
)
def test_names(name: str, kept: str) -> None:
    assert house_name(name) == kept


WORDS = st.sampled_from(["Metals", "Focus", "Harbor", "Crescent", "Meridian", "Pelican", "Arrow"])


@given(first=WORDS, second=WORDS)
def test_any_two_word_affiliation(first: str, second: str) -> None:
    assert house_name(f"Jane Holloway of {first} {second}") == f"{first} {second}"
