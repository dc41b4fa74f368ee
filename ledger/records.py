"""Plain records that cross the storage boundary.

Queries in `ledger.store` return these frozen dataclasses, never live ORM rows,
so the CLI, the TUI and the tests can hold them after the session is closed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from ledger.claims import bounds
from ledger.claims.fingerprint import claim_fingerprint
from ledger.claims.model import Claim

SOURCE_KINDS = ("person", "bank", "outlet", "self", "other")
SCORE_GROUPINGS = ("source", "asset", "tag", "year")
# What a resolution records besides its outcome: its evidence and the path facts.
RESOLUTION_EVIDENCE = (
    "evidence_date",
    "evidence_price",
    "evidence_field",
    "level_used",
    "split_factor",
    "closest_date",
    "closest_price",
    "days_to_touch",
    "data_source",
    "note",
)


@dataclass(frozen=True)
class NewClaim:
    """A claim about to be recorded, with everything said about it."""

    source: str
    claim: Claim
    text: str
    source_kind: str | None = None
    probability: float | None = None
    url: str | None = None
    quote: str | None = None
    tags: tuple[str, ...] = ()
    revises_id: int | None = None
    revises_fingerprint: str | None = None
    # The logging time an import file claims: kept as history, never as the
    # ledger's own `created_at` (which is always the ledger's clock).
    claimed_created_at: datetime | None = None

    def fingerprint(self) -> str:
        return claim_fingerprint(self.source, self.claim.canonical_text(), self.claim.made_on)

    def check(self, today: date) -> None:
        """Raise `BoundsError` unless every value is one the ledger accepts."""
        bounds.check_claim(self.claim, today)
        bounds.check_entry_text(
            source=self.source,
            text=self.text,
            quote=self.quote,
            url=self.url,
            tags=self.tags,
            source_kind=self.source_kind,
        )
        if self.probability is not None and not 0.0 <= self.probability <= 1.0:
            raise bounds.BoundsError(f"probability {self.probability!r} is not between 0 and 1")
        if self.probability is not None and self.claim.kind.is_vague:
            raise bounds.BoundsError("a vague call is never scored, so it takes no probability")


@dataclass(frozen=True)
class ResolutionRecord:
    id: int
    outcome: str
    method: str
    evidence_date: date | None
    evidence_price: float | None
    evidence_field: str | None
    level_used: float | None
    split_factor: float | None
    closest_date: date | None
    closest_price: float | None
    days_to_touch: int | None
    data_source: str | None
    note: str | None
    run_id: int | None
    is_current: bool
    created_at: datetime
    # Imported resolutions (method "imported"): what the file said they were.
    claimed_method: str | None = None
    claimed_at: datetime | None = None


@dataclass(frozen=True)
class ClaimRecord:
    """A recorded claim with its source and current resolution."""

    id: int
    source: str
    source_kind: str
    symbol: str
    asset: str
    kind: str
    level: float | None
    relative: str | None
    reference_price: float | None
    made_on: date
    window_start: date
    deadline: date
    probability: float | None
    status: str
    text: str
    normalized: str
    description: str
    assumptions: tuple[str, ...]
    url: str | None
    quote: str | None
    tags: tuple[str, ...]
    fingerprint: str
    revises_id: int | None
    void_reason: str | None
    created_at: datetime
    logged_late: bool
    evidence_date: date | None = None
    evidence_price: float | None = None
    evidence_field: str | None = None
    market_prob: float | None = None
    market_sigma: float | None = None
    market_spot: float | None = None
    market_note: str | None = None
    open_reason: str | None = None
    open_detail: str | None = None
    # A band's ceiling (its floor is `level`); None for every other kind.
    upper: float | None = None

    @property
    def is_vague(self) -> bool:
        return self.kind == "vague"

    def to_json(self) -> dict[str, Any]:
        # Shallow on purpose: dataclasses.asdict deep-copies, which costs seconds
        # on a 100k-claim listing.
        data = {}
        for key in _CLAIM_FIELDS:
            value = getattr(self, key)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            data[key] = value
        if self.kind == "vague":
            # No window: the stored window_start and deadline are only made_on.
            data["window_start"] = data["deadline"] = None
        data["vague"] = self.kind == "vague"
        return data


_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimRecord))


@dataclass(frozen=True)
class ClaimDetail:
    """A claim, its resolution history (oldest first) and its revision chain."""

    claim: ClaimRecord
    resolutions: tuple[ResolutionRecord, ...]
    revision_chain: tuple[ClaimRecord, ...] = field(default=())
    # When an import file said the claim was logged (unverified; see NewClaim).
    claimed_created_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = self.claim.to_json()
        data["claimed_created_at"] = (
            self.claimed_created_at.isoformat() if self.claimed_created_at else None
        )
        data["resolutions"] = [_jsonable(asdict(r)) for r in self.resolutions]
        data["revision_chain"] = [
            {
                "id": c.id,
                "normalized": c.normalized,
                "made_on": c.made_on.isoformat(),
                "status": c.status,
            }
            for c in self.revision_chain
        ]
        return data


@dataclass(frozen=True)
class SourceSummary:
    id: int
    name: str
    kind: str
    url: str | None
    notes: str | None
    claims: int
    open: int
    true: int
    false: int
    void: int
    vague: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RecordResult:
    """What recording a batch did: new ids, and the entries that were duplicates."""

    added: tuple[int, ...]
    duplicates: tuple[NewClaim, ...]
    duplicate_ids: tuple[int, ...]
    added_fingerprints: tuple[str, ...] = ()

    def id_by_fingerprint(self) -> dict[str, int]:
        return dict(zip(self.added_fingerprints, self.added, strict=True))


def vague_statement(normalized: str) -> str:
    """A vague call's words, from its normalized text ("SI=F vague: the squeeze ...")."""
    return normalized.partition("vague:")[2].strip()


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in data.items()}
