"""Cardinal numbers spelled in English words, up to the hundreds of thousands (issue 11).

Translated news and broadcast transcripts write prices in words: "five thousand dollars",
"one hundred fifty thousand dollars", "five thousand four hundred dollars". The preparation
step reads "4 thousand 440" as one figure already; this module turns the words into that
form ("five thousand four hundred" -> "5 thousand 400"), so the figure rule is not taught
every spelling. Only a number with "thousand" in it is rewritten: a small number in words
("two analysts", "three months") is left alone, since it is seldom a price and often a
horizon or a count the other rules read in words.
"""

from __future__ import annotations

import re

_ONES = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_VALUE = {word: value for value, word in enumerate(_ONES, start=1)} | {
    word: value for value, word in zip(range(20, 100, 10), _TENS, strict=True)
}

# longest first, so "nineteen" is not read as "nine"
_ONE = "|".join(sorted(_ONES, key=len, reverse=True))
_TEN = "|".join(_TENS)
_BELOW_HUNDRED = rf"(?:(?:{_TEN})(?:[-\s](?:{_ONE}))?|(?:{_ONE}))"
_BELOW_THOUSAND = rf"(?:(?:{_ONE})\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED})?|{_BELOW_HUNDRED})"
_THOUSANDS = re.compile(
    rf"(?<![\w-])(?P<thousands>{_BELOW_THOUSAND})[-\s]thousand"
    rf"(?:-(?P<digits>\d{{1,3}})(?!\d)|[-\s](?:and\s+)?(?P<rest>{_BELOW_THOUSAND}))?(?![\w-])",
    re.IGNORECASE,
)


def words_value(words: str) -> int:
    """The value of a number below a thousand in words ("one hundred and fifty" -> 150)."""
    total = 0
    for word in re.split(r"[-\s]+", words.lower()):
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += _VALUE[word]
    return total


def thousands_in_digits(work: str) -> str:
    """`work` with each number of thousands in words written "N thousand R" in digits."""
    if "thousand" not in work.lower():
        return work

    def digits(match: re.Match[str]) -> str:
        thousands = words_value(match["thousands"])
        rest = match["digits"] or (str(words_value(match["rest"])) if match["rest"] else "")
        return f"{thousands} thousand {rest}".rstrip()

    return _THOUSANDS.sub(digits, work)
