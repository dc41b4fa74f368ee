"""level rules: levels computed from the market (support, moving averages, records)

Revision ID: 0007_level_rules
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_level_rules"
down_revision = "0006"
branch_labels = None
depends_on = None

_OLD_LEVEL = "level IS NOT NULL OR relative_kind IS NOT NULL"
_NEW_LEVEL = "level IS NOT NULL OR relative_kind IS NOT NULL OR level_rule IS NOT NULL"


def upgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("level_rule", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("level_params", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("level_basis", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("level_note", sa.Text(), nullable=True))
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_level_or_relative"), _NEW_LEVEL)
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_rule"),
            "level_rule IS NULL OR level_rule IN "
            "('support', 'resistance', 'sma', 'record-high', 'record-low')",
        )
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_rule_params"),
            "level_rule IS NULL OR level_params IS NOT NULL",
        )


def downgrade() -> None:
    # A pending computed level has no level to keep: such claims cannot exist
    # in the older schema, so the downgrade refuses rather than lose them.
    bind = op.get_bind()
    pending = bind.execute(
        sa.text("SELECT count(*) FROM prediction WHERE level IS NULL AND level_rule IS NOT NULL")
    ).scalar_one()
    if pending:
        raise RuntimeError(
            f"{pending} claims have a computed level still pending: run 'forecast resolve'"
            " (or void them) before downgrading"
        )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_level_rule_params"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_level_rule"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_level_or_relative"), _OLD_LEVEL)
        batch_op.drop_column("level_note")
        batch_op.drop_column("level_basis")
        batch_op.drop_column("level_params")
        batch_op.drop_column("level_rule")
