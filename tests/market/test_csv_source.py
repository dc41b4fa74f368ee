"""CsvSource: good files, missing files and the many ways a file can be broken."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from ledger.bars import FRAME_COLUMNS
from ledger.market.csv_source import CsvSource
from ledger.market.source import ErrorCode, PriceSource

GOLD = """date,open,high,low,close,volume
2024-01-02,2050.0,2070.0,2040.0,2065.0,
2024-01-03,2065.0,2066.0,2030.0,2041.5,1200
2024-01-04,2041.5,2055.0,2035.0,2050.0,
2024-01-05,2050.0,2060.0,2040.0,2045.0,900
"""


def write(directory: Path, symbol: str, text: str) -> Path:
    path = directory / f"{symbol}.csv"
    path.write_text(text)
    return path


@pytest.fixture
def source(tmp_path: Path) -> CsvSource:
    return CsvSource(tmp_path)


def test_reads_the_window_in_the_canonical_shape(tmp_path: Path, source: CsvSource) -> None:
    write(tmp_path, "GC=F", GOLD)

    result = source.fetch({"GC=F": (date(2024, 1, 3), date(2024, 1, 4))})

    assert isinstance(source, PriceSource)
    assert result.errors == {}
    bars = result.bars["GC=F"]
    assert list(bars.columns) == list(FRAME_COLUMNS)
    assert str(bars.index.dtype) == "datetime64[ns]"
    assert list(bars.index.strftime("%Y-%m-%d")) == ["2024-01-03", "2024-01-04"]
    assert bars["close"].tolist() == [2041.5, 2050.0]
    assert bars["volume"].iloc[0] == 1200.0
    assert pd.isna(bars["volume"].iloc[1])
    assert result.splits["GC=F"].empty
    assert result.rejected["GC=F"] == []
    assert result.requests == 0


@pytest.mark.parametrize(
    "symbol", [pytest.param("^GSPC", id="caret"), pytest.param("EURUSD=X", id="equals")]
)
def test_symbols_map_to_file_names_as_written(
    tmp_path: Path, source: CsvSource, symbol: str
) -> None:
    write(tmp_path, symbol, GOLD)
    assert len(source.fetch({symbol: (date(2024, 1, 1), date(2024, 1, 31))}).bars[symbol]) == 4


def test_capitalised_headers_extra_columns_and_unsorted_rows_are_fine(
    tmp_path: Path, source: CsvSource
) -> None:
    write(
        tmp_path,
        "SPY",
        "Date,Open,High,Low,Close,Adj Close,Volume\n"
        "2024-01-03 00:00:00-05:00,2,3,1,2.5,2.4,100\n"
        "2024-01-02 00:00:00-05:00,1,2,0.5,1.5,1.4,\n"
        "\n",
    )
    bars = source.fetch({"SPY": (date(2024, 1, 1), date(2024, 1, 3))}).bars["SPY"]
    assert list(bars.index.strftime("%Y-%m-%d")) == ["2024-01-02", "2024-01-03"]
    assert bars["close"].tolist() == [1.5, 2.5]  # Close, not Adj Close


def test_no_volume_column_at_all(tmp_path: Path, source: CsvSource) -> None:
    write(tmp_path, "X", "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n")
    bars = source.fetch({"X": (date(2024, 1, 2), date(2024, 1, 2))}).bars["X"]
    assert bars["volume"].isna().all()


def test_a_missing_file_is_an_unknown_symbol_and_the_others_still_come(
    tmp_path: Path, source: CsvSource
) -> None:
    write(tmp_path, "GC=F", GOLD)
    result = source.fetch(
        {"GC=F": (date(2024, 1, 1), date(2024, 1, 9)), "NOPE": (date(2024, 1, 1), date(2024, 1, 9))}
    )
    assert set(result.bars) == {"GC=F"}
    assert result.errors["NOPE"].code == ErrorCode.UNKNOWN_SYMBOL
    assert "NOPE.csv" in result.errors["NOPE"].message


def test_a_symbol_cannot_escape_the_directory(tmp_path: Path) -> None:
    (tmp_path / "inside").mkdir()
    write(tmp_path, "secret", GOLD)
    result = CsvSource(tmp_path / "inside").fetch(
        {"../secret": (date(2024, 1, 1), date(2024, 1, 9))}
    )
    assert result.errors["../secret"].code == ErrorCode.UNKNOWN_SYMBOL


def test_window_without_bars_is_empty_but_a_file_without_rows_has_no_data(
    tmp_path: Path, source: CsvSource
) -> None:
    write(tmp_path, "GC=F", GOLD)
    write(tmp_path, "SI=F", "date,open,high,low,close,volume\n")
    result = source.fetch(
        {"GC=F": (date(2024, 1, 6), date(2024, 1, 7)), "SI=F": (date(2024, 1, 1), date(2024, 1, 9))}
    )
    assert result.bars["GC=F"].empty
    assert result.errors["SI=F"].code == ErrorCode.NO_DATA


def test_insane_rows_are_rejected_with_messages_not_fatal(
    tmp_path: Path, source: CsvSource
) -> None:
    write(
        tmp_path,
        "CL=F",
        "date,open,high,low,close,volume\n"
        "2020-04-17,20.0,20.22,17.31,18.27,\n"
        "2020-04-20,17.73,17.85,-40.32,-37.63,\n"
        "2020-04-21,,13.86,-16.74,10.01,\n",
    )
    result = source.fetch({"CL=F": (date(2020, 4, 17), date(2020, 4, 21))})
    # Crude oil really went below zero; a missing open is still a missing open.
    kept = result.bars["CL=F"]
    assert list(kept.index.strftime("%Y-%m-%d")) == ["2020-04-17", "2020-04-20"]
    assert kept["close"].tolist() == [18.27, -37.63]
    assert result.rejected["CL=F"] == [
        "CL=F 2020-04-21: open is missing or not a finite number",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n2024-13-01,1,2,0.5,1.5\n",
            "line 3, column 'date': '2024-13-01' is not a date (YYYY-MM-DD)",
            id="bad-date",
        ),
        pytest.param(
            "date,open,high,low,close\n2024-01-02,1,2,0.5,1.5\n\n2024-01-03,1,2,0.5,abc\n",
            "line 4, column 'close': 'abc' is not a number",
            id="bad-number-after-blank-line",
        ),
        pytest.param(
            "date,open,high,close\n2024-01-02,1,2,1.5\n",
            "line 1: header lacks column(s) low",
            id="missing-column",
        ),
        pytest.param(
            "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,1,9,9\n",
            "line 2: more fields than the header has",
            id="too-many-fields-first-row",
        ),
        pytest.param(
            "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,1\n2024-01-03,1,2,0.5,1.5,1,9\n",
            "Expected 6 fields in line 3, saw 7",
            id="too-many-fields-later-row",
        ),
        pytest.param("", "file is empty", id="empty-file"),
        pytest.param(
            "date,open,high,low,close,close\n2024-01-02,1,2,0.5,1.5,1.9\n",
            "line 1: column(s) close appear twice",
            id="duplicate-column",
        ),
        pytest.param(
            "Date,Open,High,Low,Close, close \n2024-01-02,1,2,0.5,1.5,1.9\n",
            "line 1: column(s) close appear twice",
            id="duplicate-column-other-case-and-spaces",
        ),
        pytest.param(
            "date,open,high,low,close,volume,Volume\n2024-01-02,1,2,0.5,1.5,1,2\n",
            "line 1: column(s) volume appear twice",
            id="duplicate-volume",
        ),
        pytest.param(
            "date,open,high,low,close\nx,1,2,0.5,1.5\ny,1,2,0.5,1.5\nz,a,2,0.5,1.5\nw,1,2,0.5,1\n",
            "(and 2 more problems)",
            id="many-problems-summarised",
        ),
    ],
)
def test_a_malformed_file_is_a_source_error_naming_file_line_and_column(
    tmp_path: Path, source: CsvSource, text: str, expected: str
) -> None:
    path = write(tmp_path, "GC=F", text)
    result = source.fetch({"GC=F": (date(2024, 1, 1), date(2024, 1, 9))})
    error = result.errors["GC=F"]
    assert error.code == ErrorCode.SOURCE_ERROR
    assert str(path) in error.message
    assert expected in error.message


def test_a_missing_directory_is_a_source_error(tmp_path: Path) -> None:
    result = CsvSource(tmp_path / "gone").fetch({"GC=F": (date(2024, 1, 1), date(2024, 1, 9))})
    assert result.errors["GC=F"].code == ErrorCode.SOURCE_ERROR


def test_an_inverted_window_is_a_caller_bug(source: CsvSource) -> None:
    with pytest.raises(ValueError):
        source.fetch({"GC=F": (date(2024, 1, 9), date(2024, 1, 1))})
