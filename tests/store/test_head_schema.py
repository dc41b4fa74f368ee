"""A new SQLite ledger is made from the stored head script (ledger.store.head_schema),
and what it makes is what the migrations make: the same tables, indexes, views,
triggers (SQL text for SQL text) and rows. A migration added without writing the
script again fails here; PostgreSQL is migrated as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from ledger.store import head_schema
from ledger.store.engine import make_engine
from ledger.store.head_schema import HEAD_SCRIPT, create_at_head, migrated_script, statements
from ledger.store.schema import current_revision, head_revision, migrate_sqlite, upgrade
from ledger.store.session import open_ledger


def contents(path: Path) -> tuple[set[tuple], dict[str, list[tuple]]]:
    """Every schema object's SQL (a table's constraints as a set, see `shape`),
    and every table's rows."""
    connection = sqlite3.connect(path)
    try:
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
        schema = {
            (t, name, table, shape(sql) if t == "table" else sql) for t, name, table, sql in objects
        }
        rows = {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr)
            for type_, name, _, _ in objects
            if type_ == "table"
        }
        return schema, rows
    finally:
        connection.close()


CONSTRAINT_WORDS = ("CONSTRAINT", "PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY")


def shape(create_table: str) -> tuple:
    """A CREATE TABLE statement as its head, its columns in order and its
    constraints as a set: the migrations rebuild tables with the constraints
    in an order that changes from run to run (Python's string hashing), which
    changes nothing the table does."""
    head, _, body = create_table.partition("(")
    body = body.rstrip().removesuffix(")")
    items, depth, quoted, start = [], 0, False, 0
    for at, char in enumerate(body):
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        elif not quoted and depth == 0 and char == ",":
            items.append(body[start:at].strip())
            start = at + 1
    items.append(body[start:].strip())
    columns = tuple(item for item in items if not item.startswith(CONSTRAINT_WORDS))
    constraints = frozenset(item for item in items if item.startswith(CONSTRAINT_WORDS))
    return head.strip(), columns, constraints


def migrated_file(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        migrate_sqlite(connection, "head")
    engine.dispose()


def no_alembic(monkeypatch: pytest.MonkeyPatch) -> None:
    from alembic import command

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a new SQLite ledger ran the migrations")

    monkeypatch.setattr(command, "upgrade", refuse)


def test_the_stored_script_builds_what_the_migrations_build_now(tmp_path: Path) -> None:
    scripted = tmp_path / "scripted.sqlite3"
    connection = sqlite3.connect(scripted)
    assert create_at_head(connection, head_revision())
    connection.close()
    migrated_file(tmp_path / "migrated.sqlite3")
    assert contents(scripted) == contents(tmp_path / "migrated.sqlite3"), (
        "the migrations changed: run `python -m ledger.store.head_schema` and commit the script"
    )
    # The same, from a script written now (what the writer gives is what is stored).
    again = tmp_path / "again.sqlite3"
    connection = sqlite3.connect(again)
    for statement in statements(migrated_script()):
        connection.execute(statement)
    connection.commit()
    connection.close()
    assert contents(again) == contents(scripted)


def test_shape_ignores_only_the_order_of_constraints() -> None:
    check, unique = "CONSTRAINT x CHECK (a IN (1, 2))", "CONSTRAINT y UNIQUE (b)"
    table = f"CREATE TABLE t (\n\ta INT, \n\tb TEXT, \n\t{check}, \n\t{unique}\n)"
    swapped = f"CREATE TABLE t (\n\ta INT, \n\tb TEXT, \n\t{unique}, \n\t{check}\n)"
    assert shape(table) == shape(swapped)
    assert shape(table) != shape(table.replace("a INT, \n\tb TEXT", "b TEXT, \n\ta INT"))
    assert shape(table) != shape(table.replace("(1, 2)", "(1, 3)"))
    assert shape(table)[2] == {"CONSTRAINT x CHECK (a IN (1, 2))", "CONSTRAINT y UNIQUE (b)"}


def test_a_new_ledger_from_the_script_equals_a_migrated_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrated_file(tmp_path / "migrated.sqlite3")
    no_alembic(monkeypatch)
    engine = make_engine(str(tmp_path / "scripted.sqlite3"))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    scripted = contents(tmp_path / "scripted.sqlite3")
    migrated = contents(tmp_path / "migrated.sqlite3")
    assert scripted[0] == migrated[0]
    assert scripted[1] == migrated[1]
    assert {"table", "index"} <= {t for t, *_ in scripted[0]}
    assert scripted[1]["alembic_version"] == [(head_revision(),)]


def test_a_new_ledger_opened_by_a_command_is_scripted_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_alembic(monkeypatch)
    engine = open_ledger(str(tmp_path / "new.sqlite3"))
    assert current_revision(engine) == head_revision()
    engine.dispose()
    schema, rows = contents(tmp_path / "new.sqlite3")
    assert len(rows["proof_head"]) == 1  # the log is made after the schema, as before
    assert any(t == "trigger" and "ledger_guard" in n for t, n, _, _ in schema)


def test_a_script_of_another_revision_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "stale.sql"
    stale.write_text(
        HEAD_SCRIPT.read_text(encoding="utf-8").replace(head_revision(), "0016_older"),
        encoding="utf-8",
    )
    monkeypatch.setattr(head_schema, "HEAD_SCRIPT", stale)
    ran = []
    from alembic import command

    real = command.upgrade
    monkeypatch.setattr(command, "upgrade", lambda *a, **k: ran.append(1) or real(*a, **k))
    engine = make_engine(str(tmp_path / "ledger.sqlite3"))
    upgrade(engine)
    assert ran == [1]
    assert current_revision(engine) == head_revision()
    engine.dispose()
    migrated_file(tmp_path / "migrated.sqlite3")
    assert contents(tmp_path / "ledger.sqlite3") == contents(tmp_path / "migrated.sqlite3")


def test_a_database_that_is_not_empty_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE mine (x)")
    connection.commit()
    assert create_at_head(connection, head_revision()) is False
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("mine",)]
    assert not connection.in_transaction
    connection.close()


def test_a_failing_script_leaves_the_database_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.sql"
    broken.write_text(
        HEAD_SCRIPT.read_text(encoding="utf-8") + "CREATE TABLE alias (x);\n", encoding="utf-8"
    )
    monkeypatch.setattr(head_schema, "HEAD_SCRIPT", broken)
    connection = sqlite3.connect(tmp_path / "new.sqlite3")
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        create_at_head(connection, head_revision())
    assert connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchall() == [(0,)]
    connection.close()


def test_statements_keep_a_trigger_whole() -> None:
    script = (
        "-- revision: x\n"
        "CREATE TABLE t (a);\n"
        "CREATE TRIGGER g BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no; never'); END;\n"
        "INSERT INTO t VALUES ('a;b');\n"
    )
    assert statements(script) == [
        "CREATE TABLE t (a);",
        "CREATE TRIGGER g BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no; never'); END;",
        "INSERT INTO t VALUES ('a;b');",
    ]
    with pytest.raises(ValueError, match="inside a statement"):
        statements("CREATE TABLE t (a)\n")
