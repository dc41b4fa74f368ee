"""Figures of a company's or an index's accounts, not its price: "EPS of $US272 for 2025".

An equity strategist's note gives the index target next to the earnings it rests on
("a target of 7800, based on forward EPS of $US356"; "EPS of $272 for 2025, $317 for
2026 and $356 for 2027"). An amount after an accounts noun (earnings per share,
dividends, revenue, profit) measures that figure, not where the price goes; so does
each amount of a list that the noun heads, as long as only years, "for", "and" and
bracketed asides stand between them, and so does a change in brackets after one of
them ("(up 17 per cent)").
"""

from __future__ import annotations

import re

from ledger.claims.numbers import LevelMatch

_NOUN = (
    r"\b(?:EPS|earnings\s+per\s+share|per[- ]share\s+earnings|earnings"
    r"|dividends?(?:\s+per\s+share)?|book\s+value(?:\s+per\s+share)?|revenues?|net\s+income"
    # "take profit at $70,000" is a trader's exit, a price
    r"|(?<!take\s)(?<!taking\s)(?:net\s+|operating\s+)?profits?(?![- ]taking)"
    r"|free\s+cash\s+flow|cash\s+flow)"
    # "EPS is confirmed at 435", "earnings are seen at $300": the figure, however it is put
    r"(?:\s+(?:estimates?|forecasts?|projections?|growth|of|at|to|is|are|was|were|will\s+be"
    r"|confirmed|seen|estimated|expected|projected|pegged|put|now"
    r"|reaching|rising\s+to|growing\s+to|coming\s+in\s+at))*"
)
_ACCOUNTS_NOUN = re.compile(_NOUN, re.IGNORECASE)
_AMOUNT = re.compile(r"\s*(?:US\$|\$US|\$|USD\s*)?\d[\d,.]*\s*[kKmMbB%]?")
_BRACKETED = re.compile(r"\([^()]*\)")
# What may stand between two amounts of one list: years, periods, joining words.
_LIST_WORDS = frozenset(
    {"for", "in", "and", "then", "or", "per", "cent", "percent", "us", "usd", "fy", "fiscal",
     "year", "next", "this", "q1", "q2", "q3", "q4", "h1", "h2"}
)  # fmt: skip


def _only_a_list(between: str) -> bool:
    """Whether `between` holds nothing but amounts, years, joining words and asides."""
    if re.search(r"[;:.!?](?:\s|$)", _BRACKETED.sub(" ", between)):
        return False
    words = _AMOUNT.sub(" ", _BRACKETED.sub(" ", between))
    return all(w.lower() in _LIST_WORDS for w in re.findall(r"[A-Za-z]+", words))


def company_figure(match: LevelMatch, work: str) -> bool:
    """Whether an amount is an accounts figure (EPS, dividend) or its change, not a price."""
    start = match.span[0]
    before = work[max(0, start - 200) : start]
    opened = before.rfind("(")
    if opened > before.rfind(")"):
        before = before[:opened]  # "$US317 for 2026 (up 17 per cent)": the figure's own change
    elif match.price is None:
        return False
    for noun in _ACCOUNTS_NOUN.finditer(before):
        if noun.end() == len(before.rstrip()):
            return True  # "forward EPS of $US356"
        amount = _AMOUNT.match(before, noun.end())
        if amount is not None and _only_a_list(before[amount.end() :]):
            return True  # "EPS of $US272 for 2025 (up 12 per cent), $US317 for 2026"
    return False
