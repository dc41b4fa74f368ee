"""The spread of several houses' targets: "A, B and C have targets ranging from 7,100 to 8,000".

A roundup sums up the houses it lists by the lowest and the highest of their targets. The
two ends belong to two of the houses, unnamed, and the top end is no house's "rise to"
call: read as each house's target it gives every house the highest one. A spread is told
from one house's band ("Acme sees gold ranging from $2,000 to $2,200") by whose it is:
several houses credited in the sentence, or the plural targets/forecasts it spreads.
"""

from __future__ import annotations

import re

from ledger.extract.candidate import Candidate

_NUMBER = r"[$€£]?\s?\d[\d,]*(?:\.\d+)?"
_SPREAD = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|spread(?:s|ing)?)\s+"
    rf"(?:from|between)\s+(?P<low>{_NUMBER})(?P<between>.{{0,40}}?)\s(?:to|and)\s+"
    rf"(?P<high>{_NUMBER})",
    re.IGNORECASE,
)
_PLURAL_CALLS = re.compile(
    r"\b(?:targets|forecasts|estimates|projections|predictions|calls|views|outlooks)\b",
    re.IGNORECASE,
)


def without_spread_ends(candidates: list[Candidate], sentence: str) -> list[Candidate]:
    """The sentence's candidates but those at an end of a spread of several houses' targets."""
    houses = {c.speaker for c in candidates if c.speaker}
    ends: set[float] = set()
    for spread in _SPREAD.finditer(sentence):
        if len(houses) < 2 and not _PLURAL_CALLS.search(sentence, 0, spread.start()):
            continue  # one house's band, not a spread of several
        ends.update((_value(spread["low"]), _value(spread["high"])))
    if not ends:
        return candidates
    return [c for c in candidates if c.claim is None or not _at_an_end(c, ends)]


def _value(number: str) -> float:
    return float(re.sub(r"[^\d.]", "", number))


def _at_an_end(candidate: Candidate, ends: set[float]) -> bool:
    assert candidate.claim is not None
    return candidate.claim.level is not None and candidate.claim.level in ends
