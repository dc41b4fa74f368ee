"""Turning a user's ``--prices`` spec into a price source.

One place knows the spellings, so the CLI, the TUI and the tests build sources
the same way and a typo is reported the same way everywhere.
"""

from __future__ import annotations

from pathlib import Path

from ledger.errors import UsageError
from ledger.market.csv_source import CsvSource
from ledger.market.source import PriceSource

SPEC_HELP = "'yahoo' or 'csv:DIR' (a directory of SYMBOL.csv files)"


def price_source_from_spec(spec: str, *, cache_dir: Path | None = None) -> PriceSource:
    """The source named by `spec`: ``yahoo`` or ``csv:DIR``.

    `cache_dir` is where the Yahoo source keeps yfinance's caches (ignored for
    CSV). Raises `UsageError` for an unknown spelling or a CSV directory that
    does not exist, before anything is fetched.
    """
    text = spec.strip()
    kind, separator, argument = text.partition(":")
    kind = kind.strip().lower()
    if kind == "yahoo" and not separator:
        # Imported here: yfinance and curl_cffi take a while to import and only
        # the Yahoo source needs them.
        from ledger.market.yahoo import YahooSource

        return YahooSource(cache_dir=cache_dir)
    if kind == "csv" and separator:
        if not argument.strip():
            raise UsageError(f"price source {spec!r} names no directory; use {SPEC_HELP}")
        directory = Path(argument.strip()).expanduser()
        if not directory.is_dir():
            raise UsageError(f"price source {spec!r}: {directory} is not a directory")
        return CsvSource(directory)
    raise UsageError(f"unknown price source {spec!r}; use {SPEC_HELP}")
