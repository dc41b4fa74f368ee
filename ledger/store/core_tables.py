"""The ledger's tables as SQLAlchemy Core `Table`s, without the ORM classes.

The everyday commands (`add`, `list`, `show`, `score`) read and write through
tables, never through the seventeen SQLModel classes of `ledger.store.tables`:
building those classes (pydantic's field collection, SQLAlchemy's declarative
mapping) is about 60 ms of CPU that every start paid for names it did not use.
The same tables are built here column for column from plain `Column`s, on a
`MetaData` of their own, at a tenth of the cost; the ORM module imports its
names, value sets and constraints from here, so each is written once.

`ledger.store.tables` stays the schema's truth (Alembic compares it, the
migrations build it, the tests create it): a test holds these tables to it,
column by column (name, type, nullability, keys, defaults, indexes,
constraints) and by their DDL on SQLite and PostgreSQL. Nothing creates a
table from this metadata.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)

from ledger.records import SOURCE_KINDS


class AutoString(TypeDecorator):
    """The string type SQLModel gives a `str` field, without importing SQLModel.

    `sqlmodel.sql.sqltypes` is inside the `sqlmodel` package, whose import
    loads pydantic and SQLModel's generated `select` overloads: about 100 ms
    that `forecast resolve` and the everyday commands paid for this one type.
    The same name and behaviour on the two backends the ledger runs on (a
    `VARCHAR(n)`), so the tables here still equal the ORM's, type for type
    (tests/store/test_core_tables.py compares their reprs and DDL).
    """

    impl = String
    cache_ok = True


NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CLAIM_KINDS = (
    "touch_above",
    "touch_below",
    "close_above",
    "close_below",
    "hold_above",
    "hold_below",
    "average_above",
    "average_below",
    "outperform",
    "close_between",
    "hold_between",
    "vague",
)
BAND_KINDS = ("close_between", "hold_between")
LEVEL_RULES = ("support", "resistance", "sma", "record-high", "record-low")
# "vague": a call no price can settle, for good (its kind is "vague" too).
STATUSES = ("open", "true", "false", "void", "vague")
OUTCOMES = ("true", "false", "void")
# `ledger.bars.BAR_QUALITIES`, spelt out so the schema imports no pandas (a test checks they agree).
BAR_QUALITIES = ("ok", "repaired", "close_only")
# "imported": a resolution an import file carried; history, never a verdict.
# "revised": the resolver's verdict again after the feed revised a bar the
# previous verdict stood on (`ledger.services.corrections`); its note says what changed.
RESOLUTION_METHODS = ("auto", "manual", "imported", "revised")
# What a human did with a review-list entry (`forecast review`): accepted it as it
# stands, or had it re-judged on closes only.
REVIEW_ACTIONS = ("accept", "rejudge")
OPEN_REASONS = (
    "waiting_for_deadline",
    "waiting_for_data",
    "unknown_symbol",
    "no_data_in_window",
    "source_error",
    "data_gap",
    "invalid_claim",
)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


LEVEL_OR_RELATIVE = (
    "kind = 'vague' OR level IS NOT NULL OR relative_kind IS NOT NULL OR kind = 'outperform'"
    " OR level_rule IS NOT NULL"
)
# A band has a floor below its ceiling, both prices; no other kind has a ceiling.
BAND = (
    f"({_in('kind', BAND_KINDS)} AND level IS NOT NULL AND upper_level IS NOT NULL"
    " AND relative_kind IS NULL AND level < upper_level)"
    f" OR (kind NOT IN ({', '.join(repr(k) for k in BAND_KINDS)}) AND upper_level IS NULL)"
)
# A vague call has no level and no probability (it is never scored) and is vague
# (or void) for good; nothing else is vague.
VAGUE = (
    "(kind = 'vague' AND status IN ('vague', 'void') AND level IS NULL"
    " AND relative_kind IS NULL AND probability IS NULL)"
    " OR (kind <> 'vague' AND status <> 'vague')"
)

# The predicate of the one status index: the claims a run, the due list and the
# TUI's open list read. Queries that filter on it must say `status = 'open'`
# (bound or literal) for SQLite and PostgreSQL to see they may use the index.
OPEN_CLAIM = "status = 'open'"

POSTGRESQL_PREDICATES = {
    "uq_resolution_current": "is_current",
    "ix_prediction_open_deadline": OPEN_CLAIM,
}
"""The partial indexes' predicates on PostgreSQL, set by `ledger.store.tables` when a
table is created there (`postgresql_where` here would load that whole dialect)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored timestamp as aware UTC (SQLite hands timestamps back without a zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# Each table's constraints and composite indexes, new objects at each call: a
# constraint belongs to one table, and both this module and the ORM classes
# (their `__table_args__`) build one from the same definition.


def source_constraints() -> tuple:
    return (
        CheckConstraint(_in("kind", SOURCE_KINDS), name="kind"),
        CheckConstraint("name_key = lower(name_key)", name="name_key_lower"),
    )


def alias_constraints() -> tuple:
    return (CheckConstraint("alias = lower(alias)", name="alias_lower"),)


def prediction_constraints() -> tuple:
    return (
        CheckConstraint(_in("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(
            "probability IS NULL OR (probability >= 0 AND probability <= 1)", name="probability"
        ),
        CheckConstraint("deadline >= made_on", name="deadline_after_made_on"),
        CheckConstraint("window_start <= deadline", name="window_start_before_deadline"),
        CheckConstraint("level IS NULL OR level > 0", name="level_positive"),
        CheckConstraint(
            "reference_price IS NULL OR reference_price > 0", name="reference_positive"
        ),
        # Only a vague call and an outperformance have no level of any sort.
        CheckConstraint(LEVEL_OR_RELATIVE, name="level_or_relative"),
        CheckConstraint(BAND, name="band"),
        CheckConstraint(VAGUE, name="vague"),
        # An outperformance names the asset it is measured against, and has a margin.
        CheckConstraint(
            "kind <> 'outperform' OR (versus_symbol IS NOT NULL AND margin IS NOT NULL)",
            name="outperform_versus",
        ),
        CheckConstraint("margin IS NULL OR margin >= 0", name="margin_not_negative"),
        CheckConstraint(
            "versus_reference_price IS NULL OR versus_reference_price > 0",
            name="versus_reference_positive",
        ),
        CheckConstraint(
            "level_rule IS NULL OR " + _in("level_rule", LEVEL_RULES), name="level_rule"
        ),
        CheckConstraint("level_rule IS NULL OR level_params IS NOT NULL", name="level_rule_params"),
        CheckConstraint(
            "relative_kind IS NULL OR relative_kind IN ('percent', 'multiple')",
            name="relative_kind",
        ),
        CheckConstraint(
            "open_reason IS NULL OR " + _in("open_reason", OPEN_REASONS), name="open_reason"
        ),
        CheckConstraint(
            "market_prob IS NULL OR (market_prob >= 0 AND market_prob <= 1)", name="market_prob"
        ),
        # The open claims by deadline, and nothing else: settling a claim only
        # deletes its entry, and no index holds `status` as a column, so a
        # resolve run's status UPDATE writes one index entry a claim instead of
        # four (migration 0018 says what each query reads instead).
        Index(
            "ix_prediction_open_deadline",
            "deadline",
            sqlite_where=text(OPEN_CLAIM),
            # postgresql_where: added by `ledger.store.tables`, as for
            # `uq_resolution_current` (POSTGRESQL_PREDICATES).
        ),
        Index("ix_prediction_symbol", "symbol"),
        # The two orders a claims list pages in (`ledger.store.views.ClaimOrder`);
        # neither column changes once a claim is recorded (migration 0019).
        Index("ix_prediction_deadline", "deadline", "id"),
        Index("ix_prediction_made_on", "made_on", "id"),
    )


def resolution_constraints() -> tuple:
    return (
        CheckConstraint(_in("outcome", OUTCOMES), name="outcome"),
        CheckConstraint(_in("method", RESOLUTION_METHODS), name="method"),
        CheckConstraint(
            "claimed_method IS NULL OR " + _in("claimed_method", RESOLUTION_METHODS),
            name="claimed_method",
        ),
        # An imported resolution decides nothing: it is current only as the
        # void of a claim its source's ledger voided (kept, see yaml_import).
        CheckConstraint(
            "method <> 'imported' OR NOT is_current OR outcome = 'void'",
            name="imported_decides_nothing",
        ),
        Index(
            "uq_resolution_current",
            "prediction_id",
            unique=True,
            sqlite_where=text("is_current"),
            # postgresql_where: added by `ledger.store.tables` when the table is
            # created on PostgreSQL (the option loads that whole dialect).
        ),
    )


def review_action_constraints() -> tuple:
    return (
        CheckConstraint(_in("action", REVIEW_ACTIONS), name="action"),
        CheckConstraint(
            "outcome IS NULL OR " + _in("outcome", OUTCOMES),
            name="outcome",
        ),
        CheckConstraint(
            "action = 'rejudge' OR (outcome IS NULL AND new_resolution_id IS NULL)",
            name="accept_changes_nothing",
        ),
    )


# Each packed column of a bar block holds one entry per bar (`ledger.store.bar_blocks`).
BLOCK_LENGTHS = (
    "length(days) = 4 * bars AND length(open) = 8 * bars AND length(high) = 8 * bars"
    " AND length(low) = 8 * bars AND length(close) = 8 * bars AND length(volume) = 8 * bars"
    " AND length(quality) = bars AND length(fetched_at) = 8 * bars AND length(source) = 2 * bars"
)


def price_bar_block_constraints() -> tuple:
    # keyed by (symbol, year), no surrogate id: WITHOUT ROWID in SQLite (migration 0017)
    return (
        CheckConstraint("bars > 0", name="bars_positive"),
        CheckConstraint("first <= last", name="first_before_last"),
        CheckConstraint(BLOCK_LENGTHS, name="lengths"),
    )


def price_gap_constraints() -> tuple:
    return (UniqueConstraint("symbol", "date"),)


def bar_revision_constraints() -> tuple:
    return (Index("ix_bar_revision_symbol_date", "symbol", "date"),)


def resolution_revision_constraints() -> tuple:
    return (CheckConstraint("outcome IN ('true', 'false', 'open')", name="outcome"),)


def split_constraints() -> tuple:
    return (
        UniqueConstraint("symbol", "date"),
        CheckConstraint("ratio > 0", name="ratio_positive"),
    )


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _string(name: str, length: int, *, nullable: bool = False, **options: object) -> Column:
    return Column(name, AutoString(length), nullable=nullable, **options)


def _text(name: str, *, nullable: bool = True) -> Column:
    return Column(name, Text, nullable=nullable)


def _float(name: str, *, nullable: bool = True) -> Column:
    return Column(name, Float, nullable=nullable)


def _date(name: str, *, nullable: bool = False, **options: object) -> Column:
    return Column(name, Date, nullable=nullable, **options)


def _integer(name: str, *, nullable: bool = False, **options: object) -> Column:
    return Column(name, Integer, nullable=nullable, **options)


def _timestamp(name: str, *, nullable: bool = False) -> Column:
    return Column(name, DateTime(timezone=True), nullable=nullable)


def _key(name: str, target: str, *, nullable: bool = False, index: bool = True) -> Column:
    return Column(name, Integer, ForeignKey(target), nullable=nullable, index=index)


def _counter(name: str, *, server_default: str | None = None) -> Column:
    return Column(name, Integer, nullable=False, default=0, server_default=server_default)


source = Table(
    "source",
    metadata,
    _id(),
    _string("name", 200),
    _string("name_key", 200, unique=True),
    _string("kind", 20, default="other"),
    _text("url"),
    _text("notes"),
    _timestamp("created_at"),
    *source_constraints(),
)

alias = Table(
    "alias",
    metadata,
    _id(),
    _string("alias", 100, unique=True),
    _string("symbol", 40),
    _timestamp("created_at"),
    *alias_constraints(),
)

prediction = Table(
    "prediction",
    metadata,
    _id(),
    _key("source_id", "source.id"),
    _string("symbol", 40),
    _string("asset", 100),
    _string("kind", 20),
    _float("level"),
    _float("upper_level"),
    _string("relative_kind", 10, nullable=True),
    _float("relative_value"),
    _float("reference_price"),
    _date("made_on"),
    _date("window_start"),
    _date("deadline"),
    _float("probability"),
    _string("status", 10, default="open"),
    _text("text", nullable=False),
    _text("normalized", nullable=False),
    _text("assumptions"),
    _text("url"),
    _text("quote"),
    _string("fingerprint", 64, unique=True),
    _key("revises_id", "prediction.id", nullable=True),
    _text("void_reason"),
    _timestamp("created_at"),
    _timestamp("claimed_created_at", nullable=True),
    _string("open_reason", 30, nullable=True),
    _text("open_detail"),
    _timestamp("checked_at", nullable=True),
    _float("market_prob"),
    _float("market_sigma"),
    _float("market_spot"),
    _text("market_note"),
    _timestamp("market_computed_at", nullable=True),
    _string("versus_symbol", 40, nullable=True),
    _string("versus_asset", 100, nullable=True),
    _float("versus_reference_price"),
    _float("margin"),
    _string("level_rule", 20, nullable=True),
    _text("level_params"),
    _text("level_basis"),
    _text("level_note"),
    *prediction_constraints(),
)

prediction_tag = Table(
    "prediction_tag",
    metadata,
    Column(
        "prediction_id",
        Integer,
        ForeignKey("prediction.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    _string("tag", 100, primary_key=True, index=True),
)

resolve_run = Table(
    "resolve_run",
    metadata,
    _id(),
    _timestamp("started_at"),
    _timestamp("finished_at", nullable=True),
    _date("as_of", nullable=True),
    _string("price_source", 200, default=""),
    Column("dry_run", Boolean, nullable=False, default=False),
    _counter("claims_checked"),
    _counter("resolved_true"),
    _counter("resolved_false"),
    _counter("still_open"),
    _counter("failed_symbols"),
    _text("errors"),
    _counter("symbols", server_default="0"),
    _counter("requests", server_default="0"),
    _counter("bars_stored", server_default="0"),
    _counter("bars_rejected", server_default="0"),
    _timestamp("interrupted_at", nullable=True),
)

resolution = Table(
    "resolution",
    metadata,
    _id(),
    _key("prediction_id", "prediction.id"),
    _string("outcome", 10),
    _date("evidence_date", nullable=True),
    _float("evidence_price"),
    _string("evidence_field", 20, nullable=True),
    _float("level_used"),
    _float("split_factor"),
    _date("closest_date", nullable=True),
    _float("closest_price"),
    _integer("days_to_touch", nullable=True),
    _string("data_source", 200, nullable=True),
    _string("method", 10, default="auto"),
    _text("note"),
    _key("run_id", "resolve_run.id", nullable=True),
    Column("is_current", Boolean, nullable=False, default=True),
    _timestamp("created_at"),
    _string("claimed_method", 10, nullable=True),
    _timestamp("claimed_at", nullable=True),
    _text("leg_evidence"),
    _string("bar_quality", 12, nullable=True),
    *resolution_constraints(),
)

review_action = Table(
    "review_action",
    metadata,
    _id(),
    _key("prediction_id", "prediction.id"),
    _key("resolution_id", "resolution.id"),
    _string("action", 10),
    _string("outcome", 10, nullable=True),
    _key("new_resolution_id", "resolution.id", nullable=True, index=False),
    _text("evidence"),
    _text("note"),
    _timestamp("created_at"),
    *review_action_constraints(),
)

price_bar_block = Table(
    "price_bar_block",
    metadata,
    _string("symbol", 40, primary_key=True),
    _integer("year", primary_key=True, autoincrement=False),
    _date("first"),
    _date("last"),
    _integer("bars"),
    *(
        Column(name, LargeBinary, nullable=False)
        for name in ("days", "open", "high", "low", "close", "volume", "quality", "fetched_at")
    ),
    _text("data_sources", nullable=False),
    Column("source", LargeBinary, nullable=False),
    *price_bar_block_constraints(),
    sqlite_with_rowid=False,
)

price_gap = Table(
    "price_gap",
    metadata,
    _id(),
    _string("symbol", 40),
    _date("date"),
    _text("reason", nullable=False),
    _string("data_source", 200),
    _timestamp("fetched_at"),
    *price_gap_constraints(),
)

bar_revision = Table(
    "bar_revision",
    metadata,
    _id(),
    _string("symbol", 40),
    _date("date"),
    _float("old_open", nullable=False),
    _float("old_high", nullable=False),
    _float("old_low", nullable=False),
    _float("old_close", nullable=False),
    _string("old_quality", 12),
    _float("new_open"),
    _float("new_high"),
    _float("new_low"),
    _float("new_close"),
    _string("new_quality", 12),
    _string("data_source", 200),
    _key("run_id", "resolve_run.id", nullable=True),
    _timestamp("revised_at"),
    *bar_revision_constraints(),
)

resolution_revision = Table(
    "resolution_revision",
    metadata,
    _id(),
    _key("resolution_id", "resolution.id"),
    _key("bar_revision_id", "bar_revision.id"),
    _string("outcome", 10),
    _key("new_resolution_id", "resolution.id", nullable=True, index=False),
    _key("run_id", "resolve_run.id", nullable=True),
    _timestamp("created_at"),
    *resolution_revision_constraints(),
)

split = Table(
    "split",
    metadata,
    _id(),
    _string("symbol", 40),
    _date("date"),
    _float("ratio", nullable=False),
    _string("data_source", 200),
    _timestamp("fetched_at"),
    *split_constraints(),
)

resolve_lock = Table(
    "resolve_lock",
    metadata,
    _string("name", 40, primary_key=True),
    _string("holder", 200),
    _string("host", 200),
    _integer("pid"),
    _timestamp("acquired_at"),
    _timestamp("heartbeat_at"),
)

price_coverage = Table(
    "price_coverage",
    metadata,
    _string("symbol", 40, primary_key=True),
    _date("first"),
    _date("last"),
    _string("data_source", 200),
    _timestamp("updated_at"),
    _string("source_version", 100, nullable=True),
    _date("version_first", nullable=True),
    _date("version_last", nullable=True),
)

proof_log = Table(
    "proof_log",
    metadata,
    _integer("seq", primary_key=True, autoincrement=False),
    _string("kind", 20),
    _text("entry", nullable=False),
    _string("leaf_hash", 64),
    _timestamp("created_at"),
)

proof_head = Table(
    "proof_head",
    metadata,
    _integer("id", primary_key=True, autoincrement=False),
    _integer("size"),
    _string("root", 64),
    _text("frontier", nullable=False),
    _timestamp("updated_at"),
    _timestamp("backfilled_at", nullable=True),
    _integer("backfill_size", nullable=True),
)

head_timestamp = Table(
    "head_timestamp",
    metadata,
    _id(),
    _integer("tree_size", index=True),
    _string("root", 64),
    _text("tsa_url", nullable=False),
    Column("token", LargeBinary, nullable=False),
    _timestamp("gen_time"),
    _timestamp("created_at"),
)
