"""A new SQLite ledger's first fill written once, through a rollback journal.

A ledger runs in WAL mode (`engine._sqlite_pragmas`): every page a
transaction writes goes to the write-ahead log first, and a checkpoint copies
it into the database file later. For the first import into a new ledger
(100k claims: a 145 MB file) that is every page written twice, and the copy
runs when the connection closes: 0.3-0.5 s of a 9 s import's CPU, most of it
in the kernel. A rollback journal copies only the pages a transaction changes
that already held data, and a new ledger has almost none, so its pages are
written once. The commit is as atomic as in WAL mode: a failed or refused
import rolls back, and a hot journal left by a crash is rolled back on the
next open.

Only where nothing is lost: SQLite leaves WAL mode only when no other
connection has the file open (it is asked without waiting), and only for a
ledger that holds no claim yet, which no reader can be following. Every
connection sets WAL mode again as it opens, so the ledger is in WAL mode for
whoever opens it next. While the fill runs, a process that opens the same
new ledger waits for it (its own switch to WAL mode needs the file to
itself), up to the busy timeout.
"""

from __future__ import annotations

import sqlite3

from sqlmodel import Session

from ledger.store.engine import SQLITE_BUSY_TIMEOUT_MS


def write_first_fill_once(session: Session) -> bool:
    """Put a new SQLite ledger (no claim yet) in rollback-journal mode for the
    session's coming write transaction; True when it did. Called before the
    transaction writes anything; any other case (PostgreSQL, a ledger with
    claims, a write already begun, another connection open) is left as it is.
    """
    if session.get_bind().dialect.name != "sqlite":
        return False
    connection = session.connection().connection.driver_connection
    if not isinstance(connection, sqlite3.Connection) or connection.in_transaction:
        return False
    if connection.execute("SELECT 1 FROM prediction LIMIT 1").fetchone() is not None:
        return False
    connection.execute("PRAGMA busy_timeout=0")
    try:
        (mode,) = connection.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError:  # another connection has the file open
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    if mode != "delete":
        return False
    # WAL mode's NORMAL is safe there; a rollback journal needs FULL to survive a power cut.
    connection.execute("PRAGMA synchronous=FULL")
    return True
