"""Start-up of everyday commands, as ratios to minimal floor programs run beside them.

`forecast --help` against `python -c "import typer"`; `forecast add`, `list`,
`show` and `score` on a 200-claim ledger (resolved against synthetic prices)
against `python -c "import sqlmodel"`. Every run is a fresh process, as a user
starts it; commands and floors are interleaved round by round, so load on a
shared machine hits both alike, and each figure is the median of its rounds:
wall time, and CPU time (user + system of the child, which a loaded machine
inflates less), each with its ratio to the floor's.

Compiled bytecode is cached as an installed program has it: the children write
and read `.pyc` files under a directory of the run's own (PYTHONPYCACHEPREFIX,
so the source tree gets none), even where the environment says
PYTHONDONTWRITEBYTECODE, and one untimed round warms that cache for every
command and floor. Without it every command would compile the project's modules
from source at each start while the floors load their packages' `.pyc` files.
`--as-inherited` keeps the environment's own bytecode settings instead.

Goals (issue 12): --help <= 3x its floor; add, list, show, score <= 1.5x theirs.

Run: .venv/bin/python bench/bench_startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

PYTHON = sys.executable
FORECAST = str(Path(PYTHON).with_name("forecast"))
SYMBOLS = {"GC=F": 2000.0, "BTC-USD": 40000.0, "SI=F": 25.0, "^GSPC": 4500.0}
ASSETS = {"GC=F": "gold", "BTC-USD": "BTC", "SI=F": "silver", "^GSPC": "SPX"}


def write_prices(directory: Path) -> None:
    """A seeded random walk per symbol, 2020-01-01 to 2026-06-30, in `csv:DIR` layout."""
    rng = np.random.default_rng(12)
    days = np.arange(np.datetime64("2020-01-01"), np.datetime64("2026-07-01"))
    directory.mkdir(parents=True, exist_ok=True)
    for symbol, start in SYMBOLS.items():
        closes = start * np.exp(np.cumsum(rng.normal(0, 0.015, len(days))))
        lines = ["date,open,high,low,close,volume"]
        for day, close in zip(days, closes, strict=True):
            lines.append(
                f"{day},{close:.4f},{close * 1.01:.4f},{close * 0.99:.4f},{close:.4f},1000"
            )
        (directory / f"{symbol}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_claims(path: Path, count: int) -> None:
    rng = np.random.default_rng(5)
    lines = ["predictions:"]
    for i in range(count):
        symbol = list(SYMBOLS)[i % len(SYMBOLS)]
        made_on = date(2022, 1, 1) + timedelta(days=int(rng.integers(0, 900)))
        deadline = made_on + timedelta(days=int(rng.integers(30, 400)))
        level = SYMBOLS[symbol] * float(rng.uniform(0.7, 1.6))
        lines += [
            f"  - source: Source {i % 12:02d}",
            f"    made_on: {made_on.isoformat()}",
            f"    claim: {ASSETS[symbol]} hits {level:.2f} by {deadline.isoformat()}",
            f"    probability: {rng.uniform(0.05, 0.95):.2f}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()[-300:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument(
        "--as-inherited",
        action="store_true",
        help="keep the environment's bytecode settings (no cache of the run's own)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        env = {
            **os.environ,
            "FORECAST_DB": str(directory / "ledger.sqlite3"),
            "FORECAST_OFFLINE": "1",
            "XDG_CACHE_HOME": str(directory / "cache"),
            "XDG_DATA_HOME": str(directory / "data"),
            "COLUMNS": "120",
        }
        if not args.as_inherited:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(directory / "pycache")
        write_prices(directory / "prices")
        write_claims(directory / "claims.yaml", args.claims)
        run([FORECAST, "import", str(directory / "claims.yaml")], env)
        prices = f"csv:{directory / 'prices'}"
        run([FORECAST, "resolve", "--prices", prices, "--as-of", "2026-06-30"], env)

        floors = {
            "import typer": [PYTHON, "-c", "import typer"],
            "import sqlmodel": [PYTHON, "-c", "import sqlmodel"],
        }
        commands: dict[str, tuple[str, float, object]] = {
            "--help": ("import typer", 3.0, lambda r: ["--help"]),
            "add": (
                "import sqlmodel",
                1.5,
                lambda r: [
                    *("add", f"gold hits {3000 + r} by 2026-12-31", "-s", "Bench"),
                    *("--made-on", "2025-11-20", "--prices", "none"),
                ],
            ),
            "list": ("import sqlmodel", 1.5, lambda r: ["list"]),
            "list --json": ("import sqlmodel", 1.5, lambda r: ["list", "--json"]),
            "show": ("import sqlmodel", 1.5, lambda r: ["show", "7"]),
            "score": ("import sqlmodel", 1.5, lambda r: ["score"]),
        }
        times: dict[str, list[tuple[float, float]]] = {n: [] for n in [*floors, *commands]}
        for command in floors.values():  # the untimed round that warms the bytecode cache
            run(command, env)
        for _, _, argv in commands.values():
            run([FORECAST, *argv(args.rounds)], env)
        for round_ in range(args.rounds):
            for name, command in floors.items():
                times[name].append(run(command, env))
            for name, (_, _, argv) in commands.items():
                times[name].append(run([FORECAST, *argv(round_)], env))

    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    # On a loaded machine the spread is wide, and load only ever adds time: the
    # least CPU time of each program is given too, as a second reading of the ratio.
    least = {name: min(c for _, c in values) for name, values in times.items()}
    bytecode = "inherited bytecode settings" if args.as_inherited else "bytecode cached"
    print(
        f"{args.rounds} rounds, {args.claims}-claim ledger, {bytecode};"
        " medians, each beside its floor"
    )
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name in floors:
        print(
            f"  floor {name!r:20} {wall[name]:6.3f} s wall {cpu[name]:6.3f} s CPU"
            f" (least {least[name]:.3f} s)"
        )
    print(
        f"  {'command':24} {'wall':>7} {'floor':>7} {'ratio':>6}"
        f" {'CPU':>7} {'floor':>7} {'ratio':>6} {'least':>6} {'goal':>5}"
    )
    for name, (floor, goal, _) in commands.items():
        wall_ratio = wall[name] / wall[floor]
        cpu_ratio = cpu[name] / cpu[floor]
        least_ratio = least[name] / least[floor]
        mark = "ok" if max(wall_ratio, cpu_ratio) <= goal else "OVER"
        print(
            f"  forecast {name:15} {wall[name]:7.3f} {wall[floor]:7.3f} {wall_ratio:5.2f}x"
            f" {cpu[name]:7.3f} {cpu[floor]:7.3f} {cpu_ratio:5.2f}x {least_ratio:5.2f}x"
            f" {goal:4.1f}x {mark}"
        )


if __name__ == "__main__":
    main()
