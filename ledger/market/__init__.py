"""Price sources: where daily bars come from (Yahoo through yfinance, CSV files).

`PriceSource` is the protocol the resolver speaks; `price_source_from_spec`
builds one from what the user typed. The Yahoo adapter lives in
`ledger.market.yahoo` and is imported only when asked for, so importing this
package does not import yfinance.
"""

from __future__ import annotations

from ledger.market.csv_source import CsvSource
from ledger.market.factory import price_source_from_spec
from ledger.market.source import ErrorCode, FetchResult, PriceSource, SymbolError

__all__ = [
    "CsvSource",
    "ErrorCode",
    "FetchResult",
    "PriceSource",
    "SymbolError",
    "price_source_from_spec",
]
