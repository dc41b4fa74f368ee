"""The in-memory ledger that previews read when no ledger exists."""

from __future__ import annotations

from sqlalchemy import text

from ledger.store.schema import current_revision, head_revision
from ledger.store.session import empty_ledger_engine


def test_each_empty_ledger_is_at_the_current_schema_and_shares_no_row() -> None:
    """Engines are copies of one migrated database: a write to one is in no other."""
    first, second = empty_ledger_engine(), empty_ledger_engine()
    try:
        with first.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO alias (alias, symbol, created_at) "
                    "VALUES ('shiny', 'GC=F', CURRENT_TIMESTAMP)"
                )
            )
        third = empty_ledger_engine()
        for engine in (first, second, third):
            assert current_revision(engine) == head_revision()
        counts = []
        for engine in (first, second, third):
            with engine.connect() as connection:
                counts.append(connection.execute(text("SELECT count(*) FROM alias")).scalar())
        assert counts == [1, 0, 0]
        with third.connect() as connection:
            triggers = connection.execute(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
            ).scalar()
        assert triggers  # the proof log's guards, as on any ledger
    finally:
        for engine in (first, second, third):
            engine.dispose()
