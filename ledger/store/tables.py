"""The ledger's tables.

Integrity lives in the schema, not only in Python: probability range, deadline
not before made_on, closed sets of kinds and statuses, unique fingerprints,
one current resolution per claim, unique (symbol, date) bars. Every constraint
has a stable name (the naming convention below) so migrations can alter it,
SQLite included.

Rows never leave `ledger.store`: queries turn them into frozen dataclasses.

These classes are the schema's truth (Alembic compares them, the migrations
build them). The everyday commands use the same tables as plain Core `Table`s
(`ledger.store.core_tables`, held to these by a test), which also holds the
value sets and constraint definitions both share: building these seventeen
classes is 60-90 ms that `add`, `list`, `show` and `score` do not pay.

Unlike the rest of the package this module does not postpone annotations
(`from __future__ import annotations`): pydantic evaluates every field's
annotation when a table class is built, and evaluating 250 strings was about
a tenth of this module's import, which every command pays.
"""

from datetime import date, datetime

from sqlalchemy import Column, DateTime, LargeBinary, MetaData, Text, event, text
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

from ledger.store.core_tables import (  # noqa: F401 - the value sets and helpers, re-exported
    BAND,
    BAND_KINDS,
    BAR_QUALITIES,
    CLAIM_KINDS,
    LEVEL_OR_RELATIVE,
    LEVEL_RULES,
    NAMING_CONVENTION,
    OPEN_REASONS,
    OUTCOMES,
    POSTGRESQL_PREDICATES,
    RESOLUTION_METHODS,
    REVIEW_ACTIONS,
    STATUSES,
    VAGUE,
    alias_constraints,
    as_utc,
    bar_revision_constraints,
    prediction_constraints,
    price_bar_block_constraints,
    price_gap_constraints,
    resolution_constraints,
    resolution_revision_constraints,
    review_action_constraints,
    source_constraints,
    split_constraints,
    utcnow,
)

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _timestamp(nullable: bool = False, index: bool = False) -> Column:
    return Column(DateTime(timezone=True), nullable=nullable, index=index)


class LedgerModel(SQLModel):
    metadata = metadata
    # Rows are built by the store, never validated from outside input, so
    # pydantic's validator for each table is built on first use instead of at
    # import: every command imports the seventeen tables, few validate a row.
    model_config = SQLModelConfig(from_attributes=True, defer_build=True)


class SourceRow(LedgerModel, table=True):
    """Who made a call: a pundit, a bank, an outlet, or the user ("self")."""

    __tablename__ = "source"
    __table_args__ = source_constraints()

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    # Names are unique case-insensitively: "JPMorgan" and "jpmorgan" are one source.
    name_key: str = Field(max_length=200, unique=True)
    kind: str = Field(default="other", max_length=20)
    url: str | None = Field(default=None, sa_column=Column(Text))
    notes: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class AliasRow(LedgerModel, table=True):
    """A user-defined asset alias ("copper" -> HG=F)."""

    __tablename__ = "alias"
    __table_args__ = alias_constraints()

    id: int | None = Field(default=None, primary_key=True)
    alias: str = Field(max_length=100, unique=True)
    symbol: str = Field(max_length=40)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class PredictionRow(LedgerModel, table=True):
    """A recorded claim. Never edited after the fact: corrections void it and
    record a new claim (with `revises_id` when a source revises a target)."""

    __tablename__ = "prediction"
    __table_args__ = prediction_constraints()

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    symbol: str = Field(max_length=40)
    asset: str = Field(max_length=100)
    kind: str = Field(max_length=20)
    level: float | None = None
    # A band's ceiling (close_between, hold_between); its floor is `level`.
    upper_level: float | None = None
    relative_kind: str | None = Field(default=None, max_length=10)
    relative_value: float | None = None
    reference_price: float | None = None
    made_on: date
    window_start: date
    deadline: date
    probability: float | None = None
    status: str = Field(default="open", max_length=10)
    text: str = Field(sa_column=Column(Text, nullable=False))
    normalized: str = Field(sa_column=Column(Text, nullable=False))
    assumptions: str | None = Field(default=None, sa_column=Column(Text))
    url: str | None = Field(default=None, sa_column=Column(Text))
    quote: str | None = Field(default=None, sa_column=Column(Text))
    fingerprint: str = Field(max_length=64, unique=True)
    revises_id: int | None = Field(default=None, foreign_key="prediction.id", index=True)
    void_reason: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
    # The logging time an import file claimed (unverified): shown, never used.
    claimed_created_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    # Why an open claim is still open after the last resolver run (NULL: never checked).
    open_reason: str | None = Field(default=None, max_length=30)
    open_detail: str | None = Field(default=None, sa_column=Column(Text))
    checked_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    # What the market implied on made_on (driftless GBM, trailing-year volatility),
    # computed once from data available that day; market_note says why there is none.
    market_prob: float | None = None
    market_sigma: float | None = None
    market_spot: float | None = None
    market_note: str | None = Field(default=None, sa_column=Column(Text))
    market_computed_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    # An outperformance (kind 'outperform'): the asset `symbol` must beat, its
    # reference close (as quoted that day; `reference_price` is the first
    # asset's), and the margin in percentage points of return.
    versus_symbol: str | None = Field(default=None, max_length=40)
    versus_asset: str | None = Field(default=None, max_length=100)
    versus_reference_price: float | None = None
    margin: float | None = None
    # A level computed from the market ("holds support"): the rule, its parameters
    # (JSON), the dates of the bars it came from (JSON list) and the reading in
    # words. `level` stays NULL until the first bars on or before made_on fix it.
    level_rule: str | None = Field(default=None, max_length=20)
    level_params: str | None = Field(default=None, sa_column=Column(Text))
    level_basis: str | None = Field(default=None, sa_column=Column(Text))
    level_note: str | None = Field(default=None, sa_column=Column(Text))


