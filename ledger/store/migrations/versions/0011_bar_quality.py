"""bar quality: each cached bar's quality, and the quality a resolution stood on

Existing bars were all validated strictly (any inconsistency rejected), so they
are `ok`. Existing resolutions stood on such bars: their bar_quality is NULL.

Revision ID: 0011_bar_quality
Revises: 0010_proof_log
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011_bar_quality"
down_revision = "0010_proof_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("price_bar", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "quality",
                sqlmodel.sql.sqltypes.AutoString(length=12),
                server_default="ok",
                nullable=False,
            )
        )
        batch_op.create_check_constraint(
            op.f("ck_price_bar_quality"), "quality IN ('ok', 'repaired', 'close_only')"
        )
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("bar_quality", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_column("bar_quality")
    with op.batch_alter_table("price_bar", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_price_bar_quality"), type_="check")
        batch_op.drop_column("quality")
