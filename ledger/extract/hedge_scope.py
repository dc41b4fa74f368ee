"""Which statement of a sentence a hedge belongs to.

"Gold will outperform bitcoin next year, said Peter Schiff, who added that silver
could top $60": one sentence, two statements. The "could" of the second hedges the
silver call only; read over the whole sentence it would lower the firm gold call too.
A sentence is parted into statements where a second verb of saying opens a new one
(", who added that", ", adding that", ", and said"), at a contrast (", while", ", whereas")
or at a semicolon. Anything less
(a comma, "and", a relative clause) keeps one statement, whose hedge covers all of it:
"analysts say gold could top $3,000 and silver $60" hedges both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ledger.extract.clauses import HEDGE

_SAYING = (
    r"(?:said|says|added|adds|noted|notes|warned|warns|stressed|cautioned|argued|argues"
    r"|predicted|predicts|forecast|told\s+\w+|wrote|writes)"
)
_SAYING_ING = r"(?:adding|saying|noting|warning|stressing|arguing|predicting|writing)"
STATEMENT_BREAK = re.compile(
    rf",\s*(?:who|which)\s+(?:also\s+|then\s+|later\s+)?{_SAYING}(?:\s+that)?\s"
    rf"|,\s*(?:while\s+|also\s+)?{_SAYING_ING}(?:\s+that)?\s"
    rf"|,\s*and\s+(?:also\s+|then\s+|later\s+)?{_SAYING}(?:\s+that)?\s"
    # "the FTSE to gain 6% next year, while the DAX could double": a contrast, a new statement
    r"|,\s*(?:while|whereas)\s|;\s*",
    re.IGNORECASE,
)


def statement_spans(text: str) -> list[tuple[int, int]]:
    """The sentence's statements as (start, end) spans, in order, covering it whole."""
    spans = []
    start = 0
    for match in STATEMENT_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.start()
    spans.append((start, len(text)))
    return spans


def hedged_at(text: str, positions: Iterable[int]) -> bool:
    """Whether a hedge stands in a statement holding one of the positions (a call's words).

    With no position, or one statement only, the sentence's hedge is read whole.
    """
    spans = statement_spans(text)
    wanted = list(positions)
    if len(spans) == 1 or not wanted:
        return bool(HEDGE.search(text))
    return any(
        HEDGE.search(text, start, end)
        for start, end in spans
        if any(start <= position < end for position in wanted)
    )
