"""Whether a clause looks ahead because it names a deadline after the level in it.

"Rabobank expects the yen to recover, with USD/JPY at 152 by the end of this year": a
clause opened by "with" reads as the market where it stands ("with gold at $4,000, miners
profit"), unless it looks ahead. Bank and FX notes write their targets in exactly this
absolute construction, and what makes it a call is not a verb but the deadline after the
level: "with EUR/USD at 1.12 by year-end", "with Brent at $90 at the end of 2026". A
deadline word is required ("by", "before", "until", "at the end of", "end-", "year-end"):
a bare period ("with gold at $4,000 this year") still describes the market.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ledger.claims.dates import DatePhrase

# The wordings that set a deadline, as the date phrase is written (its own words).
_DEADLINE_WORDING = re.compile(
    r"(?:by|before|until|till|through|no\s+later\s+than|(?:at|by|for|towards?)\s+(?:the\s+)?"
    r"(?:end|close)\b|(?:the\s+)?end[-\s]|(?:at\s+|by\s+)?(?:the\s+)?year[-\s]?end|eoy)",
    re.IGNORECASE,
)


def deadline_after(
    position: int, clause: tuple[int, int], phrases: Iterable[DatePhrase], made_on: date
) -> bool:
    """Whether a deadline still to come is written after `position` in the clause `clause`.

    Only a phrase worded as a deadline counts, and only one after the level: a period
    before it ("in 2025, with gold at $4,000") dates the scene, not the level.
    """
    start, end = clause
    return any(
        position < phrase.span[0] < end
        and phrase.span[0] >= start
        and phrase.deadline > made_on
        and _DEADLINE_WORDING.match(phrase.text.strip())
        for phrase in phrases
    )
