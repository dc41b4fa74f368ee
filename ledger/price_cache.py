"""Deciding what to fetch: the part of a needed date range the bar cache lacks.

Shared by the resolver and the market baseline, so that both fetch at most
one range per symbol and never a range the cache already holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from ledger.market.source import ErrorCode, FetchResult, PriceSource, SymbolError
from ledger.store.prices import CachedRange

REFETCH_DAYS = 5  # the latest bars may have been partial or revised: fetch them again


def missing_range(
    needed: tuple[date, date], cached: CachedRange | None, as_of: date
) -> tuple[date, date] | None:
    """What to fetch: the part of `needed` the cache lacks, as one range.

    The cache's last few days are fetched again when they are recent (the
    latest bar may have been partial when it was stored). Head and tail gaps
    are merged into one range, so a symbol costs at most one request.
    """
    first, last = needed
    if cached is None:
        return needed
    pieces: list[tuple[date, date]] = []
    if first < cached.first:
        pieces.append((first, cached.first - timedelta(days=1)))
    recent = as_of - cached.last <= timedelta(days=REFETCH_DAYS)
    if last > cached.last or (recent and last >= cached.last - timedelta(days=REFETCH_DAYS)):
        pieces.append((max(first, cached.last - timedelta(days=REFETCH_DAYS)), last))
    if not pieces:
        return None
    return min(p[0] for p in pieces), max(p[1] for p in pieces)


def fetch_missing(source: PriceSource, wanted: Mapping[str, tuple[date, date]]) -> FetchResult:
    if not wanted:
        return FetchResult()
    try:
        return source.fetch(wanted)
    except Exception as exc:  # a source bug must not lose the run: every symbol stays open
        error = SymbolError(ErrorCode.SOURCE_ERROR, f"{source.name} failed: {exc}")
        return FetchResult(errors=dict.fromkeys(wanted, error))
