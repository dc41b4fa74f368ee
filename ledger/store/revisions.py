"""Revised bars and the verdicts that stood on them: what is kept, and how it is read.

A re-fetch that serves a stored bar with other prices is a revision: the bar
as it was and as it became go to `bar_revision` before the cache takes the
new one, so no value a verdict stood on is lost. The resolved claims whose
window holds such a bar come back in one query per symbol, are judged again
(`ledger.services.corrections`), and each resolution that stood on a revised
bar gets a `resolution_revision` row: the flag `revised` on its evidence,
with the resolution that replaced it when the verdict changed. Both tables
are append-only; the resolutions themselves are never edited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from ledger.claims.pairs import legs_of, pair_key, pair_legs
from ledger.proof.entries import status_entry
from ledger.rules.revisions import BarChange, is_revision, revision_reason
from ledger.store import core_tables, prooflog
from ledger.store.batching import chunks
from ledger.store.core_tables import BAR_QUALITIES, as_utc, utcnow
from ledger.store.raw import adapt, as_date, executemany, fetchall

if TYPE_CHECKING:
    import pandas as pd

    from ledger.store.resolving import OpenClaim

# `list`, `show` and `review` import this module for `revision_reasons`: pandas,
# numpy and the resolver's claim columns load in the functions a resolve run
# calls (`changed_bars`, `decided_claims_on`), so a listing starts without them.

# Methods of a current resolution the resolver may judge again: its own.
RESOLVER_METHODS = ("auto", "revised")


def changed_bars(session: Session, symbol: str, frame: pd.DataFrame) -> list[BarChange]:
    """The bars of `frame` (a checked bars frame) whose prices differ from the cached ones.

    One read of the cached blocks over the frame's date range; a date the cache
    does not hold is new, not revised. A cached bar fetched on its own day (UTC)
    was perhaps unfinished: only a narrower range counts as revised (`is_revision`).
    """
    import numpy as np
    import pandas as pd

    from ledger.bars import PRICE_COLUMNS, QUALITY_COLUMN
    from ledger.store.bar_blocks import MICROSECONDS_PER_DAY
    from ledger.store.prices import read_bar_arrays

    if frame.empty:
        return []
    days = pd.DatetimeIndex(frame.index)
    stored = read_bar_arrays(
        session, [symbol], days.min().date(), days.max().date(), every_column=True
    ).get(symbol)
    if stored is None:
        return []
    numbers = days.values.astype("datetime64[D]").astype(np.int64)
    at = np.minimum(np.searchsorted(stored.days, numbers), len(stored.days) - 1)
    held = np.flatnonzero(stored.days[at] == numbers)
    if not len(held):
        return []
    prices = frame[list(PRICE_COLUMNS)].to_numpy(dtype=np.float64)
    if QUALITY_COLUMN in frame.columns:
        qualities = frame[QUALITY_COLUMN].to_numpy(dtype=object)
    else:
        qualities = np.full(len(frame), "ok", dtype=object)
    old_prices = np.column_stack((stored.open, stored.high, stored.low, stored.close))[
        at[held]
    ].tolist()
    # Fetched on its own day (UTC): the session may not have been over.
    provisional = (stored.fetched_at[at[held]] // MICROSECONDS_PER_DAY <= numbers[held]).tolist()
    old_qualities = stored.quality[at[held]].tolist()
    changes = []
    for row, old, is_provisional, old_quality in zip(
        held.tolist(), old_prices, provisional, old_qualities, strict=True
    ):
        new = prices[row].tolist()
        if is_revision(tuple(old), tuple(new), provisional=is_provisional):
            changes.append(
                BarChange(
                    symbol,
                    days[row].date(),
                    tuple(old),
                    tuple(new),
                    BAR_QUALITIES[old_quality],
                    str(qualities[row]),
                )
            )
    return changes


def rejected_bars(session: Session, symbol: str, gaps: Mapping[date, str]) -> list[BarChange]:
    """Cached bars of `symbol` on days the source now rejects: revisions to "rejected".

    The cache drops such a bar (`store_gaps`); the verdicts that stood on it are
    judged again like those on any revised bar, and its old prices are kept.
    """
    from ledger.store.bar_blocks import EPOCH_ORDINAL, day_number
    from ledger.store.prices import read_bar_arrays

    if not gaps:
        return []
    stored = read_bar_arrays(session, [symbol], min(gaps), max(gaps)).get(symbol)
    if stored is None:
        return []
    wanted = {day_number(day) for day in gaps}
    changes = []
    for day, *old, quality in zip(
        stored.days.tolist(),
        stored.open.tolist(),
        stored.high.tolist(),
        stored.low.tolist(),
        stored.close.tolist(),
        stored.quality.tolist(),
        strict=True,
    ):
        if day in wanted:
            changes.append(
                BarChange(
                    symbol,
                    date.fromordinal(day + EPOCH_ORDINAL),
                    tuple(old),
                    None,
                    BAR_QUALITIES[quality],
                    "rejected",
                )
            )
    return changes


@dataclass(frozen=True)
class StoredRevision:
    """A bar revision as recorded: its row id and what changed."""

    id: int
    change: BarChange


def record_bar_revisions(
    session: Session, changes: Sequence[BarChange], data_source: str, run_id: int | None
) -> list[StoredRevision]:
    """Keep each changed bar's old and new prices (one statement); their row ids."""
    if not changes:
        return []
    table = core_tables.bar_revision
    now = utcnow()
    rows = [
        {
            "symbol": c.symbol,
            "date": c.day,
            "old_open": c.old[0],
            "old_high": c.old[1],
            "old_low": c.old[2],
            "old_close": c.old[3],
            "old_quality": c.old_quality,
            "new_open": c.new[0] if c.new else None,
            "new_high": c.new[1] if c.new else None,
            "new_low": c.new[2] if c.new else None,
            "new_close": c.new[3] if c.new else None,
            "new_quality": c.new_quality,
            "data_source": data_source,
            "run_id": run_id,
            "revised_at": now,
        }
        for c in changes
    ]
    ids = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    ).scalars()
    return [StoredRevision(int(i), c) for i, c in zip(ids, changes, strict=True)]


