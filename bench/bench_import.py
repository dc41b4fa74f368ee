"""`forecast import` of 100,000 structured entries beside a minimal floor program,
then its idempotent re-import, `export`, `list --json` and re-import of the export.

The entries are structured fields (symbol, kind, level, deadline), as
`forecast export` writes them; `--text-share 0.5` makes half of them
claim-language text instead (parsed, which costs more). The floor, run in the
same process tree beside the import, is what the hardware needs for the same
file: libyaml's event stream (`yaml.parse` with `CSafeLoader`) turned into one
tuple per entry, and one sqlite3 `executemany` of those rows into a table with
the same columns, committed. Goal (issue 12): import <= 3x the floor.

Run: .venv/bin/python bench/bench_import.py [--entries 100000] [--text-share 0]
       [--db postgresql+psycopg://...]   (the import on PostgreSQL; floor stays sqlite3)
Figures go to stdout; the ledgers live in a temporary directory.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import yaml

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
connection = sqlite3.connect(db)
connection.execute(
    "CREATE TABLE prediction (id INTEGER PRIMARY KEY, source TEXT, made_on TEXT, symbol TEXT,"
    " kind TEXT, level REAL, deadline TEXT, claim TEXT, probability REAL, line INTEGER)"
)
connection.executemany(
    "INSERT INTO prediction (source, made_on, symbol, kind, level, deadline, claim,"
    " probability, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    rows,
)
connection.commit()
print(len(rows), "rows")
"""


LIST_FLOOR = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
cursor = connection.execute("SELECT * FROM prediction ORDER BY id")
names = [d[0] for d in cursor.description]
sys.stdout.write(json.dumps([dict(zip(names, row)) for row in cursor]))
"""


def timed(label: str, command: list[str], stdout=subprocess.PIPE) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    note = (result.stderr or "").strip().splitlines()
    print(f"{label}: {seconds:.2f} s  (exit {result.returncode}) {note[-1] if note else ''}")
    return seconds


def peak_rss_mb() -> float:
    """The largest resident set of any child process so far (Linux: kilobytes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--text-share", type=float, default=0.0)
    parser.add_argument("--db", help="import into this ledger URL instead of a new SQLite file")
    parser.add_argument("--only-import", action="store_true", help="skip export and list")
    args = parser.parse_args()
    assert yaml.__with_libyaml__, "the floor needs libyaml"
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        source = directory / "claims.yaml"
        write_file(source, args.entries, args.text_share)
        db = ["--db", args.db or str(directory / "ledger.sqlite3")]
        floor = timed(
            "floor: libyaml events + one sqlite3 executemany",
            [sys.executable, "-c", FLOOR, str(source), str(directory / "floor.sqlite3")],
        )
        first = timed("import (new ledger)", [*FORECAST, *db, "import", str(source)])
        print(f"    {args.entries / first:,.0f} entries/s; {first / floor:.2f}x the floor")
        print(f"    peak RSS of any child so far: {peak_rss_mb():,.0f} MB")
        again = timed("import again (all duplicates)", [*FORECAST, *db, "import", str(source)])
        print(f"    {again / floor:.2f}x the floor")
        if args.only_import:
            return
        exported = directory / "export.yaml"
        timed("export --format yaml", [*FORECAST, *db, "export", "-o", str(exported)])
        with open(directory / "list.json", "w") as out:
            listed = timed("list --json", [*FORECAST, *db, "list", "--json"], stdout=out)
        if not args.db:
            list_floor = timed(
                "floor: one SELECT + json.dumps",
                [sys.executable, "-c", LIST_FLOOR, str(directory / "ledger.sqlite3")],
            )
            print(f"    list --json {listed / list_floor:.2f}x the floor")
        other = ["--db", str(directory / "copy.sqlite3")]
        timed(
            "import the export into an empty ledger", [*FORECAST, *other, "import", str(exported)]
        )


if __name__ == "__main__":
    main()
