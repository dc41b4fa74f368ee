"""Daily bars from Yahoo Finance, through yfinance: the one module that speaks yfinance.

(Yahoo's symbol search, for error messages, lives beside it in search.py and
shares its way of keeping yfinance quiet.)

Everything yfinance-shaped (its column names, tz-aware indexes, exceptions,
log lines, process-wide switches) is translated here into `ledger.bars` frames
and `SymbolError`s; nothing else in the ledger imports yfinance but search.py.

Why one ``Ticker.history`` per symbol and not ``yf.download``: Yahoo's chart
API answers one symbol per HTTP request, and ``download`` is only a thread pool
over ``Ticker.history`` that swallows every per-symbol failure into a log line
and an all-NaN column. Calling ``history`` per symbol sends the same requests
(one price request per symbol per fetch, never one per claim) and lets each
symbol fail on its own, with yfinance's typed exceptions instead of parsed log
text. It also avoids ``download``'s MultiIndex and union-of-dates NaN rows
(crypto trades on weekends, futures do not) instead of having to undo them.

How failures are told apart (yfinance 1.7, run with
``yf.config.debug.hide_exceptions = False`` so it raises instead of logging):

* unknown or delisted symbol: the timezone probe gets Yahoo's 404 "No data
  found, symbol may be delisted"; yfinance then raises ``YFTzMissingError``, or,
  for the first two such symbols in a process, the ``HTTPError`` 404 ("Quote not
  found") of its ``Ticker.info`` fallback. A symbol whose timezone was cached
  while it still traded gets ``YFPricesMissingError`` carrying Yahoo's reason.
* known symbol, no bar in the window (weekend, holiday, before listing):
  ``YFPricesMissingError`` with no Yahoo reason, or Yahoo's "Data doesn't
  exist for startDate" (400). Not an error: the symbol gets empty bars.
* rate limit: ``YFRateLimitError`` (yfinance raises it whatever the switch says).
* network trouble: curl_cffi's exceptions (all ``OSError``), timeouts, Yahoo's
  "will be right back" page (not JSON). Retried, then ``source_error``.

Prices are ``auto_adjust=False`` Open/High/Low/Close, never Adj Close: claims
are about quoted prices. Yahoo's chart closes are nevertheless already
adjusted for later stock splits (not for dividends), which is why the splits
Yahoo reports in the window are returned alongside the bars.

With ``hide_exceptions`` left at its default, a network error during the
timezone probe ends as the same "no timezone found" as an unknown symbol, so
the switch is what makes the distinction reliable. It is process-wide, so a
fetch holds a lock while it has it flipped.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yfinance as yf
from curl_cffi import requests as curl_requests
from curl_cffi.requests import exceptions as curl_errors
from yfinance import cache as yf_cache
from yfinance.exceptions import (
    YFDataException,
    YFException,
    YFPricesMissingError,
    YFRateLimitError,
    YFTzMissingError,
)

from ledger.bars import PRICE_COLUMNS, CheckedBars, check_bars, empty_bars
from ledger.market.source import (
    ErrorCode,
    FetchResult,
    SymbolError,
    check_wanted,
    empty_splits,
)

log = logging.getLogger(__name__)

_YAHOO_PRICES = {"Open": "open", "High": "high", "Low": "low", "Close": "close"}
_CHART_PATH = "/v8/finance/chart/"

# yfinance keeps its exception switch and logger process-wide: one fetch owns them at a time.
_YFINANCE_STATE = threading.Lock()


@dataclass(frozen=True)
class _Failure:
    """Why one attempt at one symbol failed, and whether another attempt may help.

    `unreachable`: the request never reached Yahoo (DNS, refused or timed-out
    connection, proxy): every other symbol would fail the same way.
    """

    code: ErrorCode
    message: str
    retry: bool
    unreachable: bool = False


# Yahoo's exchange timezones of the built-in assets (its chart meta's
# exchangeTimezoneName). yfinance needs a symbol's timezone before it can ask
# for prices and probes Yahoo for it the first time it sees the symbol; for
# these it need not, so a cold run costs one request per built-in symbol.
KNOWN_TIMEZONES = {
    "GC=F": "America/New_York",
    "SI=F": "America/New_York",
    "CL=F": "America/New_York",
    "^GSPC": "America/New_York",
    "BTC-USD": "UTC",
    "ETH-USD": "UTC",
    "EURUSD=X": "Europe/London",
}


class YahooSource:
    """A `PriceSource` backed by Yahoo Finance's daily chart data.

    `cache_dir`: where yfinance keeps its timezone and cookie caches (a
    ``yfinance`` folder is made inside it); None leaves yfinance's default
    (``~/.cache/py-yfinance``). With a warm timezone cache a fetch sends one
    chart request per symbol; a symbol seen for the first time costs one more
    (yfinance's timezone probe). yfinance honours the location only if set
    before it first touches a cache in the process, which this source does at
    the start of each fetch.

    `retries`, `backoff`: symbols that fail for a reason that may pass (rate
    limit, network) are asked again up to `retries` times, after pauses of
    `backoff`, 2×`backoff`, 4×`backoff`... seconds. A rate limit ends the
    round at once: Yahoo throttles the client, not the symbol, so the symbols
    not yet asked wait for the pause instead of hammering on.

    `timeout`: seconds per price request. `sleep` is injectable for tests.
    """

    name = "yahoo"

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        retries: int = 3,
        backoff: float = 1.0,
        timeout: float = 20,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if retries < 0 or backoff < 0 or timeout <= 0:
            raise ValueError("retries and backoff must be >= 0 and timeout > 0")
        self.cache_dir = cache_dir
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self._sleep = sleep

    def fetch(self, wanted: Mapping[str, tuple[date, date]]) -> FetchResult:
        """Unadjusted daily bars and splits for each wanted symbol and window (inclusive)."""
        check_wanted(wanted)
        if not wanted:
            return FetchResult()
        counter = _ChartRequestCounter()
        session = counter.new_session()
        served: dict[str, tuple[CheckedBars, pd.Series]] = {}
        errors: dict[str, SymbolError] = {}
        last_failure: dict[str, _Failure] = {}
        attempts = dict.fromkeys(wanted, 0)

        pending = list(wanted)
        with _yfinance_raising_quietly():
            self._point_caches(wanted)
            for attempt in range(self.retries + 1):
                if attempt:
                    self._sleep(self.backoff * 2 ** (attempt - 1))
                pending = self._round(
                    pending, wanted, session, served, errors, last_failure, attempts
                )
                if not pending:
                    break

        for symbol in pending:
            failure, tries = last_failure[symbol], attempts[symbol]
            tried = f" (gave up after {tries} attempt{'s' if tries > 1 else ''})" if tries else ""
            errors[symbol] = SymbolError(failure.code, failure.message + tried)
        return FetchResult(
            bars={symbol: checked.kept for symbol, (checked, _) in served.items()},
            splits={symbol: splits for symbol, (_, splits) in served.items()},
            errors={symbol: errors[symbol] for symbol in wanted if symbol in errors},
            rejected={symbol: checked.messages for symbol, (checked, _) in served.items()},
            requests=counter.count,
            gaps={symbol: checked.gaps for symbol, (checked, _) in served.items()},
        )

    def _round(
        self,
        order: list[str],
        wanted: Mapping[str, tuple[date, date]],
        session: curl_requests.Session,
        served: dict[str, tuple[CheckedBars, pd.Series]],
        errors: dict[str, SymbolError],
        last_failure: dict[str, _Failure],
        attempts: dict[str, int],
    ) -> list[str]:
        """Ask once for each symbol in `order`; return the ones to ask again, in order."""
        again: list[str] = []
        for position, symbol in enumerate(order):
            first, last = wanted[symbol]
            attempts[symbol] += 1
            outcome = self._fetch_one(session, symbol, first, last)
            if not isinstance(outcome, _Failure):
                served[symbol] = outcome
                continue
            if not outcome.retry:
                errors[symbol] = SymbolError(outcome.code, outcome.message)
                continue
            last_failure[symbol] = outcome
            again.append(symbol)
            # A rate limit throttles the client, not the symbol; an unreachable
            # Yahoo (while no symbol of this fetch got through) fails every symbol
            # alike. Either way the round ends: asking the rest now only costs
            # time (seconds per symbol while DNS times out) and requests.
            source_wide = outcome.code is ErrorCode.RATE_LIMITED or (
                outcome.unreachable and not served
            )
            if source_wide:
                not_asked = order[position + 1 :]
                for waiting in not_asked:
                    last_failure.setdefault(waiting, _not_asked(waiting, outcome))
                # Those not yet asked go first next time, so one failing symbol
                # cannot starve the others.
                return not_asked + again
        return again

    def _fetch_one(
        self, session: curl_requests.Session, symbol: str, first: date, last: date
    ) -> tuple[CheckedBars, pd.Series] | _Failure:
        try:
            history = yf.Ticker(symbol, session=session).history(
                start=first.isoformat(),
                end=(last + timedelta(days=1)).isoformat(),  # yfinance's end is exclusive
                interval="1d",
                auto_adjust=False,  # raw closes: claims are about quoted prices
                actions=True,
                repair=False,
                keepna=False,
                timeout=self.timeout,
            )
        except Exception as error:  # every yfinance failure is translated, none escapes
            failure = _classify(symbol, error)
            if failure is None:
                return CheckedBars(empty_bars(), [], {}), empty_splits()
            return failure
        return _translate(history, symbol, first, last)

    def _point_caches(self, symbols: Iterable[str] = ()) -> None:
        """Keep yfinance's on-disk caches in the app's cache dir, not in ~/.cache,
        and tell it the exchange timezones it would otherwise probe Yahoo for."""
        if self.cache_dir is not None:
            yf.set_tz_cache_location(str(Path(self.cache_dir) / "yfinance"))
        tz_cache = yf_cache.get_tz_cache()
        for symbol in symbols:
            zone = KNOWN_TIMEZONES.get(symbol)
            if zone is not None and tz_cache.lookup(symbol) is None:
                tz_cache.store(symbol, zone)


def _not_asked(symbol: str, cause: _Failure) -> _Failure:
    """The failure of a symbol a source-wide failure kept from being asked."""
    if cause.code is ErrorCode.RATE_LIMITED:
        message = f"{symbol}: not asked, Yahoo was rate-limiting requests; try again later"
    else:
        # The same words as the symbols that were asked, so a summary groups them.
        message = symbol + cause.message[cause.message.index(":") :]
    return replace(cause, message=message)


def _translate(
    history: pd.DataFrame, symbol: str, first: date, last: date
) -> tuple[CheckedBars, pd.Series] | _Failure:
    """yfinance's frame (exchange-tz index, Yahoo column names) into bars and splits."""
    if history.empty:
        return CheckedBars(empty_bars(), [], {}), empty_splits()
    absent = [column for column in _YAHOO_PRICES if column not in history.columns]
    if absent:
        return _Failure(
            ErrorCode.SOURCE_ERROR,
            f"{symbol}: Yahoo's answer lacks column(s) {', '.join(absent)}",
            retry=False,
        )
    index = pd.DatetimeIndex(history.index)
    # Daily bars come stamped at local midnight in the exchange's timezone: the
    # wall-clock date there is the trading day.
    dates = (index.tz_localize(None) if index.tz is not None else index).normalize()
    in_window = np.asarray((dates >= pd.Timestamp(first)) & (dates <= pd.Timestamp(last)))

    frame = pd.DataFrame(
        {ours: history[theirs].to_numpy("float64") for theirs, ours in _YAHOO_PRICES.items()},
        index=dates,
    )
    volume = history["Volume"] if "Volume" in history.columns else pd.Series(np.nan, history.index)
    frame["volume"] = pd.to_numeric(volume, errors="coerce").to_numpy("float64")
    # Rows with no price at all are placeholders (an event on a non-trading day), not bars.
    placeholder = frame[list(PRICE_COLUMNS)].isna().all(axis=1).to_numpy()
    checked = check_bars(frame[in_window & ~placeholder], symbol)

    splits = empty_splits()
    if "Stock Splits" in history.columns:
        ratios = pd.to_numeric(history["Stock Splits"], errors="coerce").to_numpy("float64")
        real = in_window & np.isfinite(ratios) & (ratios != 0) & (ratios != 1)
        if real.any():
            splits = pd.Series(
                ratios[real],
                index=pd.DatetimeIndex(dates[real], name="date").as_unit("ns"),
                name="split_ratio",
                dtype="float64",
            )
    return checked, splits


def _classify(symbol: str, error: Exception) -> _Failure | None:
    """What a yfinance exception means for `symbol` (see the module docstring).

    None means no failure at all: the symbol exists and has no bar in the window.
    """
    status = _http_status(error)
    if isinstance(error, YFRateLimitError) or status == 429:
        return _Failure(
            ErrorCode.RATE_LIMITED,
            f"{symbol}: Yahoo is rate-limiting requests (HTTP 429); try again later",
            retry=True,
        )
    unknown = _Failure(
        ErrorCode.UNKNOWN_SYMBOL,
        f"{symbol}: Yahoo does not know this symbol (misspelt or delisted?)",
        retry=False,
    )
    if isinstance(error, YFTzMissingError) or status == 404:
        return unknown
    if isinstance(error, YFPricesMissingError):
        reason = error.yahoo_reason
        if reason is None or reason.startswith("Data doesn't exist"):
            return None
        if "delisted" in reason.lower() or "no data found" in reason.lower():
            return unknown
        return _Failure(ErrorCode.SOURCE_ERROR, f"{symbol}: Yahoo says: {reason}", retry=False)
    if status is not None:
        return _Failure(
            ErrorCode.SOURCE_ERROR,
            f"{symbol}: Yahoo answered HTTP {status}",
            retry=status >= 500,
        )
    if isinstance(error, json.JSONDecodeError) or (
        isinstance(error, YFDataException) and "DOWN" in str(error).upper()
    ):
        # Yahoo's outage and block pages are HTML, and usually pass.
        return _Failure(
            ErrorCode.SOURCE_ERROR,
            f"{symbol}: Yahoo answered with something that is not chart data "
            "(an outage or block page?)",
            retry=True,
        )
    unreachable = _unreachable_reason(error)
    if unreachable is not None:
        log.debug("%s: %s: %s", symbol, type(error).__name__, error)
        return _Failure(
            ErrorCode.SOURCE_ERROR,
            f"{symbol}: Yahoo unreachable ({unreachable})",
            retry=True,
            unreachable=True,
        )
    if isinstance(error, OSError):  # curl_cffi's and requests' errors, read timeouts
        return _Failure(
            ErrorCode.SOURCE_ERROR,
            f"{symbol}: network error talking to Yahoo: {type(error).__name__}: {error}",
            retry=True,
        )
    kind = "yfinance error" if isinstance(error, YFException) else "unexpected error in yfinance"
    return _Failure(
        ErrorCode.SOURCE_ERROR, f"{symbol}: {kind}: {type(error).__name__}: {error}", retry=False
    )


_UNRESOLVED_HOST = re.compile(r"resolve (?:proxy|host)(?: name)?:?\s*'?([\w.\-]+)", re.IGNORECASE)


def _unreachable_reason(error: Exception) -> str | None:
    """A few words on why a request never reached Yahoo, or None if it did.

    curl's own message is a paragraph with a link; what a user needs is which
    kind of failure it was (their DNS, their network, a proxy).
    """
    if isinstance(error, curl_errors.DNSError) or _UNRESOLVED_HOST.search(str(error)):
        host = _UNRESOLVED_HOST.search(str(error))
        return f"DNS: cannot resolve {host.group(1).rstrip('.')}" if host else "DNS lookup failed"
    if isinstance(error, curl_errors.ProxyError):
        return "proxy error"
    if isinstance(error, curl_errors.ConnectTimeout):
        return "connection timed out"
    if isinstance(error, curl_errors.ConnectionError):
        return "cannot connect"
    return None


def _http_status(error: Exception) -> int | None:
    """The HTTP status of an HTTPError from curl_cffi or requests, else None."""
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) and status >= 400 else None


