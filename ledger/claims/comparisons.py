"""The words of a claim about two assets' returns, kept as data.

"gold outperforms bitcoin in 2026", "silver beats gold by end-2026",
"ETH outperforms BTC by 10 points over the next 6 months", "gold vs crypto:
gold wins through June". The asset before an outperform word is the one
that must do better; an underperform word ("lags", "trails") swaps the two;
"A vs B: A wins" names the winner before "wins". "A vs B" with no winner
takes no side and is refused: a claim must be able to be wrong.

"beats" alone ("BTC beats 100k") is a price target, so a beat word only makes
a comparison when two assets are named and no price level is given ("gold
outruns the S&P 500 to $5055" is a target for gold); an outperform word
always does, and a level beside it is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OUTPERFORMS = (
    "outperforms", "outperform", "outperformed", "outperforming", "will outperform",
    "does better than", "do better than", "performs better than", "perform better than",
    "will do better than",
)  # fmt: skip
# Weak: "BTC beats 100k" and "gold outruns the S&P 500 to $5055" are price targets.
BEATS = ("beats", "beat", "beating", "will beat", "outpaces", "outpace", "outruns", "outrun")
UNDERPERFORMS = (
    "underperforms", "underperform", "underperformed", "underperforming", "lags", "lag",
    "lagging", "trails", "trail", "does worse than", "do worse than", "performs worse than",
    "perform worse than",
)  # fmt: skip
VERSUS = ("vs.", "vs", "versus")
WINS = ("wins", "win", "comes out ahead", "comes out on top", "prevails", "does better")

# "crypto" stands for bitcoin only when two assets are compared; the reading is stated.
COMPARISON_ALIASES = {"crypto": "BTC-USD", "cryptos": "BTC-USD", "crypto assets": "BTC-USD"}
CRYPTO_ASSUMPTION = "'{word}' is read as bitcoin (BTC-USD), the largest crypto asset"


@dataclass(frozen=True)
class Word:
    """A comparison word found in the text: its role and where it is."""

    role: str  # "outperforms", "beats", "underperforms", "versus", "wins"
    text: str
    span: tuple[int, int]


def _pattern(phrases: tuple[str, ...]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


_ROLES = {
    "outperforms": OUTPERFORMS,
    "underperforms": UNDERPERFORMS,
    "beats": BEATS,
    "wins": WINS,
}
_WORD_RE = re.compile(
    "|".join(
        rf"(?P<{role}>(?<![\w-])(?:{_pattern(words)})(?![\w-]))" for role, words in _ROLES.items()
    )
    + rf"|(?P<versus>(?<![\w-])(?:{_pattern(VERSUS)})(?![\w-]))",
    re.IGNORECASE | re.ASCII,
)

# "by 10 points", "by 10pp", "by at least 10 percentage points", "by 10%".
_MARGIN_RE = re.compile(
    r"(?<![\w])by\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?(?P<sign>[+\-])?"
    r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>percentage\s+points?|percent(?:age)?\s+pts?|pp|"
    r"points?|pts?|%\s*points?|%|percent)(?![\w])",
    re.IGNORECASE | re.ASCII,
)


@dataclass(frozen=True)
class MarginMatch:
    value: float
    text: str
    span: tuple[int, int]
    as_percent: bool  # written "by 10%": read as points, and the reading is stated
    negative: bool


def find_words(text: str) -> list[Word]:
    """Every comparison word, leftmost first."""
    return [
        Word(match.lastgroup or "", " ".join(match[0].split()), match.span())
        for match in _WORD_RE.finditer(text)
    ]


def find_margins(text: str) -> tuple[list[MarginMatch], str]:
    """Every margin phrase, and the text with them blanked."""
    found = []
    rest = text
    for match in _MARGIN_RE.finditer(text):
        unit = " ".join(match["unit"].lower().split())
        found.append(
            MarginMatch(
                value=float(match["number"]),
                text=" ".join(match[0].split()),
                span=match.span(),
                as_percent=unit in ("%", "percent"),
                negative=match["sign"] == "-",
            )
        )
        start, end = match.span()
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return found, rest


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
