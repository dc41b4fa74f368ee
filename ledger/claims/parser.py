"""The claim language: one line of text becomes a judgeable Claim.

    gold $5055 by end-2026                  touch_above 5055, window to 2026-12-31
    BTC falls 15% within 90 days            touch_below -15% of the close on made_on
    S&P 500 closes above 7000 on 2026-12-31 close_above
    SPX never falls below 5000 in H1 2026   hold_above, window 2026-01-01..2026-06-30
    gold averages $5,055 in Q4 2026         average_above, window 2026-10-01..2026-12-31
    GC=F touch_above 5055 by 2026-12-31     the canonical form, which always parses back
    BTC between $150k and $200k at year-end close_between: the deadline's close in the band
    gold stays between 4000 and 4500 until March    hold_between: never leaves the band
    oil trades in a $60-70 range through 2025       hold_between (a range is kept throughout)
    vague: the silver squeeze is not over   a vague call, recorded but never judged

A claim has four parts, found in this order, each blanked out of the text
once read so that no later stage misreads it: the date phrase (dates.py),
a band ("between 4000 and 4500", numbers.find_bands), the direction words
(vocabulary.py), the asset (assets.py), and the level (numbers.py). Any
other words are ignored, so a sentence from an article parses as well as
a terse note; but two deadlines, two levels or two opposite directions are
an error, never a guess.

Every choice the parser makes on the user's behalf (a bare level read as
"reaches", "mid-2026" read as 2026-06-30) is recorded in
`Claim.assumptions`, so the user can see it and correct the text.

Errors are ClaimError only, one line each, naming what is missing or wrong
and suggesting a claim that does parse (it is parsed before it is shown).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from numbers import Real

from ledger.claims import assets, dates, vocabulary
from ledger.claims.assets import AssetMatch
from ledger.claims.bounds import MAX_PRICE, shorten_number
from ledger.claims.dates import DatePhrase
from ledger.claims.model import (
    Claim,
    ClaimKind,
    RelativeKind,
    RelativeLevel,
    default_window_start,
    format_price,
)
from ledger.claims.numbers import BandMatch, LevelMatch, find_bands, find_levels, parse_level
from ledger.claims.vocabulary import (
    ABOVE,
    AVERAGE,
    BELOW,
    BETWEEN,
    CLOSE,
    HOLD,
    TOUCH,
    TermMatch,
)
from ledger.errors import ClaimError

__all__ = ["claim_from_fields", "parse_claim", "parse_vague"]

# "vague: the silver squeeze is not over", "SI=F vague: ...": how a vague call is
# written in canonical text, so that it parses back.
_VAGUE_RE = re.compile(r"^\s*(?:(?P<symbol>[^\s:]+)\s+)?vague\s*:\s*(?P<said>.*?)\s*$", re.S)

_ASSUMED_BAND_FAMILY = (
    "no close or hold word: a band is read as the close at the deadline (close_between);"
    " write 'stays between' for a band kept the whole window"
)

_ASSUMED_SIDE = {
    TOUCH: "no direction word: read as 'reaches' (touch_above);"
    " write 'falls to' for a target below",
    CLOSE: "no direction word: read as 'closes above' (close_above);"
    " write 'closes below' for a close under the level",
    HOLD: "no direction word: read as 'stays above' (hold_above);"
    " write 'stays below' for a ceiling",
    AVERAGE: "no direction word: read as 'averages above' (average_above);"
    " write 'averages below' for an average under the level",
}

# How a suggested claim is worded per family and side, and its deadline when the
# user gave none that works. `{year}` is the year after made_on, so it is always ahead.
_EXAMPLE_VERBS = {
    (TOUCH, ABOVE): "",
    (TOUCH, BELOW): "falls to ",
    (CLOSE, ABOVE): "closes above ",
    (CLOSE, BELOW): "closes below ",
    (HOLD, ABOVE): "holds ",
    (HOLD, BELOW): "stays below ",
    (AVERAGE, ABOVE): "averages above ",
    (AVERAGE, BELOW): "averages below ",
}
_EXAMPLE_DEADLINES = {
    TOUCH: "by end-{year}",
    CLOSE: "on {year}-12-31",
    HOLD: "until {year}-03-31",
    AVERAGE: "in Q4 {year}",
}

# Characters that look alike to people but not to patterns; replaced one for one,
# so that positions in the text stay put.
_LOOKALIKES = str.maketrans(
    {
        "\u2212": "-",  # minus sign
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2018": "'",
        "\u2019": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\uff04": "$",
        "\uff05": "%",
    }
)

_SHOWN_LENGTH = 60
# A claim is one line; longer text is a document, and reading it would only be slow.
_MAX_LENGTH = 1000


class _Problem(Exception):
    """Why a claim cannot be read. `missing` names an absent part (asset, level, deadline)."""

    def __init__(self, reason: str, missing: str | None = None, fix: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        # The user's own text with the problem mended, tried first as the suggestion.
        self.fix = fix


# ---------------------------------------------------------------- public API


def parse_claim(text: str, *, made_on: date, aliases: Mapping[str, str] | None = None) -> Claim:
    """Read one line of claim text as a Claim made on `made_on`.

    `aliases` adds user-defined asset names (lower-case alias → Yahoo symbol)
    to the built-in ones. Relative levels ("+20%", "doubles") come back with
    `level=None`: the reference close is filled in later by the store.
    Raises ClaimError, and nothing else, for text that is not a claim.
    """
    if not isinstance(text, str):
        raise ClaimError(f"claim text must be a string, not {type(text).__name__}")
    made_on = _as_date(made_on, "made_on")
    if len(text) > _MAX_LENGTH:
        raise ClaimError(
            f"claim text is {len(text)} characters; a claim is one line of at most {_MAX_LENGTH}"
        )
    written = text.translate(_LOOKALIKES)
    vague = _VAGUE_RE.match(written)
    if vague is not None:
        # The words are kept as typed (lookalikes replace one for one, so spans hold).
        return _vague_claim(
            text[vague.start("said") : vague.end("said")], vague["symbol"], made_on, aliases
        )
    try:
        return _parse(written, made_on, aliases)
    except _Problem as problem:
        raise ClaimError(_message(written, problem, made_on, aliases)) from None
    except ClaimError as error:
        raise ClaimError(_message(written, _Problem(str(error)), made_on, aliases)) from None


def parse_vague(
    text: str,
    *,
    made_on: date,
    asset: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Claim:
    """A vague call: what was said, kept as said, with the asset it names if any.

    No level and no deadline are needed, since no price will ever settle it.
    `asset` (an alias or a symbol) names the asset when the text does not,
    or overrides the one the text names; otherwise the first asset the text
    mentions is taken ("the silver squeeze is not over" is about SI=F).
    Canonical vague text ("SI=F vague: ...") is read back as it was written.
    """
    if not isinstance(text, str):
        raise ClaimError(f"claim text must be a string, not {type(text).__name__}")
    made_on = _as_date(made_on, "made_on")
    if len(text) > _MAX_LENGTH:
        raise ClaimError(
            f"claim text is {len(text)} characters; a claim is one line of at most {_MAX_LENGTH}"
        )
    written = text.translate(_LOOKALIKES)
    canonical = _VAGUE_RE.match(written)
    if canonical is not None and asset is None:
        said = text[canonical.start("said") : canonical.end("said")]
        return _vague_claim(said, canonical["symbol"], made_on, aliases)
    return _vague_claim(text, asset, made_on, aliases, find_asset=asset is None)


def _vague_claim(
    said: str,
    asset_name: str | None,
    made_on: date,
    aliases: Mapping[str, str] | None,
    *,
    find_asset: bool = False,
) -> Claim:
    statement = " ".join(said.split())
    if not statement:
        raise ClaimError(
            "a vague call needs the words that were said, as in"
            ' forecast add --vague "the silver squeeze is not over" --source NAME'
        )
    if len(statement) > _MAX_LENGTH:
        raise ClaimError(
            f"vague call is {len(statement)} characters; at most {_MAX_LENGTH} are accepted"
        )
    match: AssetMatch | None = None
    if asset_name is not None:
        try:
            match = assets.resolve_asset(asset_name, aliases)
        except ClaimError as error:
            raise ClaimError(f"vague call's asset: {error}") from None
    elif find_asset:
        try:
            match, _ = assets.find_assets(statement, aliases)
        except ClaimError:
            match = None  # a mention that is no usable asset: the call stays about none
    return Claim(
        symbol=match.symbol if match else "",
        asset=match.asset if match else "",
        kind=ClaimKind.VAGUE,
        level=None,
        made_on=made_on,
        window_start=made_on,
        deadline=made_on,
        statement=statement,
    )


def claim_from_fields(
    *,
    asset: str,
    kind: str,
    level: float | str,
    deadline: str | date,
    made_on: date,
    start: str | date | None = None,
    aliases: Mapping[str, str] | None = None,
    upper: float | str | None = None,
) -> Claim:
    """Build a Claim from structured fields (YAML import), with the parser's validation.

    `asset` is an alias or a Yahoo symbol; `kind` a kind name ("touch_above");
    `level` a number or level text ("5055", "$5.1k", "+20%", "x2"); `deadline`
    a date or any deadline phrase; `start` an optional first day or period.
    A band kind (close_between, hold_between) takes its floor in `level`
    and its ceiling in `upper`; no other kind has an `upper`.
    """
    made_on = _as_date(made_on, "made_on")
    try:
        if not isinstance(asset, str):
            raise ClaimError(f"asset must be text, not {type(asset).__name__}")
        if not isinstance(kind, str):
            raise ClaimError(f"kind must be text like touch_above, not {type(kind).__name__}")
        asset_match = assets.resolve_asset(asset, aliases)
        claim_kind = vocabulary.parse_kind_name(kind)
        if claim_kind.is_vague:
            raise ClaimError(
                "kind vague is not a structured claim: give 'vague: true' and the words"
                " said as 'claim:'"
            )
        if claim_kind.is_band and upper is None:
            raise ClaimError(
                f"kind {claim_kind.value} needs 'upper' (the ceiling) beside 'level' (the floor)"
            )
        if upper is not None and not claim_kind.is_band:
            raise ClaimError(
                f"'upper' is only for a band (close_between, hold_between), not {claim_kind.value}"
            )
        when = _field_deadline(deadline, made_on)
        if start is not None:
            when = replace(when, start=_field_start(start, made_on))
        side = BETWEEN if claim_kind.is_band else ABOVE if claim_kind.is_above else BELOW
        return _assemble(
            asset=asset_match,
            family=claim_kind.family,
            side=side,
            default_side=None,
            level=_field_level(level),
            upper=None if upper is None else _field_level(upper),
            when=when,
            made_on=made_on,
        )
    except _Problem as problem:
        reason = f"no {problem.missing}" if problem.missing else problem.reason
        raise ClaimError(" ".join(reason.split())) from None
    except ClaimError as error:
        raise ClaimError(" ".join(str(error).split())) from None


# ---------------------------------------------------------------- the grammar


def _parse(written: str, made_on: date, aliases: Mapping[str, str] | None) -> Claim:
    if not written.strip():
        raise _Problem("empty claim", missing="text")
    phrases, rest = dates.find_date_phrases(written, made_on)
    bands, lone, rest = find_bands(rest)
    terms, rest = vocabulary.find_terms(rest)
    asset, rest = assets.find_assets(rest, aliases)
    levels, rest = find_levels(rest)
    if asset is None:
        raise _Problem("names no asset", missing="asset")
    if lone is not None:
        both = f"{lone.text} and {_example_ceiling(lone.bound)}"
        raise _Problem(
            f"'{lone.text}' gives one bound of a band; write both, as in '{both}'",
            fix=" ".join(written.replace(lone.text, both, 1).split()),
        )
    if bands:
        band = _one_band(bands, levels)
        family, assumed = _band_family(terms, band, written)
        when = _one_deadline(phrases)
        if assumed:
            when = replace(when, assumptions=(*when.assumptions, _ASSUMED_BAND_FAMILY))
        return _assemble(
            asset=asset,
            family=family,
            side=BETWEEN,
            default_side=None,
            level=band.low,
            upper=band.high,
            when=when,
            made_on=made_on,
            band_text=band.text,
        )
    family, side, default_side = _family_and_side(terms)
    level = _one_level(levels)
    when = _one_deadline(phrases)
    return _assemble(
        asset=asset,
        family=family,
        side=side,
        default_side=default_side,
        level=level,
        when=when,
        made_on=made_on,
    )


def _example_ceiling(bound: LevelMatch) -> str:
    """A ceiling a fifth above a floor, for an example band that parses."""
    if bound.price is None or not math.isfinite(bound.price) or bound.price <= 0:
        return "6000"
    return format_price(float(f"{bound.price * 1.2:.3g}"))


def _one_band(bands: list[BandMatch], levels: list[LevelMatch]) -> BandMatch:
    distinct = list({(b.low.key, b.high.key): b for b in bands}.values())
    if len(distinct) > 1:
        raise _Problem(
            f"has two different bands ('{distinct[0].text}' and '{distinct[1].text}');"
            " a claim has one"
        )
    band = distinct[0]
    if levels:
        raise _Problem(
            f"has a band ('{band.text}') and another level ('{levels[0].text}'); a claim has one"
        )
    return band


def _band_family(terms: list[TermMatch], band: BandMatch, written: str) -> tuple[str, bool]:
    """close or hold: a band is either the deadline's close or kept the whole window.

    Also whether the family was assumed (no close or hold word at all).
    """
    for match in terms:
        if match.term.negation:
            raise _Problem(
                f"'{match.text}' does not go with a band: write 'stays between 4000 and 4500'"
                " for a band the price keeps to"
            )
    for match in terms:
        if match.term.side:
            start, end = match.span
            raise _Problem(
                f"a band ('{band.text}') has no direction, but '{match.text}' gives one;"
                " drop it, or write one level",
                fix=" ".join((written[:start] + written[end:]).split()),
            )
    strong = dict.fromkeys(
        ([band.family] if band.family else [])
        + [m.term.family or TOUCH for m in terms if m.term.strong]
    )
    if len(strong) > 1:
        raise _Problem(f"names two kinds of claim ({' and '.join(strong)}); a claim is one kind")
    if strong:
        family = next(iter(strong))
        if family == AVERAGE:
            raise _Problem(
                "an average is compared with one level: write 'averages above 4000' or"
                " 'averages below 4500'"
            )
        return family, False
    touching = next((m.text for m in terms if m.term.family == TOUCH), None)
    if touching is not None:
        raise _Problem(
            f"'{touching}' is about reaching one level; a band is judged by the close at the"
            " deadline ('closes between') or over the whole window ('stays between')"
        )
    return CLOSE, True


def _family_and_side(terms: list[TermMatch]) -> tuple[str, str | None, str | None]:
    """The family (touch unless a close/hold/average word says otherwise) and the side, if named."""
    for match in terms:
        if match.term.negation:
            raise _Problem(
                f"'{match.text}' is only understood in phrases like 'never falls below 5000'"
                " (a floor) or 'never exceeds 5000' (a ceiling)"
            )
    strong: dict[str, str] = {}
    for match in terms:
        if match.term.strong:
            strong.setdefault(match.term.family or TOUCH, match.text)
    if len(strong) > 1:
        words = " and ".join(f"'{text}'" for text in strong.values())
        raise _Problem(f"names two kinds of claim ({words}); a claim is one kind")
    family = next(iter(strong), TOUCH)
    sides: dict[str, str] = {}
    for match in terms:
        if match.term.side:
            sides.setdefault(match.term.side, match.text)
    if len(sides) > 1:
        raise _Problem(
            f"has contradictory directions ('{sides[ABOVE]}' is above, '{sides[BELOW]}' is below)"
        )
    side = next(iter(sides), None)
    default_side = next((m.term.default_side for m in terms if m.term.default_side), None)
    return family, side, default_side


def _one_level(levels: list[LevelMatch]) -> LevelMatch:
    if not levels:
        raise _Problem("has no level", missing="level")
    distinct = list({level.key: level for level in levels}.values())
    if len(distinct) > 1:
        raise _Problem(
            f"has two different levels ('{distinct[0].text}' and '{distinct[1].text}');"
            " a claim has one"
        )
    return distinct[0]


def _one_deadline(phrases: list[DatePhrase]) -> DatePhrase:
    if not phrases:
        raise _Problem("has no deadline", missing="deadline")
    first = phrases[0]
    for other in phrases[1:]:
        if other.deadline != first.deadline:
            raise _Problem(
                f"has two different deadlines ('{first.text}' is {first.deadline.isoformat()},"
                f" '{other.text}' is {other.deadline.isoformat()})"
            )
    starts = {phrase.start for phrase in phrases if phrase.start is not None}
    if len(starts) > 1:
        raise _Problem("names two different periods; a claim has one window")
    return DatePhrase(
        text=first.text,
        deadline=first.deadline,
        start=next(iter(starts), None),
        assumptions=tuple(note for phrase in phrases for note in phrase.assumptions),
        span=first.span,
        counts_from_call=any(phrase.counts_from_call for phrase in phrases),
    )


def _relative_side(relative: RelativeLevel) -> str | None:
    """The side a relative level points to by itself: +20% and x2 above, -15% and x0.5 below."""
    neutral = 0.0 if relative.kind is RelativeKind.PERCENT else 1.0
    if relative.value > neutral:
        return ABOVE
    if relative.value < neutral:
        return BELOW
    return None


def _assemble(
    *,
    asset: AssetMatch,
    family: str,
    side: str | None,
    default_side: str | None,
    level: LevelMatch,
    when: DatePhrase,
    made_on: date,
    upper: LevelMatch | None = None,
    band_text: str | None = None,
) -> Claim:
    """Check the parts against each other and build the Claim (shared by text and fields)."""
    notes = list(when.assumptions)
    price: float | None = None
    ceiling: float | None = None
    relative: RelativeLevel | None = None

    if side == BETWEEN:
        assert upper is not None
        price, ceiling = _band_levels(level, upper, band_text, notes)
    elif level.relative is not None:
        relative, side = _relative_level(level, family, side, default_side, notes)
    else:
        price = _price_level(level, notes)
        if side is None:
            side = default_side
        if side is None:
            side = ABOVE
            notes.append(_ASSUMED_SIDE[family])

    deadline = when.deadline
    if deadline <= made_on:
        raise _Problem(
            f"deadline {deadline.isoformat()} ('{when.text}') is not after the call date"
            f" {made_on.isoformat()}"
        )
    if when.start is not None and when.start > deadline:
        raise _Problem(
            f"the window starts {when.start.isoformat()}, after its deadline {deadline.isoformat()}"
        )
    window_start = _window_start(family, when, made_on, notes)

    return Claim(
        symbol=asset.symbol,
        asset=asset.asset,
        kind=vocabulary.kind_for(family, side),
        level=price,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        relative=relative,
        reference_price=None,
        assumptions=tuple(dict.fromkeys(notes)),
        upper=ceiling,
    )


def _band_levels(
    low: LevelMatch, high: LevelMatch, band_text: str | None, notes: list[str]
) -> tuple[float, float]:
    """The floor and the ceiling of a band, in order; a reversed band is turned round."""
    for bound in (low, high):
        if bound.relative is not None:
            raise _Problem(
                f"a band's bounds are prices, like 'between 4000 and 4500', not '{bound.text}'"
            )
    floor, ceiling = _price_level(low, notes), _price_level(high, notes)
    if floor == ceiling:
        raise _Problem(
            f"the band's bounds are both {format_price(floor)}: give a floor below the ceiling,"
            f" or write 'closes above {format_price(floor)}' for one level"
        )
    if floor > ceiling:
        written = band_text or f"{low.text} and {high.text}"
        notes.append(
            f"'{written}' read as between {format_price(ceiling)} and {format_price(floor)}"
            " (the lower bound first)"
        )
        floor, ceiling = ceiling, floor
    return floor, ceiling


def _relative_level(
    level: LevelMatch, family: str, side: str | None, default_side: str | None, notes: list[str]
) -> tuple[RelativeLevel, str]:
    assert level.relative is not None
    kind, value = level.relative.kind, level.relative.value
    if kind is RelativeKind.PERCENT and not level.sign:
        # An unsigned "15%" moves the way the words say: "falls 15%" is -15%.
        if side is None and default_side is None:
            notes.append(f"'{level.text}' with no sign or direction word read as +{level.text}")
        value = -abs(value) if (side or default_side) == BELOW else abs(value)
    # Canonical text writes relative values with 6 significant digits; keep exactly that.
    rounded = float(f"{value:g}")
    if rounded != value:
        notes.append(f"'{level.text}' rounded to {rounded:g} (6 significant digits)")
    relative = RelativeLevel(kind, rounded)
    if kind is RelativeKind.PERCENT and rounded <= -100:
        raise _Problem(f"'{level.text}' is not above -100% (a price cannot fall that far)")
    if kind is RelativeKind.MULTIPLE and rounded <= 0:
        raise _Problem(f"multiple '{level.text}' is not above 0")
    own_side = _relative_side(relative)
    if side is None:
        side = own_side or default_side
    if side is None:
        side = ABOVE
        notes.append(_ASSUMED_SIDE[family])
    if family == TOUCH and own_side is not None and own_side != side:
        raise _Problem(
            f"has contradictory directions ('{level.text}' is {own_side}, the words say {side})"
        )
    return relative, side


def _price_level(level: LevelMatch, notes: list[str]) -> float:
    assert level.price is not None
    if level.sign == "-" or level.price <= 0:
        raise _Problem(f"level '{level.text}' is not above 0")
    if level.sign == "+":
        number = format_price(level.price)
        raise _Problem(
            f"'{level.text}' is unclear: write '+{number}%' for a rise or '{number}' for a price"
        )
    if not level.price <= MAX_PRICE:  # NaN too
        raise _Problem(
            f"level '{shorten_number(level.price)}' is larger than any price"
            f" (at most {MAX_PRICE:.0e})"
        )
    # Canonical text writes prices with 10 significant digits; keep exactly that.
    rounded = float(format_price(level.price))
    if rounded <= 0:
        raise _Problem(f"level '{level.text}' is not above 0")
    if rounded != level.price:
        notes.append(
            f"level '{level.text}' rounded to {format_price(rounded)} (10 significant digits)"
        )
    return rounded


def _window_start(family: str, when: DatePhrase, made_on: date, notes: list[str]) -> date:
    """The first day judged.

    Touch, close and hold windows start the day after the call (what the
    price did on the call day was already known) or later, at the start of
    a named period. An average's window is its period, even when the period
    began before the call: "averages $5,055 in Q4" means the whole quarter.
    """
    day_after = default_window_start(made_on)
    if family == CLOSE:
        return day_after  # a close claim is judged on the deadline alone
    if family == AVERAGE:
        if when.start is None:
            if not when.counts_from_call:
                notes.append(
                    f"no averaging period given: the average runs from {day_after.isoformat()}"
                    f" (the day after the call) to {when.deadline.isoformat()}"
                )
            return day_after
        if when.start <= made_on:
            notes.append(
                f"the averaging period starts {when.start.isoformat()}, on or before the call date"
                f" {made_on.isoformat()}: closes already known count toward the average"
            )
        return when.start
    if when.start is None:
        return day_after
    if when.start <= made_on:
        notes.append(
            f"'{when.text}' starts {when.start.isoformat()}, on or before the call date"
            f" {made_on.isoformat()}: the window starts the day after, {day_after.isoformat()}"
        )
        return day_after
    return when.start


# ---------------------------------------------------------------- structured fields


def _as_date(value: object, name: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise ClaimError(f"{name} must be a date, not {type(value).__name__}")


def _field_level(level: object) -> LevelMatch:
    if isinstance(level, bool):
        raise ClaimError("level must be a number or text like 5055 or +20%, not true/false")
    if isinstance(level, Real):
        value = float(level)
        if not math.isfinite(value):
            raise ClaimError(f"level {level} is not a finite number")
        text = format_price(abs(value))
        return LevelMatch(
            text=f"-{text}" if value < 0 else text,
            span=(0, 0),
            price=abs(value),
            sign="-" if value < 0 else "",
        )
    if isinstance(level, str):
        return parse_level(level)
    raise ClaimError(f"level must be a number or text like +20%, not {type(level).__name__}")


def _field_deadline(deadline: object, made_on: date) -> DatePhrase:
    if isinstance(deadline, date):
        day = _as_date(deadline, "deadline")
        return DatePhrase(text=day.isoformat(), deadline=day)
    if isinstance(deadline, str):
        return dates.parse_date_phrase(deadline, made_on)
    raise ClaimError(
        f"deadline must be a date or text like 2026-12-31, not {type(deadline).__name__}"
    )


def _field_start(start: object, made_on: date) -> date:
    if isinstance(start, date):
        return _as_date(start, "start")
    if isinstance(start, str):
        return dates.parse_period_start(start, made_on)
    raise ClaimError(f"start must be a date or text like 2026-10-01, not {type(start).__name__}")


# ---------------------------------------------------------------- error messages


@dataclass(frozen=True)
class _Sketch:
    """What could be made out of a failed claim, to word a suggestion close to it."""

    asset: str | None = None
    symbol: str | None = None
    family: str | None = None
    side: str | None = None
    deadline_text: str | None = None


def _sketch(written: str, made_on: date, aliases: Mapping[str, str] | None) -> _Sketch:
    rest = written
    deadline_text = None
    try:
        phrases, rest = dates.find_date_phrases(written, made_on)
        if len(phrases) == 1 and phrases[0].deadline > made_on:
            deadline_text = phrases[0].text
    except ClaimError:
        rest = written
    terms, rest = vocabulary.find_terms(rest)
    strong = {m.term.family for m in terms if m.term.strong}
    family = strong.pop() if len(strong) == 1 else (TOUCH if terms and not strong else None)
    sides = {m.term.side for m in terms if m.term.side}
    side = sides.pop() if len(sides) == 1 else None
    try:
        asset, _ = assets.find_assets(rest, aliases)
    except ClaimError:
        asset = None
    return _Sketch(
        asset=asset.asset if asset else None,
        symbol=asset.symbol if asset else None,
        family=family,
        side=side,
        deadline_text=deadline_text,
    )


def _parses(text: str, made_on: date, aliases: Mapping[str, str] | None) -> bool:
    try:
        _parse(text, made_on, aliases)
    except (_Problem, ClaimError):
        return False
    return True


def _suggestion(
    written: str, problem: _Problem, made_on: date, aliases: Mapping[str, str] | None
) -> str:
    """A claim close to what the user wrote that is known to parse."""
    sketch = _sketch(written, made_on, aliases)
    year = made_on.year + 1
    family = sketch.family or TOUCH
    side = sketch.side or ABOVE
    typed = " ".join(written.split())
    candidates = []
    if problem.fix:
        candidates.append(problem.fix)
        candidates.append(f"{problem.fix} {_EXAMPLE_DEADLINES[family].format(year=year)}")
    if problem.missing == "asset":
        # A ticker typed in lower case ("tsla hits 500 ...") is most likely meant.
        first, _, rest = typed.partition(" ")
        if first.isalpha() and first.islower() and assets.looks_like_symbol(first.upper()):
            candidates.append(f"{first.upper()} {rest}")
        candidates.append(f"gold {typed}")
    if problem.missing == "deadline":
        candidates.append(f"{typed} {_EXAMPLE_DEADLINES[family].format(year=year)}")
    asset = sketch.asset or "gold"
    level = assets.example_level(sketch.symbol if sketch.asset else "GC=F")
    head = f"{asset} {_EXAMPLE_VERBS[family, side]}{level}"
    if sketch.deadline_text:
        candidates.append(f"{head} {sketch.deadline_text}")
    candidates.append(f"{head} {_EXAMPLE_DEADLINES[family].format(year=year)}")
    candidates.append(f"gold $5055 by end-{year}")
    for candidate in candidates:
        if _parses(candidate, made_on, aliases):
            return candidate
    return (
        f"GC=F touch_above 5055 by {year}-12-31"  # pragma: no cover - only for calls made in 9999
    )


def _shown(written: str) -> str:
    typed = " ".join(written.split())
    if len(typed) > _SHOWN_LENGTH:
        return typed[: _SHOWN_LENGTH - 3] + "..."
    return typed


def _message(
    written: str, problem: _Problem, made_on: date, aliases: Mapping[str, str] | None
) -> str:
    example = _suggestion(written, problem, made_on, aliases)
    shown = _shown(written)
    if problem.missing == "text":
        message = f"empty claim: try '{example}'"
    elif problem.missing == "asset":
        message = f"'{shown}' names no asset: try '{example}' ({assets.known_assets_hint(aliases)})"
    elif problem.missing:
        message = f"'{shown}' has no {problem.missing}: try '{example}'"
    else:
        message = f"'{shown}': {problem.reason}: try '{example}'"
    return " ".join(message.split())
