"""The scoreboard's filter box: what the user types, read into a ClaimScope.

    goldman                     rows whose label contains "goldman"
    source:goldman              only claims by sources whose name contains it
    asset:gold tag:macro        only gold claims (aliases work) tagged macro
    status:open year:2025       only open claims made in 2025

Bare words narrow the rows already on screen (no query); `key:value` terms
narrow the claims that are scored, so the numbers change with them. Parsing
is pure; turning an asset name into a symbol needs the user's aliases and is
done by the worker that runs the query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ledger.errors import UsageError
from ledger.store.core_tables import STATUSES
from ledger.store.views import ClaimScope

FILTER_KEYS = ("source", "asset", "tag", "status", "year")
FILTER_HELP = "words, or source: asset: tag: status: year: (e.g. asset:gold status:open)"


@dataclass(frozen=True)
class BoardFilter:
    """A parsed filter: words for the row labels, key:value terms for the claims."""

    words: str = ""
    source: str | None = None
    asset: str | None = None
    tag: str | None = None
    status: str | None = None
    year: int | None = None

    def scope(self, symbol_for: Callable[[str], str]) -> ClaimScope:
        """The claims this filter keeps; `symbol_for` reads an asset name as a symbol."""
        return ClaimScope(
            source_like=self.source,
            symbol=symbol_for(self.asset) if self.asset else None,
            tag=self.tag,
            status=self.status,
            year=self.year,
        )

    def has_terms(self) -> bool:
        terms = (self.source, self.asset, self.tag, self.status, self.year)
        return any(term is not None for term in terms)

    def matches(self, label: str) -> bool:
        """Does a row label contain every bare word (case-insensitive)?"""
        folded = label.casefold()
        return all(word in folded for word in self.words.casefold().split())


def parse_filter(text: str) -> BoardFilter:
    """Read the filter box; raises UsageError naming the term it cannot read."""
    words: list[str] = []
    terms: dict[str, str] = {}
    for token in text.split():
        key, colon, value = token.partition(":")
        if not colon:
            words.append(token)
            continue
        key = key.lower()
        if key not in FILTER_KEYS:
            raise UsageError(f"unknown filter {key!r}: use {', '.join(FILTER_KEYS)}")
        if not value:
            raise UsageError(f"filter {key}: needs a value, e.g. {key}:{_example(key)}")
        terms[key] = value
    status = terms.get("status")
    if status is not None:
        status = status.lower()
        if status not in STATUSES:
            raise UsageError(f"status:{status}: use one of {', '.join(STATUSES)}")
    year = terms.get("year")
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise UsageError(f"year:{year}: write a year like year:2025")
    return BoardFilter(
        words=" ".join(words),
        source=terms.get("source"),
        asset=terms.get("asset"),
        tag=terms.get("tag"),
        status=status,
        year=int(year) if year is not None else None,
    )


def _example(key: str) -> str:
    return {
        "source": "goldman",
        "asset": "gold",
        "tag": "macro",
        "status": "open",
        "year": "2025",
    }[key]
