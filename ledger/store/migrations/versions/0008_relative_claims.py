"""relative claims: outperformance between two assets, leg evidence on resolutions

A claim of kind 'outperform' has no level: it names a second asset
(versus_symbol, versus_asset), that asset's reference close
(versus_reference_price; the first asset's stays in reference_price) and a
margin in percentage points. Ratio claims need no column: their symbol is
compound ("GC=F/SI=F"). Resolutions of two-asset claims keep each asset's
part (dates, closes, returns) as JSON in leg_evidence.

Revision ID: 0008_relative_claims
Revises: 0007_level_rules
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_relative_claims"
down_revision = "0007_level_rules"
branch_labels = None
depends_on = None

_LEVEL_KINDS = (
    "'touch_above', 'touch_below', 'close_above', 'close_below', "
    "'hold_above', 'hold_below', 'average_above', 'average_below'"
)


def upgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("versus_symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch_op.add_column(
            sa.Column("versus_asset", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column("versus_reference_price", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("margin", sa.Float(), nullable=True))
        batch_op.drop_constraint(op.f("ck_prediction_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_prediction_kind"), f"kind IN ({_LEVEL_KINDS}, 'outperform')"
        )
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_or_relative"),
            "level IS NOT NULL OR relative_kind IS NOT NULL OR kind = 'outperform'"
            " OR level_rule IS NOT NULL",
        )
        batch_op.create_check_constraint(
            op.f("ck_prediction_outperform_versus"),
            "kind <> 'outperform' OR (versus_symbol IS NOT NULL AND margin IS NOT NULL)",
        )
        batch_op.create_check_constraint(
            op.f("ck_prediction_margin_not_negative"), "margin IS NULL OR margin >= 0"
        )
        batch_op.create_check_constraint(
            op.f("ck_prediction_versus_reference_positive"),
            "versus_reference_price IS NULL OR versus_reference_price > 0",
        )
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("leg_evidence", sa.Text(), nullable=True))


def downgrade() -> None:
    # The older schema cannot hold an outperformance: such claims (and their
    # resolutions and tags) are removed; ratio claims stay, as plain symbols.
    op.execute(
        "DELETE FROM resolution WHERE prediction_id IN "
        "(SELECT id FROM prediction WHERE kind = 'outperform')"
    )
    op.execute(
        "DELETE FROM prediction_tag WHERE prediction_id IN "
        "(SELECT id FROM prediction WHERE kind = 'outperform')"
    )
    op.execute(
        "UPDATE prediction SET revises_id = NULL WHERE revises_id IN "
        "(SELECT id FROM prediction WHERE kind = 'outperform')"
    )
    op.execute("DELETE FROM prediction WHERE kind = 'outperform'")
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_column("leg_evidence")
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_versus_reference_positive"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_margin_not_negative"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_outperform_versus"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_or_relative"),
            "level IS NOT NULL OR relative_kind IS NOT NULL OR level_rule IS NOT NULL",
        )
        batch_op.drop_constraint(op.f("ck_prediction_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_kind"), f"kind IN ({_LEVEL_KINDS})")
        batch_op.drop_column("margin")
        batch_op.drop_column("versus_reference_price")
        batch_op.drop_column("versus_asset")
        batch_op.drop_column("versus_symbol")
