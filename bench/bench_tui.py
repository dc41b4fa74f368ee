"""Time the TUI on a ledger far larger than a real one: 100,000 claims, 300 sources.

The figure is the time from building the app (`make_app`, which opens and
checks the ledger) to the first painted scoreboard: the moment the
scoreboard screen has its rows on screen. The target is under 1.5 s. It is
also timed from a fresh interpreter (imports of pandas, scipy and Textual
included). A last figure opens the due list of every open claim and pages
through it, to show that claims tables load a page at a time rather than the
whole ledger.

The ledger is synthetic and goes through the same store functions as an
import: `record_claims` for the claims, `apply_decisions` for outcomes and
`store_baselines` for market-implied probabilities.

Run: .venv/bin/python bench/bench_tui.py [--claims N] [--sources N] [--seed N] [--keep PATH]
Figures go to stdout; the ledger goes to a temporary directory unless --keep names a file.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlmodel import Session

from ledger.claims.model import Claim, ClaimKind, default_window_start
from ledger.records import NewClaim
from ledger.store.baselines import Baseline, store_baselines
from ledger.store.claims import record_claims
from ledger.store.resolving import Decision, apply_decisions
from ledger.store.session import open_ledger

TODAY = date(2026, 7, 13)
SYMBOLS = ("GC=F", "SI=F", "CL=F", "BTC-USD", "ETH-USD", "^GSPC", "^NDX", "EURUSD=X", "HG=F")
KINDS = (ClaimKind.TOUCH_ABOVE, ClaimKind.TOUCH_BELOW, ClaimKind.CLOSE_ABOVE, ClaimKind.HOLD_ABOVE)
TAGS = ("macro", "crypto", "metals", "energy", "equities")


def build_ledger(url: str, n_claims: int, n_sources: int, seed: int) -> None:
    """A synthetic ledger: claims spread over sources, about 70% resolved."""
    rng = np.random.default_rng(seed)
    sources = [f"Source {i:03d}" for i in range(n_sources)]
    source_of = rng.integers(0, n_sources, n_claims)
    symbol_of = rng.integers(0, len(SYMBOLS), n_claims)
    kind_of = rng.integers(0, len(KINDS), n_claims)
    made_offset = rng.integers(0, 900, n_claims)
    horizon = rng.integers(20, 400, n_claims)
    levels = np.round(rng.uniform(10.0, 5000.0, n_claims), 1)
    stated = np.round(rng.uniform(0.3, 0.95, n_claims) * 20) / 20
    has_prob = rng.random(n_claims) < 0.6
    entries = []
    for i in range(n_claims):
        made_on = date(2024, 1, 1) + timedelta(days=int(made_offset[i]))
        deadline = made_on + timedelta(days=int(horizon[i]))
        symbol = SYMBOLS[symbol_of[i]]
        claim = Claim(
            symbol=symbol,
            asset=symbol,
            kind=KINDS[kind_of[i]],
            level=float(levels[i]) + i * 1e-3,  # distinct claims, distinct fingerprints
            made_on=made_on,
            window_start=default_window_start(made_on),
            deadline=deadline,
        )
        entries.append(
            NewClaim(
                source=sources[source_of[i]],
                claim=claim,
                text=claim.canonical_text(),
                probability=float(stated[i]) if has_prob[i] else None,
                tags=(TAGS[symbol_of[i] % len(TAGS)],),
            )
        )
    engine = open_ledger(url)
    try:
        with Session(engine) as session, session.begin():
            ids = list(record_claims(session, entries).added)
        past = np.array([e.claim.deadline < TODAY for e in entries])
        market = np.clip(rng.beta(2.0, 3.0, n_claims), 0.01, 0.99)
        came_true = rng.random(n_claims) < market + 0.05
        decisions = [
            Decision(ids[i], "true" if came_true[i] else "false", {"data_source": "bench"})
            for i in np.flatnonzero(past).tolist()
        ]
        baselines = [Baseline(ids[i], float(market[i]), 0.3, 100.0, None) for i in range(n_claims)]
        with Session(engine) as session, session.begin():
            apply_decisions(session, decisions, run_id=None)
            store_baselines(session, baselines)
    finally:
        engine.dispose()


async def time_first_paint(url: str) -> tuple[float, int]:
    """Seconds from make_app to a painted scoreboard, and how many rows it shows."""
    from tui.app import make_app
    from tui.screens.scoreboard import ScoreboardScreen

    start = time.perf_counter()
    app = make_app(url, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        while not (isinstance(screen, ScoreboardScreen) and screen.loaded):
            # Wait on the worker rather than poll: polling the pilot every few
            # milliseconds would take the GIL from the worker it is timing.
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
        await pilot.pause()  # the refresh that paints the rows
        elapsed = time.perf_counter() - start
        rows = screen.row_count
    return elapsed, rows


async def time_due_pages(url: str) -> tuple[float, float, int, int]:
    """The due list of every open claim: seconds to its first page, seconds for three
    more pages (cursor to the end, three times), rows loaded, and open claims in all."""
    from tui.app import make_app
    from tui.screens.due import DueScreen
    from tui.screens.scoreboard import ScoreboardScreen

    app = make_app(url, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, ScoreboardScreen) and app.screen.loaded):
            await app.workers.wait_for_complete()
            await pilot.pause()
        start = time.perf_counter()
        await pilot.press("d")
        while not (isinstance(app.screen, DueScreen) and app.screen.loaded):
            await app.workers.wait_for_complete()
            await pilot.pause()
        first_page = time.perf_counter() - start
        table = app.screen.claims_table
        start = time.perf_counter()
        for _ in range(3):
            await pilot.press("ctrl+end")
            await app.workers.wait_for_complete()
            await pilot.pause()
        paging = time.perf_counter() - start
        return first_page, paging, table.row_count, table.total


def time_cold_start(url: str) -> float:
    """Seconds from launching a fresh Python to a painted scoreboard (imports included)."""
    code = (
        "import asyncio, sys; sys.path.insert(0, 'bench'); import bench_tui; "
        f"asyncio.run(bench_tui.time_first_paint({url!r}))"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the ledger here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.sqlite3"
        url = f"sqlite:///{path}"
        if not path.exists():
            start = time.perf_counter()
            build_ledger(url, args.claims, args.sources, args.seed)
            print(
                f"built {args.claims:,} claims by {args.sources} sources "
                f"in {time.perf_counter() - start:.1f} s"
            )
        runs = [asyncio.run(time_first_paint(url)) for _ in range(3)]
        times = [t for t, _ in runs]
        print(
            f"make_app to painted scoreboard ({runs[0][1]} sources)   "
            f"best {min(times):.3f} s   median {float(np.median(times)):.3f} s   (target < 1.5 s)"
        )
        print(
            f"cold start (new interpreter, imports included) to painted scoreboard: "
            f"{time_cold_start(url):.3f} s"
        )
        first_page, paging, loaded, total = asyncio.run(time_due_pages(url))
        print(
            f"due list: first page in {first_page:.3f} s; three more pages in {paging:.3f} s; "
            f"{loaded:,} of {total:,} open claims loaded"
        )


if __name__ == "__main__":
    main()
