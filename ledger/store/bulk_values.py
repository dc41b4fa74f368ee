"""Many rows per INSERT statement on SQLite, for a table whose CHECK constraints
hold `IN` lists.

SQLite evaluates `kind IN ('touch_above', ...)` by building a small lookup
table the first time the statement runs, and an executemany runs the statement
anew for every row: `prediction`'s six `IN` checks rebuilt their tables 100k
times on a 100k-claim import, two fifths of its INSERT (2.4-2.8 s of CPU
against 1.1-1.3 s with the checks off, at load 2). One statement of many rows
(`VALUES (...), (...), ...`) builds them once per statement. The rows, their
order, their ids and every constraint are the same; only the number of
statements changes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy.orm import Session

from ledger.store.raw import insert_rows

# Bound values a statement: SQLite's own default limit. Debian's SQLite allows
# 250,000, but a statement that large held ~35 MB more at its peak (the 100k
# import: 464 MB against 431 MB) for no less CPU; statements of ~500 rows cost
# a little more CPU than these (~1,900 rows of 17 values).
MAX_STATEMENT_VALUES = 32_766


def insert_values(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    max_values: int = MAX_STATEMENT_VALUES,
) -> int:
    """Insert `rows` (every value already in the driver's form, as `insert_rows`'s
    `ready`) into `table`'s `columns`, each statement binding at most
    `max_values` (or SQLite's lower limit); returns how many rows were
    written. Elsewhere (COPY on
    PostgreSQL) this is `insert_rows`."""
    if session.get_bind().dialect.name != "sqlite":
        return insert_rows(session, table, columns, rows, ready=True)
    if not rows:
        return 0
    connection = session.connection().connection.driver_connection
    values = min(connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), max_values)
    per_statement = max(1, values // len(columns))
    written = 0
    cursor = connection.cursor()
    try:
        for start in range(0, len(rows), per_statement):
            part = rows[start : start + per_statement]
            cursor.execute(
                _insert_sql(table, tuple(columns), len(part)), list(chain.from_iterable(part))
            )
            written += cursor.rowcount
    finally:
        cursor.close()
    return written


@lru_cache(maxsize=16)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """One INSERT of `rows` rows: the same text for every full statement, so the
    driver's statement cache prepares it once."""
    row = "(" + ", ".join("?" * len(columns)) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([row] * rows)
