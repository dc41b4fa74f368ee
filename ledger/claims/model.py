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
    # One asset's return against another's over the window (`Claim.versus_symbol`).
    OUTPERFORM = "outperform"
    # A band: `level` is the floor, `upper` the ceiling, both inclusive.
    CLOSE_BETWEEN = "close_between"
    HOLD_BETWEEN = "hold_between"
    # A call no price can settle ("the silver squeeze is not over"): recorded,
    # counted against its source, never judged or scored.
    VAGUE = "vague"

    @property
    def family(self) -> str:
        """touch, close, hold, average, outperform or vague."""
        # `_value_`, not `value`: Enum's `value` is a descriptor, and these run
        # several times per claim on a 100k-claim import.
        return self._value_.split("_", 1)[0]

    @property
    def is_above(self) -> bool:
        """Above the level; an outperformance is "above" its margin."""
        return not self._value_.endswith("_below")

    @property
    def is_band(self) -> bool:
        """Judged against a floor and a ceiling at once."""
        return self._value_.endswith("_between")

    @property
    def is_vague(self) -> bool:
        # `_value_`: a member's attribute on the Enum class costs ten times a string compare.
        return self._value_ == "vague"


# Looked up once: a member read off the Enum class costs ten times a global.
_OUTPERFORM = ClaimKind.OUTPERFORM

LEVEL_KINDS: tuple[ClaimKind, ...] = tuple(
    k for k in ClaimKind if k is not ClaimKind.OUTPERFORM and not k.is_band and not k.is_vague
)
"""The kinds judged against one price level of one series (a ratio's series included)."""


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


class LevelRuleName(StrEnum):
    """A level the market itself sets, computed by one stated rule (see ledger/rules/levels.py)."""

    SUPPORT = "support"  # the most recent swing low below the close
    RESISTANCE = "resistance"  # the most recent swing high above the close
    MOVING_AVERAGE = "sma"  # the simple moving average of the last N closes
    RECORD_HIGH = "record-high"  # the highest high (or close) of all data, or of a period
    RECORD_LOW = "record-low"  # the lowest low (or close) of all data, or of a period


