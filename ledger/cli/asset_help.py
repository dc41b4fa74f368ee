"""The one line shown for a claim that names no known asset, with Yahoo's suggestions.

The parser (pure) says the claim names no asset and which words were likely
meant as one; here, at the rim, Yahoo's search is asked for symbols matching
those words and the line says what to type next. Nothing is recorded or
chosen on the user's behalf. With FORECAST_OFFLINE set, or when Yahoo cannot
be reached, the line says how to add an alias instead.
"""

from __future__ import annotations

import os
import re

from ledger.claims.instruments import name_key
from ledger.errors import UnknownAssetError
from ledger.market.search import SymbolSearch, search_symbols

OFFLINE_ENV = "FORECAST_OFFLINE"
_SHOWN_LENGTH = 60


def unknown_asset_message(error: UnknownAssetError) -> str:
    """The error's line, with symbols Yahoo proposes for the unknown name when it can."""
    if error.name is None:
        return str(error)
    if os.environ.get(OFFLINE_ENV):
        found = SymbolSearch(error=f"{OFFLINE_ENV} is set")
    else:
        found = search_symbols(error.name)
    return compose(error, found)


def compose(error: UnknownAssetError, found: SymbolSearch) -> str:
    """Word the line from the parser's error and what the search found."""
    name = error.name or ""
    typed = " ".join(error.text.split())
    shown = typed if len(typed) <= _SHOWN_LENGTH else typed[: _SHOWN_LENGTH - 3] + "..."
    key = name_key(name)
    alias = f'"{key}"' if " " in key else key
    head = f"'{shown}' names no asset: '{name}' is not a known name"
    if found.suggestions:
        best = found.suggestions[0]
        listed = ", ".join(
            f"{s.symbol} ({s.name}, {s.exchange})" if s.exchange else f"{s.symbol} ({s.name})"
            for s in found.suggestions
        )
        rewritten = _with_symbol(typed, name, best.symbol)
        return (
            f"{head}: Yahoo suggests {listed}; add it with 'forecast alias add {alias}"
            f" {best.symbol}', or write the symbol: '{rewritten}'"
        )
    if found.error is None:
        return (
            f"{head}, and Yahoo's search knows no symbol for it; if it has one, add it with"
            f" 'forecast alias add {alias} SYMBOL' or write the symbol in its place"
        )
    return (
        f"{head} (Yahoo could not be asked: {found.error}); add it with"
        f" 'forecast alias add {alias} SYMBOL' or write its Yahoo symbol in its place"
    )


def _with_symbol(text: str, name: str, symbol: str) -> str:
    """The claim with the unknown name replaced by `symbol`, all else as the user wrote it."""
    pattern = re.compile(r"(?<![\w.])" + re.escape(name) + r"(?:'s)?(?!\w)")
    return pattern.sub(symbol, text, count=1)
