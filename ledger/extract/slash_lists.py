"""Two assets and their levels written with bare slashes: "2027 Brent/WTI averages of $58/$54".

Commodity desks pair a benchmark's two grades and their levels with slashes, spaced or
not. `pairing` reads the spaced form ("Brent / WTI at $56 / $52") as two lists to pair
in order; the bare one is the same list, so its slashes are spaced here: between two
money amounts, and between two asset names that are not one name together ("GBP/USD",
"the gold/silver ratio" stay as they are). The year written before such a pair's
averages ("2027 Brent/WTI averages of") is their period, as "its 2026 average
forecast" is (rewrite_rules).
"""

from __future__ import annotations

import re
from functools import cache

from ledger.claims import assets
from ledger.extract.patterns import asset_words

_AMOUNT_SLASH = re.compile(r"((?:US)?\$\s?\d[\d,]*(?:\.\d+)?)/(?=(?:US)?\$?\s?\d)")
_NAME_SLASH = re.compile(
    r"(?<![\w/])(?P<first>[A-Za-z][\w&.-]*)/(?P<second>[A-Za-z][\w&.-]*)(?![\w/])"
    r"(?!\s+(?:ratio|spread|cross|pair|exchange\s+rate)\b)"
)
# "2027 Brent / WTI averages of", "a 2027 Brent average of": the year is the averages' period
_YEAR_BEFORE_AVERAGES = re.compile(
    r"(?<![\d\-\u2013/])\b((?:19|20)\d\d)\s+(?=(?:[A-Z][\w&.-]*\s+(?:/\s+[A-Z][\w&.-]*\s+)?)"
    r"{0,2}averages?\s+(?:of|at)\b)"
)


@cache
def _asset_names() -> frozenset[str]:
    names = {name.lower() for name in assets.builtin_names()}
    names |= {name.lower() for name in asset_words.ARTICLE_ASSET_NAMES}
    return frozenset(names)


def _spaced_names(match: re.Match[str]) -> str:
    names = _asset_names()
    first, second = match["first"], match["second"]
    together = f"{first}/{second}".lower()
    if together in names or first.lower() not in names or second.lower() not in names:
        return match[0]
    return f"{first} / {second}"


def spaced_slashes(work: str) -> str:
    """`work` with the slashes of a bare asset pair and its levels spaced."""
    if "/" not in work:
        return work
    work = _AMOUNT_SLASH.sub(r"\1 / ", work)
    work = _NAME_SLASH.sub(_spaced_names, work)
    return _YEAR_BEFORE_AVERAGES.sub(r"in \1 ", work)
