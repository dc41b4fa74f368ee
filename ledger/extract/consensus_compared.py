"""Whose figure a consensus is: "7800, above consensus" is the house's, a poll's is nobody's.

`hedge_phrases.CONSENSUS` caps a figure pooled from many forecasters ("the consensus
sees $4,000"), which is nobody's call. A house that says its number is above, below or
ahead of the consensus names the consensus only to compare its own call with it; those
words are blanked before the consensus is looked for, as are "than the market expects" and
"as markets price in", which measure something else (a rate path) against the market. A
figure that "polled analysts" or "surveyed economists" see is the poll's, like "a survey of"
in `CONSENSUS`.
"""

from __future__ import annotations

import re

from ledger.extract.patterns import hedge_phrases
from ledger.extract.textops import any_of, blank

_COMPARED_WITH_CONSENSUS = re.compile(
    r"\b(?:(?:well|far|comfortably|slightly|just)\s+)?(?:above|below|under|over|ahead\s+of"
    r"|short\s+of|beyond|than|versus|vs\.?|against|exceeding|exceeds?|beats?|beating|tops?"
    r"|topping)\s+(?:the\s+)?(?:(?:market|street|wall\s+street|analyst|analysts')\s+)?"
    r"(?:consensus|median)(?:\s+(?:forecasts?|estimates?|expectations?|views?))?\b"
    # "rate cuts may be smaller than the market expects, so the bank lowered its target": what
    # the market prices is the yardstick of another figure, not the figure the call gives
    r"|\b(?:than|as)\s+(?:the\s+)?(?:(?:futures|options|rates?|bond)\s+)?markets?\s+(?:now\s+|currently\s+)?"
    r"(?:expects?|implies?|imply|prices?(?:\s+in)?|is\s+pricing|are\s+pricing|anticipates?"
    r"|thinks?)\b",
    re.IGNORECASE,
)


_CONSENSUS = any_of(
    (
        *hedge_phrases.CONSENSUS,
        r"\b(?:polled|surveyed|canvassed)\s+(?:\w+\s+)?(?:analysts|economists|strategists"
        r"|forecasters|banks|traders|investors|experts)\b",
    )
)


def pooled_figure(text: str) -> bool:
    """Whether the sentence gives a figure pooled from many forecasters, not compared with one."""
    compared = [m.span() for m in _COMPARED_WITH_CONSENSUS.finditer(text)]
    return _CONSENSUS.search(blank(text, compared)) is not None
