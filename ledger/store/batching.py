"""Batch sizes for bulk statements.

IN lists and executemany batches stay well under SQLite's 32,766 bound
parameters and PostgreSQL's 65,535, whatever the ledger's size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
IN_LIST_SIZE = 5000


def chunks(items: Sequence[T], size: int = IN_LIST_SIZE) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
