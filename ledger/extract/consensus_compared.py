"""A call set against the consensus is still the house's own: "a target of 7800, above consensus".

`hedge_phrases.CONSENSUS` caps a figure pooled from many forecasters ("the consensus
sees $4,000"), which is nobody's call. A house that says its number is above, below or
ahead of the consensus names the consensus only to compare its own call with it; those
words are blanked before the consensus is looked for.
"""

from __future__ import annotations

import re

from ledger.extract.textops import blank

_COMPARED_WITH_CONSENSUS = re.compile(
    r"\b(?:(?:well|far|comfortably|slightly|just)\s+)?(?:above|below|under|over|ahead\s+of"
    r"|short\s+of|beyond|than|versus|vs\.?|against|exceeding|exceeds?|beats?|beating|tops?"
    r"|topping)\s+(?:the\s+)?(?:(?:market|street|wall\s+street|analyst|analysts')\s+)?"
    r"(?:consensus|median)(?:\s+(?:forecasts?|estimates?|expectations?|views?))?\b",
    re.IGNORECASE,
)


def without_consensus_comparisons(text: str) -> str:
    """`text` with "above consensus", "than the median" and the like blanked."""
    return blank(text, [m.span() for m in _COMPARED_WITH_CONSENSUS.finditer(text)])
