"""The names articles give assets, and the words that say a sentence is about another.

Kept apart from the cue and level tables because it answers one question, "which
symbol is this sentence about?": the article names on top of the claim language's
aliases, vague names and anaphora ("the metal", "it"), ticker forms ($NVDA,
"(NYSE: NVDA)") and assets the extractor has no symbol for.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Names articles use, on top of the claim language's built-in aliases and the
# user's own. Only real Yahoo symbols: a name whose symbol does not exist would
# record a claim that can never be resolved. And only where articles quote the price
# in the symbol's own unit: copper is left out because articles quote it per tonne
# (LME) while HG=F trades per pound (add an alias if you want it).
ARTICLE_ASSET_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "spot gold": "GC=F",
        "gold futures": "GC=F",
        "comex gold": "GC=F",
        "bullion": "GC=F",
        "gold bullion": "GC=F",
        "the yellow metal": "GC=F",
        "spot silver": "SI=F",
        "silver futures": "SI=F",
        "the grey metal": "SI=F",
        "the gray metal": "SI=F",
        "the world's largest cryptocurrency": "BTC-USD",
        "the largest cryptocurrency": "BTC-USD",
        "the biggest cryptocurrency": "BTC-USD",
        "the original cryptocurrency": "BTC-USD",
        "the second-largest cryptocurrency": "ETH-USD",
        "the s&p 500 index": "^GSPC",
        "the benchmark index": "^GSPC",
        "the benchmark s&p 500": "^GSPC",
        "wall street's benchmark": "^GSPC",
        "nasdaq 100": "^NDX",
        "the nasdaq 100": "^NDX",
        "the nasdaq-100": "^NDX",
        "nasdaq-100": "^NDX",
        "the nasdaq composite": "^IXIC",
        "the nasdaq": "^IXIC",
        "the dow": "^DJI",
        "dow jones industrial average": "^DJI",
        "the dow jones": "^DJI",
        "brent": "BZ=F",
        "brent crude": "BZ=F",
        "brent oil": "BZ=F",
        "u.s. crude": "CL=F",
        "us crude": "CL=F",
        "west texas intermediate": "CL=F",
        "wti crude": "CL=F",
        "platinum": "PL=F",
        "palladium": "PA=F",
        "natural gas": "NG=F",
        "natural-gas": "NG=F",
        "solana": "SOL-USD",
        "xrp": "XRP-USD",
        "the dax": "^GDAXI",
        "dax": "^GDAXI",
        "dax 40": "^GDAXI",
        "nikkei": "^N225",
        "the nikkei": "^N225",
        "nikkei 225": "^N225",
        "the nikkei 225": "^N225",
        "nikkei share average": "^N225",
        # Japanese 日経平均 ("Nikkei heikin") in translation: the index, not an average of it
        "nikkei average": "^N225",
        "the nikkei average": "^N225",
        "nikkei stock average": "^N225",
        "the nikkei stock average": "^N225",
        "ftse 100": "^FTSE",
        "the ftse 100": "^FTSE",
        "euro stoxx 50": "^STOXX50E",
        # "the Euro Stoxx 50" begins with "the euro", which would win as the longer match
        # at its start: the index is named with its article too
        "the euro stoxx 50": "^STOXX50E",
        # a market's benchmark named by its country or region ("For the euro-zone benchmark
        # he forecast 3,600"): that market's index, not the index named just before
        "the euro-zone benchmark": "^STOXX50E",
        "the euro-zone benchmark index": "^STOXX50E",
        "the euro-zone blue-chip index": "^STOXX50E",
        "the eurozone benchmark": "^STOXX50E",
        "the eurozone benchmark index": "^STOXX50E",
        "the eurozone blue-chip index": "^STOXX50E",
        "the euro zone benchmark": "^STOXX50E",
        "the euro zone benchmark index": "^STOXX50E",
        "the euro zone blue-chip index": "^STOXX50E",
        "the euro-area benchmark": "^STOXX50E",
        "the euro-area benchmark index": "^STOXX50E",
        "the euro-area blue-chip index": "^STOXX50E",
        "the german benchmark": "^GDAXI",
        "the german benchmark index": "^GDAXI",
        "the german blue-chip index": "^GDAXI",
        "germany's benchmark": "^GDAXI",
        "germany's benchmark index": "^GDAXI",
        "germany's blue-chip index": "^GDAXI",
        "the japanese benchmark": "^N225",
        "the japanese benchmark index": "^N225",
        "the japanese blue-chip index": "^N225",
        "japan's benchmark": "^N225",
        "japan's benchmark index": "^N225",
        "japan's blue-chip index": "^N225",
        "the british benchmark": "^FTSE",
        "the british benchmark index": "^FTSE",
        "the british blue-chip index": "^FTSE",
        "britain's benchmark": "^FTSE",
        "britain's benchmark index": "^FTSE",
        "britain's blue-chip index": "^FTSE",
        "the uk benchmark": "^FTSE",
        "the uk benchmark index": "^FTSE",
        "the uk blue-chip index": "^FTSE",
        "the u.k. benchmark": "^FTSE",
        "the u.k. benchmark index": "^FTSE",
        "the u.k. blue-chip index": "^FTSE",
        "the south korean benchmark": "^KS11",
        "the south korean benchmark index": "^KS11",
        "the south korean blue-chip index": "^KS11",
        "the korean benchmark": "^KS11",
        "the korean benchmark index": "^KS11",
        "the korean blue-chip index": "^KS11",
        "korea's benchmark": "^KS11",
        "korea's benchmark index": "^KS11",
        "korea's blue-chip index": "^KS11",
        "south korea's benchmark": "^KS11",
        "south korea's benchmark index": "^KS11",
        "south korea's blue-chip index": "^KS11",
        "the euro stoxx": "^STOXX50E",
        "euro stoxx": "^STOXX50E",
        # the euro area's blue chips by description (not "the euro")
        "euro-zone blue chips": "^STOXX50E",
        "eurozone blue chips": "^STOXX50E",
        "stoxx 600": "^STOXX",
        "hang seng": "^HSI",
        "the hang seng": "^HSI",
        "usd/jpy": "JPY=X",
        "usdjpy": "JPY=X",
        "dollar/yen": "JPY=X",
        "dollar-yen": "JPY=X",
        # ether priced in bitcoin: the level of "the ETH/BTC ratio to climb to 0.08" is the
        # ratio's, not a price of either coin
        "eth/btc": "ETH-BTC",
        "eth-btc": "ETH-BTC",
        "ethbtc": "ETH-BTC",
        "eth/btc ratio": "ETH-BTC",
        "eth-btc ratio": "ETH-BTC",
        "the eth/btc ratio": "ETH-BTC",
        "the eth-btc ratio": "ETH-BTC",
        "the ether-bitcoin ratio": "ETH-BTC",
        "the eth/btc exchange rate": "ETH-BTC",
        # metals written as currency pairs, as FX desks and retail brokers quote them
        "xau/usd": "GC=F",
        "xauusd": "GC=F",
        "xag/usd": "SI=F",
        "xagusd": "SI=F",
        "xpt/usd": "PL=F",
        "xpd/usd": "PA=F",
        # coins written as their dollar pair, as exchanges, chart blogs and forums quote them
        "btc/usd": "BTC-USD",
        "btcusd": "BTC-USD",
        "xbt/usd": "BTC-USD",
        "eth/usd": "ETH-USD",
        "ethusd": "ETH-USD",
        # wire-copy epithets that name one series (Reuters' "the North Sea benchmark" is
        # Brent; Bloomberg's "the benchmark U.S. stock gauge" the S&P 500)
        "the north sea benchmark": "BZ=F",
        "north sea brent": "BZ=F",
        "the benchmark u.s. stock gauge": "^GSPC",
        "the benchmark us stock gauge": "^GSPC",
        "the u.s. benchmark stock gauge": "^GSPC",
        "euro-dollar": "EURUSD=X",
        "euro/dollar": "EURUSD=X",
        "gbp/usd": "GBPUSD=X",
        "gbpusd": "GBPUSD=X",
        # a pair named in words, base currency first: "the Pound to Dollar rate". ("euro to
        # dollar" is left out: headlines of EUR/USD columns restate the body's calls with
        # shifted years, "1.20 by 2027", which the merge does not fold yet.)
        "pound to dollar": "GBPUSD=X",
        "pound-to-dollar": "GBPUSD=X",
        "pound/dollar": "GBPUSD=X",
        "pound-dollar": "GBPUSD=X",
        "sterling/dollar": "GBPUSD=X",
        "sterling to dollar": "GBPUSD=X",
        "dollar to yen": "JPY=X",
        "the dollar against the yen": "JPY=X",
        "the dollar versus the yen": "JPY=X",
        "dollar-to-yen": "JPY=X",
        "the dollar index": "DX-Y.NYB",
        "dxy": "DX-Y.NYB",
        "henry hub": "NG=F",
        "the euro": "EURUSD=X",
        # sterling named alone: the pound against the dollar, but only in a sentence that
        # shows dollars (SHOWN_IN_DOLLARS below); elsewhere it may be against the euro
        "sterling": "GBPUSD=X",
        "the pound": "GBPUSD=X",
        "the single currency": "EURUSD=X",
    }
)

# Currencies named alone, read as their pair against the dollar only where the sentence shows
# dollars: "the pound will stand at $1.40", "sterling from $1.26 to 1.35" are GBP/USD, while
# "the pound to rise to 1.40" may be against the euro (GBP/EUR), which the ledger has no
# symbol for: there the name is an asset with no symbol, whose levels give no candidate.
DOLLAR_QUOTED_ALONE = frozenset({"sterling", "the pound"})
SHOWN_IN_DOLLARS = r"(?:US)?\$\s?\d|\b(?:dollars?|greenback|US\s+cents)\b"

# Symbols that are one asset priced in another: a call on one is a relative call.
RATIO_SYMBOLS = frozenset({"ETH-BTC"})

# Names that could mean something else; a candidate read from one says so and scores lower.
VAGUE_ASSET_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "the benchmark index": "'the benchmark index' read as the S&P 500",
        "wall street's benchmark": "'Wall Street's benchmark' read as the S&P 500",
        "the nasdaq": "'the Nasdaq' read as the Nasdaq Composite (^IXIC)",
        "the dow": "'the Dow' read as the Dow Jones Industrial Average (^DJI)",
    }
)

# A family for each symbol, so that "the metal" or "the token" can point back to
# the last asset of that family named in the article.
ASSET_FAMILIES: Mapping[str, str] = MappingProxyType(
    {
        "GC=F": "metal", "SI=F": "metal", "HG=F": "metal", "PL=F": "metal", "PA=F": "metal",
        "BTC-USD": "crypto", "ETH-USD": "crypto", "SOL-USD": "crypto",
        "^GSPC": "index", "^NDX": "index", "^IXIC": "index", "^DJI": "index",
        "CL=F": "oil", "BZ=F": "oil", "NG=F": "gas", "XRP-USD": "crypto", "ETH-BTC": "ratio",
        "^GDAXI": "index", "^N225": "index", "^FTSE": "index", "^STOXX50E": "index",
        "^STOXX": "index", "^HSI": "index",
        "EURUSD=X": "fx", "JPY=X": "fx", "GBPUSD=X": "fx", "DX-Y.NYB": "fx",
        "^GSPTSE": "index", "^BSESN": "index", "^KS11": "index", "^NSEI": "index",
        "AUDUSD=X": "fx", "BRL=X": "fx", "INR=X": "fx",
    }
)  # fmt: skip

# Words that point back to an asset named before ("the metal" after "gold"); a word that
# may mean either of two kinds names both, "index|oil".
ASSET_ANAPHORA: Mapping[str, str] = MappingProxyType(
    {
        "the metal": "metal",
        "the precious metal": "metal",
        "the token": "crypto",
        "the coin": "crypto",
        "the cryptocurrency": "crypto",
        "the digital asset": "crypto",
        "the index": "index",
        "the gauge": "index",
        "the benchmark": "index|oil",
        "the contract": "oil",
        "the commodity": "oil",
        "the pair": "fx",
        "the currency pair": "fx",
        "the greenback": "fx",
        "the exchange rate": "fx",
    }
)

# After an asset name, these words make it something other than the price:
# "gold demand could rise 10%", "bitcoin ETFs will see $50 billion of inflows".
NOT_THE_PRICE_AFTER = (
    "miners", "miner", "mining", "stocks", "stock", "shares", "equities", "etf", "etfs",
    "fund", "funds", "demand", "supply", "reserves", "reserve", "holdings", "inflows",
    "outflows", "flows", "production", "output", "imports", "exports", "inventories",
    "stockpiles", "volatility", "dominance", "market cap", "market capitalization",
    "network", "hashrate", "hash rate", "fees", "treasury", "treasuries", "standard",
    "lining", "bugs", "bulls", "bears", "investors", "holders", "whales", "options",
    "open interest", "positioning", "allocations", "allocation", "rig count", "majors",
    "producers", "consumption", "exposure", "ratio", "spread", "earnings per share", "eps",
    "dividend yield",
)  # fmt: skip

# Before an asset name, these words make it a yardstick, not the subject:
# "bitcoin will outperform gold and reach $150,000".
NOT_THE_SUBJECT_BEFORE = (
    "than", "outperform", "outperforms", "outperforming", "outpace", "outpaces",
    "outpacing", "versus", "vs", "vs.", "against", "relative to", "priced in",
    "in terms of", "like", "unlike", "compared with", "compared to", "rotate out of",
    "rotation out of", "out of", "away from",
)  # fmt: skip

# Words before a "$" ticker that make it a cashtag ("$NVDA"); upper-case words are
# otherwise never taken as tickers in article text, where "UBS", "CPI" or "ETF" abound.
CASHTAG = r"\$(?P<ticker>[A-Z]{1,5}(?:[.-][A-Z]{1,2})?)\b"
PARENTHESIZED_TICKER = (
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|AMEX|TSX|LSE|ASX)\s*:\s*)?(?P<ticker>[A-Z]{1,5}"
    r"(?:[.-][A-Z]{1,2})?)\)"
)

# Assets the extractor has no symbol for. A sentence that names one and no known asset is
# about it: its levels are never credited to the asset named in the sentence before
# ("We forecast retail gasoline at $2.90" after a sentence about Brent).
OTHER_ASSETS = (
    "gasoline", "diesel", "jet fuel", "heating oil", "copper", "aluminium", "aluminum",
    "nickel", "zinc", "iron ore", "steel", "coal", "lng", "wheat", "corn",
    "soybeans", "soybean", "coffee", "cocoa", "sugar", "cotton", "lithium", "uranium",
    "cattle", "hogs", "yield", "yields", "treasuries", "bund", "bunds", "gilts", "topix",
    "the topix", "the yen", "the yuan", "the rupee", "the franc",
    "the loonie", "the aussie",
)  # fmt: skip
