"""head timestamps: RFC 3161 tokens a time-stamp authority signed for tree heads

Revision ID: 0014_head_timestamps
Revises: 0012_review
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014_head_timestamps"
down_revision = "0013_bar_revisions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "head_timestamp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tree_size", sa.Integer(), nullable=False),
        sa.Column("root", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("tsa_url", sa.Text(), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=False),
        sa.Column("gen_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_head_timestamp")),
    )
    with op.batch_alter_table("head_timestamp", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_head_timestamp_tree_size"), ["tree_size"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("head_timestamp", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_head_timestamp_tree_size"))
    op.drop_table("head_timestamp")
