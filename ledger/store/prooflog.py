"""Writing and reading the proof log.

Every write path calls `append` inside its own transaction, after making its
change, with the entries that describe it (built here from the rows as
stored, so the log says exactly what the tables say). An append locks the
head row (PostgreSQL: SELECT ... FOR UPDATE; SQLite: an UPDATE first, which
takes the database's write lock), numbers its entries after the head, inserts
them with one executemany and moves the head: concurrent writers queue on the
lock, so the log never forks and no entry is lost. The head keeps the tree's
frontier, so an append hashes only its own entries.

`ensure_log` runs at every open: it installs the guard triggers when they are
missing or stale, and gives a ledger that has no log yet (an upgraded one)
a log built from its tables, marked as attested only from then on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from ledger.errors import LedgerError
from ledger.proof.entries import (
    MUTABLE_CLAIM_COLUMNS,
    MUTABLE_RESOLUTION_COLUMNS,
    MUTABLE_SOURCE_COLUMNS,
    alias_entry,
    backfill_entry,
    canonical,
    claim_entry,
    plain,
    resolution_entry,
    source_entry,
    status_entry,
)
from ledger.proof.merkle import Frontier, leaf_hash
from ledger.proof.replay import ClaimState, LedgerState, ResolutionState
from ledger.store.batching import chunks
from ledger.store.guards import guards_current, install_guards
from ledger.store.raw import adapt, executemany
from ledger.store.tables import (
    AliasRow,
    PredictionRow,
    PredictionTagRow,
    ProofHeadRow,
    ProofLogRow,
    ResolutionRow,
    SourceRow,
    as_utc,
    utcnow,
)

HEAD_ID = 1
_CLAIMS: Table = PredictionRow.__table__
_RESOLUTIONS: Table = ResolutionRow.__table__
_SOURCES: Table = SourceRow.__table__
CLAIM_COLUMNS = tuple(c.name for c in _CLAIMS.columns if c.name not in MUTABLE_CLAIM_COLUMNS)
RESOLUTION_COLUMNS = tuple(
    c.name for c in _RESOLUTIONS.columns if c.name not in MUTABLE_RESOLUTION_COLUMNS
)
SOURCE_COLUMNS = tuple(c.name for c in _SOURCES.columns if c.name not in MUTABLE_SOURCE_COLUMNS)


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


def _lock_head(session: Session) -> Frontier:
    head = ProofHeadRow.__table__
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(head).where(head.c.id == HEAD_ID).values(size=head.c.size))
        query = select(head.c.size, head.c.frontier).where(head.c.id == HEAD_ID)
    else:
        query = select(head.c.size, head.c.frontier).where(head.c.id == HEAD_ID).with_for_update()
    row = session.execute(query).first()
    if row is None:
        raise NoLogError("this ledger has no proof log yet: open it once with a writing command")
    return Frontier(row.size, tuple(bytes.fromhex(h) for h in json.loads(row.frontier)))


def append(session: Session, entries: Sequence[Mapping[str, Any]]) -> None:
    """Append entries to the log in the caller's transaction (see the module docstring)."""
    if not entries:
        return
    frontier = _lock_head(session)
    blobs = [canonical(e) for e in entries]
    hashes = [leaf_hash(b) for b in blobs]
    grown = frontier.extend(hashes)
    now = adapt(session, utcnow())
    executemany(
        session,
        "INSERT INTO proof_log (seq, kind, entry, leaf_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        [
            (frontier.size + i, e["type"], b.decode("utf-8"), h.hex(), now)
            for i, (e, b, h) in enumerate(zip(entries, blobs, hashes, strict=True))
        ],
    )
    head = ProofHeadRow.__table__
    session.execute(
        update(head)
        .where(head.c.id == HEAD_ID)
        .values(
            size=grown.size,
            root=grown.root.hex(),
            frontier=json.dumps([h.hex() for h in grown.hashes]),
            updated_at=utcnow(),
        )
    )


# --- entries from stored rows -------------------------------------------------


def _plain_row(row: Any, columns: Iterable[str]) -> dict[str, Any]:
    mapping = row._mapping
    return {c: plain(_typed(c, mapping[c])) for c in columns}


_FLOAT_COLUMNS = frozenset(
    c.name
    for table in (_CLAIMS, _RESOLUTIONS, _SOURCES)
    for c in table.columns
    if c.type.python_type is float
)


def _typed(column: str, value: Any) -> Any:
    """An integer stored in a float column is the same float (SQLite may hand back 5055)."""
    if column in _FLOAT_COLUMNS and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _tags(session: Session, claim_ids: Sequence[int] | None) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    query = select(PredictionTagRow.prediction_id, PredictionTagRow.tag)
    parts = (
        [query]
        if claim_ids is None
        else [query.where(PredictionTagRow.prediction_id.in_(p)) for p in chunks(claim_ids)]
    )
    for part in parts:
        for claim_id, tag in session.execute(part):
            found[claim_id].append(tag)
    return found


