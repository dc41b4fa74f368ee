"""A bug inside a command is reported in one line, not as a traceback.

The extractor promises never to raise, and hypothesis tests hold it to that,
but session 15 met an IndexError in a table reader on a real article: the user
saw a Python traceback. Now they see what failed, that it is not their input,
and how to get the traceback for a report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ledger.extract
from ledger.cli.app import DEBUG_VARIABLE, INTERNAL_ERROR_CODE
from tests.cli_runner import forecast


def _broken_extractor(*_args: object, **_kwargs: object) -> object:
    raise IndexError("list index out of range")


def test_a_bug_in_the_extractor_is_one_line_with_exit_code_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(DEBUG_VARIABLE)
    monkeypatch.setattr(ledger.extract, "extract_article", _broken_extractor)
    article = tmp_path / "article.txt"
    article.write_text("Goldman Sachs expects gold at $5,000 by the end of 2026.\n")
    ledger_path = tmp_path / "ledger.sqlite3"

    result = forecast(
        capsys,
        "--db",
        str(ledger_path),
        "extract",
        str(article),
        "--yes",
        "--made-on",
        "2026-01-05",
    )

    assert result.code == INTERNAL_ERROR_CODE
    errors = [line for line in result.err.splitlines() if line.startswith("forecast: error:")]
    assert len(errors) == 1, result.err
    assert errors[0].startswith(
        "forecast: error: internal error (IndexError: list index out of range)"
    )
    assert f"{DEBUG_VARIABLE}=1" in errors[0]
    assert "Traceback" not in result.err


def test_with_the_debug_variable_the_bug_raises(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DEBUG_VARIABLE, "1")
    monkeypatch.setattr(ledger.extract, "extract_article", _broken_extractor)
    article = tmp_path / "article.txt"
    article.write_text("Goldman Sachs expects gold at $5,000 by the end of 2026.\n")

    with pytest.raises(IndexError):
        forecast(
            capsys,
            "--db",
            str(tmp_path / "ledger.sqlite3"),
            "extract",
            str(article),
            "--made-on",
            "2026-01-05",
        )


def test_the_installed_command_reports_a_bug_without_a_traceback(tmp_path: Path) -> None:
    """The real process: `python -m ledger` with a module that breaks the extractor first."""
    article = tmp_path / "article.txt"
    article.write_text("Goldman Sachs expects gold at $5,000 by the end of 2026.\n")
    program = (
        "import sys, ledger.extract\n"
        "def broken(*a, **k):\n"
        "    raise KeyError('speaker')\n"
        "ledger.extract.extract_article = broken\n"
        "from ledger.cli.app import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FORECAST_OFFLINE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            program,
            "--db",
            str(tmp_path / "l.sqlite3"),
            "extract",
            str(article),
            "--yes",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == INTERNAL_ERROR_CODE
    assert "Traceback" not in done.stderr
    last_line = done.stderr.strip().splitlines()[-1]
    assert last_line.startswith("forecast: error: internal error (KeyError: 'speaker')")
