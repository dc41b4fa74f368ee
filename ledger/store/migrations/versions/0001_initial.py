"""initial ledger schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("alias = lower(alias)", name=op.f("ck_alias_alias_lower")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alias")),
        sa.UniqueConstraint("alias", name=op.f("uq_alias_alias")),
    )
    op.create_table(
        "price_bar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("open", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("close", sa.Float(), nullable=False),
        sa.Column("volume", sa.Float(), nullable=True),
        sa.Column("data_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("high >= low", name=op.f("ck_price_bar_high_low")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_bar")),
        sa.UniqueConstraint("symbol", "date", name=op.f("uq_price_bar_symbol_date")),
    )
    op.create_table(
        "resolve_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("price_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("claims_checked", sa.Integer(), nullable=False),
        sa.Column("resolved_true", sa.Integer(), nullable=False),
        sa.Column("resolved_false", sa.Integer(), nullable=False),
        sa.Column("still_open", sa.Integer(), nullable=False),
        sa.Column("failed_symbols", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolve_run")),
    )
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('person', 'bank', 'outlet', 'self', 'other')", name=op.f("ck_source_kind")
        ),
        sa.CheckConstraint("name_key = lower(name_key)", name=op.f("ck_source_name_key_lower")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("name_key", name=op.f("uq_source_name_key")),
    )
    op.create_table(
        "prediction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("symbol", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("asset", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("level", sa.Float(), nullable=True),
        sa.Column("relative_kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
        sa.Column("relative_value", sa.Float(), nullable=True),
        sa.Column("reference_price", sa.Float(), nullable=True),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("window_start", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("normalized", sa.Text(), nullable=False),
        sa.Column("assumptions", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("revises_id", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('touch_above', 'touch_below', 'close_above', 'close_below', 'hold_above', 'hold_below', 'average_above', 'average_below')",
            name=op.f("ck_prediction_kind"),
        ),
        sa.CheckConstraint(
            "relative_kind IS NULL OR relative_kind IN ('percent', 'multiple')",
            name=op.f("ck_prediction_relative_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'true', 'false', 'void')", name=op.f("ck_prediction_status")
        ),
        sa.CheckConstraint(
            "deadline >= made_on", name=op.f("ck_prediction_deadline_after_made_on")
        ),
        sa.CheckConstraint(
            "level IS NOT NULL OR relative_kind IS NOT NULL",
            name=op.f("ck_prediction_level_or_relative"),
        ),
        sa.CheckConstraint("level IS NULL OR level > 0", name=op.f("ck_prediction_level_positive")),
        sa.CheckConstraint(
            "probability IS NULL OR (probability >= 0 AND probability <= 1)",
            name=op.f("ck_prediction_probability"),
        ),
        sa.CheckConstraint(
            "reference_price IS NULL OR reference_price > 0",
            name=op.f("ck_prediction_reference_positive"),
        ),
        sa.CheckConstraint(
            "window_start <= deadline", name=op.f("ck_prediction_window_start_before_deadline")
        ),
        sa.ForeignKeyConstraint(
            ["revises_id"], ["prediction.id"], name=op.f("fk_prediction_revises_id_prediction")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_prediction_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prediction")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_prediction_fingerprint")),
    )
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prediction_revises_id"), ["revises_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_prediction_source_id"), ["source_id"], unique=False)
        batch_op.create_index("ix_prediction_status_deadline", ["status", "deadline"], unique=False)
        batch_op.create_index("ix_prediction_symbol_status", ["symbol", "status"], unique=False)

    op.create_table(
        "prediction_tag",
        sa.Column("prediction_id", sa.Integer(), nullable=False),
        sa.Column("tag", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["prediction_id"],
            ["prediction.id"],
            name=op.f("fk_prediction_tag_prediction_id_prediction"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("prediction_id", "tag", name=op.f("pk_prediction_tag")),
    )
    with op.batch_alter_table("prediction_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_prediction_tag_tag"), ["tag"], unique=False)

    op.create_table(
        "resolution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("prediction_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("evidence_date", sa.Date(), nullable=True),
        sa.Column("evidence_price", sa.Float(), nullable=True),
        sa.Column("evidence_field", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("level_used", sa.Float(), nullable=True),
        sa.Column("split_factor", sa.Float(), nullable=True),
        sa.Column("closest_date", sa.Date(), nullable=True),
        sa.Column("closest_price", sa.Float(), nullable=True),
        sa.Column("days_to_touch", sa.Integer(), nullable=True),
        sa.Column("data_source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("method IN ('auto', 'manual')", name=op.f("ck_resolution_method")),
        sa.CheckConstraint(
            "outcome IN ('true', 'false', 'void')", name=op.f("ck_resolution_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["prediction_id"],
            ["prediction.id"],
            name=op.f("fk_resolution_prediction_id_prediction"),
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["resolve_run.id"], name=op.f("fk_resolution_run_id_resolve_run")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resolution")),
    )
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resolution_prediction_id"), ["prediction_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resolution_run_id"), ["run_id"], unique=False)
        batch_op.create_index(
            "uq_resolution_current",
            ["prediction_id"],
            unique=True,
            sqlite_where=sa.text("is_current"),
            postgresql_where=sa.text("is_current"),
        )


def downgrade() -> None:
    with op.batch_alter_table("resolution", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_resolution_current",
            sqlite_where=sa.text("is_current"),
            postgresql_where=sa.text("is_current"),
        )
        batch_op.drop_index(batch_op.f("ix_resolution_run_id"))
        batch_op.drop_index(batch_op.f("ix_resolution_prediction_id"))

    op.drop_table("resolution")
    with op.batch_alter_table("prediction_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prediction_tag_tag"))

    op.drop_table("prediction_tag")
    with op.batch_alter_table("prediction", schema=None) as batch_op:
        batch_op.drop_index("ix_prediction_symbol_status")
        batch_op.drop_index("ix_prediction_status_deadline")
        batch_op.drop_index(batch_op.f("ix_prediction_source_id"))
        batch_op.drop_index(batch_op.f("ix_prediction_revises_id"))

    op.drop_table("prediction")
    op.drop_table("source")
    op.drop_table("resolve_run")
    op.drop_table("price_bar")
    op.drop_table("alias")
