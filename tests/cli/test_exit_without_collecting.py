"""`forecast` ends without the shutdown's full collections, and loses nothing by it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXIT_REPORT = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
    "from ledger.cli.app import main\n"
    "main(sys.argv[1:])\n"
)


def _forecast(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "FORECAST_DB": str(tmp_path / "ledger.sqlite3"),
        "FORECAST_OFFLINE": "1",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-c", EXIT_REPORT, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_a_command_exits_frozen_with_its_output_and_its_writes(tmp_path: Path) -> None:
    added = _forecast(
        tmp_path,
        *("add", "gold hits 3500 by 2026-12-31", "-s", "Desk"),
        *("--made-on", "2025-11-20", "--prices", "none"),
    )
    assert added.returncode == 0, added.stderr
    assert "frozen True" in added.stderr
    assert "recorded #1 for Desk" in added.stderr
    assert "canonical: GC=F touch_above 3500" in added.stdout
    # The connection was closed by the command, not by a collection at exit: the
    # write-ahead log is checkpointed and gone, and another process reads the claim.
    assert not (tmp_path / "ledger.sqlite3-wal").exists()
    with sqlite3.connect(tmp_path / "ledger.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM prediction").fetchone() == (1,)
    listed = _forecast(tmp_path, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert '"source": "Desk"' in listed.stdout


@pytest.mark.parametrize(("argv", "code"), [(("show", "99"), 2), (("frobnicate",), 2)])
def test_the_exit_code_survives(tmp_path: Path, argv: tuple[str, ...], code: int) -> None:
    result = _forecast(tmp_path, *argv)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
