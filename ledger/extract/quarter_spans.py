"""A span of quarters named once, in the plural: "over the second to fourth quarters of 2026".

`rewrite_rules` reads "the fourth quarter of 2026" as Q4 2026, and so "from the second
through the fourth quarter of 2026" as a span through Q4 2026. English also names the
span with one plural noun ("the second to fourth quarters", "the first and second
quarters of 2027") or with the quarters' short names ("Q2-Q4 2026"); both are read as the
span they name, from the first quarter's start through the last one's end: an average over
Q2-Q4 2026 is not an average from the day of writing.
"""

from __future__ import annotations

import re
from datetime import date

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_QUARTER_SPAN = re.compile(
    r"\b(?:(?:over|in|during|for|from|across)\s+)?(?:the\s+)?(?P<first>first|second|third)\s*(?:-|to|through|thru|and|until)\s*"
    r"(?:the\s+)?(?P<last>second|third|fourth)\s+quarters(?:\s+of\s+(?P<year>(?:19|20)\d\d))?\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)


_SHORT_SPAN = re.compile(
    r"\b(?:(?:over|in|during|for|from|across)\s+)?(?:the\s+)?Q(?P<first>[1-3])\s*(?:-|\u2013|to|through|thru)\s*"
    r"Q(?P<last>[2-4])\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _from_through(match: re.Match[str], first: int, last: int, year: int | None) -> str:
    """The span as the claim parser reads one; a span that runs backwards, or one with no
    year to put it in, is left as written."""
    if last <= first or year is None:
        return match[0]
    return f"from Q{first} {year} through Q{last} {year}"


def _year_of(match: re.Match[str], last: int, made_on: date | None, year: int | None) -> int | None:
    """The span's year: the one written, else the one given (the sentences before named it),
    else the year of writing, while its last quarter is still to come ("Citi sees $60 in
    the second and third quarters", written in March)."""
    if match["year"]:
        return int(match["year"])
    if year is not None:
        return year
    if made_on is None:
        return None
    return made_on.year if made_on.month <= 3 * last else None


def quarter_spans(work: str, made_on: date | None = None, year: int | None = None) -> str:
    """`work` with "over the second to fourth quarters of 2026" and "in Q2-Q4 2026" as
    "from Q2 2026 through Q4 2026"; a span with no year ("in the second and third quarters")
    is put in `year`, else in `made_on`'s year while its last quarter is ahead."""

    def span(match: re.Match[str]) -> str:
        first, last = _ORDINALS[match["first"].lower()], _ORDINALS[match["last"].lower()]
        return _from_through(match, first, last, _year_of(match, last, made_on, year))

    def short_span(match: re.Match[str]) -> str:
        return _from_through(match, int(match["first"]), int(match["last"]), int(match["year"]))

    lowered = work.lower()
    if "quarters" in lowered:
        work = _QUARTER_SPAN.sub(span, work)
    if "q" in lowered:
        work = _SHORT_SPAN.sub(short_span, work)
    return work
