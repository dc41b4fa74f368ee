"""Daily bars from a directory of ``SYMBOL.csv`` files.

For offline use, for replaying a ledger against a fixed snapshot, and for the
acceptance data in the shared fixtures. A file looks like::

    date,open,high,low,close,volume
    2024-01-02,2050.1,2061.0,2040.2,2058.9,
    ...

Headers are matched case-insensitively (``Date,Open,...`` as pandas or yfinance
write them), extra columns such as ``Adj Close`` are ignored, ``volume`` may be
empty or absent, rows may be in any order. The file name is the symbol as
written: ``^GSPC.csv``, ``GC=F.csv``.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterable, Mapping
from datetime import date
from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd

from ledger.bars import BAR_COLUMNS, PRICE_COLUMNS, CheckedBars, check_bars, empty_bars
from ledger.market.source import (
    ErrorCode,
    FetchResult,
    SymbolError,
    check_wanted,
    empty_splits,
)

_MISSING_MARKERS = frozenset({"", "nan", "na", "n/a", "null", "none"})
_REQUIRED = ("date", *PRICE_COLUMNS)
_SHOWN_PROBLEMS = 3


class CsvFileError(Exception):
    """A CSV file that cannot be read as bars; the message names the file and the spot."""


class CsvSource:
    """A `PriceSource` reading one CSV file per symbol from `directory`."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.name = f"csv:{self.directory}"

    def fetch(self, wanted: Mapping[str, tuple[date, date]]) -> FetchResult:
        """Bars of each wanted symbol in its window, read fresh from disk on every call."""
        check_wanted(wanted)
        result = FetchResult()
        for symbol, (first, last) in wanted.items():
            # Taken before the read: a file changed while it is read looks changed next time.
            version = self._version(symbol)
            outcome = self._fetch_one(symbol, first, last)
            if isinstance(outcome, SymbolError):
                result.errors[symbol] = outcome
                continue
            result.bars[symbol] = outcome.kept
            if version is not None:
                result.versions[symbol] = version
            result.rejected[symbol] = outcome.messages
            result.gaps[symbol] = outcome.gaps
            # CSV files carry no corporate actions; their prices are what the file says.
            result.splits[symbol] = empty_splits()
        return result

    def versions(self, symbols: Iterable[str]) -> dict[str, str]:
        """Each symbol's file size and modification time (`VersionedSource`): a warm
        run skips re-reading a file it holds the bars of while they stay the same."""
        found = {}
        for symbol in symbols:
            version = self._version(symbol)
            if version is not None:
                found[symbol] = version
        return found

    def _version(self, symbol: str) -> str | None:
        path = self._path_for(symbol)
        if path is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return f"{stat.st_size}:{stat.st_mtime_ns}"

    def _fetch_one(self, symbol: str, first: date, last: date) -> CheckedBars | SymbolError:
        if not self.directory.is_dir():
            return SymbolError(
                ErrorCode.SOURCE_ERROR, f"price directory {self.directory} does not exist"
            )
        path = self._path_for(symbol)
        if path is None:
            return SymbolError(
                ErrorCode.UNKNOWN_SYMBOL, f"{symbol}: no file {symbol}.csv in {self.directory}"
            )
        try:
            frame = read_bars_csv(path)
        except CsvFileError as error:
            return SymbolError(ErrorCode.SOURCE_ERROR, str(error))
        except OSError as error:
            return SymbolError(ErrorCode.SOURCE_ERROR, f"{path}: cannot be read: {error}")
        if frame.empty:
            return SymbolError(ErrorCode.NO_DATA, f"{symbol}: {path} has a header but no bars")
        in_window = (frame.index >= pd.Timestamp(first)) & (frame.index <= pd.Timestamp(last))
        # A cold run asks for a file's whole history: then no copy of it is made.
        window = frame if in_window.all() else frame[in_window]
        if window.empty:
            return CheckedBars(empty_bars(), [], {})
        return check_bars(window, symbol)

    def _path_for(self, symbol: str) -> Path | None:
        """The file holding `symbol`, or None; never a path outside the directory."""
        if "/" in symbol or "\\" in symbol or symbol in (".", ".."):
            return None
        # Yahoo symbols are upper case; accept a file named either way.
        for name in dict.fromkeys((symbol, symbol.upper())):
            path = self.directory / f"{name}.csv"
            if path.is_file():
                return path
        return None


