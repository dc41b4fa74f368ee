"""Time the TUI on a ledger far larger than a real one: 100,000 claims, 300 sources.

The figure is the time from building the app (`make_app`, which opens and
checks the ledger) to the first painted scoreboard: the moment the
scoreboard screen has its rows on screen. The target is under 1.5 s. It is
also timed from a fresh interpreter (imports included), beside the floor
(issue 12): a minimal Textual app in a fresh interpreter that reads the
per-source figures with one SELECT and numpy/SciPy (bench_score's floor:
claims, scored, hit rate and its Jeffreys interval, Brier, log score,
calibration, skill against the market) and paints them in a DataTable. Both
run as processes, interleaved round by round, until the table is painted and
the app has exited; medians of wall and CPU time and their ratios are
printed, with the load average. A last figure opens the due list of every open claim and pages
through it, to show that claims tables load a page at a time rather than the
whole ledger; and one page of the claims list (with its count) for all claims, one settled
status and the open ones, in both orders.

The ledger is synthetic and goes through the same store functions as an
import: `record_claims` for the claims, `apply_decisions` for outcomes and
`store_baselines` for market-implied probabilities.

Run: .venv/bin/python bench/bench_tui.py [--claims N] [--sources N] [--seed N] [--keep PATH]
       [--rounds N] [--reuse]
Figures go to stdout; the ledger goes to a temporary directory unless --keep names a file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from bytecode_cache import cache_bytecode
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


# The app in a fresh interpreter: `python -c APP URL TODAY`, until the scoreboard is painted.
APP = r"""
import asyncio, sys
from datetime import date

async def main(url, today):
    from tui.app import make_app
    from tui.screens.scoreboard import ScoreboardScreen

    app = make_app(url, today=today)
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, ScoreboardScreen) and app.screen.loaded):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.pause()
        assert app.screen.row_count > 0

asyncio.run(main(sys.argv[1], date.fromisoformat(sys.argv[2])))
"""

# The floor: bench_score's figures (`rows`), painted by the least Textual app.
FLOOR_APP = r"""
import asyncio
from textual.app import App
from textual.widgets import DataTable

def cell(x):
    return "" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)

class Floor(App):
    loaded = False

    def compose(self):
        yield DataTable()

    def on_mount(self):
        table = self.query_one(DataTable)
        keys = ("group", "claims", "scored", "hits", "hit_rate", "with_prob", "brier",
                "log_score", "brier_skill_vs_market")
        table.add_columns(*keys, "hit_rate_ci", "calibration bins")
        table.add_rows(
            [*(cell(row[k]) for k in keys), cell(row["hit_rate_ci"]), str(len(row["calibration"]))]
            for row in rows
        )
        self.loaded = True

async def main():
    app = Floor()
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded:
            await pilot.pause()
        await pilot.pause()

asyncio.run(main())
"""


def compare_cold_starts(url: str, rounds: int) -> None:
    """The app and its floor from fresh interpreters, interleaved; medians and ratios."""
    from bench_score import FIGURES, load, timed_child

    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(Path(__file__).resolve().parent.parent))
    app = [sys.executable, "-c", APP, url, TODAY.isoformat()]
    floor = [sys.executable, "-c", FIGURES + FLOOR_APP, url, TODAY.isoformat()]
    timed_child(app, env), timed_child(floor, env)  # warm the page cache and .pyc files
    print(f"before: {load()}")
    app_times = [(timed_child(app, env)[:2], timed_child(floor, env)[:2]) for _ in range(rounds)]
    print(f"after:  {load()}")
    wall = statistics.median(a[0] for a, _ in app_times)
    cpu = statistics.median(a[1] for a, _ in app_times)
    floor_wall = statistics.median(f[0] for _, f in app_times)
    floor_cpu = statistics.median(f[1] for _, f in app_times)
    print(
        f"cold start to painted scoreboard  {wall:6.3f} s wall  {cpu:6.3f} s CPU   "
        f"(fresh interpreters, medians of {rounds}, interleaved)"
    )
    print(
        f"floor (Textual + one SELECT + numpy/SciPy + DataTable)  "
        f"{floor_wall:6.3f} s wall  {floor_cpu:6.3f} s CPU"
    )
    print(f"ratio  {wall / floor_wall:5.2f}x wall  {cpu / floor_cpu:5.2f}x CPU   (goal <= 2x)")


def time_claim_pages(url: str) -> list[tuple[str, str, float, int]]:
    """One page of 50 claims and the count beside it, as the claims screen reads
    them, for every claim, one settled status and the open ones, in both orders:
    best of three, seconds, with how many claims the scope holds."""
    from ledger.store.session import open_ledger
    from ledger.store.views import ClaimOrder, ClaimScope, claim_rows, count_claims

    engine = open_ledger(url)
    found = []
    for status in (None, "true", "open"):
        scope = ClaimScope(status=status)
        for order in ClaimOrder:
            best, total = float("inf"), 0
            for _ in range(3):
                with Session(engine) as session:
                    start = time.perf_counter()
                    claim_rows(session, scope, order, limit=50)
                    total = count_claims(session, scope)
                    best = min(best, time.perf_counter() - start)
            found.append((status or "all", order.value, best, total))
    engine.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the ledger here and keep it")
    parser.add_argument("--rounds", type=int, default=5, help="cold-start rounds")
    parser.add_argument("--reuse", action="store_true", help="only the cold starts")
    args = parser.parse_args()
    cache_bytecode()
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
        compare_cold_starts(url, args.rounds)
        if args.reuse:
            return
        runs = [asyncio.run(time_first_paint(url)) for _ in range(3)]
        times = [t for t, _ in runs]
        print(
            f"make_app to painted scoreboard ({runs[0][1]} sources)   "
            f"best {min(times):.3f} s   median {float(np.median(times)):.3f} s   (target < 1.5 s)"
        )
        first_page, paging, loaded, total = asyncio.run(time_due_pages(url))
        print(
            f"due list: first page in {first_page:.3f} s; three more pages in {paging:.3f} s; "
            f"{loaded:,} of {total:,} open claims loaded"
        )
        for status, order, seconds, count in time_claim_pages(url):
            print(
                f"claims list, {status} by {order}: a page of 50 and the count in "
                f"{seconds * 1000:.0f} ms ({count:,} claims)"
            )


if __name__ == "__main__":
    main()
