"""Time `forecast score --json` on 100,000 claims by 1,000 sources beside its floor.

The floor is the least a program can do to print the same per-source figures:
one plain SELECT through the driver (sqlite3, or psycopg for --db-url
postgresql+psycopg://...), then numpy and SciPy: claims, scored, hits, hit
rate with its 90% Jeffreys interval, Brier, mean log score, calibration bins
with their Jeffreys intervals, and Brier skill against the market baseline,
printed as JSON. It reads no hand changes, fits no shrinkage prior and
computes no edge p-value: everything `score` does beyond it is overhead the
ratio charges to `score`. The floor's figures are compared with the command's
for every source, so it is known to compute the same thing.

Both run as fresh processes (imports included), interleaved round by round;
the medians of wall time and CPU time (user + system of the child) are
printed, with their ratios and the load average.

The ledger is synthetic and built through the store functions (bench_tui's
`build_ledger`: record_claims, apply_decisions, store_baselines).

Run: .venv/bin/python bench/bench_score.py [--claims N] [--sources N] [--rounds N]
       [--keep PATH | --db-url URL] [--reuse]
(--reuse: the ledger at --keep or --db-url is already built; do not rebuild it.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bytecode_cache import cache_bytecode

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

# The floor's figures: `rows`, one dict per source, from one SELECT + numpy/SciPy.
# bench_tui's floor paints the same figures in a DataTable.
FIGURES = r"""
import sys
import numpy as np
from scipy import special

url, today = sys.argv[1], sys.argv[2]
sql = (
    "SELECT s.name, p.status, p.deadline, p.probability, p.market_prob "
    "FROM prediction p JOIN source s ON s.id = p.source_id"
)
if url.startswith("sqlite:///"):
    import sqlite3
    connection = sqlite3.connect(url[len("sqlite:///"):])
    rows = connection.execute(sql).fetchall()
else:
    import psycopg
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        rows = connection.execute(
            sql.replace("p.deadline", "CAST(p.deadline AS TEXT)")
        ).fetchall()
names, status, deadline, prob, market = zip(*rows)
labels, codes = np.unique(np.array(names, dtype=object), return_inverse=True)
status = np.array(status, dtype=object)
came_true = status == "true"
scored = (came_true | (status == "false")) & (
    np.array(deadline, dtype="datetime64[D]") < np.datetime64(today)
)
prob = np.array(prob, dtype=np.float64)   # None -> nan
market = np.array(market, dtype=np.float64)
outcome = came_true.astype(np.float64)
G = labels.size

def jeffreys(k, n):
    a, b = np.where(n > 0, k + 0.5, 1.0), np.where(n > 0, n - k + 0.5, 1.0)
    low = np.where(k == 0, 0.0, special.betaincinv(a, b, 0.05))
    high = np.where(k == n, 1.0, special.betaincinv(a, b, 0.95))
    return low, high

claims = np.bincount(codes, minlength=G)
n = np.bincount(codes[scored], minlength=G)
hits = np.bincount(codes[scored], weights=outcome[scored], minlength=G)
low, high = jeffreys(hits, n)
p_mask = scored & ~np.isnan(prob)
cp, p, o = codes[p_mask], prob[p_mask], outcome[p_mask]
n_p = np.bincount(cp, minlength=G)
brier = np.bincount(cp, weights=(p - o) ** 2, minlength=G)
clipped = np.clip(p, 0.001, 0.999)
log = np.bincount(cp, weights=np.log(np.where(o == 1.0, clipped, 1.0 - clipped)), minlength=G)
cell = cp * 10 + np.clip(np.floor(p * 10 + 1e-9).astype(np.int64), 0, 9)
cell_n = np.bincount(cell, minlength=G * 10)
cell_p = np.bincount(cell, weights=p, minlength=G * 10)
cell_k = np.bincount(cell, weights=o, minlength=G * 10)
cell_low, cell_high = jeffreys(cell_k, cell_n)
b_mask = p_mask & ~np.isnan(market)
cb, ob = codes[b_mask], outcome[b_mask]
n_b = np.bincount(cb, minlength=G)
own = np.bincount(cb, weights=(prob[b_mask] - ob) ** 2, minlength=G)
base = np.bincount(cb, weights=(market[b_mask] - ob) ** 2, minlength=G)
with np.errstate(divide="ignore", invalid="ignore"):
    rate, mean_brier, mean_log = hits / n, brier / n_p, log / n_p
    skill = np.where(base > 0, 1.0 - own / base, np.nan)

def num(x):
    return None if x != x else float(x)

