"""`forecast import` of 100,000 structured entries beside a minimal floor program,
then its idempotent re-import, `export`, `list --json` and re-import of the export.

The entries are structured fields (symbol, kind, level, deadline), as
`forecast export` writes them; `--text-share 0.5` makes half of them
claim-language text instead (parsed, which costs more). The floor, run in the
same process tree beside the import, is what the hardware needs for the same
file: libyaml's event stream (`yaml.parse` with `CSafeLoader`) turned into one
tuple per entry, and one sqlite3 `executemany` of those rows into a table with
the same columns, committed. Goal (issue 12): import <= 3x the floor.

Each command runs in a process of its own and is measured by wall time, CPU
time (user + system of that process; on PostgreSQL the server's work shows
only in the wall time) and peak RSS, so a loaded machine shows in the wall
ratio but hardly in the CPU ratio.

Run: .venv/bin/python bench/bench_import.py [--entries 100000] [--text-share 0]
       [--db-url postgresql+psycopg://postgres@127.0.0.1:5432/NAME]
With --db-url the ledger is that PostgreSQL database (the bench recreates NAME,
and NAME_floor for a second floor: the same rows by one psycopg executemany);
the sqlite3 floor runs as well. Figures go to stdout; the files live in a
temporary directory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import yaml
from bytecode_cache import cache_bytecode

FORECAST = [sys.executable, "-m", "ledger"]
SYMBOLS = ("GC=F", "SI=F", "BTC-USD", "ETH-USD", "^GSPC", "CL=F", "AAPL", "MSFT", "NVDA")
KINDS = ("touch_above", "touch_below", "close_above", "hold_below", "average_above")
ASSETS = ("gold", "silver", "BTC", "ETH", "SPX", "oil", "EURUSD", "AAPL", "MSFT", "NVDA")
VERBS = ("hits", "falls to", "closes above", "holds", "stays below", "averages")


def write_file(path: Path, entries: int, text_share: float = 0.0) -> None:
    rng = np.random.default_rng(3)
    lines = ["sources:"]
    lines += [f"  - {{name: Source {i:03d}, kind: person}}" for i in range(300)]
    lines.append("predictions:")
    start = date(2020, 1, 1)
    text_every = round(1 / text_share) if text_share else 0
    for i in range(entries):
        made_on = start + timedelta(days=int(rng.integers(0, 1800)))
        deadline = made_on + timedelta(days=int(rng.integers(30, 700)))
        level = int(rng.integers(10, 100_000))
        source = f"Source {i % 300:03d}"
        lines.append(f"  - source: {source}")
        lines.append(f"    made_on: {made_on.isoformat()}")
        if text_every and i % text_every == 0:
            asset = ASSETS[i % len(ASSETS)]
            verb = VERBS[(i // 2) % len(VERBS)]
            lines.append(f'    claim: "{asset} {verb} {level} by {deadline.isoformat()}"')
        else:
            lines.append(f"    symbol: {SYMBOLS[i % len(SYMBOLS)]}")
            lines.append(f"    kind: {KINDS[i % len(KINDS)]}")
            lines.append(f"    level: {level}")
            lines.append(f"    deadline: {deadline.isoformat()}")
        if i % 3 == 0:
            lines.append(f"    probability: {rng.uniform(0.05, 0.95):.2f}")
            lines.append("    tags: [bench, synthetic]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


FLOOR = """
import sqlite3, sys, yaml
path, db = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as handle:
    text = handle.read()
fields = ("source", "made_on", "symbol", "kind", "level", "deadline", "claim",
          "probability")
rows, entry, key, depth, in_predictions = [], None, None, 0, False
for event in yaml.parse(text, Loader=yaml.CSafeLoader):
    kind = type(event).__name__
    if kind == "MappingStartEvent":
        depth += 1
        if depth == 2 and in_predictions:
            entry, key = {"line": event.start_mark.line + 1}, None
    elif kind == "MappingEndEvent":
        if depth == 2 and entry is not None:
            rows.append(tuple(entry.get(f) for f in fields) + (entry["line"],))
            entry = None
        depth -= 1
    elif kind == "ScalarEvent":
        if depth == 1:
            in_predictions = event.value == "predictions"
        elif entry is not None and depth == 2:
            if key is None:
                key = event.value
            else:
                entry[key], key = event.value, None
    elif kind == "SequenceStartEvent" and entry is not None and depth == 2:
        key = None  # a list value (tags): skipped by the floor
        depth += 10
    elif kind == "SequenceEndEvent" and depth > 10:
        depth -= 10
if db.startswith("postgresql"):
    import psycopg
    connection, mark, key = psycopg.connect(db), "%s", "SERIAL PRIMARY KEY"
else:
    connection, mark, key = sqlite3.connect(db), "?", "INTEGER PRIMARY KEY"
