"""Alembic environment: always run programmatically with a live connection.

`ledger.store.schema.upgrade` hands the connection over in
`config.attributes["connection"]`; there is no alembic.ini to keep in sync.
"""

from __future__ import annotations

from alembic import context

from ledger.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER constraints; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
