"""Where the ledger lives, and how to open it.

One function turns a user's `--db` (a path, a SQLAlchemy URL, or nothing) into
an engine. SQLite gets WAL, foreign keys and a busy timeout on every
connection, because SQLite forgets pragmas between connections.

The rule for `--db`: anything with `://` is a SQLAlchemy URL; everything else
is a filesystem path, taken literally (never percent-decoded; `?`, `%` and `#`
are characters of the name). A SQLite file is always opened through a SQLite
URI built here from the path, so options a user writes on a `sqlite:///` URL
(`?mode=ro`) reach SQLite instead of being dropped. An in-memory database is
refused: every use of a ledger (a command, the TUI) is a process that ends, and
an in-memory ledger would print "recorded" and keep nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote, unquote

from sqlalchemy import create_engine, event, util
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ledger.errors import LedgerError, UsageError

APP_NAME = "forecast-ledger"
DB_ENV = "FORECAST_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 131_072
"""SQLite's page cache per connection, an upper bound (pages are kept only once read).

The default 2 MiB is far smaller than a 100k-claim ledger: a resolve run's
status updates and resolution inserts, scattered over the claim table and
its indexes, then spill and re-read pages all the time (13 s for 100k
verdicts against 3.7 s with 64 MiB, measured on the shared build machine).
128 MiB keeps the working set of a million-claim run in memory and a peak
RSS well under 1 GiB.
"""
# A new ledger's directory and file are private: it holds what a user reads and
# believes, and a umask of 022 would make it world-readable. SQLite gives the
# -wal and -shm files the mode of the database file.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


# platformdirs is imported where a directory is asked for: a ledger named by --db
# or $FORECAST_DB (scripts, cron, the bench) never needs it, and it is a few
# milliseconds of every start.


def default_db_path() -> Path:
    """The default ledger: a SQLite file in the user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME)) / "ledger.sqlite3"


def cache_dir() -> Path:
    """Where yfinance's own caches and other throwaway files go."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def resolve_db_url(db: str | URL | None = None) -> URL:
    """`--db`, else `FORECAST_DB`, else the default file; a bare path means SQLite.

    SQLite URLs come back in one form: a SQLite URI of an absolute path with
    `uri=true`, which `sqlite_path` reads back.
    """
    if isinstance(db, URL):
        return _sqlite_file_form(db, db.render_as_string()) if _is_sqlite(db) else db
    label = "--db" if db else DB_ENV if os.environ.get(DB_ENV) else "the default ledger"
    spec = db or os.environ.get(DB_ENV) or str(default_db_path())
    if "://" in spec:
        try:
            url = make_url(spec)
        except ArgumentError as exc:
            raise UsageError(
                f"{label} {spec!r} is not a database URL: use a file path or a URL like "
                "postgresql+psycopg://user@host/dbname"
            ) from exc
        return _sqlite_file_form(url, spec, label) if _is_sqlite(url) else url
    if spec.strip() == ":memory:":
        raise _in_memory(spec, label)
    return _file_url(_file_path(Path(spec).expanduser(), spec, label))


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite ledger URL from `resolve_db_url`, else None."""
    if not _is_sqlite(url) or not (url.database or "").startswith("file://"):
        return None
    return Path(unquote(url.database[len("file://") :]))


def is_read_only(url: URL) -> bool:
    """A SQLite ledger opened with `mode=ro` (or `immutable=1`)."""
    return _is_sqlite(url) and (
        url.query.get("mode") == "ro" or util.asbool(url.query.get("immutable", "0"))
    )


def create_private_file(path: Path) -> None:
    """Create an empty ledger file 0600 (its new directories 0700) unless it exists."""
    try:
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    except OSError as exc:
        raise LedgerError(f"cannot create a ledger at {path}: {exc.strerror or exc}") from exc
    os.close(fd)


def make_engine(db: str | URL | None = None, *, create: bool = True) -> Engine:
    """An engine for the ledger at `db`.

    A missing SQLite file is created (privately) with `create`, and never by
    SQLite itself: connections open the file with `mode=rw` unless the URL
    names a mode, so a command that only reads cannot leave an empty file.
    """
    url = resolve_db_url(db)
    if _is_sqlite(url):
        path = sqlite_path(url)
        if path is not None and create and not is_read_only(url):
            create_private_file(path)
        if "mode" not in url.query:
            url = url.update_query_dict({"mode": "rw"})
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        pragmas = _sqlite_read_only_pragmas if is_read_only(url) else _sqlite_pragmas
        event.listen(engine, "connect", pragmas)
        return engine
    if url.get_backend_name() != "postgresql":
        # Only the two the ledger is tested on: a MySQL URL would otherwise be told
        # to install the postgres extra, and an unknown scheme gets SQLAlchemy's words.
        raise UsageError(
            f"--db: {url.get_backend_name()!r} databases are not supported: give a file path"
            " (a SQLite ledger) or a PostgreSQL URL, postgresql+psycopg://USER@HOST/DB"
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ModuleNotFoundError, NoSuchModuleError) as exc:
        raise UsageError(
            f"--db: no driver for {url.drivername}: write postgresql+psycopg://USER@HOST/DB"
            " and install its driver with pip install 'forecast-ledger[postgres]'"
        ) from exc


def _is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def _sqlite_file_form(url: URL, spec: str, label: str = "--db") -> URL:
    """A user's sqlite:// URL as a SQLite URI of its file, with its options kept."""
    database = url.database or ""
    options = dict(url.query)
    uri = util.asbool(options.pop("uri", "false"))
    if uri and database.startswith("file:"):
        database = _uri_path(database, spec, label)
    if database in ("", ":memory:") or options.get("mode") == "memory":
        raise _in_memory(spec, label)
    return _file_url(_file_path(Path(database), spec, label), options)


def _uri_path(database: str, spec: str, label: str) -> str:
    """The filename in a SQLite URI `file:NAME` or `file://[localhost]/NAME`."""
    rest = database[len("file:") :]
    if rest.startswith("//"):
        authority, _, path = rest[2:].partition("/")
        if authority not in ("", "localhost"):
            raise UsageError(f"{label} {spec!r}: a SQLite URI names no host")
        rest = "/" + path
    return unquote(rest)


def _file_path(path: Path, spec: str, label: str) -> Path:
    if path.is_dir():
        raise UsageError(
            f"{label} {spec!r} is a directory: give a file path like {path / 'ledger.db'}"
        )
    return path.resolve()


def _file_url(path: Path, options: Mapping[str, str] | None = None) -> URL:
    """A URL that hands SQLite this very file: quoting keeps `?`, `%`, `#` literal."""
    query = dict(options or {})
    query["uri"] = "true"
    return URL.create("sqlite", database="file://" + quote(str(path), safe="/"), query=query)


def _in_memory(spec: str, label: str) -> UsageError:
    return UsageError(
        f"{label} {spec!r} is an in-memory database, which keeps nothing once the command "
        "ends: give a file path or a server URL"
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection, _record) -> None:
    """As `_sqlite_pragmas`, less the journal mode, which a read-only file cannot set."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
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
    """Where the engine's ledger is, for messages: a SQLite file's path, else the
    URL without its password."""
    return describe_location(engine.url)


def describe_location(url: URL) -> str:
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)
