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
from ledger.store import core_tables
from ledger.store.batching import chunks
from ledger.store.core_tables import as_utc


def rulings(
    session: Session, claim_ids: Iterable[int] | None = None
) -> dict[int, tuple[date, list[Ruling]]]:
    """(deadline, resolution history) of claims, oldest first with the current one last.

    Without `claim_ids`: every claim that has a manual resolution, the only
    ones a hand can have changed (a few in any ledger, so this stays one
    small query however large the ledger is).
    """
    # The tables' columns, not the ORM classes: an ORM statement would configure
    # every mapper first, a cost each scoreboard (CLI and TUI) would pay for nothing.
    r, p = core_tables.resolution.c, core_tables.prediction.c
    query = (
        select(r.prediction_id, r.outcome, r.method, r.created_at, p.deadline)
        .join_from(core_tables.resolution, core_tables.prediction, p.id == r.prediction_id)
        .order_by(r.prediction_id, r.is_current, r.created_at, r.id)
    )
    if claim_ids is None:
        by_hand = select(r.prediction_id).where(r.method == MANUAL)
        parts: list = [query.where(r.prediction_id.in_(by_hand))]
    else:
        parts = [query.where(r.prediction_id.in_(part)) for part in chunks(sorted(set(claim_ids)))]
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
