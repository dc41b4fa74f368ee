"""The claim: what a source said, as plain data the rules can judge.

Nothing here touches a database, the network or a clock; `made_on` is always
given by the caller so that parsing is reproducible.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class ClaimKind(StrEnum):
    """What must happen to the price for the claim to come true."""

    TOUCH_ABOVE = "touch_above"
    TOUCH_BELOW = "touch_below"
    CLOSE_ABOVE = "close_above"
    CLOSE_BELOW = "close_below"
    HOLD_ABOVE = "hold_above"
    HOLD_BELOW = "hold_below"
    AVERAGE_ABOVE = "average_above"
    AVERAGE_BELOW = "average_below"
    # A band: `level` is the floor, `upper` the ceiling, both inclusive.
    CLOSE_BETWEEN = "close_between"
    HOLD_BETWEEN = "hold_between"
    # A call no price can settle ("the silver squeeze is not over"): recorded,
    # counted against its source, never judged or scored.
    VAGUE = "vague"

    @property
    def family(self) -> str:
        """touch, close, hold, average, or vague."""
        return self.value.split("_", 1)[0]

    @property
    def is_above(self) -> bool:
        return self.value.endswith("_above")

    @property
    def is_band(self) -> bool:
        """Judged against a floor and a ceiling at once."""
        return self.value.endswith("_between")

    @property
    def is_vague(self) -> bool:
        return self is ClaimKind.VAGUE


class Status(StrEnum):
    """Where a claim stands in the ledger."""

    OPEN = "open"
    TRUE = "true"
    FALSE = "false"
    VOID = "void"
    # A vague call's status for good (unless voided): never open, so no
    # resolver run, due list or score ever takes it for a claim to judge.
    VAGUE = "vague"


class Outcome(StrEnum):
    """What a resolution decided."""

    TRUE = "true"
    FALSE = "false"
    VOID = "void"


class RelativeKind(StrEnum):
    PERCENT = "percent"  # "+20%": level = reference * (1 + value / 100)
    MULTIPLE = "multiple"  # "doubles": level = reference * value


@dataclass(frozen=True)
class RelativeLevel:
    """A level stated against the reference close on made_on ("+20%", "doubles")."""

    kind: RelativeKind
    value: float

    def apply(self, reference_price: float) -> float:
        if self.kind is RelativeKind.PERCENT:
            return reference_price * (1.0 + self.value / 100.0)
        return reference_price * self.value

    def text(self) -> str:
        if self.kind is RelativeKind.PERCENT:
            return f"{self.value:+g}%"
        return f"x{self.value:g}"


@dataclass(frozen=True)
class Claim:
    """A structured, judgeable claim.

    `level` is the absolute price level. For a relative claim it is None until
    the reference close on made_on is known (`reference_price`), then
    `relative.apply(reference_price)`. A band (close_between, hold_between)
    has its floor in `level` and its ceiling in `upper`, both absolute.

    A vague call (kind `vague`) has no level and no window: `statement` is
    what was said, `symbol` and `asset` are empty unless it names an asset,
    and `window_start` and `deadline` are made_on, which no rule reads.

    The window is `window_start` through `deadline`, both inclusive.
    `window_start` is the day after made_on for touch, close and hold claims
    (a price on the day the call was made was already known to its author),
    and the first day of the stated period for average claims ("averages
    $5,055 in Q4 2026" starts on 2026-10-01).
    """

    symbol: str
    asset: str
    kind: ClaimKind
    level: float | None
    made_on: date
    window_start: date
    deadline: date
    relative: RelativeLevel | None = None
    reference_price: float | None = None
    assumptions: tuple[str, ...] = field(default=())
    upper: float | None = None
    statement: str | None = None

    @property
    def level_text(self) -> str:
        """The level as a user reads it: "5055", "+20% (of 4012.5 = 4815)", "4000 and 4500"."""
        if self.kind.is_vague:
            return "-"
        if self.kind.is_band:
            return f"{format_price(self.level)} and {format_price(self.upper)}"
        if self.relative is None:
            return format_price(self.level)
        if self.level is None:
            return f"{self.relative.text()} of the close on {self.made_on.isoformat()}"
        return (
            f"{self.relative.text()} of {format_price(self.reference_price)}"
            f" = {format_price(self.level)}"
        )

    @property
    def canonical_level(self) -> str:
        """The level as it is written in canonical claim text (parses back)."""
        if self.kind.is_band:
            return f"{format_price(self.level)} and {format_price(self.upper)}"
        if self.relative is not None:
            return self.relative.text()
        return format_price(self.level)

    def canonical_text(self) -> str:
        """Claim-language text that parses back to this very claim.

        It is also the "normalized claim" in a claim's fingerprint. A vague
        call's is its statement, whitespace collapsed, after "vague:" (and
        its symbol, if it names an asset).
        """
        if self.kind.is_vague:
            said = " ".join((self.statement or "").split())
            return f"{self.symbol} vague: {said}" if self.symbol else f"vague: {said}"
        head = f"{self.symbol} {self.kind.value} {self.canonical_level}"
        if self.kind.family == "average" or self.window_start != default_window_start(self.made_on):
            return f"{head} from {self.window_start.isoformat()} to {self.deadline.isoformat()}"
        return f"{head} by {self.deadline.isoformat()}"

    def describe(self) -> str:
        """One sentence that says exactly what will be judged."""
        return describe_claim(self)


def default_window_start(made_on: date) -> date:
    """The first day of a window: the day after the call was made."""
    return made_on + timedelta(days=1)


def format_price(value: float | None) -> str:
    """Prices without float noise: 5055, 0.95, 1.085, 150000, 2.5e-05.

    Total: a value that no check lets in any more but an old ledger or a hand
    edit may hold (inf, nan) is shown as what it is, so the ledger can still be
    listed, shown and exported.
    """
    if value is None:
        return "?"
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}"


_KIND_SENTENCES = {
    ClaimKind.TOUCH_ABOVE: "trades at or above {level} on some day from {start} through {end}",
    ClaimKind.TOUCH_BELOW: "trades at or below {level} on some day from {start} through {end}",
    ClaimKind.CLOSE_ABOVE: "closes at or above {level} on the last trading day on or before {end}",
    ClaimKind.CLOSE_BELOW: "closes at or below {level} on the last trading day on or before {end}",
    ClaimKind.HOLD_ABOVE: "never trades below {level} from {start} through {end}",
    ClaimKind.HOLD_BELOW: "never trades above {level} from {start} through {end}",
    ClaimKind.AVERAGE_ABOVE: (
        "averages (mean daily close) at or above {level} from {start} through {end}"
    ),
    ClaimKind.AVERAGE_BELOW: (
        "averages (mean daily close) at or below {level} from {start} through {end}"
    ),
    ClaimKind.CLOSE_BETWEEN: (
        "closes between {low} and {high} (both inclusive) on the last trading day"
        " on or before {end}"
    ),
    ClaimKind.HOLD_BETWEEN: (
        "stays between {low} and {high} (no low below {low}, no high above {high})"
        " from {start} through {end}"
    ),
}


def describe_claim(claim: Claim) -> str:
    if claim.kind.is_vague:
        named = "" if not claim.symbol else f" about {_asset_name(claim)}"
        return f"a vague call{named}, too vague for any price to settle [vague]"
    sentence = _KIND_SENTENCES[claim.kind].format(
        level=claim.level_text,
        low=format_price(claim.level),
        high=format_price(claim.upper),
        start=claim.window_start.isoformat(),
        end=claim.deadline.isoformat(),
    )
    return f"{_asset_name(claim)} {sentence} [{claim.kind.value}]"


def _asset_name(claim: Claim) -> str:
    if claim.asset.upper() == claim.symbol:
        return claim.symbol
    return f"{claim.asset} ({claim.symbol})"
