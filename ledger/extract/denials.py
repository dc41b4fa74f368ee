"""Calls the sentence rules out after their level: "a jump to $200,000 this year is very unlikely".

`directions.is_negated` reads the denials that come before a level ("does not
expect gold to reach $5,000"). English also puts the denial after the call, as
the predicate of a clause whose subject is the call ("a move to $200,000 is
unlikely", "$6,000 gold looks improbable"): the speaker says it will not
happen, so the reading is negated like the first kind, not recorded as their
forecast.
"""

from __future__ import annotations

import re

# The call is the subject, the denial its predicate: no clause break in between, and the
# predicate follows within a few words ("this year", "by June"). "unlikely to last" denies too.
_DENIED_AFTER = re.compile(
    r"[^.;:!?]{0,48}?\b(?:is|are|was|were|looks?|seems?|remains?|appears?|sounds?)\s+"
    r"[\"'\u2018\u2019\u201c\u201d]?(?:(?:very|highly|extremely|most|quite|rather|deeply)\s+)?"
    r"[\"'\u2018\u2019\u201c\u201d]?(?:unlikely|improbable|implausible|out\s+of\s+the\s+question)\b"
    # "is unlikely to surprise the bank": the call is what would not surprise, not denied
    r"(?!\s+to\s+(?:surprise|shock|worry|concern|bother|deter|stop|change|matter|derail|faze)\b)",
    re.IGNORECASE,
)


def denied_after(present: str, level_end: int) -> bool:
    """Whether the words right after a level say the call will not happen."""
    return _DENIED_AFTER.match(present, level_end) is not None
