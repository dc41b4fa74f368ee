"""What every command shares: which ledger, and a session on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Annotated

import typer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ledger.claims.probability import parse_probability as parse_probability_text
from ledger.errors import UsageError
from ledger.store.session import open_ledger

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger to use: a file path or a SQLAlchemy URL (default: $FORECAST_DB, "
        "else a SQLite file in the user data directory).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@dataclass
class CliState:
    db: str | None = None


STATE = CliState()


def ledger_engine(db: str | None) -> Engine:
    return open_ledger(db or STATE.db)


@contextmanager
def ledger_session(db: str | None, *, write: bool = False) -> Iterator[Session]:
    """A session on the ledger; with `write`, committed at the end or rolled back on error."""
    engine = ledger_engine(db)
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
    return None if value is None else parse_probability_text(value, field="--prob")
