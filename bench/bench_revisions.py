"""What looking for revised bars costs a run that fetches bars it already holds.

A `resolve --recheck` (or any re-fetch) stores bars the cache holds already;
before the upsert the run compares them with the stored ones
(`ledger.store.revisions.changed_bars`). Measured on a SQLite ledger with
SYMBOLS symbols x BARS daily bars:

* floor: the upsert alone (`store_bars`) of every symbol's bars, unchanged;
* with detection: `changed_bars` + `store_bars`, the run's path;
* re-judge: one bar per symbol revised under CLAIMS_PER_SYMBOL settled touch
  claims each, and `rejudge_revised` on every symbol (the claims' query, the
  bars, the rules, the writes and the proof log).

Run: .venv/bin/python bench/bench_revisions.py [--symbols 200 --bars 2600 --claims 100]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from sqlmodel import Session

from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.resolver import _evidence, run_resolver
from ledger.services.corrections import rejudge_revised
from ledger.store.claims import record_claims
from ledger.store.prices import store_bars
from ledger.store.revisions import changed_bars, record_bar_revisions
from ledger.store.session import open_ledger


class _Frames:
    """A price source serving fixed frames (no files, no network)."""

    name = "bench"

    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.frames = frames

    def fetch(self, wanted):
        from ledger.bars import check_bars
        from ledger.market.source import FetchResult

        bars = {
            s: check_bars(self.frames[s].loc[str(a) : str(b)], s).kept
            for s, (a, b) in wanted.items()
        }
        return FetchResult(bars=bars, requests=len(wanted))


def _frames(symbols: int, bars: int) -> dict[str, pd.DataFrame]:
    days = pd.bdate_range(end="2025-06-30", periods=bars, name="date")
    rng = np.random.default_rng(7)
    out = {}
    for i in range(symbols):
        close = 100.0 * np.exp(np.cumsum(rng.normal(0, 0.01, bars)))
        close[-19:] *= 0.8  # after the claims' touch day, well below their level
        out[f"S{i:03d}"] = pd.DataFrame(
            {"open": close, "high": close * 1.01, "low": close * 0.99, "close": close,
             "volume": 1e3},
            index=days,
        )  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--symbols", type=int, default=200)
    parser.add_argument("--bars", type=int, default=2600)
    parser.add_argument("--claims", type=int, default=100, help="settled claims per symbol")
    args = parser.parse_args()
    frames = _frames(args.symbols, args.bars)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_ledger(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        as_of = date(2025, 6, 30)
        # Claims whose window opens on the last-but-20 bar and touch on its high: TRUE on it.
        entries = []
        for symbol, frame in frames.items():
            day = frame.index[-20]
            level = float(frame["high"].iloc[-20]) * 0.9999
            for k in range(args.claims):
                text = f"{symbol} touch_above {level * (1 - k * 1e-6):.6f} by 2025-06-27"
                claim = parse_claim(text, made_on=(day - pd.Timedelta(days=1)).date())
                entries.append(NewClaim(source=f"src{k % 50}", claim=claim, text=text))
        with Session(engine) as session, session.begin():
            record_claims(session, entries)
        run_resolver(engine, _Frames(frames), as_of=as_of, today=as_of)

        with Session(engine) as session, session.begin():
            started = time.perf_counter()
            for symbol, frame in frames.items():
                store_bars(session, {symbol: frame}, "bench")
            floor = time.perf_counter() - started
            session.rollback()
        with Session(engine) as session, session.begin():
            started = time.perf_counter()
            for symbol, frame in frames.items():
                changed_bars(session, symbol, frame)
                store_bars(session, {symbol: frame}, "bench")
            detected = time.perf_counter() - started
            session.rollback()
        print(f"{args.symbols} symbols x {args.bars} bars, unchanged, re-stored:")
        print(f"  floor (store_bars only)        {floor:7.3f} s")
        print(f"  with detection (the run path)  {detected:7.3f} s  ratio {detected / floor:.2f}")

        revised = {}
        for symbol, frame in frames.items():
            frame = frame.copy()
            # Revised to just above its close: below every claim's level.
            frame.iloc[-20, frame.columns.get_loc("high")] = frame["close"].iloc[-20] * 1.001
            revised[symbol] = frame
        with Session(engine) as session, session.begin():
            started = time.perf_counter()
            for symbol, frame in revised.items():
                changes = changed_bars(session, symbol, frame)
                store_bars(session, {symbol: frame}, "bench")
            store_only = time.perf_counter() - started
            session.rollback()
        with Session(engine) as session, session.begin():
            started = time.perf_counter()
            flipped = 0
            for symbol, frame in revised.items():
                changes = changed_bars(session, symbol, frame)
                stored = record_bar_revisions(session, changes, "bench", None)
                store_bars(session, {symbol: frame}, "bench")
                out = rejudge_revised(
                    session, symbol, stored, as_of=as_of, run_id=None, data_source="bench",
                    evidence=_evidence,
                )  # fmt: skip
                flipped += sum(1 for r in out if r.changed)
            rejudged = time.perf_counter() - started
        total = args.symbols * args.claims
        print(f"one bar revised per symbol under {total} settled claims ({flipped} flipped):")
        print(f"  floor (detect + store only)    {store_only:7.3f} s")
        print(
            f"  with re-judge, writes and log  {rejudged:7.3f} s  ratio {rejudged / store_only:.2f}"
        )
        engine.dispose()


if __name__ == "__main__":
    main()
