"""Numbers that look like price levels but count or move something else.

Two forms the context rules of patterns/level_phrases.py cannot see from the words right
after a number:

- a scaled number whose unit was named once, earlier in the sentence, and then left out:
  "output of 13.6 million b/d in 2025 and 13.5 million in 2026", "a surplus of 1 million
  barrels a day this year and 1.5 million next", "at 13.5 million barrels a day, below last
  year's 13.6 million". The second number is barrels like the first; a price is never
  written as a bare "13.5 million" beside a volume.
- an amount the price moves by: "a drop of about $14", "gold could gain around 1,000 dollars
  from the current level". The amount is not where the price is called to be.

Both are pure functions of the matched number and its sentence.
"""

from __future__ import annotations

import re

from ledger.claims.numbers import LevelMatch

_SCALE = r"(?:million|billion|mn|bn|mln)"
# A physical quantity with its scale: "13.61 million b/d", "22 million tonnes".
_SCALED_QUANTITY = re.compile(
    rf"\d[\d,.]*\s*{_SCALE}\s+(?:metric\s+)?(?:barrels?|b/d|bpd|mbpd|boe|tonnes?|tons?|ounces"
    r"|oz\b|cubic|bcf|mmbtu|bushels?|carats?)",
    re.IGNORECASE,
)
_WRITTEN_SCALE = re.compile(rf"\b{_SCALE}\b", re.IGNORECASE)
_CURRENCY = re.compile(r"[$\u20ac\u00a3\u00a5]|\b(?:usd|dollars?|euros?|us\$)\b", re.IGNORECASE)

# A noun of change before an amount: "a drop of about $14", "an increase of $300".
_CHANGE_NOUN_BEFORE = re.compile(
    r"\b(?:an?|the)\s+(?:[a-z-]+\s+)?(?:drop|fall|decline|decrease|slide|cut|loss|rise|gain"
    r"|increase|jump|climb|move|swing|rebound)\s+of\s+(?:about\s+|around\s+|roughly\s+|some\s+"
    r"|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|up\s+to\s+|over\s+|just\s+)?$",
    re.IGNORECASE,
)
# A move verb right before an amount (no "to" between), and a base the move starts from:
# "could gain around 1,000 dollars from the current level", "rise $500 from here".
_MOVE_VERB_BEFORE = re.compile(
    r"\b(?:gain|gains|gained|gaining|lose|loses|lost|losing|rise|rises|rose|rising|climb"
    r"|climbs|climbed|jump|jumps|jumped|add|adds|fall|falls|fell|drop|drops|dropped|slide"
    r"|slides|shed|sheds|advance|advances)\s+(?:another\s+|a\s+further\s+|about\s+|around\s+"
    r"|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|as\s+much\s+as\s+)?$",
    re.IGNORECASE,
)
_FROM_A_BASE_AFTER = re.compile(
    r"^\s*(?:(?:usd|dollars?)\s+)?(?:(?:an|a|per)\s+(?:ounce|oz|barrel|bbl|coin|share)\s+)?"
    r"(?:from\s+(?:the\s+|its\s+|their\s+)?(?:current|present|today['\u2019]s|spot|prevailing"
    r"|recent)\s+(?:levels?|prices?|quotes?)|from\s+(?:here|now|current\s+levels))\b",
    re.IGNORECASE,
)


# A market balance or flow named right before the number: "a deficit of 591,000 for
# 2026", "US output at 13.5 million", "a surplus of about 20,000". Never a price.
_QUANTITY_NOUN_BEFORE = re.compile(
    r"\b(?:surplus|deficit|shortfall|glut|shortage|output|production|exports|imports"
    r"|inventories|stockpiles|consumption)\s+(?:of|at|to|around|near)\s+(?:about\s+|around\s+"
    r"|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+)?$",
    re.IGNORECASE,
)


def counted_quantity(match: LevelMatch, work: str) -> bool:
    """A number a balance or flow noun names ("a deficit of 591,000"), unless it is money."""
    if match.price is None or _CURRENCY.search(match.text):
        return False
    start = match.span[0]
    return _QUANTITY_NOUN_BEFORE.search(work[max(0, start - 40) : start]) is not None


def unit_left_out(match: LevelMatch, work: str) -> bool:
    """A bare scaled number after a scaled physical quantity in the same sentence.

    "13.53 million" with no currency, written after "13.61 million b/d", counts barrels.
    Only an earlier quantity counts: the elided unit is always one already named.
    """
    written = match.text
    if match.price is None or _CURRENCY.search(written) or not _WRITTEN_SCALE.search(written):
        return False
    return _SCALED_QUANTITY.search(work[: match.span[0]]) is not None


def amount_of_change(match: LevelMatch, work: str) -> bool:
    """A price-sized number that is how far the price moves, not where it goes."""
    if match.price is None:
        return False
    start, end = match.span
    before = work[max(0, start - 60) : start]
    if _CHANGE_NOUN_BEFORE.search(before):
        return True
    return bool(_MOVE_VERB_BEFORE.search(before) and _FROM_A_BASE_AFTER.match(work[end:]))


# A quantity that doubles or halves, not the price: "investment demand halving", "exports
# could double", "output set to triple".
_NON_PRICE_SUBJECT_BEFORE = re.compile(
    r"\b(?:demand|supply|supplies|output|production|exports|imports|inventories|stockpiles"
    r"|stocks|sales|volumes?|earnings|profits?|revenues?|inflows|outflows|holdings|purchases"
    r"|buying|capacity|deficit|surplus|usage|consumption|mining|recycling|issuance|debt"
    r"|reserves|users|adoption)\s+(?:(?:could|will|would|may|might|to|is|are|set|expected"
    r"|likely|seen|more|than|almost|nearly|roughly)\s+)*$",
    re.IGNORECASE,
)


def multiple_of_a_quantity(match: LevelMatch, work: str) -> bool:
    """A multiple ("double", "halving") whose subject is a quantity, not the price."""
    if match.relative is None:
        return False
    start = match.span[0]
    return _NON_PRICE_SUBJECT_BEFORE.search(work[max(0, start - 60) : start]) is not None
