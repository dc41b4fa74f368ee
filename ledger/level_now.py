"""Fixing a computed level when a claim is recorded, if the data is at hand.

"BTC holds support" names a level that the bars dated on or before made_on
decide. When `add`, `parse`, the TUI or the extractor has those bars (the
ledger's price cache covers the rule's history, or the price source answers
for it), the level is computed at once and the user sees it, with its rule
and the bar it came from, before recording. Otherwise the claim is recorded
with its rule and the level pending; the first resolve run with the bars
fixes it (`ledger.resolver`), from the same rule and the same bars, so the
two ways give one level.

Fetched bars are used, not stored: `parse` writes nothing, and the resolver
fetches and caches what it needs itself.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sqlmodel import Session

from ledger.claims.bounds import BoundsError, check_price
from ledger.claims.model import Claim
from ledger.market.source import PriceSource
from ledger.price_cache import fetch_missing
from ledger.rules.levels import BarArrays, compute_level, history_start
from ledger.store.prices import cached_ranges, load_gaps, load_symbol_bars
from ledger.store.resolving import load_splits


@dataclass(frozen=True)
class LevelNow:
    """The claim with its level fixed where the data allowed, and one line saying what happened."""

    claim: Claim
    message: str | None


def fix_level_now(session: Session, claim: Claim, source: PriceSource | None) -> LevelNow:
    """`claim` with its level fixed from the cache, else from `source` (None: the cache only)."""
    if not claim.level_pending:
        return LevelNow(claim, None)
    rule = claim.level_rule
    assert rule is not None
    first = history_start(rule, claim.made_on)
    cached = cached_ranges(session, [claim.symbol]).get(claim.symbol)
    why_not = "the price cache does not hold the bars it needs"
    if cached is not None and cached.first <= first and cached.last >= claim.made_on:
        bars = load_symbol_bars(session, claim.symbol, first, claim.made_on)
        gaps = load_gaps(session, claim.symbol, first, claim.made_on)
        splits = load_splits(session, [claim.symbol]).get(claim.symbol)
        fixed = _fixed(claim, bars, gaps, splits)
        if fixed.claim.level is not None or source is None:
            return fixed
        why_not = fixed.message or why_not
    if source is not None:
        fetched = fetch_missing(source, {claim.symbol: (first, claim.made_on)})
        error = fetched.errors.get(claim.symbol)
        if error is None:
            return _fixed(
                claim,
                fetched.bars[claim.symbol],
                list(fetched.gaps.get(claim.symbol, {})),
                fetched.splits.get(claim.symbol),
            )
        why_not = f"{source.name} did not answer ({error.code}: {error.message})"
    return LevelNow(claim, _pending_line(claim, why_not))


def _fixed(
    claim: Claim, bars: pd.DataFrame, gaps: list[date], splits: pd.Series | None
) -> LevelNow:
    rule = claim.level_rule
    assert rule is not None
    factor = 1.0
    if splits is not None and len(splits):
        later = splits[splits.index > pd.Timestamp(claim.made_on)]
        factor = float(np.prod(later.to_numpy())) if len(later) else 1.0
    reading = compute_level(
        rule, claim.made_on, BarArrays.from_frame(bars), gaps=gaps, factor=factor
    )
    if reading.level is None:
        return LevelNow(claim, _pending_line(claim, reading.explanation))
    try:
        check_price(reading.level, "computed level")
    except BoundsError as error:
        return LevelNow(claim, _pending_line(claim, str(error)))
    fixed = dataclasses.replace(
        claim, level=reading.level, level_basis=reading.basis, level_note=reading.explanation
    )
    return LevelNow(fixed, reading.explanation)


def _pending_line(claim: Claim, why: str) -> str:
    return (
        f"level pending: {why}; the first 'forecast resolve' with the bars fixes it from bars"
        f" dated on or before {claim.made_on.isoformat()} (or give --level)"
    )
