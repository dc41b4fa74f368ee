"""The export as main wrote it before streaming (issue 12, branch export2): every
claim, history and log entry loaded into a `LedgerSnapshot`, then the whole
document rendered at once. Kept as the reference the streaming export is held
to, byte for byte (tests/transfer/test_export_stream.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from ledger import safe_json
from ledger.records import ClaimRecord, ResolutionRecord, SourceSummary, vague_statement

try:
    SafeDumper: type = yaml.CSafeDumper
except AttributeError:
    SafeDumper = yaml.SafeDumper


CSV_COLUMNS = (
    "id",
    "source",
    "source_kind",
    "symbol",
    "asset",
    "kind",
    "level",
    "upper",
    "relative",
    "reference_price",
    "level_rule",
    "level_basis",
    "level_note",
    "made_on",
    "window_start",
    "deadline",
    "probability",
    "status",
    "evidence_date",
    "evidence_price",
    "evidence_field",
    "market_prob",
    "text",
    "normalized",
    "url",
    "quote",
    "tags",
    "fingerprint",
    "revises_id",
    "void_reason",
    "created_at",
    "logged_late",
    "versus_symbol",
    "margin",
    "versus_reference_price",
)


@dataclass(frozen=True)
class LedgerSnapshot:
    sources: Sequence[SourceSummary]
    claims: Sequence[ClaimRecord]
    histories: Mapping[int, Sequence[ResolutionRecord]]
    # The proof log (head and entry texts), so `forecast verify FILE` can
    # check the export offline; CSV has no room for it.
    log: Mapping[str, Any] | None = None


def render_export(snapshot: LedgerSnapshot, fmt: str) -> str:
    if fmt == "yaml":
        return _yaml(snapshot)
    if fmt == "csv":
        return _csv(snapshot)
    if fmt == "json":
        return _json(snapshot)
    raise ValueError(fmt)


def _entry(claim: ClaimRecord, fingerprints: Mapping[int, str], history) -> dict[str, Any]:
    if claim.is_vague:
        return _vague_entry(claim, fingerprints, history)
    entry: dict[str, Any] = {
        "source": claim.source,
        "made_on": claim.made_on,
        "symbol": claim.symbol,
        "asset": claim.asset,
        "kind": claim.kind,
        "level": claim.level_rule or claim.relative or claim.level,
        "versus": claim.versus_symbol,
        "versus_asset": claim.versus_asset,
        "margin": claim.margin,
        "start": claim.window_start,
        "deadline": claim.deadline,
        "text": claim.text,
    }
    if claim.versus_symbol is None:  # a one-asset claim has no second asset to name
        for key in ("versus", "versus_asset", "margin"):
            del entry[key]
    else:
        del entry["level"]
    optional = {
        "level_value": claim.level if claim.level_rule else None,
        "level_basis": list(claim.level_basis) or None,
        "level_note": claim.level_note if claim.level_rule and claim.level is not None else None,
        "upper": claim.upper,
        "reference_price": claim.reference_price,
        "versus_reference_price": claim.versus_reference_price,
        "probability": claim.probability,
        "url": claim.url,
        "quote": claim.quote,
        "tags": list(claim.tags) or None,
        "assumptions": list(claim.assumptions) or None,
        "revises": fingerprints.get(claim.revises_id) if claim.revises_id else None,
        "void_reason": claim.void_reason,
        "market_prob": claim.market_prob,
        "market_sigma": claim.market_sigma,
        "market_spot": claim.market_spot,
        "market_note": claim.market_note,
        "market_computed_at": (
            claim.market_computed_at.isoformat() if claim.market_computed_at else None
        ),
    }
    entry.update({k: v for k, v in optional.items() if v is not None})
    return _with_history(entry, claim, history)


def _vague_entry(claim: ClaimRecord, fingerprints: Mapping[int, str], history) -> dict[str, Any]:
    """A vague call: its words as `claim:`, `vague: true`, and no level or window."""
    entry: dict[str, Any] = {"source": claim.source, "made_on": claim.made_on, "vague": True}
    if claim.symbol:
        entry.update(symbol=claim.symbol, asset=claim.asset)
    entry["claim"] = vague_statement(claim.normalized)
    optional = {
        "text": claim.text,
        "url": claim.url,
        "quote": claim.quote,
        "tags": list(claim.tags) or None,
        "revises": fingerprints.get(claim.revises_id) if claim.revises_id else None,
        "void_reason": claim.void_reason,
    }
    entry.update({k: v for k, v in optional.items() if v is not None})
    return _with_history(entry, claim, history)


def _with_history(entry: dict[str, Any], claim: ClaimRecord, history) -> dict[str, Any]:
    entry["created_at"] = claim.created_at.isoformat()
    if history:
        entry["resolutions"] = [_resolution(r) for r in history]
    return entry


def _resolution(r: ResolutionRecord) -> dict[str, Any]:
    data = {
        "outcome": r.outcome,
        "method": r.method,
        "evidence_date": r.evidence_date,
        "evidence_price": r.evidence_price,
        "evidence_field": r.evidence_field,
        "level_used": r.level_used,
        "split_factor": r.split_factor,
        "closest_date": r.closest_date,
        "closest_price": r.closest_price,
        "days_to_touch": r.days_to_touch,
        "data_source": r.data_source,
        "note": r.note,
        "leg_evidence": json.dumps(list(r.legs)) if r.legs else None,
        "bar_quality": r.bar_quality,
        "is_current": r.is_current,
        "created_at": r.created_at.isoformat(),
    }
    return {k: v for k, v in data.items() if v is not None}


def _yaml(snapshot: LedgerSnapshot) -> str:
    fingerprints = {c.id: c.fingerprint for c in snapshot.claims}
    document = {
        "sources": [
            {
                k: v
                for k, v in {"name": s.name, "kind": s.kind, "url": s.url, "notes": s.notes}.items()
                if v
            }
            for s in snapshot.sources
        ],
        "predictions": [
            _entry(c, fingerprints, snapshot.histories.get(c.id, ())) for c in snapshot.claims
        ],
    }
    if snapshot.log is not None:
        document["log"] = dict(snapshot.log)
    return yaml.dump(
        document, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )


def _csv(snapshot: LedgerSnapshot) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for claim in snapshot.claims:
        row = claim.to_json()
        row["tags"] = " ".join(claim.tags)
        row["level_basis"] = " ".join(row["level_basis"])
        writer.writerow({k: ("" if row.get(k) is None else row[k]) for k in CSV_COLUMNS})
    return out.getvalue()


def _json(snapshot: LedgerSnapshot) -> str:
    claims = []
    for claim in snapshot.claims:
        data = claim.to_json()
        data["resolutions"] = [
            {
                k: (v.isoformat() if isinstance(v, date | datetime) else v)
                for k, v in _resolution(r).items()
            }
            for r in snapshot.histories.get(claim.id, ())
        ]
        claims.append(data)
    document: dict[str, Any] = {
        "sources": [s.to_json() for s in snapshot.sources],
        "claims": claims,
    }
    if snapshot.log is not None:
        document["log"] = dict(snapshot.log)
    return safe_json.dumps(document, indent=2) + "\n"


def snapshot_of(session, fmt: str) -> LedgerSnapshot:
    """The ledger as main's `forecast export` read it, through the store's own readers."""
    from ledger.store.claims import list_claims, resolution_histories
    from ledger.store.prooflog import log_section
    from ledger.store.sources import source_summaries

    return LedgerSnapshot(
        sources=source_summaries(session),
        claims=list_claims(session),
        histories=resolution_histories(session),
        log=log_section(session) if fmt != "csv" else None,
    )
