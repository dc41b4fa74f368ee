"""The shipped instrument table: its shape, so a bad edit fails here and not in a claim."""

from __future__ import annotations

from ledger.claims.assets import BUILTIN_ALIASES, looks_like_symbol
from ledger.claims.instruments import NameRule, instrument_names


def test_every_row_names_a_symbol_the_ledger_can_record() -> None:
    table = instrument_names()
    assert len(table) > 700
    for key, entry in table.items():
        assert key == " ".join(entry.name.lower().split())
        assert looks_like_symbol(entry.symbol), entry
        assert entry.category in {"sp500", "index", "commodity", "fx", "crypto"}


def test_the_sp500_is_there_by_common_name() -> None:
    table = instrument_names()
    symbols = {entry.symbol for entry in table.values() if entry.category == "sp500"}
    assert len(symbols) >= 490
    assert {"NVDA", "AAPL", "MSFT", "GOOGL", "AMZN", "META", "BRK-B", "JPM", "TSLA"} <= symbols
    assert table["nvidia"].symbol == "NVDA"
    assert "nvidia corporation" not in table  # legal names are turned into common ones


def test_ticker_rows_are_lower_case_tickers_of_their_symbol() -> None:
    for key, entry in instrument_names().items():
        if entry.rule is NameRule.TICKER:
            assert key == entry.symbol.lower()


def test_ordinary_words_have_a_case_rule() -> None:
    table = instrument_names()
    for word in ("apple", "oracle", "visa", "meta", "ford", "best buy"):
        assert table[word].rule is NameRule.CAPITALISED, word
    for word in ("target", "block", "goldman sachs", "jpmorgan"):
        assert table[word].rule is NameRule.CONTEXT, word


def test_the_code_builtins_are_not_contradicted() -> None:
    table = instrument_names()
    for key, symbol in BUILTIN_ALIASES.items():
        if key in table:
            assert table[key].symbol == symbol
