"""price_source_from_spec: the spellings users type for a price source."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger.errors import UsageError
from ledger.market import CsvSource, PriceSource, price_source_from_spec
from ledger.market.yahoo import YahooSource


@pytest.mark.parametrize("spec", ["yahoo", "YAHOO", " yahoo "])
def test_yahoo(spec: str, tmp_path: Path) -> None:
    source = price_source_from_spec(spec, cache_dir=tmp_path)
    assert isinstance(source, YahooSource)
    assert isinstance(source, PriceSource)
    assert source.cache_dir == tmp_path


def test_csv_directory(tmp_path: Path) -> None:
    source = price_source_from_spec(f"csv:{tmp_path}")
    assert isinstance(source, CsvSource)
    assert source.directory == tmp_path
    assert source.name == f"csv:{tmp_path}"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        pytest.param("", "unknown price source", id="empty"),
        pytest.param("google", "unknown price source", id="unknown-kind"),
        pytest.param("yahoo:extra", "unknown price source", id="yahoo-with-argument"),
        pytest.param("csv", "unknown price source", id="csv-without-colon"),
        pytest.param("csv:", "names no directory", id="csv-without-directory"),
        pytest.param("csv:/definitely/not/here", "is not a directory", id="csv-missing-directory"),
    ],
)
def test_bad_specs_are_usage_errors(spec: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        price_source_from_spec(spec)


def test_a_file_is_not_a_csv_directory(tmp_path: Path) -> None:
    file = tmp_path / "GC=F.csv"
    file.write_text("date,open,high,low,close\n")
    with pytest.raises(UsageError, match="is not a directory"):
        price_source_from_spec(f"csv:{file}")
