"""A house named inside a clause that describes a noun, not as the one who speaks.

"The record deficit the WPIC expects this year has not lifted the price": the
WPIC expects the deficit, but the sentence is about the deficit, and the calls
around it are someone else's. Read as a speaker, such a name would take over
the calls of the sentences that follow ("For mid-2025 we expect $1,050").

The shape is a noun phrase opening its clause ("the record deficit", "a
surplus that"), the name and its verb, then the clause's own verb ("has not
lifted", "is"): the name is the subject of a clause inside the noun phrase. A
noun that is itself a call ("the target the bank sees is $5,000") keeps its
speaker, and so does an apposition with no verb after it ("the strategist Jane
Doe expects gold at $5,000").
"""

from __future__ import annotations

import re

# The opening of a clause, a determiner and one to three lower-case words: the noun phrase.
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:^|[,;:(\"]\s*|\b(?:and|but|while|as|since|because|although)\s+)\W*"
    r"(?i:the|a|an|this|these|those|its|their)\s+(?P<head>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
    r"\s+(?:(?:that|which)\s+)?(?:(?i:the)\s+)?$"
)
# After the name's verb, the noun phrase's own verb, before any comma or figure but a year.
_MAIN_VERB_AFTER = re.compile(
    r"(?:[^,.;:\d$€£\"]|\b(?:19|20)\d\d\b){0,50}?\b(?:has|have|had|is|are|was|were|will|would|could|should|may"
    r"|might|did|does|do|remains?|remained|looks?|seems?|appears?)\b",
    re.IGNORECASE,
)
# Nouns that are calls themselves: the name is who made them.
_CALL_NOUNS = frozenset(
    (
        "forecast", "forecasts", "target", "targets", "estimate", "estimates", "projection",
        "projections", "call", "calls", "outlook", "view", "views", "prediction", "predictions",
        "level", "levels", "price", "prices", "path", "peak", "average", "figure", "number",
    )
)  # fmt: skip


def in_object_clause(text: str, name_start: int, verb_end: int) -> bool:
    """Whether the name at `name_start`, with its verb ending at `verb_end`, sits in a clause
    describing a noun ("the deficit the WPIC expects ... has"), not as the sentence's speaker."""
    before = _NOUN_PHRASE_BEFORE.search(text, 0, name_start)
    if before is None:
        return False
    if before["head"].split()[-1].lower() in _CALL_NOUNS:
        return False
    return _MAIN_VERB_AFTER.match(text, verb_end) is not None


# "the surplus the IEA expects", "a deficit that Metals Focus projects": the name and its verb.
_NAME_AND_VERB = re.compile(
    r"(?P<name>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&)){0,4})\s+(?:\w+ly\s+)?"
    r"(?:expects|expected|forecasts|forecast|projects|projected|predicts|predicted|sees|saw"
    r"|estimates|estimated|anticipates|anticipated|foresees|reckons)\b"
)


def without_object_clause_names(text: str) -> str:
    """`text` with each name that sits in a clause describing a noun blanked, so that "the
    bank" in later sentences does not point back to it."""
    for match in _NAME_AND_VERB.finditer(text):
        if in_object_clause(text, match.start("name"), match.end()):
            start, end = match.span("name")
            text = text[:start] + " " * (end - start) + text[end:]
    return text
