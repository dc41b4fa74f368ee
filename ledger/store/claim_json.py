"""`forecast list --json` by the column: each listed claim's stored columns straight
to its JSON object.

A 100k-claim listing spent most of its time building a `ClaimRecord` and a `Claim`
per row only to turn both back into a dict. The objects here are the ones
`ClaimRecord.to_json()` gives, key for key and value for value (a hypothesis test
holds the two paths equal): a claim of a fixed level or band on one series (the
usual claim) is described from its columns by `describe_level_claim`, the code
`Claim.describe` runs; any other (a relative or computed level, an
outperformance, a vague call, a kind this version does not know) goes through
its record, as before.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlmodel import Session

from ledger.claims.model import ClaimKind, band_text, describe_level_claim, shown_price
from ledger.store.claims import (
    ClaimFilter,
    listing_rows,
    logged_after_window_opened,
    parse_leg_evidence,
    record_from_row,
)

# The kinds described from columns alone, by their stored names.
_LEVEL_KINDS = {
    kind.value: kind for kind in ClaimKind if kind is not ClaimKind.OUTPERFORM and not kind.is_vague
}


def claims_json(session: Session, where: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """The JSON objects of the claims matching `where`, ordered by id: for each,
    what `ClaimRecord.to_json()` of its `list_claims` record gives."""
    rows, tags = listing_rows(session, where)
    return [claim_json(row, tags.get(row.id, ())) for row in rows]


def claim_json(row: Any, tags: tuple[str, ...]) -> dict[str, Any]:
    """One row of `listing_rows` as its record's JSON object."""
    kind = _LEVEL_KINDS.get(row.kind)
    if kind is None or row.relative_kind is not None or row.level_rule is not None:
        return record_from_row(row, tags).to_json()
    level, upper = row.level, row.upper_level
    level_text = band_text(level, upper) if kind.is_band else shown_price(level)
    status = row.status
    is_open = status == "open"
    evidence_date = row.evidence_date
    market_computed_at = row.market_computed_at
    created_at = row.created_at
    made_on, window_start, deadline = row.made_on, row.window_start, row.deadline
    # The keys in the order of ClaimRecord's fields, then `level_pending` and `vague`.
    return {
        "id": row.id,
        "source": row.source_name,
        "source_kind": row.source_kind,
        "symbol": row.symbol,
        "asset": row.asset,
        "kind": row.kind,
        "level": level,
        "relative": None,
        "reference_price": row.reference_price,
        "made_on": made_on.isoformat(),
        "window_start": window_start.isoformat(),
        "deadline": deadline.isoformat(),
        "probability": row.probability,
        "status": status,
        "text": row.text,
        "normalized": row.normalized,
        "description": describe_level_claim(
            kind,
            row.symbol,
            row.asset,
            level_text,
            level,
            upper,
            window_start,
            deadline,
        ),
        "assumptions": list(json.loads(row.assumptions)) if row.assumptions else [],
        "url": row.url,
        "quote": row.quote,
        "tags": list(tags),
        "fingerprint": row.fingerprint,
        "revises_id": row.revises_id,
        "void_reason": row.void_reason,
        "created_at": _utc_text(created_at),
        # The day in the stored zone is the day in UTC: `as_utc` only names a missing zone.
        "logged_late": logged_after_window_opened(created_at.date(), made_on, window_start),
        "evidence_date": evidence_date.isoformat() if evidence_date is not None else None,
        "evidence_price": row.evidence_price,
        "evidence_field": row.evidence_field,
        "market_prob": row.market_prob,
        "market_sigma": row.market_sigma,
        "market_spot": row.market_spot,
        "market_note": row.market_note,
        "market_computed_at": _utc_text(market_computed_at) if market_computed_at else None,
        "open_reason": row.open_reason if is_open else None,
        "open_detail": row.open_detail if is_open else None,
        "versus_symbol": row.versus_symbol,
        "versus_asset": row.versus_asset,
        "versus_reference_price": row.versus_reference_price,
        "margin": row.margin,
        "legs": list(parse_leg_evidence(row.leg_evidence)),
        "level_rule": None,
        "level_params": None,
        "level_basis": [],
        "level_note": row.level_note,
        "upper": upper,
        "level_pending": False,
        "vague": False,
    }


def _utc_text(moment: datetime) -> str:
    """`as_utc(moment).isoformat()`, without a new datetime per timestamp: a stored
    timestamp without a zone is UTC, which isoformat writes as "+00:00"."""
    text = moment.isoformat()
    return text + "+00:00" if moment.tzinfo is None else text
