"""The direction vocabulary is data; these tests keep the data consistent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.claims import vocabulary
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


_WHOLE_TRIE = None


def _whole_trie():
    """The pattern as it was: every phrase in one trie (the oracle of the factored one)."""
    global _WHOLE_TRIE
    if _WHOLE_TRIE is None:
        _WHOLE_TRIE = vocabulary._terms_pattern(list(vocabulary._BY_PHRASE))
    return _WHOLE_TRIE


_WORDS = sorted({word for term in TERMS for word in term.phrase.split()})
_TOKENS = st.one_of(
    st.sampled_from([term.phrase for term in TERMS]),
    st.sampled_from(_WORDS),
    st.sampled_from(["gold", "5000", "$80k", "x", "not", "never", "won't", "doesn't", "'s"]),
    st.sampled_from([">=", "<=", ">", "<", "=", "\u2265", "\u2264", "->", "=>"]),
).map(lambda token: token.upper() if len(token) % 3 == 0 else token)


@given(st.lists(st.tuples(_TOKENS, st.sampled_from([" ", "  ", "\t", "", ", ", "-"])), max_size=8))
def test_the_factored_pattern_matches_what_the_whole_trie_matches(
    parts: list[tuple[str, str]],
) -> None:
    """The negated verbs are written once, negation then verb (issue 12: a third of the
    pattern to compile at every start); every match is the one the trie of all phrases
    gives, longest first."""
    text = "".join(token + separator for token, separator in parts)
    spans = [(m.span(), m[0]) for m in vocabulary._TERMS_RE.finditer(text)]
    assert spans == [(m.span(), m[0]) for m in _whole_trie().finditer(text)]
