"""Bringing a database to the schema this code expects.

Opening a ledger upgrades it automatically; a database whose revision this
code does not know (written by a newer forecast-ledger) is refused rather than
guessed at.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from ledger.errors import LedgerError, SchemaError
from ledger.store.engine import display_url
from ledger.store.head_schema import create_at_head
from ledger.store.prooflog import ensure_log

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
# A migration file names its revision and its parent in two assignments.
_REVISION = re.compile(r"""^revision\s*(?::[^=]*)?=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=]*)?=\s*(?:None|["']([^"']+)["'])""", re.MULTILINE
)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@functools.cache
def _revisions() -> tuple[frozenset[str], str]:
    """Every revision this code knows, and the newest, read from the migration files.

    Every command checks the ledger's revision; importing Alembic and
    building its script directory for that costs more than the command
    itself, so the two assignments are read from the files, and Alembic is
    imported only when a migration must run (a test holds this equal to
    Alembic's own reading).
    """
    revisions: dict[str, str | None] = {}
    for path in VERSIONS_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            continue
        revisions[revision.group(1)] = down.group(1)
    heads = set(revisions) - set(revisions.values())
    assert len(heads) == 1, f"migrations must have one head, found {sorted(heads)}"
    return frozenset(revisions), heads.pop()


def head_revision() -> str:
    return _revisions()[1]


def current_revision(engine: Engine) -> str | None:
    with _connect(engine) as connection:
        return _current(connection)


def _current(connection: Connection) -> str | None:
    """The database's revision: one SELECT of `alembic_version` (None: no ledger schema)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) > 1:
        raise SchemaError(
            f"the ledger has {len(rows)} schema revisions at once; it was migrated by hand"
        )
    return rows[0][0] if rows else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database at `engine` to `revision` (default: the newest)."""
    with _connect(engine) as connection:
        current = _current(connection)
        _refuse_unknown(current, engine)
        if current == head_revision() and revision == "head":
            connection.rollback()
            return
        if engine.dialect.name != "sqlite":
            from alembic import command

            command.upgrade(alembic_config(connection), revision)
            connection.commit()
            return
        if current is None and revision == "head":
            # A new ledger: made from the migrations' stored result in one
            # script, without Alembic (see `ledger.store.head_schema`).
            connection.rollback()
            if create_at_head(connection.connection.driver_connection, head_revision()):
                return
        migrate_sqlite(connection, revision)


def migrate_sqlite(connection: Connection, revision: str) -> None:
    """Migrate SQLite with foreign keys off, as SQLite's ALTER TABLE procedure requires.

    Batch mode rebuilds a table by copying it and dropping the original; with
    foreign keys on, dropping `prediction` while resolutions point at it fails
    (or would delete them). The keys are checked once the new tables are in
    place, and the migration is rolled back if any row lost its parent.
    """
    connection.commit()  # PRAGMA foreign_keys is ignored inside a transaction
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    from alembic import command

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
    return revision in _revisions()[0]


def _connect(engine: Engine) -> Connection:
    try:
        return engine.connect()
    except (OperationalError, DBAPIError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise LedgerError(f"cannot open the ledger at {display_url(engine)}: {reason}") from exc
