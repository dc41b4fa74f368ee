"""price bar blocks: the bar cache as one row per symbol and year of packed columns

A cold resolve run cached half a million bars as rows of `price_bar`, and
SQLite's work on those rows (one B-tree upsert per bar) cost the run more than
its whole numpy floor. `price_bar_block` holds the same bars as one row per
symbol and calendar year, each column packed (`ledger.store.bar_blocks`
describes the format): 2,000 rows for ten years of 200 symbols. Every cached
bar is kept, with its quality, source and fetch time; the downgrade unpacks
them into `price_bar` rows again.

Revision ID: 0017_price_bar_blocks
Revises: 0016_price_bar_clustered
Create Date: 2026-12-07
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0017_price_bar_blocks"
down_revision = "0016_price_bar_clustered"
branch_labels = None
depends_on = None

_BLOBS = ("days", "open", "high", "low", "close", "volume", "quality", "fetched_at")
_BLOCK_LENGTHS = (
    "length(days) = 4 * bars AND length(open) = 8 * bars AND length(high) = 8 * bars"
    " AND length(low) = 8 * bars AND length(close) = 8 * bars AND length(volume) = 8 * bars"
    " AND length(quality) = bars AND length(fetched_at) = 8 * bars AND length(source) = 2 * bars"
)
_BAR_QUALITIES = ("ok", "repaired", "close_only")

_bar = sa.table(
    "price_bar",
    sa.column("symbol", sa.String),
    sa.column("date", sa.Date),
    sa.column("open", sa.Float),
    sa.column("high", sa.Float),
    sa.column("low", sa.Float),
    sa.column("close", sa.Float),
    sa.column("volume", sa.Float),
    sa.column("quality", sa.String),
    sa.column("data_source", sa.String),
    sa.column("fetched_at", sa.DateTime(timezone=True)),
)
_block = sa.table(
    "price_bar_block",
    sa.column("symbol", sa.String),
    sa.column("year", sa.Integer),
    sa.column("first", sa.Date),
    sa.column("last", sa.Date),
    sa.column("bars", sa.Integer),
    *(sa.column(name, sa.LargeBinary) for name in _BLOBS),
    sa.column("data_sources", sa.Text),
    sa.column("source", sa.LargeBinary),
)
_BAR_NAMES = ("open", "high", "low", "close", "volume", "quality", "data_source", "fetched_at")


def _create_blocks() -> None:
    op.create_table(
        "price_bar_block",
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first", sa.Date(), nullable=False),
        sa.Column("last", sa.Date(), nullable=False),
        sa.Column("bars", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.LargeBinary(), nullable=False) for name in _BLOBS),
        sa.Column("data_sources", sa.Text(), nullable=False),
        sa.Column("source", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("bars > 0", name=op.f("ck_price_bar_block_bars_positive")),
        sa.CheckConstraint("first <= last", name=op.f("ck_price_bar_block_first_before_last")),
        sa.CheckConstraint(_BLOCK_LENGTHS, name=op.f("ck_price_bar_block_lengths")),
        sa.PrimaryKeyConstraint("symbol", "year", name="pk_price_bar_block"),
        sqlite_with_rowid=False,
    )


def _moment(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _codes(names: tuple[str, ...]) -> tuple:
    """Each bar's source as a position in the list of the names (the block's form)."""
    import numpy as np

    known, codes = np.unique(np.array(names, dtype=str), return_inverse=True)
    return codes.astype(np.uint16), tuple(known.tolist())


def upgrade() -> None:
    import numpy as np

    from ledger.store.bar_blocks import BarArrays, encode_blocks, microseconds

    _create_blocks()
    connection = op.get_bind()
    symbols = [
        row[0]
        for row in connection.execute(sa.select(_bar.c.symbol).distinct().order_by(_bar.c.symbol))
    ]
    for symbol in symbols:
        rows = connection.execute(
            sa.select(_bar.c.date, *(_bar.c[name] for name in _BAR_NAMES))
            .where(_bar.c.symbol == symbol)
            .order_by(_bar.c.date)
        ).all()
        days, opens, highs, lows, closes, volumes, qualities, sources, fetched = zip(
            *rows, strict=True
        )
        bars = BarArrays(
            np.array([day.toordinal() - 719163 for day in days], dtype=np.int32),
            *(
                np.array([np.nan if v is None else v for v in column], dtype=np.float64)
                for column in (opens, highs, lows, closes, volumes)
            ),
            np.array([_BAR_QUALITIES.index(q) for q in qualities], dtype=np.uint8),
            np.array([microseconds(_moment(f)) for f in fetched], dtype=np.int64),
            *_codes(sources),
        )
        blocks = encode_blocks(symbol, bars)
        connection.execute(
            _block.insert(),
            [dict(zip(_block.c.keys(), block, strict=True)) for block in blocks],
        )
    op.drop_table("price_bar")


def downgrade() -> None:
    from ledger.store.bar_blocks import decode_block

    op.create_table(
        "price_bar",
        sa.Column("symbol", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("open", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("close", sa.Float(), nullable=False),
        sa.Column("volume", sa.Float(), nullable=True),
        sa.Column("quality", sa.String(length=12), server_default="ok", nullable=False),
        sa.Column("data_source", sa.String(length=200), nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        # op.f: the names as 0016 left them, not run through the metadata's naming convention
        # (which would make "ck_price_bar_ck_price_bar_quality", a name 0011's downgrade
        # does not know)
        sa.CheckConstraint("high >= low", name=op.f("ck_price_bar_high_low")),
        sa.CheckConstraint(
            "quality IN ('ok', 'repaired', 'close_only')", name=op.f("ck_price_bar_quality")
        ),
        sa.PrimaryKeyConstraint("symbol", "date", name=op.f("pk_price_bar")),
        sqlite_with_rowid=False,
    )
    connection = op.get_bind()
    query = sa.select(
        _block.c.symbol, *(_block.c[name] for name in _BLOBS), _block.c.data_sources,
        _block.c.source,
    ).order_by(_block.c.symbol, _block.c.year)  # fmt: skip
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    for symbol, *packed in connection.execute(query).all():
        bars = decode_block(packed)
        rows = [
            {
                "symbol": symbol,
                "date": (epoch + timedelta(days=day)).date(),
                "open": o,
                "high": h,
                "low": lo,
                "close": c,
                "volume": None if v != v else v,
                "quality": _BAR_QUALITIES[q],
                "data_source": s,
                "fetched_at": epoch + timedelta(microseconds=f),
            }
            for day, o, h, lo, c, v, q, f, s in zip(
                bars.days.tolist(),
                bars.open.tolist(),
                bars.high.tolist(),
                bars.low.tolist(),
                bars.close.tolist(),
                bars.volume.tolist(),
                bars.quality.tolist(),
                bars.fetched_at.tolist(),
                bars.source_names(),
                strict=True,
            )
        ]
        connection.execute(_bar.insert(), rows)
    op.drop_table("price_bar_block")
