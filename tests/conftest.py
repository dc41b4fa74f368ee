"""Shared fixtures: every test gets ledgers of its own, never the user's.

`ledger_url` runs a test on a fresh SQLite file and, when
FORECAST_TEST_DATABASE_URL is set, again on PostgreSQL in a schema of its own
that is dropped afterwards, so runs never see each other's rows.
"""

from __future__ import annotations

import os

# One BLAS thread per test process. OpenBLAS otherwise starts a thread per core
# in each xdist worker, and on a shared 2-core machine those threads wait on
# each other: SciPy's L-BFGS-B took 6 ms a step instead of microseconds (the
# shrinkage test against SciPy's fit: 27 s -> 5 s). Set before numpy loads;
# a value given in the environment is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from ledger_templates import (
    FAST_COMMITS,
    LedgerTemplates,
    drop_later,
    migrated,
    wait_for_drops,
)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from yahoo_fake import fake_yahoo

__all__ = ["fake_yahoo"]

PG_ENV = "FORECAST_TEST_DATABASE_URL"

# Hypothesis's per-example deadline is a timed assertion: on a shared 2-core
# machine under load a 200 ms deadline fails correct code. Speed is measured in
# bench/, never asserted in tests.
# HYPOTHESIS_MAX_EXAMPLES=1000 runs a deeper search once, by hand.
settings.register_profile(
    "ledger", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "100"))
)
settings.load_profile("ledger")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user data, cache or default ledger."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("FORECAST_DB", str(tmp_path / "default-ledger.sqlite3"))
    # A bug raised inside a command fails the test with its traceback, not as a one-line
    # report with exit code 70; tests/cli/test_internal_errors.py unsets it.
    monkeypatch.setenv("FORECAST_DEBUG", "1")
    # No test asks Yahoo for symbols unless it runs the fake and unsets this itself.
    monkeypatch.setenv("FORECAST_OFFLINE", "1")
    # No test asks the user's language model: `extract --llm` settings come from the test.
    for name in ("FORECAST_LLM", "FORECAST_LLM_URL", "FORECAST_LLM_MODEL", "FORECAST_LLM_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    # No test asks the user's time-stamp authority: a test that stamps serves its own.
    monkeypatch.delenv("FORECAST_TSA_URL", raising=False)


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    marks = [] if os.environ.get(PG_ENV) else [pytest.mark.skip(reason=f"{PG_ENV} not set")]
    params.append(pytest.param("postgresql", id="postgresql", marks=marks))
    return params


@pytest.fixture(params=_backends())
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty ledger database, on each backend under test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
        return
    yield from _postgres_schema(os.environ[PG_ENV])


def _schema_url(base_url: str, schema: str) -> str:
    """`base_url` with `schema` first in the search path, as the ledger is reached there.

    Its sessions also commit without waiting for the write-ahead log to reach
    the disk (`synchronous_commit=off`): what a commit makes visible, and when,
    is the same, only a server crash could lose the last commits, which no test
    is about. Each commit then costs well under a millisecond instead of an
    fsync (11 ms on the CI machine), and the storage tests commit thousands of
    times.
    """
    options = f"-csearch_path={schema} {FAST_COMMITS}"
    url = make_url(base_url).update_query_dict({"options": options})
    return url.render_as_string(hide_password=False)


def _postgres_schema(base_url: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    try:
        yield _schema_url(base_url, schema)
    finally:
        drop_later(_drop_schema, base_url, schema)


def _drop_schema(base_url: str, schema: str) -> None:
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def ledger_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LedgerTemplates]:
    """Ledgers built once per test process, for tests to copy (see ledger_templates.py)."""
    templates = LedgerTemplates(tmp_path_factory.mktemp("ledger-templates"))
    yield templates
    templates.drop()


@pytest.fixture
def migrated_ledger(ledger_templates: LedgerTemplates) -> Callable[[Path], str]:
    """Puts an empty SQLite ledger at the current schema at a path and gives its URL.

    For fixtures that fill a ledger through the store: the same file the first
    write would create, without running every migration again for each test.
    Tests of creating a ledger (tests/store/) start from nothing instead.
    """
    return lambda path: ledger_templates.copy_sqlite("migrated", migrated, path)


@pytest.fixture(params=_backends())
def migrated_url(
    request: pytest.FixtureRequest, tmp_path: Path, ledger_templates: LedgerTemplates
) -> Iterator[str]:
    """A URL to an empty ledger already at the current schema, on each backend under test.

    What `ledger_url` holds once the first command that writes has run, for
    tests whose subject comes after that: a copy of one ledger migrated once
    per test process (a file copy on SQLite, a database made from a template
    on PostgreSQL, dropped afterwards), instead of the whole migration chain
    per test. Tests of creating a ledger, of migrating one, or of what happens
    where there is none (the first write, `--db`, "no ledger at") take
    `ledger_url`.
    """
    if request.param == "sqlite":
        yield ledger_templates.copy_sqlite("migrated", migrated, tmp_path / "ledger.sqlite3")
        return
    # The template is built in a schema of this name in a database of its own;
    # nothing is made in the test database itself.
    url = _schema_url(os.environ[PG_ENV], f"t_{uuid.uuid4().hex[:16]}")
    with ledger_templates.copy_postgres("migrated", migrated, url) as copy:
        yield copy


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Take hypothesis's garbage-collection timer out once no test is left to run.

    hypothesis times every collection with a `gc.callbacks` hook. When an xdist
    worker is slow to wind down (a loaded machine), execnet stops it by sending
    the process SIGINT; if that lands inside the hook, Python reports the
    KeyboardInterrupt as an unraisable exception and pytest prints its traceback
    at the end of a run in which every test passed. Elsewhere execnet handles
    the interrupt quietly, so without the hook there is nothing to print.
    """
    import gc

    wait_for_drops()  # a drop that failed is reported, not left behind unsaid
    gc.callbacks[:] = [
        callback
        for callback in gc.callbacks
        if not getattr(callback, "__module__", "").startswith("hypothesis")
    ]
