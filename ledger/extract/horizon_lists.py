"""Horizons listed before as many levels: "its 3-, 6- and 12-month gold forecasts to $2,300,
$2,500 and $2,600".

Banks publish a metal's or a pair's path as forecasts at fixed horizons, and the news
lists the horizons as one adjective and the levels after it. Each level is the call at its
horizon; rewritten as "$2,300 in 3 months, $2,500 in 6 months and $2,600 in 12 months",
the claim language reads each with its own deadline (the levels may come first: "1.10 and
1.15 on a 3- and 12-month horizon"). The levels a "from" list gives before
("raised ... from $1,950, $2,050 and $2,150 to ...") are the replaced ones and stay as
written; of the others, the last list with as many levels as horizons is paired. The unit
may be written on each horizon ("its three-month, six-month and twelve-month forecasts"), and
a "respectively" after the levels says the same pairing in words, so it goes with the rewrite
(left in, the pairing of paired lists would pair the levels a second time, and it pairs no
more than two horizons).
"""

from __future__ import annotations

import re

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12}
_HORIZON = r"(?:\d{1,2}|one|two|three|four|six|nine|twelve)"
# each horizon but the last ends in "-" ("3-, 6- and 12-month") or in the unit itself
# ("three-month, six-month and twelve-month")
_EARLIER = rf"{_HORIZON}(?:[-\s]months?\b)?"
_HORIZONS = re.compile(
    rf"\b(?P<list>{_EARLIER}(?:\s*-?\s*,\s*{_EARLIER})*\s*-?\s*,?\s*(?:and|&)\s*{_HORIZON})"
    r"[-\s]months?\b",
    re.IGNORECASE,
)
_LEVEL = r"(?:[$€£]\s?)?\d[\d,]*(?:\.\d+)?(?![\d%])"
_LEVELS = re.compile(rf"(?P<list>{_LEVEL}(?:\s*,\s*{_LEVEL})*\s*,?\s*and\s+{_LEVEL})")
_ITEM = re.compile(_LEVEL)
_RESPECTIVELY = re.compile(r",?\s*\brespectively\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)  # the replaced levels
_SPLIT = re.compile(r"\s*(?:-?\s*,|and|&)\s*", re.IGNORECASE)
_UNIT = re.compile(r"[-\s]months?$", re.IGNORECASE)


def each_horizon(work: str) -> str:
    """The sentence with each listed level followed by its own horizon ("in 6 months")."""
    horizons_at = _HORIZONS.search(work)
    if horizons_at is None:
        return work
    parts = [_UNIT.sub("", part.strip(" -")) for part in _SPLIT.split(horizons_at["list"])]
    horizons = [_months(part.strip(" -")) for part in parts if part.strip(" -")]
    if len(horizons) < 2 or None in horizons:
        return work

    def fitting(start: int, end: int) -> list[re.Match[str]]:
        return [
            match
            for match in _LEVELS.finditer(work, start, end)
            if len(_ITEM.findall(match["list"])) == len(horizons)
            and not _FROM_BEFORE.search(work, 0, match.start())
        ]

    # the levels after the horizons, else before them ("1.10 and 1.15 on a 3- and 12-month
    # horizon")
    lists = fitting(horizons_at.end(), len(work)) or fitting(0, horizons_at.start())
    if not lists:
        return work
    levels_at = lists[-1]
    levels = _ITEM.findall(levels_at["list"])
    paired = [f"{level} in {months} months" for level, months in zip(levels, horizons, strict=True)]
    written = ", ".join(paired[:-1]) + f" and {paired[-1]}"
    replacements = [
        (levels_at.start(), levels_at.end(), written),
        (horizons_at.start(), horizons_at.end(), ""),
    ]
    respectively = _RESPECTIVELY.search(work, levels_at.end())
    if respectively is not None:
        replacements.append((respectively.start(), respectively.end(), ""))
    edits = sorted(replacements, reverse=True)
    for start, end, replacement in edits:
        work = work[:start] + replacement + work[end:]
    return work


def _months(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _WORDS.get(word.lower())
