"""What the proof log costs: its share of a 100k-claim import and resolve, and
the time `forecast verify` takes on the result.

The import (a 100,000-entry YAML file, as bench_import.py writes it) and the
resolve (bench_resolve.py's warm ledger: 100,000 claims, 200 symbols, ten
years of cached bars) run in-process through the real CLI, with the proof
log's functions (`prooflog.append` and the entry builders) wrapped in timers;
the share is their time over the command's. Target: at most 15% of each.
Then `forecast verify` (every entry rehashed, the tree rebuilt, the tables
compared with the log) on both ledgers, beside its floor: the least any
verify must do (one plain SELECT of the log, the claims and the resolutions,
and SHA-256 of every entry), timed in the same run; the ratio is the figure.
Both are given in wall and in CPU time: on a shared machine the CPU figures
are the steadier ones. Then `forecast head` and `prove` on the resolved ledger.

Run: .venv/bin/python bench/bench_proof.py [--claims 100000]
Figures go to stdout; the ledgers live in a temporary directory.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import write_file
from bench_resolve import build_warm_ledger

from ledger.cli.app import run
from ledger.store import prooflog

TIMED = ("append", "append_claims", "append_resolutions", "source_entries")


@contextlib.contextmanager
def proof_timer() -> Iterator[list[float]]:
    """Seconds (wall, CPU) spent in the proof log's functions while the block runs."""
    spent = [0.0, 0.0]
    originals: dict[str, Callable] = {name: getattr(prooflog, name) for name in TIMED}

    def wrap(function: Callable) -> Callable:
        def timed(*args, **kwargs):
            started, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started
                spent[1] += time.process_time() - cpu

        return timed

    for name, function in originals.items():
        setattr(prooflog, name, wrap(function))
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(prooflog, name, function)


def command(label: str, *args: str) -> tuple[float, float]:
    """Run a forecast command in-process: its (wall, CPU) seconds."""
    out, err = io.StringIO(), io.StringIO()
    started, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(args))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    lines = (out.getvalue() or err.getvalue()).strip().splitlines()
    shown = lines[0][:160] if lines else ""
    print(f"{label}: {seconds:.2f} s, CPU {cpu:.2f} s (exit {code}) {shown}")
    return seconds, cpu


def verify_floor(db: Path) -> tuple[float, float]:
    """The least any verify must do, timed: read every log entry and every
    claim and resolution row (one plain SELECT each, through sqlite3), and
    SHA-256 each entry's text once."""
    started, cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db)
    try:
        texts = [text for (text,) in connection.execute("SELECT entry FROM proof_log ORDER BY seq")]
        connection.execute("SELECT * FROM prediction").fetchall()
        connection.execute("SELECT * FROM resolution").fetchall()
    finally:
        connection.close()
    sha256 = hashlib.sha256
    digests = [sha256(b"\x00" + text.encode("utf-8")).digest() for text in texts]
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"    floor (SELECT log, claims, resolutions; SHA-256 of {len(digests):,} entries): "
        f"{seconds:.2f} s, CPU {cpu:.2f} s"
    )
    return seconds, cpu


def verify_against_floor(label: str, db: Path) -> None:
    """`forecast verify` and its floor, each twice, alternating; the best of each."""
    runs = [(command(label, "--db", str(db), "verify"), verify_floor(db)) for _ in range(2)]
    for what, index in (("wall", 0), ("CPU", 1)):
        best_verify = min(r[0][index] for r in runs)
        best_floor = min(r[1][index] for r in runs)
        print(
            f"    verify / floor ({what}, best of 2) = {best_verify:.2f} / {best_floor:.2f} s"
            f" = {best_verify / best_floor:.1f}x"
        )


def share(label: str, *args: str) -> None:
    with proof_timer() as spent:
        total = command(label, *args)
    print(
        f"    proof log: {spent[0]:.2f} s = {100 * spent[0] / total[0]:.1f}% of the command's "
        f"wall time; CPU {spent[1]:.2f} s = {100 * spent[1] / total[1]:.1f}% of its CPU time"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        source = directory / "claims.yaml"
        write_file(source, args.claims)
        imported = str(directory / "imported.sqlite3")
        share(f"import of {args.claims:,} entries", "--db", imported, "import", str(source))
        verify_against_floor("verify (imported ledger)", Path(imported))

        warm = directory / "warm.sqlite3"
        as_of = build_warm_ledger(warm, args.claims, 200, 10)
        empty = directory / "no-prices"
        empty.mkdir()
        db = ("--db", str(warm))
        share(
            f"resolve --as-of {as_of} ({args.claims:,} claims)",
            *db, "resolve", "--as-of", as_of.isoformat(), "--prices", f"csv:{empty}",
        )  # fmt: skip
        verify_against_floor("verify (resolved ledger)", warm)
        command("head", *db, "head")
        command("prove 1", *db, "prove", "1")


if __name__ == "__main__":
    main()
