"""The review list: what a human should look at, why, and what they can do about it.

Two kinds of entry (issue 13):

* a verdict that stood on a bar the feed is not trusted for: a *repaired*
  bar (its open or close lay outside its high-low range, and the range was
  widened to include them) or a *close-only* bar (no intraday range: an
  intraday crossing could not be seen). Such a resolution stays on the list
  until a human accepts it, or has it re-judged on closes only;
* a claim still open more than N trading days after its deadline, with the
  reason the resolver recorded (a gap in the data, a source that has been
  down since some run, a symbol the source does not know). Those leave the
  list when they settle: by a later run, by hand (`forecast resolve ID`), or
  voided (`forecast void ID`).

Every decision is a new row (`review_action`), logged; a re-judge whose
verdict differs appends a new resolution, so the old one stays in the
claim's history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlmodel import Session

from ledger.claims.model import ClaimKind
from ledger.claims.pairs import ratio_legs
from ledger.errors import UsageError
from ledger.rules.calendar import calendar_for
from ledger.rules.closes import resolve_on_closes
from ledger.rules.verdict import Verdict
from ledger.store import prooflog
from ledger.store.claims import append_resolution, claim_from_row
from ledger.store.prices import load_gaps, load_symbol_bars
from ledger.store.resolving import load_splits
from ledger.store.review import (
    CurrentResolution,
    FlaggedResolution,
    OverdueClaim,
    SourceOutage,
    current_resolution,
    flagged_resolutions,
    overdue_claims,
    record_review,
    source_outages,
)
from ledger.store.tables import PredictionRow, ResolutionRow

DEFAULT_DAYS = 5
FLAGGED, OVERDUE = "flagged", "overdue"
# Bars before the window a re-judge reads too: a relative level's reference close.
LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class ReviewItem:
    """One row of the review list."""

    kind: str  # FLAGGED or OVERDUE
    claim_id: int
    source: str
    text: str
    symbol: str
    claim_kind: str
    deadline: date
    reason: str
    actions: tuple[str, ...]
    status: str  # the claim's: true, false or open
    resolution_id: int | None = None
    bar_quality: str | None = None
    trading_days_late: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "claim_id": self.claim_id,
            "source": self.source,
            "text": self.text,
            "symbol": self.symbol,
            "claim_kind": self.claim_kind,
            "deadline": self.deadline.isoformat(),
            "status": self.status,
            "reason": self.reason,
            "actions": list(self.actions),
            "resolution_id": self.resolution_id,
            "bar_quality": self.bar_quality,
            "trading_days_late": self.trading_days_late,
        }


def review_list(session: Session, as_of: date, days: int = DEFAULT_DAYS) -> list[ReviewItem]:
    """Flagged verdicts, then claims open more than `days` trading days past their
    deadline (three queries in all, however large the ledger)."""
    if days < 0:
        raise UsageError(f"--days {days} is negative: give a number of trading days, e.g. 5")
    items = [_flagged_item(row) for row in flagged_resolutions(session)]
    # N trading days take at least N calendar days: the query narrows, the calendars decide.
    candidates = overdue_claims(session, as_of - timedelta(days=days + 1))
    late = trading_days_after(
        [c.symbol for c in candidates], [c.deadline for c in candidates], as_of
    )
    overdue = [(c, n) for c, n in zip(candidates, late, strict=True) if n > days]
    failing = source_outages(
        session, {c.symbol for c, _ in overdue if c.open_reason in _SOURCE_REASONS}
    )
    items += [_overdue_item(c, n, failing.get(c.symbol)) for c, n in overdue]
    return items


def trading_days_after(symbols: list[str], deadlines: list[date], as_of: date) -> list[int]:
    """Trading days in (deadline, as_of] on each symbol's calendar (`ledger.rules.calendar`):
    every day for crypto, the exchange's sessions where it is known (NYSE for US
    stocks, indices and futures), weekdays otherwise."""
    if not symbols:
        return []
    after = np.array(
        [(d + timedelta(days=1)).toordinal() - _EPOCH_ORDINAL for d in deadlines], dtype=np.int64
    )
    before = np.full(len(after), (as_of + timedelta(days=1)).toordinal() - _EPOCH_ORDINAL)
    counts = np.maximum(before - after, 0)
    # One calendar lookup per distinct symbol: a ledger has many claims, few symbols.
    by_symbol = {symbol: calendar_for(symbol) for symbol in set(symbols)}
    calendars = [by_symbol[s] for s in symbols]
    for calendar in set(calendars):
        if calendar.every_day:
            continue
        mine = np.array([c == calendar for c in calendars], dtype=bool)
        early = np.minimum(after[mine], before[mine])
        # Every session counts as a day of waiting, early closes included (they are
        # optional only as bars: `sessions_between` leaves them out for that reason).
        counts[mine] = np.busday_count(
            early.astype("datetime64[D]"),
            before[mine].astype("datetime64[D]"),
            busdaycal=calendar.sessions,
        )
    return counts.astype(int).tolist()


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


# --- reasons and actions -------------------------------------------------------------

_SOURCE_REASONS = ("source_error", "unknown_symbol")


def _crossing(kind: str, outcome: str) -> bool:
    """Whether the verdict stood on one crossing bar (else on the whole window or a close)."""
    family = ClaimKind(kind).family
    return (family == "touch" and outcome == "true") or (family == "hold" and outcome == "false")


def flagged_reason(row: FlaggedResolution) -> str:
    """Why a flagged verdict is on the list, in words."""
    if row.revised:
        return _revised_reason(row)
    day = row.evidence_date.isoformat() if row.evidence_date else "in its window"
    family = ClaimKind(row.kind).family
    crossing = _crossing(row.kind, row.outcome)
    if row.bar_quality == "repaired":
        what = "open or close outside [low, high], range widened to include them"
        if crossing or family not in ("touch", "hold"):
            return f"decided on a repaired bar {day} ({what})"
        return f"decided over a window with a repaired bar ({what})"
    if row.bar_quality == "close_only":
        if crossing:
            return f"close-only bar {day}: the crossing was seen on its close, intraday not seen"
        return "close-only bar in its window: intraday not seen (a crossing could hide there)"
    return f"decided on a {row.bar_quality} bar {day}"


def _revised_reason(row: FlaggedResolution) -> str:
    """A verdict the feed's revision touched: kept as it stood, or re-judged."""
    parts = []
    if row.revisions:
        parts.append(f"stood on a bar the feed later revised ({'; '.join(row.revisions)})")
    if row.method == "revised":
        parts.append(f"re-judged on revised data: {row.note or 'the feed revised a bar'}")
    if row.bar_quality is not None:
        parts.append(f"decided on a {row.bar_quality} bar")
    return "; ".join(parts)


