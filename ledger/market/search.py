"""Yahoo's symbol search, for names the ledger does not know ("Rheinmetall").

Used only to word an error: when a claim names something the ledger cannot
read, the CLI asks Yahoo which symbols match the name and shows them. It never
picks one: a name can match several listings (a share class, a foreign line,
an ETF), and only the user knows which was meant.

Everything is caught here: a search that fails (offline, rate-limited, slow)
comes back as a reason in words, so the error it was asked for still reads
as one line.
"""

from __future__ import annotations

from dataclasses import dataclass

import yfinance as yf

from ledger.claims.assets import looks_like_symbol
from ledger.market.yahoo import yfinance_raising_quietly

SEARCH_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class SymbolSuggestion:
    """One listing Yahoo proposes for a name."""

    symbol: str
    name: str
    exchange: str


@dataclass(frozen=True)
class SymbolSearch:
    """What a search found, or why it could not be made (`error`)."""

    suggestions: tuple[SymbolSuggestion, ...] = ()
    error: str | None = None


def search_symbols(
    query: str, *, limit: int = 3, timeout: float = SEARCH_TIMEOUT_SECONDS
) -> SymbolSearch:
    """Up to `limit` Yahoo listings whose name matches `query`, best first."""
    try:
        with yfinance_raising_quietly():
            search = yf.Search(
                query,
                max_results=limit,
                news_count=0,
                lists_count=0,
                include_cb=False,
                recommended=limit,
                timeout=timeout,
                raise_errors=True,
            )
            quotes = list(search.quotes)
    except Exception as error:  # any failure only means "no suggestions"
        first = str(error).strip().splitlines()
        return SymbolSearch(error=first[0][:200] if first else type(error).__name__)
    suggestions = []
    for quote in quotes:
        symbol = str(quote.get("symbol", "")).strip()
        if not looks_like_symbol(symbol):
            continue  # the ledger could not record it anyway
        name = str(quote.get("longname") or quote.get("shortname") or symbol).strip()
        exchange = str(quote.get("exchDisp") or quote.get("exchange") or "").strip()
        suggestions.append(SymbolSuggestion(symbol, name, exchange))
    return SymbolSearch(suggestions=tuple(suggestions[:limit]))
