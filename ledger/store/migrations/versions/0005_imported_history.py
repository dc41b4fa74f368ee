"""imported history: claimed logging times, "imported" resolutions

An import file's created_at and resolutions are history it claims, not
facts: the claim's created_at is the ledger's clock, the file's time goes
to prediction.claimed_created_at, and its resolutions are stored with
method 'imported' (what they said they were in claimed_method/claimed_at),
never current except as the void of a claim the source's ledger voided.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimed_created_at", sa.DateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimed_method", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(op.f("ck_resolution_method"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_resolution_method"), "method IN ('auto', 'manual', 'imported')"
        )
        batch_op.create_check_constraint(
            op.f("ck_resolution_claimed_method"),
            "claimed_method IS NULL OR claimed_method IN ('auto', 'manual', 'imported')",
        )
        batch_op.create_check_constraint(
            op.f("ck_resolution_imported_decides_nothing"),
            "method <> 'imported' OR NOT is_current OR outcome = 'void'",
        )


def downgrade() -> None:
    # Imported resolutions have no place in the older schema: they become
    # manual history, which the older code showed and never re-judged.
    op.execute("UPDATE resolution SET method = 'manual' WHERE method = 'imported'")
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_resolution_imported_decides_nothing"), type_="check")
        batch_op.drop_constraint(op.f("ck_resolution_claimed_method"), type_="check")
        batch_op.drop_constraint(op.f("ck_resolution_method"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_resolution_method"), "method IN ('auto', 'manual')"
        )
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("claimed_method")
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_column("claimed_created_at")
