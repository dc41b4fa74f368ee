"""Writing and reading the proof log.

Every write path calls `append` inside its own transaction, after making its
change, with the entries that describe it (built here from the rows as
stored, so the log says exactly what the tables say). An append locks the
head row (PostgreSQL: SELECT ... FOR UPDATE; SQLite: an UPDATE first, which
takes the database's write lock), numbers its entries after the head, inserts
them in one statement and moves the head: concurrent writers queue on the
lock, so the log never forks and no entry is lost. The head keeps the tree's
frontier, so an append hashes only its own entries.

`ensure_log` runs at every open: it installs the guard triggers when they are
missing or stale, and gives a ledger that has no log yet (an upgraded one)
a log built from its tables, marked as attested only from then on.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy import types as sqltypes
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.proof.bulk import claim_texts, resolution_texts, tokens
from ledger.proof.entries import (
    CLAIM,
    MUTABLE_CLAIM_COLUMNS,
    MUTABLE_RESOLUTION_COLUMNS,
    MUTABLE_REVIEW_COLUMNS,
    MUTABLE_SOURCE_COLUMNS,
    RESOLUTION,
    alias_entry,
    backfill_entry,
    canonical,
    claim_entry,
    plain,
    resolution_entry,
    review_entry,
    source_entry,
    status_entry,
)
from ledger.proof.merkle import LEAF_PREFIX, Frontier
from ledger.store import core_tables
from ledger.store.batching import chunks
from ledger.store.core_tables import as_utc, proof_head, utcnow
from ledger.store.guards import guards_current, install_guards
from ledger.store.raw import adapt, execute, fetchall, insert_rows

if TYPE_CHECKING:
    from ledger.proof.quick import Tables
    from ledger.proof.replay import LedgerState

# Every command imports this module (opening a ledger checks the log); the
# readers of the whole log (`ledger_state`, `ledger_columns`: verify, the first
# build of a log) import the quick check and the replay where they run.

HEAD_ID = 1
_CLAIMS: Table = core_tables.prediction
_RESOLUTIONS: Table = core_tables.resolution
_SOURCES: Table = core_tables.source
_REVIEWS: Table = core_tables.review_action
CLAIM_COLUMNS = tuple(c.name for c in _CLAIMS.columns if c.name not in MUTABLE_CLAIM_COLUMNS)
RESOLUTION_COLUMNS = tuple(
    c.name for c in _RESOLUTIONS.columns if c.name not in MUTABLE_RESOLUTION_COLUMNS
)
SOURCE_COLUMNS = tuple(c.name for c in _SOURCES.columns if c.name not in MUTABLE_SOURCE_COLUMNS)
REVIEW_COLUMNS = tuple(c.name for c in _REVIEWS.columns if c.name not in MUTABLE_REVIEW_COLUMNS)


class NoLogError(LedgerError):
    """The ledger has no proof log yet (opened read-only before its first upgrade)."""


@dataclass(frozen=True)
class Head:
    """A tree head: what `forecast head` publishes."""

    size: int
    root: str
    updated_at: datetime
    backfilled_at: datetime | None = None
    backfill_size: int | None = None


# --- appending ---------------------------------------------------------------


def lock_head(session: Session) -> Frontier:
    """Take the log's lock for the rest of the transaction; the head as it stands.

    Write paths take it before they change any row, so every transaction that
    logs takes its locks in one order (head, then rows): on PostgreSQL a
    resolve run and a hand void of the same claim queue instead of deadlocking.
    Taking it again in the same transaction asks nothing of the database: the
    head this transaction locked (and moved, by its appends) is kept in the
    session's info with the transaction it belongs to.
    """
    transaction = session.get_transaction()
    held = session.info.get(_HELD_HEAD)
    if held is not None and transaction is not None and held[0] is transaction:
        return held[1]
    head = proof_head
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(head).where(head.c.id == HEAD_ID).values(size=head.c.size))
        query = select(head.c.size, head.c.frontier).where(head.c.id == HEAD_ID)
    else:
        query = select(head.c.size, head.c.frontier).where(head.c.id == HEAD_ID).with_for_update()
    row = session.execute(query).first()
    if row is None:
        raise NoLogError("this ledger has no proof log yet: open it once with a writing command")
    frontier = Frontier(row.size, tuple(bytes.fromhex(h) for h in json.loads(row.frontier)))
    _hold(session, frontier)
    return frontier


_HELD_HEAD = "forecast-ledger proof head"


def _hold(session: Session, frontier: Frontier) -> None:
    """Remember the locked head for the rest of the session's current transaction."""
    session.info[_HELD_HEAD] = (session.get_transaction(), frontier)