class PredictionTagRow(LedgerModel, table=True):
    __tablename__ = "prediction_tag"

    prediction_id: int = Field(foreign_key="prediction.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(max_length=100, primary_key=True, index=True)


class ResolveRunRow(LedgerModel, table=True):
    """One resolver run: what it looked at, what it decided, what failed."""

    __tablename__ = "resolve_run"

    id: int | None = Field(default=None, primary_key=True)
    started_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
    finished_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    as_of: date | None = None
    price_source: str = Field(default="", max_length=200)
    dry_run: bool = False
    claims_checked: int = 0
    resolved_true: int = 0
    resolved_false: int = 0
    still_open: int = 0
    failed_symbols: int = 0
    errors: str | None = Field(default=None, sa_column=Column(Text))
    symbols: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    requests: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    bars_stored: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    bars_rejected: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Set when a later run took the lock while this one had not finished: it died
    # (kill -9, power cut) and finished_at stays NULL, so its counts are partial.
    interrupted_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))


class ResolutionRow(LedgerModel, table=True):
    """Append-only history of decisions about a claim; exactly one is current."""

    __tablename__ = "resolution"
    __table_args__ = resolution_constraints()

    id: int | None = Field(default=None, primary_key=True)
    prediction_id: int = Field(foreign_key="prediction.id", index=True)
    outcome: str = Field(max_length=10)
    evidence_date: date | None = None
    evidence_price: float | None = None
    evidence_field: str | None = Field(default=None, max_length=20)
    level_used: float | None = None
    split_factor: float | None = None
    closest_date: date | None = None
    closest_price: float | None = None
    days_to_touch: int | None = None
    data_source: str | None = Field(default=None, max_length=200)
    method: str = Field(default="auto", max_length=10)
    note: str | None = Field(default=None, sa_column=Column(Text))
    run_id: int | None = Field(default=None, foreign_key="resolve_run.id", index=True)
    is_current: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
    # Imported resolutions: the method and time the import file claimed.
    claimed_method: str | None = Field(default=None, max_length=10)
    claimed_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    # Two-asset claims: each asset's part as JSON (a list of `LegEvidence.to_json()`):
    # both returns of an outperformance, both closes on a ratio's evidence day.
    leg_evidence: str | None = Field(default=None, sa_column=Column(Text))
    # The quality of the bar(s) the verdict stood on when not plain `ok`:
    # `repaired` or `close_only` (see `ledger.rules.judge`); NULL otherwise.
    bar_quality: str | None = Field(default=None, max_length=12)


@event.listens_for(PredictionRow.__table__, "before_create")
@event.listens_for(ResolutionRow.__table__, "before_create")
def _postgresql_partial_index(table, connection, **_) -> None:
    """Give the partial indexes (`uq_resolution_current`, `ix_prediction_open_deadline`)
    their PostgreSQL predicates when the table is created there.

    Written in `__table_args__`, `postgresql_where` makes SQLAlchemy import its
    whole PostgreSQL dialect (drivers, asyncio, the catalog tables; about 0.13 s
    of CPU) whenever this module loads, so at the start of every command on
    every ledger. Only DDL reads the option, and DDL for PostgreSQL has the
    dialect loaded: so it is set here, before the table's CREATE is compiled.
    (The migrations, which build the real schema, name it themselves.)
    """
    if connection.dialect.name == "postgresql":
        for index in table.indexes:
            if index.name in POSTGRESQL_PREDICATES:
                index.dialect_options["postgresql"]["where"] = text(
                    POSTGRESQL_PREDICATES[index.name]
                )


