"""Which crude an article's bare "oil" or "crude" prices.

The asset table reads "oil" and "crude" as WTI (CL=F), the American benchmark. A story that
names Brent and never WTI is about Brent: its "BofA expects oil to reach $100 a barrel next
year" and "JPMorgan expecting crude to average $61" are Brent calls, as its reader takes
them. A story that names both, or neither, keeps the table's reading. The calls are read
first as the table has it (so segments, topics and speakers are unchanged) and their
symbol is set at the end, with a note saying why.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.claims.model import Claim
from ledger.claims.parser import parse_claim
from ledger.errors import ClaimError
from ledger.extract.candidate import Candidate

WTI = "CL=F"
BRENT = "BZ=F"
# The names the table reads as WTI only because nothing else was said.
GENERIC_OIL = frozenset(("oil", "crude", "crude oil"))
_BRENT = re.compile(r"\bbrent\b", re.IGNORECASE)
_WTI = re.compile(
    r"\bwti\b|\btexas\b|\bnymex\b|\bu\.?s\.?\s+(?:crude|oil|benchmark)\b|\blight\s+sweet\b"
    r"|\bcl=f\b",
    re.IGNORECASE,
)


def article_oil_benchmark(text: str) -> str | None:
    """BZ=F when the article names Brent and not WTI; else None (the table's reading)."""
    if _BRENT.search(text) and not _WTI.search(text):
        return BRENT
    return None


def with_article_oil(candidates: list[Candidate], text: str, aliases: set[str]) -> list[Candidate]:
    """The candidates, a bare "oil"/"crude" call read as Brent in a story about Brent (unless
    the user made the word an alias of their own)."""
    if article_oil_benchmark(text) is None:
        return candidates
    return [
        _as_brent(c)
        if c.claim is not None
        and c.symbol == WTI
        and " ".join(c.asset.lower().split()) in GENERIC_OIL - aliases
        else c
        for c in candidates
    ]


def _as_brent(candidate: Candidate) -> Candidate:
    assert candidate.claim is not None
    claim_text, claim = _brent_claim(candidate.claim)
    if claim.symbol != BRENT:
        return candidate
    note = f"'{candidate.asset}' read as Brent: the article names Brent and not WTI"
    return replace(
        candidate,
        symbol=BRENT,
        claim=claim,
        claim_text=claim_text,
        assumptions=(*candidate.assumptions, note),
    )


def _brent_claim(claim: Claim) -> tuple[str, Claim]:
    """The claim on Brent and the text it is recorded from, which parses back to it."""
    moved = replace(claim, symbol=BRENT, asset="Brent")
    text = moved.canonical_text()
    for written in (f"Brent{text[len(BRENT) :]}" if text.startswith(BRENT) else text, text):
        try:
            read = parse_claim(written, made_on=claim.made_on)
        except ClaimError:
            continue
        if read.symbol == BRENT and read.canonical_text() == text:
            return written, read
    return text, claim
