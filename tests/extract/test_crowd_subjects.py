"""A call the sentence gives to a crowd is not credited to the article's one source.

The seed column pasted as two sentences credited "Traders watch whether Bitcoin can hold
the critical support level" to JPMorgan, named in the sentence before, through the rule
that gives bare calls the article's sole source (and its twin, the sole house).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledger.extract import extract_candidates
from ledger.extract.crowd_subjects import crowd_subject
from tests.extract_calls import MADE_ON, call_line

SEED_PASTE = (
    "JPMorgan continues to be bullish on gold, expecting it to reach $5055 by the end of 2026."
    " Traders watch whether Bitcoin can hold the critical support level."
)


def speakers_by_symbol(text: str) -> dict[str, str | None]:
    return {
        c.symbol: c.speaker
        for c in extract_candidates(text, made_on=MADE_ON)
        if c.claim is not None and c.symbol is not None
    }


def test_the_seed_paste_credits_the_support_call_to_nobody() -> None:
    speakers = speakers_by_symbol(SEED_PASTE)
    assert speakers == {"GC=F": "JPMorgan", "BTC-USD": None}


@pytest.mark.parametrize(
    "second",
    [
        "Investors wonder whether silver can hold above $50 through March.",
        "Meanwhile, traders bet that silver will reach $60 by the end of 2026.",
        "Some analysts think silver could reach $60 by the end of 2026.",
        "Bulls are eyeing $60 for silver by the end of 2026.",
    ],
)
def test_a_crowd_after_a_sole_house_is_not_the_house(second: str) -> None:
    text = f"Citi expects gold to reach $5,000 by the end of 2026. {second}"
    speakers = speakers_by_symbol(text)
    assert speakers["GC=F"] == "Citi"
    assert "SI=F" in speakers
    assert speakers["SI=F"] is None


def test_bare_calls_in_a_house_note_stay_the_house_s() -> None:
    # the sole-source rule still holds where no crowd speaks
    text = (
        "Citi expects gold to reach $5,000 by the end of 2026. Silver should reach $60 by the"
        " end of 2026."
    )
    lines = {call_line(c) for c in extract_candidates(text, made_on=MADE_ON) if c.claim}
    assert "SI=F touch_above 60 by 2026-12-31 Citi" in lines


@pytest.mark.parametrize(
    "sentence",
    [
        "Traders watch whether Bitcoin can hold the critical support level.",
        "Meanwhile, investors wonder if gold can hold $4,000.",
        "For now, market participants expect three cuts.",
        "Gold traders see $5,000.",
        "The market expects three cuts.",
        "Many crypto analysts see $150,000.",
        "Some economists think the euro reaches 1.25.",
    ],
)
def test_crowds(sentence: str) -> None:
    assert crowd_subject(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect gold to average $4,200.",  # a house note's own analysts
        "Analysts at Citi expect gold at $5,000.",
        "Investors with Acme Capital see $5,000.",
        "Citi traders expect gold at $5,000.",
        "JPMorgan expects gold at $5,000.",
        "Gold will reach $5,000, traders said.",  # the crowd is not the subject
    ],
)
def test_not_crowds(sentence: str) -> None:
    assert not crowd_subject(sentence)


FIRMS = st.sampled_from(["Citi", "UBS", "JPMorgan", "Goldman Sachs", "Acme Capital", "HSBC"])
CROWDS = st.sampled_from(["traders", "investors", "market participants", "speculators", "bulls"])
LEADS = st.sampled_from(["", "Meanwhile, ", "Still, ", "For now, ", "Right now "])


@given(lead=LEADS, crowd=CROWDS, firm=FIRMS, tail=st.text(max_size=40))
def test_a_crowd_belongs_to_nobody_unless_it_names_its_firm(
    lead: str, crowd: str, firm: str, tail: str
) -> None:
    opening = f"{lead}{crowd}" if lead else crowd.capitalize()
    assert crowd_subject(f"{opening} see gold at $5,000.{tail}")
    assert not crowd_subject(f"{opening} at {firm} see gold at $5,000.{tail}")
    assert not crowd_subject(f"{firm} {crowd} see gold at $5,000.{tail}")
