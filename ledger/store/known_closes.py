"""The close the price cache holds nearest a day, for many (symbol, day) pairs at once.

Used to say when a level looks like a typo (`ledger.claims.plausibility`):
the last close on or before the call's day, or, when the cache starts later,
its first close. A ratio (`GC=F/SI=F`) is its legs' closes divided, each
leg's own nearest close.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from ledger.claims.pairs import ratio_legs
from ledger.claims.plausibility import KnownClose
from ledger.store import core_tables
from ledger.store.bar_blocks import EPOCH_ORDINAL, closes_between
from ledger.store.batching import chunks


def known_closes(
    session: Session, wanted: Iterable[tuple[str, date]]
) -> dict[tuple[str, date], KnownClose]:
    """Per (symbol, day) the cache can answer for, the close nearest that day (on or
    before it when there is one). One query per batch of symbols; a binary search per day."""
    pairs = set(wanted)
    plain: set[str] = set()
    for symbol, _ in pairs:
        plain.update(ratio_legs(symbol) or (symbol,))
    # Plain lists and `bisect`: `forecast add` looks up one day, and numpy would
    # cost its start more than the search saves (a test holds the two equal).
    series: dict[str, tuple[list[int], list[float]]] = {}
    block = core_tables.price_bar_block.c
    for chunk in chunks(sorted(plain)):
        rows = session.execute(
            select(block.symbol, block.days, block.close)
            .where(block.symbol.in_(chunk))
            .order_by(block.symbol, block.year)
        ).all()
        by_symbol: dict[str, list[tuple[bytes, bytes]]] = {}
        for symbol, days, closes in rows:
            by_symbol.setdefault(symbol, []).append((days, closes))
        for symbol, blocks in by_symbol.items():
            numbers, closes = closes_between(blocks)
            series[symbol] = ([n + EPOCH_ORDINAL for n in numbers], closes)
    found: dict[tuple[str, date], KnownClose] = {}
    if not series:  # a ledger with no bars (a first import): nothing to look up
        return found
    for symbol, day in pairs:
        legs = ratio_legs(symbol)
        if legs is None:
            known = _nearest(series.get(symbol), day)
        else:
            top, bottom = (_nearest(series.get(leg), day) for leg in legs)
            known = (
                KnownClose(min(top.day, bottom.day), top.close / bottom.close)
                if top and bottom and bottom.close > 0
                else None
            )
        if known is not None:
            found[(symbol, day)] = known
    return found


def _nearest(series: tuple[list[int], list[float]] | None, day: date) -> KnownClose | None:
    """The last close on or before `day`, or the first close when the series starts later."""
    if series is None:
        return None
    days, closes = series
    index = max(bisect_right(days, day.toordinal()) - 1, 0)
    return KnownClose(date.fromordinal(days[index]), closes[index])
