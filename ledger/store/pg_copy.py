"""COPY of many rows into a PostgreSQL table, in the binary format where it can be.

A cold resolve run copies ~95k resolutions, their ~95k proof-log entries and
~95k status updates. psycopg's text COPY turns every float, date and
timestamp into text in the client (`repr` of a float alone is ~1 us on this
machine) and the server parses it back; the binary format packs the same
values as they are held: 95,594 resolution rows went from 0.48-0.72 s to
0.07-0.11 s of client CPU through the same `Copy.write_row`.

Binary COPY needs every value's type to be the column's own: psycopg is told
the column types (`Copy.set_types`, read from the server's catalogue once a
transaction) and dumps each value as that type. A column is written binary
only when all its values are of a Python type whose binary form stores what
the text form would (an int in an int4 column, an aware datetime in a
timestamptz one, ...); anything else (a string for a date, a naive timestamp
in a timestamptz column, a numeric column) sends the whole COPY the text
way, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

# Column type (pg_type.typname) -> the Python types whose binary dump stores
# exactly what the server makes of their text.
_BINARY_SAFE: dict[str, frozenset[type]] = {
    "int2": frozenset({int}),
    "int4": frozenset({int}),
    "int8": frozenset({int}),
    # An int is converted by correct rounding either way (float() here, strtod there).
    "float8": frozenset({float, int}),
    "bool": frozenset({bool}),
    "text": frozenset({str}),
    "varchar": frozenset({str}),
    "date": frozenset({date}),
    "timestamptz": frozenset({datetime}),  # aware ones only: checked below
    "timestamp": frozenset({datetime}),  # naive ones only
    "bytea": frozenset({bytes}),
}

_TYPES = "forecast-ledger column types"


def column_types(session: Session, table: str) -> dict[str, str]:
    """`table`'s columns and their type names, read once per transaction."""
    transaction = session.get_transaction()
    held = session.info.get(_TYPES)
    if held is None or transaction is None or held[0] is not transaction:
        held = (transaction, {})
        session.info[_TYPES] = held
    types = held[1].get(table)
    if types is None:
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(
                "SELECT a.attname, t.typname FROM pg_attribute a "
                "JOIN pg_type t ON t.oid = a.atttypid "
                "WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                (table,),
            )
            types = dict(cursor.fetchall())
        finally:
            cursor.close()
        held[1][table] = types
    return types


def binary_types(
    types: dict[str, str], columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> list[str] | None:
    """The type names to COPY `rows` in binary with, or None when a value of
    some column would not be stored as its text would."""
    names = []
    for name, values in zip(columns, zip(*rows, strict=True), strict=True):
        typname = types.get(name)
        safe = _BINARY_SAFE.get(typname or "")
        if safe is None:
            return None
        kinds = set(map(type, values))
        kinds.discard(type(None))
        if not kinds <= safe:
            return None
        if kinds and typname in ("timestamptz", "timestamp"):
            aware = {value.tzinfo is not None for value in set(values) if value is not None}
            if aware != {typname == "timestamptz"}:
                return None
        names.append(typname)
    return names


def copy_rows(
    session: Session,
    cursor: Any,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    types_of: str | None = None,
) -> None:
    """COPY `rows` into `table`'s `columns`, binary when `binary_types` allows
    (the types read from `types_of`, a table the columns are alike in: the
    base table of a temporary stage), else as text."""
    if not isinstance(rows, list | tuple):
        rows = list(rows)  # read twice: for the types, then to copy
    types = binary_types(column_types(session, types_of or table), columns, rows)
    names = ", ".join(columns)
    if types is None:
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        for row in rows:
            copy.write_row(row)
