"""What the resolver's tests share: a migrated ledger's engine, and two symbols' bars
with one touch and one break to resolve against."""

from __future__ import annotations

from pathlib import Path

import pytest
from price_files import flat_bars, write_csv

from ledger.store.session import open_ledger


@pytest.fixture
def engine(migrated_url: str):
    engine = open_ledger(migrated_url)
    yield engine
    engine.dispose()


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    """Gold flat at 4,000 with a high of 5,100 on 2026-01-26 (weekdays to 2026-07-10);
    bitcoin flat at 90,000 with a low of 62,000 on 2026-02-05 (every day to 2026-07-12)."""
    directory = tmp_path / "prices"
    write_csv(
        directory,
        "GC=F",
        flat_bars("2025-01-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0}),
    )
    write_csv(
        directory,
        "BTC-USD",
        flat_bars(
            "2025-01-01", "2026-07-12", 90000.0, weekdays_only=False, lows={"2026-02-05": 62000.0}
        ),
    )
    return directory
