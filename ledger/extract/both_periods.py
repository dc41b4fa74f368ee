"""One level said for two periods with "both": "1.20 in both 4Q26 and 1Q27".

A path of forecasts often holds a level flat across periods and says so once: "our
forecasts are 1.15 in 2Q26, 1.17 in 3Q26 and 1.20 in both 4Q26 and 1Q27". Read as written,
the level has two deadlines and takes one; it is a call for each. The level is written
again before the second period ("1.20 in 4Q26 and 1.20 in 1Q27"), so each reads as the
path's other points do. Only quarters, halves and years are periods here: "both gold and
silver" is two assets, not two dates.
"""

from __future__ import annotations

import re

_LEVEL = r"(?:US\$|\$|€|£)?\s?\d[\d,]*(?:\.\d+)?(?:\s?[kK]\b)?"
_PERIOD = (
    r"(?:[1-4]Q\s?'?(?:19|20)?\d\d|Q[1-4]\s?'?(?:(?:19|20)?\d\d)?|[12]H\s?'?(?:19|20)?\d\d"
    r"|H[12]\s?'?(?:(?:19|20)?\d\d)?|(?:19|20)\d\d)"
)
_BOTH = re.compile(
    rf"(?P<level>{_LEVEL})\s+(?P<prep>in|for|at|by|during)\s+both\s+"
    rf"(?P<first>{_PERIOD})\s+and\s+(?P<second>{_PERIOD})\b",
    re.IGNORECASE,
)


def each_of_both(work: str) -> str:
    """The sentence with a level said for "both" of two periods written for each."""
    if "both" not in work.lower():
        return work
    return _BOTH.sub(_each, work)


def _each(match: re.Match[str]) -> str:
    level, preposition = match["level"], match["prep"]
    return f"{level} {preposition} {match['first']} and {level} {preposition} {match['second']}"
