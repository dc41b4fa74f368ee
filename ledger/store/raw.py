"""Driver-level bulk statements for the hot paths of a resolve run.

SQLAlchemy's per-row parameter processing costs more than SQLite's own work
when a run writes tens of thousands of rows. These helpers send plain tuples
straight to the driver's executemany; the SQL is written with `?`
placeholders and translated to the driver's style (psycopg's `%s`).
Only simple, portable SQL goes through here.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from ledger.store.pg_copy import copy_rows


def _driver_sql(session: Session, sql: str) -> str:
    style = session.get_bind().dialect.paramstyle
    if style == "qmark":
        return sql
    if style in ("format", "pyformat"):
        return sql.replace("%", "%%").replace("?", "%s")
    raise NotImplementedError(f"parameter style {style}")


_PLAIN = frozenset({int, float, str, bytes, type(None)})


def _sqlite_value(value: Any) -> Any:
    """Values as SQLAlchemy itself stores them in SQLite, so its reads parse them."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def sqlite_rows(rows: Sequence[Sequence[Any]]) -> list[tuple]:
    """Rows with `_sqlite_value` applied, column by column: only a column holding a
    value that needs converting (a date, a timestamp) is converted, so a
    100k-row insert does not call a function per value (and rows needing none
    are handed back as they are, not rebuilt)."""
    columns = list(zip(*rows, strict=True))
    converted = False
    for index, column in enumerate(columns):
        if not set(map(type, column)) <= _PLAIN:
            columns[index] = tuple(map(_sqlite_value, column))
            converted = True
    if not converted:
        return rows if isinstance(rows, list) else list(rows)
    return list(zip(*columns, strict=True))


def filled_columns(
    names: Sequence[str], columns: Sequence[Sequence[Any]]
) -> tuple[tuple[str, ...], list[tuple]]:
    """The `names` of the `columns` some row fills, and the rows of just those columns.

    For an INSERT into columns whose default is NULL (no server default): a
    column left out is stored NULL, as it would have been, and the driver binds
    fewer values. A plain structured claim leaves 17 of the prediction row's 32
    inserted columns empty, and binding them was a quarter of a 100k-row INSERT.
    Every column is kept when none is filled (an INSERT needs one).
    """
    kept = [index for index, values in enumerate(columns) if values.count(None) < len(values)]
    if not kept:
        kept = list(range(len(names)))
    return (
        tuple(names[index] for index in kept),
        list(zip(*(columns[index] for index in kept), strict=True)),
    )


def sqlite_column(values: Sequence[Any]) -> Sequence[Any]:
    """One column's values with `_sqlite_value` applied, or as given when none needs it."""
    if set(map(type, values)) <= _PLAIN:
        return values
    return [_sqlite_value(value) for value in values]


def adapt(session: Session, value: Any) -> Any:
    """A value ready for the driver: convert once what many rows share (a timestamp)."""
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite_value(value)
    return value


def executemany(
    session: Session, sql: str, rows: Sequence[Sequence[Any]], *, ready: bool = False
) -> int:
    """Run `sql` once per row; returns the total number of rows changed.

    With `ready` the caller has already put every value in the form the driver
    stores (`adapt`), and the per-column check is skipped.
    """
    if not rows:
        return 0
    if not ready and session.get_bind().dialect.name == "sqlite":
        rows = sqlite_rows(rows)
    cursor = session.connection().connection.cursor()
    try:
        if (
            isinstance(rows, list | tuple)
            and len(rows) == 1
            and session.get_bind().dialect.name == "postgresql"
        ):
            # psycopg's executemany enters pipeline mode and syncs out of it: a
            # single row costs 33-51 us of client CPU that way, 14-15 as one
            # execute (a cold resolve run sends ~2,000 such rows: a price
            # block's DELETE, a coverage and a gap row per symbol).
            cursor.execute(_driver_sql(session, sql), rows[0])
            return cursor.rowcount
        cursor.executemany(_driver_sql(session, sql), list(rows))
        return cursor.rowcount
    finally:
        cursor.close()


def execute(session: Session, sql: str, params: Sequence[Any]) -> int:
    """Run one statement that returns no rows (`fetchall` for one that does);
    returns the number of rows it changed."""
    if session.get_bind().dialect.name == "sqlite":
        params = [_sqlite_value(v) for v in params]
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_driver_sql(session, sql), list(params))
        return cursor.rowcount
    finally:
        cursor.close()


