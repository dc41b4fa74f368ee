"""market baseline

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("market_prob", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("market_sigma", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("market_spot", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("market_note", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("market_computed_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_check_constraint(
            op.f("ck_prediction_market_prob"),
            "market_prob IS NULL OR (market_prob >= 0 AND market_prob <= 1)",
        )


def downgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_market_prob"), type_="check")
        batch_op.drop_column("market_computed_at")
        batch_op.drop_column("market_note")
        batch_op.drop_column("market_spot")
        batch_op.drop_column("market_sigma")
        batch_op.drop_column("market_prob")
