"""`--db` as a user types it: each finding of issue 16 about ledger paths.

Every case ends in exit 0 with the claim where it was named, or one line on
stderr and exit 2, with nothing created or changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_runner import forecast

CLAIM = ("add", "gold $5055 by end-2026", "-s", "JPMorgan", "--made-on", "2025-11-20")


def _one_error_line(result) -> None:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


def test_percent_escapes_in_a_plain_path_stay_in_the_name(capsys, tmp_path: Path) -> None:
    directory = tmp_path / "ledgers" / "mine"
    directory.mkdir(parents=True)
    name = "x%2F..%2F..%2Fescaped.db"
    assert forecast(capsys, "--db", str(directory / name), *CLAIM).code == 0
    assert [p.name for p in directory.iterdir()] == [name]
    assert not (tmp_path / "escaped.db").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["ledgers"]


@pytest.mark.parametrize("name", ["a?mode=ro", "b#c.db", "d%3F.db"])
def test_question_mark_hash_and_percent_are_characters_of_a_name(
    capsys, tmp_path: Path, name: str
) -> None:
    assert forecast(capsys, "--db", str(tmp_path / name), *CLAIM).code == 0
    assert [p.name for p in tmp_path.iterdir()] == [name]
    listed = forecast(capsys, "--db", str(tmp_path / name), "list", "--json")
    assert [c["source"] for c in listed.json()] == ["JPMorgan"]


def test_mode_ro_reads_and_refuses_writes(capsys, tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    assert forecast(capsys, "--db", str(path), *CLAIM).code == 0
    before = path.read_bytes()
    read_only = f"sqlite:///{path}?mode=ro"
    listed = forecast(capsys, "--db", read_only, "list", "--json")
    assert listed.code == 0 and len(listed.json()) == 1
    write = forecast(capsys, "--db", read_only, "void", "1", "--why", "test")
    _one_error_line(write)
    assert "read-only" in write.err
    assert path.read_bytes() == before
    assert forecast(capsys, "--db", str(path), "list", "--json").json()[0]["status"] == "open"


@pytest.mark.parametrize(
    "spec", ["sqlite://", "sqlite:///:memory:", ":memory:", "sqlite:///x.db?mode=memory"]
)
@pytest.mark.parametrize("command", [CLAIM, ("list",)], ids=["add", "list"])
def test_in_memory_ledgers_are_refused(capsys, spec: str, command) -> None:
    result = forecast(capsys, "--db", spec, *command)
    _one_error_line(result)
    assert "in-memory" in result.err
    assert "recorded" not in result.err


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("show", "1"),
        ("sources",),
        ("export",),
        ("runs",),
        ("score",),
        ("calibration",),
        ("alias", "list"),
    ],
    ids=lambda c: "-".join(c),
)
def test_reading_a_mistyped_path_says_there_is_no_ledger(capsys, tmp_path: Path, command) -> None:
    path = tmp_path / "nonexistent" / "dir" / "ledger.sqlite3"
    result = forecast(capsys, "--db", str(path), *command)
    _one_error_line(result)
    assert f"no ledger at {path}" in result.err
    assert list(tmp_path.iterdir()) == []


def test_previews_and_db_current_create_nothing_either(capsys, tmp_path: Path) -> None:
    path = tmp_path / "nonexistent" / "ledger.sqlite3"
    assert forecast(capsys, "--db", str(path), "parse", "gold $5055 by end-2026").code == 0
    assert forecast(capsys, "--db", str(path), *CLAIM, "--dry-run").code == 0
    current = forecast(capsys, "--db", str(path), "db", "current", "--json")
    assert current.code == 0 and current.json()["current"] is None
    assert list(tmp_path.iterdir()) == []


def test_reading_an_empty_server_database_says_there_is_no_ledger(capsys, ledger_url: str) -> None:
    result = forecast(capsys, "--db", ledger_url, "list")
    _one_error_line(result)
    assert "no ledger at" in result.err
    assert forecast(capsys, "--db", ledger_url, *CLAIM).code == 0
    assert len(forecast(capsys, "--db", ledger_url, "list", "--json").json()) == 1


def _other_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p: p.touch(), "empty file", id="empty-file"),
        pytest.param(lambda p: p.write_text("hello\n"), "not a SQLite database", id="text"),
        pytest.param(_other_sqlite, "not a forecast ledger", id="other-sqlite"),
    ],
)
@pytest.mark.parametrize(
    "command", [CLAIM, ("list",), ("db", "upgrade")], ids=["add", "list", "db-upgrade"]
)
def test_a_file_that_is_not_a_ledger_is_one_line_and_untouched(
    capsys, tmp_path: Path, make, words: str, command
) -> None:
    path = tmp_path / "thing.db"
    make(path)
    before = path.read_bytes()
    result = forecast(capsys, "--db", str(path), *command)
    _one_error_line(result)
    assert words in result.err
    assert path.read_bytes() == before
