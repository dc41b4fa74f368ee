"""A fixed ledger for the TUI tests: a few sources, claims settled against CSV prices.

Everything on screen must be the same on every run, so `today` is fixed, the
prices are written by the test into tmp_path (never the network), and the
resolver runs with that fixed day.
"""

from __future__ import annotations

import asyncio
import inspect
import io
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from price_files import flat_bars, write_csv
from rich.console import Console
from sqlalchemy.engine import Engine
from sqlmodel import Session
from textual.app import App
from textual.pilot import Pilot

from ledger.claims.parser import parse_claim
from ledger.market.csv_source import CsvSource
from ledger.records import NewClaim
from ledger.resolver import run_resolver
from ledger.store.claims import record_claims
from ledger.store.session import open_ledger

TODAY = date(2026, 7, 13)
MADE_ON = date(2025, 11, 20)

# (source, claim text, stated probability, tags)
CLAIMS: tuple[tuple[str, str, float | None, tuple[str, ...]], ...] = (
    ("Goldman Sachs", "gold $5055 by end-2026", 0.7, ("metals",)),  # touched 2026-01-26: true
    ("Goldman Sachs", "gold $6000 by 2026-06-30", 0.4, ("metals",)),  # never: false
    ("Goldman Sachs", "gold $4500 by 2026-02-28", 0.8, ("metals",)),  # touched: true
    ("Jane Pundit", "BTC holds 80000 until 2026-03-31", 0.8, ("crypto",)),  # broken: false
    ("Jane Pundit", "BTC falls to 70000 by 2026-03-01", 0.6, ("crypto",)),  # touched: true
    ("Jane Pundit", "BTC hits 150k by 2026-12-31", 0.5, ("crypto",)),  # deadline ahead: open
    ("Morning Outlet", "gold $9000 by 2026-07-10", None, ()),  # never: false
    ("Morning Outlet", "gold $4200 by 2026-09-30", None, ("metals",)),  # touched: true (early)
)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (the pilot API is async; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    asyncio.run(pyfuncitem.obj(**arguments))
    return True


def write_prices(directory: Path) -> Path:
    """Gold at 4000 with a spike to 5100 on 2026-01-26; BTC at 90k dipping to 62k on 2026-02-05."""
    gold = flat_bars("2024-11-01", "2026-07-10", 4000.0, highs={"2026-01-26": 5100.0})
    # A gentle wave, so volatility (and the market-implied probability) is not zero.
    wave = pd.Series(range(len(gold)), index=gold.index).mod(7).sub(3).mul(15.0)
    for column in ("open", "high", "low", "close"):
        gold[column] = gold[column] + wave
    write_csv(directory, "GC=F", gold)
    write_csv(
        directory,
        "BTC-USD",
        flat_bars(
            "2024-11-01",
            "2026-07-12",
            90000.0,
            weekdays_only=False,
            lows={"2026-02-05": 62000.0},
        ),
    )
    return directory


def record(engine: Engine, claims=CLAIMS, made_on: date = MADE_ON) -> list[int]:
    with Session(engine) as session, session.begin():
        entries = [
            NewClaim(
                source=source,
                claim=parse_claim(text, made_on=made_on),
                text=text,
                probability=probability,
                tags=tags,
            )
            for source, text, probability, tags in claims
        ]
        return list(record_claims(session, entries).added)


@pytest.fixture
def prices(tmp_path: Path) -> Path:
    return write_prices(tmp_path / "prices")


@pytest.fixture
def ledger_db(tmp_path: Path, migrated_ledger: Callable[[Path], str]) -> Iterator[str]:
    """A SQLite ledger with the claims recorded but not resolved."""
    url = migrated_ledger(tmp_path / "ledger.sqlite3")
    engine = open_ledger(url)
    record(engine)
    engine.dispose()
    yield url


@pytest.fixture
def resolved_db(ledger_db: str, prices: Path) -> str:
    """The same ledger after a resolver run against the CSV prices as of TODAY."""
    engine = open_ledger(ledger_db)
    run_resolver(engine, CsvSource(prices), as_of=TODAY, today=TODAY)
    engine.dispose()
    return ledger_db


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'empty.sqlite3'}"


def _screen_text(app: App) -> str:
    """What the terminal shows now, as plain text (what the user reads)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def _settle(pilot: Pilot) -> None:
    """Wait until the workers are done and their messages handled.

    In rounds, because a handled message may start the next worker; done
    after two rounds in a row with no worker left running (each round's
    pause lets the screen handle what the last worker posted). Stopping as
    soon as it is quiet, rather than after a fixed number of rounds, is
    what keeps the TUI tests fast: every pause waits for the CPU to idle.
    """
    app = pilot.app
    quiet = 0
    for _ in range(8):
        await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(not worker.is_finished for worker in app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet == 2:
            return


@pytest.fixture
def screen_text() -> Callable[[App], str]:
    return _screen_text


@pytest.fixture
def settle() -> Callable[[Pilot], Awaitable[None]]:
    return _settle


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def record_fixed() -> Callable[[Engine], list[int]]:
    """Records the fixed claims into an engine (for ledgers on other backends)."""
    return record
