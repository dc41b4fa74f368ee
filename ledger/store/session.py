"""Opening a ledger: engine plus schema check, in one call.

What is at the place a user names decides what happens, and nothing that is
not a ledger is ever changed:

- nothing there: a command that writes creates the ledger (file 0600 in a
  0700 directory); one that only reads says there is none, and creates nothing;
- an empty file, a file that is not SQLite, a SQLite database without our
  `alembic_version`: refused with one line, untouched (an empty file is not
  adopted: it is more likely a mistake than a ledger);
- a ledger at an older schema: upgraded (or, opened read-only, refused with a
  line saying how to upgrade it).
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.pool import StaticPool

from ledger.errors import NoLedgerError, NotALedgerError, SchemaError, UsageError
from ledger.store.engine import (
    create_private_file,
    describe_location,
    is_read_only,
    make_engine,
    resolve_db_url,
    sqlite_path,
)
from ledger.store.schema import current_revision, ensure_current, head_revision

SQLITE_HEADER = b"SQLite format 3\x00"


def open_ledger(db: str | None = None, *, write: bool = True) -> Engine:
    """An engine for the ledger at `db`, migrated to the current schema.

    With `write` (commands that record, the TUI) a missing ledger is created;
    without it, it must exist.
    """
    engine = connect_ledger(db, write=write)
    try:
        if is_read_only(engine.url):
            _refuse_stale_read_only(engine)
        else:
            ensure_current(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def empty_ledger_engine() -> Engine:
    """A private in-memory ledger at the current schema, gone when disposed.

    For previews (parse, add --dry-run, extract) when no ledger exists: they
    read aliases and cached prices, and an empty ledger has none. Not
    reachable by `--db`, which refuses in-memory databases.

    Migrating a new database costs a quarter of a CPU second; a process asks
    for this more than once only when it runs many commands (the test suite
    does, hundreds of times), so each engine is a page-for-page copy of one
    migrated the first time, and no two engines share a row.
    """

    def copy_of_the_migrated() -> sqlite3.Connection:
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        with _EMPTY_LEDGER_LOCK:
            _migrated_empty_ledger().backup(connection)
        return connection

    return create_engine("sqlite://", poolclass=StaticPool, creator=copy_of_the_migrated)


_EMPTY_LEDGER_LOCK = threading.Lock()


def _migrated_empty_ledger() -> sqlite3.Connection:
    """An in-memory database migrated to the current schema, kept for this process to copy."""
    return _migrated_empty_engine().raw_connection().driver_connection


@functools.cache
def _migrated_empty_engine() -> Engine:
    # Kept (cached) so that its pool never closes the one connection it holds.
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    ensure_current(engine)
    return engine


def connect_ledger(db: str | None = None, *, write: bool = True) -> Engine:
    """An engine for the ledger at `db`, refusing what is not a ledger; no migration."""
    url = resolve_db_url(db)
    where = describe_location(url)
    if write and is_read_only(url):
        raise UsageError(
            f"the ledger at {where} is opened read-only (mode=ro) and this command writes: "
            "drop the mode option to write"
        )
    path = sqlite_path(url)
    existed = path is not None and path.exists()
    if path is not None:
        if existed:
            _refuse_non_ledger_file(path)
        elif write:
            create_private_file(path)
        else:
            raise NoLedgerError(where)
    engine = make_engine(url, create=False)
    if path is None and not write:
        try:
            revision = current_revision(engine)
        except BaseException:
            engine.dispose()
            raise
        if revision is None:
            engine.dispose()
            raise NoLedgerError(where)
    return engine


def _refuse_non_ledger_file(path: Path) -> None:
    """Refuse, without writing to it, a file that is not a ledger.

    The check opens the file read-only with the sqlite3 module itself, before
    any engine sets WAL mode, which would rewrite the file's header.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotALedgerError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not header:
        raise NotALedgerError(
            f"{path} is an empty file, not a ledger: remove it, or give another --db"
        )
    if header != SQLITE_HEADER:
        raise NotALedgerError(
            f"{path} is not a SQLite database, so not a ledger: left it untouched; "
            "give another --db"
        )
    try:
        connection = sqlite3.connect(f"file://{quote(str(path), safe='/')}?mode=ro", uri=True)
        try:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise NotALedgerError(f"{path} cannot be read as a ledger: {exc}") from exc
    if found is None:
        raise NotALedgerError(
            f"{path} is a SQLite database but not a forecast ledger (no alembic_version "
            "table): left it untouched; give another --db"
        )


def _refuse_stale_read_only(engine: Engine) -> None:
    """A read-only ledger cannot be upgraded; say so instead of failing on a write."""
    current = current_revision(engine)
    if current != head_revision():
        raise SchemaError(
            f"the ledger at {describe_location(engine.url)} is at schema revision {current}, "
            f"this forecast-ledger uses {head_revision()}: open it once without mode=ro "
            "to upgrade it"
        )
