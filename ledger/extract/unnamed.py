"""Calls of forecasters the writer does not name.

"Some projections already place gold at $6,000", "several expect $100 crude within
days", "most banks see gold above $5,000": the level is real, but nobody in particular
stands behind it, so the ledger has no one to score. Such a candidate is kept for the
user to see and capped below --min-confidence, as a consensus figure is. The unnamed
group owns a level when it is the last source written before the level: a named
speaker between them ("some analysts, including Citi's Jo Park, see") owns it
instead, and a level written before the group is not its call.
"""

from __future__ import annotations

from ledger.extract.patterns import hedge_phrases
from ledger.extract.state import SentenceFacts
from ledger.extract.textops import any_of

_UNNAMED_SOURCE = any_of(hedge_phrases.UNNAMED_SOURCES)


def unnamed_source(sentence: SentenceFacts, position: int) -> str | None:
    """The words naming an unnamed group whose call the level at `position` is, or None."""
    groups = [m for m in _UNNAMED_SOURCE.finditer(sentence.present) if m.end() <= position]
    if not groups:
        return None
    group = groups[-1]
    if any(group.start() < start < position for start, _ in sentence.speakers_at):
        return None
    between = sentence.work[group.end() : position].lower()
    named = sentence.speaker.name
    if named and sentence.speaker.named and named.lower() in between:
        return None  # "some analysts, including Citi's Jo Park, see": Citi's call
    return " ".join(group[0].split())
