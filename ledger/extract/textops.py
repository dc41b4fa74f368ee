"""Small text operations the extractor's modules share.

Matches are blanked rather than cut out (replaced by as many spaces), so
that every position found in a sentence stays valid for the next stage;
the claim language's own readers work the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_regex(phrases: Iterable[str]) -> str:
    """Whole-word alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered]
    return r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w'])"


def any_of(regexes: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `regexes`."""
    return re.compile("|".join(f"(?:{r})" for r in regexes), re.IGNORECASE)


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces of the same length."""
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(end, len(chars))):
            chars[index] = " "
    return "".join(chars)
