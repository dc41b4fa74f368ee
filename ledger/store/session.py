"""Opening a ledger: engine plus schema check, in one call."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from ledger.store.engine import make_engine
from ledger.store.schema import ensure_current


def open_ledger(db: str | None = None) -> Engine:
    """An engine for the ledger at `db`, migrated to the current schema."""
    engine = make_engine(db)
    ensure_current(engine)
    return engine
