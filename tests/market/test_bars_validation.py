"""validate_bars: which bars are kept, which are reported, and that nothing is lost silently."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.bars import (
    BAR_COLUMNS,
    FRAME_COLUMNS,
    PRICE_COLUMNS,
    REPAIR_TOLERANCE,
    check_bars,
    empty_bars,
    validate_bars,
)


def bars(rows: list[tuple], dates: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=list(BAR_COLUMNS), index=pd.DatetimeIndex(pd.to_datetime(dates))
    )


def test_empty_bars_has_the_canonical_shape() -> None:
    frame = empty_bars()
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert all(str(frame[column].dtype) == "float64" for column in BAR_COLUMNS)
    assert str(frame.index.dtype) == "datetime64[ns]"
    assert frame.index.name == "date"
    assert frame.empty


@pytest.mark.parametrize(
    ("row", "message"),
    [
        pytest.param(
            (17.73, 17.85, -40.32, -37.63, np.nan),
            "GC=F 2024-01-02: low -40.32 is not positive; close -37.63 is not positive",
            id="negative-close-on-gold",
        ),
        pytest.param(
            (1.0, 2.0, 0.5, 0.0, 10.0), "GC=F 2024-01-02: close 0 is not positive", id="zero-close"
        ),
        pytest.param(
            (np.nan, 2.0, 0.5, 1.0, 10.0),
            "GC=F 2024-01-02: open is missing or not a finite number",
            id="nan-open",
        ),
        pytest.param(
            (1.0, np.inf, 0.5, 1.0, 10.0),
            "GC=F 2024-01-02: high is missing or not a finite number",
            id="infinite-high",
        ),
        pytest.param(
            (1.0, 1.5, 0.5, 2.0, 10.0),
            "GC=F 2024-01-02: open 1 / close 2 lie 33.3% outside low 0.5 .. high 1.5, "
            "more than the 5% a repair allows",
            id="close-far-above-high",
        ),
        pytest.param(
            (1.0, 2.0, 1.2, 1.5, 10.0),
            "GC=F 2024-01-02: open 1 / close 1.5 lie 10.0% outside low 1.2 .. high 2, "
            "more than the 5% a repair allows",
            id="open-far-below-low",
        ),
    ],
)
def test_an_insane_bar_is_dropped_with_its_reason(row: tuple, message: str) -> None:
    good = (1.0, 2.0, 0.5, 1.5, 10.0)
    kept, messages = validate_bars(bars([good, row], ["2024-01-01", "2024-01-02"]), "GC=F")
    assert list(kept.index) == [pd.Timestamp("2024-01-01")]
    assert messages == [message]


@pytest.mark.parametrize(
    ("high", "low"),
    [
        pytest.param(1.5, 1.0, id="high-equals-close-low-equals-open"),
        pytest.param(1.0, 1.0, id="flat"),
    ],
)
def test_bars_touching_their_bounds_are_sane(high: float, low: float) -> None:
    close = 1.5 if high == 1.5 else 1.0
    kept, messages = validate_bars(bars([(1.0, high, low, close, np.nan)], ["2024-01-01"]), "X")
    assert len(kept) == 1
    assert messages == []


def test_identical_copies_of_a_date_collapse_to_one() -> None:
    row = (1.0, 2.0, 0.5, 1.5, 10.0)
    kept, messages = validate_bars(bars([row, row, row], ["2024-01-01"] * 3), "GC=F")
    assert len(kept) == 1
    assert messages == ["GC=F 2024-01-01: repeats an identical bar for this date, kept once"] * 2


def test_conflicting_copies_of_a_date_are_all_dropped() -> None:
    rows = [(1.0, 2.0, 0.5, 1.5, 10.0), (1.0, 2.0, 0.5, 1.6, 10.0), (1.0, 2.0, 0.5, 1.5, 10.0)]
    dates = ["2024-01-01", "2024-01-01", "2024-01-01"]
    kept, messages = validate_bars(bars([*rows, (1, 2, 0.5, 1, 1)], [*dates, "2024-01-02"]), "GC=F")
    assert list(kept.index) == [pd.Timestamp("2024-01-02")]
    assert len(messages) == 3
    assert all("disagree" in message for message in messages)


def test_a_broken_copy_does_not_take_a_good_one_down() -> None:
    rows = [(np.nan, 2.0, 0.5, 1.5, 10.0), (1.0, 2.0, 0.5, 1.5, 10.0)]
    kept, messages = validate_bars(bars(rows, ["2024-01-01", "2024-01-01"]), "GC=F")
    assert len(kept) == 1
    assert messages == ["GC=F 2024-01-01: open is missing or not a finite number"]


def test_shape_is_canonical_whatever_comes_in() -> None:
    stamps = pd.DatetimeIndex(
        ["2024-01-03 00:00", "2024-01-02 00:00"], tz="America/New_York"
    ).as_unit("s")
    frame = pd.DataFrame(
        {"close": ["1.5", "1.4"], "open": [1, 1], "high": [2, 2], "low": [0.5, 0.5]}, index=stamps
    )
    kept, messages = validate_bars(frame, "GC=F")
    assert messages == []
    assert list(kept.columns) == list(FRAME_COLUMNS)
    assert str(kept.index.dtype) == "datetime64[ns]"
    assert kept.index.name == "date"
    assert list(kept.index.strftime("%Y-%m-%d")) == ["2024-01-02", "2024-01-03"]
    assert kept["volume"].isna().all()
    assert all(str(kept[column].dtype) == "float64" for column in BAR_COLUMNS)
    assert list(kept["quality"]) == ["ok", "ok"]


def test_missing_dates_are_reported_by_row() -> None:
    kept, messages = validate_bars(bars([(1, 2, 0.5, 1.5, 1)], [None]), "GC=F")
    assert kept.empty
    assert messages == ["GC=F row 1: missing or invalid date"]


def test_a_frame_without_price_columns_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="close"):
        validate_bars(pd.DataFrame({"open": [1.0], "high": [1.0], "low": [1.0]}), "X")


# ------------------------------------------------------------------ properties
prices = st.one_of(
    st.floats(min_value=0.5, max_value=2.0),
    st.sampled_from([0.0, -1.0, math.nan, math.inf, 1.0]),
)
rows = st.tuples(
    st.sampled_from(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", None]),
    prices,
    prices,
    prices,
    prices,
    st.one_of(st.just(math.nan), st.floats(min_value=0, max_value=1e6)),
)


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    drawn = draw(st.lists(rows, max_size=25))
    repeats = draw(st.lists(st.integers(0, max(len(drawn) - 1, 0)), max_size=5)) if drawn else []
    drawn += [drawn[i] for i in repeats]  # exact duplicates are rare by chance
    table = pd.DataFrame(drawn, columns=["date", *BAR_COLUMNS])
    table.index = pd.DatetimeIndex(pd.to_datetime(table.pop("date")))
    return table


def independent_sane(row: pd.Series) -> bool:
    """Whether a given row may be kept, written out row by row as the oracle:
    four positive prices, open and close within the repair tolerance of [low, high]."""
    values = [row[column] for column in PRICE_COLUMNS]
    if not all(math.isfinite(value) and value > 0 for value in values):
        return False
    high, low = row["high"], row["low"]
    scale = max(abs(high), abs(low))
    worst = max(values) - high, low - min(values)
    return max(worst) <= REPAIR_TOLERANCE * scale


def kept_invariants(row: pd.Series) -> bool:
    """A kept bar: close inside [low, high]; open too unless close-only; a close-only bar flat."""
    if not row["low"] <= row["close"] <= row["high"]:
        return False
    if row["quality"] == "close_only":
        return row["high"] == row["low"] == row["close"]
    return row["low"] <= row["open"] <= row["high"]


@settings(max_examples=300, deadline=None)
@given(frames())
def test_every_kept_bar_is_sane_and_every_dropped_bar_is_reported(frame: pd.DataFrame) -> None:
    kept, messages = validate_bars(frame, "SYM")

    assert len(kept) + len(messages) == len(frame)
    assert kept.index.is_unique
    assert kept.index.is_monotonic_increasing
    assert all(kept_invariants(row) for _, row in kept.iterrows())
    assert all(message.startswith("SYM ") for message in messages)

    # Every date with at least one sane row is either kept or reported as disputed.
    sane_dates = {
        date
        for date, (_, row) in zip(frame.index, frame.iterrows(), strict=True)
        if not pd.isna(date) and independent_sane(row)
    }
    kept_dates = set(kept.index)
    disputed = {
        pd.Timestamp(m.split()[1].rstrip(":"))
        for m in messages
        if "disagree" in m or "a spike" in m
    }
    assert sane_dates == kept_dates | disputed
    assert not kept_dates & disputed
    # A kept bar is one of the rows given for its date: open, close and volume
    # unchanged, the range as quoted, widened to open and close, or the close.
    for date, row in kept.iterrows():
        given_rows = frame[frame.index == date]
        ranges = {
            "ok": lambda g: (g["high"], g["low"]),
            "repaired": lambda g: (
                max(g[c] for c in PRICE_COLUMNS),
                min(g[c] for c in PRICE_COLUMNS),
            ),
            "close_only": lambda g: (g["close"], g["close"]),
        }
        expected_range = ranges[row["quality"]]
        assert any(
            np.allclose(
                [row["open"], row["close"], row["volume"], row["high"], row["low"]],
                [g["open"], g["close"], g["volume"], *expected_range(g)],
                equal_nan=True,
            )
            for _, g in given_rows.iterrows()
        )


def test_gaps_are_the_rejected_days_left_without_a_bar() -> None:
    good = (1.0, 2.0, 0.5, 1.5, 10.0)
    rows = [
        good,  # 01-01 kept
        good,  # 01-01 identical repeat: the day has its bar, no gap
        (1.0, 2.0, 0.5, np.nan, 1.0),  # 01-02 no close: a gap
        (1.0, 2.0, 0.5, 1.5, 1.0),  # 01-03 conflicting copies: a gap
        (1.0, 2.0, 0.5, 1.9, 1.0),  # 01-03
        (1.0, 1.0, 0.5, 1.5, 1.0),  # 01-04 close far above high: a gap
        good,  # no date: names no day
    ]
    dates = [
        "2024-01-01",
        "2024-01-01",
        "2024-01-02",
        "2024-01-03",
        "2024-01-03",
        "2024-01-04",
        None,
    ]
    checked = check_bars(bars(rows, dates), "GC=F")
    assert list(checked.gaps) == [dt.date(2024, 1, 2), dt.date(2024, 1, 3), dt.date(2024, 1, 4)]
    assert checked.gaps[dt.date(2024, 1, 2)].startswith("GC=F 2024-01-02: close is missing")
    assert validate_bars(bars(rows, dates), "GC=F")[1] == checked.messages


@settings(max_examples=200, deadline=None)
@given(frames(), st.booleans())
def test_float_columns_and_midnight_dates_check_as_any_other_input(
    frame: pd.DataFrame, sort: bool
) -> None:
    """`check_bars` takes float64 columns and a naive midnight index as they are
    (a source's usual frame); the same bars as text and as noon timestamps go
    through `pd.to_numeric` and the calendar-date conversion, and must come out
    the same: kept bars, messages and gaps."""
    if sort:
        frame = frame.sort_index(kind="stable")
    fast = check_bars(frame, "SYM")
    general = frame.astype(object).map(lambda v: repr(v) if isinstance(v, float) else v)
    general.index = frame.index + pd.Timedelta(hours=12)
    slow = check_bars(general, "SYM")
    pd.testing.assert_frame_equal(fast.kept, slow.kept)
    assert fast.messages == slow.messages
    assert fast.gaps == slow.gaps
