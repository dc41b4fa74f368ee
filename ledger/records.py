"""Plain records that cross the storage boundary.

Queries in `ledger.store` return these frozen dataclasses, never live ORM rows,
so the CLI, the TUI and the tests can hold them after the session is closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from ledger.claims import bounds
from ledger.claims.fingerprint import claim_fingerprint
from ledger.claims.model import Claim, format_margin, format_price
from ledger.claims.pairs import pair_key
from ledger.claims.series import describe_series

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
    "leg_evidence",  # two-asset claims: each asset's part, as JSON text
    "bar_quality",  # repaired or close_only: the kind of bar the verdict stood on
)
# What a resolution's bar_quality may say (NULL: every bar it stood on was ok).
RESOLUTION_BAR_QUALITIES = ("repaired", "close_only")


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
        known = self.__dict__.get("_fingerprint")  # kept once computed: the entry is frozen
        if known is None:
            known = claim_fingerprint(self.source, self.claim.canonical_text(), self.claim.made_on)
            object.__setattr__(self, "_fingerprint", known)
        return known

    def check(self, today: date) -> None:
        """Raise `BoundsError` unless every value is one the ledger accepts.

        The entry is frozen, so a check passed for `today` is remembered: an
        import checks each entry where it reads it (to name the line) and the
        store checks it again before the insert, and 100k entries are worth
        checking once.
        """
        if self.__dict__.get("_checked_on") == today:
            return
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
        object.__setattr__(self, "_checked_on", today)


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
    # Two-asset claims: each asset's part (`LegEvidence.to_json()` dicts).
    legs: tuple[dict[str, Any], ...] = ()
    # `repaired` or `close_only` when the verdict stood on such a bar (None: ok bars).
    bar_quality: str | None = None
    # The day the run judged "as of" (`resolve --as-of`), which may not be the day it ran.
    run_as_of: date | None = None
    # The flag `revised`: each later revision of a bar this verdict stood on, in
    # words ("data revised on 2025-03-12: high 2,412.3 -> 2,398.1"), oldest first.
    revisions: tuple[str, ...] = ()


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
    market_computed_at: datetime | None = None
    open_reason: str | None = None
    open_detail: str | None = None
    # An outperformance: the asset it is measured against, its reference close
    # and the margin in percentage points (see `Claim`).
    versus_symbol: str | None = None
    versus_asset: str | None = None
    versus_reference_price: float | None = None
    margin: float | None = None
    # The current resolution's leg evidence (two-asset claims), as stored.
    legs: tuple[dict[str, Any], ...] = ()

    @property
    def group_symbol(self) -> str:
        """What `score --by asset` counts the claim under: its symbol, or its pair."""
        if self.versus_symbol:
            return pair_key(self.symbol, self.versus_symbol)
        return self.symbol

    # A computed level: its rule as canonical text ("support(60d,pivot3)"), the
    # bars it came from and the reading in words; `level` is None while pending.
    level_rule: str | None = None
    level_params: dict[str, Any] | None = None
    level_basis: tuple[date, ...] = ()
    level_note: str | None = None

    @property
    def level_pending(self) -> bool:
        return self.level_rule is not None and self.level is None

    # A band's ceiling (its floor is `level`); None for every other kind.
    upper: float | None = None

    @property
    def is_vague(self) -> bool:
        return self.kind == "vague"

    def to_json(self) -> dict[str, Any]:
        # Shallow on purpose: dataclasses.asdict deep-copies, which costs seconds
        # on a 100k-claim listing. The fields in declaration order, then only
        # the date and tuple fields converted (decided once, from the types).
        data = self.__dict__.copy()  # the fields, in declaration order (set by __init__)
        if len(data) != len(_CLAIM_FIELDS):  # anything else kept on the record: fields only
            data = {key: data[key] for key in _CLAIM_FIELDS}
        for key in _CLAIM_DATE_FIELDS:
            value = data[key]
            if value is not None:
                data[key] = value.isoformat()
        for key in _CLAIM_TUPLE_FIELDS:
            data[key] = [v.isoformat() if isinstance(v, date) else v for v in data[key]]
        data["level_pending"] = self.level_pending
        if self.kind == "vague":
            # No window: the stored window_start and deadline are only made_on.
            data["window_start"] = data["deadline"] = None
        data["vague"] = self.kind == "vague"
        return data


_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimRecord))
# From the declared types (text, under `from __future__ import annotations`).
_CLAIM_DATE_FIELDS = tuple(
    f.name for f in fields(ClaimRecord) if str(f.type).split(" | ")[0] in ("date", "datetime")
)
_CLAIM_TUPLE_FIELDS = tuple(f.name for f in fields(ClaimRecord) if str(f.type).startswith("tuple"))


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
        data["resolutions"] = [
            {**_jsonable(asdict(r)), "legs": list(r.legs), "revisions": list(r.revisions)}
            for r in self.resolutions
        ]
        # Which series judge the claim, and what they are (`ledger.claims.series`).
        symbols = (self.claim.symbol, self.claim.versus_symbol)
        data["series"] = [
            describe_series(s).to_json() for s in symbols if s and not self.claim.is_vague
        ]
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


def leg_lines(legs: Sequence[dict[str, Any]], margin: float | None = None) -> list[str]:
    """Leg evidence in words, for `show` and the TUI claim screen.

    An outperformance's legs have a start: each return, then the spread
    against the margin. A ratio's legs are both closes on the evidence day.
    """
    if not legs:
        return []
    if all(leg.get("start_price") is not None for leg in legs):
        lines = []
        returns = []
        for leg in legs:
            change = leg.get("return_pct")
            returns.append(change)
            lines.append(
                f"{leg['symbol']}: {format_price(leg['start_price'])} on {leg.get('start_date')}"
                f" -> {format_price(leg['end_price'])} on {leg['end_date']}"
                + ("" if change is None else f" ({change:+.2f}%)")
            )
        if len(returns) == 2 and None not in returns:
            spread = returns[0] - returns[1]
            shown = format_margin(margin or 0.0)
            lines.append(f"difference {spread:+.2f} percentage points (margin {shown})")
        return lines
    closes = " and ".join(f"{leg['symbol']} {format_price(leg['end_price'])}" for leg in legs)
    line = f"closes on {legs[0]['end_date']}: {closes}"
    if len(legs) == 2 and legs[1]["end_price"]:
        ratio = float(f"{legs[0]['end_price'] / legs[1]['end_price']:.6g}")
        line += f" (ratio {format_price(ratio)})"
    return [line]


def vague_statement(normalized: str) -> str:
    """A vague call's words, from its normalized text ("SI=F vague: the squeeze ...")."""
    return normalized.partition("vague:")[2].strip()


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in data.items()}


@dataclass(frozen=True)
class ExportBatch:
    """Claims in id order with what an export writes beside each: its resolution
    history (oldest first) and the fingerprint of the claim it revises (an export
    names revisions by fingerprint, since ids differ between ledgers).

    `claims` holds records, or (for a JSON or CSV export, which want nothing
    else) is empty and `json_objects` holds each claim's `to_json()` object."""

    claims: Sequence[ClaimRecord]
    json_objects: Sequence[dict[str, Any]] = ()
    histories: dict[int, list[ResolutionRecord]] = field(default_factory=dict)
    revised_fingerprints: dict[int, str] = field(default_factory=dict)
