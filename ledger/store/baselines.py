"""Reading claims that need a market baseline, and storing the baselines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from ledger.claims.model import ClaimKind, RelativeKind, RelativeLevel
from ledger.claims.pairs import pair_key
from ledger.store.core_tables import utcnow
from ledger.store.raw import adapt, as_date, fetchall, update_rows


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
    versus_symbol: str | None = None
    margin: float | None = None
    upper: float | None = None


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
    """Claims without a market baseline (all claims with `recompute`), by symbol.

    An outperformance is grouped under its pair ("GC=F vs BTC-USD",
    `ledger.claims.pairs`), a ratio under its compound symbol. Vague calls have
    no level for the market to price and are never scored, so they get none.
    Read through the driver: the first run over an imported 100k-claim ledger
    needs all of them.
    """
    wanted = BASELINE_WANTED if recompute else BASELINE_DUE
    sql = f"SELECT {BASELINE_CLAIM_COLUMNS} FROM prediction WHERE {wanted} ORDER BY id"
    return baseline_claims(fetchall(session, sql, []))


BASELINE_CLAIM_COLUMNS = (
    "id, symbol, kind, level, relative_kind, relative_value, made_on, "
    "window_start, deadline, versus_symbol, margin, upper_level"
)
"""The columns of `prediction` that `baseline_claims` reads, in its order."""
# A computed level still pending has no level to give a probability for:
# its baseline waits until a resolver run fixes the level.
BASELINE_WANTED = "kind <> 'vague' AND NOT (level IS NULL AND level_rule IS NOT NULL)"
BASELINE_DUE = f"{BASELINE_WANTED} AND market_computed_at IS NULL"
"""The claims a run computes a baseline for: every one with a level and none yet."""


def baseline_claims(rows: Sequence[Sequence]) -> dict[str, list[BaselineClaim]]:
    """Rows of `BASELINE_CLAIM_COLUMNS`, in id order, as `claims_needing_baseline`
    gives them: by symbol (an outperformance under its pair)."""
    kinds = {k.value: k for k in ClaimKind}
    by_symbol: dict[str, list[BaselineClaim]] = defaultdict(list)
    if not rows:
        return by_symbol
    columns = list(zip(*rows, strict=True))
    made_on, window_start, deadline = (dates_of(columns[i]) for i in (6, 7, 8))
    for (
        claim_id,
        symbol,
        kind,
        level,
        relative_kind,
        relative_value,
        _made_on,
        _window_start,
        _deadline,
        versus_symbol,
        margin,
        upper_level,
    ), first_day, start, last_day in zip(rows, made_on, window_start, deadline, strict=True):
        relative = (
            RelativeLevel(RelativeKind(relative_kind), relative_value) if relative_kind else None
        )
        key = pair_key(symbol, versus_symbol) if versus_symbol else symbol
        by_symbol[key].append(
            BaselineClaim(
                claim_id,
                symbol,
                kinds[kind],
                level,
                relative,
                first_day,
                start,
                last_day,
                versus_symbol,
                margin,
                upper_level,
            )
        )
    return by_symbol


def dates_of(values: Sequence) -> list[date]:
    """A DATE column read through the driver as dates: SQLite's ISO text parsed by
    numpy a column at a time (one `as_date` per value cost a second at 100k claims
    x 3 columns); anything numpy will not read exactly so goes value by value."""
    if values and set(map(type, values)) == {str} and set(map(len, values)) == {10}:
        try:
            days = np.array(values, dtype="datetime64[D]")
        except ValueError:
            pass
        else:
            found = days.tolist()
            if set(map(type, found)) == {date}:
                return found
    return [as_date(v) for v in values]


MARKET_COLUMNS = ("market_prob", "market_sigma", "market_spot", "market_note")
"""A baseline's columns of `prediction`, in `market_values` order (with
`market_computed_at` beside them, the time it is written)."""


def market_values(baseline: Baseline) -> tuple:
    """A baseline's `MARKET_COLUMNS` values."""
    return (baseline.market_prob, baseline.sigma, baseline.spot, baseline.note)


def store_baselines(session: Session, baselines: Sequence[Baseline]) -> None:
    """Write the baselines in one driver-level executemany (100k claims at a time)."""
    now = adapt(session, utcnow())
    update_rows(
        session,
        "prediction",
        MARKET_COLUMNS,
        [(*market_values(b), b.claim_id) for b in baselines],
        constants=(("market_computed_at", now),),
    )
