"""Which price series judges a claim, and what that series is.

A claim names an asset ("gold"); the ledger judges it on one series of
prices (GC=F). The two are not always the same thing: gold is judged on
COMEX front-month futures, which stand in for spot gold (the LBMA price bank
targets usually mean) and differ from it by a median of -0.04%, on single
days by -2.2% to +3.1%. Saying so wherever a verdict is shown lets a reader
judge the verdict for what it stood on.

The table below is data: one entry per built-in asset, the series as Yahoo
serves it and what it means for a claim. Any other symbol is described by
its kind, read from its shape (``=F`` futures, ``=X`` currencies, ``-USD``
crypto, ``^`` indices, ``A/B`` a ratio of two series). A claim or an alias
can name any series: a raw symbol in the claim ("XAUUSD touch_above 2400"),
or an alias (`forecast alias add "spot gold" XAUUSD`), served by Yahoo or by
a CSV file of the user's own (`--prices csv:DIR` reads DIR/XAUUSD.csv). Where
the prices came from is the resolution's data source, shown beside this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ledger.claims.pairs import ratio_legs


@dataclass(frozen=True)
class SeriesInfo:
    """A series: its symbol, what it is, and what that means for a claim judged on it."""

    symbol: str
    name: str
    meaning: str

    def line(self) -> str:
        """'GC=F: COMEX gold futures, front month (USD/oz); stands in for spot gold ...'"""
        return f"{self.symbol}: {self.name}; {self.meaning}"

    def to_json(self) -> dict[str, str]:
        return {"symbol": self.symbol, "name": self.name, "meaning": self.meaning}


def _series(symbol: str, name: str, meaning: str) -> tuple[str, SeriesInfo]:
    return symbol, SeriesInfo(symbol, name, meaning)


BUILTIN_SERIES: Mapping[str, SeriesInfo] = MappingProxyType(
    dict(
        (
            _series(
                "GC=F",
                "COMEX gold futures, continuous front month (USD per troy ounce)",
                "a stand-in for spot gold (LBMA): futures differ from spot by a median of "
                "-0.04%, on single days by -2.2% to +3.1%; bars around a contract roll may be "
                "revised by up to 1.6%",
            ),
            _series(
                "SI=F",
                "COMEX silver futures, continuous front month (USD per troy ounce)",
                "a stand-in for spot silver: futures differ from spot by the basis; bars "
                "around a contract roll may be revised by up to 3.5%",
            ),
            _series(
                "CL=F",
                "NYMEX WTI crude oil futures, continuous front month (USD per barrel)",
                "the front-month contract, not Brent and not a physical spot price; it can "
                "trade below zero (it settled at -37.63 on 2020-04-20)",
            ),
            _series(
                "^GSPC",
                "S&P 500 index (points)",
                "the price index itself, without dividends; not SPY or the ES futures",
            ),
            _series(
                "BTC-USD",
                "Bitcoin in US dollars, a CoinMarketCap-style average across exchanges",
                "trades around the clock: a daily bar is a UTC day; one exchange's print "
                "(a wick on a single venue) may lie outside it",
            ),
            _series(
                "ETH-USD",
                "Ether in US dollars, a CoinMarketCap-style average across exchanges",
                "trades around the clock: a daily bar is a UTC day; one exchange's print "
                "may lie outside it",
            ),
            _series(
                "EURUSD=X",
                "EUR/USD exchange rate (US dollars per euro), Yahoo's indicative quote",
                "an indicative interbank rate, not one venue's trades; its bars often have an "
                "open or close outside their high-low range (repaired, and flagged)",
            ),
        )
    )
)
"""The built-in assets' series (`ledger.claims.assets.BUILTIN_ALIASES` names them)."""


def describe_series(symbol: str) -> SeriesInfo:
    """What the series `symbol` is: the table's entry, or a description from its shape."""
    known = BUILTIN_SERIES.get(symbol)
    if known is not None:
        return known
    legs = ratio_legs(symbol)
    if legs is not None:
        first, second = legs
        return SeriesInfo(
            symbol,
            f"the ratio of {first}'s close to {second}'s close",
            "judged on daily closes only (two markets' intraday highs and lows do not "
            "happen at the same moment)",
        )
    upper = symbol.upper()
    if upper.endswith("=F"):
        return SeriesInfo(
            symbol,
            f"futures, continuous front month ({symbol} as Yahoo serves it)",
            "a futures price, not spot: it differs from spot by the basis, and bars around "
            "a contract roll may be revised",
        )
    if upper.endswith("=X"):
        return SeriesInfo(
            symbol,
            f"exchange rate ({symbol}), Yahoo's indicative quote",
            "an indicative interbank rate, not one venue's trades",
        )
    if upper.endswith(("-USD", "-EUR", "-USDT")):
        return SeriesInfo(
            symbol,
            f"crypto price ({symbol}), an average across exchanges",
            "trades around the clock: a daily bar is a UTC day",
        )
    if upper.startswith("^"):
        return SeriesInfo(
            symbol, f"index level ({symbol})", "the price index itself, without dividends"
        )
    return SeriesInfo(
        symbol,
        f"{symbol} as the price source quotes it (a stock or fund on Yahoo, or a series "
        f"of your own in {symbol}.csv with --prices csv:DIR)",
        "raw quoted prices, never dividend-adjusted; a level is compared in split-adjusted units",
    )


def price_source_text(data_source: str | None, symbol: str) -> str | None:
    """Where a verdict's prices came from, in words ('Yahoo', 'your file DIR/SYM.csv')."""
    if not data_source:
        return None
    kind, _, where = data_source.partition(":")
    if kind.strip().lower() == "csv" and where:
        files = [f"{where.rstrip('/')}/{leg}.csv" for leg in ratio_legs(symbol) or (symbol,)]
        return f"your CSV file{'s' if len(files) > 1 else ''} {', '.join(files)}"
    if kind.strip().lower() == "yahoo":
        return "Yahoo Finance"
    return data_source
