"""What the everyday commands import: only what they use (issue 12).

One fresh interpreter runs `--help`, then `list`, `show` and `score` on a
small ledger, and reports the modules loaded after each; the heavy libraries a
command does not use must not be among them. These commands read through the
tables, not the ORM classes: the first ORM statement configures all seventeen
mappers, which they have no use for. A second interpreter builds the TUI's app
as `forecast tui` does: the scoreboard it paints first reads no article.
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


def mappers_configured():
    tables = sys.modules.get("ledger.store.tables")
    return tables is not None and tables.PredictionRow.__mapper__.configured


url = sys.argv[1]
loaded = {}
for name, argv in (
    ("help", ["--help"]),
    ("list", ["--db", url, "list"]),
    ("list --json", ["--db", url, "list", "--json"]),
    ("show", ["--db", url, "show", "1"]),
    ("score", ["--db", url, "score"]),
    ("add", ["--db", url, "add", "silver hits 99 by 2026-12-31", "-s", "Desk",
             "--made-on", "2025-11-20", "--prices", "none"]),
    ("add, new source", ["--db", url, "add", "silver hits 98 by 2026-12-31", "-s", "Bank",
                         "--made-on", "2025-11-20", "--prices", "none"]),
):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = run(argv)
    loaded[name] = {"code": code, "modules": sorted(sys.modules), "mappers": mappers_configured()}
print(json.dumps(loaded))
"""

TUI_PROBE = """
import json, sys
from datetime import date
from tui.app import make_app

make_app(sys.argv[1], today=date(2026, 1, 5))
print(json.dumps(sorted(sys.modules)))
"""


JSON_PROBE = """
import contextlib, io, json, sys
from ledger.cli.app import run

with contextlib.redirect_stdout(io.StringIO()) as out:
    code = run(["--db", sys.argv[1], "list", "--json"])
print(json.dumps({"code": code, "listed": len(json.loads(out.getvalue())),
                  "modules": sorted(sys.modules)}))
"""


ADD_PROBE = """
import contextlib, io, json, sys
from ledger.cli.app import run

url = sys.argv[1]
steps = {}
for name, argv in (
    ("add", ["--db", url, "add", "silver hits 99 by 2026-12-31", "-s", "Desk",
             "--made-on", "2025-11-20", "--prices", "none"]),
    ("add --json", ["--db", url, "add", "silver hits 97 by 2026-12-31", "-s", "Desk",
                    "--made-on", "2025-11-20", "--prices", "none", "--json"]),
    ("add --dry-run", ["--db", url, "add", "BTC holds support", "-s", "Desk", "--made-on",
                       "2025-11-20", "--prices", "none", "--dry-run"]),
    ("parse", ["--db", url, "parse", "gold hits 5000 by 2026-12-31", "--made-on", "2025-11-20",
               "--prices", "none"]),
    ("score", ["--db", url, "score"]),
    ("list", ["--db", url, "list"]),
):
    with contextlib.redirect_stdout(io.StringIO()) as out, \\
            contextlib.redirect_stderr(io.StringIO()) as err:
        code = run(argv)
    steps[name] = {"code": code, "out": out.getvalue(), "err": err.getvalue(),
                   "modules": sorted(sys.modules)}
print(json.dumps(steps))
"""


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if m in names or m.startswith(tuple(n + "." for n in names))]


@pytest.fixture
def one_claim(capsys: pytest.CaptureFixture[str], tmp_path) -> str:
    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    added = forecast(
        capsys, "--db", db, "add", "gold hits 3000 by 2026-12-31", "-s", "Desk",
        "--made-on", "2025-11-20", "--prices", "none",
    )  # fmt: skip
    assert added.code == 0, added.err
    return db