@dataclass(frozen=True)
class DecidedClaim:
    """A resolved claim and its current (resolver's) resolution, for a re-judge."""

    item: OpenClaim
    resolution_id: int
    outcome: str
    evidence_date: date | None
    evidence_price: float | None
    evidence_field: str | None


def decided_claims_on(session: Session, key: str, days: Iterable[date]) -> list[DecidedClaim]:
    """Claims grouped under `key` (a symbol, a ratio "A/B", a pair "A vs B") settled by
    the resolver whose window or evidence day holds one of `days` (one query; hand and
    imported verdicts are a person's, not re-judged)."""
    from ledger.store.resolving import CLAIM_COLUMNS, claim_from_columns

    wanted = sorted(set(days))
    if not wanted:
        return []
    first, last = wanted[0], wanted[-1]
    pair = pair_legs(key)
    symbol, versus = pair if pair is not None else (key, None)
    claim_columns = ", ".join(f"p.{c}" for c in CLAIM_COLUMNS)
    sql = (
        "SELECT r.id, r.outcome, r.evidence_date, r.evidence_price, r.evidence_field, "
        f"{claim_columns} FROM prediction p JOIN resolution r "
        "ON r.prediction_id = p.id AND r.is_current = ? "
        "WHERE p.symbol = ? AND p.status IN (?, ?) AND r.method IN (?, ?) "
        "AND p.window_start <= ? AND (p.deadline >= ? OR r.evidence_date >= ?) "
        + ("AND p.versus_symbol = ? " if versus else "AND p.versus_symbol IS NULL ")
        + "ORDER BY p.id"
    )
    params = [True, symbol, "true", "false", *RESOLVER_METHODS, last, first, first]
    if versus:
        params.append(versus)
    found = []
    for row in fetchall(session, sql, params):
        resolution_id, outcome, evidence_date, evidence_price, evidence_field = row[:5]
        item = claim_from_columns(row[5:])
        evidence_day = as_date(evidence_date) if evidence_date is not None else None
        window = (item.claim.window_start, max(item.claim.deadline, evidence_day or first))
        if not any(window[0] <= day <= window[1] for day in wanted):
            continue
        found.append(
            DecidedClaim(item, resolution_id, outcome, evidence_day, evidence_price, evidence_field)
        )
    return found


def settled_since(session: Session, first_day: date) -> dict[str, date]:
    """Symbols (a ratio's or a pair's legs too) with a resolver's verdict standing on a
    bar dated `first_day` or later, and the earliest such bar (one query: the claims a
    re-fetch of the latest bars may revise).

    The join is led by the current resolutions (`+` keeps SQLite from reaching
    them through the claim id): the few dated `first_day` or later each look
    up their claim by its key, where SQLite's own choice, every decided claim
    through the status index and then its resolution, cost a warm 100k-claim
    run 0.25 s of CPU instead of 0.08 s. PostgreSQL plans its join as before.
    """
    methods = ", ".join("?" * len(RESOLVER_METHODS))
    rows = fetchall(
        session,
        "SELECT p.symbol, p.versus_symbol, min(r.evidence_date) "
        "FROM resolution r JOIN prediction p ON p.id = +r.prediction_id "
        f"WHERE r.is_current AND r.method IN ({methods}) AND r.evidence_date >= ? "
        "AND p.status IN (?, ?) GROUP BY p.symbol, p.versus_symbol",
        [*RESOLVER_METHODS, first_day, "true", "false"],
    )
    found: dict[str, date] = {}
    for symbol, versus, day in rows:
        for leg in legs_of(_key(symbol, versus)):
            found[leg] = min(found.get(leg, as_date(day)), as_date(day))
    return found