class ReviewActionRow(LedgerModel, table=True):
    """What a human decided about a flagged resolution (`forecast review`).

    Append-only like resolutions (triggers refuse UPDATE and DELETE; each row
    is logged): a resolution leaves the review list once a row names it. An
    `accept` keeps the verdict as it stands; a `rejudge` records the verdict
    on closes only (`outcome`, `evidence` as JSON) and, when that verdict
    differs, the resolution it appended (`new_resolution_id`), so the old one
    stays in the claim's history.
    """

    __tablename__ = "review_action"
    __table_args__ = review_action_constraints()

    id: int | None = Field(default=None, primary_key=True)
    prediction_id: int = Field(foreign_key="prediction.id", index=True)
    resolution_id: int = Field(foreign_key="resolution.id", index=True)
    action: str = Field(max_length=10)
    outcome: str | None = Field(default=None, max_length=10)
    new_resolution_id: int | None = Field(default=None, foreign_key="resolution.id")
    evidence: str | None = Field(default=None, sa_column=Column(Text))
    note: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class PriceBarBlockRow(LedgerModel, table=True):
    """The resolver's cache of daily bars: one symbol's bars of one calendar year.

    The bars are packed columns, one entry per bar in day order (the format is
    `ledger.store.bar_blocks`'): a cold run caches half a million bars, and as
    rows of their own SQLite's work on them cost more than the run's numpy
    floor; as 2,000 blocks it is a few milliseconds per symbol. Every read is
    one symbol's date range, every write replaces some of one symbol's days,
    so a year is the unit of both. Keyed by (symbol, year); in SQLite a
    WITHOUT ROWID table clustered on that key (migration 0017).
    """

    __tablename__ = "price_bar_block"
    __table_args__ = (*price_bar_block_constraints(), {"sqlite_with_rowid": False})

    symbol: str = Field(max_length=40, primary_key=True)
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    # the first and last day of a bar in the block: a range query reads only the
    # blocks it overlaps
    first: date
    last: date
    bars: int
    days: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    open: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    high: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    low: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    close: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    volume: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # ok, repaired (range widened to include open and close) or close_only
    # (no intraday range): `ledger.bars` states the rules.
    quality: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    fetched_at: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    data_sources: str = Field(sa_column=Column(Text, nullable=False))
    source: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class PriceGapRow(LedgerModel, table=True):
    """A date the source returned a bar for that failed validation.

    The bar is not in the bar cache (`price_bar_block`), but that the market traded that day is a
    fact the rules need: without it a rejected crossing day would read as "no
    crossing". Kept beside the bars so that a run served from the cache still
    knows; replaced whenever the source is asked for that date again.
    """

    __tablename__ = "price_gap"
    __table_args__ = price_gap_constraints()

    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(max_length=40)
    date: date
    reason: str = Field(sa_column=Column(Text, nullable=False))
    data_source: str = Field(max_length=200)
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class BarRevisionRow(LedgerModel, table=True):
    """A cached bar the source later served with other prices: both versions.

    The bar cache holds the bar as the source serves it now; each time a
    re-fetch changes a stored bar's open, high, low or close, the bar as it
    was and as it became are kept here, so no value a verdict stood on is
    ever lost. Append-only (a guard refuses UPDATE and DELETE).
    """

    __tablename__ = "bar_revision"
    __table_args__ = bar_revision_constraints()

    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(max_length=40)
    date: date
    old_open: float
    old_high: float
    old_low: float
    old_close: float
    old_quality: str = Field(max_length=12)
    # no new prices: the source now rejects the bar (new_quality "rejected")
    new_open: float | None = None
    new_high: float | None = None
    new_low: float | None = None
    new_close: float | None = None
    new_quality: str = Field(max_length=12)
    data_source: str = Field(max_length=200)
    run_id: int | None = Field(default=None, foreign_key="resolve_run.id", index=True)
    revised_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class ResolutionRevisionRow(LedgerModel, table=True):
    """A resolution that stood on a bar the feed later revised: the flag `revised`.

    Written by the run that saw the revision, after re-judging the claim on
    the corrected bars. The resolution itself is history and is never
    edited: when the verdict changed, `new_resolution_id` is the one the run
    appended (method `revised`); when it did not, the old one stays current
    and this row is what flags its evidence. Append-only.
    """

    __tablename__ = "resolution_revision"
    __table_args__ = resolution_revision_constraints()

    id: int | None = Field(default=None, primary_key=True)
    resolution_id: int = Field(foreign_key="resolution.id", index=True)
    bar_revision_id: int = Field(foreign_key="bar_revision.id", index=True)
    # The claim's status once re-judged on the corrected bars: true, false, or
    # open (the verdict is gone and the window still runs).
    outcome: str = Field(max_length=10)
    new_resolution_id: int | None = Field(default=None, foreign_key="resolution.id")
    run_id: int | None = Field(default=None, foreign_key="resolve_run.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class SplitRow(LedgerModel, table=True):
    """Stock splits the price source reported, cached beside the bars they explain."""

    __tablename__ = "split"
    __table_args__ = split_constraints()

    id: int | None = Field(default=None, primary_key=True)
    symbol: str = Field(max_length=40)
    date: date
    ratio: float
    data_source: str = Field(max_length=200)
    fetched_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class ResolveLockRow(LedgerModel, table=True):
    """At most one resolver run at a time: the primary key is the lock.

    A run that dies leaves its row behind; the next run takes it over once
    the holder's heartbeat is stale or, on the same host, its process is gone.
    """

    __tablename__ = "resolve_lock"

    name: str = Field(max_length=40, primary_key=True)
    holder: str = Field(max_length=200)
    host: str = Field(max_length=200)
    pid: int
    acquired_at: datetime = Field(sa_column=_timestamp())
    heartbeat_at: datetime = Field(sa_column=_timestamp())


class PriceCoverageRow(LedgerModel, table=True):
    """Which dates a source has been asked for, per symbol.

    Bars alone cannot say this: a symbol listed in 2020 has no bars before
    2020 however often it is asked, and a weekend has none either. Without
    the record, every run would ask again for what does not exist.
    """

    __tablename__ = "price_coverage"

    symbol: str = Field(max_length=40, primary_key=True)
    first: date
    last: date
    data_source: str = Field(max_length=200)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
    # What the source said its data was when it served [version_first,
    # version_last] (a CSV file's size and modification time); None when the
    # source cannot tell. While it says the same, asking again for days in that
    # range would only read the same bars again.
    source_version: str | None = Field(default=None, max_length=100)
    version_first: date | None = None
    version_last: date | None = None


class ProofLogRow(LedgerModel, table=True):
    """The append-only log: one canonical entry per change to what the ledger says.

    `seq` is the entry's leaf index in the Merkle tree (0-based, no gaps);
    `leaf_hash` is SHA-256(0x00 || entry) in hex (see ledger/proof). Written
    in the transaction of the change it records; triggers refuse UPDATE and
    DELETE.
    """

    __tablename__ = "proof_log"

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    kind: str = Field(max_length=20)
    entry: str = Field(sa_column=Column(Text, nullable=False))
    leaf_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())


