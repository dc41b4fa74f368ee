"""Currency crosses the ledger has no symbol for: "GBP/EUR", "GBP/CHF", "the pound to euro
rate", "sterling against the euro".

A column on sterling quotes it against the euro and the franc as often as against the
dollar. Read word by word, "the Pound to Euro (GBP/EUR) rate firming to 1.19" names "the
pound", which beside a dollar anywhere in the sentence is read as GBP/USD, and its 1.19
would be cable's. A cross is an asset with no symbol: its levels are its own and give no
candidate, as copper's do.
"""

from __future__ import annotations

import re
from collections.abc import Container

_CODES = r"USD|EUR|GBP|JPY|CHF|AUD|NZD|CAD|SEK|NOK|CNY|CNH|HKD|SGD|MXN|ZAR|TRY|INR|BRL"
_CODE_PAIR = re.compile(rf"\b(?:{_CODES})\s?/\s?(?:{_CODES})\b")
_CURRENCY_WORDS = (
    r"(?:british\s+)?pound|sterling|euro|(?:u\.?s\.?\s+)?dollar|(?:japanese\s+)?yen"
    r"|(?:swiss\s+)?franc|aussie|loonie|kiwi|yuan|renminbi|krona|krone|rand|rupee"
)
# "the pound to euro", "pound-euro", "sterling against the euro", "the pound versus the franc"
_WORD_PAIR = re.compile(
    rf"\b(?:the\s+)?(?P<base>{_CURRENCY_WORDS})(?P<join>\s+to\s+|\s*[-/]\s*"
    rf"|\s+(?:against|versus|vs\.?)\s+the\s+)(?P<quote>{_CURRENCY_WORDS})\b",
    re.IGNORECASE,
)


def cross_spans(work: str, known: Container[str]) -> list[tuple[int, int]]:
    """The spans of the currency pairs in `work` that `known` (the asset table) has no name
    for; a pair it knows ("GBP/USD", "pound to dollar", "EUR/GBP") is left to it."""
    spans: list[tuple[int, int]] = []
    for match in _CODE_PAIR.finditer(work):
        if match[0].replace(" ", "") not in known:
            spans.append(match.span())
    for match in _WORD_PAIR.finditer(work):
        base, quote = match["base"].lower(), match["quote"].lower()
        # a pair against the dollar is the table's to read ("the euro against the dollar",
        # "dollar-yen"), as is "the pound ... the pound"
        if "dollar" in (base + quote) or base.split()[-1] == quote.split()[-1]:
            continue
        spans.append(match.span())
    return spans
