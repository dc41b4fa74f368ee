"""A claim's resolution history, and the claims whose verdict a hand changed.

Kept apart from `ledger.store.resolving` (which writes a run's verdicts and
brings pandas with its price tables) because every scoreboard reads the hand
changes, and a scoring command should not import what it never uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date

from sqlalchemy import select
from sqlmodel import Session

from ledger.rules.overrides import MANUAL, HandChanges, Ruling, hand_changes
from ledger.store.batching import chunks
from ledger.store.tables import PredictionRow, ResolutionRow, as_utc


def rulings(
    session: Session, claim_ids: Iterable[int] | None = None
) -> dict[int, tuple[date, list[Ruling]]]:
    """(deadline, resolution history) of claims, oldest first with the current one last.

    Without `claim_ids`: every claim that has a manual resolution, the only
    ones a hand can have changed (a few in any ledger, so this stays one
    small query however large the ledger is).
    """
    query = (
        select(
            ResolutionRow.prediction_id,
            ResolutionRow.outcome,
            ResolutionRow.method,
            ResolutionRow.created_at,
            PredictionRow.deadline,
        )
        .join(PredictionRow, PredictionRow.id == ResolutionRow.prediction_id)
        .order_by(
            ResolutionRow.prediction_id,
            ResolutionRow.is_current,
            ResolutionRow.created_at,
            ResolutionRow.id,
        )
    )
    if claim_ids is None:
        by_hand = select(ResolutionRow.prediction_id).where(ResolutionRow.method == MANUAL)
        parts: list = [query.where(ResolutionRow.prediction_id.in_(by_hand))]
    else:
        parts = [
            query.where(ResolutionRow.prediction_id.in_(part))
            for part in chunks(sorted(set(claim_ids)))
        ]
    found: dict[int, tuple[date, list[Ruling]]] = {}
    for part in parts:
        for claim_id, outcome, method, created_at, deadline in session.execute(part):
            entry = found.setdefault(claim_id, (deadline, []))
            entry[1].append(Ruling(outcome, method, as_utc(created_at).astimezone(UTC).date()))
    return found


def hand_changed_claims(session: Session) -> dict[int, HandChanges]:
    """Claims voided after they resolved, or whose verdict a hand overrode, by id."""
    found = {}
    for claim_id, (deadline, history) in rulings(session).items():
        changes = hand_changes(history, deadline)
        if changes is not None:
            found[claim_id] = changes
    return found
