"""The merge's indexes against the plain rules they implement, pair by pair.

`merged` finds the call a candidate restates by lookup (linear in the
article); the oracle here is the merge as first written, comparing each
candidate with every one kept (quadratic), with ties between equally long
speaker names broken by first appearance.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.parser import parse_claim
from ledger.extract.candidate import Candidate
from ledger.extract.merge import (
    _default_horizon,
    _percents_to_prices,
    _restates_a_price,
    _same_call,
    _shortens,
    _with_the_sole_source,
    merged,
)

MADE_ON = date(2025, 11, 20)
SPEAKERS = [None, "Goldman", "Goldman Sachs", "goldman sachs", "Citi", "Citigroup", "UBS", "Gold"]
CLAIMS = {
    text: parse_claim(text, made_on=MADE_ON)
    for text in (
        "gold reaches 5000 by end-2026",
        "gold reaches 5000 by end-2027",
        "gold reaches 4000 by end-2026",
        "silver reaches 60 by end-2026",
        "gold drops to 3000 by end-2026",
    )
}


def oracle(candidates: list[Candidate]) -> list[Candidate]:
    names = sorted(dict.fromkeys(c.speaker for c in candidates if c.speaker), key=len, reverse=True)

    def widened(name: str | None) -> str | None:
        if name is None:
            return None
        return next((longer for longer in names if _shortens(name, longer)), name)

    result: list[Candidate] = []
    for candidate in candidates:
        speaker = widened(candidate.speaker)
        if speaker != candidate.speaker:
            candidate = replace(candidate, speaker=speaker)
        same = next((i for i, kept in enumerate(result) if _same_call(kept, candidate)), None)
        if same is None:
            result.append(candidate)
            continue
        kept = result[same]
        better = candidate if candidate.confidence > kept.confidence else kept
        result[same] = replace(better, speaker=better.speaker or kept.speaker or candidate.speaker)
    dated = {(c.symbol, c.kind, c.level_key) for c in result if c.claim and not _default_horizon(c)}
    in_body = {(c.symbol, c.level_key, c.deadline) for c in result if c.claim and not c.headline}
    # The article-wide passes after the merge (round 6) are not indexed: the same functions.
    tied = _percents_to_prices(result)
    result = _with_the_sole_source(result)
    return [
        c
        for c in result
        if not (c.claim and _default_horizon(c) and (c.symbol, c.kind, c.level_key) in dated)
        and not (c.claim and c.headline and (c.symbol, c.level_key, c.deadline) in in_body)
        and not _restates_a_price(c, tied)
    ]


@st.composite
def candidates(draw: st.DrawFn) -> Candidate:
    speaker = draw(st.sampled_from(SPEAKERS))
    confidence = draw(st.sampled_from([0.5, 0.7, 0.9]))
    headline = draw(st.booleans())
    if draw(st.integers(0, 5)) == 0:
        return Candidate(
            sentence="s",
            made_on=MADE_ON,
            symbol="BTC-USD",
            asset="bitcoin",
            confidence=confidence,
            speaker=speaker,
            needs="level",
            template=draw(st.sampled_from(["bitcoin holds {level}", "bitcoin reaches {level}"])),
            headline=headline,
        )
    text = draw(st.sampled_from(sorted(CLAIMS)))
    claim = CLAIMS[text]
    notes = ("no time frame in the sentence: assumed",) if draw(st.booleans()) else ()
    return Candidate(
        sentence=draw(st.sampled_from(["a", "b"])),
        made_on=MADE_ON,
        symbol=claim.symbol,
        asset="gold",
        confidence=confidence,
        claim_text=text,
        claim=claim,
        speaker=speaker,
        assumptions=notes,
        headline=headline,
    )


@settings(max_examples=400)
@given(st.lists(candidates(), max_size=14))
def test_the_indexed_merge_is_the_pairwise_merge(found: list[Candidate]) -> None:
    assert merged(found) == oracle(found)
