"""claim list indexes: the claims by deadline and by the day they were made

The TUI's claims list and `forecast list` show a page of claims in one of two
orders: soonest deadline first, or newest call first (`ledger.store.views`,
`ClaimOrder`). With no index in either order, each page read every claim of
the ledger and sorted them to keep fifty: about 350 ms a page on a
200,000-claim ledger, and as much for a page filtered to a settled status
once 0018 dropped the (status, deadline) index. With these two, a page walks
the index in order and stops when it is full (16-50 ms on the same ledger,
bench/README.md, session 18).

Neither column ever changes (a claim's defining fields are guarded by
`ledger_guard_claim_update`), so settling a claim touches neither index: the
cost is one entry in each when a claim is recorded. `id` follows the day in
each, as the lists break ties by id.

Revision ID: 0019_claim_list_indexes
Revises: 0018_open_claims_index
Create Date: 2026-12-08
"""

from __future__ import annotations

from alembic import op

revision = "0019_claim_list_indexes"
down_revision = "0018_open_claims_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_prediction_deadline", "prediction", ["deadline", "id"])
    op.create_index("ix_prediction_made_on", "prediction", ["made_on", "id"])


def downgrade() -> None:
    op.drop_index("ix_prediction_made_on", table_name="prediction")
    op.drop_index("ix_prediction_deadline", table_name="prediction")
