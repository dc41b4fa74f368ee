"""The ledger read for `forecast export`, a batch of claims at a time.

An export once loaded every claim, every resolution and the whole proof log
before writing a byte: 1.3 GB at 100k claims. Here claims come in id order,
`size` at a time (one query each for the claims, their tags and their
histories: keyset pages on the id, so each page costs the same however far in
it is), and the log's entries likewise by seq; the caller renders and writes
one batch before the next is read, so memory stays that of one batch.

All the batches of one export are read in one transaction that sees one state
of the ledger (`one_snapshot`): a resolve run committing half-way through must
not leave the export with claims of one moment and a log of another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlmodel import Session

from ledger.records import ExportBatch, ResolutionRecord
from ledger.store import core_tables
from ledger.store.batching import IN_LIST_SIZE
from ledger.store.claim_json import claim_json
from ledger.store.claims import _claim_query, _plain_rows, _to_resolution, record_from_row
from ledger.store.raw import fetchall

# Claims (and log entries) per batch: a batch's records and text are all an
# export holds at once. Read when a reading starts, so tests can make it small.
BATCH_SIZE = IN_LIST_SIZE
EXPORT_CACHE_KIB = 16_384

_prediction = core_tables.prediction.c
_revised = core_tables.prediction.alias("revised")
_resolution = core_tables.resolution.c


@contextmanager
def one_snapshot(session: Session) -> Iterator[None]:
    """Every read inside sees the ledger as it stood at the first.

    PostgreSQL's default isolation gives each statement its own snapshot, and
    Python's sqlite3 opens no transaction for a SELECT; so a REPEATABLE READ,
    READ ONLY transaction there, and an explicit (deferred) BEGIN on SQLite,
    whose WAL then keeps this reader's snapshot while writers go on (and a
    page cache of 16 MB: the reading is one pass).
    """
    if session.get_bind().dialect.name == "postgresql":
        # before the session's first statement, so the transaction begins so
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )
    else:
        driver = session.connection().connection.dbapi_connection
        if driver is not None and not driver.in_transaction:
            # An export reads each page once: the ledger's 128 MB page cache
            # would only hold pages never read again (the OS keeps them anyway).
            driver.execute(f"PRAGMA cache_size=-{EXPORT_CACHE_KIB}")
            driver.execute("BEGIN")
    try:
        yield
    finally:
        session.rollback()


def claim_batches(
    session: Session, size: int | None = None, *, as_json: bool = False
) -> Iterator[ExportBatch]:
    """Every claim, ordered by id, `size` at a time, with its tags, history and
    the fingerprint of the claim it revises: three queries per batch. With
    `as_json`, as JSON objects (`ExportBatch.json_objects`), made from the
    columns without a record where `claim_json` can."""
    size = size or BATCH_SIZE
    after = 0
    while True:
        query = (
            _claim_query()
            .add_columns(_revised.c.fingerprint.label("revised_fingerprint"))
            .join(_revised, _revised.c.id == _prediction.revises_id, isouter=True)
            .where(_prediction.id > after)
            .order_by(_prediction.id)
            .limit(size)
        )
        rows = _plain_rows(session, query)
        if not rows:
            return
        first, last = rows[0].id, rows[-1].id
        tags = _tags_between(session, first, last)
        yield ExportBatch(
            claims=[] if as_json else [record_from_row(row, tags.get(row.id, ())) for row in rows],
            json_objects=[claim_json(row, tags.get(row.id, ())) for row in rows] if as_json else (),
            histories=_histories_between(session, first, last),
            revised_fingerprints={
                row.revises_id: row.revised_fingerprint
                for row in rows
                if row.revised_fingerprint is not None
            },
        )
        if len(rows) < size:
            return
        after = last


def log_entry_batches(session: Session, size: int | None = None) -> Iterator[list[str]]:
    """Every proof-log entry's text, in seq order, `size` at a time."""
    size = size or BATCH_SIZE
    after = None
    while True:
        if after is None:
            rows = fetchall(
                session, "SELECT seq, entry FROM proof_log ORDER BY seq LIMIT ?", [size]
            )
        else:
            rows = fetchall(
                session,
                "SELECT seq, entry FROM proof_log WHERE seq > ? ORDER BY seq LIMIT ?",
                [after, size],
            )
        if not rows:
            return
        yield [entry for _, entry in rows]
        if len(rows) < size:
            return
        after = rows[-1][0]


def _tags_between(session: Session, first: int, last: int) -> dict[int, tuple[str, ...]]:
    """The tags of the claims with ids in [first, last], each claim's sorted."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = fetchall(
        session,
        "SELECT prediction_id, tag FROM prediction_tag"
        " WHERE prediction_id BETWEEN ? AND ? ORDER BY prediction_id, tag",
        [first, last],
    )
    for claim_id, tag in rows:
        found[claim_id].append(tag)
    return {claim_id: tuple(tags) for claim_id, tags in found.items()}


def _histories_between(
    session: Session, first: int, last: int
) -> dict[int, list[ResolutionRecord]]:
    """The resolutions of the claims with ids in [first, last], oldest first."""
    histories: dict[int, list[ResolutionRecord]] = defaultdict(list)
    query = (
        select(core_tables.resolution)
        .where(_resolution.prediction_id.between(first, last))
        .order_by(_resolution.prediction_id, _resolution.created_at, _resolution.id)
    )
    for row in session.connection().execute(query):
        histories[row.prediction_id].append(_to_resolution(row))
    return dict(histories)
