"""Resolver runs: their records, and the lock that keeps them from overlapping.

The lock is a row whose primary key is the lock's name, so the database
itself refuses a second holder. A run killed mid-way leaves its row behind;
the next run takes it over when the holder's process is gone (same host) or
its heartbeat is older than `STALE_AFTER`.

Whoever takes the resolve lock also marks every run that never finished as
interrupted: runs only write while they hold the lock, so an unfinished run
that no longer holds it died (kill -9, a power cut) and will never finish.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.store.core_tables import as_utc, resolve_lock, resolve_run, utcnow
from ledger.store.revisions import RunRevision, bars_revised_by_run, revisions_by_run

STALE_AFTER = timedelta(hours=6)
RESOLVE_LOCK = "resolve"


class ResolverBusy(LedgerError):
    """Another resolver run holds the lock."""


HEARTBEAT_EVERY = timedelta(seconds=60)


@dataclass
class RunLock:
    engine: Engine
    name: str
    holder: str
    last_beat: datetime = field(default_factory=utcnow)

    def heartbeat(self) -> None:
        """Tell other runs this one is alive (at most once a minute: each beat is a commit)."""
        now = utcnow()
        if now - self.last_beat < HEARTBEAT_EVERY:
            return
        self.last_beat = now
        with Session(self.engine) as session, session.begin():
            session.execute(
                update(resolve_lock)
                .where(resolve_lock.c.name == self.name, resolve_lock.c.holder == self.holder)
                .values(heartbeat_at=utcnow())
            )

    def release(self) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(resolve_lock).where(
                    resolve_lock.c.name == self.name, resolve_lock.c.holder == self.holder
                )
            )


def acquire_lock(engine: Engine, name: str = RESOLVE_LOCK) -> RunLock:
    """Take the named lock or raise ResolverBusy naming who holds it."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    for _attempt in range(2):
        now = utcnow()
        try:
            with Session(engine) as session, session.begin():
                session.execute(
                    insert(resolve_lock).values(
                        name=name,
                        holder=holder,
                        host=socket.gethostname(),
                        pid=os.getpid(),
                        acquired_at=now,
                        heartbeat_at=now,
                    )
                )
                if name == RESOLVE_LOCK:
                    _mark_unfinished_runs_interrupted(session, now)
            return RunLock(engine, name, holder)
        except IntegrityError:
            pass
        with Session(engine) as session, session.begin():
            current = session.execute(
                select(resolve_lock).where(resolve_lock.c.name == name)
            ).one_or_none()
            if current is None:
                continue
            if not _is_stale(current):
                raise ResolverBusy(
                    f"another resolve run is in progress ({current.holder}, since "
                    f"{as_utc(current.acquired_at):%Y-%m-%d %H:%M} UTC): "
                    "try again when it finishes"
                )
            session.execute(
                delete(resolve_lock).where(
                    resolve_lock.c.name == name, resolve_lock.c.holder == current.holder
                )
            )
    raise ResolverBusy("another resolve run took the lock first: try again when it finishes")


def _mark_unfinished_runs_interrupted(session: Session, now: datetime) -> None:
    """Runs left unfinished by a process that died; called by the new lock holder."""
    session.execute(
        update(resolve_run)
        .where(resolve_run.c.finished_at.is_(None), resolve_run.c.interrupted_at.is_(None))
        .values(interrupted_at=now)
    )


def _lock_is_held(session: Session, name: str = RESOLVE_LOCK) -> bool:
    """True while a live run holds the lock (a dead holder's row does not count)."""
    current = session.execute(select(resolve_lock).where(resolve_lock.c.name == name)).one_or_none()
    return current is not None and not _is_stale(current)


def _is_stale(lock: Row) -> bool:
    if utcnow() - as_utc(lock.heartbeat_at) > STALE_AFTER:
        return True
    if lock.host == socket.gethostname():
        return not _process_alive(lock.pid)
    return False


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class RunRecord:
    id: int
    started_at: datetime
    finished_at: datetime | None
    as_of: date | None
    price_source: str
    dry_run: bool
    symbols: int
    claims_checked: int
    resolved_true: int
    resolved_false: int
    still_open: int
    failed_symbols: int
    requests: int
    bars_stored: int
    bars_rejected: int
    errors: dict[str, str]
    interrupted_at: datetime | None = None
    lock_held: bool = False  # whether a live run held the lock when this record was read
    # Cached bars the run found revised; the verdicts standing on them, and what
    # became of those.
    bars_revised: int = 0
    revised: tuple[RunRevision, ...] = ()

    @property
    def state(self) -> str:
        """ok, failed symbols, running, or interrupted (it died and will never finish).

        An unfinished run not yet marked by a later run is running only while
        a live run holds the lock; otherwise it died too.
        """
        if self.finished_at is not None:
            return "failed symbols" if self.failed_symbols else "ok"
        if self.interrupted_at is None and self.lock_held:
            return "running"
        return "interrupted"

    def to_json(self) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "lock_held"}
        for key in ("started_at", "finished_at", "as_of", "interrupted_at"):
            data[key] = data[key].isoformat() if data[key] is not None else None
        data["state"] = self.state
        data["revised"] = [r.to_json() for r in self.revised]
        return data


def start_run(session: Session, *, as_of: date, price_source: str, dry_run: bool) -> int:
    inserted = session.execute(
        insert(resolve_run).values(
            as_of=as_of, price_source=price_source, dry_run=dry_run, started_at=utcnow()
        )
    )
    return inserted.inserted_primary_key[0]


def finish_run(session: Session, run_id: int, **counts: object) -> None:
    values = dict(counts)
    if isinstance(values.get("errors"), dict):
        values["errors"] = (
            json.dumps(values["errors"], sort_keys=True) if values["errors"] else None
        )
    session.execute(
        update(resolve_run).where(resolve_run.c.id == run_id).values(finished_at=utcnow(), **values)
    )


def recent_runs(session: Session, limit: int = 20) -> list[RunRecord]:
    rows = session.execute(select(resolve_run).order_by(resolve_run.c.id.desc()).limit(limit)).all()
    lock_held = _lock_is_held(session)
    revised = revisions_by_run(session, [r.id for r in rows])
    bars_revised = bars_revised_by_run(session, [r.id for r in rows])
    return [
        RunRecord(
            id=r.id,
            started_at=as_utc(r.started_at),
            finished_at=as_utc(r.finished_at) if r.finished_at else None,
            as_of=r.as_of,
            price_source=r.price_source,
            dry_run=r.dry_run,
            symbols=r.symbols,
            claims_checked=r.claims_checked,
            resolved_true=r.resolved_true,
            resolved_false=r.resolved_false,
            still_open=r.still_open,
            failed_symbols=r.failed_symbols,
            requests=r.requests,
            bars_stored=r.bars_stored,
            bars_rejected=r.bars_rejected,
            errors=json.loads(r.errors) if r.errors else {},
            interrupted_at=as_utc(r.interrupted_at) if r.interrupted_at else None,
            lock_held=lock_held,
            bars_revised=bars_revised.get(r.id, 0),
            revised=tuple(revised.get(r.id, ())),
        )
        for r in rows
    ]
