"""YahooSource end to end: the real yfinance 1.7 against the offline Yahoo fake.

Nothing here mocks yfinance; only Yahoo's HTTP answers are fake, so these
tests pin what the adapter makes of yfinance's real behaviour.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yfinance as yf
from yahoo_fake import FakeYahoo, daily_bars

from ledger.bars import BAR_COLUMNS, FRAME_COLUMNS
from ledger.failures import failure_reason
from ledger.market.source import ErrorCode, PriceSource
from ledger.market.yahoo import YahooSource

JAN = (date(2024, 1, 1), date(2024, 1, 31))


class Sleeps(list[float]):
    """An injected sleep that records the pauses instead of taking them."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def source(tmp_path: Path, sleeps: Sleeps) -> YahooSource:
    return YahooSource(tmp_path / "app-cache", retries=3, backoff=1.0, sleep=sleeps)


@pytest.fixture
def btc() -> pd.DataFrame:
    return daily_bars("2024-01-01", "2024-01-31", weekdays_only=False, start_price=42000, seed=1)


@pytest.fixture
def gold() -> pd.DataFrame:
    return daily_bars("2024-01-01", "2024-01-31", weekdays_only=True, start_price=2050, seed=2)


def test_source_satisfies_the_protocol(source: YahooSource) -> None:
    assert isinstance(source, PriceSource)
    assert source.name == "yahoo"


def test_crypto_and_futures_in_one_fetch_keep_their_own_calendars(
    fake_yahoo: FakeYahoo, source: YahooSource, btc: pd.DataFrame, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold)
    window = (date(2024, 1, 5), date(2024, 1, 9))  # Friday to Tuesday, a weekend inside

    result = source.fetch({"BTC-USD": window, "GC=F": window})

    assert result.errors == {}
    btc_bars, gold_bars = result.bars["BTC-USD"], result.bars["GC=F"]
    assert list(btc_bars.index.strftime("%Y-%m-%d")) == [
        "2024-01-05",
        "2024-01-06",
        "2024-01-07",
        "2024-01-08",
        "2024-01-09",
    ]
    assert list(gold_bars.index.strftime("%Y-%m-%d")) == ["2024-01-05", "2024-01-08", "2024-01-09"]
    for bars, served in ((btc_bars, btc), (gold_bars, gold)):
        assert list(bars.columns) == list(FRAME_COLUMNS)
        assert bars.index.name == "date"
        assert str(bars.index.dtype) == "datetime64[ns]"
        assert bars.index.tz is None
        assert (bars.index == bars.index.normalize()).all()
        assert not bars[["open", "high", "low", "close"]].isna().any().any()
        expected = served.loc[bars.index, list(BAR_COLUMNS)]
        np.testing.assert_allclose(bars[list(BAR_COLUMNS)].to_numpy(), expected.to_numpy())
    assert result.rejected == {"BTC-USD": [], "GC=F": []}


def test_equity_bars_stamped_at_the_open_land_on_their_calendar_date(
    fake_yahoo: FakeYahoo, source: YahooSource
) -> None:
    fake_yahoo.set("SPY", daily_bars("2024-03-01", "2024-03-29", weekdays_only=True))
    result = source.fetch({"SPY": (date(2024, 3, 8), date(2024, 3, 12))})  # across the DST switch
    assert list(result.bars["SPY"].index.strftime("%Y-%m-%d")) == [
        "2024-03-08",
        "2024-03-11",
        "2024-03-12",
    ]


@pytest.mark.parametrize(
    ("window", "yahoo_status"),
    [
        pytest.param((date(2024, 1, 6), date(2024, 1, 7)), 200, id="weekend"),
        pytest.param((date(2024, 3, 1), date(2024, 3, 5)), 200, id="after-last-bar"),
        pytest.param((date(2023, 6, 1), date(2023, 6, 5)), 400, id="before-first-bar"),
    ],
)
def test_a_known_symbol_with_no_bar_in_the_window_gets_empty_bars_not_an_error(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    gold: pd.DataFrame,
    sleeps: Sleeps,
    window: tuple[date, date],
    yahoo_status: int,
) -> None:
    fake_yahoo.set("GC=F", gold)
    result = source.fetch({"GC=F": window})
    assert fake_yahoo.chart_requests("GC=F", kind="price")[-1].status == yahoo_status
    assert result.errors == {}
    assert result.bars["GC=F"].empty
    assert list(result.bars["GC=F"].columns) == list(FRAME_COLUMNS)
    assert result.splits["GC=F"].empty
    assert sleeps == []


