"""proof log: append-only log of canonical entries and its Merkle tree head

The log is filled, and the guard triggers installed, when the ledger is next
opened (ledger/store/prooflog.py `ensure_log`): an existing ledger's history is
logged then, marked as attested only from that moment.

Revision ID: 0010_proof_log
Revises: 0009_ranges_vague
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010_proof_log"
down_revision = "0009_ranges_vague"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "proof_log",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.Column("leaf_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_proof_log")),
    )
    op.create_table(
        "proof_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("root", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("frontier", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("backfilled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("backfill_size", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proof_head")),
    )


def downgrade() -> None:
    from ledger.store.guards import drop_guards

    drop_guards(op.get_bind())
    op.drop_table("proof_head")
    op.drop_table("proof_log")
