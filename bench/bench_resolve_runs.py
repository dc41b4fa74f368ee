"""`forecast resolve --prices csv:DIR` cold and warm, each beside a minimal floor program.

Builds a seeded synthetic ledger of `--claims` open claims (the one-level
kinds: touch, close, hold, average, above and below) over `--symbols`
symbols with `--years` of weekday bars each, written as a `csv:DIR`
directory. Then, each in a fresh process:

cold   `forecast resolve --as-of D --prices csv:DIR` on the ledger whose bar
       cache is empty: every CSV file is read, its bars stored, every claim
       judged, the market baselines computed.
       Floor: plain sqlite3 + numpy reading the same CSV files, deciding the
       same claims and writing the outcomes with one executemany.
warm   `--claims` more claims are added to the settled ledger and the same
       command runs again: the bars are cached.
       Floor: plain sqlite3 (psycopg) + numpy reading the bars from the
       ledger's bar cache (`price_bar_block`: each year's packed columns
       unpacked by `np.frombuffer`), deciding the open claims, one executemany.

Each floor runs on a copy of the ledger, right before the command, in the
same bench run; both times, the ratio and each process's peak RSS are
printed. The outcomes of every claim are compared between the command and
its floor, and a seeded sample against a straightforward per-claim pandas
evaluation written here (an oracle independent of `ledger.rules`).

Goal (issue 12): each command <= 3x its floor.

The symbols end in ".DE" so that their calendar is plain weekdays (24/5,
`ledger.rules.calendar`): every weekday has a bar, there are no gaps, and
a deadline is settled by the last weekday on or before it. The floor and
the oracle encode exactly that.

Run: .venv/bin/python bench/bench_resolve_runs.py [--claims 100000] [--symbols 200]
     [--years 10] [--keep DIR] [--sample 2000]
     [--db-url postgresql+psycopg://postgres@127.0.0.1:5432/NAME]  (recreates NAME)
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
from bytecode_cache import cache_bytecode
from sqlmodel import Session

from ledger.claims.model import LEVEL_KINDS, Claim
from ledger.records import NewClaim
from ledger.store.claims import record_claims
from ledger.store.session import open_ledger

LAST_DAY = date(2026, 6, 30)
AS_OF = LAST_DAY - timedelta(days=30)
PYTHON = sys.executable
FORECAST = str(Path(PYTHON).with_name("forecast"))


def symbol_name(index: int) -> str:
    return f"S{index:03d}.DE"


def write_prices(directory: Path, symbols: int, years: int) -> dict[str, pd.DataFrame]:
    """One CSV file per symbol: a seeded random walk on every weekday."""
    rng = np.random.default_rng(12)
    directory.mkdir(parents=True, exist_ok=True)
    index = pd.bdate_range(LAST_DAY - timedelta(days=365 * years), LAST_DAY, name="date")
    days = index.strftime("%Y-%m-%d").to_numpy()
    frames = {}
    for s in range(symbols):
        close = np.round(100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.015, len(index)))), 4)
        spread = np.round(np.abs(rng.normal(0.0, 0.008, len(index))) * close, 4)
        open_ = np.round(close * (1 + rng.normal(0.0, 0.003, len(index))), 4)
        high = np.maximum(np.maximum(open_, close) + spread, 0.0)
        low = np.minimum(open_, close) - spread
        low = np.where(low > 0, low, np.minimum(open_, close) * 0.99)
        frame = pd.DataFrame(
            {"open": open_, "high": high, "low": low, "close": close, "volume": 1000.0},
            index=index,
        )
        lines = ["date,open,high,low,close,volume"]
        lines += [
            f"{d},{o:.4f},{h:.4f},{lo:.4f},{c:.4f},1000"
            for d, o, h, lo, c in zip(days, open_, high, low, close, strict=True)
        ]
        (directory / f"{symbol_name(s)}.csv").write_text("\n".join(lines) + "\n")
        frames[symbol_name(s)] = frame.round(4)
    return frames


def make_claims(
    rng: np.random.Generator,
    frames: dict[str, pd.DataFrame],
    count: int,
    tag: str,
    made_from: int,
) -> list[NewClaim]:
    """`count` claims spread over the symbols, made on a bar day from index `made_from`."""
    kinds = list(LEVEL_KINDS)
    symbols = list(frames)
    out = []
    for i in range(count):
        symbol = symbols[i % len(symbols)]
        frame = frames[symbol]
        pick = int(rng.integers(made_from, len(frame) - 40))
        made_on = frame.index[pick].date()
        kind = kinds[i % len(kinds)]
        level = round(float(frame["close"].iloc[pick] * rng.uniform(0.8, 1.25)), 4)
        deadline = made_on + timedelta(days=int(rng.integers(20, 540)))
        claim = Claim(symbol, symbol, kind, level, made_on, made_on + timedelta(days=1), deadline)
        source = f"{tag} source {i % 300:03d}"
        out.append(NewClaim(source=source, claim=claim, text=claim.canonical_text()))
    return out


def record(db: str, entries: list[NewClaim]) -> None:
    engine = open_ledger(db)
    with Session(engine) as session, session.begin():
        record_claims(session, entries)
    engine.dispose()


# The floor: what a minimal resolver of these claims does, and no more. It is
# run as its own process (the source below), like the command.
FLOOR = textwrap.dedent(
    """
    import sys, numpy as np
    db, mode, prices, as_of = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    as_of = np.datetime64(as_of, "D").astype(np.int64)
    if db.startswith("postgresql"):
        import psycopg
        con = psycopg.connect(db, autocommit=False)
        mark = "%s"
    else:
        import sqlite3
        con = sqlite3.connect(db)
        mark = "?"
    rows = con.execute(
        "SELECT id, symbol, kind, level, window_start, deadline FROM prediction "
        "WHERE status = 'open' ORDER BY symbol"
    ).fetchall()
    ids, symbols, kinds, levels, starts, deadlines = zip(*rows)
    ids = np.array(ids); symbols = np.array(symbols); kinds = np.array(kinds)
    levels = np.array(levels, dtype=np.float64)
    starts = np.array(starts, dtype="datetime64[D]").astype(np.int64)
    deadlines = np.array(deadlines, dtype="datetime64[D]")
    settle = np.busday_offset(deadlines, 0, roll="backward").astype(np.int64)
    deadlines = deadlines.astype(np.int64)

    def bars_of(symbol):
        if mode == "csv":
            data = np.loadtxt(
                f"{prices}/{symbol}.csv", delimiter=",", skiprows=1, usecols=(0, 2, 3, 4),
                dtype=[("day", "datetime64[D]"), ("high", "f8"), ("low", "f8"), ("close", "f8")],
            )
            day = data["day"].astype(np.int64)
            high, low, close = data["high"], data["low"], data["close"]
        else:
            got = con.execute(
                "SELECT days, high, low, close FROM price_bar_block "
                f"WHERE symbol = {mark} ORDER BY year",
                (symbol,),
            ).fetchall()
            day = np.concatenate([np.frombuffer(g[0], "<i4") for g in got]).astype(np.int64)
            high, low, close = (
                np.concatenate([np.frombuffer(g[i], "<f8") for g in got]) for i in (1, 2, 3)
            )
        keep = day <= as_of
        return day[keep], high[keep], low[keep], close[keep]

    def window_reduce(ufunc, values, first, end):
        # ufunc over values[first:end] per claim: reduceat over interleaved bounds
        padded = np.r_[values, values[-1:]]
        return ufunc.reduceat(padded, np.column_stack((first, end)).ravel())[::2]

    out = []
    bounds = np.flatnonzero(symbols[1:] != symbols[:-1]) + 1
    for lo_i, hi_i in zip(np.r_[0, bounds], np.r_[bounds, len(symbols)]):
        day, high, low, close = bars_of(symbols[lo_i])
        part = slice(lo_i, hi_i)
        first = np.searchsorted(day, starts[part], "left")
        end = np.searchsorted(day, deadlines[part], "right")
        some = end > first
        first, end = np.minimum(first, len(day) - 1), np.maximum(end, first + 1)
        top = window_reduce(np.maximum, high, first, end)
        bottom = window_reduce(np.minimum, low, first, end)
        csum = np.r_[0.0, np.cumsum(close)]
        last_close = close[end - 1]
        mean_close = (csum[end] - csum[first]) / (end - first)
        final = as_of > settle[part]
        kind, level = kinds[part], levels[part]
        above = np.char.endswith(kind, "above")
        family = np.char.partition(kind, "_")[:, 0]
        crossed = np.select(
            [family == "touch", family == "hold"],
            [np.where(above, top >= level, bottom <= level),
             np.where(above, bottom < level, top > level)],
            False,
        ) & some
        value = np.where(family == "close", last_close, mean_close)
        met = np.where(above, value >= level, value <= level)
        outcome = np.full(len(kind), "", dtype=object)
        is_touch, is_hold = family == "touch", family == "hold"
        by_value = ~(is_touch | is_hold)
        outcome[is_touch & crossed] = "true"
        outcome[is_touch & ~crossed & final] = "false"
        outcome[is_hold & crossed] = "false"
        outcome[is_hold & ~crossed & final] = "true"
        outcome[by_value & final & some & met] = "true"
        outcome[by_value & final & some & ~met] = "false"
        decided = outcome != ""
        out += zip(outcome[decided].tolist(), ids[part][decided].tolist())
    con.cursor().executemany(f"UPDATE prediction SET status = {mark} WHERE id = {mark}", out)
    con.commit()
    print(len(out), "decided")
    """
)


# Runs a command and reports its wall time and peak RSS. A process of its own,
# because a child's peak RSS counts the memory of the process it was forked
# from: forked from this bench (pandas loaded), every figure would start high.
MEASURE = textwrap.dedent(
    """
    import os, subprocess, sys, time
    with open(sys.argv[2], "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(sys.argv[3:], stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    print(seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
    """
)


def run(command: list[str], label: str, log: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one process, its output in `log`."""
    measured = subprocess.run(
        [PYTHON, "-c", MEASURE, label, str(log), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, cpu, rss, code = measured.stdout.split()
    text = log.read_text(errors="replace").strip()
    if int(code) not in (0, 1):
        raise SystemExit(f"{label} failed ({code}): {text[-600:]}")
    print(f"    {label}: {text.splitlines()[0][:160] if text else ''}")
    return float(seconds), float(cpu), float(rss)


def copy_ledger(db: str, copy: str) -> None:
    """A copy of the ledger for a floor to write to (SQLite: its WAL folded in first;
    PostgreSQL: a database made from the ledger's as a template)."""
    if db.startswith("postgresql"):
        import psycopg

        server, name, copy_name = _server(db), _name(db), _name(copy)
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{copy_name}"')
            con.execute(f'CREATE DATABASE "{copy_name}" TEMPLATE "{name}"')
        return
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    Path(copy).unlink(missing_ok=True)
    shutil.copy(db, copy)


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def _server(url: str) -> str:
    """The server's maintenance database, as psycopg takes it."""
    return url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0] + "/postgres"


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def fresh_database(db: str) -> None:
    if db.startswith("postgresql"):
        import psycopg

        with psycopg.connect(_server(db), autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{_name(db)}"')
            con.execute(f'CREATE DATABASE "{_name(db)}"')
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def query(db: str, sql: str) -> list[tuple]:
    if db.startswith("postgresql"):
        import psycopg

        with psycopg.connect(_plain(db)) as con:
            return con.execute(sql).fetchall()
    with sqlite3.connect(db) as con:
        return con.execute(sql).fetchall()


def statuses(db: str) -> dict[int, str]:
    return dict(query(db, "SELECT id, status FROM prediction"))


def oracle(claim_row: tuple, frame: pd.DataFrame, as_of: date) -> str:
    """A per-claim pandas evaluation of the rule, as the rule's docstring states it."""
    _, _, kind, level, start, deadline = claim_row
    bars = frame[frame.index <= pd.Timestamp(as_of)]
    window = bars[(bars.index >= pd.Timestamp(start)) & (bars.index <= pd.Timestamp(deadline))]
    settle = pd.Timestamp(deadline)
    while settle.weekday() >= 5:
        settle -= pd.Timedelta(days=1)
    final = pd.Timestamp(as_of) > settle
    family, side = kind.split("_")
    if family == "touch":
        touched = (window["high"] >= level) if side == "above" else (window["low"] <= level)
        return "true" if touched.any() else ("false" if final else "open")
    if family == "hold":
        broken = (window["low"] < level) if side == "above" else (window["high"] > level)
        return "false" if broken.any() else ("true" if final else "open")
    if not final or window.empty:
        return "open"
    value = window["close"].iloc[-1] if family == "close" else window["close"].mean()
    return "true" if (value >= level if side == "above" else value <= level) else "false"


def compare(label: str, db: str, floor_db: str, frames, sample: int) -> None:
    """Every outcome against the floor's, a seeded sample against the pandas oracle."""
    got, floor = statuses(db), statuses(floor_db)
    differ = [cid for cid in floor if floor[cid] != got.get(cid)]
    rows = query(
        db, "SELECT id, symbol, kind, level, window_start, deadline FROM prediction ORDER BY id"
    )
    rng = np.random.default_rng(99)
    picked = [rows[i] for i in rng.choice(len(rows), min(sample, len(rows)), replace=False)]
    wrong = [r[0] for r in picked if oracle(r, frames[r[1]], AS_OF) != got[r[0]]]
    decided = sum(1 for s in got.values() if s != "open")
    print(
        f"    {label} outcomes: {decided:,} of {len(got):,} decided; differ from the floor: "
        f"{len(differ)}{' ' + str(differ[:5]) if differ else ''}; pandas oracle sample of "
        f"{len(picked)}: {len(wrong)} wrong{' ' + str(wrong[:5]) if wrong else ''}"
    )


def side_by_side(label: str, floor_cmd, command, logs: Path) -> None:
    """The floor, then the command; wall and CPU time (user + system) of each.

    On a shared machine the wall clock counts the other jobs' load too; the
    CPU time is what the process itself spent, so both ratios are printed.
    """
    floor_s, floor_cpu, floor_rss = run(floor_cmd, f"{label} floor", logs / f"{label}-floor.log")
    command_s, command_cpu, command_rss = run(
        command, f"{label} forecast", logs / f"{label}-forecast.log"
    )
    print(
        f"{label}: forecast resolve {command_s:.2f} s wall, {command_cpu:.2f} s CPU "
        f"(peak RSS {command_rss:.0f} MB); floor {floor_s:.2f} s wall, {floor_cpu:.2f} s CPU "
        f"(peak RSS {floor_rss:.0f} MB); ratio {command_s / floor_s:.2f}x wall, "
        f"{command_cpu / floor_cpu:.2f}x CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--symbols", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument(
        "--db-url",
        help="a PostgreSQL server URL whose database the bench recreates (and a copy "
        "named NAME_floor beside it), instead of a SQLite file",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.keep or Path(tmp)
        directory.mkdir(parents=True, exist_ok=True)
        cache_bytecode()
        prices, floor_py = directory / "prices", directory / "floor.py"
        if args.db_url:
            db = args.db_url
            floor_db = f"{db.split('?', 1)[0]}_floor"
            floor_url = _plain(floor_db)
        else:
            db, floor_db = str(directory / "ledger.sqlite3"), str(directory / "floor.sqlite3")
            floor_url = floor_db
        floor_py.write_text(FLOOR)
        fresh_database(db)
        started = time.perf_counter()
        frames = write_prices(prices, args.symbols, args.years)
        rng = np.random.default_rng(7)
        record(db, make_claims(rng, frames, args.claims, "cold", 0))
        print(
            f"built: {args.symbols} symbols x {len(next(iter(frames.values())))} bars, "
            f"{args.claims:,} open claims in {time.perf_counter() - started:.1f} s; "
            f"as of {AS_OF}; ledger {'PostgreSQL' if args.db_url else 'SQLite'}"
        )
        command = [
            FORECAST, "--db", db, "resolve", "--as-of", AS_OF.isoformat(),
            "--prices", f"csv:{prices}",
        ]  # fmt: skip

        copy_ledger(db, floor_db)
        floor = [PYTHON, str(floor_py), floor_url, "csv", str(prices), AS_OF.isoformat()]
        side_by_side("cold", floor, command, directory)
        compare("cold", db, floor_db, frames, args.sample)

        # The warm ledger: the settled one plus as many claims again, made later.
        record(db, make_claims(np.random.default_rng(8), frames, args.claims, "warm", 2000))
        copy_ledger(db, floor_db)
        floor = [PYTHON, str(floor_py), floor_url, "db", "-", AS_OF.isoformat()]
        side_by_side("warm", floor, command, directory)
        compare("warm", db, floor_db, frames, args.sample)


if __name__ == "__main__":
    main()