def decided_compound_keys(session: Session, legs: Iterable[str]) -> set[str]:
    """Ratios and pairs with a claim the resolver settled, one of whose legs is in `legs`
    (one query over the two-asset claims, a few in any ledger)."""
    wanted = set(legs)
    if not wanted:
        return set()
    r, p = core_tables.resolution, core_tables.prediction
    query = (
        select(p.c.symbol, p.c.versus_symbol)
        .select_from(p.join(r, r.c.prediction_id == p.c.id))
        .where(
            r.c.is_current,
            r.c.method.in_(RESOLVER_METHODS),
            p.c.status.in_(("true", "false")),
            or_(p.c.versus_symbol.isnot(None), p.c.symbol.contains("/")),
        )
        .distinct()
    )
    found = set()
    for symbol, versus in session.execute(query):
        key = _key(symbol, versus)
        if wanted & set(legs_of(key)):
            found.add(key)
    return found


def current_resolution_ids(session: Session, claim_ids: Iterable[int]) -> dict[int, int]:
    """Each claim's current resolution id."""
    found: dict[int, int] = {}
    for part in chunks(sorted(set(claim_ids))):
        current = core_tables.resolution.c
        query = select(current.prediction_id, current.id).where(
            current.prediction_id.in_(part), current.is_current
        )
        found.update(dict(session.execute(query).all()))
    return found


@dataclass(frozen=True)
class RevisionLink:
    """A resolution that stood on a revised bar, and the one that replaced it (if any)."""

    resolution_id: int
    bar_revision_id: int
    outcome: str  # the claim's status once re-judged: true, false or open
    new_resolution_id: int | None = None


def link_revisions(session: Session, links: Sequence[RevisionLink], run_id: int | None) -> None:
    """Flag resolutions as standing on revised bars (one statement)."""
    if not links:
        return
    now = utcnow()
    session.execute(
        insert(core_tables.resolution_revision),
        [
            {
                "resolution_id": link.resolution_id,
                "bar_revision_id": link.bar_revision_id,
                "outcome": link.outcome,
                "new_resolution_id": link.new_resolution_id,
                "run_id": run_id,
                "created_at": now,
            }
            for link in links
        ],
    )


def reopen_claims(
    session: Session, reasons: Mapping[int, tuple[str, str | None]], from_status: Mapping[int, str]
) -> None:
    """Claims whose verdict the corrected data no longer supports, with their window
    still running, go back to open: their current resolution becomes history (none
    is current, as for a claim never settled), and the change is logged."""
    if not reasons:
        return
    prooflog.lock_head(session)
    ids = sorted(reasons)
    executemany(
        session,
        "UPDATE resolution SET is_current = ? WHERE prediction_id = ? AND is_current = ?",
        [(False, cid, True) for cid in ids],
    )
    now = adapt(session, utcnow())
    executemany(
        session,
        "UPDATE prediction SET status = ?, open_reason = ?, open_detail = ?, checked_at = ? "
        "WHERE id = ? AND status = ?",
        [("open", *reasons[cid], now, cid, from_status[cid]) for cid in ids],
    )
    prooflog.append(session, [status_entry(cid, "open", None) for cid in ids])


def revision_reasons(session: Session, resolution_ids: Iterable[int]) -> dict[int, list[str]]:
    """Per resolution, the revisions of bars it stood on, in words, oldest first."""
    link, bar = core_tables.resolution_revision, core_tables.bar_revision
    r, p = core_tables.resolution, core_tables.prediction
    found: dict[int, list[str]] = defaultdict(list)
    for part in chunks(sorted(set(resolution_ids))):
        query = (
            select(link.c.resolution_id, p.c.symbol, p.c.versus_symbol, *_bar_columns(bar))
            .select_from(
                link.join(bar, bar.c.id == link.c.bar_revision_id)
                .join(r, r.c.id == link.c.resolution_id)
                .join(p, p.c.id == r.c.prediction_id)
            )
            .where(link.c.resolution_id.in_(part))
            .order_by(link.c.resolution_id, bar.c.date, link.c.id)
        )
        for resolution_id, symbol, versus, *columns in session.execute(query):
            found[resolution_id].append(revision_reason(_change(columns), _key(symbol, versus)))
    return dict(found)


def _key(symbol: str, versus: str | None) -> str:
    return pair_key(symbol, versus) if versus else symbol