def _flagged_item(row: FlaggedResolution) -> ReviewItem:
    cid = row.claim_id
    other = "false" if row.outcome == "true" else "true"
    return ReviewItem(
        kind=FLAGGED,
        claim_id=cid,
        source=row.source,
        text=row.text,
        symbol=row.symbol,
        claim_kind=row.kind,
        deadline=row.deadline,
        reason=flagged_reason(row),
        actions=(
            f"forecast review accept {cid} [--note WHY]",
            f"forecast review rejudge {cid} --closes-only",
            f"forecast resolve {cid} --outcome {other} --force --note WHY",
            f"forecast void {cid} --why WHY",
        ),
        status=row.outcome,
        resolution_id=row.resolution_id,
        bar_quality=row.bar_quality or ("revised" if row.revised else None),
    )


def overdue_reason(claim: OverdueClaim, outage: SourceOutage | None) -> str:
    """Why an open claim past its deadline is still open, from what the resolver recorded."""
    detail = f": {claim.open_detail}" if claim.open_detail else ""
    reason = claim.open_reason
    if reason is None:
        return "never checked by a resolve run: run 'forecast resolve'"
    if reason in _SOURCE_REASONS and outage is not None:
        source = _source_name(outage.price_source)
        since = f"{outage.since:%Y-%m-%d %H:%M} UTC"
        if reason == "unknown_symbol":
            return (
                f"{source} does not know {claim.symbol} (every run since {since}): {outage.message}"
            )
        return f"{source} unreachable for {claim.symbol} since {since}: {outage.message}"
    if reason == "source_error":
        return f"the price source failed{detail}"
    if reason == "unknown_symbol":
        return f"the price source does not know {claim.symbol}{detail}"
    if reason == "data_gap":
        return f"{claim.open_detail or 'a gap in the data'} (data gap)"
    if reason == "waiting_for_data":
        return f"no bar for {claim.deadline.isoformat()} yet (waiting for data){detail}"
    if reason == "no_data_in_window":
        return f"no bars in its window{detail}"
    if reason == "invalid_claim":
        return f"cannot be judged{detail}"
    checked = f" (last checked {claim.checked_at:%Y-%m-%d})" if claim.checked_at else ""
    return f"not checked since its deadline{checked}: run 'forecast resolve'"


