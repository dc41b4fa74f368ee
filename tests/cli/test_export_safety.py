"""`forecast export -o`: never onto the ledger, never over a file without
--force, written in one rename, one line for every target it cannot write."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_runner import forecast


@pytest.fixture
def db(capsys, tmp_path: Path, migrated_ledger: Callable[[Path], str]) -> Path:
    """A ledger file holding one claim (copied at the current schema, then added to)."""
    path = tmp_path / "ledger.sqlite3"
    migrated_ledger(path)
    added = forecast(
        capsys, "--db", str(path), "add", "gold $5055 by end-2026", "-s", "me",
        "--made-on", "2025-11-20",
    )  # fmt: skip
    assert added.code == 0, added.err
    return path


def _one_error_line(result) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("suffix", ["", "-wal"], ids=["ledger", "wal"])
def test_export_onto_the_ledger_is_refused(
    capsys, db: Path, tmp_path: Path, force: bool, suffix: str
) -> None:
    before = db.read_bytes()
    target = tmp_path / ".." / tmp_path.name / (db.name + suffix)  # another spelling
    result = forecast(
        capsys, "--db", str(db), "export", "-o", str(target), *(["--force"] if force else [])
    )
    _one_error_line(result)
    assert "is the ledger being exported" in result.err
    assert db.read_bytes() == before
    assert len(forecast(capsys, "--db", str(db), "list", "--json").json()) == 1


def test_export_onto_a_symlink_to_the_ledger_is_refused(capsys, db: Path, tmp_path: Path) -> None:
    link = tmp_path / "backup.yaml"
    link.symlink_to(db)
    result = forecast(capsys, "--db", str(db), "export", "-o", str(link))
    _one_error_line(result)
    assert len(forecast(capsys, "--db", str(db), "list", "--json").json()) == 1


def test_an_existing_file_is_replaced_only_with_force(capsys, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("keep me\n")
    refused = forecast(capsys, "--db", str(db), "export", "-o", str(target))
    _one_error_line(refused)
    assert "exists: add --force" in refused.err
    assert target.read_text() == "keep me\n"
    forced = forecast(capsys, "--db", str(db), "export", "-o", str(target), "--force")
    assert forced.code == 0, forced.err
    assert "gold $5055 by end-2026" in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite3", "out.yaml"]


def test_a_new_file_is_written_whole_and_private(capsys, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    result = forecast(capsys, "--db", str(db), "export", "-f", "json", "-o", str(target))
    assert result.code == 0, result.err
    assert target.read_text().endswith("}\n")
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite3", "new.json"]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        pytest.param("/nonexistent/x.yaml", "no such directory", id="missing-directory"),
        pytest.param("{tmp}", "is a directory", id="a-directory"),
    ],
)
def test_a_target_that_cannot_be_written_is_one_line(
    capsys, db: Path, tmp_path: Path, target: str, words: str
) -> None:
    result = forecast(capsys, "--db", str(db), "export", "-o", target.format(tmp=tmp_path))
    _one_error_line(result)
    assert words in result.err


def test_a_write_that_fails_leaves_no_temporary_file(capsys, db: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = forecast(capsys, "--db", str(db), "export", "-o", str(locked / "x.yaml"))
    finally:
        locked.chmod(0o700)
    assert result.code == 1 and "cannot write" in result.err
    assert list(locked.iterdir()) == []
