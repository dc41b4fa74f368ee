"""Asset names and raw Yahoo symbols."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.claims.assets import (
    BUILTIN_ALIASES,
    asset_mentions,
    asset_table,
    builtin_names,
    find_assets,
    looks_like_symbol,
    resolve_asset,
    unknown_name,
)
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


# ---------------------------------------------------------------- the instrument table

TABLE = [
    ("Nvidia", "NVDA"),
    ("NVIDIA", "NVDA"),
    ("nvidia", "NVDA"),
    ("Apple", "AAPL"),
    ("Microsoft", "MSFT"),
    ("Alphabet", "GOOGL"),
    ("Google", "GOOGL"),
    ("Meta", "META"),
    ("Facebook", "META"),
    ("Berkshire Hathaway", "BRK-B"),
    ("Nasdaq 100", "^NDX"),
    ("Nasdaq-100", "^NDX"),
    ("Nasdaq", "^IXIC"),
    ("Dow Jones", "^DJI"),
    ("Russell 2000", "^RUT"),
    ("DAX", "^GDAXI"),
    ("FTSE 100", "^FTSE"),
    ("Nikkei 225", "^N225"),
    ("Hang Seng", "^HSI"),
    ("Euro Stoxx 50", "^STOXX50E"),
    ("VIX", "^VIX"),
    ("copper", "HG=F"),
    ("platinum", "PL=F"),
    ("natural gas", "NG=F"),
    ("Brent", "BZ=F"),
    ("wheat", "ZW=F"),
    ("coffee", "KC=F"),
    ("dollar-yen", "JPY=X"),
    ("USD/JPY", "JPY=X"),
    ("cable", "GBPUSD=X"),
    ("GBP/USD", "GBPUSD=X"),
    ("USD/CHF", "CHF=X"),
    ("AUD/USD", "AUDUSD=X"),
    ("USD/CNY", "CNY=X"),
    ("DXY", "DX-Y.NYB"),
    ("dollar index", "DX-Y.NYB"),
    ("solana", "SOL-USD"),
    ("XRP", "XRP-USD"),
    ("dogecoin", "DOGE-USD"),
    ("cardano", "ADA-USD"),
    ("Avalanche", "AVAX-USD"),
]


@pytest.mark.parametrize(("name", "symbol"), TABLE, ids=[name for name, _ in TABLE])
def test_table_names(name: str, symbol: str) -> None:
    found, rest = find_assets(f"{name} reaches 123 by end-2026")
    assert found is not None
    assert (found.asset, found.symbol, found.note) == (name, symbol, None)
    assert name not in rest


@pytest.mark.parametrize(("name", "symbol"), ALIASES, ids=[name for name, _ in ALIASES])
def test_the_old_builtins_keep_their_symbols(name: str, symbol: str) -> None:
    assert builtin_names()[name.lower()] == symbol


NOT_AN_ASSET = [
    pytest.param("the apple harvest doubles 300 by end-2026", id="apple-lower-case-is-the-fruit"),
    pytest.param("pineapple 3 by end-2026", id="inside-a-word"),
    pytest.param("Target 5000 by end-2026", id="target-is-a-level-word"),
    pytest.param("my price target 5000 by end-2026", id="target-lower"),
    pytest.param("Goldman Sachs says 5000 by end-2026", id="bank-as-source"),
    pytest.param("the block 300 by end-2026", id="block-lower"),
    pytest.param("teslas 300 by end-2026", id="plural-is-another-word"),
    pytest.param("etc 300 by end-2026", id="etc-lower"),
    pytest.param("cost 300 by end-2026", id="word-ticker-lower"),
]


@pytest.mark.parametrize("text", NOT_AN_ASSET)
def test_ordinary_words_are_not_assets(text: str) -> None:
    found, _ = find_assets(text)
    assert found is None, found


CONTEXT = [
    ("Target shares reach 200 by end-2026", "TGT"),
    ("Target stock 200 by end-2026", "TGT"),
    ("shares of Target 200 by end-2026", "TGT"),
    ("Goldman Sachs shares 900 by end-2026", "GS"),
    ("JPMorgan stock 350 by end-2026", "JPM"),
    ("Block Inc 100 by end-2026", "XYZ"),
]


@pytest.mark.parametrize(("text", "symbol"), CONTEXT, ids=[t for t, _ in CONTEXT])
def test_context_names_need_a_stock_word(text: str, symbol: str) -> None:
    found, _ = find_assets(text)
    assert found is not None and found.symbol == symbol


def test_a_bank_speaking_leaves_the_asset_to_the_call() -> None:
    found, _ = find_assets("Goldman Sachs expects gold at 5000")
    assert found is not None and found.symbol == "GC=F"


@pytest.mark.parametrize(
    ("text", "asset", "symbol"),
    [
        ("Nvidia's shares 250", "Nvidia", "NVDA"),
        ("Apple's stock 300", "Apple", "AAPL"),
        ("the Nasdaq 100's level 30000", "Nasdaq 100", "^NDX"),
    ],
    ids=["nvidia", "apple", "multi-word"],
)
def test_possessives(text: str, asset: str, symbol: str) -> None:
    found, _ = find_assets(text)
    assert found is not None and (found.asset, found.symbol) == (asset, symbol)


@pytest.mark.parametrize(
    ("text", "asset", "symbol"),
    [
        ("Bitcoin Cash 700", "Bitcoin Cash", "BCH-USD"),
        ("S&P Global 600", "S&P Global", "SPGI"),
        ("Ethereum Classic 30", "Ethereum Classic", "ETC-USD"),
        ("Brent crude 80", "Brent crude", "BZ=F"),
        ("Nasdaq Composite 20000", "Nasdaq Composite", "^IXIC"),
    ],
    ids=["bitcoin-cash", "s&p-global", "ethereum-classic", "brent-crude", "nasdaq-composite"],
)
def test_the_longest_name_wins(text: str, asset: str, symbol: str) -> None:
    found, _ = find_assets(text)
    assert found is not None and (found.asset, found.symbol) == (asset, symbol)


@pytest.mark.parametrize(
    ("written", "symbol"), [("nvda", "NVDA"), ("aapl", "AAPL"), ("tsla", "TSLA"), ("amd", "AMD")]
)
def test_lower_case_tickers_are_read_with_an_assumption(written: str, symbol: str) -> None:
    found, _ = find_assets(f"{written} 200 by end-2026")
    assert found is not None
    assert (found.symbol, found.note) == (symbol, f"'{written}' read as {symbol}")
    upper, _ = find_assets(f"{symbol} 200 by end-2026")
    assert upper is not None and (upper.symbol, upper.note) == (symbol, None)


def test_a_user_alias_wins_over_the_table() -> None:
    found, _ = find_assets("nvidia 200", {"nvidia": "NVD.DE"})
    assert found is not None and found.symbol == "NVD.DE"


def test_the_lookup_is_built_once_per_alias_set() -> None:
    assert asset_table({"Copper": "HG=F"}) is asset_table({"copper": " HG=F "})
    assert asset_table(None) is asset_table({})
    table = asset_table({"rheinmetall": "RHM.DE"})
    assert asset_table(table) is table
    found, _ = find_assets("Rheinmetall 2000", table)
    assert found is not None and found.symbol == "RHM.DE"


def test_mentions_are_all_found_in_order_without_overlap() -> None:
    mentions = asset_mentions("Nvidia beats Apple and BTC-USD, not the S&P 500")
    assert [(m.asset, m.symbol) for m in mentions] == [
        ("Nvidia", "NVDA"),
        ("Apple", "AAPL"),
        ("BTC-USD", "BTC-USD"),
        ("S&P 500", "^GSPC"),
    ]


@pytest.mark.parametrize(
    ("rest", "name"),
    [
        ("Palantirx Technologies            ", "Palantirx Technologies"),
        ("   the Rheinmetall's     ", "Rheinmetall"),
        ("  will rivn    ", "rivn"),
        ("          ", None),
    ],
    ids=["capitalised-run", "possessive", "lower-case", "nothing"],
)
def test_unknown_name(rest: str, name: str | None) -> None:
    assert unknown_name(rest) == name


_WORDS = st.sampled_from(
    ["Nvidia", "apple", "Apple", "Target", "shares", "nvda", "S&P", "500", "Nasdaq", "100",
     "dollar-yen", "'s", "-", "/", "gold", "BTC-USD", "pineapple", "of", "Bank", "America"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=8)), max_size=12))
def test_find_assets_keeps_positions_and_spans_point_at_the_text(words: list[str]) -> None:
    text = " ".join(words)
    try:
        found, rest = find_assets(text)
    except ClaimError as error:  # "Nvidia / Nvidia": a ratio of an asset to itself
        assert "divides" in str(error)
        return
    assert len(rest) == len(text)
    for mention in asset_mentions(text):
        start, end = mention.span
        assert " ".join(text[start:end].split()) == mention.asset
    if found is not None:
        assert rest[found.span[0] : found.span[1]].strip() == ""
