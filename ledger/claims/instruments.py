"""The built-in table of instrument names (data/instruments.csv), read once.

The table is data, not code, so that it can be reviewed and refreshed from its
source (the S&P 500 constituents list, see data/README.md) without touching
the matcher. Reading a file shipped inside the package is no I/O in the sense
the domain forbids: it is the same on every machine and at every moment.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

DATA_FILE = "instruments.csv"


class NameRule(enum.Enum):
    """When a written name counts as a mention of its instrument."""

    ANY = "any"  # any case
    CAPITALISED = "capitalised"  # an ordinary word: only written with capitals
    CONTEXT = "context"  # capitalised and next to a stock word ("Target shares")
    TICKER = "ticker"  # a lower-case ticker, read with an assumption line


@dataclass(frozen=True)
class InstrumentName:
    """One row of the table: a name as people write it, and what it means."""

    name: str
    symbol: str
    category: str
    rule: NameRule


@cache
def instrument_names() -> Mapping[str, InstrumentName]:
    """Every name of the table by its key (lower case, single spaces)."""
    text = resources.files("ledger.claims").joinpath("data", DATA_FILE).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, InstrumentName] = {}
    for row in csv.DictReader(lines):
        entry = InstrumentName(
            name=row["name"].strip(),
            symbol=row["symbol"].strip(),
            category=row["category"].strip(),
            rule=NameRule(row["rule"].strip()),
        )
        table.setdefault(name_key(entry.name), entry)
    return MappingProxyType(table)


def name_key(name: str) -> str:
    """How names are compared: lower case, runs of spaces as one."""
    return " ".join(name.lower().split())


@cache
def symbols_in(category: str) -> frozenset[str]:
    """The symbols of one category of the table ("sp500", "index", "fx" ...)."""
    return frozenset(e.symbol for e in instrument_names().values() if e.category == category)
