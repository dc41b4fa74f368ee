"""What `forecast extract --yes` would record from a text, as comparable lines (extractor tests)."""

from __future__ import annotations

from datetime import date

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import Candidate, extract_candidates

MADE_ON = date(2025, 11, 20)


def recorded(text: str, made_on: date = MADE_ON) -> set[str]:
    """What --yes would record, one "SYMBOL kind level deadline speaker" line per call."""
    return {
        call_line(c)
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and c.confidence >= DEFAULT_MIN_CONFIDENCE
    }


def readings(text: str, made_on: date = MADE_ON) -> set[str]:
    """Every call read from a text as its canonical claim text, without the speaker."""
    return {
        c.claim.canonical_text()
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None
    }


def call_line(candidate: Candidate) -> str:
    assert candidate.claim is not None
    return f"{candidate.claim.canonical_text()} {candidate.speaker}"
