"""A new SQLite ledger's first import goes through a rollback journal, and stays all or nothing."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from cli_runner import forecast
from sqlalchemy import text
from sqlmodel import Session

import ledger.store.imports as store_imports
from ledger.errors import LedgerError
from ledger.store.first_fill import write_first_fill_once
from ledger.store.session import open_ledger

ENTRIES = """predictions:
  - {source: A, made_on: 2025-11-20, symbol: GC=F, kind: touch_above, level: 5055,
     deadline: 2026-12-31}
  - {source: B, made_on: 2025-11-21, symbol: BTC-USD, kind: close_below, level: 70000,
     deadline: 2026-06-30, probability: 0.3, tags: [crypto]}
"""
MORE = """predictions:
  - {source: C, made_on: 2025-11-22, symbol: SI=F, kind: touch_above, level: 60,
     deadline: 2026-12-31}
"""


class _Refused(LedgerError):
    """Raised after the claims are written, to see the transaction undone."""


def _journal_modes_seen(monkeypatch: pytest.MonkeyPatch, *, then_fail: bool = False) -> list[str]:
    """The journal mode each import's recording runs under (optionally failing it after)."""
    seen: list[str] = []
    record = store_imports.record_import

    def recording(session, batch, recorded=None):
        seen.append(session.connection().exec_driver_sql("PRAGMA journal_mode").scalar())
        result = record(session, batch, recorded)
        if then_fail:
            raise _Refused("refused after recording")
        return result

    monkeypatch.setattr(store_imports, "record_import", recording)
    return seen


def _file(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def _claims(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM prediction").fetchone()[0]


def test_first_import_into_a_new_ledger_goes_through_a_rollback_journal(
    capsys, monkeypatch, tmp_path
) -> None:
    db = tmp_path / "new.sqlite3"
    seen = _journal_modes_seen(monkeypatch)
    first = forecast(capsys, "--db", str(db), "import", _file(tmp_path, "a.yaml", ENTRIES))
    assert first.code == 0, first.err
    assert seen == ["delete"]
    assert _claims(db) == 2
    # The next connection is in WAL mode again, and the log holds what was written.
    with open_ledger(str(db)).connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    verified = forecast(capsys, "--db", str(db), "verify")
    assert verified.code == 0, verified.err
    # A ledger with claims is written in WAL mode, as always.
    second = forecast(capsys, "--db", str(db), "import", _file(tmp_path, "b.yaml", MORE))
    assert second.code == 0, second.err
    assert seen == ["delete", "wal"]
    assert _claims(db) == 3
    assert forecast(capsys, "--db", str(db), "verify").code == 0


def test_a_failed_first_import_writes_nothing(capsys, monkeypatch, tmp_path) -> None:
    db = tmp_path / "new.sqlite3"
    seen = _journal_modes_seen(monkeypatch, then_fail=True)
    failed = forecast(capsys, "--db", str(db), "import", _file(tmp_path, "a.yaml", ENTRIES))
    assert failed.code != 0
    assert "refused after recording" in failed.err
    assert seen == ["delete"]
    assert _claims(db) == 0
    assert not (tmp_path / "new.sqlite3-journal").exists()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT size FROM proof_head").fetchone() == (0,)
    monkeypatch.undo()
    again = forecast(capsys, "--db", str(db), "import", _file(tmp_path, "a.yaml", ENTRIES))
    assert again.code == 0, again.err
    assert _claims(db) == 2
    assert forecast(capsys, "--db", str(db), "verify").code == 0


def test_a_dry_run_on_a_new_ledger_writes_nothing(capsys, tmp_path) -> None:
    db = tmp_path / "new.sqlite3"
    result = forecast(
        capsys, "--db", str(db), "import", "--dry-run", _file(tmp_path, "a.yaml", ENTRIES)
    )
    assert result.code == 0, result.err
    assert _claims(db) == 0


def test_another_open_connection_keeps_wal_mode_without_waiting(tmp_path) -> None:
    db = tmp_path / "new.sqlite3"
    engine = open_ledger(str(db))
    other = sqlite3.connect(db)
    other.execute("BEGIN")
    other.execute("SELECT COUNT(*) FROM prediction").fetchone()  # a reader, mid-read
    try:
        with Session(engine) as session:
            started = time.monotonic()
            assert write_first_fill_once(session) is False
            assert time.monotonic() - started < 5  # not the 30 s busy timeout
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
            assert mode == "wal"
            timeout = session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar()
            assert timeout >= 1000
    finally:
        other.close()
        engine.dispose()


def test_a_write_already_begun_is_left_alone(tmp_path) -> None:
    engine = open_ledger(str(tmp_path / "new.sqlite3"))
    try:
        with Session(engine) as session:
            session.connection().exec_driver_sql("UPDATE proof_head SET size = size")
            assert write_first_fill_once(session) is False
            mode = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
            assert mode == "wal"
    finally:
        engine.dispose()
