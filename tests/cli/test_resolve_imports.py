"""What `forecast resolve --prices csv:DIR` imports: only what a run uses (issue 12).

A resolve run on 100k claims is held to three times a numpy-only floor, and
its imports were 0.7-0.9 s of its CPU. One fresh interpreter resolves a small
ledger from CSV files twice (cold: every bar read from the files, nothing
decided yet; warm: the cache extended to a later day, both claims decided) and
reports the modules loaded after each: the run reads
and writes through the Core tables and SQLAlchemy's Session, so neither the
seventeen SQLModel classes nor SQLModel and pydantic themselves are loaded.
The bars start a year before the claims, so the cold run computes their market
baselines: with Phi and log Phi of `ledger.scoring.normal`, SciPy is not loaded
either (only a forward-start window's Owen's T needs it). Gold and silver trade
on NYSE's sessions, read from `ledger.rules.us_sessions_table`: exchange_calendars
is not loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
from cli_runner import forecast
from price_files import flat_bars, write_csv

PROBE = """
import contextlib, io, json, sys
from ledger.cli.app import run

url, prices = sys.argv[1], sys.argv[2]
steps = {}
for name, as_of in (("cold", "2025-02-14"), ("warm", "2025-07-15")):
    with contextlib.redirect_stdout(io.StringIO()) as out, \\
            contextlib.redirect_stderr(io.StringIO()) as err:
        code = run(["--db", url, "resolve", "--as-of", as_of, "--prices", f"csv:{prices}"])
    steps[name] = {"code": code, "out": out.getvalue(), "err": err.getvalue(),
                   "modules": sorted(sys.modules)}
print(json.dumps(steps))
"""

UNUSED = (
    "sqlmodel",
    "pydantic",
    "ledger.store.tables",
    "alembic",
    "yfinance",
    "ledger.extract",
    "ledger.claims.parser",
    "scipy",
    "exchange_calendars",
)


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if m in names or m.startswith(tuple(n + "." for n in names))]


def _wavy(bars: pd.DataFrame) -> pd.DataFrame:
    """Bars moved by up to 1% a day, so that the market baselines have a volatility."""
    factor = 1.0 + 0.01 * np.sin(np.arange(len(bars)))
    return bars.mul(factor, axis=0)


def _add(capsys, db: str, text: str, made_on: str) -> None:
    added = forecast(
        capsys, "--db", db, "add", text, "-s", "Desk", "--made-on", made_on, "--prices", "none"
    )
    assert added.code == 0, added.err


def _statuses(capsys, db: str) -> dict[str, str]:
    listed = forecast(capsys, "--db", db, "list", "--json")
    assert listed.code == 0, listed.err
    return {row["symbol"]: row["status"] for row in json.loads(listed.out)}


def test_resolve_from_csv_imports_neither_sqlmodel_nor_its_classes(capsys, tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    prices = tmp_path / "prices"
    gold = _wavy(flat_bars("2024-01-01", "2025-08-14", 2900.0, highs={"2025-03-03": 3100.0}))
    write_csv(prices, "GC=F", gold)
    write_csv(prices, "SI=F", _wavy(flat_bars("2024-01-01", "2025-08-14", 30.0)))
    _add(capsys, db, "gold hits 3000 by 2025-12-31", "2025-01-10")
    _add(capsys, db, "silver hits 99 by 2025-06-30", "2025-01-10")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, db, str(prices)], capture_output=True, text=True, check=True
    )
    steps = json.loads(result.stdout)
    said = {name: step["out"] + step["err"] for name, step in steps.items()}
    assert "0 true, 0 false; 2 still open" in said["cold"], said
    assert "1 true, 1 false; 0 still open" in said["warm"], said
    assert _statuses(capsys, db) == {
        "GC=F": "true",
        "SI=F": "false",
    }
    baselines = forecast(capsys, "--db", db, "list", "--json")
    assert all(row["market_prob"] is not None for row in json.loads(baselines.out)), baselines.out
    for name, step in steps.items():
        assert step["code"] == 0, step["err"]
        assert _loaded(step["modules"], UNUSED) == [], name
        assert "ledger.store.core_tables" in step["modules"]
