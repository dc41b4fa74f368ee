"""The new-user trial of issue 14, repeated from a fresh clone: what still tripped.

Each test failed before its fix. Bad input ends in one line on stderr and exit 2,
with nothing changed; a request the ledger cannot honour is never reported as done.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import forecast


def _one_error_line(result) -> str:
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


@pytest.mark.parametrize(
    "url",
    [
        "mysql://me@dbhost/ledger",
        "mysql+pymysql://me@dbhost/ledger",
        "mssql://me@dbhost/ledger",
        "oracle://me@dbhost/ledger",
        "foo://x",
    ],
)
def test_a_database_the_ledger_does_not_run_on_is_named_not_sent_to_the_postgres_extra(
    capsys, tmp_path: Path, url: str
) -> None:
    line = _one_error_line(forecast(capsys, "--db", url, "list"))
    assert "not supported" in line and "postgresql+psycopg://" in line
    assert "[postgres]" not in line and "plugin" not in line


def test_a_postgres_url_with_a_missing_driver_says_which_url_to_write(capsys) -> None:
    line = _one_error_line(forecast(capsys, "--db", "postgresql+nosuchdriver://me@h/db", "list"))
    assert "postgresql+psycopg://" in line