connection.execute(
    f"CREATE TABLE prediction (id {key}, source TEXT, made_on TEXT, symbol TEXT,"
    " kind TEXT, level REAL, deadline TEXT, claim TEXT, probability REAL, line INTEGER)"
)
connection.cursor().executemany(
    "INSERT INTO prediction (source, made_on, symbol, kind, level, deadline, claim,"
    f" probability, line) VALUES ({', '.join([mark] * 9)})",
    rows,
)
connection.commit()
print(len(rows), "rows")
"""


LIST_FLOOR = """
import json, sqlite3, sys
if sys.argv[1].startswith("postgresql"):
    import psycopg
    connection = psycopg.connect(sys.argv[1])
else:
    connection = sqlite3.connect(sys.argv[1])
cursor = connection.execute("SELECT * FROM prediction ORDER BY id")
names = [d[0] for d in cursor.description]
sys.stdout.write(json.dumps([dict(zip(names, row)) for row in cursor], default=str))
"""

# Runs a command and reports its wall time, CPU time and peak RSS. A process of
# its own, because a child's peak RSS counts the memory of the process it was
# forked from (this bench, with numpy loaded).
MEASURE = textwrap.dedent(
    """
    import os, subprocess, sys, time
    with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(sys.argv[3:], stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    print(seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
    """
)


@dataclass(frozen=True)
class Measured:
    wall: float
    cpu: float
    rss_mb: float

    def ratio(self, floor: Measured) -> str:
        return f"{self.wall / floor.wall:.2f}x wall, {self.cpu / floor.cpu:.2f}x CPU"


def timed(label: str, command: list[str], stdout: Path | None = None) -> Measured:
    """Run `command` in a measuring process; print and return its figures."""
    out = stdout or Path(os.devnull)
    with tempfile.NamedTemporaryFile(suffix=".err") as err:
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, str(out), err.name, *command],
            capture_output=True,
            text=True,
            check=True,
        )
        note = Path(err.name).read_text(errors="replace").strip().splitlines()
    seconds, cpu, rss, code = result.stdout.split()
    measured = Measured(float(seconds), float(cpu), float(rss))
    print(
        f"{label}: {measured.wall:.2f} s wall, {measured.cpu:.2f} s CPU,"
        f" peak RSS {measured.rss_mb:,.0f} MB (exit {code}) {note[-1][:160] if note else ''}"
    )
    return measured


def fresh_database(url: str) -> None:
    """Drop and create the PostgreSQL database `url` names."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--text-share", type=float, default=0.0)
    parser.add_argument(
        "--db-url",
        "--db",
        help="a PostgreSQL URL whose database the bench recreates (and NAME_floor beside"
        " it), instead of a new SQLite file",
    )
    parser.add_argument("--only-import", action="store_true", help="skip export and list")
    args = parser.parse_args()
    assert yaml.__with_libyaml__, "the floor needs libyaml"
    print(f"{args.entries:,} entries, text share {args.text_share}; {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        cache_bytecode()
        source = directory / "claims.yaml"
        write_file(source, args.entries, args.text_share)
        floors = {"sqlite3": str(directory / "floor.sqlite3")}
        ledger = str(directory / "ledger.sqlite3")
        if args.db_url:
            ledger = args.db_url
            floor_url = f"{args.db_url}_floor".replace("postgresql+psycopg://", "postgresql://")
            fresh_database(ledger.replace("postgresql+psycopg://", "postgresql://"))
            fresh_database(floor_url)
            floors["psycopg"] = floor_url
        db = ["--db", ledger]
        floor = {
            name: timed(
                f"floor: libyaml events + one {name} executemany",
                [sys.executable, "-c", FLOOR, str(source), target],
            )
            for name, target in floors.items()
        }
        first = timed("import (new ledger)", [*FORECAST, *db, "import", str(source)])
        for name, measured in floor.items():
            print(
                f"    {args.entries / first.wall:,.0f} entries/s; {first.ratio(measured)}"
                f" the {name} floor"
            )
        again = timed("import again (all duplicates)", [*FORECAST, *db, "import", str(source)])
        for name, measured in floor.items():
            print(f"    {again.ratio(measured)} the {name} floor")
        if args.only_import:
            print(load())
            return
        exported = directory / "export.yaml"
        timed("export --format yaml", [*FORECAST, *db, "export", "-o", str(exported)])
        listed = timed(
            "list --json", [*FORECAST, *db, "list", "--json"], stdout=directory / "list.json"
        )
        # The floor reads the ledger's own prediction table (every column), as on SQLite.
        list_target = ledger.replace("postgresql+psycopg://", "postgresql://")
        list_floor = timed(
            "floor: one SELECT + json.dumps",
            [sys.executable, "-c", LIST_FLOOR, list_target],
            stdout=directory / "floor.json",
        )
        print(f"    list --json {listed.ratio(list_floor)} the floor")
        other = ["--db", str(directory / "copy.sqlite3")]
        timed(
            "import the export into an empty ledger", [*FORECAST, *other, "import", str(exported)]
        )
        print(load())


if __name__ == "__main__":
    main()
