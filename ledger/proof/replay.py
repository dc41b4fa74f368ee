"""What the ledger must look like, according to its log; and where it does not.

Replaying the entries in order gives every claim's defining fields, status
and tags, every resolution and which one is current, the sources and the
aliases. Comparing that with the same state read from the tables names each
difference: the claim or resolution, the field, both values; or the record
that is in one and not the other. Both sides are plain values (see
`ledger.proof.entries.plain`), so the comparison is exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ledger.proof.entries import (
    ALIAS,
    BACKFILL,
    CLAIM,
    FILL_ONCE_CLAIM_COLUMNS,
    FILLED,
    RESOLUTION,
    REVIEW,
    SOURCE,
    STATUS,
)


@dataclass
class ClaimState:
    source: str
    tags: tuple[str, ...]
    fields: dict[str, Any]
    status: str = "open"
    void_reason: str | None = None
    seq: int | None = None  # the entry that recorded it


@dataclass
class ResolutionState:
    claim_id: int
    fields: dict[str, Any]
    current: bool
    seq: int | None = None


@dataclass
class LedgerState:
    """Claims, resolutions, sources (by id) and aliases (name -> symbol)."""

    claims: dict[int, ClaimState] = field(default_factory=dict)
    resolutions: dict[int, ResolutionState] = field(default_factory=dict)
    sources: dict[int, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    reviews: dict[int, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Replay:
    state: LedgerState
    problems: tuple[str, ...]
    backfill: Mapping[str, Any] | None  # the entry saying where attestation starts


def replay(entries: Iterable[tuple[int, Mapping[str, Any]]]) -> Replay:
    """The state the log describes, from (seq, entry) pairs in order."""
    state = LedgerState()
    problems: list[str] = []
    current_of: dict[int, int] = {}
    backfill = None
    for seq, entry in entries:
        kind = entry.get("type")
        if kind == CLAIM:
            claim_id = entry["claim_id"]
            if claim_id in state.claims:
                problems.append(f"log entry {seq}: claim {claim_id} is recorded a second time")
                continue
            fields = dict(entry["fields"])
            state.claims[claim_id] = ClaimState(
                entry["source"],
                tuple(entry["tags"]),
                fields,
                # A vague call is recorded vague, for good: its logged kind says so.
                status="vague" if fields.get("kind") == "vague" else "open",
                seq=seq,
            )
        elif kind == RESOLUTION:
            claim_id, resolution_id = entry["claim_id"], entry["resolution_id"]
            claim = state.claims.get(claim_id)
            if claim is None:
                problems.append(
                    f"log entry {seq}: resolution {resolution_id} is for claim {claim_id}, "
                    "which the log never recorded"
                )
                continue
            if resolution_id in state.resolutions:
                problems.append(
                    f"log entry {seq}: resolution {resolution_id} is logged a second time"
                )
                continue
            state.resolutions[resolution_id] = ResolutionState(
                claim_id, dict(entry["fields"]), bool(entry["current"]), seq=seq
            )
            if entry["current"]:
                previous = current_of.get(claim_id)
                if previous is not None:
                    state.resolutions[previous].current = False
                current_of[claim_id] = resolution_id
            if entry["claim_status"] is not None:
                claim.status = entry["claim_status"]
                if entry["claim_status"] == "void":
                    claim.void_reason = entry["void_reason"]
        elif kind == STATUS:
            claim = state.claims.get(entry["claim_id"])
            if claim is None:
                problems.append(f"log entry {seq}: status of unrecorded claim {entry['claim_id']}")
                continue
            claim.status = entry["status"]
            claim.void_reason = entry["void_reason"]
            if entry["status"] == "open":
                # Back to open (a revised bar took its verdict away): no resolution is current.
                previous = current_of.pop(entry["claim_id"], None)
                if previous is not None:
                    state.resolutions[previous].current = False
        elif kind == FILLED:
            claim = state.claims.get(entry["claim_id"])
            column = entry["column"]
            if claim is None or column not in FILL_ONCE_CLAIM_COLUMNS:
                problems.append(
                    f"log entry {seq}: fills {column} of claim {entry['claim_id']}, "
                    "which is not a recorded claim's fill-once field"
                )
                continue
            if claim.fields.get(column) is not None:
                problems.append(
                    f"log entry {seq}: fills {column} of claim {entry['claim_id']} a second time"
                )
                continue
            claim.fields[column] = entry["value"]
        elif kind == ALIAS:
            if entry["symbol"] is None:
                state.aliases.pop(entry["alias"], None)
            else:
                state.aliases[entry["alias"]] = entry["symbol"]
        elif kind == SOURCE:
            state.sources[entry["source_id"]] = dict(entry["fields"])
        elif kind == REVIEW:
            review_id, fields = entry["review_id"], dict(entry["fields"])
            if review_id in state.reviews:
                problems.append(f"log entry {seq}: review {review_id} is logged a second time")
                continue
            if fields.get("prediction_id") not in state.claims:
                problems.append(
                    f"log entry {seq}: review {review_id} is of claim "
                    f"{fields.get('prediction_id')}, which the log never recorded"
                )
                continue
            state.reviews[review_id] = fields
        elif kind == BACKFILL:
            backfill = entry
        else:
            problems.append(f"log entry {seq}: unknown entry type {kind!r}")
    return Replay(state, tuple(problems), backfill)


def _show(value: Any) -> str:
    return "null" if value is None else repr(value)


def _fields(label: str, actual: Mapping[str, Any], logged: Mapping[str, Any]) -> list[str]:
    if actual == logged:
        return []
    return [
        f"{label}: {name} is {_show(actual.get(name))} in the ledger, "
        f"{_show(logged.get(name))} in the log"
        for name in sorted(set(actual) | set(logged))
        if actual.get(name) != logged.get(name)
    ]


def compare(logged: LedgerState, actual: LedgerState) -> list[str]:
    """One line per difference between the logged state and the tables' state."""
    problems: list[str] = []
    for claim_id in sorted(set(logged.claims) | set(actual.claims)):
        want, have = logged.claims.get(claim_id), actual.claims.get(claim_id)
        label = f"claim {claim_id}"
        if have is None:
            problems.append(f"{label}: logged at entry {want.seq}, missing from the ledger")
            continue
        if want is None:
            problems.append(f"{label}: in the ledger, not in the log (added without logging)")
            continue
        problems += _fields(label, have.fields, want.fields)
        problems += _fields(
            label,
            {
                "source": have.source,
                "tags": list(have.tags),
                "status": have.status,
                "void_reason": have.void_reason,
            },
            {
                "source": want.source,
                "tags": list(want.tags),
                "status": want.status,
                "void_reason": want.void_reason,
            },
        )
    for resolution_id in sorted(set(logged.resolutions) | set(actual.resolutions)):
        want_r, have_r = (
            logged.resolutions.get(resolution_id),
            actual.resolutions.get(resolution_id),
        )
        if have_r is None:
            problems.append(
                f"resolution {resolution_id} (claim {want_r.claim_id}): logged at entry "
                f"{want_r.seq}, missing from the ledger"
            )
            continue
        label = f"resolution {resolution_id} (claim {have_r.claim_id})"
        if want_r is None:
            problems.append(f"{label}: in the ledger, not in the log (added without logging)")
            continue
        problems += _fields(
            label,
            {**have_r.fields, "claim": have_r.claim_id, "is_current": have_r.current},
            {**want_r.fields, "claim": want_r.claim_id, "is_current": want_r.current},
        )
    for source_id in sorted(set(logged.sources) | set(actual.sources)):
        want_s, have_s = logged.sources.get(source_id), actual.sources.get(source_id)
        if have_s is None:
            problems.append(f"source {source_id}: logged, missing from the ledger")
        elif want_s is None:
            problems.append(f"source {source_id}: in the ledger, not in the log")
        else:
            problems += _fields(f"source {source_id}", have_s, want_s)
    for review_id in sorted(set(logged.reviews) | set(actual.reviews)):
        want_v, have_v = logged.reviews.get(review_id), actual.reviews.get(review_id)
        if have_v is None:
            problems.append(f"review {review_id}: logged, missing from the ledger")
        elif want_v is None:
            problems.append(
                f"review {review_id} (claim {have_v.get('prediction_id')}): in the ledger, "
                "not in the log (added without logging)"
            )
        else:
            problems += _fields(
                f"review {review_id} (claim {have_v.get('prediction_id')})", have_v, want_v
            )
    for alias in sorted(set(logged.aliases) | set(actual.aliases)):
        if logged.aliases.get(alias) != actual.aliases.get(alias):
            problems.append(
                f"alias {alias!r}: means {_show(actual.aliases.get(alias))} in the ledger, "
                f"{_show(logged.aliases.get(alias))} in the log"
            )
    return problems
