"""What the resolver reads and writes, in bulk.

Open claims come out in one query, grouped by symbol; verdicts go in as a few
set-based statements per symbol. A claim's status only moves from open to
decided through a compare-and-set (`... WHERE status = 'open'`), and the
unique "one current resolution per claim" index stands behind it, so two
overlapping runs can never both resolve the same claim.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session

from ledger.claims.model import Claim, ClaimKind, RelativeKind, RelativeLevel
from ledger.store.batching import chunks
from ledger.store.prices import upsert_rows
from ledger.store.tables import PredictionRow, ResolutionRow, SplitRow, utcnow


@dataclass(frozen=True)
class OpenClaim:
    """A claim the resolver has to look at: its id, its current status and the claim."""

    id: int
    status: str
    claim: Claim


def claims_to_check(session: Session, *, recheck: bool = False) -> dict[str, list[OpenClaim]]:
    """Open claims by symbol (with `recheck`, auto-resolved ones too), in one query."""
    table = PredictionRow.__table__
    columns = [
        table.c.id,
        table.c.status,
        table.c.symbol,
        table.c.asset,
        table.c.kind,
        table.c.level,
        table.c.relative_kind,
        table.c.relative_value,
        table.c.reference_price,
        table.c.made_on,
        table.c.window_start,
        table.c.deadline,
    ]
    statuses = ["open", "true", "false"] if recheck else ["open"]
    query = select(*columns).where(table.c.status.in_(statuses)).order_by(table.c.id)
    if recheck:
        manual = select(ResolutionRow.prediction_id).where(
            ResolutionRow.is_current, ResolutionRow.method == "manual"
        )
        query = query.where(table.c.id.not_in(manual))
    by_symbol: dict[str, list[OpenClaim]] = defaultdict(list)
    kinds = {k.value: k for k in ClaimKind}
    for row in session.execute(query):
        relative = (
            RelativeLevel(RelativeKind(row.relative_kind), row.relative_value)
            if row.relative_kind
            else None
        )
        level = row.level
        if level is None and relative is not None and row.reference_price is not None:
            level = relative.apply(row.reference_price)
        claim = Claim(
            symbol=row.symbol,
            asset=row.asset,
            kind=kinds[row.kind],
            level=level,
            made_on=row.made_on,
            window_start=row.window_start,
            deadline=row.deadline,
            relative=relative,
            reference_price=row.reference_price,
        )
        by_symbol[row.symbol].append(OpenClaim(row.id, row.status, claim))
    return by_symbol


def set_reference_prices(session: Session, prices: Mapping[int, float]) -> None:
    """Fill in the reference close of relative claims (it was unknown when recorded)."""
    if not prices:
        return
    table = PredictionRow.__table__
    session.execute(
        update(table)
        .where(table.c.id == bindparam("cid"), table.c.reference_price.is_(None))
        .values(reference_price=bindparam("price")),
        [{"cid": cid, "price": price} for cid, price in prices.items()],
    )


@dataclass(frozen=True)
class Decision:
    """A verdict ready to be written."""

    claim_id: int
    outcome: str
    values: dict  # resolution columns: evidence, closest approach, level used, ...


def apply_decisions(
    session: Session,
    decisions: Sequence[Decision],
    *,
    run_id: int | None,
    from_status: str = "open",
) -> list[int]:
    """Move claims from `from_status` to their outcome; returns the ids actually moved.

    The status update is a compare-and-set: a claim another run resolved in
    the meantime is not touched and gets no resolution row.
    """
    moved: list[int] = []
    by_outcome: dict[str, list[Decision]] = defaultdict(list)
    for decision in decisions:
        by_outcome[decision.outcome].append(decision)
    now = utcnow()
    table = PredictionRow.__table__
    for outcome, group in by_outcome.items():
        lookup = {d.claim_id: d for d in group}
        for part in chunks(list(lookup)):
            result = session.execute(
                update(table)
                .where(table.c.id.in_(part), table.c.status == from_status)
                .values(status=outcome, open_reason=None, open_detail=None, checked_at=now)
                .returning(table.c.id)
            )
            ids = sorted(result.scalars())
            if not ids:
                continue
            session.execute(
                update(ResolutionRow)
                .where(ResolutionRow.prediction_id.in_(ids), ResolutionRow.is_current)
                .values(is_current=False)
            )
            session.execute(
                insert(ResolutionRow),
                [
                    {
                        "prediction_id": cid,
                        "outcome": outcome,
                        "method": "auto",
                        "is_current": True,
                        "run_id": run_id,
                        "created_at": now,
                        **lookup[cid].values,
                    }
                    for cid in ids
                ],
            )
            moved.extend(ids)
    return moved


def current_auto_resolutions(session: Session, claim_ids: Iterable[int]) -> dict[int, tuple]:
    """(outcome, evidence_date, evidence_price) of the current resolution, for rechecks."""
    found: dict[int, tuple] = {}
    for part in chunks(sorted(set(claim_ids))):
        query = select(
            ResolutionRow.prediction_id,
            ResolutionRow.outcome,
            ResolutionRow.evidence_date,
            ResolutionRow.evidence_price,
        ).where(ResolutionRow.prediction_id.in_(part), ResolutionRow.is_current)
        for cid, outcome, day, price in session.execute(query):
            found[cid] = (outcome, day, price)
    return found


def set_open_reasons(
    session: Session, reasons: Mapping[int, tuple[str, str | None]], checked_at: datetime
) -> None:
    """Record why each still-open claim is open (grouped: one statement per reason)."""
    grouped: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for cid, reason in reasons.items():
        grouped[reason].append(cid)
    table = PredictionRow.__table__
    for (reason, detail), ids in grouped.items():
        for part in chunks(ids):
            session.execute(
                update(table)
                .where(table.c.id.in_(part), table.c.status == "open")
                .values(open_reason=reason, open_detail=detail, checked_at=checked_at)
            )


def store_splits(session: Session, splits: Mapping[str, pd.Series], data_source: str) -> None:
    rows = [
        {
            "symbol": symbol,
            "date": pd.Timestamp(day).date(),
            "ratio": float(ratio),
            "data_source": data_source,
            "fetched_at": utcnow(),
        }
        for symbol, series in splits.items()
        for day, ratio in series.items()
    ]
    upsert_rows(session, SplitRow.__table__, rows, ("ratio", "data_source", "fetched_at"))


def load_splits(session: Session, symbols: Iterable[str]) -> dict[str, pd.Series]:
    found: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for part in chunks(sorted(set(symbols))):
        query = select(SplitRow.symbol, SplitRow.date, SplitRow.ratio).where(
            SplitRow.symbol.in_(part)
        )
        for symbol, day, ratio in session.execute(query):
            found[symbol].append((day, ratio))
    out = {}
    for symbol, items in found.items():
        items.sort()
        index = pd.DatetimeIndex([pd.Timestamp(d) for d, _ in items], name="date")
        out[symbol] = pd.Series([r for _, r in items], index=index, name="split_ratio")
    return out


def errors_json(errors: Mapping[str, str]) -> str | None:
    return json.dumps(dict(sorted(errors.items()))) if errors else None
