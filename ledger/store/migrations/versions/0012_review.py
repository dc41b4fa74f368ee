"""review: what a human decided about a flagged resolution (accept, re-judge on closes)

Revision ID: 0012_review
Revises: 0011_bar_quality
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012_review"
down_revision = "0011_bar_quality"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prediction_id", sa.Integer(), nullable=False),
        sa.Column("resolution_id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("new_resolution_id", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("action IN ('accept', 'rejudge')", name=op.f("ck_review_action_action")),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('true', 'false', 'void')",
            name=op.f("ck_review_action_outcome"),
        ),
        sa.CheckConstraint(
            "action = 'rejudge' OR (outcome IS NULL AND new_resolution_id IS NULL)",
            name=op.f("ck_review_action_accept_changes_nothing"),
        ),
        sa.ForeignKeyConstraint(
            ["new_resolution_id"],
            ["resolution.id"],
            name=op.f("fk_review_action_new_resolution_id_resolution"),
        ),
        sa.ForeignKeyConstraint(
            ["prediction_id"],
            ["prediction.id"],
            name=op.f("fk_review_action_prediction_id_prediction"),
        ),
        sa.ForeignKeyConstraint(
            ["resolution_id"],
            ["resolution.id"],
            name=op.f("fk_review_action_resolution_id_resolution"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_action")),
    )
    with op.batch_alter_table("review_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_action_prediction_id"), ["prediction_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_review_action_resolution_id"), ["resolution_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("review_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_action_resolution_id"))
        batch_op.drop_index(batch_op.f("ix_review_action_prediction_id"))
    op.drop_table("review_action")
