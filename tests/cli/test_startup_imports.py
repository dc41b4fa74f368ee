"""What the everyday commands import: only what they use (issue 12).

One fresh interpreter runs `--help`, then `list` and `show` on a small ledger,
and reports the modules loaded after each; the heavy libraries a command does
not use must not be among them. (`score` is left out: it imports pandas and
SciPy, which would make this test slow; `scipy.stats` is kept out of it by
`ledger.scoring.intervals`.) Listings read through the tables, not the ORM
classes: the first ORM statement configures all seventeen mappers, which
`list` and `show` have no use for.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_runner import forecast

PROBE = """
import contextlib, io, json, sys
from ledger.cli.app import run

url = sys.argv[1]
loaded = {}
for name, argv in (
    ("help", ["--help"]),
    ("list", ["--db", url, "list"]),
    ("list --json", ["--db", url, "list", "--json"]),
    ("show", ["--db", url, "show", "1"]),
):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = run(argv)
    loaded[name] = {"code": code, "modules": sorted(sys.modules)}
from ledger.store.tables import PredictionRow
loaded["mappers configured"] = PredictionRow.__mapper__.configured
print(json.dumps(loaded))
"""


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if m in names or m.startswith(tuple(n + "." for n in names))]


@pytest.fixture
def loaded(capsys: pytest.CaptureFixture[str], tmp_path) -> dict:
    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    added = forecast(
        capsys, "--db", db, "add", "gold hits 3000 by 2026-12-31", "-s", "Desk",
        "--made-on", "2025-11-20", "--prices", "none",
    )  # fmt: skip
    assert added.code == 0, added.err
    result = subprocess.run(
        [sys.executable, "-c", PROBE, db], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_everyday_commands_import_only_what_they_use(loaded: dict) -> None:
    assert loaded.pop("mappers configured") is False, "a listing configured the ORM mappers"
    assert all(step["code"] == 0 for step in loaded.values()), loaded
    help_modules = loaded["help"]["modules"]
    # --help lists the commands from a table: no command module, no database layer.
    assert _loaded(help_modules, ("sqlalchemy", "sqlmodel", "ledger.store")) == []
    assert [m for m in help_modules if m.startswith("ledger.cli.")] == [
        "ledger.cli.app",
        "ledger.cli.context",
        "ledger.cli.lazy",
    ]
    listing = loaded["show"]["modules"]  # after list, list --json and show
    heavy = ("pandas", "numpy", "scipy", "alembic", "yaml", "ledger.extract", "ledger.resolver")
    assert _loaded(listing, heavy) == []
    assert "sqlalchemy.dialects.postgresql" not in listing
