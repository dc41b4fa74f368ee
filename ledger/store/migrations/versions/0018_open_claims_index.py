"""open claims index: the status indexes of `prediction` become one partial index

Settling a claim changes its `status`, and both indexes that held the column
(`ix_prediction_status_deadline` on (status, deadline) and
`ix_prediction_symbol_status` on (symbol, status)) had an entry deleted and
one inserted for it: four B-tree writes a claim, two thirds of a resolve run's
status UPDATE (bench/README.md, sessions 15 and 16). In their place:

- `ix_prediction_open_deadline` on (deadline) WHERE status = 'open': the open
  claims, which are what the resolver, the due list and the TUI's open list
  read; settling a claim deletes its entry and inserts none.
- `ix_prediction_symbol` on (symbol): one symbol's claims (a bar revision's
  re-judging, `forecast list --symbol`); `symbol` never changes, so no
  status change touches it.

A filter on a settled status alone (`forecast list --status true`) reads the
table, as it mostly did: about half of a ledger's claims share each of the
two outcomes, and reading that many rows through an index costs more than
reading the table in order.

Revision ID: 0018_open_claims_index
Revises: 0017_price_bar_blocks
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_open_claims_index"
down_revision = "0017_price_bar_blocks"
branch_labels = None
depends_on = None

_OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.drop_index("ix_prediction_status_deadline", table_name="prediction")
    op.drop_index("ix_prediction_symbol_status", table_name="prediction")
    op.create_index(
        "ix_prediction_open_deadline",
        "prediction",
        ["deadline"],
        sqlite_where=_OPEN,
        postgresql_where=_OPEN,
    )
    op.create_index("ix_prediction_symbol", "prediction", ["symbol"])


def downgrade() -> None:
    op.drop_index("ix_prediction_symbol", table_name="prediction")
    op.drop_index("ix_prediction_open_deadline", table_name="prediction")
    op.create_index("ix_prediction_status_deadline", "prediction", ["status", "deadline"])
    op.create_index("ix_prediction_symbol_status", "prediction", ["symbol", "status"])
