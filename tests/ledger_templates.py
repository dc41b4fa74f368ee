"""Ledgers built once per test process and copied for each test that needs one.

Building a ledger runs the migrations (a fresh SQLite ledger costs about a
quarter of a CPU second) and then whatever commands fill it; tests whose
subject is not the building can start from a copy instead. Each test gets a
copy of its own, so no test's writes reach another: a file copy on SQLite
(the write-ahead log folded into the file first), a database made with
`CREATE DATABASE ... TEMPLATE` on PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PG_ENV = "FORECAST_TEST_DATABASE_URL"
# A PostgreSQL session option for test ledgers: commits return before the log is
# flushed to disk (see conftest's `_schema_url`).
FAST_COMMITS = "-csynchronous_commit=off"

# Fills the ledger at a URL; its second argument is a directory of its own
# that lives as long as the template (for the files a build writes and names).
Builder = Callable[[str, Path], None]


@dataclass
class LedgerTemplates:
    """The templates built so far in this test process, by name and backend."""

    directory: Path
    sqlite: dict[str, Path] = field(default_factory=dict)
    postgres: dict[str, URL] = field(default_factory=dict)
    # Each PostgreSQL template's schema as SQL (pg_dump), or None where it could not be dumped.
    postgres_sql: dict[str, str | None] = field(default_factory=dict)

    def copy_sqlite(self, name: str, build: Builder, target: Path) -> str:
        """Put a copy of template `name` at `target` (built by `build` the first time)."""
        if name not in self.sqlite:
            workdir = self.directory / "sqlite" / name
            workdir.mkdir(parents=True)
            path = workdir / "template.sqlite3"
            build(f"sqlite:///{path}", workdir)
            checkpoint(path)
            self.sqlite[name] = path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.sqlite[name], target)
        return f"sqlite:///{target}"

    @contextmanager
    def copy_postgres(self, name: str, build: Builder, test_url: str) -> Iterator[str]:
        """A copy of template `name` in the test's own schema, dropped afterwards.

        The template lives in a database of its own, in a schema named like the
        first test's and reached the same way (first in the search path). A copy
        is that schema replayed from `pg_dump` under the test's schema name, in
        the test database: dropping a schema is cheap, while every DROP DATABASE
        waits for a checkpoint of the whole server (2-3 s each on a shared
        machine, so the background drops fell minutes behind the tests). Where
        pg_dump cannot dump the template, each copy is a database made from it
        with CREATE DATABASE ... TEMPLATE, as before.
        """
        if name not in self.postgres:
            url = make_url(test_url)
            template = url.set(database=_create_database(f"{url.database}_tpl"))
            admin = create_engine(template.set(query={}), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                schema = schema_of(url)
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            admin.dispose()
            self.postgres[name] = template
            workdir = self.directory / "postgresql" / name
            workdir.mkdir(parents=True)
            build(template.render_as_string(hide_password=False), workdir)
            self.postgres_sql[name] = _dump_schema(template)
        template = self.postgres[name]
        dump = self.postgres_sql[name]
        if dump is not None:
            target = make_url(test_url)
            created = _replay_schema(dump, schema_of(template), target)
            try:
                yield test_url
            finally:
                if created:
                    drop_later(drop_schema, target)
            return
        copy = template.set(database=_create_database(f"{template.database}_c", template.database))
        try:
            yield copy.render_as_string(hide_password=False)
        finally:
            drop_later(drop_database, copy)

    def drop(self) -> None:
        wait_for_drops()
        # Together: the server serves DROP DATABASEs that wait at once with one checkpoint.
        with ThreadPoolExecutor(max_workers=max(1, len(self.postgres))) as pool:
            list(pool.map(drop_database, self.postgres.values()))
        self.postgres.clear()


@contextmanager
def copy_of(
    templates: LedgerTemplates, name: str, build: Builder, ledger_url: str
) -> Iterator[str]:
    """A fresh copy of template `name` on the backend of `ledger_url` (see `ledger_url`)."""
    if ledger_url.startswith("sqlite"):
        database = make_url(ledger_url).database
        assert database is not None
        yield templates.copy_sqlite(name, build, Path(database))
        return
    with templates.copy_postgres(name, build, ledger_url) as url:
        yield url


# Dropping a database or a schema full of tables is server work a test need not
# wait for (a DROP DATABASE took 0.5-1 s, a DROP SCHEMA CASCADE up to 2 s under
# load): one thread per test process does it while the next test runs. What it
# drops has a name of its own, so no later test can see it half dropped.
_DROPPER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drop-later")
_PENDING: list[Future[None]] = []


def drop_later(drop: Callable[..., None], *args: object) -> None:
    """Run `drop(*args)` in the background; `wait_for_drops` reports whether it worked."""
    _PENDING.append(_DROPPER.submit(drop, *args))


def wait_for_drops() -> None:
    """Wait for every drop asked for so far; the first that failed raises here."""
    pending = list(_PENDING)
    _PENDING.clear()
    for future in pending:
        future.result()


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the database file, so that the file alone is whole."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def schema_of(url: URL) -> str:
    """The schema a test ledger's URL puts first in the search path."""
    options = str(url.query["options"]).split()
    return next(o.split("=", 1)[1] for o in options if o.startswith("-csearch_path="))


def _maintenance_url() -> URL:
    """The test database itself: never a template, never dropped, always there to connect to."""
    return make_url(os.environ[PG_ENV])


def _create_database(prefix: str, template: str | None = None) -> str:
    """A new database, empty or made from `template` (which must have no open connection)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_maintenance_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        clause = f' TEMPLATE "{template}"' if template is not None else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    admin.dispose()
    return name


def _libpq(url: URL) -> str:
    """`url` as libpq reads it (pg_dump, psycopg): no SQLAlchemy driver, no options."""
    return url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)


def _dump_schema(template: URL) -> str | None:
    """The template's schema (tables, functions, triggers, rows) as SQL, or None.

    psql's meta-commands (pg_dump 15.14 and later write `\\restrict`) are left out:
    the SQL is run by the driver.
    """
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return None
    command = [pg_dump, "--no-owner", "--inserts", "--rows-per-insert=500"]
    command += ["--schema", schema_of(template), _libpq(template)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    lines = done.stdout.splitlines()
    return "\n".join(line for line in lines if not line.startswith("\\"))


def _replay_schema(dump: str, template_schema: str, target: URL) -> bool:
    """Make the template's schema again under `target`'s schema name; False if it was there.

    The schema names are random (t_ and 16 hex digits), so replacing one by the
    other in the SQL touches nothing else.
    """
    import psycopg

    schema = schema_of(target)
    sql = dump.replace(template_schema, schema)
    with psycopg.connect(_libpq(target)) as connection:
        found = connection.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,))
        existed = found.fetchone() is not None
        if existed:  # `ledger_url` made it, and drops it
            sql = sql.replace(f"CREATE SCHEMA {schema};", "", 1)
        connection.execute(sql)
    return not existed


def drop_schema(url: URL) -> None:
    admin = create_engine(_maintenance_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema_of(url)}" CASCADE'))
    admin.dispose()


def drop_database(url: URL) -> None:
    admin = create_engine(_maintenance_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def migrated(url: str, _workdir: Path) -> None:
    """An empty ledger at the current schema, as the first command that writes leaves it."""
    from ledger.store.session import open_ledger

    open_ledger(url).dispose()