def insert_rows(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    ready: bool = False,
    upsert: tuple[Sequence[str], Sequence[str]] | None = None,
) -> int:
    """Insert `rows` into `table`'s `columns`; returns how many rows were written.

    On PostgreSQL the rows go through COPY (a tenth of the client CPU of an
    executemany, half its wall time on a cold run's 520k bars); an `upsert`
    (conflict columns, updated columns) copies into a temporary table first and
    moves the rows over with one INSERT ... ON CONFLICT. Elsewhere it is one
    executemany of the equivalent INSERT. Triggers and constraints hold either way.
    """
    if not rows:
        return 0
    names = ", ".join(columns)
    update = ""
    if upsert is not None:
        keys, updated = upsert
        update = f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET " + ", ".join(
            f"{name} = excluded.{name}" for name in updated
        )
    if session.get_bind().dialect.name != "postgresql":
        marks = ", ".join("?" * len(columns))
        return executemany(
            session,
            f"INSERT INTO {table} ({names}) VALUES ({marks}){update}",
            rows,
            ready=ready,
        )
    cursor = session.connection().connection.cursor()
    try:
        target = table
        if upsert is not None:
            target = f"{table}_stage"
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {target} "
                f"(LIKE {table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
            )
        copy_rows(session, cursor, target, columns, rows, types_of=table)
        if upsert is None:
            return len(rows)
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {target}{update}")
        written = cursor.rowcount
        cursor.execute(f"TRUNCATE {target}")
        return written
    finally:
        cursor.close()


def as_date(value: date | str) -> date:
    """A DATE column read through the driver: SQLite gives ISO text, psycopg a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def fetchall(session: Session, sql: str, params: Sequence[Any]) -> list[tuple]:
    if session.get_bind().dialect.name == "sqlite":
        params = [_sqlite_value(v) for v in params]
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_driver_sql(session, sql), list(params))
        return cursor.fetchall()
    finally:
        cursor.close()


def update_rows(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    key: str = "id",
    constants: Sequence[tuple[str, Any]] = (),
    condition: tuple[str, Any] | None = None,
) -> int:
    """Per row, `UPDATE table SET columns = row[:-1] (and each constant) WHERE key =
    row[-1]` (and `condition`, a column that must hold a value: a compare-and-set);
    returns how many rows changed.

    On PostgreSQL the rows go in by COPY to a temporary table and move over in
    one UPDATE ... FROM: an executemany is one statement per row to the server
    (95k status updates took 25 s of a resolve run there). Elsewhere it is one
    executemany of the per-row statement. Either way a row the condition no
    longer holds for is left alone and not counted.
    """
    if not rows:
        return 0
    if session.get_bind().dialect.name != "postgresql":
        sets = ", ".join(f"{name} = ?" for name in (*columns, *(c for c, _ in constants)))
        where = f"{key} = ?" + (f" AND {condition[0]} = ?" if condition else "")
        shared = tuple(value for _, value in constants)
        tail = (condition[1],) if condition else ()
        return executemany(
            session,
            f"UPDATE {table} SET {sets} WHERE {where}",
            [(*row[:-1], *shared, row[-1], *tail) for row in rows],
        )
    stage = f"{table}_update_{zlib.crc32(','.join((*columns, key)).encode()):08x}"
    names = ", ".join((*columns, key))
    cursor = session.connection().connection.cursor()
    try:
        if _stage_missing(session, stage):
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS "
                f"SELECT {names} FROM {table} WITH NO DATA"
            )
        copy_rows(session, cursor, stage, (*columns, key), rows, types_of=table)
        # The stage's statistics, so the planner sees a few hundred rows to look up by
        # key (a nested loop on the primary key), not its default guess of about a
        # thousand, for which it hashed every open claim of the table at each
        # statement: ~30 ms a statement on a 200k-claim ledger, most of a warm run.
        cursor.execute(f"ANALYZE {stage}")
        sets = ", ".join(
            [f"{name} = s.{name}" for name in columns] + [f"{name} = %s" for name, _ in constants]
        )
        where = f"t.{key} = s.{key}" + (f" AND t.{condition[0]} = %s" if condition else "")
        # The stage is emptied by the same statement (a DELETE in WITH runs to
        # completion whatever the UPDATE reads), not by a TRUNCATE after it.
        cursor.execute(
            f"WITH s AS (DELETE FROM {stage} RETURNING {names}) "
            f"UPDATE {table} AS t SET {sets} FROM s WHERE {where}",
            [value for _, value in constants] + ([condition[1]] if condition else []),
        )
        return cursor.rowcount
    finally:
        cursor.close()


_STAGES = "forecast-ledger update stages"


def _stage_missing(session: Session, stage: str) -> bool:
    """Whether `stage` may not exist yet in this transaction; from here on it does.

    A temporary table made in a transaction that rolls back is gone, so what
    was made is remembered with the transaction it was made in (as
    `prooflog.lock_head` keeps the head): a resolve run's batch updates 50-200
    symbols in one transaction, and each CREATE ... IF NOT EXISTS is a round
    trip to the server.
    """
    transaction = session.get_transaction()
    held = session.info.get(_STAGES)
    if held is None or transaction is None or held[0] is not transaction:
        held = (transaction, set())
        session.info[_STAGES] = held
    if stage in held[1]:
        return False
    held[1].add(stage)
    return True
