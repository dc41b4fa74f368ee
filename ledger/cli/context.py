"""What every command shares: which ledger, and a session on it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.errors import NoLedgerError, UsageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# Every command module imports this one, and `forecast --help` imports every
# command module: the store (SQLAlchemy, SQLModel) is imported by the functions
# below, when a command opens a ledger, not here.


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a bulk command's work.

    An import builds millions of small objects (parser events, entry dicts,
    claims, rows) that live until it ends and form no cycles, and each of the
    collector's full passes walks every one of them again: a fifth of the CPU
    of reading a 100k-entry file. Reference counting frees as ever; a cycle
    made meanwhile (an exception's traceback) waits for the collector, which
    resumes when the block ends, however it ends.

    What the block made goes to the oldest generation as it resumes: otherwise
    the first allocation after it starts a collection of the youngest, which
    by then holds everything made in the block (every entry of an import,
    still alive) and walks it all (0.1-0.25 s of a 100k-entry import) to free
    nothing. `gc.freeze` and `gc.unfreeze` move the generations whole without
    walking them; the oldest is collected by the collector's own rule, as
    before. Skipped when some objects are frozen already (they would thaw).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.enable()
            gc.unfreeze()
        else:
            gc.enable()


def check_db(value: str | None) -> str | None:
    """Typer callback for --db: an empty value (`--db "$LEDGER"` with the variable unset)
    would otherwise mean the default ledger, and a write would land there unasked."""
    if value is not None and not value.strip():
        raise typer.BadParameter(
            "is empty: give a file path or a URL, or leave --db out for the default ledger"
        )
    return value


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger to use: a file path or a SQLAlchemy URL (default: $FORECAST_DB, "
        "else a SQLite file in the user data directory).",
        show_default=False,
        callback=check_db,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]

# Ids are INTEGER columns: 64 bits in SQLite but 32 in PostgreSQL, so 2^31-1
# is the largest id every ledger can hold (and far more claims than any ledger
# will see). A larger number cannot name a claim, and binding it raises
# OverflowError (SQLite) or a driver error (PostgreSQL) far from the command line.
MAX_ID = 2**31 - 1


def check_id(value: int | None) -> int | None:
    """Typer callback for every claim-id argument and option: 1..2^63-1."""
    if value is not None and not 1 <= value <= MAX_ID:
        raise typer.BadParameter(f"{value} is not a claim id (ids are 1 to {MAX_ID})")
    return value


@dataclass
class CliState:
    db: str | None = None


STATE = CliState()


def ledger_engine(db: str | None, *, write: bool = True) -> Engine:
    """The ledger's engine; without `write` the ledger must already exist (a
    command that only reads never creates one)."""
    from ledger.store.session import open_ledger

    return open_ledger(db or STATE.db, write=write)


@contextmanager
def ledger_session(
    db: str | None, *, write: bool = False, or_empty: bool = False
) -> Iterator[Session]:
    """A session on the ledger; with `write`, committed at the end or rolled back on error.

    Without `write` the ledger must exist: a mistyped --db says there is no
    ledger there rather than creating an empty one that lists no claims. With
    `or_empty` (commands that only preview: parse, add --dry-run) a missing
    ledger reads as an empty one, with a note, and still nothing is created.
    """
    from sqlalchemy.orm import Session

    try:
        engine = ledger_engine(db, write=write)
    except NoLedgerError as exc:
        if not or_empty:
            raise
        from ledger.cli import lines
        from ledger.store.session import empty_ledger_engine

        lines.note(f"no ledger at {exc.where}: reading without your aliases or prices")
        engine = empty_ledger_engine()
    try:
        with Session(engine, expire_on_commit=False) as session:
            if write:
                with session.begin():
                    yield session
            else:
                yield session
    finally:
        engine.dispose()


def parse_date_option(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"{option} {value!r} is not a date: write YYYY-MM-DD, e.g. 2025-11-20"
        ) from exc


def parse_probability(value: str | None) -> float | None:
    """--prob accepts 0.7 or 70%."""
    if value is None:
        return None
    from ledger.claims.probability import parse_probability as parse_probability_text

    return parse_probability_text(value, field="--prob")
