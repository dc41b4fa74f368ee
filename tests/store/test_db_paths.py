"""What `--db` names, and what opening it may do to what is there.

A plain path is a path (never percent-decoded); a URL is a URL, with its SQLite
options honoured; in-memory databases are refused; nothing that is not a
ledger is adopted or changed; a new ledger is private.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from ledger.errors import NoLedgerError, NotALedgerError, UsageError
from ledger.store.engine import default_db_path, is_read_only, resolve_db_url, sqlite_path
from ledger.store.session import open_ledger

INSERT_ALIAS = text(
    "INSERT INTO alias (alias, symbol, created_at) VALUES ('cu', 'HG=F', CURRENT_TIMESTAMP)"
)
# Any one path component: no "/" and no NUL, and not "." or "..".
FILE_NAMES = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1
).filter(lambda name: name not in (".", ".."))


@given(FILE_NAMES)
def test_a_plain_path_is_taken_literally(name: str) -> None:
    path = Path("/tmp/ledgers") / name
    assert sqlite_path(resolve_db_url(str(path))) == path


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("x%2F..%2F..%2Fescaped.db", id="percent-escaped-slashes"),
        pytest.param("a?mode=memory", id="question-mark"),
        pytest.param("b#c.db", id="hash"),
        pytest.param("d%20e.db", id="percent-space"),
        pytest.param("f g.db", id="space"),
    ],
)
def test_the_file_written_is_the_file_named(tmp_path: Path, name: str) -> None:
    directory = tmp_path / "one" / "two"
    directory.mkdir(parents=True)
    engine = open_ledger(str(directory / name))
    with engine.begin() as connection:
        connection.execute(INSERT_ALIAS)
    engine.dispose()
    assert sorted(p.name for p in directory.iterdir()) == [name]
    assert [p.name for p in tmp_path.iterdir()] == ["one"]  # nothing escaped upward
    engine = open_ledger(str(directory / name), write=False)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT symbol FROM alias")).scalar() == "HG=F"
    engine.dispose()


def test_a_sqlite_url_is_decoded_as_a_url(tmp_path: Path) -> None:
    url = resolve_db_url(f"sqlite:///{tmp_path}/a%20b.db")
    assert sqlite_path(url) == tmp_path / "a b.db"


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param("sqlite://", id="sqlite-no-database"),
        pytest.param("sqlite:///:memory:", id="sqlite-memory"),
        pytest.param(":memory:", id="bare-memory"),
        pytest.param("sqlite:///file::memory:?uri=true", id="uri-memory"),
        pytest.param("sqlite:///file:x?mode=memory&uri=true", id="uri-mode-memory"),
        pytest.param("sqlite:///x.db?mode=memory", id="mode-memory"),
    ],
)
def test_in_memory_databases_are_refused(spec: str) -> None:
    with pytest.raises(UsageError, match="in-memory database, which keeps nothing"):
        resolve_db_url(spec)


def test_mode_ro_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    open_ledger(str(path)).dispose()
    url = f"sqlite:///{path}?mode=ro"
    assert is_read_only(resolve_db_url(url))
    engine = open_ledger(url, write=False)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alias")).scalar() == 0
        with pytest.raises(Exception, match="readonly"):
            connection.execute(INSERT_ALIAS)
    engine.dispose()
    with pytest.raises(UsageError, match="read-only"):
        open_ledger(url, write=True)


def test_reading_a_missing_ledger_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nonexistent" / "dir" / "ledger.sqlite3"
    with pytest.raises(NoLedgerError, match="no ledger at"):
        open_ledger(str(path), write=False)
    assert list(tmp_path.iterdir()) == []


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"predictions:\n  - source: me\n")


def _empty(path: Path) -> None:
    path.touch()


def _other_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('mine')")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(_empty, "is an empty file, not a ledger", id="empty-file"),
        pytest.param(_not_sqlite, "is not a SQLite database", id="not-sqlite"),
        pytest.param(_other_sqlite, "not a forecast ledger", id="sqlite-not-a-ledger"),
    ],
)
@pytest.mark.parametrize("write", [True, False], ids=["write", "read"])
def test_what_is_not_a_ledger_is_refused_and_untouched(
    tmp_path: Path, make, words: str, write: bool
) -> None:
    path = tmp_path / "thing.db"
    make(path)
    before = path.read_bytes()
    with pytest.raises(NotALedgerError, match=words):
        open_ledger(str(path), write=write)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["thing.db"]


def test_a_new_default_ledger_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORECAST_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old_umask = os.umask(0o022)
    try:
        engine = open_ledger()
        path = default_db_path()
        with engine.connect() as connection:  # a connection keeps -wal and -shm
            connection.execute(text("SELECT count(*) FROM alias"))
            modes = {
                p.name: stat.S_IMODE(p.stat().st_mode)
                for p in path.parent.iterdir()
                if p.name.startswith(path.name)
            }
        engine.dispose()
    finally:
        os.umask(old_umask)
    assert path.parent.is_relative_to(tmp_path / "data")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert modes == {
        path.name: 0o600,
        path.name + "-wal": 0o600,
        path.name + "-shm": 0o600,
    }
