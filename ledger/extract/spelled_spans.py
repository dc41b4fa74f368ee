"""Horizon spans spelled in words, written in digits: "its zero-to-three-month target" ->
"its 0-3 month target", "a six-to-twelve-month view" -> "a 6-12 month view".

Research notes name their horizons both ways; the rewrite rules read the digit form (a span
from today, its far end the deadline), so the word form is turned into it first rather than
taught to every rule again.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
    "twenty-four": 24,
}  # fmt: skip
_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SPELLED_SPAN = re.compile(
    rf"\b(?P<near>{_WORD}|\d{{1,2}})[-\s]+to[-\s]+(?P<far>{_WORD})[-\s]+(?P<unit>months?|weeks?)\b",
    re.IGNORECASE,
)


def spelled_spans(work: str) -> str:
    """The sentence with each horizon span in words written as digits ("0-3 month")."""

    def digits(match: re.Match[str]) -> str:
        near = match["near"].lower()
        start = _NUMBER_WORDS.get(near, near)
        end = _NUMBER_WORDS[match["far"].lower()]
        return f"{start}-{end} {match['unit']}"

    return _SPELLED_SPAN.sub(digits, work)