class ProofHeadRow(LedgerModel, table=True):
    """The tree head, kept with each append so an append never rehashes the log.

    One row (id 1), locked by every append, which serializes writers. The
    frontier is the roots of the perfect subtrees making up `size` (hex, JSON
    list, largest first). `backfilled_at` is set when the log was built from
    an existing ledger's tables: the first `backfill_size` entries are
    attested only from that time on.
    """

    __tablename__ = "proof_head"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    size: int
    root: str = Field(max_length=64)
    frontier: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
    backfilled_at: datetime | None = Field(default=None, sa_column=_timestamp(nullable=True))
    backfill_size: int | None = None


class HeadTimestampRow(LedgerModel, table=True):
    """A time-stamp authority's token for a tree head (`forecast head --timestamp`).

    Stored only after the reply was checked (granted, this head's imprint,
    the request's nonce, a genTime of the time it was asked). The token is
    the DER TimeStampToken, which proves itself: a row edited afterwards no
    longer verifies, so no trigger guards it. `tree_size` and `root` are the
    head the token covers; the ledger may have grown since.
    """

    __tablename__ = "head_timestamp"

    id: int | None = Field(default=None, primary_key=True)
    tree_size: int = Field(index=True)
    root: str = Field(max_length=64)
    tsa_url: str = Field(sa_column=Column(Text, nullable=False))
    token: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    gen_time: datetime = Field(sa_column=_timestamp())
    created_at: datetime = Field(default_factory=utcnow, sa_column=_timestamp())