@dataclass(frozen=True)
class LevelRule:
    """How a level is computed from bars dated on or before made_on.

    `lookback` (support, resistance) is the window in bars (trading days for
    exchange assets, calendar days for crypto), `pivot` the bars each side a
    swing point must beat, `length` the moving average's number of closes,
    `field` the bar field a record is taken from (high/low, or close for a
    close claim) and `start`/`end` the named period of a record ("its 2025
    high"); a record without a period covers all data through made_on.
    """

    name: LevelRuleName
    lookback: int | None = None
    pivot: int | None = None
    length: int | None = None
    field: str | None = None
    start: date | None = None
    end: date | None = None

    def text(self) -> str:
        """Canonical text, parsed back by `ledger.claims.level_rules`: "support(60d,pivot3)"."""
        if self.name in (LevelRuleName.SUPPORT, LevelRuleName.RESISTANCE):
            return f"{self.name.value}({self.lookback}d,pivot{self.pivot})"
        if self.name is LevelRuleName.MOVING_AVERAGE:
            return f"sma({self.length})"
        period = (
            f",{self.start.isoformat()}..{self.end.isoformat()}"
            if self.start is not None and self.end is not None
            else ""
        )
        return f"{self.name.value}({self.field}{period})"

    @classmethod
    def from_params(cls, name: str, params: dict[str, object]) -> LevelRule:
        """The rule `params()` wrote (storage and export). Raises ValueError for nonsense."""
        known = {"lookback", "pivot", "length", "field", "start", "end"}
        if not isinstance(params, dict) or set(params) - known:
            raise ValueError(f"unknown level rule parameters {sorted(set(params) - known)}")

        def number(key: str) -> int | None:
            value = params.get(key)
            if value is None:
                return None
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"level rule parameter {key} must be a whole number")
            return value

        def day(key: str) -> date | None:
            value = params.get(key)
            return None if value is None else date.fromisoformat(str(value))

        field = params.get("field")
        if field is not None and field not in ("high", "low", "close"):
            raise ValueError(f"level rule field {field!r} is not high, low or close")
        return cls(
            LevelRuleName(name),
            lookback=number("lookback"),
            pivot=number("pivot"),
            length=number("length"),
            field=field,  # type: ignore[arg-type]
            start=day("start"),
            end=day("end"),
        )

    def params(self) -> dict[str, object]:
        """The rule's parameters as stored (JSON) and exported."""
        values = {
            "lookback": self.lookback,
            "pivot": self.pivot,
            "length": self.length,
            "field": self.field,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }
        return {key: value for key, value in values.items() if value is not None}

    def short(self) -> str:
        """The level's name in a sentence: "support", "the 200-day average", "the 2025 high"."""
        if self.name is LevelRuleName.MOVING_AVERAGE:
            return f"the {self.length}-day average"
        if self.name in (LevelRuleName.SUPPORT, LevelRuleName.RESISTANCE):
            return self.name.value
        extreme = "high" if self.name is LevelRuleName.RECORD_HIGH else "low"
        kind = "closing " if self.field == "close" else ""
        if self.start is not None and self.end is not None:
            whole_year = self.start == date(self.start.year, 1, 1) and self.end == date(
                self.start.year, 12, 31
            )
            period = (
                str(self.start.year)
                if whole_year
                else f"{self.start.isoformat()}..{self.end.isoformat()}"
            )
            return f"the {period} {kind}{extreme}"
        return f"the all-time {kind}{extreme}"

    def describe(self) -> str:
        """The rule in words, as `show` prints it."""
        if self.name is LevelRuleName.SUPPORT:
            return (
                f"support: the most recent swing low (a low below the {self.pivot} bars before"
                f" it and not above the {self.pivot} after) under the close, in the last"
                f" {self.lookback} bars to made_on; else the lowest low of those bars"
            )
        if self.name is LevelRuleName.RESISTANCE:
            return (
                f"resistance: the most recent swing high (a high above the {self.pivot} bars"
                f" before it and not below the {self.pivot} after) over the close, in the last"
                f" {self.lookback} bars to made_on; else the highest high of those bars"
            )
        if self.name is LevelRuleName.MOVING_AVERAGE:
            return f"{self.length}-day simple moving average of the closes to made_on"
        extreme = "highest" if self.name is LevelRuleName.RECORD_HIGH else "lowest"
        if self.start is not None and self.end is not None:
            return (
                f"the {extreme} {self.field} from {self.start.isoformat()} to"
                f" {self.end.isoformat()} (bars dated on or before made_on)"
            )
        return f"the {extreme} {self.field} of all data through made_on (a record)"


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

    An outperformance (`kind` OUTPERFORM) has no level: `symbol` must return
    at least `margin` percentage points more than `versus_symbol` from each
    one's reference close (`reference_price`, `versus_reference_price`: the
    last close on or before `reference_day`, as quoted that day) to its last
    close on or before the deadline. A ratio ("gold/silver ratio") is an
    ordinary level claim on a compound symbol, "GC=F/SI=F" (`ledger.claims.pairs`).
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
    versus_symbol: str | None = None
    versus_asset: str | None = None
    versus_reference_price: float | None = None
    margin: float | None = None

    @property
    def is_outperformance(self) -> bool:
        return self.kind is _OUTPERFORM

    @property
    def reference_day(self) -> date:
        """The day whose close (the last one on or before it) an outperformance is measured from.

        The day before the window opens: the call day for the usual window, the
        last day before a named period ("in 2026" runs from the last close of 2025).
        """
        return self.window_start - timedelta(days=1)

    @property
    def margin_text(self) -> str:
        """The margin as canonical text writes it: "" for none, " by 10 points"."""
        if not self.margin:
            return ""
        return f" by {format_margin(self.margin)} points"

    # A level computed from the market by a rule: `level` stays None ("level
    # pending") until bars dated on or before made_on fix it, once.
    level_rule: LevelRule | None = None
    level_basis: tuple[date, ...] = field(default=())
    level_note: str | None = None

    @property
    def level_pending(self) -> bool:
        """A rule level no bars have fixed yet: the claim cannot be judged."""
        return self.level_rule is not None and self.level is None

    upper: float | None = None
    statement: str | None = None

    @property
    def level_text(self) -> str:
        """The level as a user reads it: "5055", "+20% (of 4012.5 = 4815)", "+10pp vs BTC-USD",
        "4000 and 4500"."""
        if self.kind.is_vague:
            return "-"
        if self.kind.is_band:
            return band_text(self.level, self.upper)
        if self.is_outperformance:
            return f"+{format_margin(self.margin or 0.0)}pp vs {self.versus_symbol}"
        if self.level_rule is not None:
            if self.level is None:
                return f"{self.level_rule.short()} (level pending)"
            return f"{shown_price(self.level)} ({self.level_rule.short()})"
        if self.relative is None:
            return shown_price(self.level)
        if self.level is None:
            return f"{self.relative.text()} of the close on {self.made_on.isoformat()}"
        return (
            f"{self.relative.text()} of {shown_price(self.reference_price)}"
            f" = {shown_price(self.level)}"
        )

    @property
    def canonical_level(self) -> str:
        """The level as it is written in canonical claim text (parses back); for an
        outperformance, the second asset and the margin, which play the level's part."""
        if self.is_outperformance:
            return f"vs {self.versus_symbol}{self.margin_text}"
        if self.level_rule is not None:
            return self.level_rule.text()
        if self.kind.is_band:
            return f"{format_price(self.level)} and {format_price(self.upper)}"
        if self.relative is not None:
            return self.relative.text()
        return format_price(self.level)

    def canonical_text(self) -> str:
        """Claim-language text that parses back to this very claim.

        It is also the "normalized claim" in a claim's fingerprint. A vague
        call's is its statement, whitespace collapsed, after "vague:" (and
        its symbol, if it names an asset). Kept once computed (a claim is
        frozen): an import asks for it several times per claim.
        """
        known = self.__dict__.get("_canonical_text")
        if known is None:
            known = self._canonical_text()
            object.__setattr__(self, "_canonical_text", known)
        return known

    def _canonical_text(self) -> str:
        if self.kind.is_vague:
            said = " ".join((self.statement or "").split())
            return f"{self.symbol} vague: {said}" if self.symbol else f"vague: {said}"
        if self.is_outperformance:
            head = f"{self.symbol} outperforms {self.versus_symbol}{self.margin_text}"
            if self.window_start != default_window_start(self.made_on):
                return f"{head} from {self.window_start.isoformat()} to {self.deadline.isoformat()}"
            return f"{head} by {self.deadline.isoformat()}"
        kind = self.kind._value_
        head = f"{self.symbol} {kind} {self.canonical_level}"
        if kind.startswith("average") or self.window_start != default_window_start(self.made_on):
            return f"{head} from {self.window_start.isoformat()} to {self.deadline.isoformat()}"
        return f"{head} by {self.deadline.isoformat()}"

    def describe(self) -> str:
        """One sentence that says exactly what will be judged."""
        return describe_claim(self)