def read_bars_csv(path: Path) -> pd.DataFrame:
    """All rows of a bars CSV file as an unvalidated frame (date index, bar columns).

    Raises `CsvFileError` naming the file, the line and the column of the first
    problems (a missing column, a date that is not ``YYYY-MM-DD``, a price that
    is not a number). Empty cells are not problems here: they become NaN and
    `validate_bars` reports the bar. A plain file is read by the fast path
    (`_read_plain_csv`); anything else by the careful one below.
    """
    plain = _read_plain_csv(path)
    if plain is not None:
        return plain
    try:
        with warnings.catch_warnings():
            # pandas only warns when the first data row has more fields than the
            # header, and drops the extra ones; that is a broken file here.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            raw = pd.read_csv(
                path,
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                skipinitialspace=True,
                index_col=False,  # never guess that the first column is an index
            )
    except pd.errors.EmptyDataError as error:
        raise CsvFileError(f"{path}: file is empty (expected a header line)") from error
    except pd.errors.ParserWarning as error:
        raise CsvFileError(f"{path} line 2: more fields than the header has") from error
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise CsvFileError(f"{path}: not a readable CSV file: {error}") from error

    raw.columns = _header_names(path, len(raw.columns))
    duplicated = sorted({c for c in raw.columns if list(raw.columns).count(c) > 1})
    if duplicated:
        raise CsvFileError(f"{path} line 1: column(s) {', '.join(duplicated)} appear twice")
    absent = [column for column in _REQUIRED if column not in raw.columns]
    if absent:
        raise CsvFileError(
            f"{path} line 1: header lacks column(s) {', '.join(absent)} "
            f"(expected {','.join(BAR_COLUMNS)})"
        )

    # Line numbers as a person sees them in an editor: the header is line 1.
    raw.index = pd.RangeIndex(2, len(raw) + 2)
    cells = raw.apply(lambda column: column.str.strip())
    blank_line = (cells == "").all(axis=1)
    cells = cells[~blank_line]

    problems: list[tuple[int, str]] = []
    dates = _parse_dates(cells["date"], problems)
    numbers = {
        column: _parse_numbers(cells[column], column, problems)
        for column in BAR_COLUMNS
        if column in cells.columns
    }
    if problems:
        problems.sort()
        shown = "; ".join(text for _, text in problems[:_SHOWN_PROBLEMS])
        more = len(problems) - _SHOWN_PROBLEMS
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        raise CsvFileError(f"{path}: {shown}{suffix}")

    frame = pd.DataFrame(
        {column: numbers.get(column, np.full(len(cells), np.nan)) for column in BAR_COLUMNS},
        index=pd.DatetimeIndex(dates, name="date"),
    )
    return frame


_NA_CELLS = sorted(
    {
        "".join(variant)
        for marker in _MISSING_MARKERS
        for variant in product(*({c.lower(), c.upper()} for c in marker))
    }
)
"""Every spelling `_parse_numbers` reads as a missing value, for pandas' `na_values`."""


# A cell pandas' C parser would take for a boolean even with a float dtype.
_BOOLEAN_CELL = re.compile(rb"(?im)(?:^|,)[ \t]*(?:true|false)[ \t]*(?=,|$)")


def _has_boolean_cell(data: bytes, start: int) -> bool:
    """Whether a cell from `start` on reads 'true' or 'false' (any case).

    The pattern alone costs 1.4 ms per ten-year file (a case-blind search from
    every line start and comma); a file without the words, every plain one,
    is cleared by two substring searches of its lower-cased bytes (0.15 ms).
    """
    lowered = data[start:].lower()
    if b"true" not in lowered and b"false" not in lowered:
        return False
    return _BOOLEAN_CELL.search(data, start) is not None


