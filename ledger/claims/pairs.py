"""Claims about two assets at once: how they are named.

A ratio ("the gold/silver ratio") is one series built from two: its symbol
is the two Yahoo symbols joined by a slash, "GC=F/SI=F". No Yahoo symbol
contains a slash, so a compound symbol can never be mistaken for one the
price source is asked for; the resolver asks for its legs instead and
builds the ratio's bars from their closes on the days both traded.

An outperformance ("gold outperforms bitcoin") keeps its two legs apart
(`Claim.symbol` and `Claim.versus_symbol`); it is grouped and scored under
the pair "GC=F vs BTC-USD".
"""

from __future__ import annotations

RATIO_SEPARATOR = "/"
PAIR_SEPARATOR = " vs "
MAX_SYMBOL_LENGTH = 40  # the ledger's symbol column


def ratio_symbol(numerator: str, denominator: str) -> str:
    return f"{numerator}{RATIO_SEPARATOR}{denominator}"


def ratio_legs(symbol: str) -> tuple[str, str] | None:
    """The numerator and denominator of a compound ratio symbol, or None for a plain one."""
    numerator, slash, denominator = symbol.partition(RATIO_SEPARATOR)
    if not slash or not numerator or not denominator or RATIO_SEPARATOR in denominator:
        return None
    return numerator, denominator


def is_ratio(symbol: str) -> bool:
    return ratio_legs(symbol) is not None


def pair_key(symbol: str, versus_symbol: str) -> str:
    """The name an outperformance is grouped under: "GC=F vs BTC-USD"."""
    return f"{symbol}{PAIR_SEPARATOR}{versus_symbol}"


def pair_legs(key: str) -> tuple[str, str] | None:
    """The two symbols of a pair key, or None for any other symbol."""
    first, separator, second = key.partition(PAIR_SEPARATOR)
    if not separator or not first or not second:
        return None
    return first, second


def legs_of(key: str) -> tuple[str, ...]:
    """The symbols a price source must be asked for to judge claims grouped under `key`."""
    return ratio_legs(key) or pair_legs(key) or (key,)