def _claim_rows(session: Session, claim_ids: Sequence[int] | None):
    query = (
        select(
            _CLAIMS.c.id,
            _CLAIMS.c.status,
            _CLAIMS.c.void_reason,
            SourceRow.name.label("source_name"),
            *(_CLAIMS.c[c] for c in CLAIM_COLUMNS),
        )
        .join(SourceRow, SourceRow.id == _CLAIMS.c.source_id)
        .order_by(_CLAIMS.c.id)
    )
    if claim_ids is None:
        yield from session.execute(query)
        return
    for part in chunks(sorted(claim_ids)):
        yield from session.execute(query.where(_CLAIMS.c.id.in_(part)))


def claim_entries(session: Session, claim_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Entries for claims just recorded, from their stored rows."""
    tags = _tags(session, claim_ids)
    return [
        claim_entry(row.id, row.source_name, tags.get(row.id, ()), _plain_row(row, CLAIM_COLUMNS))
        for row in _claim_rows(session, claim_ids)
    ]


def _resolution_rows(session: Session, where=None):
    query = select(_RESOLUTIONS).order_by(_RESOLUTIONS.c.id)
    if where is not None:
        query = query.where(where)
    return session.execute(query)


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
    entries = []
    for part in chunks(sorted(set(claim_ids))):
        where = _RESOLUTIONS.c.prediction_id.in_(part)
        if current_only:
            where = where & _RESOLUTIONS.c.is_current
        for row in _resolution_rows(session, where):
            status = (claim_status or {}).get(row.prediction_id) if row.is_current else None
            entries.append(
                resolution_entry(
                    row.id,
                    row.prediction_id,
                    _plain_row(row, RESOLUTION_COLUMNS),
                    current=bool(row.is_current),
                    claim_status=status,
                    void_reason=(void_reasons or {}).get(row.prediction_id)
                    if status == "void"
                    else None,
                )
            )
    return entries


def source_entries(session: Session, source_ids: Iterable[int]) -> list[dict[str, Any]]:
    entries = []
    for part in chunks(sorted(set(source_ids))):
        query = select(_SOURCES).where(_SOURCES.c.id.in_(part)).order_by(_SOURCES.c.id)
        for row in session.execute(query):
            entries.append(source_entry(row.id, _plain_row(row, SOURCE_COLUMNS)))
    return entries


# --- the state the tables hold ------------------------------------------------


def ledger_state(session: Session) -> LedgerState:
    """Claims, resolutions, sources and aliases as stored, in the log's plain values."""
    state = LedgerState()
    tags = _tags(session, None)
    for row in _claim_rows(session, None):
        state.claims[row.id] = ClaimState(
            row.source_name,
            tuple(sorted(tags.get(row.id, ()))),
            _plain_row(row, CLAIM_COLUMNS),
            row.status,
            row.void_reason,
        )
    for row in _resolution_rows(session):
        state.resolutions[row.id] = ResolutionState(
            row.prediction_id, _plain_row(row, RESOLUTION_COLUMNS), bool(row.is_current)
        )
    for row in session.execute(select(_SOURCES)):
        state.sources[row.id] = _plain_row(row, SOURCE_COLUMNS)
    state.aliases = dict(session.execute(select(AliasRow.alias, AliasRow.symbol)).all())
    return state


# --- reading the log ---------------------------------------------------------


def read_head(session: Session) -> Head:
    row = session.get(ProofHeadRow, HEAD_ID)
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
    row = session.get(ProofHeadRow, HEAD_ID)
    if row is None:
        raise NoLogError("this ledger has no proof log yet")
    return row.size, json.loads(row.frontier)


def read_log(session: Session) -> list[tuple[int, str, str]]:
    """Every (seq, entry text, leaf hash hex), in seq order."""
    log = ProofLogRow.__table__
    query = select(log.c.seq, log.c.entry, log.c.leaf_hash).order_by(log.c.seq)
    return [tuple(row) for row in session.execute(query)]


# --- opening -----------------------------------------------------------------


def ensure_log(engine: Engine) -> None:
    """Guards in place and a log present; an existing ledger's log is built once."""
    with engine.connect() as connection:
        has_head = (
            connection.execute(select(ProofHeadRow.id).where(ProofHeadRow.id == HEAD_ID)).first()
            is not None
        )
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
                insert(ProofHeadRow.__table__).values(
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
                head = ProofHeadRow.__table__
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
        if claim.status != "open" or claim.void_reason is not None
    ]
    return entries


def log_section(session: Session) -> dict[str, Any]:
    """The log as an export carries it: the head and every entry's text, in order."""
    head = read_head(session)
    entries = [text for _, text, _ in read_log(session)]
    return {"tree_size": head.size, "root": head.root, "entries": entries}