def _source_name(price_source: str) -> str:
    """A run's price source as a person names it ('yahoo' -> Yahoo, 'csv:DIR' -> the CSV source)."""
    kind = price_source.split(":", 1)[0].strip().lower()
    return {"yahoo": "Yahoo", "csv": "the CSV source"}.get(kind, price_source or "the price source")


def _overdue_item(claim: OverdueClaim, late: int, outage: SourceOutage | None) -> ReviewItem:
    cid = claim.claim_id
    return ReviewItem(
        kind=OVERDUE,
        claim_id=cid,
        source=claim.source,
        text=claim.text,
        symbol=claim.symbol,
        claim_kind=claim.kind,
        deadline=claim.deadline,
        reason=overdue_reason(claim, outage),
        actions=(
            f"forecast resolve {cid} --outcome true|false --note WHY",
            f"forecast void {cid} --why WHY",
        ),
        status="open",
        trading_days_late=late,
    )


# --- decisions -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewOutcome:
    """What a review decision did."""

    claim_id: int
    action: str
    review_id: int
    old_outcome: str
    new_outcome: str
    changed: bool
    evidence: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "action": self.action,
            "review_id": self.review_id,
            "old_outcome": self.old_outcome,
            "new_outcome": self.new_outcome,
            "changed": self.changed,
            "evidence": self.evidence,
        }


def _reviewable(session: Session, claim_id: int) -> CurrentResolution:
    current = current_resolution(session, claim_id)
    if current.bar_quality is None and not current.revised:
        raise UsageError(
            f"claim {claim_id}'s verdict stood on bars as quoted: there is nothing to review "
            "(see 'forecast review' for the list)"
        )
    if current.reviewed:
        raise UsageError(
            f"claim {claim_id}'s verdict has been reviewed already: see 'forecast show {claim_id}'"
        )
    return current


def accept(session: Session, claim_id: int, note: str | None) -> ReviewOutcome:
    """Accept a flagged verdict as it stands: it leaves the review list (logged)."""
    prooflog.lock_head(session)
    current = _reviewable(session, claim_id)
    review_id = record_review(
        session,
        claim_id=claim_id,
        resolution_id=current.resolution_id,
        action="accept",
        note=_clean(note),
    )
    return ReviewOutcome(claim_id, "accept", review_id, current.outcome, current.outcome, False)


