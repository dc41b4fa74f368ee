"""Where the ledger lives, and how to open it.

One function turns a user's `--db` (a path, a SQLAlchemy URL, or nothing) into
an engine. SQLite gets WAL, foreign keys and a busy timeout on every
connection, because SQLite forgets pragmas between connections.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import create_engine

from ledger.errors import UsageError

APP_NAME = "forecast-ledger"
DB_ENV = "FORECAST_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> Path:
    """The default ledger: a SQLite file in the user data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "ledger.sqlite3"


def cache_dir() -> Path:
    """Where yfinance's own caches and other throwaway files go."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def resolve_db_url(db: str | None = None) -> URL:
    """`--db`, else `FORECAST_DB`, else the default file; a bare path means SQLite."""
    spec = db or os.environ.get(DB_ENV) or str(default_db_path())
    if "://" in spec:
        try:
            return make_url(spec)
        except ArgumentError as exc:
            raise UsageError(
                f"--db {spec!r} is not a database URL: use a file path or a URL like "
                "postgresql+psycopg://user@host/dbname"
            ) from exc
    path = Path(spec).expanduser()
    if path.is_dir():
        raise UsageError(
            f"--db {spec!r} is a directory: give a file path like {path / 'ledger.db'}"
        )
    return make_url(f"sqlite:///{path.resolve()}")


def make_engine(db: str | URL | None = None) -> Engine:
    """An engine for the ledger at `db`; creates the SQLite file's directory."""
    url = db if isinstance(db, URL) else resolve_db_url(db)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise UsageError(
            f"no driver for {url.drivername}: "
            "install it with pip install 'forecast-ledger[postgres]'"
        ) from exc


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def refresh_planner_statistics(engine: Engine) -> None:
    """Give SQLite's planner fresh statistics before bulk work.

    Without them it prefers the status index for "id IN (...) AND status =
    'open'" and scans every open claim once per statement; with them it
    uses the primary key. A sampled ANALYZE of the claims table is enough and
    takes milliseconds; PostgreSQL's autovacuum keeps its own statistics.
    """
    if engine.dialect.name != "sqlite":
        return
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA analysis_limit=1000")
        connection.exec_driver_sql("ANALYZE prediction")


def display_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)
