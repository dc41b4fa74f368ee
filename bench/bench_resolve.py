"""Time `forecast resolve --as-of` on a large ledger, and count a cold run's requests.

Warm run: a SQLite ledger of 100,000 open claims over 200 symbols with ten
years of daily bars each already in the price cache; `forecast resolve
--as-of` is timed end to end in a subprocess (target: under 5 s). The first
warm run also computes every claim's market baseline; the second run has
nothing left to do and shows the fixed cost.

Cold run: a fresh ledger with claims on 20 symbols and an empty cache, resolved
through the real yfinance against the project's offline Yahoo fake
(tests/yahoo_fake.py); the fake's log counts the chart requests per symbol
(target: at most one per symbol needing data, plus yfinance's one-off timezone
probe for a symbol it has never seen).

Run: .venv/bin/python bench/bench_resolve.py [--claims 100000] [--symbols 200] [--years 10]
Figures go to stdout; the ledgers live in a temporary directory.
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
import pandas as pd
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from ledger.claims.model import LEVEL_KINDS, Claim
from ledger.records import NewClaim
from ledger.store.claims import record_claims
from ledger.store.prices import record_coverage, store_bars
from ledger.store.session import open_ledger

LAST_DAY = date(2026, 6, 30)
FORECAST = [sys.executable, "-m", "ledger"]


def make_bars(rng: np.random.Generator, years: int) -> pd.DataFrame:
    index = pd.bdate_range(LAST_DAY - timedelta(days=365 * years), LAST_DAY, name="date")
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.015, len(index))))
    spread = np.abs(rng.normal(0.0, 0.008, len(index))) * close
    return pd.DataFrame(
        {
            "open": close,
            "high": close + spread,
            "low": close - spread,
            "close": close,
            "volume": 1000.0,
        },
        index=index,
    )


def make_claims(rng, symbol: str, bars: pd.DataFrame, count: int, source: str) -> list[NewClaim]:
    kinds = list(LEVEL_KINDS)  # one-level kinds: the others need fields this builder does not set
    days = bars.index.date
    closes = bars["close"].to_numpy()
    picks = rng.integers(260, len(days) - 30, count)
    out = []
    for i, pick in enumerate(picks):
        made_on = days[pick]
        kind = kinds[i % len(kinds)]
        level = round(float(closes[pick] * rng.uniform(0.75, 1.3)), 4)
        deadline = made_on + timedelta(days=int(rng.integers(30, 720)))
        start = made_on + timedelta(days=1)
        claim = Claim(symbol, symbol, kind, level, made_on, start, deadline)
        out.append(NewClaim(source=source, claim=claim, text=claim.canonical_text()))
    return out


def build_warm_ledger(path: Path, claims: int, symbols: int, years: int) -> date:
    rng = np.random.default_rng(7)
    engine = open_ledger(str(path))
    per_symbol = claims // symbols
    started = time.perf_counter()
    entries: list[NewClaim] = []
    with Session(engine) as session, session.begin():
        for s in range(symbols):
            symbol = f"SYM{s:03d}"
            bars = make_bars(rng, years)
            store_bars(session, {symbol: bars}, "bench")
            # as if the source had been asked for all its history: nothing before exists
            record_coverage(session, symbol, date(2000, 1, 1), bars.index[-1].date(), "bench")
            entries += make_claims(rng, symbol, bars, per_symbol, f"source {s % 300:03d}")
    bars_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with Session(engine) as session, session.begin():
        record_claims(session, entries)
    record_seconds = time.perf_counter() - started
    engine.dispose()
    print(
        f"built: {symbols} symbols x {len(bars)} bars in {bars_seconds:.1f} s; "
        f"recorded {len(entries):,} claims in {record_seconds:.1f} s "
        f"({len(entries) / record_seconds:,.0f} claims/s)"
    )
    return LAST_DAY - timedelta(days=30)


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    line = (result.stdout or result.stderr).strip().splitlines()[0]
    print("   ", line if len(line) < 200 else line[:200] + "...")
    return seconds


def timed_resolve(db: Path, as_of: date, prices: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [*FORECAST, "--db", str(db), "resolve", "--as-of", as_of.isoformat(), "--prices", prices],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    print("   ", result.stdout.strip().splitlines()[0] if result.stdout else result.stderr.strip())
    return seconds


def cold_run(directory: Path, symbols: int) -> None:
    from yahoo_fake import FakeYahoo

    from ledger.market.yahoo import YahooSource
    from ledger.resolver import run_resolver

    rng = np.random.default_rng(11)
    engine = open_ledger(str(directory / "cold.sqlite3"))
    fake = FakeYahoo(cache_dir=directory / "fake-yf-cache")
    entries = []
    for s in range(symbols):
        symbol = f"CLD{s:02d}"
        bars = make_bars(rng, 3)
        fake.set(symbol, bars)
        entries += make_claims(rng, symbol, bars, 50, "cold")
    with Session(engine) as session, session.begin():
        record_claims(session, entries)
    with fake:
        source = YahooSource(directory / "yf-cache", sleep=lambda _s: None)
        started = time.perf_counter()
        summary = run_resolver(engine, source, as_of=LAST_DAY, today=LAST_DAY)
        seconds = time.perf_counter() - started
        per_symbol = [len(fake.chart_requests(f"CLD{s:02d}")) for s in range(symbols)]
        fake.reset_log()
        again = run_resolver(engine, source, as_of=LAST_DAY, today=LAST_DAY)
        repeat = len(fake.chart_requests())
    print(
        f"cold run: {len(entries):,} claims on {symbols} symbols in {seconds:.1f} s; "
        f"chart requests {sum(per_symbol)} (max {max(per_symbol)} per symbol: one for the "
        f"prices, one timezone probe for a never-seen symbol); source counted "
        f"{summary.requests}; resolved {summary.resolved_true} true, "
        f"{summary.resolved_false} false"
    )
    print(
        f"re-run right after (tail re-fetch only): {repeat} chart requests "
        f"({again.requests} counted)"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--symbols", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--cold-symbols", type=int, default=20)
    parser.add_argument(
        "--keep", type=Path, help="build the ledgers in this directory and keep them"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        if args.keep:
            directory = args.keep
            directory.mkdir(parents=True, exist_ok=True)
        db = directory / "warm.sqlite3"
        as_of = build_warm_ledger(db, args.claims, args.symbols, args.years)
        empty = directory / "no-prices"
        empty.mkdir()
        baseline = timed([*FORECAST, "--db", str(db), "baseline", "--prices", f"csv:{empty}"])
        print(
            f"forecast baseline (market probabilities of all claims, from the cache): "
            f"{baseline:.2f} s"
        )
        first = timed_resolve(db, as_of, f"csv:{empty}")
        print(f"warm resolve --as-of {as_of}, first run (decides the backlog): {first:.2f} s")
        second = timed_resolve(db, as_of, f"csv:{empty}")
        print(f"warm resolve --as-of {as_of}, second run (nothing new to decide): {second:.2f} s")
        score = timed([*FORECAST, "--db", str(db), "score", "--json"])
        print(f"forecast score --json on the resolved ledger (one query + scoring): {score:.2f} s")
        cold_run(directory, args.cold_symbols)


if __name__ == "__main__":
    main()
