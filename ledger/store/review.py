"""The review list's queries, and the review decisions (append-only, logged).

Each listing is one query, whatever the ledger's size: the flagged current
resolutions with their claims and sources, and the open claims whose
deadline is far enough behind. Decisions are rows of `review_action`,
written with their proof-log entry in the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, insert, or_, select
from sqlmodel import Session

from ledger.errors import NotFoundError, UsageError
from ledger.store import core_tables, prooflog
from ledger.store.core_tables import as_utc, utcnow
from ledger.store.revisions import revision_reasons

# How many recent runs are read to say since when a symbol's source has failed.
RECENT_RUNS = 200


@dataclass(frozen=True)
class FlaggedResolution:
    """A claim's current resolution that stood on a repaired or close-only bar,
    not yet reviewed."""

    claim_id: int
    resolution_id: int
    source: str
    text: str
    symbol: str
    kind: str
    outcome: str
    method: str
    bar_quality: str | None
    evidence_date: date | None
    evidence_price: float | None
    evidence_field: str | None
    deadline: date
    # A verdict re-judged after a revision (method `revised`): why, from its note.
    note: str | None = None
    # Revisions of bars this verdict stood on, in words (`ledger.store.revisions`).
    revisions: tuple[str, ...] = ()

    @property
    def revised(self) -> bool:
        """Whether the feed revised a bar behind this verdict (or it was re-judged after one)."""
        return bool(self.revisions) or self.method == "revised"


@dataclass(frozen=True)
class OverdueClaim:
    """An open claim whose deadline is behind, with what the resolver recorded about it."""

    claim_id: int
    source: str
    text: str
    symbol: str
    kind: str
    deadline: date
    open_reason: str | None
    open_detail: str | None
    checked_at: datetime | None


@dataclass(frozen=True)
class SourceOutage:
    """A symbol the price source has failed on in every run since `since`."""

    symbol: str
    since: datetime
    price_source: str
    message: str


def flagged_resolutions(session: Session) -> list[FlaggedResolution]:
    """Current verdicts that stood on a repaired, close-only or revised bar (or were
    re-judged after a revision) and that no review decision names yet, by claim id
    (one query, and one for the revisions of those flagged so)."""
    r, p, s, a, v = (
        core_tables.resolution,
        core_tables.prediction,
        core_tables.source,
        core_tables.review_action,
        core_tables.resolution_revision,
    )
    reviewed = exists().where(a.c.resolution_id == r.c.id)
    revised = exists().where(v.c.resolution_id == r.c.id)
    query = (
        select(
            p.c.id,
            r.c.id,
            s.c.name,
            p.c.text,
            p.c.symbol,
            p.c.kind,
            r.c.outcome,
            r.c.method,
            r.c.bar_quality,
            r.c.evidence_date,
            r.c.evidence_price,
            r.c.evidence_field,
            p.c.deadline,
            r.c.note,
            revised,
        )
        .select_from(r.join(p, p.c.id == r.c.prediction_id).join(s, s.c.id == p.c.source_id))
        .where(
            r.c.is_current,
            or_(r.c.bar_quality.isnot(None), r.c.method == "revised", revised),
            p.c.status.in_(("true", "false")),
            ~reviewed,
        )
        .order_by(p.c.id)
    )
    rows = session.execute(query).all()
    reasons = revision_reasons(session, [row[1] for row in rows if row[-1]])
    return [
        FlaggedResolution(
            *row[:13],
            note=row[13] if row[7] == "revised" else None,
            revisions=tuple(reasons.get(row[1], ())),
        )
        for row in rows
    ]


def overdue_claims(session: Session, deadline_on_or_before: date) -> list[OverdueClaim]:
    """Open claims (vague calls never settle: not theirs) whose deadline is on or
    before the given day, earliest deadline first (one query)."""
    p, s = core_tables.prediction, core_tables.source
    query = (
        select(
            p.c.id,
            s.c.name,
            p.c.text,
            p.c.symbol,
            p.c.kind,
            p.c.deadline,
            p.c.open_reason,
            p.c.open_detail,
            p.c.checked_at,
        )
        .select_from(p.join(s, s.c.id == p.c.source_id))
        .where(p.c.status == "open", p.c.deadline <= deadline_on_or_before)
        .order_by(p.c.deadline, p.c.id)
    )
    return [
        OverdueClaim(*row[:8], as_utc(row[8]) if row[8] is not None else None)
        for row in session.execute(query)
    ]


def source_outages(session: Session, symbols: Iterable[str]) -> dict[str, SourceOutage]:
    """For each of `symbols` that failed in the latest finished run: since when
    every finished run has failed on it (one query over the recent runs)."""
    wanted = set(symbols)
    if not wanted:
        return {}
    run = core_tables.resolve_run.c
    query = (
        select(run.started_at, run.price_source, run.errors)
        .where(run.finished_at.isnot(None), run.dry_run.is_(False))
        .order_by(run.id.desc())
        .limit(RECENT_RUNS)
    )
    found: dict[str, SourceOutage] = {}
    still_failing = set(wanted)
    for started_at, price_source, errors in session.execute(query):
        failed = json.loads(errors) if errors else {}
        for symbol in list(still_failing):
            if symbol not in failed:
                still_failing.discard(symbol)
                continue
            latest = found.get(symbol)
            found[symbol] = SourceOutage(
                symbol,
                as_utc(started_at),
                price_source,
                latest.message if latest else str(failed[symbol]),
            )
        if not still_failing:
            break
    return found


# --- decisions ------------------------------------------------------------------


@dataclass(frozen=True)
class CurrentResolution:
    """What a review decision needs to know about a claim's current verdict."""

    claim_id: int
    resolution_id: int
    outcome: str
    method: str
    bar_quality: str | None
    evidence_date: date | None
    data_source: str | None
    reviewed: bool
    revised: bool = False  # stood on a revised bar, or was re-judged after one