def append(session: Session, entries: Sequence[Mapping[str, Any]]) -> None:
    """Append entries to the log in the caller's transaction (see the module docstring)."""
    if entries:
        _append_texts(session, [(e["type"], canonical(e).decode("utf-8")) for e in entries])


def _append_texts(session: Session, entries: Sequence[tuple[str, str]]) -> None:
    """Append (type, canonical text) entries: number them after the head,
    insert them in one statement (COPY on PostgreSQL), move the head."""
    if not entries:
        return
    frontier = lock_head(session)
    sha256 = hashlib.sha256
    hashes = [sha256(LEAF_PREFIX + text.encode("utf-8")).digest() for _, text in entries]
    grown = frontier.extend(hashes)
    now = adapt(session, utcnow())
    insert_rows(
        session,
        "proof_log",
        ("seq", "kind", "entry", "leaf_hash", "created_at"),
        [
            (frontier.size + i, kind, text, leaf.hex(), now)
            for i, ((kind, text), leaf) in enumerate(zip(entries, hashes, strict=True))
        ],
        ready=True,  # numbers and text, and the time already adapted
    )
    # Through the driver: a resolve run moves the head once per symbol, and
    # SQLAlchemy's statement machinery cost more than the UPDATE.
    execute(
        session,
        "UPDATE proof_head SET size = ?, root = ?, frontier = ?, updated_at = ? WHERE id = ?",
        [
            grown.size,
            grown.root.hex(),
            json.dumps([h.hex() for h in grown.hashes]),
            utcnow(),
            HEAD_ID,
        ],
    )
    _hold(session, grown)


def append_claims(session: Session, claim_ids: Sequence[int]) -> None:
    """Log claims just recorded, from their stored rows.

    A bulk path (an import logs 100k claims): the entry texts are built a
    column at a time (`ledger.proof.bulk`), the same bytes `claim_entries`
    and `canonical` give row by row."""
    if not claim_ids:
        return
    rows = _claim_rows(session, claim_ids)
    tags = _tags(session, claim_ids)
    fields = _column_values(rows, 4, _CLAIM_CONVERTERS)
    texts = claim_texts(
        [row[0] for row in rows],
        [row[3] for row in rows],
        [sorted(tags.get(row[0], ())) for row in rows],
        {name: tokens(values) for name, values in fields.items()},
    )
    _append_texts(session, [(CLAIM, text) for text in texts])


def append_resolutions(
    session: Session,
    claim_ids: Sequence[int],
    *,
    current_only: bool,
    claim_status: Mapping[int, str] | None = None,
    void_reasons: Mapping[int, str | None] | None = None,
) -> None:
    """Log resolutions just written for `claim_ids`, as `resolution_entries`
    describes them, with their texts built a column at a time (a resolve run
    logs one per claim it settles)."""
    if not claim_ids:
        return
    rows = _resolution_rows(session, claim_ids, current_only)
    _log_resolution_rows(session, rows, claim_status, void_reasons)


def append_inserted_resolutions(
    session: Session,
    after_id: int,
    columns: Sequence[str],
    inserted: Sequence[Sequence[Any]],
    *,
    claim_status: Mapping[int, str],
) -> None:
    """Log the current resolutions a transaction has just inserted (the rows
    after `after_id`, all of them), from the values it inserted rather than
    read back: the same entries `append_resolutions` gives. On PostgreSQL see
    `_as_stored_elsewhere`; on SQLite:

    `inserted` holds the values as SQLite was handed them (`raw.sqlite_rows`:
    dates and timestamps as its text, True as 1), in `columns` order; a
    column left out was stored NULL. Only the new ids and claim ids are read
    back. SQLite gives back what it was handed but for a float column's NaN
    (stored NULL) and -0.0 (stored as the integer 0, read back 0.0), both
    made so here; a float handed to any other column (stored by its affinity)
    or rows after `after_id` that are not the inserted ones, one for one,
    and the rows are read back instead.
    """
    by_column = list(zip(*inserted, strict=True)) if inserted else [()] * len(columns)
    append_inserted_resolution_columns(
        session, after_id, dict(zip(columns, by_column, strict=True)), claim_status=claim_status
    )


