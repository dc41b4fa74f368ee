"""The range of values a ledger accepts, checked wherever a value enters.

Every path into the ledger (`forecast add`, an import file, `forecast
extract`, the TUI's forms) checks a new claim here before it is written, and
the store checks again, so no path can skip it. The limits exist because a
single poison value can break the ledger for good: a made_on in year 1 makes
every later resolve run overflow when it subtracts a year of history, an
infinite level makes listings and exports crash, and a 300-million-character
tag turns a 440-byte import file into a gigabyte ledger.

The limits are generous for real calls and tight for nonsense:
- made_on from 1900-01-01 through today (a call cannot be made in the future);
- a deadline at most `DEADLINE_HORIZON_YEARS` after made_on;
- levels and reference prices finite, non-zero and within `MAX_PRICE` in
  magnitude (negative levels are allowed: WTI settled at -37.63 in 2020);
- relative levels between -100% and +100,000%, multiples above 0 and at most
  `MAX_MULTIPLE`;
- text fields no longer than their `FIELD_LIMITS` entry, at most `MAX_TAGS`
  tags.

Pure: `today` is always given by the caller.
"""

from __future__ import annotations

import math
from datetime import date

from ledger.claims.model import LEVEL_KINDS, Claim, RelativeKind
from ledger.errors import ClaimError

EARLIEST_MADE_ON = date(1900, 1, 1)
DEADLINE_HORIZON_YEARS = 100
MAX_PRICE = 1e12
MAX_MULTIPLE = 1000.0
MIN_PERCENT = -100.0
MAX_PERCENT = 100_000.0
MAX_TAGS = 50
MAX_MARGIN = 10_000.0  # percentage points of return: a hundredfold gap

# Longest accepted text, in characters, by field.
FIELD_LIMITS: dict[str, int] = {
    "source": 200,
    "source_kind": 20,
    "source_url": 2048,
    "source_notes": 2000,
    "text": 2000,
    "quote": 5000,
    "url": 2048,
    "tag": 100,
    "key": 200,
    "reason": 2000,
    "note": 2000,
    "alias": 100,
}


class BoundsError(ClaimError):
    """A value is outside the range the ledger accepts."""


def check_made_on(made_on: date, today: date) -> None:
    """A call is made on a real day: not in the future, not before 1900."""
    if made_on > today:
        raise BoundsError(
            f"made_on {made_on.isoformat()} is in the future (today is {today.isoformat()}):"
            " give the day the call was made"
        )
    if made_on < EARLIEST_MADE_ON:
        raise BoundsError(
            f"made_on {made_on.isoformat()} is before {EARLIEST_MADE_ON.isoformat()}:"
            " give the day the call was made (YYYY-MM-DD)"
        )


def latest_deadline(made_on: date) -> date:
    year = made_on.year + DEADLINE_HORIZON_YEARS
    # 29 February has no twin in a non-leap year.
    return made_on.replace(year=year, day=min(made_on.day, 28))


def check_deadline(made_on: date, deadline: date) -> None:
    """A claim settles within a horizon someone can live to see scored."""
    horizon_year = made_on.year + DEADLINE_HORIZON_YEARS
    if deadline.year < horizon_year <= date.max.year:
        # before the horizon's year, so before the horizon (asked 100k times an import); a
        # horizon past year 9999 is left to latest_deadline, which refuses it as it always did
        return
    horizon = latest_deadline(made_on)
    if deadline > horizon:
        raise BoundsError(
            f"deadline {deadline.isoformat()} is more than {DEADLINE_HORIZON_YEARS} years after"
            f" made_on {made_on.isoformat()}: give a deadline on or before {horizon.isoformat()}"
        )


