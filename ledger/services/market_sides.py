"""Calls with no side word, read against the market's close on the day they were made.

An article often gives a bank's level without saying whether it is above or
below the market ("Goldman sees the euro at 1.08 by the end of 2026"), and
without a price of the day either; the extractor then writes the default side,
above, and a call for a fall would be recorded as one already true on its
first day. The ledger's price cache often knows the close of that day: the
extractor's own rule (ledger/extract/kind_convention.py) is applied with it.
Only the cache is read, as for a level fixed at recording: extracting never
fetches prices.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sqlmodel import Session

from ledger.extract.candidate import Candidate
from ledger.extract.extractor import Extraction
from ledger.extract.kind_convention import sides_against_market_closes
from ledger.store.known_closes import known_closes

# A close older than this before the call's day is not its price of the day
# (a long weekend and a holiday fit; a cache that stops months earlier does not).
MOST_DAYS_BEFORE = 7


def with_market_sides(session: Session, extraction: Extraction) -> Extraction:
    """`extraction` with its unstated-side calls read against the cached close of their day."""
    wanted = {
        (candidate.claim.symbol, candidate.made_on)
        for candidate in extraction.candidates
        if _side_open(candidate)
    }
    if not wanted:
        return extraction
    found = known_closes(session, wanted)
    closes = {
        pair: (known.day, known.close)
        for pair, known in found.items()
        if pair[1] - timedelta(days=MOST_DAYS_BEFORE) <= known.day <= pair[1]
    }
    if not closes:
        return extraction
    candidates: list[Candidate] = []
    for candidate in extraction.candidates:
        if _side_open(candidate):
            assert candidate.claim is not None
            key = (candidate.claim.symbol, candidate.made_on)
            if key in closes:
                (candidate,) = sides_against_market_closes([candidate], {key[0]: closes[key]})
        candidates.append(candidate)
    return replace(extraction, candidates=_distinct(candidates))


def _side_open(candidate: Candidate) -> bool:
    claim = candidate.claim
    return (
        candidate.side_unstated
        and claim is not None
        and claim.level is not None
        and claim.relative is None
    )


def _distinct(candidates: list[Candidate]) -> tuple[Candidate, ...]:
    """One candidate per call: a call turned below may now be one the article also wrote so."""
    seen: set[tuple[str, str | None, str | None, date | None]] = set()
    kept = []
    for candidate in candidates:
        key = (candidate.symbol, candidate.kind, candidate.level_key, candidate.deadline)
        if candidate.claim is not None and key in seen:
            continue
        seen.add(key)
        kept.append(candidate)
    return tuple(kept)