def rejudge_on_closes(
    session: Session, claim_id: int, note: str | None, *, as_of: date
) -> ReviewOutcome:
    """Judge a flagged claim again on closes only (`ledger.rules.closes`).

    A different verdict is appended as a new resolution (by hand: a person
    chose the closes-only reading, so the scoreboard counts it as a manual
    override, and a later `resolve --recheck` leaves it alone), the old one
    kept as history; the same verdict marks the old one reviewed, with the
    closes-only evidence beside it.
    """
    prooflog.lock_head(session)
    current = _reviewable(session, claim_id)
    row = session.get(PredictionRow, claim_id)
    assert row is not None
    if ratio_legs(row.symbol) is not None or row.kind == ClaimKind.OUTPERFORM.value:
        raise UsageError(
            f"claim {claim_id} is judged on closes already (a ratio or an outperformance): "
            f"accept it ('forecast review accept {claim_id}') or resolve it by hand"
        )
    claim = claim_from_row(row)
    start = claim.window_start - timedelta(days=LOOKBACK_DAYS)
    end = min(claim.deadline, as_of)
    bars = load_symbol_bars(session, claim.symbol, start, end)
    gaps = load_gaps(session, claim.symbol, start, end)
    splits = load_splits(session, [claim.symbol]).get(claim.symbol)
    verdict = resolve_on_closes(claim, bars, as_of, splits, gaps)
    if verdict.outcome is None:
        reason = verdict.open_detail or (verdict.open_reason.value if verdict.open_reason else "")
        raise UsageError(
            f"on closes only claim {claim_id} is not decided ({reason}): accept it "
            f"('forecast review accept {claim_id}') or resolve it by hand"
        )
    evidence = verdict.evidence()
    new_outcome = verdict.outcome.value
    if new_outcome == current.outcome:
        review_id = record_review(
            session,
            claim_id=claim_id,
            resolution_id=current.resolution_id,
            action="rejudge",
            outcome=new_outcome,
            evidence=evidence,
            note=_clean(note),
        )
        return ReviewOutcome(
            claim_id, "rejudge", review_id, current.outcome, new_outcome, False, evidence
        )
    why = (
        f"re-judged on closes only (forecast review): {new_outcome}, was {current.outcome} "
        f"on a {current.bar_quality or 'revised'} bar"
        + (f" {current.evidence_date.isoformat()}" if current.evidence_date else "")
    )
    if _clean(note):
        why += f"; {_clean(note)}"
    new_id = _append_closes_resolution(session, claim_id, verdict, why, current.data_source)
    review_id = record_review(
        session,
        claim_id=claim_id,
        resolution_id=current.resolution_id,
        action="rejudge",
        outcome=new_outcome,
        new_resolution_id=new_id,
        evidence=evidence,
        note=_clean(note),
    )
    return ReviewOutcome(
        claim_id, "rejudge", review_id, current.outcome, new_outcome, True, evidence
    )


def _append_closes_resolution(
    session: Session, claim_id: int, verdict: Verdict, note: str, data_source: str | None
) -> int:
    """The closes-only verdict as the claim's current resolution; the claim's status follows."""
    assert verdict.outcome is not None
    outcome = verdict.outcome.value
    append_resolution(
        session,
        claim_id,
        {
            "outcome": outcome,
            "method": "manual",
            "note": note,
            "data_source": data_source,
            "evidence_date": verdict.evidence_date,
            "evidence_price": verdict.evidence_price,
            "evidence_field": verdict.evidence_field.value if verdict.evidence_field else None,
            "level_used": verdict.level_used,
            "split_factor": verdict.split_factor,
            "closest_date": verdict.closest_date,
            "closest_price": verdict.closest_price,
            "days_to_touch": verdict.days_to_touch,
        },
    )
    row = session.get(PredictionRow, claim_id)
    assert row is not None
    row.status = outcome
    session.add(row)
    session.flush()
    prooflog.append(
        session,
        prooflog.resolution_entries(
            session, [claim_id], current_only=True, claim_status={claim_id: outcome}
        ),
    )
    return session.execute(
        select(ResolutionRow.id).where(
            ResolutionRow.prediction_id == claim_id, ResolutionRow.is_current
        )
    ).scalar_one()


def _clean(note: str | None) -> str | None:
    return note.strip() if note and note.strip() else None