@pytest.fixture
def loaded(one_claim: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, one_claim], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_list_json_prints_without_rich(one_claim: str) -> None:
    """JSON is data for a script: the table and note machinery stays unloaded."""
    result = subprocess.run(
        [sys.executable, "-c", JSON_PROBE, one_claim], capture_output=True, text=True, check=True
    )
    step = json.loads(result.stdout)
    assert (step["code"], step["listed"]) == (0, 1)
    assert _loaded(step["modules"], ("rich",)) == []


def test_everyday_commands_import_only_what_they_use(loaded: dict) -> None:
    configured = [name for name, step in loaded.items() if step["mappers"]]
    assert configured == [], f"{configured[0]} configured the ORM mappers"
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
    scoring = loaded["score"]["modules"]
    # score computes its beta quantiles, prior fit and p-values itself (issue 12).
    assert _loaded(scoring, ("pandas", "scipy", "ledger.extract", "ledger.resolver")) == []
    # They read and write through the Core tables: the seventeen SQLModel classes
    # (about 60 ms of every start to build) are never built (issue 12).
    everything = loaded["add, new source"]["modules"]  # after every command above
    assert "ledger.store.core_tables" in everything
    assert "ledger.store.tables" not in everything
    # Their options are taken without typer's pydantic adapters (ledger.cli.lazy.PlainValues).
    assert "typer._adapters" not in everything


def test_the_tui_starts_without_the_article_reader(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-c", TUI_PROBE, db], capture_output=True, text=True, check=True
    )
    modules = json.loads(result.stdout)
    assert "tui.data" in modules
    assert _loaded(modules, ("ledger.extract", "ledger.claims.parser", "pandas")) == []


def test_add_parse_score_and_list_in_a_pipe_print_without_rich(one_claim: str) -> None:
    """What add and parse print (a claim's reading, notes, warnings) is plain lines, and
    score's and list's tables are plain text: in a pipe they are written without loading
    Rich, about a twentieth of each command (issue 12)."""
    result = subprocess.run(
        [sys.executable, "-c", ADD_PROBE, one_claim], capture_output=True, text=True, check=True
    )
    steps = json.loads(result.stdout)
    assert [step["code"] for step in steps.values()] == [0, 0, 0, 0, 0, 0], steps
    assert "recorded #2 for Desk" in steps["add"]["err"]
    assert "canonical: SI=F touch_above 99" in steps["add"]["out"]
    assert json.loads(steps["add --json"]["out"])["recorded"] is True
    assert "level pending" in steps["add --dry-run"]["err"]
    assert "dry run: nothing recorded" in steps["add --dry-run"]["err"]
    assert "canonical: GC=F touch_above 5000" in steps["parse"]["out"]
    assert _loaded(steps["parse"]["modules"], ("rich",)) == []
    # score's table and notes too (ledger.cli.grid): Rich is for a terminal.
    assert steps["score"]["out"].startswith("source ┃ claims ┃")
    assert "Desk" in steps["score"]["out"] and "vague = " in steps["score"]["err"]
    assert _loaded(steps["score"]["modules"], ("rich",)) == []
    # list's table too (ledger.cli.claim_rows), the claims above in it.
    listed = steps["list"]["out"].splitlines()
    assert [h.strip() for h in listed[0].split("┃")][:4] == ["id", "status", "source", "asset"]
    assert [row.split("│")[3].strip() for row in listed[2:]] == ["gold GC=F"] + ["silver SI=F"] * 2
    assert _loaded(steps["list"]["modules"], ("rich",)) == []


@pytest.mark.parametrize(("given", "seen"), [(None, "1"), ("3", "3")])
def test_a_command_starts_numpy_with_one_math_thread_unless_told(
    given: str | None, seen: str
) -> None:
    """OpenBLAS's spinning pool costs a command ~60 ms of CPU at numpy's import and buys its
    elementwise work nothing; a user who sets the variable keeps their value."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS",)}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    probe = (
        "import os\n"
        "from ledger.cli import app\n"
        "app.run = lambda argv: print(os.environ['OPENBLAS_NUM_THREADS']) or 0\n"
        "app.main([])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == seen
