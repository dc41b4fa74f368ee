"""Hand-made daily bars and CSV price directories for tests (no network, no shared data)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ledger.market import csv_source
from ledger.market.csv_source import CsvFileError, read_bars_csv


def flat_bars(
    first: str,
    last: str,
    price: float,
    *,
    weekdays_only: bool = True,
    highs: dict[str, float] | None = None,
    lows: dict[str, float] | None = None,
) -> pd.DataFrame:
    """Bars at one price, with chosen highs and lows on chosen days."""
    days = pd.date_range(first, last, freq="B" if weekdays_only else "D", name="date")
    frame = pd.DataFrame(
        {"open": price, "high": price, "low": price, "close": price, "volume": 1000.0},
        index=days,
    )
    for day, value in (highs or {}).items():
        frame.loc[pd.Timestamp(day), "high"] = value
    for day, value in (lows or {}).items():
        frame.loc[pd.Timestamp(day), "low"] = value
    return frame


def write_csv(directory: Path, symbol: str, frame: pd.DataFrame) -> None:
    """`frame` as DIR/SYMBOL.csv in the layout `forecast resolve --prices csv:DIR` reads."""
    directory.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    out.index = out.index.strftime("%Y-%m-%d")
    out.index.name = "date"
    out.to_csv(directory / f"{symbol}.csv")


def bars_spiking_on_1969_12_31() -> pd.DataFrame:
    """Weekday bars at 100 around the epoch with one high of 130 (close 125) on
    1969-12-31: day -1, which a day-number column must not read as a missing day."""
    days = pd.bdate_range("1969-12-01", "1970-01-09")
    bars = pd.DataFrame(
        {"open": 100.0, "high": 101.0, "low": 99.0, "close": 100.0, "volume": float("nan")},
        index=pd.DatetimeIndex(days, name="date"),
    )
    bars.loc[pd.Timestamp("1969-12-31"), ["high", "close"]] = [130.0, 125.0]
    return bars


def careful(path: Path) -> pd.DataFrame | str:
    """What the careful CSV reader alone makes of a file (the fast paths turned off): its
    frame or its error, the reference the fast paths are held to."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_source, "_read_plain_csv", lambda _path: None)
        try:
            return read_bars_csv(path)
        except CsvFileError as error:
            return f"error: {error}"
