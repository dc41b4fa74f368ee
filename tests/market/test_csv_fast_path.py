"""The CSV source's fast path (pandas' C parser with float dtypes) against its careful one.

`read_bars_csv` tries `_read_plain_csv` first and falls back to the careful,
per-cell reading when the file is anything but plain. Whatever the file, the
two must agree: the same frame, or the fast path declines and the careful
path gives its frame or its error. hypothesis writes the files from cells a
real export has and cells that break the rules.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from price_files import careful

from ledger.market import csv_source
from ledger.market.csv_source import _read_plain_csv

PLAIN_NUMBERS = st.one_of(
    st.floats(min_value=0.001, max_value=1e6, allow_nan=False).map(lambda x: f"{x:.4f}"),
    st.floats(min_value=0.001, max_value=1e6, allow_nan=False).map(repr),
    st.integers(0, 100000).map(str),
)
ODD_NUMBERS = st.sampled_from(
    [
        "",
        "nan",
        "NaN",
        "N/A",
        "null",
        "None",
        "NA",
        "inf",
        "-inf",
        "1e3",
        "+5",
        "-0.5",
        " 7",
        "7 ",
        "1.5.2",
        "abc",
        "0x10",
        "1_000",
        "True",
        "false",
        "--1",
        ".5",
        "5.",
        "1e400",
    ]
)
PLAIN_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)).map(
    lambda d: d.isoformat()
)
ODD_DATES = st.sampled_from(
    [
        "",
        "nan",
        "2024-13-01",
        "2024-02-30",
        "2024-1-2",
        "2024-01-02 00:00:00",
        "2024-01-02T10:00",
        " 2024-01-03",
        "2024-01-04 ",
        "02/01/2024",
        "2024-01-05x",
    ]
)
HEADERS = st.sampled_from(
    [
        "date,open,high,low,close,volume",
        "Date,Open,High,Low,Close,Adj Close,Volume",
        "date,open,high,low,close",
        "date, open, high, low, close, volume",
        "date,open,high,low,close,close",
        "date,open,high,close,volume",
        "DATE,OPEN,HIGH,LOW,CLOSE,VOLUME",
    ]
)


@st.composite
def cell(draw, plain, odd) -> str:
    """Mostly a cell a real export has; one in eight breaks a rule or is a marker."""
    return draw(odd if draw(st.integers(0, 7)) == 0 else plain)


@st.composite
def csv_files(draw) -> str:
    header = draw(HEADERS)
    width = header.count(",") + 1
    lines = [header]
    for _ in range(draw(st.integers(0, 8))):
        cells = [draw(cell(PLAIN_DATES, ODD_DATES))]
        cells += [draw(cell(PLAIN_NUMBERS, ODD_NUMBERS)) for _ in range(width - 1)]
        if draw(st.integers(0, 19)) == 0:  # now and then a row of another width
            cells = cells[:-1] if draw(st.booleans()) else [*cells, "1"]
        lines.append(",".join(cells))
    text = "\n".join(lines)
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))
    return text.replace("\n", "\r\n") if ending == "\r\n" else text + ending


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=csv_files())
# pandas' float parser reads "True" as 1.0; the careful path says it is not a number
@example(text="date,open,high,low,close,volume\n 2024-01-03,,,,,True\n")
@example(text="date,open,high,low,close,volume\n2024-01-03,1,2,1,FALSE,\n")
def test_the_fast_path_reads_what_the_careful_one_reads_or_declines(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "X.csv"
    path.write_text(text, encoding="utf-8")
    fast = _read_plain_csv(path)
    if fast is None:
        return
    expected = careful(path)
    assert not isinstance(expected, str), (
        f"fast path read a file the careful one refuses: {expected}"
    )
    pd.testing.assert_frame_equal(fast, expected)


def test_a_plain_export_takes_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "X.csv"
    path.write_text(
        "Date,Open,High,Low,Close,Adj Close,Volume\n"
        "2024-01-03,10,11,9,10.5,10.4,\n"
        "2024-01-02,9.5,10.2,9.1,10,9.9,1200\n"
        "2024-01-04,NaN,11,9,10.5,10.4,N/A\n",
        encoding="utf-8",
    )
    fast = _read_plain_csv(path)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, careful(path))
    assert fast["volume"].isna().tolist() == [True, False, True]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('date,open,high,low,close\n"2024-01-02",1,2,1,2\n', id="quotes"),
        pytest.param("date,open,high,low,close\n2024-01-02,1,2,1,2,9\n", id="extra-field"),
        pytest.param("date,open,high,low,close\n\n2024-01-02,1,2,1,2\n", id="blank-line"),
        pytest.param("date,open,high,low,close\n2024-01-02,1,x,1,2\n", id="not-a-number"),
        pytest.param("date,open,high,low,close\n2024-01-02 10:00,1,2,1,2\n", id="time"),
        pytest.param("date,close,high,low,close\n2024-01-02,1,2,1,2\n", id="repeated-column"),
    ],
)
def test_anything_but_plain_goes_the_careful_way(tmp_path: Path, text: str) -> None:
    path = tmp_path / "X.csv"
    path.write_text(text, encoding="utf-8")
    assert _read_plain_csv(path) is None


@given(
    text=st.lists(
        st.sampled_from(
            ["true", "TRUE", "False", "fAlSe", "truex", "untrue", "1", "2.5", ",", "\n", " ", "\t"]
        ),
        max_size=12,
    ).map("".join),
    start=st.integers(0, 3),
)
@example(text="date\n1,true\n", start=5)
@example(text="x\nnot true\n", start=2)
def test_the_boolean_prefilter_answers_as_the_pattern(text: str, start: int) -> None:
    """The substring prefilter never clears a file the pattern would send to the careful path."""
    data = text.encode()
    expected = csv_source._BOOLEAN_CELL.search(data, start) is not None
    assert csv_source._has_boolean_cell(data, start) is expected
