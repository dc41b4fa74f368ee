"""Bringing a database to the schema this code expects.

Opening a ledger upgrades it automatically; a database whose revision this
code does not know (written by a newer forecast-ledger) is refused rather than
guessed at.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from ledger.errors import LedgerError, SchemaError
from ledger.store.engine import display_url
from ledger.store.prooflog import ensure_log

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with _connect(engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database at `engine` to `revision` (default: the newest)."""
    with _connect(engine) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        _refuse_unknown(current, engine)
        if current == head_revision() and revision == "head":
            return
        if engine.dialect.name != "sqlite":
            command.upgrade(alembic_config(connection), revision)
            connection.commit()
            return
        _upgrade_sqlite(connection, revision)


def _upgrade_sqlite(connection: Connection, revision: str) -> None:
    """Migrate SQLite with foreign keys off, as SQLite's ALTER TABLE procedure requires.

    Batch mode rebuilds a table by copying it and dropping the original; with
    foreign keys on, dropping `prediction` while resolutions point at it fails
    (or would delete them). The keys are checked once the new tables are in
    place, and the migration is rolled back if any row lost its parent.
    """
    connection.commit()  # PRAGMA foreign_keys is ignored inside a transaction
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        command.upgrade(alembic_config(connection), revision)
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            connection.rollback()
            raise SchemaError(
                f"upgrading the ledger would leave {len(broken)} rows without their parent row"
                f" (first in table {broken[0][0]}): nothing was changed"
            )
        connection.commit()
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


def ensure_current(engine: Engine) -> None:
    """What every command does on opening a ledger: the schema, then the proof
    log and its guards (built from the tables the first time)."""
    upgrade(engine)
    ensure_log(engine)


def _refuse_unknown(current: str | None, engine: Engine) -> None:
    if current is not None and not _known(current):
        raise SchemaError(
            f"the ledger at {display_url(engine)} has schema revision {current}, newer than this "
            f"forecast-ledger knows (newest: {head_revision()}): upgrade forecast-ledger"
        )


def _known(revision: str) -> bool:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _connect(engine: Engine) -> Connection:
    try:
        return engine.connect()
    except (OperationalError, DBAPIError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise LedgerError(f"cannot open the ledger at {display_url(engine)}: {reason}") from exc
