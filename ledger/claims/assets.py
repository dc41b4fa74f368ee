"""Asset names → Yahoo symbols.

People write "gold", "BTC" or "S&P 500"; prices come from Yahoo, which wants
"GC=F", "BTC-USD" and "^GSPC". The built-in aliases cover the assets the
ledger is mostly used for; users add their own (lower-case alias → symbol),
and any raw Yahoo symbol written in upper case ("AAPL", "7203.T") is taken
as it is.

A raw symbol must be written in upper case because ordinary words are not
tickers; a few upper-case words that are dates or units ("EOY", "Q3", "USD")
are never tickers either.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ledger.claims.numbers import looks_like_level
from ledger.claims.pairs import MAX_SYMBOL_LENGTH, ratio_legs, ratio_symbol
from ledger.errors import ClaimError

BUILTIN_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "gold": "GC=F",
        "xau": "GC=F",
        "silver": "SI=F",
        "xag": "SI=F",
        "bitcoin": "BTC-USD",
        "btc": "BTC-USD",
        "ether": "ETH-USD",
        "ethereum": "ETH-USD",
        "eth": "ETH-USD",
        "s&p 500": "^GSPC",
        "s&p500": "^GSPC",
        "s&p": "^GSPC",
        "spx": "^GSPC",
        "oil": "CL=F",
        "crude oil": "CL=F",
        "crude": "CL=F",
        "wti": "CL=F",
        "eurusd": "EURUSD=X",
        "eur/usd": "EURUSD=X",
    }
)

# Shown in "names no asset" errors: one name per built-in symbol.
KNOWN_NAMES = ("gold", "silver", "bitcoin", "ether", "S&P 500", "oil", "EUR/USD")

# A plausible price for each built-in symbol, so that suggested corrections read naturally.
EXAMPLE_LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "GC=F": "$5055",
        "SI=F": "$50",
        "BTC-USD": "80000",
        "ETH-USD": "$4000",
        "^GSPC": "7000",
        "CL=F": "$60",
        "EURUSD=X": "1.2",
    }
)
DEFAULT_EXAMPLE_LEVEL = "100"

# Upper-case tokens that look like tickers but are dates, units or plain words.
NOT_SYMBOLS = frozenset(
    (
        "A", "I", "AM", "PM", "ET", "UTC", "GMT", "EOD", "EOY", "EOM", "EOQ", "YTD", "MTD", "QTD",
        "YE", "FY", "USD", "EUR", "GBP", "JPY", "CHF", "US", "USA", "UK", "EU", "Q1", "Q2", "Q3",
        "Q4", "H1", "H2", "1H", "2H", "1Q", "2Q", "3Q", "4Q", "BY", "ON", "IN", "AT", "TO", "OF",
        "THE", "AND", "OR", "IF", "IS", "IT", "BE", "WILL", "END", "MID", "NEXT", "THIS", "YEAR",
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
        "NOVEMBER", "DECEMBER", "ATH", "ATL", "CEO", "IMO", "OK",
    )
)  # fmt: skip

# "AAPL", "^GSPC", "GC=F", "BTC-USD", "EURUSD=X", "7203.T", "BRK-B".
_SYMBOL_RE = re.compile(r"\^?[A-Z0-9]+(?:[.\-=][A-Z0-9]+)*", re.ASCII)
_TOKEN_RE = re.compile(r"\S+")
_TOKEN_EDGES = "()[]{}\"'.,;:!?"


# A ratio of two assets: "gold/silver ratio", "ETH/BTC", "GC=F/SI=F", "gold-to-silver ratio".
# Each side is one name (an alias or a symbol); the whole must not be an alias ("EUR/USD").
_RATIO_SIDE = r"[A-Za-z0-9^=&]+(?:[.\-][A-Za-z0-9=]+)*"
_RATIO_RE = re.compile(
    rf"(?<![\w^=.&/-])(?P<a>{_RATIO_SIDE})\s*/\s*(?P<b>{_RATIO_SIDE})(?![\w/])"
    r"(?P<word>\s+ratio\b)?",
    re.ASCII | re.IGNORECASE,
)
_RATIO_TO_RE = re.compile(
    r"(?<![\w^=.&/-])(?P<a>[A-Za-z0-9^=&]+)(?:\s+|-)to(?:\s+|-)(?P<b>[A-Za-z0-9^=&]+)"
    r"(?P<word>\s+ratio\b)",
    re.ASCII | re.IGNORECASE,
)
RATIO_ASSUMPTION = (
    "a ratio is judged on daily closes, on the days both assets traded: their intraday highs"
    " and lows are not simultaneous, so a touch needs a close at the level"
)


@dataclass(frozen=True)
class AssetMatch:
    """An asset mention: what the user wrote, the Yahoo symbol, and where."""

    asset: str
    symbol: str
    span: tuple[int, int] = (0, 0)


def looks_like_symbol(token: str) -> bool:
    """Whether an upper-case token can be taken as a raw Yahoo symbol."""
    return (
        len(token) <= 20
        and _SYMBOL_RE.fullmatch(token) is not None
        and re.search(r"[A-Z]", token) is not None
        and token not in NOT_SYMBOLS
        and not looks_like_level(token)
    )


def _alias_table(aliases: Mapping[str, str] | None) -> dict[str, str]:
    table = dict(BUILTIN_ALIASES)
    for alias, symbol in (aliases or {}).items():
        key = " ".join(str(alias).lower().split())
        if key:
            table[key] = str(symbol).strip()
    return table


@lru_cache(maxsize=64)
def _alias_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [
        r"\s+".join(re.escape(word) for word in key.split())
        for key in sorted(keys, key=lambda k: (-len(k), k))
    ]
    # Not inside a longer symbol: "BTC" in "BTC-USD", "EURUSD" in "EURUSD=X".
    return re.compile(
        r"(?<![\w&^=/.-])(?:" + "|".join(alternatives) + r")(?![\w&=/]|-[A-Za-z])",
        re.IGNORECASE | re.ASCII,
    )


def _checked_symbol(alias: str, symbol: str) -> str:
    """A user alias must point at something that canonical text can name again."""
    if not looks_like_symbol(symbol):
        raise ClaimError(
            f"alias '{alias}' points to '{symbol}', which is not a Yahoo symbol like AAPL or GC=F"
        )
    return symbol


def _raw_symbols(text: str) -> list[AssetMatch]:
    found = []
    for token in _TOKEN_RE.finditer(text):
        raw = token[0]
        stripped = raw.lstrip(_TOKEN_EDGES)
        start = token.start() + len(raw) - len(stripped)
        stripped = stripped.rstrip(_TOKEN_EDGES)
        if looks_like_symbol(stripped):
            found.append(AssetMatch(stripped, stripped, (start, start + len(stripped))))
    return found


def _blank(text: str, span: tuple[int, int]) -> str:
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _ratio_side(name: str, table: Mapping[str, str]) -> tuple[str, str] | None:
    key = name.lower()
    if key in table:
        return name, table[key]
    if looks_like_symbol(name):
        return name, name
    return None


def _ratios(text: str, table: Mapping[str, str]) -> list[AssetMatch]:
    """Ratio mentions ("gold/silver ratio"): one compound asset each."""
    found = []
    for pattern in (_RATIO_RE, _RATIO_TO_RE):
        for match in pattern.finditer(text):
            whole = f"{match['a']}/{match['b']}".lower()
            if whole in table:  # "EUR/USD" is one asset, not a ratio
                continue
            numerator = _ratio_side(match["a"], table)
            denominator = _ratio_side(match["b"], table)
            if numerator is None or denominator is None:
                continue
            if numerator[1] == denominator[1]:
                raise ClaimError(
                    f"'{match[0].strip()}' divides {numerator[1]} by itself: a ratio names two"
                    " assets, like gold/silver"
                )
            symbol = ratio_symbol(numerator[1], denominator[1])
            if len(symbol) > MAX_SYMBOL_LENGTH:
                raise ClaimError(
                    f"ratio symbol '{symbol}' is longer than {MAX_SYMBOL_LENGTH} characters"
                )
            asset = f"{numerator[0]}/{denominator[0]} ratio"
            found.append(AssetMatch(asset, symbol, match.span()))
    return found


def find_asset_mentions(
    text: str, aliases: Mapping[str, str] | None = None, extra: Mapping[str, str] | None = None
) -> tuple[list[AssetMatch], str]:
    """Every asset mentioned in `text`, leftmost first, and the text with them blanked.

    A ratio ("gold/silver ratio") is one mention of a compound asset. `extra`
    adds aliases for this reading only ("crypto" when two assets are compared).
    """
    table = _alias_table(aliases)
    for alias, symbol in (extra or {}).items():
        table.setdefault(alias, symbol)
    ratios = _ratios(text, table)
    rest = text
    for mention in ratios:
        rest = _blank(rest, mention.span)
    pattern = _alias_pattern(tuple(table))
    mentions = [
        AssetMatch(" ".join(m[0].split()), table[" ".join(m[0].lower().split())], m.span())
        for m in pattern.finditer(rest)
    ]
    mentions += _raw_symbols(rest)
    # Leftmost first; at the same place the longer reading ("BTC-USD" over "BTC").
    mentions.sort(key=lambda m: (m.span[0], -(m.span[1] - m.span[0])))
    kept: list[AssetMatch] = []
    for mention in mentions:
        if kept and mention.span[0] < kept[-1].span[1]:
            continue  # the same words read twice ("BTC" as an alias and as a symbol)
        kept.append(mention)
    kept = sorted(ratios + kept, key=lambda m: m.span[0])
    for mention in kept:
        rest = _blank(rest, mention.span)
    for mention in kept:
        key = mention.asset.lower()
        if key in table and table[key] != BUILTIN_ALIASES.get(key) and key not in (extra or {}):
            _checked_symbol(mention.asset, mention.symbol)
            break
    return kept, rest


def find_assets(
    text: str, aliases: Mapping[str, str] | None = None
) -> tuple[AssetMatch | None, str]:
    """The first asset mentioned in `text`, and the text with every asset mention blanked.

    Later mentions are blanked too, so that "S&P 500" in "gold beats the
    S&P 500" is never read as a level of 500.
    """
    mentions, rest = find_asset_mentions(text, aliases)
    if not mentions:
        return None, rest
    first = mentions[0]
    key = first.asset.lower()
    table = _alias_table(aliases)
    if key in table and table[key] != BUILTIN_ALIASES.get(key):
        _checked_symbol(first.asset, first.symbol)
    return first, rest


def resolve_asset(name: str, aliases: Mapping[str, str] | None = None) -> AssetMatch:
    """One asset named on its own (a structured field): an alias or a Yahoo symbol, any case."""
    written = " ".join(str(name).split())
    table = _alias_table(aliases)
    key = written.lower()
    if key not in table and "/" in written:
        ratios = _ratios(written, table)
        if len(ratios) == 1 and ratios[0].span == (0, len(written)):
            return ratios[0]
        legs = ratio_legs(written.upper())
        if legs is not None and all(looks_like_symbol(leg) for leg in legs):
            return AssetMatch(written.upper(), written.upper(), (0, len(written)))
    if key in table:
        symbol = table[key]
        if symbol != BUILTIN_ALIASES.get(key):
            _checked_symbol(written, symbol)
        return AssetMatch(written, symbol, (0, len(written)))
    if looks_like_symbol(written.upper()):
        return AssetMatch(written, written.upper(), (0, len(written)))
    raise ClaimError(f"unknown asset '{written}': {known_assets_hint(aliases)}")


def known_assets_hint(aliases: Mapping[str, str] | None = None) -> str:
    """The short list of names that work, for error messages."""
    names = list(KNOWN_NAMES) + sorted(aliases or {})[:3]
    return f"known: {', '.join(names)}, ...; or a Yahoo symbol like AAPL"


def example_level(symbol: str | None) -> str:
    """A level that reads naturally for `symbol` in a suggested claim."""
    return EXAMPLE_LEVELS.get(symbol or "", DEFAULT_EXAMPLE_LEVEL)