def append_inserted_resolution_columns(
    session: Session,
    after_id: int,
    inserted: Mapping[str, Sequence[Any]],
    *,
    claim_status: Mapping[int, str],
) -> None:
    """`append_inserted_resolutions` of rows given as columns (name -> values, all
    of one length; a column left out was stored NULL): a resolve run has its
    verdicts as columns, and a column stays one list from the verdicts to the
    entry texts instead of being turned into rows and back twice."""
    claim_ids = list(inserted["prediction_id"])
    stored = fetchall(
        session, "SELECT id, prediction_id FROM resolution WHERE id > ? ORDER BY id", [after_id]
    )
    columns = None
    if [row[1] for row in stored] == claim_ids:
        if session.get_bind().dialect.name == "sqlite":
            columns = _as_stored(inserted, len(claim_ids))
        elif stored:
            columns = _as_stored_elsewhere(session, inserted, len(claim_ids), stored[0][0])
    if columns is None:
        append_resolutions(session, claim_ids, current_only=True, claim_status=claim_status)
        return
    _log_resolution_columns(session, [row[0] for row in stored], columns, claim_status, None)


def append_inserted_claims(
    session: Session,
    claim_ids: Sequence[int],
    inserted: Mapping[str, Sequence[Any]],
    tags: Sequence[Sequence[str]],
    revises: Mapping[int, int],
) -> None:
    """Log the claims a SQLite transaction has just inserted, from the values it
    inserted rather than read back: the entries `append_claims` gives.

    `inserted` holds the claims' columns by name as SQLite was handed them
    (dates and timestamps as its text; the builder's columns, so they are not
    transposed back from rows), `claim_ids` the id each got,
    `tags` the tags inserted with it, and `revises` the `revises_id` set since
    (new id -> revised id). Only the sources' names are read. A value whose
    storage is not plain (see `_sqlite_stored_columns`) makes the rows be read
    back instead.
    """
    if not claim_ids:
        return
    stored = _sqlite_stored_columns(_CLAIMS, CLAIM_COLUMNS, inserted)
    if stored is None:
        append_claims(session, claim_ids)
        return
    if revises:
        stored["revises_id"] = [
            revises.get(claim_id, old)
            for claim_id, old in zip(claim_ids, stored["revises_id"], strict=True)
        ]
    source_ids = stored["source_id"]
    names = dict(_rows(session, "SELECT id, name FROM source", "id", sorted(set(source_ids))))
    order = sorted(range(len(claim_ids)), key=claim_ids.__getitem__)
    if order != list(range(len(claim_ids))):  # the log lists claims by id
        claim_ids = [claim_ids[i] for i in order]
        tags = [tags[i] for i in order]
        stored = {name: [values[i] for i in order] for name, values in stored.items()}
    fields = _plain_columns(stored, _CLAIM_CONVERTERS)
    texts = claim_texts(
        claim_ids,
        [names[source_id] for source_id in stored["source_id"]],
        tags,  # `_tag_tokens` writes each list sorted
        {name: tokens(values) for name, values in fields.items()},
    )
    _append_texts(session, [(CLAIM, text) for text in texts])


# What SQLite hands back as it was handed, by the column's type: a value of
# another type is converted by the column's affinity, and is read back instead.
_SQLITE_PLAIN_TYPES: tuple[tuple[type, frozenset[type]], ...] = (
    (sqltypes.Float, frozenset({float, int, type(None)})),  # REAL: an int comes back a float
    (sqltypes.Integer, frozenset({int, type(None)})),
    (sqltypes.String, frozenset({str, type(None)})),
    # Handed as ISO text (`raw.sqlite_rows`), into a column of NUMERIC affinity.
    (sqltypes.Date, frozenset({str, type(None)})),
    (sqltypes.DateTime, frozenset({str, type(None)})),
)


def _storage_type(column_type: Any) -> Any:
    """The type a column is stored as (SQLModel's AutoString is a String)."""
    while isinstance(column_type, sqltypes.TypeDecorator):
        column_type = column_type.impl_instance
    return column_type


def _sqlite_plain_types(column_type: Any) -> frozenset[type] | None:
    for kind, allowed in _SQLITE_PLAIN_TYPES:
        if isinstance(column_type, kind):
            return allowed
    return None


