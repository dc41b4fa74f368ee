"""A fake of Yahoo's HTTP layer, so the real yfinance runs offline in tests.

`FakeYahoo` replaces ``Session.request`` on the curl_cffi and requests session
*classes* (every session yfinance makes, including ones made per call, goes
through it) and answers the handful of endpoints yfinance 1.7 uses for daily
prices the way Yahoo does:

* ``fc.yahoo.com`` (404) and ``/v1/test/getcrumb`` (a crumb): the cookie step;
* ``/v8/finance/chart/SYM``: chart JSON built from the frame given for SYM,
  with bars stamped at the instrument's daily bar time (crypto 00:00 UTC,
  futures and FX 00:00 exchange time, equities and indices 09:30 New York),
  ``Adj Close`` and ``Stock Splits`` served as Yahoo's adjclose and events;
  Yahoo's real 404 body ("No data found, symbol may be delisted") for an
  unknown symbol, and its 400 for a window ending before the first bar;
* ``/v10/finance/quoteSummary/SYM``: yfinance's timezone fallback for symbols
  whose chart probe failed; 404 "Quote not found" for unknown symbols.
* ``/v1/finance/search``: yfinance's ``Search``; the quotes given with
  `set_search` for a query (any case), else Yahoo's empty answer.

Failure switches: `rate_limit` (HTTP 429 for some symbols, or for every Yahoo
request), `force_error` (any status and body for a symbol's chart), and
`fail_next` (the next chart requests raise a curl_cffi ``ConnectionError``, as
a dropped connection does), and `go_offline` (every chart request raises
curl's DNS failure, as on a machine without a network). Every request is
logged; `chart_requests` filters the log by symbol and by kind ("probe" for
yfinance's ``range=1d`` timezone lookup, "price" for the ``period1/period2``
price request).

While active it also isolates yfinance's process state: its response cache,
crumb and cookie strategy and timezone-fallback counter are reset on enter and
exit, and its on-disk caches (timezone, cookie, ISIN) are pointed at
`cache_dir`, so nothing is read from or written to ``~/.cache``. A socket guard
refuses non-loopback connections and DNS lookups as a backstop.

Adapted and cut down from ../shared/tools/yfake (same approach, only what the
ledger's tests need).
"""

from __future__ import annotations

import json
import math
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import numpy as np
import pandas as pd
import pytest

JSON = "application/json;charset=utf-8"
TEXT = "text/plain;charset=utf-8"
HTML = "text/html;charset=utf-8"
TOO_MANY_REQUESTS = "Too Many Requests\r\n"
VALID_RANGES = ["1d", "5d", "1mo", "3mo", "6mo", "1y", "2y", "5y", "10y", "ytd", "max"]

_COLUMN_NAMES = {
    "open": "Open",
    "high": "High",
    "low": "Low",
    "close": "Close",
    "adj close": "Adj Close",
    "adj_close": "Adj Close",
    "adjclose": "Adj Close",
    "volume": "Volume",
    "stock splits": "Stock Splits",
    "stock_splits": "Stock Splits",
    "split": "Stock Splits",
    "splits": "Stock Splits",
    "split_ratio": "Stock Splits",
    "dividends": "Dividends",
}


@dataclass(frozen=True)
class Instrument:
    """What Yahoo's chart ``meta`` says about a symbol, as far as yfinance reads it."""

    instrument_type: str
    exchange: str
    timezone: str
    bar_time: str  # local wall-clock time Yahoo stamps on a daily bar

    @classmethod
    def guess(cls, symbol: str) -> Instrument:
        """Yahoo's values for the symbol shapes the ledger meets."""
        if symbol.endswith(("-USD", "-EUR", "-USDT")):
            return cls("CRYPTOCURRENCY", "CCC", "UTC", "00:00")
        if symbol.endswith("=F"):
            return cls("FUTURE", "CMX", "America/New_York", "00:00")
        if symbol.endswith("=X"):
            return cls("CURRENCY", "CCY", "Europe/London", "00:00")
        if symbol.startswith("^"):
            return cls("INDEX", "SNP", "America/New_York", "09:30")
        return cls("EQUITY", "NMS", "America/New_York", "09:30")


@dataclass(frozen=True)
class LoggedRequest:
    """One request yfinance sent, and how the fake answered it."""

    method: str
    host: str
    path: str
    params: dict[str, str]
    status: int  # 0 when the fake raised a connection error instead of answering
    symbol: str | None = None

    @property
    def kind(self) -> str | None:
        """'price' or 'probe' for chart requests, None for anything else."""
        if "/v8/finance/chart/" not in self.path:
            return None
        return "price" if "period1" in self.params else "probe"