def format_margin(points: float) -> str:
    """A margin in percentage points as canonical text writes it: 10, 2.5, 0.0001 (no exponent)."""
    if not math.isfinite(points):
        return str(points)
    return f"{points:.4f}".rstrip("0").rstrip(".")


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


def shown_price(value: float | None) -> str:
    """A price as a line shows it: `format_price`, except that a number of more than ten
    integer digits is written with an exponent (1e12 as 1.0e+12, never 13 digits a reader
    has to count). Canonical text keeps `format_price`: it is the claim's fingerprint."""
    if value is None or not math.isfinite(value) or abs(value) < 1e10:
        return format_price(value)
    mantissa, exponent = f"{value:.9e}".split("e")
    mantissa = mantissa.rstrip("0")
    return f"{mantissa}0e{exponent}" if mantissa.endswith(".") else f"{mantissa}e{exponent}"


OBSERVED_DIGITS = 5  # significant digits of an observed price (whole units always kept)


def observed_price(value: float) -> str:
    """An observed price (evidence, closest approach, spot) rounded for its magnitude:
    five significant digits, whole units always kept. 62353.535 -> 62354, 2944.37 ->
    2944.4, 1.085321 -> 1.0853, 0.01234567 -> 0.012346. The ledger keeps every digit;
    in a listing the sixth decimal of an average is noise that hides the figure."""
    if not math.isfinite(value) or value == 0:
        return format_price(value)
    if abs(value) >= 1e10:
        return f"{value:.{OBSERVED_DIGITS - 1}e}"
    digits = max(0, OBSERVED_DIGITS - 1 - math.floor(math.log10(abs(value))))
    return shown_price(round(value, digits))


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


