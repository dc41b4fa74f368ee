"""The Yahoo fake answers like Yahoo, so the adapter tests mean something.

These talk to the fake through a plain curl_cffi session (the library yfinance
uses) and check the raw answers: bar timestamps per instrument timezone,
Yahoo's error bodies and status codes, the failure switches and the isolation.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pandas as pd
import pytest
from curl_cffi import requests as curl_requests
from curl_cffi.requests.exceptions import ConnectionError as CurlConnectionError
from yahoo_fake import FakeYahoo, daily_bars
from yfinance import cache as yf_cache

CHART = "https://query2.finance.yahoo.com/v8/finance/chart/"
FRIDAY = pd.Timestamp("2024-01-05")


def chart(symbol: str, first: pd.Timestamp, last: pd.Timestamp) -> curl_requests.Response:
    params = {
        "period1": int(first.timestamp()),
        "period2": int(last.timestamp()),
        "interval": "1d",
        "events": "div,splits",
    }
    return curl_requests.Session().get(CHART + symbol, params=params)


@pytest.mark.parametrize(
    ("symbol", "stamped_at_utc"),
    [
        pytest.param("BTC-USD", "2024-01-05 00:00", id="crypto-utc-midnight"),
        pytest.param("GC=F", "2024-01-05 05:00", id="futures-new-york-midnight"),
        pytest.param("SPY", "2024-01-05 14:30", id="equity-new-york-open"),
        pytest.param("^GSPC", "2024-01-05 14:30", id="index-new-york-open"),
    ],
)
def test_daily_bars_are_stamped_at_the_instruments_bar_time(
    fake_yahoo: FakeYahoo, symbol: str, stamped_at_utc: str
) -> None:
    fake_yahoo.set(symbol, daily_bars("2024-01-01", "2024-01-12", weekdays_only=True))
    answer = chart(
        symbol, pd.Timestamp("2024-01-05", tz="UTC"), pd.Timestamp("2024-01-06", tz="UTC")
    )
    result = answer.json()["chart"]["result"][0]
    assert result["timestamp"] == [int(pd.Timestamp(stamped_at_utc, tz="UTC").timestamp())]


def test_unknown_symbols_get_yahoos_404_body(fake_yahoo: FakeYahoo) -> None:
    answer = chart(
        "NOPE", FRIDAY.tz_localize("UTC"), (FRIDAY + pd.Timedelta(days=1)).tz_localize("UTC")
    )
    assert answer.status_code == 404
    assert answer.json() == {
        "chart": {
            "result": None,
            "error": {"code": "Not Found", "description": "No data found, symbol may be delisted"},
        }
    }


def test_splits_and_adjusted_closes_are_served_as_yahoo_serves_them(fake_yahoo: FakeYahoo) -> None:
    frame = daily_bars("2024-01-01", "2024-01-12", weekdays_only=True)
    frame["Adj Close"] = frame["close"] / 2
    frame["Stock Splits"] = 0.0
    frame.loc[FRIDAY, "Stock Splits"] = 1.5
    fake_yahoo.set("XYZ", frame)

    result = chart(
        "XYZ", pd.Timestamp("2024-01-01", tz="UTC"), pd.Timestamp("2024-01-13", tz="UTC")
    )
    body = result.json()["chart"]["result"][0]

    assert body["indicators"]["adjclose"][0]["adjclose"] == list(frame["close"] / 2)
    (split,) = body["events"]["splits"].values()
    assert (split["numerator"], split["denominator"], split["splitRatio"]) == (3.0, 2.0, "3:2")


def test_rate_limits_forced_errors_and_dropped_connections(fake_yahoo: FakeYahoo) -> None:
    fake_yahoo.set("GC=F", daily_bars("2024-01-01", "2024-01-12", weekdays_only=True))
    fake_yahoo.set("SI=F", daily_bars("2024-01-01", "2024-01-12", weekdays_only=True))
    first, last = pd.Timestamp("2024-01-02", tz="UTC"), pd.Timestamp("2024-01-09", tz="UTC")

    fake_yahoo.rate_limit("GC=F")
    assert chart("GC=F", first, last).status_code == 429
    assert chart("SI=F", first, last).status_code == 200
    fake_yahoo.lift_rate_limit().rate_limit(everything=True)
    assert curl_requests.Session().get("https://fc.yahoo.com").status_code == 429
    fake_yahoo.lift_rate_limit()

    fake_yahoo.force_error("SI=F", 500, "Will be right back")
    assert chart("SI=F", first, last).text == "Will be right back"

    fake_yahoo.fail_next(1, symbol="GC=F")
    with pytest.raises(CurlConnectionError):
        chart("GC=F", first, last)
    assert chart("GC=F", first, last).status_code == 200

    statuses = [request.status for request in fake_yahoo.chart_requests("GC=F", kind="price")]
    assert statuses == [429, 0, 200]


def test_the_fake_blocks_the_real_network(fake_yahoo: FakeYahoo) -> None:
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("example.com", 443)


def test_yfinance_caches_are_redirected_and_restored(tmp_path: Path) -> None:
    before = yf_cache._TzDBManager.get_location()
    with FakeYahoo(cache_dir=tmp_path / "cache"):
        assert yf_cache._TzDBManager.get_location() == str(tmp_path / "cache")
    assert yf_cache._TzDBManager.get_location() == before
