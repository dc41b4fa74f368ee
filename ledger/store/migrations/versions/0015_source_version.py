"""source version: what a price source said its data was when the cache read it

A CSV file's size and modification time, and the days read at that version,
so that a warm run does not read every file again for the last few days.
Existing coverage has no version: the next read records one.

Written as 0013 on 0012_review; 0013_bar_revisions and 0014_head_timestamps
reached main first, so it follows them (a ledger already at 0014 still gets it).

Revision ID: 0015_source_version
Revises: 0014_head_timestamps
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0015_source_version"
down_revision = "0014_head_timestamps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("price_coverage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source_version", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column("version_first", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("version_last", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("price_coverage", schema=None) as batch_op:
        batch_op.drop_column("version_last")
        batch_op.drop_column("version_first")
        batch_op.drop_column("source_version")