def _bar_columns(bar) -> list:
    return [
        bar.c.symbol,
        bar.c.date,
        bar.c.old_open,
        bar.c.old_high,
        bar.c.old_low,
        bar.c.old_close,
        bar.c.new_open,
        bar.c.new_high,
        bar.c.new_low,
        bar.c.new_close,
        bar.c.old_quality,
        bar.c.new_quality,
    ]


def _change(columns: Sequence) -> BarChange:
    symbol, day, *prices, old_quality, new_quality = columns
    old = tuple(float(p) for p in prices[:4])
    new = None if prices[4] is None else tuple(float(p) for p in prices[4:])
    return BarChange(symbol, as_date(day), old, new, old_quality, new_quality)  # type: ignore[arg-type]


@dataclass(frozen=True)
class RunRevision:
    """A resolution a run found standing on a revised bar, and what became of it."""

    claim_id: int
    symbol: str
    resolution_id: int
    old_outcome: str
    new_outcome: str  # the claim's status after the run: true, false or open
    reasons: tuple[str, ...]
    new_resolution_id: int | None

    @property
    def changed(self) -> bool:
        return self.new_outcome != self.old_outcome

    def line(self) -> str:
        """'#12 true -> false: data revised on ...' (or 'true, kept')."""
        if self.changed:
            what = f"{self.old_outcome} -> {self.new_outcome}"
        elif self.new_resolution_id is not None:
            what = f"{self.old_outcome}, re-judged on another bar"
        else:
            what = f"{self.old_outcome}, kept"
        return f"#{self.claim_id} {what}: {'; '.join(self.reasons)}"

    def to_json(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "symbol": self.symbol,
            "resolution_id": self.resolution_id,
            "old_outcome": self.old_outcome,
            "new_outcome": self.new_outcome,
            "changed": self.changed,
            "new_resolution_id": self.new_resolution_id,
            "reasons": list(self.reasons),
        }


def revisions_by_run(session: Session, run_ids: Iterable[int]) -> dict[int, list[RunRevision]]:
    """Per run, the resolutions it found on revised bars (one query per chunk of runs)."""
    link, bar = core_tables.resolution_revision, core_tables.bar_revision
    old, p = core_tables.resolution, core_tables.prediction
    grouped: dict[tuple[int, int], dict] = {}
    for part in chunks(sorted(set(run_ids))):
        query = (
            select(
                link.c.run_id,
                old.c.prediction_id,
                old.c.id,
                old.c.outcome,
                link.c.outcome,
                link.c.new_resolution_id,
                p.c.symbol,
                p.c.versus_symbol,
                *_bar_columns(bar),
            )
            .select_from(
                link.join(bar, bar.c.id == link.c.bar_revision_id)
                .join(old, old.c.id == link.c.resolution_id)
                .join(p, p.c.id == old.c.prediction_id)
            )
            .where(link.c.run_id.in_(part))
            .order_by(link.c.run_id, old.c.prediction_id, bar.c.date, link.c.id)
        )
        for (
            run_id,
            claim_id,
            rid,
            outcome,
            new_outcome,
            new_id,
            symbol,
            versus,
            *cols,
        ) in session.execute(query):
            key = _key(symbol, versus)
            entry = grouped.setdefault(
                (run_id, rid),
                {
                    "claim_id": claim_id,
                    "symbol": key,
                    "resolution_id": rid,
                    "old_outcome": outcome,
                    "new_outcome": new_outcome,
                    "new_resolution_id": new_id,
                    "reasons": [],
                },
            )
            entry["reasons"].append(revision_reason(_change(cols), key))
    found: dict[int, list[RunRevision]] = defaultdict(list)
    for (run_id, _), entry in grouped.items():
        entry["reasons"] = tuple(entry["reasons"])
        found[run_id].append(RunRevision(**entry))
    return dict(found)


def bars_revised_by_run(session: Session, run_ids: Iterable[int]) -> dict[int, int]:
    """Per run, how many cached bars it found revised (one query per chunk of runs)."""
    bar = core_tables.bar_revision
    found: dict[int, int] = {}
    for part in chunks(sorted(set(run_ids))):
        query = (
            select(bar.c.run_id, func.count()).where(bar.c.run_id.in_(part)).group_by(bar.c.run_id)
        )
        found.update({run_id: int(n) for run_id, n in session.execute(query)})
    return found


def latest_revision_at(session: Session, resolution_id: int) -> datetime | None:
    """When a resolution was last found standing on a revised bar (None: never)."""
    link = core_tables.resolution_revision
    moment = session.execute(
        select(link.c.created_at)
        .where(link.c.resolution_id == resolution_id)
        .order_by(link.c.id.desc())
        .limit(1)
    ).scalar()
    return as_utc(moment) if moment is not None else None
