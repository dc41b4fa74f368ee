"""resolver state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolve_lock",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("holder", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("host", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_resolve_lock")),
    )
    op.create_table(
        "split",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("ratio", sa.Float(), nullable=False),
        sa.Column("data_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ratio > 0", name=op.f("ck_split_ratio_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_split")),
        sa.UniqueConstraint("symbol", "date", name=op.f("uq_split_symbol_date")),
    )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("open_reason", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )
        batch_op.add_column(sa.Column("open_detail", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_prediction_open_reason"),
            "open_reason IS NULL OR open_reason IN ('waiting_for_deadline', 'waiting_for_data', "
            "'unknown_symbol', 'no_data_in_window', 'source_error')",
        )

    with op.batch_alter_table("resolve_run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("symbols", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("requests", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(
            sa.Column("bars_stored", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("bars_rejected", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("resolve_run", schema=None) as batch_op:
        batch_op.drop_column("bars_rejected")
        batch_op.drop_column("bars_stored")
        batch_op.drop_column("requests")
        batch_op.drop_column("symbols")

    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_open_reason"), type_="check")
        batch_op.drop_column("checked_at")
        batch_op.drop_column("open_detail")
        batch_op.drop_column("open_reason")

    op.drop_table("split")
    op.drop_table("resolve_lock")
