"""Which asset a sentence that names none is about, when the one named last was in passing.

A sentence that names no asset ("Prices could reach $150,000 by the end of 2026")
is read as about the asset named just before: most of the time the article's
own subject, carried from sentence to sentence. A bitcoin post that mentions gold
once ("Gold, by contrast, has stalled near $4,000") would then hand gold the next
bitcoin level, a call on gold at $150,000 recorded under the bank's name.

The day's price the article gave for the asset so chosen settles it: a level
nowhere near that price (not within a factor of three of it) is not a call on it.
It is read as another asset the sentence before named (or the article's subject)
whose price of the day is near the level, else as the one of them the article gave
no price for, which nothing rules out ("Bitcoin trades at $92,000 and gold at
$4,050. Prices could reach $5,000": gold). With
no price of the day for the asset chosen, nothing is changed: "near" cannot be
judged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Prices of one asset move far within a year, yet not by a factor of three either way in
# the horizons articles forecast over; two assets' prices differ by far more (gold near
# $4,000, bitcoin near $100,000, the S&P 500 near 7,000, EUR/USD near 1.2).
_NEAR_FACTOR = 3.0


def asset_meant(
    carried: str,
    topic: str | None,
    named_before: Sequence[str],
    price_now: Mapping[str, float],
    levels: Sequence[float],
) -> str:
    """The asset a sentence naming none is about: `carried` (the one the rules before chose),
    unless none of the sentence's price `levels` is near `carried`'s price of the day.
    Then it is another asset named in the sentence before (`named_before`) or the
    article's `topic` whose price of the day is near a level; else the one of them the
    article gave no price for, if there is exactly one; else `carried` still."""
    if not levels:
        return carried
    price = price_now.get(carried)
    if price is None or any(_near(level, price) for level in levels):
        return carried
    others = [
        s for s in dict.fromkeys((*named_before, *([topic] if topic else []))) if s != carried
    ]
    for symbol in others:
        known = price_now.get(symbol)
        if known is not None and any(_near(level, known) for level in levels):
            return symbol
    # an asset the article gave no price for cannot be ruled out, as `carried` was
    unpriced = [symbol for symbol in others if symbol not in price_now]
    return unpriced[0] if len(unpriced) == 1 else carried


def _near(level: float, price: float) -> bool:
    return level > 0 and price / _NEAR_FACTOR <= level <= price * _NEAR_FACTOR
