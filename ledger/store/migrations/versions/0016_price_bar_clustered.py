"""price bar clustered: the bar cache keyed by (symbol, date), without a surrogate id

Every read of `price_bar` is one symbol's date range and every write an upsert
on (symbol, date); the `id` column was never read. In SQLite the table becomes
WITHOUT ROWID, one B-tree clustered on the key, where it was a rowid table plus
a unique index (two B-tree inserts per bar; a cold run stores half a million).
In PostgreSQL the primary key takes the place of the unique constraint. Every
cached bar is kept as it was.

Revision ID: 0016_price_bar_clustered
Revises: 0015_source_version
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0016_price_bar_clustered"
down_revision = "0015_source_version"
branch_labels = None
depends_on = None

_COLUMNS = "symbol, date, open, high, low, close, volume, quality, data_source, fetched_at"
_FIELDS = """
    symbol VARCHAR(40) NOT NULL,
    date DATE NOT NULL,
    open FLOAT NOT NULL,
    high FLOAT NOT NULL,
    low FLOAT NOT NULL,
    close FLOAT NOT NULL,
    volume FLOAT,
    quality VARCHAR(12) DEFAULT 'ok' NOT NULL,
    data_source VARCHAR(200) NOT NULL,
    fetched_at DATETIME NOT NULL,"""
_CHECKS = """
    CONSTRAINT ck_price_bar_high_low CHECK (high >= low),
    CONSTRAINT ck_price_bar_quality CHECK (quality IN ('ok', 'repaired', 'close_only'))"""


def _sqlite_rebuild(create: str) -> None:
    """Copy the bars into a table made by `create` (named price_bar_new), in key order."""
    op.execute(create)
    op.execute(
        f"INSERT INTO price_bar_new ({_COLUMNS}) SELECT {_COLUMNS} FROM price_bar "
        "ORDER BY symbol, date"
    )
    op.execute("DROP TABLE price_bar")
    op.execute("ALTER TABLE price_bar_new RENAME TO price_bar")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rebuild(
            f"CREATE TABLE price_bar_new ({_FIELDS}"
            "\n    CONSTRAINT pk_price_bar PRIMARY KEY (symbol, date),"
            f"{_CHECKS}\n) WITHOUT ROWID"
        )
        return
    op.drop_constraint("uq_price_bar_symbol_date", "price_bar", type_="unique")
    op.drop_constraint("pk_price_bar", "price_bar", type_="primary")
    op.drop_column("price_bar", "id")
    op.create_primary_key("pk_price_bar", "price_bar", ["symbol", "date"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_rebuild(
            f"CREATE TABLE price_bar_new (\n    id INTEGER NOT NULL,{_FIELDS}"
            "\n    CONSTRAINT pk_price_bar PRIMARY KEY (id),"
            "\n    CONSTRAINT uq_price_bar_symbol_date UNIQUE (symbol, date),"
            f"{_CHECKS}\n)"
        )
        return
    op.drop_constraint("pk_price_bar", "price_bar", type_="primary")
    op.execute("ALTER TABLE price_bar ADD COLUMN id SERIAL")
    op.create_primary_key("pk_price_bar", "price_bar", ["id"])
    op.create_unique_constraint("uq_price_bar_symbol_date", "price_bar", ["symbol", "date"])
