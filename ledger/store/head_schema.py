"""A new SQLite ledger made at the newest schema from one stored script.

A new ledger used to run every migration from the first (17 of them, batch
table rebuilds included) before its first command: about 0.4 s of CPU with
Alembic's imports, a tenth of a 100k-entry import's own work. The migrations
stay the one truth of the schema: the script is their result, written from a
database they built (`python -m ledger.store.head_schema`), and held to it by
tests/store/test_head_schema.py, which fails as soon as a migration is added
and the script not written again. The script is used only when it names the
newest revision this code knows and the database is empty; anything else (a
ledger at an older revision, PostgreSQL) is migrated as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HEAD_SCRIPT = Path(__file__).parent / "migrations" / "head.sqlite.sql"
_REVISION_LINE = "-- revision: "
_HEADER = (
    "-- A new SQLite ledger at the newest schema: what the migrations build, written by\n"
    "-- `python -m ledger.store.head_schema` (ledger/store/head_schema.py). Do not edit.\n"
)
# Creation order: a trigger or an index needs its table; a view is made before
# the triggers, which may name it.
_TYPE_ORDER = {"table": 0, "index": 1, "view": 2, "trigger": 3}


def schema_script(connection: sqlite3.Connection) -> str:
    """The script that makes an empty database into `connection`'s schema and
    revision: every table, index, view and trigger as SQLite stored its SQL,
    then the `alembic_version` row. Refuses a database holding other rows,
    since the script carries none."""
    for (table,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ):
        [(count,)] = connection.execute(f'SELECT COUNT(*) FROM "{table}"')
        if count and table != "alembic_version":
            raise ValueError(f"table {table} holds rows: the script is of a new ledger's schema")
    [(revision,)] = connection.execute("SELECT version_num FROM alembic_version")
    objects = connection.execute(
        "SELECT type, sql FROM sqlite_master"
        " WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    objects.sort(key=lambda item: _TYPE_ORDER[item[0]])  # stable: rowid order within a type
    statements = [f"{sql};" for _, sql in objects]
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{revision}');")
    return f"{_HEADER}{_REVISION_LINE}{revision}\n" + "\n".join(statements) + "\n"


def script_revision(script: str) -> str | None:
    """The revision a script says it builds."""
    for line in script.splitlines():
        if line.startswith(_REVISION_LINE):
            return line.removeprefix(_REVISION_LINE).strip()
    return None


def statements(script: str) -> list[str]:
    """The script's statements, one each (a trigger's body holds semicolons)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and line.startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"the schema script ends inside a statement: {pending[:80]!r}")
    return found


def create_at_head(connection: sqlite3.Connection, head: str) -> bool:
    """Make the empty database at `connection` the newest schema, in one
    transaction; False (nothing done) when the stored script is not of
    revision `head` or the database is not empty (another process got there
    first), and the caller migrates as before."""
    script = HEAD_SCRIPT.read_text(encoding="utf-8")
    if script_revision(script) != head:
        return False
    if connection.in_transaction:
        connection.rollback()
    connection.execute("BEGIN IMMEDIATE")  # the check and the creation under one lock
    try:
        [(count,)] = connection.execute("SELECT COUNT(*) FROM sqlite_master")
        if count:
            connection.rollback()
            return False
        for statement in statements(script):
            connection.execute(statement)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    return True


def migrated_script() -> str:
    """The script of a database the migrations build from nothing, now."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    from ledger.store.schema import migrate_sqlite

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.connect() as connection:
            migrate_sqlite(connection, "head")
        return schema_script(engine.raw_connection().driver_connection)
    finally:
        engine.dispose()


def main() -> None:
    """Write the script from the migrations (after adding one)."""
    HEAD_SCRIPT.write_text(migrated_script(), encoding="utf-8")
    print(f"wrote {HEAD_SCRIPT}")


if __name__ == "__main__":
    main()
