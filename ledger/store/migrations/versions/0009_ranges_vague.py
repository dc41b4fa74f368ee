"""ranges and vague calls: a band's ceiling, two band kinds, the vague kind and status

A band ("between 4000 and 4500") keeps its floor in `level` and its ceiling in
the new `upper_level`; close_between and hold_between join the kinds. A vague
call ("the silver squeeze is not over") is kind 'vague' with status 'vague'
(or 'void' once voided): no level, never resolved or scored, counted. The
checks say so: only a vague call may lack a level, only a band has a ceiling,
and status 'vague' goes with kind 'vague' alone.

Revision ID: 0009_ranges_vague
Revises: 0008_relative_claims
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_ranges_vague"
down_revision = "0008_relative_claims"
branch_labels = None
depends_on = None

_OLD_KINDS = (
    "touch_above",
    "touch_below",
    "close_above",
    "close_below",
    "hold_above",
    "hold_below",
    "average_above",
    "average_below",
    "outperform",
)
_NEW_KINDS = (*_OLD_KINDS, "close_between", "hold_between", "vague")
_OLD_STATUSES = ("open", "true", "false", "void")
_NEW_STATUSES = (*_OLD_STATUSES, "vague")

_OLD_LEVEL_OR_RELATIVE = (
    "level IS NOT NULL OR relative_kind IS NOT NULL OR kind = 'outperform'"
    " OR level_rule IS NOT NULL"
)
_NEW_LEVEL_OR_RELATIVE = (
    "kind = 'vague' OR level IS NOT NULL OR relative_kind IS NOT NULL OR kind = 'outperform'"
    " OR level_rule IS NOT NULL"
)
_BAND = (
    "(kind IN ('close_between', 'hold_between') AND level IS NOT NULL"
    " AND upper_level IS NOT NULL AND relative_kind IS NULL AND level < upper_level)"
    " OR (kind NOT IN ('close_between', 'hold_between') AND upper_level IS NULL)"
)
_VAGUE = (
    "(kind = 'vague' AND status IN ('vague', 'void') AND level IS NULL"
    " AND relative_kind IS NULL AND probability IS NULL)"
    " OR (kind <> 'vague' AND status <> 'vague')"
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("upper_level", sa.Float(), nullable=True))
        batch_op.drop_constraint(op.f("ck_prediction_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_kind"), _in("kind", _NEW_KINDS))
        batch_op.drop_constraint(op.f("ck_prediction_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_status"), _in("status", _NEW_STATUSES))
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_or_relative"), _NEW_LEVEL_OR_RELATIVE
        )
        batch_op.create_check_constraint(op.f("ck_prediction_band"), _BAND)
        batch_op.create_check_constraint(op.f("ck_prediction_vague"), _VAGUE)


def downgrade() -> None:
    # Bands and vague calls have no form in the older schema: refuse rather than lose them.
    connection = op.get_bind()
    count = connection.execute(
        sa.text(
            "SELECT COUNT(*) FROM prediction WHERE kind IN ('close_between', 'hold_between',"
            " 'vague')"
        )
    ).scalar_one()
    if count:
        raise RuntimeError(
            f"{count} claims are bands or vague calls, which revision 0008 cannot hold:"
            " export the ledger before downgrading"
        )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_prediction_vague"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_band"), type_="check")
        batch_op.drop_constraint(op.f("ck_prediction_level_or_relative"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_prediction_level_or_relative"), _OLD_LEVEL_OR_RELATIVE
        )
        batch_op.drop_constraint(op.f("ck_prediction_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_status"), _in("status", _OLD_STATUSES))
        batch_op.drop_constraint(op.f("ck_prediction_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_prediction_kind"), _in("kind", _OLD_KINDS))
        batch_op.drop_column("upper_level")
