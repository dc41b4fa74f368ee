"""`forecast export` (yaml, csv, json) of a 100,000-claim ledger beside a floor program.

The ledger is bench_import.py's file imported (structured entries, a third with
a probability and tags), so every claim has a proof-log entry too. The floor is
what the hardware needs to write the same rows: one SELECT of the prediction
table joined to its source (the columns an export writes), and for YAML and
JSON one SELECT of the proof log's entries, each row turned into hand-written
lines (f-strings for YAML, `csv.writer` for CSV, `json.dumps` per row for JSON)
written to a file as they come. Goal (issue 12): export within 3x the floor,
peak RSS under 250 MB at 100k and about flat from 100k to 1M (memory stays
that of one batch: run with --entries 1000000 to see it).

Each command runs in a process of its own and is measured by wall time, CPU
time and peak RSS (bench_import.py's `timed`), so a loaded machine shows in the
wall ratio but hardly in the CPU ratio.

Run: .venv/bin/python bench/bench_export.py [--entries 100000] [--formats yaml,csv,json]
       [--db-url postgresql+psycopg://postgres@127.0.0.1:5432/NAME]
       [--keep DIR]  (build the ledger in DIR once and reuse it on the next run)
With --db-url the ledger is that PostgreSQL database (recreated unless --keep
finds it filled), and the floor reads it through psycopg.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_import import FORECAST, fresh_database, load, timed, write_file
from bytecode_cache import cache_bytecode

FLOOR = """
import csv, json, sqlite3, sys
target, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
if target.startswith("postgresql"):
    import psycopg
    connection = psycopg.connect(target)
else:
    connection = sqlite3.connect(target)
claims = connection.execute(
    "SELECT p.id, s.name, p.made_on, p.symbol, p.asset, p.kind, p.level, p.window_start,"
    " p.deadline, p.text, p.probability, p.fingerprint, p.status, p.created_at"
    " FROM prediction p JOIN source s ON s.id = p.source_id ORDER BY p.id"
)
with open(out, "w", encoding="utf-8") as handle:
    write = handle.write
    if fmt == "csv":
        writer = csv.writer(handle, lineterminator="\\n")
        writer.writerow(["id", "source", "made_on", "symbol", "asset", "kind", "level",
                         "window_start", "deadline", "text", "probability", "fingerprint",
                         "status", "created_at"])
        for row in claims:
            writer.writerow(row)
    elif fmt == "yaml":
        write("predictions:\\n")
        for (id_, source, made_on, symbol, asset, kind, level, start, deadline, text,
             probability, fingerprint, status, created_at) in claims:
            write(f"- source: {source}\\n  made_on: {made_on}\\n  symbol: {symbol}\\n"
                  f"  asset: {asset}\\n  kind: {kind}\\n  level: {level}\\n  start: {start}\\n"
                  f"  deadline: {deadline}\\n  text: {text}\\n  probability: {probability}\\n"
                  f"  created_at: '{created_at}'\\n")
    else:
        names = [d[0] for d in claims.description]
        write('{"claims": [\\n')
        for row in claims:
            write(json.dumps(dict(zip(names, row)), default=str) + ",\\n")
        write("]}\\n")
    if fmt != "csv":
        write("log:\\n")
        for (entry,) in connection.execute("SELECT entry FROM proof_log ORDER BY seq"):
            write(f"  - {json.dumps(entry)}\\n")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--formats", default="yaml,csv,json")
    parser.add_argument("--db-url", help="a PostgreSQL URL whose database the bench fills")
    parser.add_argument("--keep", type=Path, help="a directory to build the ledger in, and reuse")
    args = parser.parse_args()
    print(f"{args.entries:,} claims; {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        cache_bytecode()
        ledger = args.db_url or str(directory / f"ledger-{args.entries}.sqlite3")
        floor_target = ledger.replace("postgresql+psycopg://", "postgresql://")
        if not _filled(ledger, floor_target, args.keep is not None):
            source = directory / "claims.yaml"
            write_file(source, args.entries)
            if args.db_url:
                fresh_database(floor_target)
            subprocess.run([*FORECAST, "--db", ledger, "import", str(source)], check=True)
            source.unlink()
        for fmt in args.formats.split(","):
            exported = directory / f"export.{fmt}"
            exported.unlink(missing_ok=True)
            run = timed(
                f"export --format {fmt}",
                [*FORECAST, "--db", ledger, "export", "-f", fmt, "-o", str(exported)],
            )
            size = exported.stat().st_size / 1e6
            floor = timed(
                f"floor: one SELECT + hand-written {fmt} lines",
                [sys.executable, "-c", FLOOR, floor_target, fmt, str(directory / f"floor.{fmt}")],
            )
            print(
                f"    {fmt}: {size:,.1f} MB; {run.ratio(floor)} the floor;"
                f" peak RSS {run.rss_mb:,.0f} MB (floor {floor.rss_mb:,.0f} MB)"
            )
        print(load())


def _filled(ledger: str, floor_target: str, keep: bool) -> bool:
    """Whether a kept ledger is already there (then it is reused as it is)."""
    if not keep:
        return False
    if ledger.startswith("postgresql"):
        import psycopg

        try:
            with psycopg.connect(floor_target) as connection:
                return bool(connection.execute("SELECT count(*) FROM prediction").fetchone()[0])
        except psycopg.Error:
            return False
    return Path(ledger).exists()


if __name__ == "__main__":
    main()