def _sqlite_stored_columns(
    table: Table,
    wanted: Sequence[str],
    inserted: Mapping[str, Sequence[Any]],
) -> dict[str, list[Any]] | None:
    """Columns `wanted` of rows just inserted into SQLite's `table` (`inserted`:
    the values handed, by column name), as SQLite reads them back, or None
    where that is not plain to see.

    SQLite gives back what it was handed but for a float column's NaN (stored
    NULL) and -0.0 (stored as the integer 0, read back 0.0), both made so
    here; a column left out (a default) or a value of another type than its
    column holds (stored by the column's affinity) gives None.
    """
    if len({len(values) for values in inserted.values()}) > 1:
        raise ValueError("columns of different lengths")
    found: dict[str, list[Any]] = {}
    for name in wanted:
        column_type = _storage_type(table.c[name].type)
        allowed = _sqlite_plain_types(column_type)
        if name not in inserted or allowed is None:
            return None
        values = list(inserted[name])
        if values.count(None) == len(values):  # an empty column, asked in C: stored as is
            found[name] = values
            continue
        kinds = set(map(type, values))
        if not kinds <= allowed:
            return None
        if isinstance(column_type, sqltypes.Date | sqltypes.DateTime) and not all(
            v[4:5] == "-" and v[:4].isdigit() for v in set(values) if v is not None
        ):  # NUMERIC affinity: text that reads as a number would be stored as one
            return None
        found[name] = _floats_as_sqlite_reads(values) if float in kinds else values
    return found


def _floats_as_sqlite_reads(values: list[Any]) -> list[Any]:
    """`values` as SQLite reads them back: a float NaN is stored NULL, and -0.0
    is stored as the integer 0 and read back 0.0; every other value as handed."""
    kinds = set(map(type, values))
    if float not in kinds:  # a column of ints, text or dates: nothing to look at
        return values
    if kinds <= {float, type(None)}:
        # The usual column, asked a C call at a time: no zero (the filter keeps
        # every value but None and zeros) and no NaN.
        nonzero = list(filter(None, values))
        if len(nonzero) == len(values) - values.count(None) and not any(map(math.isnan, nonzero)):
            return values
    if not any(v != v or v == 0.0 for v in values if type(v) is float):
        return values
    return [(None if v != v else 0.0 if v == 0.0 else v) if type(v) is float else v for v in values]


_STORED_ORDER = ("prediction_id", "is_current", *RESOLUTION_COLUMNS)
_FLOAT_COLUMNS = frozenset(
    name for name in _STORED_ORDER if _RESOLUTIONS.c[name].type.python_type is float
)


def _as_stored(inserted: Mapping[str, Sequence[Any]], count: int) -> dict[str, list[Any]] | None:
    """The inserted columns as `_RESOLUTION_SQL` reads them back from SQLite (by
    `_STORED_ORDER` name), or None where a value's storage is not plain (a
    float in a column not of floats)."""
    columns = {}
    for name in _STORED_ORDER:
        if name not in inserted:
            columns[name] = [None] * count
            continue
        values = list(inserted[name])
        if len(values) != count:
            raise ValueError(f"column {name} has {len(values)} values for {count} rows")
        if name not in _FLOAT_COLUMNS and float in set(map(type, values)):
            return None
        columns[name] = _floats_as_sqlite_reads(values)
    return columns


def _as_stored_elsewhere(
    session: Session, inserted: Mapping[str, Sequence[Any]], count: int, first_id: int
) -> dict[str, list[Any]] | None:
    """The inserted columns as `_RESOLUTION_SQL` reads them back from PostgreSQL,
    or None where that is not plain to see.

    psycopg gives back what it was handed, by type: a float as that float (NaN
    and -0.0 included), an int in a float column as a float, a date, a string,
    a bool. A timestamp column is stored in the server's terms, so one of a
    single value throughout (a run's `created_at`) is read back once, from the
    first new row; any other value (a string for a date, a float for an
    integer, a timestamp that varies) gives None, and the rows are read back.
    """
    columns: dict[str, list[Any]] = {}
    for name in _STORED_ORDER:
        if name not in inserted:
            columns[name] = [None] * count
            continue
        values = list(inserted[name])
        if len(values) != count:
            raise ValueError(f"column {name} has {len(values)} values for {count} rows")
        kinds = set(map(type, values)) - {type(None)}
        column_type = _storage_type(_RESOLUTIONS.c[name].type)
        if isinstance(column_type, sqltypes.Float):
            if not kinds <= {float, int}:
                return None
            if int in kinds:
                values = [v if v is None else float(v) for v in values]
        elif isinstance(column_type, sqltypes.DateTime):
            if not kinds:
                pass
            elif len(set(values)) != 1 or not kinds <= {datetime}:
                return None
            else:
                read = fetchall(session, f"SELECT {name} FROM resolution WHERE id = ?", [first_id])
                values = [read[0][0]] * count
        else:
            allowed = next(
                (plain for kind, plain in _HANDED_BACK if isinstance(column_type, kind)), None
            )
            if allowed is None or not kinds <= allowed:
                return None
        columns[name] = values
    return columns


