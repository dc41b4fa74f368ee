"""Recording an import batch: sources, claims, and the history they carry.

A file's resolutions come in as history (method "imported", never current),
so every imported claim starts open and the resolver judges it like any
other; the only status a file can set is void, with its reason (see
`ledger.transfer.yaml_import`).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import bindparam, insert, update
from sqlmodel import Session

from ledger.proof.entries import status_entry
from ledger.records import RESOLUTION_EVIDENCE, RecordResult
from ledger.store import prooflog
from ledger.store.batching import chunks
from ledger.store.claims import record_claims
from ledger.store.core_tables import prediction, resolution, utcnow
from ledger.store.sources import describe_sources, ensure_sources
from ledger.transfer.yaml_import import ImportBatch

# Every row names every column: one executemany needs one set of keys.
_ROW_KEYS = (
    "outcome",
    "method",
    "is_current",
    "claimed_method",
    "claimed_at",
    *RESOLUTION_EVIDENCE,
)


def record_import(
    session: Session, batch: ImportBatch, recorded: Mapping[str, int] | None = None
) -> RecordResult:
    """Record a whole batch inside the caller's transaction (all or nothing);
    `recorded` is `recorded_ids(session, batch.entries)` if the caller has it."""
    if batch.sources:
        ensure_sources(session, [(s.name, s.kind) for s in batch.sources])
        describe_sources(session, [(s.name, s.kind, s.url, s.notes) for s in batch.sources])
    result = record_claims(session, batch.entries, recorded)
    if batch.resolutions or batch.void_reasons:
        _restore_history(session, batch, result)
    if batch.baselines:
        _restore_baselines(session, batch, result)
    return result


def _restore_baselines(session: Session, batch: ImportBatch, result: RecordResult) -> None:
    """Give the new claims the market baselines the file carried.

    The baseline columns are the resolver's bookkeeping, not the claim
    (`MUTABLE_CLAIM_COLUMNS`), so, as when a run computes them, nothing is
    logged. A duplicate keeps the baseline the ledger already has.
    """
    fingerprint_to_id = result.id_by_fingerprint()  # the claims this import added
    now = utcnow()
    rows = []
    for position, baseline in batch.baselines.items():
        claim_id = fingerprint_to_id.get(batch.entries[position].fingerprint())
        if claim_id is not None:
            rows.append(
                {
                    "pid": claim_id,
                    **{f"new_{key}": value for key, value in baseline.items()},
                    "new_market_computed_at": baseline["market_computed_at"] or now,
                }
            )
    table = prediction
    columns = ("market_prob", "market_sigma", "market_spot", "market_note", "market_computed_at")
    statement = (
        update(table)
        .where(table.c.id == bindparam("pid"))
        .values({column: bindparam(f"new_{column}") for column in columns})
    )
    for part in chunks(rows, 5000):
        session.execute(statement, list(part))


def _restore_history(session: Session, batch: ImportBatch, result: RecordResult) -> None:
    """Append the imported resolutions, and void the claims the file voided."""
    fingerprint_to_id = result.id_by_fingerprint()
    now = utcnow()
    rows = []
    for position, history in batch.resolutions.items():
        claim_id = fingerprint_to_id.get(batch.entries[position].fingerprint())
        if claim_id is None:  # a duplicate: the ledger already has its own history
            continue
        rows.extend(
            {"prediction_id": claim_id, "created_at": now, **{k: item.get(k) for k in _ROW_KEYS}}
            for item in history
        )
    voids = []
    for position, reason in batch.void_reasons.items():
        claim_id = fingerprint_to_id.get(batch.entries[position].fingerprint())
        if claim_id is not None:
            voids.append({"pid": claim_id, "reason": reason})
    for part in chunks(rows, 2000):
        session.execute(insert(resolution), list(part))
    if voids:
        table = prediction
        session.execute(
            update(table)
            .where(table.c.id == bindparam("pid"))
            .values(status="void", void_reason=bindparam("reason")),
            voids,
        )
    # Imported history is logged as history (no status change), then the voids.
    prooflog.append_resolutions(
        session, sorted({row["prediction_id"] for row in rows}), current_only=False
    )
    prooflog.append(session, [status_entry(v["pid"], "void", v["reason"]) for v in voids])
