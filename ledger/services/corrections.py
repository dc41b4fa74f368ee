"""Corrections: a re-fetch revised a cached bar; the verdicts that stood on it are judged again.

Runs inside a resolve run, in the symbol's transaction, right after the
fetched bars are stored (`ledger.resolver`):

1. the stored bars the fetch changed are kept, old and new
   (`ledger.store.revisions.record_bar_revisions`);
2. the claims the resolver settled whose window or evidence day holds a
   changed bar come back in one query, and are judged again on the corrected
   bars as of the run, all at once (`ledger.rules.resolve_many`);
3. each verdict that stood on a changed bar (`ledger.rules.revisions.stood_on`):
   * a different outcome is appended as a new resolution, method `revised`,
     its note saying what changed ("data revised on 2025-03-05: high
     2,412.3 -> 2,398.1; was true"), the old one kept as history and logged
     like any other resolution;
   * no verdict any more, in a window that still runs (a touch whose only
     crossing was revised away, deadline ahead), sends the claim back to
     open, its old resolution kept as history (logged as a status entry);
   * the same outcome keeps the resolution as it stands, and flags it
     `revised` (a `resolution_revision` row, never an edit);
   every case is flagged, so it shows in `show`, `runs` and `review`.

Claims on a ratio ("GC=F/SI=F") or a pair of assets ("GC=F vs BTC-USD") are
judged again when either leg is revised, once both legs are stored (the
resolver stores every plain symbol first). Claims settled by hand or
imported are a person's verdict and are left alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ledger.claims.model import Claim, format_price
from ledger.claims.pairs import pair_legs, ratio_legs
from ledger.rules import (
    LegData,
    OpenReason,
    Verdict,
    ratio_bars,
    ratio_gaps,
    ratio_splits,
    resolve_many,
    resolve_outperformance,
    with_ratio_legs,
)
from ledger.rules.revisions import revision_reason, stood_on
from ledger.store.prices import load_gaps, load_symbol_bars
from ledger.store.resolving import Decision, apply_decisions, load_splits
from ledger.store.revisions import (
    DecidedClaim,
    RevisionLink,
    RunRevision,
    StoredRevision,
    current_resolution_ids,
    decided_claims_on,
    link_revisions,
    reopen_claims,
)

REVISED = "revised"
# Bars before a window a re-judge reads too (a relative level's reference close).
LOOKBACK_DAYS = 7


def rejudge_revised(
    session: Session,
    symbol: str,
    revisions: Sequence[StoredRevision],
    *,
    as_of: date,
    run_id: int | None,
    data_source: str,
    evidence: Callable[[Verdict, str], dict],
    skip: Collection[int] = (),
    moved_evidence: bool = False,
) -> list[RunRevision]:
    """Judge again the claims on `symbol` that stood on a revised bar; what became of each.

    `evidence` turns a verdict into resolution columns (the resolver's own,
    so a revised verdict records the same evidence a fresh one would).
    `skip`: claims the caller judges itself in this run. `moved_evidence`
    (`resolve --recheck`, asked for after a data correction): a verdict with
    the same outcome on another bar or price is appended too, not only flagged.
    """
    if not revisions:
        return []
    decided = [
        d
        for d in decided_claims_on(session, symbol, [r.change.day for r in revisions])
        if d.item.id not in skip
    ]
    if not decided:
        return []
    first_day = min(min(d.item.claim.window_start, d.item.claim.made_on) for d in decided)
    start = first_day - timedelta(days=LOOKBACK_DAYS)
    verdicts = _judge(session, symbol, [d.item.claim for d in decided], start, as_of)

    decisions: dict[str, list[Decision]] = defaultdict(list)
    reopen: dict[int, tuple[str, str | None]] = {}
    from_status: dict[int, str] = {}
    found: list[tuple[DecidedClaim, list[StoredRevision], str]] = []
    for claim, verdict in zip(decided, verdicts, strict=True):
        stood = _stood_on(claim, revisions)
        if not stood:
            continue
        reasons = [revision_reason(r.change, symbol) for r in stood]
        if verdict.outcome is not None and verdict.outcome.value != claim.outcome:
            values = evidence(verdict, data_source)
            values["note"] = _note(f"{'; '.join(reasons)}; was {claim.outcome}", values)
            decisions[claim.item.status].append(
                Decision(claim.item.id, verdict.outcome.value, values)
            )
            found.append((claim, stood, verdict.outcome.value))
        elif verdict.outcome is None and verdict.open_reason is OpenReason.WAITING_FOR_DEADLINE:
            detail = f"{'; '.join(reasons)}; was {claim.outcome}, the window still runs"
            reopen[claim.item.id] = (OpenReason.WAITING_FOR_DEADLINE.value, detail)
            from_status[claim.item.id] = claim.item.status
            found.append((claim, stood, "open"))
        elif (
            moved_evidence
            and verdict.outcome is not None
            and (verdict.evidence_date, verdict.evidence_price)
            != (claim.evidence_date, claim.evidence_price)
        ):
            values = evidence(verdict, data_source)
            values["note"] = _note(
                f"{'; '.join(reasons)}; {claim.outcome} still, on "
                f"{_evidence_text(verdict.evidence_date, verdict.evidence_price)}, was "
                f"{_evidence_text(claim.evidence_date, claim.evidence_price)}",
                values,
            )
            decisions[claim.item.status].append(Decision(claim.item.id, claim.outcome, values))
            found.append((claim, stood, claim.outcome))
        else:
            # The same outcome, or none for want of data: the verdict stands, flagged.
            found.append((claim, stood, claim.outcome))

    for status, group in decisions.items():
        apply_decisions(session, group, run_id=run_id, from_status=status, method=REVISED)
    reopen_claims(session, reopen, from_status)
    replaced = current_resolution_ids(
        session, [d.claim_id for group in decisions.values() for d in group]
    )
    links = []
    out = []
    for claim, stood, outcome in found:
        new_id = replaced.get(claim.item.id)
        links += [RevisionLink(claim.resolution_id, r.id, outcome, new_id) for r in stood]
        out.append(
            RunRevision(
                claim.item.id,
                symbol,
                claim.resolution_id,
                claim.outcome,
                outcome,
                tuple(revision_reason(r.change, symbol) for r in stood),
                new_id,
            )
        )
    link_revisions(session, links, run_id)
    return out


def _judge(
    session: Session, key: str, claims: list[Claim], start: date, as_of: date
) -> list[Verdict]:
    """The claims grouped under `key` judged on the cached bars from `start` through
    `as_of`, as the resolver judges them: one symbol's bars, a ratio of two legs'
    closes, or a pair's two legs."""
    legs = ratio_legs(key) or pair_legs(key)
    if legs is None:
        bars = load_symbol_bars(session, key, start, as_of)
        gaps = load_gaps(session, key, start, as_of)
        splits = load_splits(session, [key]).get(key)
        return resolve_many(claims, bars, as_of, splits, gaps=gaps)
    first, second = (
        LegData(
            leg,
            load_symbol_bars(session, leg, start, as_of),
            load_splits(session, [leg]).get(leg),
            load_gaps(session, leg, start, as_of),
        )
        for leg in legs
    )
    if pair_legs(key) is not None:
        return resolve_outperformance(claims, first, second, as_of)
    bars = ratio_bars(first.bars, second.bars)
    gaps = ratio_gaps(first.bars, first.gaps or (), second.bars, second.gaps or ())
    splits = ratio_splits(first.splits, second.splits)
    return with_ratio_legs(resolve_many(claims, bars, as_of, splits, gaps=gaps), first, second)


def _stood_on(claim: DecidedClaim, revisions: Sequence[StoredRevision]) -> list[StoredRevision]:
    c, outcome, evidence_day = claim.item.claim, claim.outcome, claim.evidence_date
    return [
        r
        for r in revisions
        if stood_on(c.kind.value, outcome, c.window_start, c.deadline, evidence_day, r.change.day)
    ]


def _evidence_text(day: date | None, price: float | None) -> str:
    where = day.isoformat() if day else "no bar"
    return f"{where} at {format_price(price)}" if price is not None else where


def _note(why: str, values: dict) -> str:
    """The revision's reason, then any note the verdict carries (a split adjustment)."""
    return f"{why}; {values['note']}" if values.get("note") else why
