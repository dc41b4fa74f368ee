"""Reading claims that need a market baseline, and storing the baselines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select, update
from sqlmodel import Session

from ledger.claims.model import ClaimKind, RelativeKind, RelativeLevel
from ledger.store.tables import PredictionRow, utcnow


@dataclass(frozen=True)
class BaselineClaim:
    id: int
    symbol: str
    kind: ClaimKind
    level: float | None
    relative: RelativeLevel | None
    made_on: date
    window_start: date
    deadline: date


@dataclass(frozen=True)
class Baseline:
    claim_id: int
    market_prob: float | None
    sigma: float | None
    spot: float | None
    note: str | None


def claims_needing_baseline(
    session: Session, *, recompute: bool = False
) -> dict[str, list[BaselineClaim]]:
    """Claims without a market baseline (all claims with `recompute`), by symbol."""
    table = PredictionRow.__table__
    query = select(
        table.c.id,
        table.c.symbol,
        table.c.kind,
        table.c.level,
        table.c.relative_kind,
        table.c.relative_value,
        table.c.made_on,
        table.c.window_start,
        table.c.deadline,
    ).order_by(table.c.id)
    if not recompute:
        query = query.where(table.c.market_computed_at.is_(None))
    by_symbol: dict[str, list[BaselineClaim]] = defaultdict(list)
    for row in session.execute(query):
        relative = (
            RelativeLevel(RelativeKind(row.relative_kind), row.relative_value)
            if row.relative_kind
            else None
        )
        by_symbol[row.symbol].append(
            BaselineClaim(
                row.id,
                row.symbol,
                ClaimKind(row.kind),
                row.level,
                relative,
                row.made_on,
                row.window_start,
                row.deadline,
            )
        )
    return by_symbol


def store_baselines(session: Session, baselines: Sequence[Baseline]) -> None:
    if not baselines:
        return
    now = utcnow()
    table = PredictionRow.__table__
    session.execute(
        update(table)
        .where(table.c.id == bindparam("cid"))
        .values(
            market_prob=bindparam("prob"),
            market_sigma=bindparam("sigma"),
            market_spot=bindparam("spot"),
            market_note=bindparam("note"),
            market_computed_at=bindparam("at"),
        ),
        [
            {
                "cid": b.claim_id,
                "prob": b.market_prob,
                "sigma": b.sigma,
                "spot": b.spot,
                "note": b.note,
                "at": now,
            }
            for b in baselines
        ],
    )
