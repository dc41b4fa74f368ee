"""What a price source promises: the protocol and the result of one fetch.

The resolver asks a source once per run for every symbol it needs, each with
the inclusive window of calendar dates it wants, and gets back one
`FetchResult`. A source never raises for a market condition (an unknown
symbol, a rate limit, a broken file): it reports it per symbol in
`FetchResult.errors`, so one bad symbol never costs the others their bars.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol, runtime_checkable

import pandas as pd


class ErrorCode(StrEnum):
    """Why a source has no bars for a symbol (a closed set the resolver can act on)."""

    UNKNOWN_SYMBOL = "unknown_symbol"
    """The source does not know the symbol (misspelt, delisted, no file): retrying will not help."""

    SOURCE_ERROR = "source_error"
    """The source failed (network down, malformed answer or file): fix it, or try later."""

    RATE_LIMITED = "rate_limited"
    """The source refused to answer for now (HTTP 429): try again later."""

    NO_DATA = "no_data"
    """The source knows the symbol but holds no bar for it at all, whatever the window
    (a CSV file with a header and no rows). A window that merely has no bar in it
    (a weekend, a holiday) is not an error: the symbol gets an empty bars frame."""


@dataclass(frozen=True)
class SymbolError:
    """One symbol the source could not serve, with a message a user can act on."""

    code: ErrorCode
    message: str

    @property
    def is_temporary(self) -> bool:
        """True when asking again later may succeed (rate limits, network trouble)."""
        return self.code in (ErrorCode.RATE_LIMITED, ErrorCode.SOURCE_ERROR)


@dataclass(frozen=True)
class FetchResult:
    """Everything one `PriceSource.fetch` learnt.

    Every wanted symbol is in exactly one of `bars` and `errors`. A symbol in
    `bars` is also in `splits`, `rejected` and `gaps` (possibly empty there), so
    callers can index all four without checking.

    * `bars`: validated bars frames in the shape of `ledger.bars`, limited to the
      wanted window, each bar with its quality (ok, repaired, close_only); empty
      when the symbol exists but has no bar in it.
    * `splits`: stock splits inside the window as a float Series indexed by
      calendar date (``date``), named ``split_ratio``, new shares per old share
      (4.0 for a 4-for-1 split); only ratios other than 0 and 1.
    * `errors`: symbols the source could not serve.
    * `rejected`: one message per bar the source returned that failed
      `ledger.bars.validate_bars` (those bars are not in `bars`).
    * `gaps`: the dates of those rejected bars that left no bar for their day,
      each with its message: the market traded, but what it did is unknown, so
      the rules must treat the day as a gap, never as a day without a crossing.
    * `requests`: HTTP chart requests this fetch put on the wire, retries and
      Yahoo timezone probes included (0 for sources that make none), for
      reporting and for keeping an eye on rate limits.
    * `versions`: per symbol, what a source that can tell (`VersionedSource`)
      said its data was just before reading it; nothing for the others.
    """

    bars: dict[str, pd.DataFrame] = field(default_factory=dict)
    splits: dict[str, pd.Series] = field(default_factory=dict)
    errors: dict[str, SymbolError] = field(default_factory=dict)
    rejected: dict[str, list[str]] = field(default_factory=dict)
    requests: int = 0
    gaps: dict[str, dict[date, str]] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class PriceSource(Protocol):
    """A place daily bars come from (Yahoo, a directory of CSV files, a test double)."""

    name: str
    """Short label recorded with every resolution that used this source."""

    def fetch(self, wanted: Mapping[str, tuple[date, date]]) -> FetchResult:
        """Bars for each symbol in `wanted`, from its first date to its last, both inclusive.

        Raises only for caller bugs (`ValueError` for an inverted window); all
        trouble with the market data is reported in the result.
        """
        ...


@runtime_checkable
class VersionedSource(Protocol):
    """A source that can say, cheaply, whether a symbol's data may have changed."""

    def versions(self, symbols: Iterable[str]) -> dict[str, str]:
        """A token per symbol it can serve that changes whenever what it would serve
        may have (a file's size and modification time); symbols it cannot serve
        are left out."""
        ...


def check_wanted(wanted: Mapping[str, tuple[date, date]]) -> None:
    """Reject windows no source could honour, before any I/O is spent on them."""
    for symbol, (first, last) in wanted.items():
        if not symbol or not symbol.strip():
            raise ValueError("empty symbol in price request")
        if first > last:
            raise ValueError(f"{symbol}: window starts {first} after it ends {last}")


def empty_splits() -> pd.Series:
    """A splits series with no entries, in the shape `FetchResult.splits` promises."""
    index = pd.DatetimeIndex([], dtype="datetime64[ns]", name="date")
    return pd.Series([], index=index, dtype="float64", name="split_ratio")