def test_unknown_symbols_fail_alone_and_are_not_retried(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame, sleeps: Sleeps
) -> None:
    # Three unknowns: yfinance reports the first two of a process through its
    # Ticker.info fallback (HTTP 404), later ones as YFTzMissingError.
    fake_yahoo.set("GC=F", gold)
    wanted = {"NOPE1": JAN, "GC=F": JAN, "NOPE2": JAN, "NOPE3": JAN}

    result = source.fetch(wanted)

    assert set(result.bars) == {"GC=F"}
    assert len(result.bars["GC=F"]) == len(gold)
    assert {symbol: error.code for symbol, error in result.errors.items()} == {
        "NOPE1": ErrorCode.UNKNOWN_SYMBOL,
        "NOPE2": ErrorCode.UNKNOWN_SYMBOL,
        "NOPE3": ErrorCode.UNKNOWN_SYMBOL,
    }
    assert "NOPE2" in result.errors["NOPE2"].message
    assert sleeps == []


def test_a_symbol_delisted_after_its_timezone_was_cached_is_unknown(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("GC=F", gold)
    assert source.fetch({"GC=F": JAN}).errors == {}
    fake_yahoo.remove("GC=F")  # the tz cache still knows GC=F: no probe, Yahoo's 404 on prices

    result = source.fetch({"GC=F": (date(2024, 1, 2), date(2024, 1, 3))})

    assert result.errors["GC=F"].code == ErrorCode.UNKNOWN_SYMBOL
    assert fake_yahoo.chart_requests("GC=F", kind="price")[-1].status == 404


def test_rate_limit_on_one_symbol_backs_off_then_reports_it_and_serves_the_others(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    btc: pd.DataFrame,
    gold: pd.DataFrame,
    sleeps: Sleeps,
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold).set("SI=F", gold)
    fake_yahoo.rate_limit("GC=F")

    result = source.fetch({"GC=F": JAN, "BTC-USD": JAN, "SI=F": JAN})

    assert sleeps == [1.0, 2.0, 4.0]
    assert set(result.bars) == {"BTC-USD", "SI=F"}
    error = result.errors["GC=F"]
    assert error.code == ErrorCode.RATE_LIMITED
    assert error.is_temporary
    assert "4 attempts" in error.message
    # The symbols behind the throttled one were each asked exactly once.
    assert len(fake_yahoo.chart_requests("BTC-USD", kind="price")) == 1
    assert len(fake_yahoo.chart_requests("SI=F", kind="price")) == 1


def test_a_rate_limit_that_lifts_during_the_pause_ends_in_bars(
    fake_yahoo: FakeYahoo, tmp_path: Path, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("GC=F", gold).rate_limit("GC=F")
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        fake_yahoo.lift_rate_limit()

    result = YahooSource(tmp_path, backoff=0.5, sleep=sleep).fetch({"GC=F": JAN})

    assert pauses == [0.5]
    assert result.errors == {}
    assert len(result.bars["GC=F"]) == len(gold)


def test_rate_limit_on_everything_gives_up_on_every_symbol_without_hammering(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    btc: pd.DataFrame,
    gold: pd.DataFrame,
    sleeps: Sleeps,
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold).set("SI=F", gold)
    fake_yahoo.rate_limit(everything=True)

    result = source.fetch({"BTC-USD": JAN, "GC=F": JAN, "SI=F": JAN})

    assert result.bars == {}
    assert {error.code for error in result.errors.values()} == {ErrorCode.RATE_LIMITED}
    assert set(result.errors) == {"BTC-USD", "GC=F", "SI=F"}
    assert sleeps == [1.0, 2.0, 4.0]
    # One symbol asked per round (each round stops at the first 429), so four
    # attempts in all; yfinance re-sends each 429 once with its other cookie strategy.
    assert len(fake_yahoo.chart_requests()) == 4 * 2


def test_without_retries_the_symbols_behind_a_rate_limit_are_not_asked(
    fake_yahoo: FakeYahoo, tmp_path: Path, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("GC=F", gold).set("SI=F", gold).rate_limit(everything=True)
    pauses: list[float] = []

    result = YahooSource(tmp_path, retries=0, sleep=pauses.append).fetch({"GC=F": JAN, "SI=F": JAN})

    assert pauses == []
    assert result.errors["GC=F"].message.endswith("(gave up after 1 attempt)")
    assert result.errors["SI=F"].code == ErrorCode.RATE_LIMITED
    assert "not asked" in result.errors["SI=F"].message
    assert fake_yahoo.chart_requests("SI=F") == []


def test_a_dropped_connection_is_retried_and_then_succeeds(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    btc: pd.DataFrame,
    gold: pd.DataFrame,
    sleeps: Sleeps,
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold)
    fake_yahoo.fail_next(1, symbol="GC=F")

    result = source.fetch({"BTC-USD": JAN, "GC=F": JAN})

    assert result.errors == {}
    assert sleeps == [1.0]
    assert len(result.bars["GC=F"]) == len(gold)
    first_try, *_ = fake_yahoo.chart_requests("GC=F")
    assert first_try.status == 0  # the dropped connection


def test_a_network_that_stays_down_ends_in_source_error(
    fake_yahoo: FakeYahoo, tmp_path: Path, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("GC=F", gold).fail_next(100)
    pauses: list[float] = []

    result = YahooSource(tmp_path, retries=2, backoff=2.0, sleep=pauses.append).fetch({"GC=F": JAN})

    assert pauses == [2.0, 4.0]
    error = result.errors["GC=F"]
    assert error.code == ErrorCode.SOURCE_ERROR
    assert error.message == "GC=F: Yahoo unreachable (cannot connect) (gave up after 3 attempts)"


def test_an_unreachable_yahoo_is_asked_once_a_round_not_once_a_symbol(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame, sleeps: Sleeps
) -> None:
    symbols = ("GC=F", "SI=F", "CL=F", "^GSPC", "BTC-USD")
    for symbol in symbols:
        fake_yahoo.set(symbol, gold)
    fake_yahoo.go_offline()

    result = source.fetch(dict.fromkeys(symbols, JAN))

    # One request per attempt (4 attempts), not one per symbol per attempt (20).
    assert result.requests == 4
    assert sleeps == [1.0, 2.0, 4.0]
    assert set(result.errors) == set(symbols)
    reasons = {failure_reason(symbol, error.message) for symbol, error in result.errors.items()}
    assert reasons == {"Yahoo unreachable (DNS: cannot resolve query2.finance.yahoo.com)"}
    assert all(error.code == ErrorCode.SOURCE_ERROR for error in result.errors.values())


def test_a_connection_error_after_a_symbol_got_through_is_not_an_outage(
    fake_yahoo: FakeYahoo, source: YahooSource, btc: pd.DataFrame, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold).set("SI=F", gold)
    fake_yahoo.fail_next(4, symbol="GC=F")

    result = source.fetch({"BTC-USD": JAN, "GC=F": JAN, "SI=F": JAN})

    assert set(result.bars) == {"BTC-USD", "SI=F"}  # asked in the first round all the same
    assert len(fake_yahoo.chart_requests("SI=F", kind="price")) == 1
    assert "Yahoo unreachable (cannot connect)" in result.errors["GC=F"].message


def test_an_outage_page_instead_of_json_is_a_retried_source_error(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame, sleeps: Sleeps
) -> None:
    fake_yahoo.set("GC=F", gold).set("SI=F", gold)
    fake_yahoo.force_error("GC=F", 503, "<html>Will be right back...</html>")

    result = source.fetch({"GC=F": JAN, "SI=F": JAN})

    assert result.errors["GC=F"].code == ErrorCode.SOURCE_ERROR
    assert sleeps == [1.0, 2.0, 4.0]
    assert set(result.bars) == {"SI=F"}


def test_three_symbols_cost_one_price_request_each_and_the_count_is_reported(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    btc: pd.DataFrame,
    gold: pd.DataFrame,
) -> None:
    # Symbols yfinance has never seen and whose timezone the source does not know.
    fake_yahoo.set("SOL-USD", btc).set("HG=F", gold).set("AAPL", gold)
    wanted = {"SOL-USD": JAN, "HG=F": JAN, "AAPL": (date(2024, 1, 10), date(2024, 1, 12))}

    cold = source.fetch(wanted)

    for symbol in wanted:
        assert len(fake_yahoo.chart_requests(symbol, kind="price")) == 1
        assert len(fake_yahoo.chart_requests(symbol, kind="probe")) == 1  # timezone, once ever
    assert cold.requests == len(fake_yahoo.chart_requests()) == 6

    # Next run, other windows: the timezones come from the on-disk cache.
    fake_yahoo.reset_log()
    fake_yahoo.clear_yfinance_state()  # as in a new process: only the disk cache survives
    later = {symbol: (date(2024, 1, 15), date(2024, 1, 19)) for symbol in wanted}
    warm = source.fetch(later)

    assert warm.errors == {}
    for symbol in wanted:
        assert len(fake_yahoo.chart_requests(symbol)) == 1
    assert warm.requests == 3


def test_yfinance_caches_live_in_the_app_cache_dir(
    fake_yahoo: FakeYahoo, tmp_path: Path, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("GC=F", gold)
    YahooSource(tmp_path / "app").fetch({"GC=F": JAN})
    assert (tmp_path / "app" / "yfinance" / "tkr-tz.db").is_file()


def test_close_is_the_raw_close_not_the_adjusted_one(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame
) -> None:
    served = gold.assign(**{"Adj Close": gold["close"] * 0.5})
    fake_yahoo.set("XOM", served)

    bars = source.fetch({"XOM": JAN}).bars["XOM"]

    np.testing.assert_allclose(bars["close"].to_numpy(), gold["close"].to_numpy())
    np.testing.assert_allclose(bars["open"].to_numpy(), gold["open"].to_numpy())


def test_splits_inside_the_window_are_surfaced(
    fake_yahoo: FakeYahoo, source: YahooSource, gold: pd.DataFrame
) -> None:
    served = gold.assign(**{"Stock Splits": 0.0})
    served.loc["2024-01-10", "Stock Splits"] = 4.0
    served.loc["2024-01-24", "Stock Splits"] = 0.5  # a 1-for-2 reverse split
    fake_yahoo.set("NVDA", served).set("AMD", gold)

    result = source.fetch({"NVDA": JAN, "AMD": JAN})

    splits = result.splits["NVDA"]
    assert splits.name == "split_ratio"
    assert splits.index.name == "date"
    assert splits.to_dict() == {pd.Timestamp("2024-01-10"): 4.0, pd.Timestamp("2024-01-24"): 0.5}
    assert result.splits["AMD"].empty
    outside = source.fetch({"NVDA": (date(2024, 1, 11), date(2024, 1, 20))})
    assert outside.splits["NVDA"].empty


def test_insane_bars_from_yahoo_are_rejected_with_a_message(
    fake_yahoo: FakeYahoo, source: YahooSource
) -> None:
    gold = daily_bars("2020-04-13", "2020-04-24", weekdays_only=True, start_price=1700)
    gold.loc["2020-04-20", ["low", "close"]] = [-40.32, -37.63]  # gold cannot go there
    oil = daily_bars("2020-04-13", "2020-04-24", weekdays_only=True, start_price=20)
    oil.loc["2020-04-20", ["low", "close"]] = [-40.32, -37.63]  # oil did
    oil.loc["2020-04-21":, ["open", "high", "low", "close"]] /= 2  # and did not come straight back
    fake_yahoo.set("GC=F", gold).set("CL=F", oil)

    wanted = (date(2020, 4, 13), date(2020, 4, 24))
    result = source.fetch({"GC=F": wanted, "CL=F": wanted})

    assert pd.Timestamp("2020-04-20") not in result.bars["GC=F"].index
    assert len(result.bars["GC=F"]) == len(gold) - 1
    assert result.rejected["GC=F"] == [
        "GC=F 2020-04-20: low -40.32 is not positive; close -37.63 is not positive"
    ]
    assert result.bars["CL=F"].loc["2020-04-20", "close"] == -37.63
    assert result.rejected["CL=F"] == []


def test_yfinance_stays_quiet_and_its_switches_are_restored(
    fake_yahoo: FakeYahoo,
    source: YahooSource,
    gold: pd.DataFrame,
    capfd: pytest.CaptureFixture[str],
) -> None:
    fake_yahoo.set("GC=F", gold).rate_limit(everything=True)
    yf_logger = logging.getLogger("yfinance")
    assert yf.config.debug.hide_exceptions is True

    source.fetch({"GC=F": JAN, "NOPE": JAN})

    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert yf.config.debug.hide_exceptions is True
    assert yf_logger.propagate is True
    assert yf_logger.handlers == []


def test_windows_are_checked_before_any_request(fake_yahoo: FakeYahoo, source: YahooSource) -> None:
    with pytest.raises(ValueError, match="after it ends"):
        source.fetch({"GC=F": (date(2024, 2, 1), date(2024, 1, 1))})
    empty = source.fetch({})
    assert (empty.bars, empty.errors, empty.requests) == ({}, {}, 0)
    assert fake_yahoo.requests == []


def test_built_in_assets_need_no_timezone_probe(
    fake_yahoo: FakeYahoo, source: YahooSource, btc: pd.DataFrame, gold: pd.DataFrame
) -> None:
    fake_yahoo.set("BTC-USD", btc).set("GC=F", gold).set("^GSPC", gold)
    result = source.fetch({"BTC-USD": JAN, "GC=F": JAN, "^GSPC": JAN})

    assert result.errors == {}
    assert len(fake_yahoo.chart_requests(kind="probe")) == 0
    assert result.requests == len(fake_yahoo.chart_requests()) == 3
    # The known timezone gives the same calendar dates the probe would have.
    assert result.bars["BTC-USD"].index[0] == pd.Timestamp("2024-01-01")
    assert result.bars["GC=F"].index[0] == pd.Timestamp("2024-01-01")
