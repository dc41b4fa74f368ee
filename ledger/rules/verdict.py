"""The verdict: what the rules decided about one claim, and the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ledger.claims.model import Outcome


class OpenReason(StrEnum):
    """Why a claim is still open.

    The rules themselves yield the first three and `data_gap`. The resolver
    reports `unknown_symbol` and `source_error` when fetching the bars failed,
    so that a fetch problem is recorded as such and never mistaken for a price
    that did not move, and `invalid_claim` for a stored claim no rule can judge.
    """

    WAITING_FOR_DEADLINE = "waiting_for_deadline"  # nothing decided, deadline still ahead
    WAITING_FOR_DATA = "waiting_for_data"  # deadline passed, no bar on/after it yet
    NO_DATA_IN_WINDOW = "no_data_in_window"  # data covers the deadline, window holds no bar
    UNKNOWN_SYMBOL = "unknown_symbol"
    SOURCE_ERROR = "source_error"
    DATA_GAP = "data_gap"  # a bar the decision needs was rejected or is missing from the data
    INVALID_CLAIM = "invalid_claim"  # stored values no rule can judge (a made_on in year 1)


class EvidenceField(StrEnum):
    """Which number of the bars a piece of evidence is."""

    HIGH = "high"
    LOW = "low"
    CLOSE = "close"
    AVERAGE = "average"  # mean daily close over the window
    RETURN_SPREAD = "return_spread"  # one asset's return minus another's, in percentage points


@dataclass(frozen=True, slots=True)
class LegEvidence:
    """One asset's part in a two-asset verdict.

    For an outperformance: its reference close (`start_*`, in the bars'
    units) and its last close on or before the deadline (`end_*`). For a
    ratio: its close on the ratio's evidence day (`end_*`; no start).
    """

    symbol: str
    end_date: date
    end_price: float
    start_date: date | None = None
    start_price: float | None = None

    @property
    def return_pct(self) -> float | None:
        if self.start_price is None or not self.start_price:
            return None
        return (self.end_price / self.start_price - 1.0) * 100.0

    def to_json(self) -> dict[str, object]:
        return {
            "symbol": self.symbol,
            "start_date": None if self.start_date is None else self.start_date.isoformat(),
            "start_price": self.start_price,
            "end_date": self.end_date.isoformat(),
            "end_price": self.end_price,
            "return_pct": self.return_pct,
        }

    @classmethod
    def from_json(cls, data: dict) -> LegEvidence:
        start = data.get("start_date")
        return cls(
            symbol=str(data["symbol"]),
            end_date=date.fromisoformat(str(data["end_date"])),
            end_price=float(data["end_price"]),
            start_date=None if start is None else date.fromisoformat(str(start)),
            start_price=None if data.get("start_price") is None else float(data["start_price"]),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision on one claim as of one day.

    `outcome` is None while the claim is open, and `open_reason` then says
    why. The evidence (`evidence_*`) is set only when an outcome is decided:
    the bar that touched or broke the level, the closest approach that fell
    short or held, the judged close, or the mean close and the last day of the
    period.

    `closest_*` is the best the price did toward the level so far (open
    claims too), within the window and up to the decision day (or as_of):
    for touch_above and hold_below the highest high, for touch_below and
    hold_above the lowest low, for close_above the highest close, for
    close_below the lowest close, and for average claims the mean close so far
    (dated by its last bar). Ties go to the earliest day.

    `stated_level` is the level as the claim put it (a relative level applied
    to its reference price); `level_used` is that level in the bars' units,
    after dividing by `split_factor`, the product of the split ratios dated
    after made_on (1.0 when there were none).

    `bars_in_window` counts the bars the decision looked at: the window's bars
    through the decision day, or through as_of while open. So a decided
    verdict does not change as as_of moves on.

    `open_detail` says more about an open reason where there is more to say:
    for `data_gap`, which days the data cannot vouch for.

    `legs` is the evidence of each asset in a two-asset claim: both returns
    of an outperformance (decided, or so far while open), both closes on a
    ratio's evidence day. An outperformance's `evidence_price` is the return
    spread in percentage points, and its `level_used` the margin.

    For a band, `level_used` is the floor and `upper_used` the ceiling (None
    for every other kind), both in the bars' units. A hold_between's evidence
    field says which edge was broken: `low` the floor, `high` the ceiling.

    `bar_quality` is `repaired` or `close_only` when the decision stood on such
    a bar (`ledger.bars`; which bars a decision stands on: `ledger.rules.judge`),
    None when every bar it stood on was as quoted.
    """

    outcome: Outcome | None
    open_reason: OpenReason | None
    evidence_date: date | None = None
    evidence_price: float | None = None
    evidence_field: EvidenceField | None = None
    stated_level: float | None = None
    level_used: float | None = None
    split_factor: float = 1.0
    closest_date: date | None = None
    closest_price: float | None = None
    closest_field: EvidenceField | None = None
    days_to_touch: int | None = None
    bars_in_window: int = 0
    open_detail: str | None = None
    legs: tuple[LegEvidence, ...] = ()
    upper_used: float | None = None
    bar_quality: str | None = None

    @classmethod
    def open(cls, reason: OpenReason) -> Verdict:
        """An open verdict with no evidence: for the resolver's fetch problems."""
        return cls(outcome=None, open_reason=reason)

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def adjusted_level(self) -> float | None:
        """The level in the bars' units (the same as `level_used`)."""
        return self.level_used

    def evidence(self) -> dict[str, object]:
        """The verdict as JSON-ready evidence (dates as ISO text, enums as values)."""

        def iso(day: date | None) -> str | None:
            return None if day is None else day.isoformat()

        data: dict[str, object] = {
            "outcome": None if self.outcome is None else self.outcome.value,
            "open_reason": None if self.open_reason is None else self.open_reason.value,
            "evidence_date": iso(self.evidence_date),
            "evidence_price": self.evidence_price,
            "evidence_field": None if self.evidence_field is None else self.evidence_field.value,
            "stated_level": self.stated_level,
            "adjusted_level": self.level_used,
            "split_factor": self.split_factor,
            "closest_date": iso(self.closest_date),
            "closest_price": self.closest_price,
            "closest_field": None if self.closest_field is None else self.closest_field.value,
            "days_to_touch": self.days_to_touch,
            "bars_in_window": self.bars_in_window,
            "open_detail": self.open_detail,
            "legs": [leg.to_json() for leg in self.legs],
        }
        if self.upper_used is not None:  # a band's ceiling, beside its floor
            data["adjusted_upper"] = self.upper_used
        if self.bar_quality is not None:
            data["bar_quality"] = self.bar_quality
        return data
