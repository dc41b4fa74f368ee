"""A percentage that restates a price target: "a year-end target of 4,750 ... a 30% climb
from the 3,640 close" with "S&P 500 up 30% by year-end" above it, or "its year-end target of
16,000" with "from the current level of around 14,000, the index should gain about 15
percent by the end of the year".

The article gives the price the move starts from, and the move and the target agree in
arithmetic: one call told twice. The target is kept, as the ledger can check it as written
(a percent is read from the price of the day of recording, not the article's); a percent
that does not come to the target from a price the article states is a call of its own.
"""

from __future__ import annotations

import re
from datetime import date

from ledger.claims.model import RelativeKind
from ledger.extract.candidate import Candidate

# How far the target may be from the start price moved by the percent: the percent is
# rounded ("about 15 percent"), the start price too ("around 14,000").
_TOLERANCE = 0.025
# The price a stated move starts from: "from the 3,640 close", "from the current level of
# around 14,000 points", "trading near $80"
_START_PRICE = re.compile(
    r"\b(?:from|trading\s+(?:at|near|around)|trades\s+(?:at|near|around)|now\s+at"
    r"|currently\s+at)\s+(?:(?:the|its|a|today's|current|present|recent|latest|level|levels"
    r"|of|close|price)\s+){0,4}(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?"
    r"(?:US)?\$?\s?(?P<price>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)",
    re.IGNORECASE,
)


def restates_a_target(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """Whether `candidate`, a rise or fall in percent, comes to a price target of the same
    asset, deadline month and speaker from a start price its sentence or the target's states."""
    claim = candidate.claim
    if claim is None or claim.relative is None or claim.level is not None:
        return False
    if claim.relative.kind is not RelativeKind.PERCENT or candidate.deadline is None:
        return False
    factor = 1 + claim.relative.value / 100
    for target in candidates:
        level = target.claim.level if target.claim is not None else None
        if level is None or target.symbol != candidate.symbol or target.deadline is None:
            continue
        if abs(_months(target.deadline) - _months(candidate.deadline)) > 1:
            continue
        if candidate.speaker and target.speaker and candidate.speaker != target.speaker:
            continue
        starts = _start_prices(candidate.sentence) + _start_prices(target.sentence)
        if any(abs(start * factor - level) <= _TOLERANCE * level for start in starts):
            return True
    return False


def _start_prices(sentence: str) -> list[float]:
    return [float(m["price"].replace(",", "")) for m in _START_PRICE.finditer(sentence)]


def _months(day: date) -> int:
    return day.year * 12 + day.month
