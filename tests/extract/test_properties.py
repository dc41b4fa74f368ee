"""Properties of the extractor over arbitrary and market-like text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.parser import parse_claim
from ledger.extract import extract_candidates
from ledger.extract.html_text import html_to_text
from ledger.extract.sentences import split_sentences

# Pieces of financial prose, so generated text reaches the deep paths (levels, dates,
# speakers, conditions) far more often than random characters do.
FRAGMENTS = (
    "JPMorgan expects", "Goldman Sachs sees", "analysts at Citi", "Citi's strategists",
    "according to UBS", "I think", "we expect", "The bank", "gold", "silver", "bitcoin", "BTC",
    "the S&P 500", "the yellow metal", "Brent", "ether", "the metal", "to reach", "to hit",
    "to average", "to stay above", "to fall to", "could", "may", "might", "will", "if the Fed cuts",
    "unless", "last week", "on Tuesday", "rose", "broke", "has gained", "$5,055", "$4,012.50",
    "5.1k", "+20%", "15%", "the $50 mark", "between $4,500 and $5,000", "$150K", "2026",
    "by the end of 2026", "next year", "in Q2", "in the second quarter of 2026",
    "within six months", "by end-2026", "before year-end", "over the same period", "U.S.",
    "Inc.", "e.g.", ",", ";",
    ".", "?", "\n", "\n\n", "(NVDA)", "$NVDA", "doubles", "a 60% chance", "2026-13-45", "-",
    "\u2014", "\u201cquoted\u201d", "bear case", "Should inflation return,", "not", "never",
)  # fmt: skip

market_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join)
made_on = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), day=made_on)
def test_arbitrary_text_never_raises(text: str, day: date) -> None:
    assert isinstance(extract_candidates(text, made_on=day), list)


@settings(max_examples=200, deadline=None)
@given(text=market_text, day=made_on)
def test_market_like_text_never_raises_and_every_claim_reads_back(text: str, day: date) -> None:
    candidates = extract_candidates(text, made_on=day)
    assert isinstance(candidates, list)
    for candidate in candidates:
        assert 0.0 <= candidate.confidence <= 1.0
        if candidate.claim is None:
            assert candidate.needs == "level" and candidate.template
            continue
        assert candidate.claim_text is not None
        assert parse_claim(candidate.claim_text, made_on=day) == candidate.claim
        # A vague call has no window: its stored deadline is the day it was made.
        assert candidate.claim.deadline > day or candidate.claim.kind.is_vague


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_sentences_are_pieces_of_the_text(text: str) -> None:
    flat = " ".join(text.split())
    for sentence in split_sentences(text):
        assert sentence.text.strip() == sentence.text and sentence.text
        assert " ".join(sentence.text.split()) in flat


HTML_PIECES = (
    "<p>", "</p>", "<script>", "</script>", "<nav>", "</nav>", "<h1>", "</h1>", "<br>",
    "gold will hit $5,000 by 2026.", "&amp;", "&#x27;", "<", ">", "<meta name=author>",
    "<time datetime='2025-13-40'>", "<!--", "-->", "<![CDATA[", "]]>", "x",
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(html=st.lists(st.sampled_from(HTML_PIECES), max_size=30).map("".join))
def test_html_reader_never_raises(html: str) -> None:
    page = html_to_text(html)
    assert isinstance(page.text, str)
