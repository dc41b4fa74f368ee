"""data gaps: rejected bar dates, two open reasons, interrupted runs

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_OLD_REASONS = (
    "open_reason IS NULL OR open_reason IN ('waiting_for_deadline', 'waiting_for_data', "
    "'unknown_symbol', 'no_data_in_window', 'source_error')"
)
_NEW_REASONS = (
    "open_reason IS NULL OR open_reason IN ('waiting_for_deadline', 'waiting_for_data', "
    "'unknown_symbol', 'no_data_in_window', 'source_error', 'data_gap', 'invalid_claim')"
)


def upgrade() -> None:
    op.create_table(
        "price_gap",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("data_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_gap")),
        sa.UniqueConstraint("symbol", "date", name=op.f("uq_price_gap_symbol_date")),
    )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_open_reason"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_open_reason"), _NEW_REASONS)
    with op.batch_alter_table("resolve_run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("interrupted_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("resolve_run", schema=None) as batch_op:
        batch_op.drop_column("interrupted_at")
    op.execute(
        "UPDATE prediction SET open_reason = 'waiting_for_data' "
        "WHERE open_reason IN ('data_gap', 'invalid_claim')"
    )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_open_reason"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_open_reason"), _OLD_REASONS)
    op.drop_table("price_gap")
