"""bar revisions: old and new values of a re-fetched bar that changed, and the
resolutions that stood on it; resolutions may be "revised" (re-judged after one)

Revision ID: 0013_bar_revisions
Revises: 0012_review
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013_bar_revisions"
down_revision = "0012_review"
branch_labels = None
depends_on = None

_WITH_REVISED = "('auto', 'manual', 'imported', 'revised')"
_WITHOUT = "('auto', 'manual', 'imported')"


def _methods(allowed: str) -> None:
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_resolution_method"), type_="check")
        batch_op.drop_constraint(op.f("ck_resolution_claimed_method"), type_="check")
        batch_op.create_check_constraint(op.f("ck_resolution_method"), f"method IN {allowed}")
        batch_op.create_check_constraint(
            op.f("ck_resolution_claimed_method"),
            f"claimed_method IS NULL OR claimed_method IN {allowed}",
        )


def upgrade() -> None:
    op.create_table(
        "bar_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("old_open", sa.Float(), nullable=False),
        sa.Column("old_high", sa.Float(), nullable=False),
        sa.Column("old_low", sa.Float(), nullable=False),
        sa.Column("old_close", sa.Float(), nullable=False),
        sa.Column("old_quality", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("new_open", sa.Float(), nullable=True),
        sa.Column("new_high", sa.Float(), nullable=True),
        sa.Column("new_low", sa.Float(), nullable=True),
        sa.Column("new_close", sa.Float(), nullable=True),
        sa.Column("new_quality", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("data_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("revised_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["resolve_run.id"], name=op.f("fk_bar_revision_run_id_resolve_run")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bar_revision")),
    )
    with op.batch_alter_table("bar_revision", schema=None) as batch_op:
        batch_op.create_index("ix_bar_revision_symbol_date", ["symbol", "date"], unique=False)
        batch_op.create_index(batch_op.f("ix_bar_revision_run_id"), ["run_id"], unique=False)
    op.create_table(
        "resolution_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("bar_revision_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("new_resolution_id", sa.Integer(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bar_revision_id"],
            ["bar_revision.id"],
            name=op.f("fk_resolution_revision_bar_revision_id_bar_revision"),
        ),
        sa.ForeignKeyConstraint(
            ["new_resolution_id"],
            ["resolution.id"],
            name=op.f("fk_resolution_revision_new_resolution_id_resolution"),
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_resolution_revision_resolution_id_resolution"),
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["resolve_run.id"], name=op.f("fk_resolution_revision_run_id_resolve_run")
        ),
        sa.CheckConstraint(
            "outcome IN ('true', 'false', 'open')", name=op.f("ck_resolution_revision_outcome")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution_revision")),
    )
    with op.batch_alter_table("resolution_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resolution_revision_resolution_id"), ["resolution_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resolution_revision_bar_revision_id"), ["bar_revision_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resolution_revision_run_id"), ["run_id"], unique=False)
    _methods(_WITH_REVISED)


def downgrade() -> None:
    from ledger.store.guards import drop_guards

    # The guards refuse the rewrite below; the next open installs them again.
    drop_guards(op.get_bind())
    # A revised verdict is the resolver's own: the older schema calls that "auto".
    op.execute("UPDATE resolution SET method = 'auto' WHERE method = 'revised'")
    op.execute("UPDATE resolution SET claimed_method = 'auto' WHERE claimed_method = 'revised'")
    with op.batch_alter_table("resolution_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resolution_revision_run_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_revision_bar_revision_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_revision_resolution_id"))
    op.drop_table("resolution_revision")
    with op.batch_alter_table("bar_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bar_revision_run_id"))
        batch_op.drop_index("ix_bar_revision_symbol_date")
    op.drop_table("bar_revision")
    _methods(_WITHOUT)