_HANDED_BACK: tuple[tuple[type, frozenset[type]], ...] = (
    (sqltypes.Boolean, frozenset({bool})),
    (sqltypes.Integer, frozenset({int})),
    (sqltypes.String, frozenset({str})),
    (sqltypes.Date, frozenset({date})),
)
"""What psycopg hands back as it was handed, by the column's type (a datetime is
no date here: `type(value)` is compared, and a date column refuses one)."""


def _log_resolution_rows(
    session: Session,
    rows: Sequence[tuple],
    claim_status: Mapping[int, str] | None,
    void_reasons: Mapping[int, str | None] | None,
) -> None:
    """Append the entries of resolution rows in `_RESOLUTION_SQL`'s columns."""
    stored = {name: list(map(itemgetter(at), rows)) for at, name in enumerate(_STORED_ORDER, 1)}
    _log_resolution_columns(session, [row[0] for row in rows], stored, claim_status, void_reasons)


def _log_resolution_columns(
    session: Session,
    resolution_ids: Sequence[int],
    stored: Mapping[str, Sequence[Any]],
    claim_status: Mapping[int, str] | None,
    void_reasons: Mapping[int, str | None] | None,
) -> None:
    """Append the entries of resolutions given as their stored columns (by
    `_STORED_ORDER` name, as `_RESOLUTION_SQL` reads them)."""
    claim_ids = stored["prediction_id"]
    claim_status = claim_status or {}
    if all(stored["is_current"]):  # a run's new resolutions: asked in C, not per entry
        current = [True] * len(claim_ids)
        statuses = list(map(claim_status.get, claim_ids))
    else:
        current = [bool(value) for value in stored["is_current"]]
        statuses = [
            claim_status.get(claim_id) if is_current else None
            for claim_id, is_current in zip(claim_ids, current, strict=True)
        ]
    if void_reasons and "void" in statuses:
        reasons = [
            void_reasons.get(claim_id) if status == "void" else None
            for claim_id, status in zip(claim_ids, statuses, strict=True)
        ]
    else:
        reasons = [None] * len(statuses)
    fields = _plain_columns(stored, _RESOLUTION_CONVERTERS)
    texts = resolution_texts(
        resolution_ids,
        claim_ids,
        {name: tokens(values) for name, values in fields.items()},
        current,
        statuses,
        reasons,
    )
    _append_texts(session, [(RESOLUTION, text) for text in texts])


# --- entries from stored rows -------------------------------------------------
#
# Rows are read through the driver (the bulk paths log 100k rows, and
# SQLAlchemy's per-row type processing would cost more than the logging), and
# each column's value is put in plain form by a converter chosen once from its
# type: SQLite hands back dates and timestamps as the ISO text SQLAlchemy
# stored, PostgreSQL as date and aware datetime objects; both come out equal.


def _float(value: Any) -> Any:
    if value is None:
        return None
    return plain(float(value))


