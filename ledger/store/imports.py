"""Recording an import batch: sources, claims, and any resolution history they carry."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import insert, update
from sqlmodel import Session

from ledger.records import RecordResult
from ledger.store.batching import chunks
from ledger.store.claims import record_claims
from ledger.store.sources import describe_source, ensure_sources
from ledger.store.tables import PredictionRow, ResolutionRow, utcnow
from ledger.transfer.yaml_import import ImportBatch


def record_import(session: Session, batch: ImportBatch) -> RecordResult:
    """Record a whole batch inside the caller's transaction (all or nothing)."""
    if batch.sources:
        ensure_sources(session, [(s.name, s.kind) for s in batch.sources])
        for source in batch.sources:
            describe_source(session, source.name, source.kind, source.url, source.notes)
    result = record_claims(session, batch.entries)
    if batch.resolutions or batch.void_reasons:
        _restore_history(session, batch, result)
    return result


def _restore_history(session: Session, batch: ImportBatch, result: RecordResult) -> None:
    """Exported resolutions come back as they were: history, current one, status."""
    fingerprint_to_id = result.id_by_fingerprint()
    rows = []
    statuses: dict[str, list[int]] = defaultdict(list)
    reasons = []
    for position, history in batch.resolutions.items():
        claim_id = fingerprint_to_id.get(batch.entries[position].fingerprint())
        if claim_id is None:  # a duplicate: the ledger already has its own history
            continue
        currents = [h for h in history if h.get("is_current", False)] or [history[-1]]
        current = currents[-1]
        for item in history:
            values = {k: v for k, v in item.items() if k != "is_current"}
            values.setdefault("created_at", utcnow())
            rows.append({"prediction_id": claim_id, "is_current": item is current, **values})
        statuses[current["outcome"]].append(claim_id)
    for position, reason in batch.void_reasons.items():
        claim_id = fingerprint_to_id.get(batch.entries[position].fingerprint())
        if claim_id is not None:
            reasons.append((claim_id, reason))
    for part in chunks(rows, 2000):
        session.execute(insert(ResolutionRow), list(part))
    for status, ids in statuses.items():
        for part in chunks(ids):
            session.execute(
                update(PredictionRow).where(PredictionRow.id.in_(part)).values(status=status)
            )
    for claim_id, reason in reasons:
        session.execute(
            update(PredictionRow).where(PredictionRow.id == claim_id).values(void_reason=reason)
        )
