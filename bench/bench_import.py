"""Time `forecast import` of a 100,000-entry YAML file, its idempotent re-import,
`forecast export`, and `forecast list --json` on the resulting ledger.

Half the entries are claim-language text (parsed), half structured fields.
Target: bulk paths stay batched (CSafeLoader, executemany inserts, IN-list
duplicate checks), so the import runs at tens of thousands of entries a second.

Run: .venv/bin/python bench/bench_import.py [--entries 100000]
Figures go to stdout; the ledger lives in a temporary directory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

FORECAST = [sys.executable, "-m", "ledger"]
ASSETS = ("gold", "silver", "BTC", "ETH", "SPX", "oil", "EURUSD", "AAPL", "MSFT", "NVDA")
VERBS = ("hits", "falls to", "closes above", "holds", "stays below", "averages")


def write_file(path: Path, entries: int) -> None:
    rng = np.random.default_rng(3)
    lines = ["sources:"]
    lines += [f"  - {{name: Source {i:03d}, kind: person}}" for i in range(300)]
    lines.append("predictions:")
    start = date(2020, 1, 1)
    for i in range(entries):
        made_on = start + timedelta(days=int(rng.integers(0, 1800)))
        deadline = made_on + timedelta(days=int(rng.integers(30, 700)))
        level = int(rng.integers(10, 100_000))
        source = f"Source {i % 300:03d}"
        lines.append(f"  - source: {source}")
        lines.append(f"    made_on: {made_on.isoformat()}")
        if i % 2:
            asset = ASSETS[i % len(ASSETS)]
            verb = VERBS[(i // 2) % len(VERBS)]
            lines.append(f'    claim: "{asset} {verb} {level} by {deadline.isoformat()}"')
        else:
            lines.append("    symbol: GC=F")
            lines.append("    kind: touch_above")
            lines.append(f"    level: {level}")
            lines.append(f"    deadline: {deadline.isoformat()}")
        if i % 3 == 0:
            lines.append(f"    probability: {rng.uniform(0.05, 0.95):.2f}")
            lines.append("    tags: [bench, synthetic]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, command: list[str], stdout=subprocess.PIPE) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    note = (result.stderr or "").strip().splitlines()
    print(f"{label}: {seconds:.2f} s  (exit {result.returncode}) {note[-1] if note else ''}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        source = directory / "claims.yaml"
        write_file(source, args.entries)
        db = ["--db", str(directory / "ledger.sqlite3")]
        first = timed("import (new ledger)", [*FORECAST, *db, "import", str(source)])
        print(f"    {args.entries / first:,.0f} entries/s")
        timed("import again (all duplicates)", [*FORECAST, *db, "import", str(source)])
        exported = directory / "export.yaml"
        timed("export --format yaml", [*FORECAST, *db, "export", "-o", str(exported)])
        with open(directory / "list.json", "w") as out:
            timed("list --json", [*FORECAST, *db, "list", "--json"], stdout=out)
        other = ["--db", str(directory / "copy.sqlite3")]
        timed(
            "import the export into an empty ledger", [*FORECAST, *other, "import", str(exported)]
        )


if __name__ == "__main__":
    main()