@dataclass
class _Listing:
    instrument: Instrument
    bars: pd.DataFrame  # Yahoo column names, index: tz-aware bar timestamps


@dataclass
class FakeYahoo:
    """The fake; use as a context manager or through the `fake_yahoo` fixture."""

    cache_dir: Path
    now: pd.Timestamp = field(default_factory=lambda: pd.Timestamp.now(tz="UTC"))
    crumb: str = "fakeCrumb0"
    requests: list[LoggedRequest] = field(default_factory=list)
    unhandled: list[LoggedRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.RLock()
        self._listings: dict[str, _Listing] = {}
        self._rate_limited: set[str] = set()
        self._rate_limit_everything = False
        self._forced: dict[str, tuple[int, Any]] = {}
        self._failures: list[str | None] = []  # one entry per pending failure; None = any symbol
        self._offline = False
        self._searches: dict[str, list[dict[str, Any]]] = {}
        self._saved: dict[str, Any] = {}

    # ------------------------------------------------------------------ data
    def set(self, symbol: str, frame: pd.DataFrame, *, timezone: str | None = None) -> FakeYahoo:
        """Serve `frame` (daily bars on tz-naive dates; OHLCV columns in any case,
        optional ``Adj Close`` and ``Stock Splits``) for `symbol`."""
        symbol = symbol.upper()
        instrument = Instrument.guess(symbol)
        if timezone is not None:
            instrument = Instrument(
                instrument.instrument_type, instrument.exchange, timezone, instrument.bar_time
            )
        with self._lock:
            self._listings[symbol] = _Listing(instrument, _to_yahoo_frame(frame, instrument))
        self.clear_yfinance_state()
        return self

    def set_search(self, query: str, *listings: tuple[str, str, str]) -> FakeYahoo:
        """Answer a search for `query` with these (symbol, long name, exchange) listings."""
        quotes = [
            {
                "exchange": exchange[:3].upper(),
                "shortname": name,
                "longname": name,
                "quoteType": Instrument.guess(symbol).instrument_type,
                "symbol": symbol,
                "index": "quotes",
                "score": 20000.0 - rank,
                "typeDisp": Instrument.guess(symbol).instrument_type.title(),
                "exchDisp": exchange,
                "isYahooFinance": True,
            }
            for rank, (symbol, name, exchange) in enumerate(listings)
        ]
        with self._lock:
            self._searches[" ".join(query.lower().split())] = quotes
        self.clear_yfinance_state()
        return self

    def remove(self, symbol: str) -> FakeYahoo:
        """Forget `symbol`: Yahoo now answers as for a delisted one."""
        with self._lock:
            self._listings.pop(symbol.upper(), None)
        self.clear_yfinance_state()
        return self

    def rate_limit(self, *symbols: str, everything: bool = False) -> FakeYahoo:
        """Answer HTTP 429 for these symbols' chart and quote requests, or for every
        Yahoo request (cookie and crumb included) when `everything`."""
        with self._lock:
            self._rate_limited |= {symbol.upper() for symbol in symbols}
            self._rate_limit_everything = self._rate_limit_everything or everything
        return self

    def lift_rate_limit(self) -> FakeYahoo:
        with self._lock:
            self._rate_limited.clear()
            self._rate_limit_everything = False
        return self

    def force_error(self, symbol: str, status: int, body: str | Mapping[str, Any]) -> FakeYahoo:
        """Answer `symbol`'s chart requests with this status and body (text or JSON)."""
        with self._lock:
            self._forced[symbol.upper()] = (status, body)
        return self

    def fail_next(self, count: int = 1, symbol: str | None = None) -> FakeYahoo:
        """Make the next `count` chart requests (for `symbol`, or for any symbol)
        raise a connection error instead of being answered."""
        with self._lock:
            self._failures.extend([symbol.upper() if symbol else None] * count)
        return self

    def go_offline(self) -> FakeYahoo:
        """Make every chart request fail the way it does when DNS cannot resolve Yahoo."""
        with self._lock:
            self._offline = True
        return self

    # ------------------------------------------------------------------- log
    def chart_requests(
        self, symbol: str | None = None, kind: str | None = None
    ) -> list[LoggedRequest]:
        """Chart requests so far, optionally for one symbol and of one kind."""
        with self._lock:
            logged = list(self.requests)
        return [
            request
            for request in logged
            if request.kind is not None
            and (symbol is None or request.symbol == symbol.upper())
            and (kind is None or request.kind == kind)
        ]

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.unhandled.clear()

    # ------------------------------------------------------------- lifecycle
    def __enter__(self) -> FakeYahoo:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Patch the HTTP layer, isolate yfinance's caches, guard sockets."""
        import requests as requests_lib
        from curl_cffi.requests.session import Session as CurlSession
        from yfinance import base as yf_base
        from yfinance import cache as yf_cache

        fake = self

        def curl_request(session: Any, method: str, url: str, params: Any = None, **_: Any) -> Any:
            return fake._answer(session, method, url, params)

        def requests_request(
            session: Any, method: str, url: str, params: Any = None, **_: Any
        ) -> Any:
            return fake._answer(session, method, url, params)

        self._saved["curl"] = CurlSession.__dict__["request"]
        self._saved["requests"] = requests_lib.Session.__dict__["request"]
        CurlSession.request = curl_request
        requests_lib.Session.request = requests_request

        managers = (
            yf_cache._TzCacheManager,
            yf_cache._CookieCacheManager,
            yf_cache._ISINCacheManager,
        )
        attributes = ("_tz_cache", "_Cookie_cache", "_isin_cache")
        databases = (yf_cache._TzDBManager, yf_cache._CookieDBManager, yf_cache._ISINDBManager)
        self._saved["caches"] = [
            (m, a, getattr(m, a)) for m, a in zip(managers, attributes, strict=True)
        ]
        self._saved["databases"] = [(d, d._db, d._cache_dir) for d in databases]
        proxies = (yf_cache.tz_db_proxy, yf_cache.Cookie_db_proxy, yf_cache.isin_db_proxy)
        self._saved["proxies"] = [(proxy, proxy.obj) for proxy in proxies]
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        for manager, attribute in zip(managers, attributes, strict=True):
            setattr(manager, attribute, None)  # re-created lazily, at the new location
        for database in databases:
            database._db = None
            database._cache_dir = str(self.cache_dir)

        self._saved["tz_fallbacks"] = yf_base._tz_info_fetch_ctr
        yf_base._tz_info_fetch_ctr = 0
        self._install_socket_guard()
        self.clear_yfinance_state()

    def stop(self) -> None:
        """Undo everything `start` did."""
        import requests as requests_lib
        from curl_cffi.requests.session import Session as CurlSession
        from yfinance import base as yf_base

        CurlSession.request = self._saved.pop("curl")
        requests_lib.Session.request = self._saved.pop("requests")
        for database, db, cache_dir in self._saved.pop("databases"):
            database.close_db()
            database._db, database._cache_dir = db, cache_dir
        for manager, attribute, value in self._saved.pop("caches"):
            setattr(manager, attribute, value)
        for proxy, database_in_use in self._saved.pop("proxies"):
            # Caches made before the fake keep talking to their own database files.
            proxy.obj = database_in_use
        yf_base._tz_info_fetch_ctr = self._saved.pop("tz_fallbacks")
        socket.socket.connect, socket.getaddrinfo = self._saved.pop("sockets")
        self.clear_yfinance_state()

    @staticmethod
    def clear_yfinance_state() -> None:
        """Forget yfinance's in-process response cache and its cookie and crumb."""
        from yfinance.data import SingletonMeta, YfData

        YfData.cache_get.cache_clear()
        data = SingletonMeta._instances.get(YfData)
        if data is not None:
            with data._cookie_lock:
                data._crumb = None
                data._cookie = None
                data._cookie_strategy = "basic"

    def _install_socket_guard(self) -> None:
        real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo
        self._saved["sockets"] = (real_connect, real_getaddrinfo)

        def is_local(host: object) -> bool:
            text = host.decode() if isinstance(host, bytes) else str(host)
            return text in ("localhost", "::1", "", "None") or text.startswith("127.")

        def connect(sock: socket.socket, address: Any) -> None:
            if isinstance(address, tuple) and not is_local(address[0]):
                raise ConnectionRefusedError(f"yahoo_fake: network blocked ({address!r})")
            return real_connect(sock, address)

        def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
            if not is_local(host):
                raise socket.gaierror(socket.EAI_NONAME, f"yahoo_fake: DNS blocked for {host!r}")
            return real_getaddrinfo(host, *args, **kwargs)

        socket.socket.connect = connect
        socket.getaddrinfo = getaddrinfo

    # ---------------------------------------------------------------- router
    def _answer(self, session: Any, method: str, url: str, params: Any) -> Any:
        parts = urlsplit(url)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        query.update({str(k): str(v) for k, v in dict(params or {}).items() if v is not None})
        host, path = (parts.hostname or "").lower(), parts.path
        symbol = unquote(path.rsplit("/", 1)[-1]).upper() if "/finance/" in path else None

        if "/v8/finance/chart/" in path and self._offline:
            self._log(LoggedRequest(method.upper(), host, path, query, 0, symbol))
            raise _dns_error(session, host)
        if "/v8/finance/chart/" in path and self._take_failure(symbol):
            self._log(LoggedRequest(method.upper(), host, path, query, 0, symbol))
            raise _connection_error(session, host)

        status, body, content_type = self._route(host, path, query, symbol)
        logged = LoggedRequest(method.upper(), host, path, query, status, symbol)
        self._log(logged)
        if status == 404 and isinstance(body, dict) and body.pop("_unhandled", False):
            with self._lock:
                self.unhandled.append(logged)
        text = body if isinstance(body, str) else json.dumps(body, allow_nan=False)
        return _response(session, status, text, url, content_type)

    def _log(self, request: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _take_failure(self, symbol: str | None) -> bool:
        with self._lock:
            for i, target in enumerate(self._failures):
                if target is None or target == symbol:
                    del self._failures[i]
                    return True
        return False

    def _route(
        self, host: str, path: str, query: dict[str, str], symbol: str | None
    ) -> tuple[int, Any, str]:
        if self._rate_limit_everything and host.endswith("yahoo.com"):
            return 429, TOO_MANY_REQUESTS, TEXT
        if host == "fc.yahoo.com":
            return 404, "<html><body>404 Not Found</body></html>", HTML
        if path.endswith("/v1/test/getcrumb"):
            return 200, self.crumb, TEXT
        if host.endswith("consent.yahoo.com") or host == "guce.yahoo.com":
            # Outside the EU there is no consent form; yfinance falls back to its basic strategy.
            return 200, "<html><body>no consent needed</body></html>", HTML
        if "/v8/finance/chart/" in path and symbol:
            return self._chart(symbol, query)
        if "/v10/finance/quoteSummary/" in path and symbol:
            return self._quote_summary(symbol)
        if path.endswith("/v1/finance/search"):
            return self._search(query)
        return 404, {"_unhandled": True, "finance": {"result": None, "error": "not faked"}}, JSON

    def _chart(self, symbol: str, query: dict[str, str]) -> tuple[int, Any, str]:
        with self._lock:
            forced = self._forced.get(symbol)
            limited = symbol in self._rate_limited
            listing = self._listings.get(symbol)
        if forced is not None:
            status, body = forced
            return (
                status,
                dict(body) if isinstance(body, Mapping) else body,
                (JSON if isinstance(body, Mapping) else TEXT),
            )
        if limited:
            return 429, TOO_MANY_REQUESTS, TEXT
        if listing is None:
            return 404, _chart_error("Not Found", "No data found, symbol may be delisted"), JSON

        bars = listing.bars
        if "period1" in query:
            start, end = int(float(query["period1"])), int(float(query["period2"]))
            first_bar = int(bars.index[0].timestamp()) if len(bars) else start
            if end <= start or end <= first_bar:
                reason = f"Data doesn't exist for startDate = {start}, endDate = {end}"
                return 400, _chart_error("Bad Request", reason), JSON
            stamps = bars.index.as_unit("s").asi8
            chosen = bars[(stamps >= start) & (stamps < end)]
            window = ""
        else:
            # The timezone probe (range=1d): the latest bar up to "now" is plenty.
            chosen = bars[bars.index <= self.now].iloc[-1:]
            window = query.get("range", "1mo")
        result: dict[str, Any] = {"meta": self._meta(symbol, listing, window)}
        if chosen.empty:
            result["indicators"] = {"quote": [{}], "adjclose": [{}]}
        else:
            result["timestamp"] = [int(t.timestamp()) for t in chosen.index]
            result["indicators"] = {
                "quote": [
                    {
                        column.lower(): _json_numbers(chosen[column])
                        for column in ("Open", "High", "Low", "Close", "Volume")
                    }
                ],
                "adjclose": [{"adjclose": _json_numbers(chosen["Adj Close"])}],
            }
            if "events" in query:
                events = _events(chosen)
                if events:
                    result["events"] = events
        return 200, {"chart": {"result": [result], "error": None}}, JSON

    def _meta(self, symbol: str, listing: _Listing, window: str) -> dict[str, Any]:
        instrument, bars = listing.instrument, listing.bars
        now_local = self.now.tz_convert(instrument.timezone)
        offset = int(now_local.utcoffset().total_seconds())
        abbreviation = now_local.tzname()
        past = bars[bars.index <= self.now]
        last = past.iloc[-1] if len(past) else None
        day_start = now_local.normalize()

        def period(start: pd.Timestamp, end: pd.Timestamp) -> dict[str, Any]:
            return {
                "timezone": abbreviation,
                "start": int(start.timestamp()),
                "end": int(end.timestamp()),
                "gmtoffset": offset,
            }

        regular = period(day_start, day_start + pd.Timedelta(hours=23, minutes=59))
        return {
            "currency": "USD",
            "symbol": symbol,
            "exchangeName": instrument.exchange,
            "fullExchangeName": instrument.exchange,
            "instrumentType": instrument.instrument_type,
            "firstTradeDate": int(bars.index[0].timestamp()) if len(bars) else None,
            "regularMarketTime": int(past.index[-1].timestamp()) if last is not None else None,
            "hasPrePostMarketData": False,
            "gmtoffset": offset,
            "timezone": abbreviation,
            "exchangeTimezoneName": instrument.timezone,
            "regularMarketPrice": _json_number(last["Close"]) if last is not None else None,
            "chartPreviousClose": _json_number(last["Close"]) if last is not None else None,
            "priceHint": 2,
            "currentTradingPeriod": {"pre": regular, "regular": regular, "post": regular},
            "dataGranularity": "1d",
            "range": window,
            "validRanges": VALID_RANGES,
        }

    def _search(self, query: dict[str, str]) -> tuple[int, Any, str]:
        with self._lock:
            found = self._searches.get(" ".join(query.get("q", "").lower().split()), [])
        limit = int(query.get("quotesCount", "8"))
        body = {
            "explains": [],
            "count": len(found[:limit]),
            "quotes": found[:limit],
            "news": [],
            "nav": [],
            "lists": [],
            "researchReports": [],
            "screenerFieldResults": [],
            "totalTime": 12,
        }
        return 200, body, JSON

    def _quote_summary(self, symbol: str) -> tuple[int, Any, str]:
        with self._lock:
            limited = self._rate_limit_everything or symbol in self._rate_limited
            listing = self._listings.get(symbol)
        if limited:
            return 429, TOO_MANY_REQUESTS, TEXT
        if listing is None:
            error = {"code": "Not Found", "description": f"Quote not found for symbol: {symbol}"}
            return 404, {"quoteSummary": {"result": None, "error": error}}, JSON
        quote_type = {
            "symbol": symbol,
            "quoteType": listing.instrument.instrument_type,
            "exchange": listing.instrument.exchange,
            "timeZoneFullName": listing.instrument.timezone,
        }
        return 200, {"quoteSummary": {"result": [{"quoteType": quote_type}], "error": None}}, JSON


# ---------------------------------------------------------------------- helpers
def _to_yahoo_frame(frame: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """Yahoo column names, and each calendar date stamped at the instrument's bar time."""
    renamed = frame.rename(
        columns={c: _COLUMN_NAMES.get(str(c).strip().lower(), c) for c in frame.columns}
    ).copy()
    if "Close" not in renamed.columns:
        raise ValueError(f"yahoo_fake: a frame needs a Close column, got {list(frame.columns)}")
    for column in ("Open", "High", "Low"):
        if column not in renamed.columns:
            renamed[column] = renamed["Close"]
    if "Adj Close" not in renamed.columns:
        renamed["Adj Close"] = renamed["Close"]
    if "Volume" not in renamed.columns:
        renamed["Volume"] = 0.0
    hours, minutes = (int(part) for part in instrument.bar_time.split(":"))
    days = pd.DatetimeIndex(pd.to_datetime(renamed.index)).normalize()
    stamped = days + pd.Timedelta(hours=hours, minutes=minutes)
    renamed.index = stamped.tz_localize(instrument.timezone, nonexistent="shift_forward")
    return renamed.sort_index()


def _json_number(value: Any) -> float | None:
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else number


def _json_numbers(column: pd.Series) -> list[float | None]:
    return [_json_number(value) for value in column.to_numpy(dtype="float64")]


def _events(bars: pd.DataFrame) -> dict[str, Any]:
    """Yahoo's ``events`` block: splits as numerator/denominator, dividends as amounts."""
    events: dict[str, Any] = {}
    if "Stock Splits" in bars.columns:
        ratios = bars["Stock Splits"].fillna(0)
        splits = {}
        for stamp, ratio in ratios[(ratios != 0) & (ratios != 1)].items():
            fraction = Fraction(float(ratio)).limit_denominator(1000)
            splits[str(int(stamp.timestamp()))] = {
                "date": int(stamp.timestamp()),
                "numerator": float(fraction.numerator),
                "denominator": float(fraction.denominator),
                "splitRatio": f"{fraction.numerator}:{fraction.denominator}",
            }
        if splits:
            events["splits"] = splits
    if "Dividends" in bars.columns:
        amounts = bars["Dividends"].fillna(0)
        dividends = {
            str(int(stamp.timestamp())): {"amount": float(amount), "date": int(stamp.timestamp())}
            for stamp, amount in amounts[amounts != 0].items()
        }
        if dividends:
            events["dividends"] = dividends
    return events


def _chart_error(code: str, description: str) -> dict[str, Any]:
    return {"chart": {"result": None, "error": {"code": code, "description": description}}}


def _is_curl(session: Any) -> bool:
    from curl_cffi.requests.session import Session as CurlSession

    return isinstance(session, CurlSession)


def _response(session: Any, status: int, text: str, url: str, content_type: str) -> Any:
    """A real Response object of the session's own library, as yfinance expects."""
    body = text.encode("utf-8")
    if _is_curl(session):
        from curl_cffi.requests.headers import Headers
        from curl_cffi.requests.models import Response

        response = Response()
        response.status_code = status
        response.ok = 200 <= status < 400
        response.reason = ""  # Yahoo speaks HTTP/2: no reason phrase
        response.url = url
        response.content = body
        response.headers = Headers({"content-type": content_type})
        return response
    import requests as requests_lib

    response = requests_lib.models.Response()
    response.status_code = status
    response._content = body
    response.url = url
    response.encoding = "utf-8"
    response.headers["Content-Type"] = content_type
    return response


def _connection_error(session: Any, host: str) -> Exception:
    message = f"Failed to connect to {host} port 443 after 3 ms: Couldn't connect to server"
    if _is_curl(session):
        from curl_cffi.requests.exceptions import ConnectionError as CurlConnectionError

        return CurlConnectionError(message, 7)
    import requests as requests_lib

    return requests_lib.ConnectionError(message)


def _dns_error(session: Any, host: str) -> Exception:
    message = (
        f"Failed to perform, curl: (6) Could not resolve host: {host}. See "
        "https://curl.se/libcurl/c/libcurl-errors.html first for more details."
    )
    if _is_curl(session):
        from curl_cffi.requests.exceptions import DNSError

        return DNSError(message, 6)
    import requests as requests_lib

    return requests_lib.ConnectionError(message)


def daily_bars(
    first: str,
    last: str,
    *,
    weekdays_only: bool,
    start_price: float = 100.0,
    seed: int = 0,
) -> pd.DataFrame:
    """A deterministic random walk of sane daily bars (lower-case OHLCV columns).

    `weekdays_only` for futures, indices and stocks; 7 days a week for crypto.
    """
    days = pd.date_range(first, last, freq="B" if weekdays_only else "D")
    rng = np.random.default_rng(seed)
    close = start_price * np.exp(np.cumsum(rng.normal(0.0, 0.01, len(days))))
    open_ = np.r_[start_price, close[:-1]]
    spread = np.abs(rng.normal(0.0, 0.005, len(days))) * close
    return pd.DataFrame(
        {
            "open": open_.round(4),
            "high": (np.maximum(open_, close) + spread).round(4),
            "low": (np.minimum(open_, close) - spread).round(4),
            "close": close.round(4),
            "volume": rng.integers(1_000, 2_000, len(days)).astype("float64"),
        },
        index=days,
    )


@pytest.fixture
def fake_yahoo(tmp_path: Path) -> Iterator[FakeYahoo]:
    """An active `FakeYahoo` with no symbols; add them with ``fake_yahoo.set(...)``."""
    with FakeYahoo(cache_dir=tmp_path / "yfinance-cache") as fake:
        yield fake


__all__ = ["FakeYahoo", "Instrument", "LoggedRequest", "daily_bars", "fake_yahoo"]
