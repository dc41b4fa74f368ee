"""The side of a call read against the price of the day the article gives, wherever it gives it.

The labelling convention (issue 11, corpus_dev.yaml's header): a forecast
below the price of the day is the _below kind, averages included ("Brent to
average $56 in 2026" with Brent at $63 is average_below). The sentence walk
already reads a call with no side word against a price stated before it; an
article often states the price only after its calls ("On Friday Brent traded
at $63.87"), and the call was then written as the default, above. This pass
runs once the whole article is read and turns such a call to the _below kind
when its level is under the price the article gave for its asset. Only a
call whose side no word of its own gave (`Candidate.side_unstated`) is
turned: "rise to $60" stays a rise whatever the price.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from ledger.claims.model import Claim, ClaimKind
from ledger.claims.parser import parse_claim
from ledger.errors import ClaimError
from ledger.extract.candidate import Candidate, Reason

_MOST_ABOVE_THE_LEVEL = 2.0
# The kinds a default side writes, and the kind the same call is below today's price.
_BELOW_OF = {
    ClaimKind.TOUCH_ABOVE: ClaimKind.TOUCH_BELOW,
    ClaimKind.AVERAGE_ABOVE: ClaimKind.AVERAGE_BELOW,
    ClaimKind.CLOSE_ABOVE: ClaimKind.CLOSE_BELOW,
}


def sides_against_price_of_day(
    candidates: Iterable[Candidate], price_now: Mapping[str, float], text: str = ""
) -> list[Candidate]:
    """`candidates` with each unstated-side call under its asset's price of the day turned below.

    Where the article gives no price of the day for an asset, the direction it makes plain
    decides for averages: an article that says prices will fall and never that they will rise
    turns its unstated-side averages below ("sees Brent dropping in 2026 and 2027 ... $57.69
    in 2026").
    """
    falling = article_says_prices_fall(text)
    return [_against_price_of_day(candidate, price_now, falling) for candidate in candidates]


_FALL = (
    r"(?:fall|falls|falling|drop|drops|dropping|decline|declines|declining|slide|slides|sliding"
    r"|slip|slips|slipping|ease|eases|easing|weaken|weakens|weakening|soften|softens|softening"
    r"|retreat|retreats|retreating|cool|cools|cooling)"
)
_RISE = (
    r"(?:rise|rises|rising|climb|climbs|climbing|rally|rallies|rallying|gain|gains|gaining"
    r"|increase|increases|increasing|strengthen|strengthens|firm|firms|firming|rebound"
    r"|rebounds|rebounding|recover|recovers|recovering)"
)
# Looking ahead: "will fall", "to slip", "seen easing", "sees Brent dropping in 2026",
# "expects prices to decline"; the past ("fell", "dropped") is not a forecast's direction.
_AHEAD = (
    r"\b(?:will|to|should|would|could|may|seen|expected\s+to|forecast\s+to|projected\s+to"
    r"|sees?\s+(?:\w+\s+){1,3}?)\s*(?:(?:\w+ly|further|on\s+average|back)\s+)?"
)
_FALLING = re.compile(
    _AHEAD + _FALL + r"\b"
    r"|\b(?:lower|falling|softer|weaker)\s+prices\b|\bweigh\w*\s+on\s+prices\b"
    # a path the forecast runs on: "to average $55 in 2026, falling to about $54 in the fourth"
    r"|,\s*(?:then\s+)?(?:falling|dropping|declining|sliding|slipping|easing)\s+(?:to|further"
    r"|back|below)\b"
    r"|\b(?:well\s+|far\s+)?below\s+(?:current|today's|present|spot)\s+(?:levels|prices)\b",
    re.IGNORECASE,
)
# (a rise later in a path counts too: "fall early in the year and then rise in the summer")
_RISING = re.compile(
    _AHEAD + _RISE + r"\b|\b(?:then|and|before|later)\s+(?:to\s+)?" + _RISE + r"\b"
    r"|\b(?:higher|rising|firmer|stronger)\s+prices\b",
    re.IGNORECASE,
)


# "If sanctions are lifted, prices could fall to $50": a scenario, not the article's view.
_CONDITION = re.compile(r"\b(?:if|unless|in\s+case|bear\s+case)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def article_says_prices_fall(text: str) -> bool:
    """Whether the article looks ahead to falling prices, outside a condition, and nowhere
    to rising ones."""
    if _RISING.search(text):
        return False
    return any(
        _FALLING.search(sentence) and not _CONDITION.search(sentence)
        for sentence in _SENTENCE_END.split(text)
    )


def sides_against_market_closes(
    candidates: Iterable[Candidate], closes: Mapping[str, tuple[date, float]]
) -> list[Candidate]:
    """`candidates` with each call whose side is still unstated read against the market's close.

    The article gave no price of the day for these assets; the ledger's price cache may know
    the market's close on (or just before) the day the call was made. The same rule as for a
    price the article gives: under that close (and not less than half of it) the call is the
    _below kind. "Goldman sees the euro at 1.08 by the end of 2026" with EUR/USD at 1.16 is
    a call for a fall: read as "reaches 1.08" it would be true on its first day.
    """
    return [
        _against_price_of_day(
            candidate,
            {symbol: close for symbol, (_, close) in closes.items()},
            falling=False,
            where=_market_close_words(candidate, closes),
        )
        for candidate in candidates
    ]


def _market_close_words(candidate: Candidate, closes: Mapping[str, tuple[date, float]]) -> str:
    known = closes.get(candidate.claim.symbol) if candidate.claim is not None else None
    if known is None:
        return "the market's close"
    day, _ = known
    return f"{candidate.claim.symbol}'s close on {day.isoformat()} in the price cache"


def _against_price_of_day(
    candidate: Candidate,
    price_now: Mapping[str, float],
    falling: bool,
    where: str = "the price the article gives",
) -> Candidate:
    claim = candidate.claim
    if not candidate.side_unstated or claim is None or claim.kind not in _BELOW_OF:
        return candidate
    if claim.level is None or claim.relative is not None:
        return candidate
    price = price_now.get(claim.symbol)
    if price is None:
        # Only for an average: a bank's figure for a period is its view of where prices go,
        # which the article's words describe; a target ("$7,100 by year-end") in an article
        # that expects a dip along the way is still a level to reach.
        if falling and claim.kind is ClaimKind.AVERAGE_ABOVE:
            return _turned_below(candidate, "the article looks ahead to falling prices")
        return candidate
    # A "price" more than twice the level is more likely a misread figure ("profits rose
    # $175.6 billion") than a call for a halving that no word of the call says.
    if not claim.level < price <= _MOST_ABOVE_THE_LEVEL * claim.level:
        return candidate
    return _turned_below(candidate, f"{claim.canonical_level} is below {where} ({price:g})")


def _turned_below(candidate: Candidate, why: str) -> Candidate:
    """The candidate with its claim's _below kind, and why, in its notes and reasons."""
    assert candidate.claim is not None
    claim_text, turned = _turned_claim(candidate.claim)
    note = f"no direction word, and {why}: read as {turned.kind.value}"
    return replace(
        candidate,
        claim=turned,
        claim_text=claim_text,
        assumptions=(*candidate.assumptions, note),
        reasons=tuple(
            Reason(r.role, r.words, f"read as {turned.kind.value} against the price of the day")
            if r.role == "direction"
            else r
            for r in candidate.reasons
        ),
        side_unstated=False,
    )


def _turned_claim(claim: Claim) -> tuple[str, Claim]:
    """The claim with its _below kind, and the claim text it is recorded from: what a user
    sees is what the ledger reads back ('gold average_below 5055 from ...' parses to this very
    claim, the asset's own word kept where the parser knows it, else the symbol)."""
    turned = replace(claim, kind=_BELOW_OF[claim.kind])
    text = turned.canonical_text()
    candidates = [text]
    if claim.asset and claim.asset != claim.symbol and text.startswith(claim.symbol + " "):
        candidates.insert(0, claim.asset + text[len(claim.symbol) :])
    for written in candidates:
        try:
            read = parse_claim(written, made_on=claim.made_on)
        except ClaimError:
            continue
        if read.canonical_text() == text:
            return written, read
    return text, turned
