"""Bar quality: each real quirk of Yahoo's bars, reproduced with synthetic bars.

EURUSD=X closes a little outside its range (repaired); COMEX futures and the
early S&P 500 have days with no range (close-only); a lost decimal point is a
spike (rejected); crude oil really settled below zero (kept).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.bars import (
    REPAIR_TOLERANCE,
    SPIKE_THRESHOLD,
    check_bars,
    may_go_non_positive,
)


def frame(rows: list[tuple[str, float, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [row[1:] for row in rows],
        columns=["open", "high", "low", "close"],
        index=pd.DatetimeIndex([row[0] for row in rows]),
    )


def test_fx_close_a_little_outside_the_range_is_repaired() -> None:
    # EURUSD=X 2022-12-26 as Yahoo served it: open 1.06678 above high 1.063717.
    checked = check_bars(frame([("2022-12-26", 1.06678, 1.063717, 1.0614, 1.0626)]), "EURUSD=X")
    assert checked.messages == []
    bar = checked.kept.iloc[0]
    assert bar["quality"] == "repaired"
    assert (bar["high"], bar["low"]) == (1.06678, 1.0614)  # widened to the open
    assert (bar["open"], bar["close"]) == (1.06678, 1.0626)  # as quoted


def test_a_bar_within_its_range_is_ok_and_unchanged() -> None:
    checked = check_bars(frame([("2024-01-02", 1.0, 1.2, 0.9, 1.1)]), "EURUSD=X")
    assert list(checked.kept["quality"]) == ["ok"]
    assert list(checked.kept.iloc[0][["open", "high", "low", "close"]]) == [1.0, 1.2, 0.9, 1.1]


@pytest.mark.parametrize(
    ("close", "quality"),
    [
        pytest.param(1.0 * (1 + REPAIR_TOLERANCE) * 0.999, "repaired", id="just-inside-tolerance"),
        pytest.param(1.0 * (1 + REPAIR_TOLERANCE) * 1.001, None, id="just-beyond-tolerance"),
    ],
)
def test_the_repair_tolerance_is_the_boundary(close: float, quality: str | None) -> None:
    checked = check_bars(frame([("2024-01-02", 1.0, 1.0, 0.9, close)]), "GC=F")
    if quality is None:
        assert checked.kept.empty
        assert "more than the 5% a repair allows" in checked.messages[0]
        assert list(checked.gaps) == [pd.Timestamp("2024-01-02").date()]
    else:
        assert list(checked.kept["quality"]) == [quality]


def test_a_roll_day_without_a_range_is_close_only() -> None:
    # GC=F on a contract roll: high = low = close; an intraday touch cannot be seen.
    checked = check_bars(frame([("2024-03-27", 2190.3, 2190.3, 2190.3, 2190.3)]), "GC=F")
    assert list(checked.kept["quality"]) == ["close_only"]


def test_a_flat_bar_with_a_stale_open_and_range_keeps_only_its_close() -> None:
    # GC=F 2003-05-08: open = high = low = 344.6 (stale), close 348.4.
    checked = check_bars(frame([("2003-05-08", 344.6, 344.6, 344.6, 348.4)]), "GC=F")
    bar = checked.kept.iloc[0]
    assert bar["quality"] == "close_only"
    assert (bar["high"], bar["low"], bar["close"], bar["open"]) == (348.4, 348.4, 348.4, 344.6)


def test_a_lost_decimal_point_that_reverts_is_a_spike() -> None:
    # EURUSD=X 2008-03-17: low 0.072902 between closes of 1.56 and 1.57.
    rows = [
        ("2008-03-14", 1.55, 1.57, 1.55, 1.561792),
        ("2008-03-17", 1.57, 1.590306, 0.072902, 1.574803),
        ("2008-03-18", 1.57, 1.58, 1.56, 1.565803),
    ]
    checked = check_bars(frame(rows), "EURUSD=X")
    assert [d.date().isoformat() for d in checked.kept.index] == ["2008-03-14", "2008-03-18"]
    assert len(checked.messages) == 1
    assert checked.messages[0].startswith("EURUSD=X 2008-03-17: a spike")
    assert list(checked.gaps) == [pd.Timestamp("2008-03-17").date()]


def test_a_big_move_that_does_not_revert_is_kept() -> None:
    # Bitcoin 2020-03-12: down 39% and not back the next day.
    rows = [
        ("2020-03-11", 7900, 7950, 7600, 7911.4),
        ("2020-03-12", 7913, 7929, 4860, 4970.8),
        ("2020-03-13", 4860, 5955, 4106, 5563.7),
    ]
    checked = check_bars(frame(rows), "BTC-USD")
    assert checked.messages == []
    assert len(checked.kept) == 3


def test_crude_oil_below_zero_is_a_real_bar() -> None:
    # CL=F 2020-04-20 settled at -37.63, between 18.27 and 10.01.
    rows = [
        ("2020-04-17", 19.87, 20.39, 17.31, 18.27),
        ("2020-04-20", 17.73, 17.85, -40.32, -37.63),
        ("2020-04-21", 10.01, 10.01, 10.01, 10.01),
    ]
    checked = check_bars(frame(rows), "CL=F")
    assert checked.messages == []
    assert list(checked.kept["close"]) == [18.27, -37.63, 10.01]
    assert list(checked.kept["quality"]) == ["ok", "ok", "close_only"]


@pytest.mark.parametrize(
    ("symbol", "allowed"),
    [
        ("CL=F", True),
        ("ng=f", True),
        ("BZ=F", True),
        ("GC=F", False),
        ("EURUSD=X", False),
        ("BTC-USD", False),
        ("^GSPC", False),
        ("CL", False),
    ],
)
def test_which_assets_may_go_non_positive(symbol: str, allowed: bool) -> None:
    assert may_go_non_positive(symbol) is allowed
    checked = check_bars(frame([("2024-01-02", 1.0, 1.0, -1.0, -0.5)]), symbol)
    assert checked.kept.empty is not allowed


def test_rejections_are_stable_on_the_same_data() -> None:
    rows = [
        ("2008-03-14", 1.55, 1.57, 1.55, 1.561792),
        ("2008-03-17", 1.57, 1.590306, 0.072902, 1.574803),
        ("2008-03-18", 1.57, 1.58, 1.56, 1.565803),
        ("2008-03-19", 1.0, 1.0, 0.9, 1.6),
    ]
    assert check_bars(frame(rows), "X").messages == check_bars(frame(rows), "X").messages


closes = st.floats(min_value=1.0, max_value=1000.0)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(closes, st.floats(0.0, 0.2), st.floats(0.0, 0.2)), min_size=3, max_size=30)
)
def test_a_calm_series_keeps_every_bar(days: list[tuple[float, float, float]]) -> None:
    """Bars whose closes move less than the spike threshold a day are never spikes."""
    price, rows = 100.0, []
    start = pd.Timestamp("2024-01-01")
    for offset, (_, step, spread) in enumerate(days):
        price *= 1 + (step - 0.1) * SPIKE_THRESHOLD
        high, low = price * (1 + spread / 10), price * (1 - spread / 10)
        rows.append(((start + pd.Timedelta(days=offset)).isoformat(), price, high, low, price))
    checked = check_bars(frame(rows), "BTC-USD")
    assert checked.messages == []
    assert len(checked.kept) == len(rows)
    assert np.all(checked.kept["quality"].isin(["ok", "close_only"]))


def test_the_schema_allows_exactly_the_qualities_the_bars_carry() -> None:
    from ledger.bars import BAR_QUALITIES
    from ledger.store.tables import BAR_QUALITIES as STORED

    assert STORED == BAR_QUALITIES
