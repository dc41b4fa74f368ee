"""Asset names and raw Yahoo symbols."""

from __future__ import annotations

import pytest

from ledger.claims.assets import BUILTIN_ALIASES, find_assets, looks_like_symbol, resolve_asset
from ledger.errors import ClaimError

ALIASES = [
    ("gold", "GC=F"),
    ("Gold", "GC=F"),
    ("XAU", "GC=F"),
    ("silver", "SI=F"),
    ("XAG", "SI=F"),
    ("bitcoin", "BTC-USD"),
    ("BTC", "BTC-USD"),
    ("btc", "BTC-USD"),
    ("ether", "ETH-USD"),
    ("ethereum", "ETH-USD"),
    ("ETH", "ETH-USD"),
    ("S&P 500", "^GSPC"),
    ("S&P", "^GSPC"),
    ("SPX", "^GSPC"),
    ("S&P500", "^GSPC"),
    ("oil", "CL=F"),
    ("WTI", "CL=F"),
    ("crude", "CL=F"),
    ("EURUSD", "EURUSD=X"),
    ("EUR/USD", "EURUSD=X"),
]


@pytest.mark.parametrize(("name", "symbol"), ALIASES, ids=[name for name, _ in ALIASES])
def test_builtin_aliases(name: str, symbol: str) -> None:
    found, rest = find_assets(f"{name} 123 by end-2026")
    assert found is not None
    assert (found.asset, found.symbol) == (name, symbol)
    assert name not in rest
    assert resolve_asset(name).symbol == symbol


SYMBOLS = ["AAPL", "MSFT", "^GSPC", "GC=F", "BTC-USD", "EURUSD=X", "7203.T", "BRK-B"]


@pytest.mark.parametrize("symbol", SYMBOLS)
def test_raw_yahoo_symbols_are_taken_as_written(symbol: str) -> None:
    found, _ = find_assets(f"{symbol} 100 by end-2026")
    assert found is not None
    assert (found.asset, found.symbol) == (symbol, symbol)


NOT_SYMBOLS = ["EOY", "Q3", "H1", "YTD", "USD", "EOD", "150K", "X2", "aapl", "2026", "I", "A"]


@pytest.mark.parametrize("token", NOT_SYMBOLS)
def test_date_words_units_and_lower_case_are_not_symbols(token: str) -> None:
    assert not looks_like_symbol(token)


def test_first_mention_wins() -> None:
    found, rest = find_assets("gold beats the S&P 500 and AAPL")
    assert found is not None
    assert found.symbol == "GC=F"
    assert "500" not in rest  # a later asset is blanked too, never read as a level


def test_longer_symbol_beats_the_alias_inside_it() -> None:
    found, _ = find_assets("BTC-USD touch_above x2")
    assert found is not None
    assert found.symbol == "BTC-USD"


def test_user_aliases_add_to_and_override_builtins() -> None:
    aliases = {"apple": "AAPL", "gold": "GLD"}
    found, _ = find_assets("Apple 300", aliases)
    assert found is not None
    assert (found.asset, found.symbol) == ("Apple", "AAPL")
    assert resolve_asset("gold", aliases).symbol == "GLD"
    assert BUILTIN_ALIASES["gold"] == "GC=F"  # the built-in table is untouched


def test_user_alias_to_a_non_symbol_is_refused() -> None:
    with pytest.raises(ClaimError, match="not a Yahoo symbol"):
        find_assets("apple 300", {"apple": "not a symbol"})


def test_resolve_asset_accepts_symbols_in_any_case() -> None:
    assert resolve_asset("aapl").symbol == "AAPL"


def test_resolve_asset_unknown() -> None:
    with pytest.raises(ClaimError, match=r"unknown asset 'my house'.*AAPL"):
        resolve_asset("my house")