# A ratio's series is built from daily closes (see `ledger.claims.pairs`): it "closes" at a level.
_RATIO_SENTENCES = {
    ClaimKind.TOUCH_ABOVE: "closes at or above {level} on some day from {start} through {end}",
    ClaimKind.TOUCH_BELOW: "closes at or below {level} on some day from {start} through {end}",
    ClaimKind.HOLD_ABOVE: "never closes below {level} from {start} through {end}",
    ClaimKind.HOLD_BELOW: "never closes above {level} from {start} through {end}",
}


_RATIO_AND_KIND_SENTENCES = {**_KIND_SENTENCES, **_RATIO_SENTENCES}


def _named(asset: str, symbol: str) -> str:
    return symbol if asset.upper() == symbol else f"{asset} ({symbol})"


def describe_claim(claim: Claim) -> str:
    if claim.kind.is_vague:
        named = "" if not claim.symbol else f" about {_named(claim.asset, claim.symbol)}"
        return f"a vague call{named}, too vague for any price to settle [vague]"
    if claim.is_outperformance:
        return _describe_outperformance(claim)
    return describe_level_claim(
        claim.kind,
        claim.symbol,
        claim.asset,
        claim.level_text,
        claim.level,
        claim.upper,
        claim.window_start,
        claim.deadline,
    )


def band_text(low: float | None, high: float | None) -> str:
    """A band's level as a user reads it: "4000 and 4500"."""
    return f"{shown_price(low)} and {shown_price(high)}"


def describe_level_claim(
    kind: ClaimKind,
    symbol: str,
    asset: str,
    level_text: str,
    level: float | None,
    upper: float | None,
    window_start: date,
    deadline: date,
) -> str:
    """`describe_claim` of a claim judged against a level or a band, from plain values.

    A function of its own so that a listing of 100k stored claims can describe a
    fixed-level claim from its columns, without building a `Claim` per row, by
    the very code `Claim.describe` runs.
    """
    is_ratio = "/" in symbol
    sentences = _RATIO_AND_KIND_SENTENCES if is_ratio else _KIND_SENTENCES
    # Only a band's sentence names its floor and ceiling apart.
    band = {"low": shown_price(level), "high": shown_price(upper)} if kind.is_band else {}
    sentence = sentences[kind].format(
        level=level_text, start=window_start.isoformat(), end=deadline.isoformat(), **band
    )
    name = _named(asset, symbol)
    if is_ratio:
        name = f"{asset} ({symbol}: daily closes on the days both traded)"
    return f"{name} {sentence} [{kind.value}]"


def _describe_outperformance(claim: Claim) -> str:
    margin = claim.margin or 0.0
    if margin:
        better = f"returns at least {format_margin(margin)} percentage points more than"
    else:
        better = "returns at least as much as"
    versus = _named(claim.versus_asset or claim.versus_symbol or "?", claim.versus_symbol or "?")
    return (
        f"{_named(claim.asset, claim.symbol)} {better} {versus} from the last close on or before"
        f" {claim.reference_day.isoformat()} to the last close on or before"
        f" {claim.deadline.isoformat()}, each on its own trading days [{claim.kind.value}]"
    )


def evidence_label(kind: str, outcome: str | None) -> str:
    """What a resolution's evidence is, in one word: "evidence" or "closest".

    A touch that never happened and a hold that was never broken are decided
    by the absence of a crossing; the bar kept as their evidence is the
    closest the price came to the level, and calling it "evidence" reads as if
    that bar had decided the claim.
    """
    family = kind.split("_", 1)[0]
    if (family == "touch" and outcome == "false") or (family == "hold" and outcome == "true"):
        return "closest"
    return "evidence"