rows = []
for g in range(G):
    bins = [
        {"bin": i, "n": int(cell_n[c]), "mean_prob": float(cell_p[c] / cell_n[c]),
         "freq": float(cell_k[c] / cell_n[c]), "ci": [float(cell_low[c]), float(cell_high[c])]}
        for i in range(10) for c in (g * 10 + i,) if cell_n[c]
    ]
    rows.append({
        "group": labels[g], "claims": int(claims[g]), "scored": int(n[g]), "hits": int(hits[g]),
        "hit_rate": num(rate[g]),
        "hit_rate_ci": [float(low[g]), float(high[g])] if n[g] else None,
        "with_prob": int(n_p[g]), "brier": num(mean_brier[g]), "log_score": num(mean_log[g]),
        "brier_skill_vs_market": num(skill[g]) if n_b[g] else None,
        "calibration": bins,
    })
"""
# The floor program, run as `python -c FLOOR URL TODAY`: imports included in its time.
FLOOR = FIGURES + "import json\nsys.stdout.write(json.dumps(rows))\n"


def timed_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, bytes]:
    """Wall and CPU seconds (user + system) of one child process, and its stdout.

    It runs in a neutral directory, so that PYTHONPATH decides which tree's
    `ledger` it imports (to compare with another branch's tree).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        argv, env=env, check=True, stdout=subprocess.PIPE, cwd=tempfile.gettempdir()
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def compare(score_json: bytes, floor_json: bytes) -> str:
    """Check the command's figures against the floor's for every source."""
    scores = {row["group"]: row for row in json.loads(score_json)}
    floor = {row["group"]: row for row in json.loads(floor_json)}
    if scores.keys() != floor.keys():
        raise SystemExit("score and floor list different sources")
    worst = 0.0
    for group, mine in floor.items():
        theirs = scores[group]
        for key in ("claims", "scored", "hits", "with_prob"):
            if mine[key] != theirs[key]:
                raise SystemExit(f"{group}: {key} {theirs[key]} != floor {mine[key]}")
        for key in ("hit_rate", "brier", "log_score", "brier_skill_vs_market"):
            a, b = mine[key], theirs[key]
            if (a is None) != (b is None):
                raise SystemExit(f"{group}: {key} {b} != floor {a}")
            if a is not None:
                worst = max(worst, abs(a - b))
        if (mine["hit_rate_ci"] is None) != (theirs["hit_rate_ci"] is None):
            raise SystemExit(f"{group}: hit_rate_ci {theirs['hit_rate_ci']}")
        if mine["hit_rate_ci"] is not None:
            worst = max(
                worst,
                *(
                    abs(a - b)
                    for a, b in zip(mine["hit_rate_ci"], theirs["hit_rate_ci"], strict=True)
                ),
            )
    if worst > 1e-9:
        raise SystemExit(f"score and floor differ by {worst:g}")
    return f"figures of {len(floor)} sources equal the floor's (largest difference {worst:.1e})"


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="SQLite ledger file to write and keep")
    parser.add_argument("--db-url", help="a database URL (e.g. PostgreSQL) instead of SQLite")
    parser.add_argument("--reuse", action="store_true", help="the ledger is already built")
    parser.add_argument("--python", default=sys.executable, help="interpreter for both children")
    args = parser.parse_args()
    cache_bytecode()

    with tempfile.TemporaryDirectory() as tmp:
        if args.db_url:
            url = args.db_url
        else:
            path = args.keep or Path(tmp) / "bench.sqlite3"
            url = f"sqlite:///{path}"
        if not args.reuse:
            sys.path.insert(0, str(BENCH))
            from bench_tui import build_ledger

            start = time.perf_counter()
            build_ledger(url, args.claims, args.sources, args.seed)
            print(
                f"built {args.claims:,} claims by {args.sources:,} sources "
                f"in {time.perf_counter() - start:.1f} s"
            )
        env = dict(os.environ)
        env.setdefault("PYTHONPATH", str(ROOT))
        today = date.today().isoformat()
        command = [args.python, "-m", "ledger", "--db", url, "score", "--json"]
        floor = [args.python, "-c", FLOOR, url, today]
        # One untimed run of each: the page cache and .pyc files warm for both.
        score_out = timed_child(command, env)[2]
        floor_out = timed_child(floor, env)[2]
        print(compare(score_out, floor_out))
        print(f"before: {load()}")
        score_times, floor_times = [], []
        for _ in range(args.rounds):
            score_times.append(timed_child(command, env)[:2])
            floor_times.append(timed_child(floor, env)[:2])
        print(f"after:  {load()}")
        wall = statistics.median(t[0] for t in score_times)
        cpu = statistics.median(t[1] for t in score_times)
        floor_wall = statistics.median(t[0] for t in floor_times)
        floor_cpu = statistics.median(t[1] for t in floor_times)
        print(
            f"forecast score --json   {wall:6.3f} s wall  {cpu:6.3f} s CPU   "
            f"(medians of {args.rounds}, interleaved)"
        )
        print(f"floor (SELECT + numpy/SciPy) {floor_wall:6.3f} s wall  {floor_cpu:6.3f} s CPU")
        print(
            f"ratio                   {wall / floor_wall:5.2f}x wall  "
            f"{cpu / floor_cpu:5.2f}x CPU   (goal <= 2x)"
        )


if __name__ == "__main__":
    main()