def check_price(value: float | None, name: str) -> None:
    """Finite, non-zero and no larger than `MAX_PRICE` in magnitude."""
    if value is None:
        return
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise BoundsError(f"{name} must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise BoundsError(f"{name} {value} is not a finite number: give a price like 5055")
    if value == 0 or abs(value) > MAX_PRICE:
        raise BoundsError(
            f"{name} {shorten_number(value)} is outside the accepted range"
            f" (non-zero, at most {MAX_PRICE:.0e} in magnitude)"
        )


def check_claim(claim: Claim, today: date) -> None:
    """Every bound a claim's own fields must meet."""
    check_made_on(claim.made_on, today)
    check_deadline(claim.made_on, claim.deadline)
    if _plain_level_claim(claim):
        return
    _check_relative(claim)
    check_price(claim.reference_price, "reference price")
    if claim.reference_price is not None and claim.reference_price < 0:
        raise BoundsError(
            f"reference price {shorten_number(claim.reference_price)} is negative: a relative"
            " level needs a positive close to measure from"
        )
    check_price(claim.level, "level")
    check_price(claim.upper, "upper level")
    _check_band(claim)
    _check_vague(claim)
    _check_outperformance(claim)


_LEVEL_KINDS = frozenset(LEVEL_KINDS)


def _plain_level_claim(claim: Claim) -> bool:
    """A level claim with nothing but a price level, and that price within bounds:
    every check after the dates passes for it (most claims, checked at once)."""
    level = claim.level
    return (
        level.__class__ is float
        and 0.0 < abs(level) <= MAX_PRICE  # not zero, NaN or infinite
        and claim.kind in _LEVEL_KINDS
        and claim.relative is None
        and claim.reference_price is None
        and claim.upper is None
        and claim.versus_symbol is None
        and claim.margin is None
    )


def _check_band(claim: Claim) -> None:
    """A band has both bounds, the floor first; no other kind has an upper level."""
    if not claim.kind.is_band:
        if claim.upper is not None:
            raise BoundsError(f"an upper level belongs to a band, not to {claim.kind.value}")
        return
    if claim.level is None or claim.upper is None or claim.relative is not None:
        raise BoundsError(
            f"{claim.kind.value} needs a floor and a ceiling as prices, like 4000 and 4500"
        )
    if not claim.level < claim.upper:
        raise BoundsError(
            f"band floor {shorten_number(claim.level)} is not below its ceiling"
            f" {shorten_number(claim.upper)}"
        )


def _check_vague(claim: Claim) -> None:
    """A vague call is words alone: no level, no window, and the words themselves."""
    if not claim.kind.is_vague:
        return
    if claim.level is not None or claim.relative is not None or claim.upper is not None:
        raise BoundsError("a vague call has no level: record a level as a claim of its own")
    if not (claim.statement or "").strip():
        raise BoundsError("a vague call needs the words that were said")
    check_text(claim.statement, "text")


def _check_outperformance(claim: Claim) -> None:
    if not claim.is_outperformance:
        if claim.versus_symbol is not None or claim.margin is not None:
            raise BoundsError("only an outperformance names a second asset and a margin")
        return
    if not claim.versus_symbol or not claim.versus_symbol.strip():
        raise BoundsError("an outperformance needs the asset it is measured against")
    margin = claim.margin
    if margin is None or not math.isfinite(margin) or not 0 <= margin <= MAX_MARGIN:
        raise BoundsError(
            f"margin {margin!r} is outside the accepted range (0 to {MAX_MARGIN:,.0f} points)"
        )
    check_price(claim.versus_reference_price, "reference price of the second asset")
    if claim.versus_reference_price is not None and claim.versus_reference_price < 0:
        raise BoundsError("the second asset's reference price is negative")


def _check_relative(claim: Claim) -> None:
    relative = claim.relative
    if relative is None:
        return
    value = relative.value
    if not math.isfinite(value):
        raise BoundsError(f"relative level {value} is not a finite number")
    if relative.kind is RelativeKind.PERCENT and not MIN_PERCENT < value <= MAX_PERCENT:
        raise BoundsError(
            f"relative level {shorten_number(value)}% is outside the accepted range"
            f" (above {MIN_PERCENT:g}%, at most +{MAX_PERCENT:,.0f}%)"
        )
    if relative.kind is RelativeKind.MULTIPLE and not 0 < value <= MAX_MULTIPLE:
        raise BoundsError(
            f"relative level x{shorten_number(value)} is outside the accepted range"
            f" (above 0, at most x{MAX_MULTIPLE:g})"
        )


def check_text(value: str | None, field: str) -> None:
    """No longer than the field's limit; the message names the field and the limit."""
    if value is None:
        return
    limit = FIELD_LIMITS[field]
    if len(value) > limit:
        raise BoundsError(
            f"{field.replace('_', ' ')} is {len(value):,} characters long: at most"
            f" {limit:,} are accepted"
        )


def check_tags(tags: tuple[str, ...] | list[str]) -> None:
    if len(tags) > MAX_TAGS:
        raise BoundsError(f"{len(tags):,} tags given: at most {MAX_TAGS} are accepted")
    for tag in tags:
        if not tag.strip():  # `--tag "$TAG"` with the variable unset: a tag no filter finds
            raise BoundsError("a tag is empty: give a word like 'metals', or leave --tag out")
        check_text(tag, "tag")


def shorten_number(value: float) -> str:
    """A number a person can read in one glance, however long it was typed."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = f"{value:.10g}"
    return text if len(text) <= 16 else f"{value:.6g}"


def check_entry_text(
    *,
    source: str,
    text: str | None = None,
    quote: str | None = None,
    url: str | None = None,
    tags: tuple[str, ...] | list[str] = (),
    source_kind: str | None = None,
) -> None:
    """The caps on what a recorded claim carries besides the claim itself."""
    if not source or not source.strip():
        raise BoundsError("source is empty: name who made the call (--source NAME)")
    check_text(source, "source")
    check_text(source_kind, "source_kind")
    check_text(text, "text")
    check_text(quote, "quote")
    check_text(url, "url")
    check_tags(tags)