def _read_plain_csv(path: Path) -> pd.DataFrame | None:
    """The frame `read_bars_csv` returns, read by pandas' C parser with float dtypes,
    or None when the file is anything but plain.

    Plain: no quotes, no carriage returns, no blank lines, as many fields on
    every line as in the header, the required columns each named once, ISO
    dates without a time, numbers or missing-value markers in the bar
    columns. Ten years of a symbol then cost a millisecond or two, where the
    careful path below (per-cell string work, kept for its line-and-column
    messages) costs tens. Anything else returns None and the careful path
    reads the file, so both give the same frame or the same error; the
    hypothesis test in tests/market holds them to it.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data or b'"' in data or b"\r" in data:
        return None
    if not data.endswith(b"\n"):
        data += b"\n"
    raw = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(raw == ord("\n"))
    if (np.diff(ends) == 1).any() or ends[0] == 0:  # a blank line
        return None
    per_line = np.bincount(
        np.searchsorted(ends, np.flatnonzero(raw == ord(","))), minlength=len(ends)
    )
    header = data[: ends[0]].decode("utf-8", errors="replace").split(",")
    names = [name.strip().lower() for name in header]
    if (per_line != len(names) - 1).any() or len(set(names)) != len(names):
        return None
    if any(column not in names for column in _REQUIRED):
        return None
    present = [column for column in BAR_COLUMNS if column in names]
    numeric = _read_numeric_csv(data, raw[ends[0] + 1 :], names, present)
    if numeric is not None:
        return numeric
    if _has_boolean_cell(data, int(ends[0])):  # pandas' float parser reads "True" as 1.0
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.BytesIO(data),
                header=0,
                names=names,
                usecols=["date", *present],
                dtype={"date": str, **dict.fromkeys(present, "float64")},
                na_values=_NA_CELLS,
                keep_default_na=False,
                skipinitialspace=True,
                index_col=False,
                engine="c",
            )
    except (ValueError, pd.errors.ParserError, pd.errors.ParserWarning, UnicodeDecodeError):
        return None
    dates = frame["date"]
    if dates.isna().any() or not (dates.str.len() == 10).all():
        return None
    try:
        days = pd.DatetimeIndex(
            pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce"), name="date"
        ).as_unit("ns")
    except (ValueError, OverflowError):  # a year past 2262 does not fit in nanoseconds
        return None
    if days.isna().any():
        return None
    return pd.DataFrame(
        {
            column: frame[column].to_numpy("float64")
            if column in frame.columns
            else np.full(len(frame), np.nan)
            for column in BAR_COLUMNS
        },
        index=days,
    )


# The bytes of a file of decimals and ISO dates alone: what the numeric path reads.
_NUMERIC_BYTES = b"0123456789.-,\n"
# A field this short is at most 15 digits: an integer below 2^53 over a power of
# ten below 10^16, both exact in a double, so every correct parser (pandas' own,
# float(), the careful path's to_numeric) rounds it to the same double.
_SHORT_FIELD = 15
_DATE_DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9])
_FIRST_DAY, _LAST_DAY = np.datetime64("1678-01-01"), np.datetime64("2261-12-31")


def _read_numeric_csv(
    data: bytes, body: np.ndarray, names: list[str], present: list[str]
) -> pd.DataFrame | None:
    """`_read_plain_csv`'s frame for a file of nothing but decimals and ISO dates, or None.

    `body` is the file's bytes after the header, every line with a field per
    name (the caller checked). Most exports are such files, and here pandas
    reads the numbers without its missing-value markers or its date parser
    (`na_filter=False`), and numpy the dates from their fixed positions: 0.5 ms
    less per ten-year file than the plain path (issue 12). Anything else (a
    marker, an empty cell, a letter, a long number, an odd date) returns None and
    the plain path reads the file as before.
    """
    if not body.size or data[len(data) - body.size :].translate(None, _NUMERIC_BYTES):
        return None
    width = len(names)
    seps = np.flatnonzero((body == ord(",")) | (body == ord("\n")))
    lengths = np.diff(seps, prepend=-1) - 1
    if lengths.max() > _SHORT_FIELD:
        return None
    date_at = names.index("date")
    date_ends = seps.reshape(-1, width)[:, date_at]
    if (lengths.reshape(-1, width)[:, date_at] != 10).any():
        return None
    chars = body[(date_ends - 10)[:, None] + np.arange(10)]
    digits = chars[:, _DATE_DIGITS]
    if ((digits < ord("0")) | (digits > ord("9"))).any() or (chars[:, [4, 7]] != ord("-")).any():
        return None
    try:
        days = chars.view("S10").ravel().astype("datetime64[D]")
    except ValueError:  # a month 13 or a February 30th: the plain path tells
        return None
    if (days < _FIRST_DAY).any() or (days > _LAST_DAY).any():
        return None
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            header=0,
            names=names,
            usecols=present,
            dtype=dict.fromkeys(present, "float64"),
            na_filter=False,
            engine="c",
        )
    except (ValueError, pd.errors.ParserError):  # "1-2", "-", "." or an empty cell
        return None
    return pd.DataFrame(
        {
            column: frame[column].to_numpy("float64")
            if column in frame.columns
            else np.full(len(frame), np.nan)
            for column in BAR_COLUMNS
        },
        index=pd.DatetimeIndex(days.astype("datetime64[ns]"), name="date"),
    )


def _header_names(path: Path, count: int) -> list[str]:
    """The header's column names as written, stripped and lower-cased.

    Read apart from the data, because pandas renames a repeated name
    (``close,close`` becomes ``close`` and ``close.1``) and the repeat would
    then pass unseen, with one of the two columns silently ignored.
    """
    try:
        header = pd.read_csv(
            path,
            header=None,
            nrows=1,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            index_col=False,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise CsvFileError(f"{path}: not a readable CSV file: {error}") from error
    names = [str(name).strip().lower() for name in header.iloc[0].tolist()] if len(header) else []
    if len(names) != count:
        raise CsvFileError(f"{path} line 1: the header could not be read")
    return names


def _parse_dates(column: pd.Series, problems: list[tuple[int, str]]) -> pd.DatetimeIndex:
    """ISO calendar dates; a time after the date (``2024-01-02 00:00:00-05:00``) is ignored."""
    day = pd.to_datetime(column.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    rest = column.str.slice(10)
    bad = day.isna() | ~(rest.eq("") | rest.str.match(r"^[ T]"))
    for line, value in column[bad].items():
        problems.append((line, f"line {line}, column 'date': {value!r} is not a date (YYYY-MM-DD)"))
    return pd.DatetimeIndex(day).as_unit("ns")


def _parse_numbers(column: pd.Series, name: str, problems: list[tuple[int, str]]) -> np.ndarray:
    """Floats, with empty or NaN-like cells as NaN and anything else unparseable reported."""
    missing = column.str.lower().isin(_MISSING_MARKERS)
    numbers = pd.to_numeric(column.where(~missing), errors="coerce")
    bad = numbers.isna() & ~missing
    for line, value in column[bad].items():
        problems.append((line, f"line {line}, column '{name}': {value!r} is not a number"))
    return numbers.to_numpy("float64")
