"""A span of quarters named once, in the plural: "over the second to fourth quarters of 2026".

`rewrite_rules` reads "the fourth quarter of 2026" as Q4 2026, and so "from the second
through the fourth quarter of 2026" as a span through Q4 2026. English also names the
span with one plural noun ("the second to fourth quarters", "the first and second
quarters of 2027"); it is read as the singular form is, through its last quarter.
"""

from __future__ import annotations

import re

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER_SPAN = re.compile(
    r"\b(?:(?:over|in|during|for|from|across)\s+)?(?:the\s+)?(?P<first>first|second|third)\s*(?:-|to|through|thru|and|until)\s*"
    r"(?:the\s+)?(?P<last>second|third|fourth)\s+quarters\s+of\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _span(match: re.Match[str]) -> str:
    last = _ORDINALS[match["last"].lower()]
    return f"through Q{last} {match['year']}"


def quarter_spans(work: str) -> str:
    """`work` with "over the second to fourth quarters of 2026" as "through Q4 2026"."""
    if "quarters" not in work.lower():
        return work
    return _QUARTER_SPAN.sub(_span, work)
