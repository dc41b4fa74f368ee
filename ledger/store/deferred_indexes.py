"""A table's secondary indexes made after a bulk insert instead of during it.

SQLite keeps every index of a table as each row goes in; a 100k-claim import
into a new ledger spends a quarter of its INSERT on the four secondary
indexes of `prediction`, each a B-tree walked once per row. Built after the
insert, each is one sort of the table. That pays only when the insert is
most of the table: rebuilding the indexes of a large ledger to add a few
claims would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from ledger.store.raw import fetchall

# Fewer rows than this go in with the indexes kept: the DDL is not worth it.
MIN_DEFERRED_ROWS = 10_000


@contextmanager
def indexes_made_after(session: Session, table: str, adding: int) -> Iterator[None]:
    """Inside the block, `table`'s secondary indexes are dropped when `adding` rows
    are at least `MIN_DEFERRED_ROWS` and at least the rows already there (SQLite
    only); they are made again, from their own stored SQL, when the block ends,
    however it ends. The DDL is part of the caller's transaction: a rollback
    restores the indexes as they were. Unique constraints (SQLite's automatic
    indexes) are kept: they are what refuses a duplicate row.
    """
    if adding < MIN_DEFERRED_ROWS or session.get_bind().dialect.name != "sqlite":
        yield
        return
    [(rows,)] = fetchall(session, f"SELECT COUNT(*) FROM {table}", [])
    if adding < rows:
        yield
        return
    indexes = fetchall(
        session,
        "SELECT name, sql FROM sqlite_master"
        " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
        [table],
    )
    cursor = session.connection().connection.cursor()
    dropped = []
    try:
        for name, sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
            dropped.append(sql)
        yield
    finally:
        for sql in dropped:
            cursor.execute(sql)
        cursor.close()