def current_resolution(session: Session, claim_id: int) -> CurrentResolution:
    """The claim's current resolution, or a UsageError saying why there is none to review."""
    from ledger.store.tables import PredictionRow

    r, a = core_tables.resolution, core_tables.review_action
    v = core_tables.resolution_revision
    claim = session.get(PredictionRow, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id}: see 'forecast review'")
    row = session.execute(
        select(
            r.c.id,
            r.c.outcome,
            r.c.method,
            r.c.bar_quality,
            r.c.evidence_date,
            r.c.data_source,
            exists().where(and_(a.c.resolution_id == r.c.id)),
            exists().where(v.c.resolution_id == r.c.id),
        ).where(r.c.prediction_id == claim_id, r.c.is_current)
    ).first()
    if row is None or claim.status not in ("true", "false"):
        raise UsageError(
            f"claim {claim_id} has no verdict to review (it is {claim.status}): "
            f"settle it with 'forecast resolve {claim_id} --outcome true|false --note WHY' "
            f"or 'forecast void {claim_id} --why WHY'"
        )
    return CurrentResolution(
        claim_id, *row[:6], bool(row[6]), revised=bool(row[7]) or row[2] == "revised"
    )


def record_review(
    session: Session,
    *,
    claim_id: int,
    resolution_id: int,
    action: str,
    note: str | None,
    outcome: str | None = None,
    new_resolution_id: int | None = None,
    evidence: Mapping[str, Any] | None = None,
) -> int:
    """Append one review decision and its log entry (in the caller's transaction)."""
    prooflog.lock_head(session)
    result = session.execute(
        insert(core_tables.review_action).values(
            prediction_id=claim_id,
            resolution_id=resolution_id,
            action=action,
            outcome=outcome,
            new_resolution_id=new_resolution_id,
            evidence=json.dumps(dict(evidence), sort_keys=True) if evidence is not None else None,
            note=note,
            created_at=utcnow(),
        )
    )
    review_id = int(result.inserted_primary_key[0])
    prooflog.append(session, prooflog.review_entries(session, [review_id]))
    return review_id


@dataclass(frozen=True)
class ReviewRecord:
    """One review decision, as `show` and the JSON output tell it."""

    id: int
    claim_id: int
    resolution_id: int
    action: str
    outcome: str | None
    new_resolution_id: int | None
    evidence: dict[str, Any] | None
    note: str | None
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "resolution_id": self.resolution_id,
            "action": self.action,
            "outcome": self.outcome,
            "new_resolution_id": self.new_resolution_id,
            "evidence": self.evidence,
            "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


def review_history(session: Session, claim_id: int) -> list[ReviewRecord]:
    """A claim's review decisions, oldest first."""
    a = core_tables.review_action
    query = (
        select(
            a.c.id,
            a.c.prediction_id,
            a.c.resolution_id,
            a.c.action,
            a.c.outcome,
            a.c.new_resolution_id,
            a.c.evidence,
            a.c.note,
            a.c.created_at,
        )
        .where(a.c.prediction_id == claim_id)
        .order_by(a.c.id)
    )
    return [
        ReviewRecord(*row[:6], json.loads(row[6]) if row[6] else None, row[7], as_utc(row[8]))
        for row in session.execute(query)
    ]
