"""A ledger that has been through every write path, for the proof tests.

Building it takes some twenty commands (seconds), and some seventy tests use
it: each backend's ledger is built once per test process, as a template, and
every test gets a fresh copy of its own (a file copy on SQLite, a database made
from the template on PostgreSQL), so one test's writes never reach another.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import forecast
from price_files import flat_bars, write_csv
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PG_ENV = "FORECAST_TEST_DATABASE_URL"


def write_prices(directory: Path) -> Path:
    write_csv(
        directory,
        "GC=F",
        flat_bars("2025-06-02", "2026-07-10", 4000.0, highs={"2026-02-02": 5200.0}),
    )
    write_csv(directory, "SI=F", flat_bars("2025-06-02", "2026-07-10", 50.0))
    write_csv(
        directory, "BTC-USD", flat_bars("2025-06-02", "2026-07-10", 90000.0, weekdays_only=False)
    )
    return directory


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    return write_prices(tmp_path / "prices")


def run_ok(capsys, *args: str) -> str:
    result = forecast(capsys, *args)
    assert result.code == 0, (args, result.err)
    return result.out


def build_busy_ledger(capsys, ledger_url: str, prices: Path, workdir: Path) -> None:
    """Claims added, imported (with history and a void), resolved by prices and
    by hand, voided, rechecked; a relative claim's reference filled; aliases
    added and removed; sources described."""
    db = ("--db", ledger_url)
    made = ("--made-on", "2025-11-20")
    run_ok(
        capsys,
        *db,
        "add",
        "gold $5055 by 2026-06-30",
        "-s",
        "JPMorgan",
        "--prob",
        "0.7",
        *made,
        "-t",
        "gold",
        "-t",
        "banks",
        "--url",
        "https://example.com/a",
        "--quote",
        "gold to 5055",
    )
    run_ok(capsys, *db, "add", "silver hits $1000 by 2026-06-30", "-s", "Pundit", *made)
    run_ok(capsys, *db, "add", "BTC +20% within 90 days", "-s", "self", "--prob", "0.3", *made)
    run_ok(capsys, *db, "add", "gold $9000 by 2027-12-31", "-s", "JPMorgan", *made)
    run_ok(capsys, *db, "alias", "add", "copper", "HG=F")
    run_ok(capsys, *db, "alias", "add", "shiny", "GC=F")
    run_ok(capsys, *db, "alias", "remove", "copper")
    run_ok(capsys, *db, "void", "4", "--why", "recorded the wrong year")

    # An import that carries history: another ledger's export, with a void.
    other = str(workdir / "other.sqlite3")
    run_ok(capsys, "--db", other, "add", "gold $7000 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "add", "silver $20 by 2026-06-30", "-s", "Other Bank", *made)
    run_ok(capsys, "--db", other, "resolve", "1", "--outcome", "false", "--note", "no", "--force")
    run_ok(capsys, "--db", other, "void", "2", "--why", "duplicate")
    exported = workdir / "other.yaml"
    run_ok(capsys, "--db", other, "export", "-o", str(exported))
    text = exported.read_text()
    text = text.replace(
        "sources:\n", "sources:\n- name: Pundit\n  kind: person\n  notes: loud\n", 1
    )
    exported.write_text(text)
    run_ok(capsys, *db, "import", str(exported))

    run_ok(capsys, *db, "resolve", "--prices", f"csv:{prices}", "--as-of", "2026-07-10")
    run_ok(capsys, *db, "resolve", "2", "--outcome", "void", "--note", "no such market", "--force")
    run_ok(
        capsys, *db, "resolve", "--recheck", "--prices", f"csv:{prices}", "--as-of", "2026-07-10"
    )


@dataclass
class BusyTemplates:
    """The busy ledgers built so far in this test process, one per backend.

    The prices a template was resolved against stay in `directory` for the
    whole session, so the `csv:` source a copy names exists for every test.
    """

    directory: Path
    sqlite_file: Path | None = None
    postgres: URL | None = None  # the template database, its schema first in the search path


@pytest.fixture(scope="session")
def busy_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BusyTemplates]:
    templates = BusyTemplates(tmp_path_factory.mktemp("busy-template"))
    yield templates
    if templates.postgres is not None:
        _drop_database(templates.postgres)


@pytest.fixture
def busy_ledger(capsys, ledger_url: str, busy_templates: BusyTemplates) -> Iterator[str]:
    """A fresh copy of the busy ledger (see `build_busy_ledger`) on the backend under test."""
    if ledger_url.startswith("sqlite"):
        if busy_templates.sqlite_file is None:
            busy_templates.sqlite_file = _sqlite_template(capsys, busy_templates.directory)
        shutil.copyfile(busy_templates.sqlite_file, make_url(ledger_url).database)
        yield ledger_url
        return
    if busy_templates.postgres is None:
        busy_templates.postgres = _postgres_template(capsys, ledger_url, busy_templates.directory)
    template = busy_templates.postgres
    copy = template.set(database=_create_database(f"{template.database}_c", template.database))
    try:
        yield copy.render_as_string(hide_password=False)
    finally:
        _drop_database(copy)


def _sqlite_template(capsys, directory: Path) -> Path:
    """Build the SQLite template, its WAL folded into the file so that a plain copy is whole."""
    workdir = directory / "sqlite"
    path = workdir / "busy.sqlite3"
    build_busy_ledger(capsys, f"sqlite:///{path}", write_prices(workdir / "prices"), workdir)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return path


def _postgres_template(capsys, ledger_url: str, directory: Path) -> URL:
    """Build the PostgreSQL template in a database of its own, in a schema named
    like the test's and reached the same way (first in the search path)."""
    test_url = make_url(ledger_url)
    template = test_url.set(database=_create_database(f"{test_url.database}_busy"))
    schema = test_url.query["options"].split("=", 1)[1]
    admin = create_engine(template.set(query={}), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    workdir = directory / "postgresql"
    url = template.render_as_string(hide_password=False)
    build_busy_ledger(capsys, url, write_prices(workdir / "prices"), workdir)
    return template


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


def _drop_database(url: URL) -> None:
    admin = create_engine(_maintenance_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()
