"""The direction vocabulary is data; these tests keep the data consistent."""

from __future__ import annotations

import pytest

from ledger.claims.model import LEVEL_KINDS, ClaimKind
from ledger.claims.vocabulary import TERMS, find_terms, kind_for, parse_kind_name
from ledger.errors import ClaimError


@pytest.mark.parametrize("term", TERMS, ids=[term.phrase for term in TERMS])
def test_every_phrase_is_found_as_itself(term) -> None:
    found, rest = find_terms(f"gold {term.phrase} 5055")
    assert [match.term for match in found] == [term]
    assert rest.split() == ["gold", "5055"]


def test_longest_phrase_wins() -> None:
    found, _ = find_terms("SPX never falls below 5000")
    assert [(m.term.family, m.term.side) for m in found] == [("hold", "above")]


@pytest.mark.parametrize("kind", LEVEL_KINDS, ids=[kind.value for kind in LEVEL_KINDS])
def test_kind_names(kind: ClaimKind) -> None:
    assert parse_kind_name(kind.value) is kind
    assert parse_kind_name(kind.value.upper().replace("_", "-")) is kind
    if kind.is_vague:
        return
    side = "between" if kind.is_band else "above" if kind.is_above else "below"
    assert kind_for(kind.family, side) is kind


def test_outperform_is_a_kind_name_with_no_side() -> None:
    assert parse_kind_name("Outperform") is ClaimKind.OUTPERFORM
    assert ClaimKind.OUTPERFORM.family == "outperform"
    # Never a word of the level-claim vocabulary: "outperform" starts a comparison instead.
    found, _ = find_terms("gold outperform 5055")
    assert found == []


def test_unknown_kind_name_lists_the_known_ones() -> None:
    with pytest.raises(ClaimError, match=r"unknown kind 'touches'.*touch_above"):
        parse_kind_name("touches")