def _day(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def _moment(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " ":  # SQLAlchemy's SQLite storage format
            return value[:10] + "T" + value[11:] + "Z"
        return plain(datetime.fromisoformat(value))
    return plain(value)


def _boolean(value: Any) -> Any:
    return None if value is None else bool(value)


def _converter(column) -> Callable[[Any], Any] | None:
    kind = column.type.python_type
    if kind is float:
        return _float
    if kind is bool:
        return _boolean
    if kind is datetime:
        return _moment
    if kind is date:
        return _day
    return None


@dataclass(frozen=True)
class _Columns:
    """Column names in select order, and which positions need converting."""

    names: tuple[str, ...]
    conversions: tuple[tuple[int, str, Callable[[Any], Any]], ...]


def _converters(table: Table, columns: Sequence[str]) -> _Columns:
    conversions = []
    for position, name in enumerate(columns):
        convert = _converter(table.c[name])
        if convert is not None:
            conversions.append((position, name, convert))
    return _Columns(tuple(columns), tuple(conversions))


_CLAIM_CONVERTERS = _converters(_CLAIMS, CLAIM_COLUMNS)
_RESOLUTION_CONVERTERS = _converters(_RESOLUTIONS, RESOLUTION_COLUMNS)
_SOURCE_CONVERTERS = _converters(_SOURCES, SOURCE_COLUMNS)
_REVIEW_CONVERTERS = _converters(_REVIEWS, REVIEW_COLUMNS)


def _plain(values: Sequence[Any], columns: _Columns) -> dict[str, Any]:
    row = dict(zip(columns.names, values, strict=True))
    for position, name, convert in columns.conversions:
        value = values[position]
        if value is not None:
            row[name] = convert(value)
    return row


def _rows(session: Session, sql: str, key: str, ids: Sequence[int] | None) -> list[tuple]:
    """`sql` for every row, or for rows whose `key` is in `ids` (in IN-list chunks)."""
    if ids is None:
        return fetchall(session, sql, [])
    found: list[tuple] = []
    joiner = " AND " if " WHERE " in sql else " WHERE "
    for part in chunks(sorted(set(ids))):
        marks = ", ".join("?" * len(part))
        found += fetchall(session, f"{sql}{joiner}{key} IN ({marks})", list(part))
    return found


def _tags(session: Session, claim_ids: Sequence[int] | None) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    sql = "SELECT prediction_id, tag FROM prediction_tag"
    for claim_id, tag in _rows(session, sql, "prediction_id", claim_ids):
        found[claim_id].append(tag)
    return found


_CLAIM_SQL = (
    "SELECT p.id, p.status, p.void_reason, s.name, "
    + ", ".join(f"p.{c}" for c in CLAIM_COLUMNS)
    + " FROM prediction p JOIN source s ON s.id = p.source_id"
)
_RESOLUTION_SQL = (
    "SELECT id, prediction_id, is_current, " + ", ".join(RESOLUTION_COLUMNS) + " FROM resolution"
)
_SOURCE_SQL = "SELECT id, " + ", ".join(SOURCE_COLUMNS) + " FROM source"
_REVIEW_SQL = "SELECT id, " + ", ".join(REVIEW_COLUMNS) + " FROM review_action"


def _claim_rows(session: Session, claim_ids: Sequence[int] | None) -> list[tuple]:
    if claim_ids is None:
        return fetchall(session, _CLAIM_SQL + " ORDER BY p.id", [])
    rows = _rows(session, _CLAIM_SQL, "p.id", claim_ids)
    rows.sort(key=lambda row: row[0])
    return rows


def claim_entries(session: Session, claim_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Entries for claims just recorded, from their stored rows."""
    if not claim_ids:
        return []
    tags = _tags(session, claim_ids)
    return [
        claim_entry(row[0], row[3], tags.get(row[0], ()), _plain(row[4:], _CLAIM_CONVERTERS))
        for row in _claim_rows(session, claim_ids)
    ]


def _resolution_rows(
    session: Session, claim_ids: Sequence[int] | None, current_only: bool = False
) -> list[tuple]:
    sql = _RESOLUTION_SQL + (" WHERE is_current" if current_only else "")
    if claim_ids is None:
        return fetchall(session, sql + " ORDER BY id", [])
    rows = _rows(session, sql, "prediction_id", claim_ids)
    rows.sort(key=lambda row: row[0])
    return rows


def resolution_entries(
    session: Session,
    claim_ids: Sequence[int],
    *,
    current_only: bool,
    claim_status: Mapping[int, str] | None = None,
    void_reasons: Mapping[int, str | None] | None = None,
) -> list[dict[str, Any]]:
    """Entries for resolutions just written for `claim_ids` (their current ones,
    or all of them for claims recorded in this same transaction)."""
    if not claim_ids:
        return []
    entries = []
    for row in _resolution_rows(session, claim_ids, current_only):
        resolution_id, claim_id, is_current = row[0], row[1], bool(row[2])
        status = (claim_status or {}).get(claim_id) if is_current else None
        entries.append(
            resolution_entry(
                resolution_id,
                claim_id,
                _plain(row[3:], _RESOLUTION_CONVERTERS),
                current=is_current,
                claim_status=status,
                void_reason=(void_reasons or {}).get(claim_id) if status == "void" else None,
            )
        )
    return entries


def source_entries(session: Session, source_ids: Iterable[int]) -> list[dict[str, Any]]:
    rows = sorted(_rows(session, _SOURCE_SQL, "id", list(source_ids)))
    return [source_entry(row[0], _plain(row[1:], _SOURCE_CONVERTERS)) for row in rows]


def review_entries(session: Session, review_ids: Iterable[int]) -> list[dict[str, Any]]:
    """Entries for review actions just written, from their stored rows."""
    rows = sorted(_rows(session, _REVIEW_SQL, "id", list(review_ids)))
    return [review_entry(row[0], _plain(row[1:], _REVIEW_CONVERTERS)) for row in rows]


# --- the state the tables hold ------------------------------------------------


def ledger_state(session: Session) -> LedgerState:
    """Claims, resolutions, sources and aliases as stored, in the log's plain values."""
    from ledger.proof.quick import as_state

    return as_state(ledger_columns(session))


def _floats(column: Sequence[Any]) -> list[Any]:
    values = [v if v is None or type(v) is float else float(v) for v in column]
    if all(map(math.isfinite, filter(None, values))):  # None and 0.0 left out: both fine
        return values
    return [plain(v) for v in values]


def _days(column: Sequence[Any]) -> list[Any]:
    return [v if v is None or type(v) is str else v.isoformat() for v in column]


def _moments(column: Sequence[Any]) -> list[Any]:
    return [
        v[:10] + "T" + v[11:] + "Z"
        if type(v) is str and len(v) == 26 and v[10] == " "
        else _moment(v)
        for v in column
    ]


def _booleans(column: Sequence[Any]) -> list[Any]:
    return [None if v is None else bool(v) for v in column]


_COLUMN_CONVERTERS: dict[Callable[[Any], Any], Callable[[Sequence[Any]], list[Any]]] = {
    _float: _floats,
    _day: _days,
    _moment: _moments,
    _boolean: _booleans,
}


def _column_values(rows: Sequence[tuple], first: int, columns: _Columns) -> dict[str, list[Any]]:
    """Columns `first`.. of `rows`, one list per column, in plain values: the
    same values `_plain` gives row by row, converted a column at a time."""
    return _plain_columns(
        {name: list(map(itemgetter(first + at), rows)) for at, name in enumerate(columns.names)},
        columns,
    )


def _plain_columns(stored: Mapping[str, list[Any]], columns: _Columns) -> dict[str, list[Any]]:
    """Stored column values (by name, each in `columns`) in plain values."""
    convert = {name: converter for _, name, converter in columns.conversions}
    values: dict[str, list[Any]] = {}
    for name in columns.names:
        column = stored[name]
        converter = convert.get(name)
        if converter is None or column.count(None) == len(column):
            # An empty column (most of a plain claim's) converts to itself: asked in C.
            values[name] = column
        elif converter in _ONE_TEXT_WHEN_EQUAL and _one_value(column):
            # A run's created_at: one timestamp, converted once, not once per row.
            values[name] = _COLUMN_CONVERTERS[converter](column[:1]) * len(column)
        else:
            values[name] = _COLUMN_CONVERTERS[converter](column)
    return values


# Converters whose plain text is the same for equal values of one type (an equal
# date, or timestamp, is the same day, or instant; not so for floats, where 0.0 ==
# -0.0 are written apart).
_ONE_TEXT_WHEN_EQUAL = frozenset({_day, _moment})


def _one_value(column: Sequence[Any]) -> bool:
    """Whether a column holds one value of one type throughout (and is not empty)."""
    return (
        bool(column)
        and len(set(map(type, column))) == 1
        and list(column).count(column[0]) == len(column)
    )


def ledger_columns(session: Session) -> Tables:
    """The tables as `verify`'s quick check reads them: one SELECT per table,
    column by column, in the log's plain values."""
    from ledger.proof.quick import ClaimColumns, ResolutionColumns, Tables

    claim_rows = _claim_rows(session, None)
    tags = _tags(session, None)
    resolution_rows = _resolution_rows(session, None)
    claims = ClaimColumns(
        ids=[row[0] for row in claim_rows],
        status=[row[1] for row in claim_rows],
        void_reason=[row[2] for row in claim_rows],
        source=[row[3] for row in claim_rows],
        tags=[tuple(sorted(tags.get(row[0], ()))) for row in claim_rows],
        fields=_column_values(claim_rows, 4, _CLAIM_CONVERTERS),
    )
    resolutions = ResolutionColumns(
        ids=[row[0] for row in resolution_rows],
        claim_ids=[row[1] for row in resolution_rows],
        current=[bool(row[2]) for row in resolution_rows],
        fields=_column_values(resolution_rows, 3, _RESOLUTION_CONVERTERS),
    )
    sources = {
        row[0]: _plain(row[1:], _SOURCE_CONVERTERS)
        for row in _rows(session, _SOURCE_SQL, "id", None)
    }
    aliases = dict(fetchall(session, "SELECT alias, symbol FROM alias", []))
    reviews = {
        row[0]: _plain(row[1:], _REVIEW_CONVERTERS)
        for row in _rows(session, _REVIEW_SQL, "id", None)
    }
    return Tables(claims, resolutions, sources, aliases, reviews)


# --- reading the log ---------------------------------------------------------


def _head_row(session: Session) -> Row | None:
    """The head's row, read through the table (`session.get` would configure every mapper)."""
    return session.execute(select(proof_head).where(proof_head.c.id == HEAD_ID)).first()


def read_head(session: Session) -> Head:
    row = _head_row(session)
    if row is None:
        raise NoLogError(
            "this ledger has no proof log yet: open it once without mode=ro to build it"
        )
    return Head(
        row.size,
        row.root,
        as_utc(row.updated_at),
        as_utc(row.backfilled_at) if row.backfilled_at else None,
        row.backfill_size,
    )


def stored_frontier(session: Session) -> tuple[int, list[str]]:
    row = _head_row(session)
    if row is None:
        raise NoLogError("this ledger has no proof log yet")
    return row.size, json.loads(row.frontier)


def read_log(session: Session) -> list[tuple[int, str, str]]:
    """Every (seq, entry text, leaf hash hex), in seq order."""
    return fetchall(session, "SELECT seq, entry, leaf_hash FROM proof_log ORDER BY seq", [])


def read_log_with_kinds(session: Session) -> list[tuple[int, str, str, str]]:
    """Every (seq, kind, entry text, leaf hash hex), in seq order; the kind
    column is not hashed, so it is only a hint of what the text says."""
    return fetchall(session, "SELECT seq, kind, entry, leaf_hash FROM proof_log ORDER BY seq", [])


# --- opening -----------------------------------------------------------------


def ensure_log(engine: Engine) -> None:
    """Guards in place and a log present; an existing ledger's log is built once."""
    head = proof_head.c
    with engine.connect() as connection:
        has_head = connection.execute(select(head.id).where(head.id == HEAD_ID)).first() is not None
        guarded = guards_current(connection)
    if not guarded:
        with engine.begin() as connection:
            install_guards(connection)
    if not has_head:
        build_log(engine)


def build_log(engine: Engine) -> None:
    """Log an existing ledger's tables as they stand, once (a concurrent opener
    that got there first wins; this one then does nothing)."""
    now = utcnow()
    try:
        with Session(engine) as session, session.begin():
            session.execute(
                insert(proof_head).values(
                    id=HEAD_ID,
                    size=0,
                    root=Frontier.empty().root.hex(),
                    frontier="[]",
                    updated_at=now,
                )
            )
            entries = _history_entries(session)
            if entries:
                entries.append(backfill_entry(len(entries), now))
                append(session, entries)
                head = proof_head
                session.execute(
                    update(head)
                    .where(head.c.id == HEAD_ID)
                    .values(backfilled_at=now, backfill_size=len(entries) - 1)
                )
    except IntegrityError:
        return


def _history_entries(session: Session) -> list[dict[str, Any]]:
    """The tables as entries: sources, aliases, claims, resolutions, then the
    statuses replaying them would not reach."""
    state = ledger_state(session)
    entries: list[dict[str, Any]] = [
        source_entry(source_id, fields) for source_id, fields in sorted(state.sources.items())
    ]
    entries += [alias_entry(a, s) for a, s in sorted(state.aliases.items())]
    for claim_id, claim in sorted(state.claims.items()):
        entries.append(claim_entry(claim_id, claim.source, claim.tags, claim.fields))
    for resolution_id, resolution in sorted(state.resolutions.items()):
        entries.append(
            resolution_entry(
                resolution_id,
                resolution.claim_id,
                resolution.fields,
                current=resolution.current,
                claim_status=None,
            )
        )
    entries += [
        status_entry(claim_id, claim.status, claim.void_reason)
        for claim_id, claim in sorted(state.claims.items())
        if claim.status not in ("open", "vague") or claim.void_reason is not None
    ]
    entries += [review_entry(rid, fields) for rid, fields in sorted(state.reviews.items())]
    return entries


def log_section(session: Session) -> dict[str, Any]:
    """The log as an export carries it: the head and every entry's text, in order."""
    head = read_head(session)
    entries = [text for _, text, _ in read_log(session)]
    return {"tree_size": head.size, "root": head.root, "entries": entries}
