"""Price numbers as people write them: "$5,055", "5.1k", "$1M", "+20%", "doubles".

A level is either absolute (a price) or relative to the close on the day the
call was made ("+20%", "x2"). Both are read here; whether a level makes sense
(above zero, percent above -100) is the parser's business, because its error
messages know the whole claim.

Arithmetic goes through Decimal so that "5.1k" is exactly 5100, not
5099.999999999999.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from ledger.claims.model import RelativeKind, RelativeLevel
from ledger.errors import ClaimError

_FLAGS = re.IGNORECASE | re.ASCII | re.VERBOSE

# Plain, comma-grouped or scientific ("2.5e-05" is how canonical text writes tiny prices).
NUMBER = r"""(?:
      \d{1,3}(?:,\d{3})+(?:\.\d+)?
    | \d+(?:\.\d+)?(?:e[+-]?\d+)?
    | \.\d+(?:e[+-]?\d+)?
)(?!,?\d)(?!\.\d)"""

SCALES: MappingProxyType[str, int] = MappingProxyType(
    {
        "k": 1_000,
        "thousand": 1_000,
        "m": 1_000_000,
        "mm": 1_000_000,
        "mn": 1_000_000,
        "mil": 1_000_000,
        "million": 1_000_000,
        "b": 1_000_000_000,
        "bn": 1_000_000_000,
        "billion": 1_000_000_000,
        "t": 1_000_000_000_000,
        "tn": 1_000_000_000_000,
        "trillion": 1_000_000_000_000,
    }
)

# Words that are a whole relative level on their own.
MULTIPLE_WORDS: MappingProxyType[str, float] = MappingProxyType(
    {
        "doubles": 2.0,
        "doubled": 2.0,
        "doubling": 2.0,
        "double": 2.0,
        "triples": 3.0,
        "tripled": 3.0,
        "tripling": 3.0,
        "triple": 3.0,
        "quadruples": 4.0,
        "quadrupled": 4.0,
        "quadruple": 4.0,
        "halves": 0.5,
        "halved": 0.5,
        "halving": 0.5,
        "halve": 0.5,
    }
)

_START = r"(?<![\w.,$])"

_PERCENT_RE = re.compile(
    rf"""{_START}(?P<sign>[+-])?(?P<num>{NUMBER})\s?(?:%|percent\b|pct\b|per\s+cent\b)""",
    _FLAGS,
)
_MULTIPLE_RE = re.compile(
    rf"""{_START}(?:[x\u00d7](?P<after>{NUMBER})|(?P<before>{NUMBER})[x\u00d7])(?![\w.])""",
    _FLAGS,
)
_MULTIPLE_WORD_RE = re.compile(
    r"(?<![\w])(?P<word>" + "|".join(sorted(MULTIPLE_WORDS, key=len, reverse=True)) + r")(?![\w])",
    _FLAGS,
)
_LETTER_SCALES = "|".join(sorted((k for k in SCALES if len(k) <= 2), key=len, reverse=True))
_WORD_SCALES = "|".join(sorted((k for k in SCALES if len(k) > 2), key=len, reverse=True))
_PRICE_RE = re.compile(
    rf"""{_START}(?P<sign>[+-])?(?P<currency>\$|us\$|usd\s?)?(?P<sign_after>(?<=\$)[+-])?
        (?P<num>{NUMBER})
        (?:(?P<letter>{_LETTER_SCALES})(?![\w])|\s*(?P<word>{_WORD_SCALES})s?(?![\w])|(?![\w]))
        (?:\s?(?:usd|dollars?)(?![\w])|\$)?""",
    _FLAGS,
)


@dataclass(frozen=True)
class LevelMatch:
    """One level found in text.

    Exactly one of `price` and `relative` is set. `sign` is the sign as
    written ("+", "-" or ""): an unsigned "20%" takes its sign from the
    direction of the claim ("falls 20%"), which only the parser knows.
    """

    text: str
    span: tuple[int, int]
    price: float | None = None
    relative: RelativeLevel | None = None
    sign: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        """What makes two mentions the same level ("$5,055" and "5055" are)."""
        return (self.price, self.relative, self.sign if self.price is not None else "")


def to_float(number: str, scale: int = 1) -> float:
    """The value of a matched number text (commas allowed) times `scale`, exactly rounded."""
    try:
        value = float(Decimal(number.replace(",", "")) * scale)
    except (ArithmeticError, InvalidOperation, ValueError):
        raise ClaimError(f"'{number}' is not a usable number") from None
    if not math.isfinite(value):
        raise ClaimError(f"'{number}' is too large a number")
    return value


def _span_text(match: re.Match[str]) -> str:
    return " ".join(match[0].split())


def _percent(match: re.Match[str]) -> LevelMatch:
    value = to_float(match["num"])
    sign = match["sign"] or ""
    if sign == "-":
        value = -value
    return LevelMatch(
        _span_text(match),
        match.span(),
        relative=RelativeLevel(RelativeKind.PERCENT, value),
        sign=sign,
    )


def _multiple(match: re.Match[str]) -> LevelMatch:
    value = to_float(match["after"] or match["before"])
    return LevelMatch(
        _span_text(match), match.span(), relative=RelativeLevel(RelativeKind.MULTIPLE, value)
    )


def _multiple_word(match: re.Match[str]) -> LevelMatch:
    value = MULTIPLE_WORDS[match["word"].lower()]
    return LevelMatch(
        _span_text(match), match.span(), relative=RelativeLevel(RelativeKind.MULTIPLE, value)
    )


def _price(match: re.Match[str]) -> LevelMatch:
    scale_name = (match["letter"] or match["word"] or "").lower()
    value = to_float(match["num"], SCALES.get(scale_name, 1))
    # "-$5000" and "$-5000" are the same negative number: never drop the sign.
    sign = match["sign"] or match["sign_after"] or ""
    return LevelMatch(_span_text(match), match.span(), price=value, sign=sign)


_READERS = (
    (_PERCENT_RE, _percent),
    (_MULTIPLE_RE, _multiple),
    (_MULTIPLE_WORD_RE, _multiple_word),
    (_PRICE_RE, _price),
)


def find_levels(text: str) -> tuple[list[LevelMatch], str]:
    """Every level in `text`, in order, and the text with them blanked out.

    Percentages and multiples are read before plain prices so that "20%"
    is never a price of 20.
    """
    found: list[LevelMatch] = []
    rest = text
    for pattern, read in _READERS:
        for match in list(pattern.finditer(rest)):
            found.append(read(match))
            start, end = match.span()
            rest = rest[:start] + " " * (end - start) + rest[end:]
    found.sort(key=lambda level: level.span[0])
    return found, rest


# One price as a band bound: the price pattern without its own look-behind, so
# that "$60-70" and "60-$70" split into two bounds.
_BOUND = rf"""(?:\$|us\$|usd\s?)?{NUMBER}
    (?:(?:{_LETTER_SCALES})(?![\w])|\s*(?:{_WORD_SCALES})s?(?![\w]))?
    (?:\s?(?:usd|dollars?)(?![\w])|\$)?"""
_JOINER = r"\s*(?:and|to|-|&)\s*"
# "between 4000 and 4500" (and the kind names of canonical text,
# "close_between 4000 and 4500"); "a $60-70 range", "a 60 to 70 band".
_BETWEEN_RE = re.compile(
    rf"""(?<![A-Za-z0-9])(?:(?P<kind>close|hold)_)?between\s+
        (?P<low>{_BOUND}){_JOINER}(?P<high>{_BOUND})(?![\w.,])""",
    _FLAGS,
)
_RANGE_RE = re.compile(
    rf"""{_START}(?P<low>{_BOUND})\s*(?:-|to)\s*(?P<high>{_BOUND})
        (?=\s+(?:trading\s+)?(?:range|band)(?![\w]))""",
    _FLAGS,
)
_LONE_BETWEEN_RE = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?:close|hold)_)?between\s+(?P<low>{_BOUND})", _FLAGS
)


@dataclass(frozen=True)
class BandMatch:
    """A band written as one phrase: "between 4000 and 4500", "a $60-70 range".

    `low` and `high` are the bounds as written (not yet ordered or checked);
    `family` is "close" or "hold" when the phrase is a kind name of
    canonical text ("close_between 4000 and 4500").
    """

    text: str
    span: tuple[int, int]
    low: LevelMatch
    high: LevelMatch
    family: str | None = None


@dataclass(frozen=True)
class LoneBound:
    """ "between 5000" with no second bound: an error the parser words."""

    text: str
    bound: LevelMatch


def find_bands(text: str) -> tuple[list[BandMatch], LoneBound | None, str]:
    """Every band phrase in `text`, a "between" left with one bound, and the text blanked.

    Read before single levels, so that "between 4000 and 4500" is one band
    and not two levels in contradiction.
    """
    found: list[BandMatch] = []
    rest = text
    for pattern in (_BETWEEN_RE, _RANGE_RE):
        for match in list(pattern.finditer(rest)):
            family = (match.groupdict().get("kind") or "").lower() or None
            found.append(
                BandMatch(
                    text=_span_text(match),
                    span=match.span(),
                    low=parse_level(match["low"]),
                    high=parse_level(match["high"]),
                    family=family,
                )
            )
            start, end = match.span()
            rest = rest[:start] + " " * (end - start) + rest[end:]
    found.sort(key=lambda band: band.span[0])
    lone = _LONE_BETWEEN_RE.search(rest)
    if lone is None:
        return found, None, rest
    return found, LoneBound(_span_text(lone), parse_level(lone["low"])), rest


def parse_level(text: str) -> LevelMatch:
    """Exactly one level filling the whole of `text` ("5055", "$5.1k", "+20%", "x2", "doubles")."""
    written = " ".join(text.split())
    levels, rest = find_levels(written)
    if len(levels) != 1 or rest.strip():
        raise ClaimError(
            f"level '{written}' is not a price like 5055 or $5.1k, a percent like +20%"
            " or a multiple like x2"
        )
    return levels[0]


def parse_price(text: str) -> float:
    """One absolute price filling the whole of `text` ("$5,055", "150k", "1.2 million")."""
    level = parse_level(text)
    if level.price is None:
        raise ClaimError(f"'{level.text}' is a relative level, not a price")
    if level.sign == "-":
        return -level.price
    return level.price


def looks_like_level(token: str) -> bool:
    """Whether a token is a level on its own ("150K", "X2", "1M"), so never a ticker."""
    written = token.strip()
    return any(pattern.fullmatch(written) for pattern, _ in _READERS)
