"""The CSV source's numeric path against the careful reader (issue 12).

`_read_plain_csv` first offers a file to `_read_numeric_csv`: a file of
nothing but decimals and ISO dates is read by pandas without its markers or
date parser and by numpy's fixed-position dates. Whatever the file, the
numeric path gives the careful reader's frame or declines; hypothesis writes
files from the bytes the numeric path accepts (digits, '.', '-', ',' and
newlines), so that most of them reach it, and the named cases hold the
quirks of Yahoo's exports: close-only days, NaN rows, negative settlements,
unsorted and repeated dates.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from price_files import careful

from ledger.market import csv_source
from ledger.market.csv_source import _read_numeric_csv, read_bars_csv

DECIMALS = st.one_of(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: f"{x:.4f}"),
    st.integers(-100000, 100000).map(str),
    st.decimals(min_value=-1e6, max_value=1e6, places=6).map(str),
)
# Made of the numeric path's bytes, and yet not all of them numbers it may read.
ODD_DECIMALS = st.sampled_from(
    ["", "-", ".", "-.5", "5.", ".5", "1-2", "1.5.2", "--1", "-0", "-0.0", "007", "0" * 15,
     "1" * 15, "1" * 16, "12345678901234567", "0.1000000000000001", "1.-5", "-1e3",
     "0.30000000000000004", "1234.5678901234567"]
)  # fmt: skip
ISO_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)).map(
    lambda d: d.isoformat()
)
ODD_DATES = st.sampled_from(
    ["2024-1-2", "2024-02-30", "2024-13-01", "2024-00-10", "0000-01-01", "1600-01-01",
     "2262-04-12", "9999-12-31", "2024-01-021", "2024-0101", "20240101", "2024--01-1",
     "-2024-01-01", "2024-01.01"]
)  # fmt: skip
HEADERS = st.sampled_from(
    [
        "date,open,high,low,close,volume",
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "date,open,high,low,close",
        "open,high,date,low,close,volume",
        "date, open, high, low, close, volume",
    ]
)


@st.composite
def numeric_files(draw) -> str:
    header = draw(HEADERS)
    width = header.count(",") + 1
    date_at = [name.strip().lower() for name in header.split(",")].index("date")
    lines = [header]
    odd_every = draw(st.sampled_from([0, 8, 40]))  # a third of the files have no odd cell
    for _ in range(draw(st.integers(0, 8))):

        def odd() -> bool:
            return odd_every > 0 and draw(st.integers(0, odd_every - 1)) == 0

        cells = [draw(ODD_DECIMALS if odd() else DECIMALS) for _ in range(width)]
        cells[date_at] = draw(ODD_DATES if odd() else ISO_DATES)
        lines.append(",".join(cells))
    return "\n".join(lines) + draw(st.sampled_from(["\n", ""]))


def plain_path(path: Path) -> pd.DataFrame | None:
    """What the plain path makes of the file without the numeric path."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_source, "_read_numeric_csv", lambda *_args: None)
        return csv_source._read_plain_csv(path)


def numeric(path: Path) -> pd.DataFrame | None:
    """What the numeric path makes of the file, given what `_read_plain_csv` gives it."""
    data = path.read_bytes()
    data = data if data.endswith(b"\n") else data + b"\n"
    header_end = data.index(b"\n")
    names = [name.strip().lower() for name in data[:header_end].decode().split(",")]
    present = [c for c in ("open", "high", "low", "close", "volume") if c in names]
    return _read_numeric_csv(data, np.frombuffer(data, np.uint8)[header_end + 1 :], names, present)


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=numeric_files())
@example(text="date,open,high,low,close,volume\n2020-04-20,17.73,17.85,-40.32,-37.63,247947\n")
@example(text="date,open,high,low,close,volume\n2024-01-03,-0,-0.0,0,-0.5,1\n")
def test_the_numeric_path_reads_what_the_careful_one_reads_or_declines(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "X.csv"
    path.write_text(text, encoding="utf-8")
    fast = numeric(path)
    if fast is None:
        return
    expected = careful(path)
    assert not isinstance(expected, str), (
        f"numeric path read a file the careful one refuses: {expected}"
    )
    pd.testing.assert_frame_equal(fast, expected)
    # Bit for bit as the plain path's pandas parser: "-0" is -0.0 there, where the
    # careful path's to_numeric reads an integer 0 (equal, and no price is zero).
    plain = plain_path(path)
    assert plain is not None
    assert np.array_equal(fast.to_numpy().view(np.int64), plain.to_numpy().view(np.int64))
    pd.testing.assert_frame_equal(read_bars_csv(path), expected)


YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume\n"


@pytest.mark.parametrize(
    ("text", "numeric_reads_it"),
    [
        pytest.param(
            YAHOO + "2024-01-03,10,11,9,10.5,10.4,100\n2024-01-02,9.5,10.2,9.1,10,9.9,1200\n"
            "2024-01-02,9.5,10.2,9.1,10,9.9,1200\n",
            True,
            id="unsorted-and-repeated-dates",
        ),
        pytest.param(
            YAHOO + "2020-04-17,18.27,20.39,17.31,18.27,18.27,233135\n"
            "2020-04-20,17.73,17.85,-40.32,-37.63,-37.63,247947\n",
            True,
            id="negative-settlement",
        ),
        pytest.param(
            YAHOO + "2024-01-02,,,,10.5,10.5,\n2024-01-03,10,11,9,10.5,10.4,0\n",
            False,
            id="close-only-day",
        ),
        pytest.param(
            YAHOO + "2024-01-02,NaN,NaN,NaN,NaN,NaN,NaN\n2024-01-03,10,11,9,10.5,10.4,0\n",
            False,
            id="nan-row",
        ),
        pytest.param("date,open,high,low,close\n2024-01-02,1,2,1,2\n", True, id="no-volume-column"),
        pytest.param(YAHOO + "2024-01-02,1,2,1,2,2,12345678901234567\n", False, id="long-volume"),
    ],
)
def test_yahoo_quirks_read_as_the_careful_path_reads_them(
    tmp_path: Path, text: str, numeric_reads_it: bool
) -> None:
    path = tmp_path / "X.csv"
    path.write_text(text, encoding="utf-8")
    assert (numeric(path) is not None) is numeric_reads_it
    expected = careful(path)
    assert not isinstance(expected, str), expected
    pd.testing.assert_frame_equal(read_bars_csv(path), expected)


def test_a_ten_year_bench_file_takes_the_numeric_path(tmp_path: Path) -> None:
    days = pd.bdate_range("2016-07-01", "2026-06-30")
    close = np.round(
        100.0 * np.exp(np.cumsum(np.random.default_rng(3).normal(0, 0.015, len(days)))), 4
    )
    lines = ["date,open,high,low,close,volume"] + [
        f"{d:%Y-%m-%d},{c:.4f},{c * 1.01:.4f},{c * 0.99:.4f},{c:.4f},1000"
        for d, c in zip(days, close, strict=True)
    ]
    path = tmp_path / "S000.DE.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast = numeric(path)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, careful(path))
