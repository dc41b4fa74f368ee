"""A sell-side price target on one company's stock, given with no date: a 12-month call.

Brokers publish a stock's price target as where they see the shares in twelve months;
a note that says "a $350 target on Nvidia" leaves the horizon out because every reader
knows it. For such a call the extractor's default horizon (12 months) is no guess, so
the missing date does not cap its confidence. Indices, commodities, currencies and coins
have no such convention ("a target of 2,175 for the S&P 500" may be a year-end one): their
undated calls stay for the user to date.
"""

from __future__ import annotations

import re

from ledger.claims.instruments import symbols_in

CONVENTIONAL_MONTHS = 12

# "has a $350 target", "a price target of just $220", "raised his target to $265 from $225",
# "its price objective on the shares to $180": the target word just before the level
_TARGET_BEFORE = re.compile(
    r"\b(?:price\s+)?(?:target|objective)\s+(?:(?:on|for)\s+[\w&.'-]+(?:\s+(?:shares|stock))?"
    r"\s+)?(?:(?:of|to|at)\s+)?(?:(?:just|only|about|around|roughly|a\s+street-high)\s+)?$",
    re.IGNORECASE,
)
# "$350 target", "$220 price target", "a $180 12-month objective"
_TARGET_AFTER = re.compile(
    r"\s*(?:(?:street-high|street-low|new|raised|lowered)\s+)?(?:price\s+)?(?:target|objective)\b",
    re.IGNORECASE,
)
_REACH = 40  # characters before the level where its target word may stand


def is_stock(symbol: str) -> bool:
    """A single company's listed shares, as the instrument table or a marked ticker names it."""
    if symbol in symbols_in("sp500"):
        return True
    # "$PLTR", "(NASDAQ: ARM)": a ticker of letters; indices (^), futures and pairs (=) and
    # coins (-USD) are not stocks
    return bool(re.fullmatch(r"[A-Z]{1,5}(?:[.-][A-Z])?", symbol))


def is_stock_price_target(work: str, level_start: int, level_end: int, symbol: str) -> bool:
    """Whether the level at work[level_start:level_end] is a price target on a stock."""
    if not is_stock(symbol):
        return False
    before = work[max(0, level_start - _REACH) : level_start]
    return bool(_TARGET_BEFORE.search(before) or _TARGET_AFTER.match(work, level_end))