class _ChartRequestCounter:
    """Counts the chart requests yfinance sends through the session it hands out.

    The counting wraps one session object (the one given to yfinance), so it
    sees exactly what goes on the wire for this fetch: timezone probes,
    yfinance's own one-off retry of a 4xx with its other cookie strategy, and
    our retries; answers yfinance replays from its in-process cache are not sent
    and not counted.
    """

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def new_session(self) -> curl_requests.Session:
        # The same kind of session yfinance makes for itself (Chrome TLS fingerprint).
        session = curl_requests.Session(impersonate="chrome")

        def request(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            if _CHART_PATH in str(url):
                with self._lock:
                    self.count += 1
            return type(session).request(session, method, url, *args, **kwargs)

        session.request = request  # type: ignore[method-assign]
        return session


class _ForwardToDebug(logging.Handler):
    """Re-logs yfinance's records at DEBUG on this module's logger.

    Its warnings ("Crumb fetch rate-limited, continuing without crumb") describe
    steps this module already reports per symbol; at DEBUG they stay available
    with ``--verbose`` without reaching a user's stderr unasked.
    """

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("yfinance %s: %s", record.levelname.lower(), record.getMessage())


@contextmanager
def _yfinance_raising_quietly() -> Iterator[None]:
    """yfinance raising its exceptions, with its log lines and warnings kept off stderr."""
    yf_logger = logging.getLogger("yfinance")
    handler = _ForwardToDebug(level=logging.INFO)  # its DEBUG chatter is dropped
    with _YFINANCE_STATE, warnings.catch_warnings():
        # yfinance 1.7 on pandas 3 warns about pandas' own deprecations (inplace=...);
        # nothing a ledger user can act on.
        warnings.filterwarnings("ignore", module=r"yfinance(\.|$)")
        warnings.filterwarnings("ignore", message=r".*inplace keyword.*")
        hide_exceptions = yf.config.debug.hide_exceptions
        propagate = yf_logger.propagate
        yf.config.debug.hide_exceptions = False
        yf_logger.addHandler(handler)
        yf_logger.propagate = False
        try:
            yield
        finally:
            yf_logger.removeHandler(handler)
            yf_logger.propagate = propagate
            yf.config.debug.hide_exceptions = hide_exceptions


# search.py talks to yfinance under the same rules.
yfinance_raising_quietly = _yfinance_raising_quietly
