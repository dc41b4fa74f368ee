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
from datetime import date, datetime, timedelta
from numbers import Real

from ledger.claims import assets, comparisons, dates, level_rules, vocabulary
from ledger.claims.assets import RATIO_ASSUMPTION, AssetMatch
from ledger.claims.bounds import MAX_MARGIN, MAX_PRICE, shorten_number
from ledger.claims.comparisons import COMPARISON_ALIASES, CRYPTO_ASSUMPTION
from ledger.claims.dates import DatePhrase
from ledger.claims.frozen import FrozenMaker
from ledger.claims.level_rules import DEFAULT_HORIZON_DAYS, RuleMatch
from ledger.claims.model import (
    LEVEL_KINDS,
    Claim,
    ClaimKind,
    LevelRule,
    LevelRuleName,
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
from ledger.errors import ClaimError, UnknownAssetError

__all__ = [
    "claim_from_fields",
    "parse_claim",
    "parse_vague",
    "plain_fields_claim",
    "with_stated_level",
]

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

# The deadline a suggestion adds when the user gave none that works, per family.
# `{year}` is the year after made_on, so it is always ahead.
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
    """Why a claim cannot be read. `missing` names an absent part (asset, level, deadline).

    `parts` are the spans of the parts at fault (the two levels of "5055 or
    6000", the deadline before the call), so that a suggestion can replace
    just them and keep everything else the user wrote. `example` is a claim of
    the same form to suggest instead (it is checked to parse first); `fix` is
    the user's own text with the problem mended, tried first as the suggestion.
    """

    def __init__(
        self,
        reason: str,
        missing: str | None = None,
        parts: tuple[tuple[int, int], ...] = (),
        example: str | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing
        self.parts = parts
        self.example = example
        self.fix = fix


# ---------------------------------------------------------------- public API


def parse_claim(
    text: str,
    *,
    made_on: date,
    aliases: Mapping[str, str] | None = None,
    deadline: date | None = None,
) -> Claim:
    """Read one line of claim text as a Claim made on `made_on`.

    `aliases` adds user-defined asset names (lower-case alias → Yahoo symbol)
    to the built-in ones. Relative levels ("+20%", "doubles") come back with
    `level=None`: the reference close is filled in later by the store; so do
    computed levels ("holds support"), whose rule the resolver applies to the
    bars dated on or before made_on. `deadline` (the CLI's --deadline) is the
    deadline of a text that names none; a text that names one as well is an
    error, never a guess.
    Raises ClaimError, and nothing else, for text that is not a claim.
    """
    if not isinstance(text, str):
        raise ClaimError(f"claim text must be a string, not {type(text).__name__}")
    made_on = _as_date(made_on, "made_on")
    if len(text) > _MAX_LENGTH:
        raise ClaimError(
            f"claim text is {len(text)} characters; a claim is one line of at most {_MAX_LENGTH}"
        )
    if deadline is not None:
        deadline = _as_date(deadline, "deadline")
    written = text.translate(_LOOKALIKES)
    table = assets.asset_table(aliases)
    vague = _VAGUE_RE.match(written)
    if vague is not None:
        # The words are kept as typed (lookalikes replace one for one, so spans hold).
        return _vague_claim(
            text[vague.start("said") : vague.end("said")], vague["symbol"], made_on, table
        )
    try:
        return _parse(written, made_on, table, deadline)
    except _Problem as problem:
        message = _message(written, problem, made_on, table)
        if problem.missing == "asset":
            name = _unknown_name(written, made_on)
            raise UnknownAssetError(message, name=name, text=text) from None
        raise ClaimError(message) from None
    except ClaimError as error:
        raise ClaimError(_message(written, _Problem(str(error)), made_on, table)) from None


def with_stated_level(claim: Claim, level: float) -> Claim:
    """`claim` at a level the user gave (--level), in place of the level its words name.

    A computed level ("holds support") gives way, and an assumption line says
    so; a price written in the text is refused, since two levels are a
    contradiction, not a choice.
    """
    if claim.level_rule is None and (claim.level is not None or claim.relative is None):
        raise ClaimError(
            f"the claim states its level already ({claim.level_text}): drop --level,"
            " or the number from the text"
        )
    if claim.relative is not None:
        raise ClaimError(
            f"the claim states a relative level ({claim.relative.text()}): drop --level,"
            " or the level from the text"
        )
    if isinstance(level, Real) and not math.isfinite(level):
        raise ClaimError(f"--level {level} is not a price: give one like 80000")
    try:
        price = (
            _price_level(
                LevelMatch(text=format_price(level), span=(0, 0), price=level, sign=""), []
            )
            if isinstance(level, Real) and not isinstance(level, bool)
            else None
        )
    except _Problem as problem:  # a level of 0 or below: the parser's own words, as --level
        raise ClaimError(f"--level {problem.reason.removeprefix('level ')}") from None
    if price is None:
        raise ClaimError("--level must be a price like 80000")
    assert claim.level_rule is not None
    note = f"--level {format_price(price)} is used in place of {claim.level_rule.text()}"
    return replace(
        claim,
        level=price,
        level_rule=None,
        level_basis=(),
        level_note=None,
        assumptions=(*claim.assumptions, note),
    )


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
    level: float | str | None,
    deadline: str | date,
    made_on: date,
    start: str | date | None = None,
    aliases: Mapping[str, str] | None = None,
    versus: str | None = None,
    margin: float | str | None = None,
    upper: float | str | None = None,
) -> Claim:
    """Build a Claim from structured fields (YAML import), with the parser's validation.

    `asset` is an alias or a Yahoo symbol (a ratio: "GC=F/SI=F" or
    "gold/silver"); `kind` a kind name ("touch_above", "outperform");
    `level` a number or level text ("5055", "$5.1k", "+20%", "x2", or a
    computed level's rule as canonical text writes it, "support(60d,pivot3)");
    `deadline` a date or any deadline phrase; `start` an optional first day or
    period. An outperformance has no level but `versus` (the other asset) and
    an optional `margin` in percentage points. A band kind (close_between,
    hold_between) takes its floor in `level` and its ceiling in `upper`; no
    other kind has an `upper`.
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
        if claim_kind is ClaimKind.OUTPERFORM:
            return _field_outperformance(asset_match, level, versus, margin, when, made_on, aliases)
        if versus is not None or margin is not None:
            raise ClaimError(f"versus and margin belong to kind outperform, not {claim_kind.value}")
        if level is None:
            raise _Problem("no level", missing="level")
        rule = level_rules.parse_rule_text(level, made_on) if isinstance(level, str) else None
        side = BETWEEN if claim_kind.is_band else ABOVE if claim_kind.is_above else BELOW
        return _assemble(
            asset=asset_match,
            family=claim_kind.family,
            side=side,
            default_side=None,
            level=None if rule is not None else _field_level(level),
            upper=None if upper is None else _field_level(upper),
            when=when,
            made_on=made_on,
            rule=rule,
        )
    except _Problem as problem:
        reason = f"no {problem.missing}" if problem.missing else problem.reason
        raise ClaimError(" ".join(reason.split())) from None
    except ClaimError as error:
        raise ClaimError(" ".join(str(error).split())) from None


# The level kinds by the exact names `forecast export` writes.
_PLAIN_KINDS = {kind.value: kind for kind in LEVEL_KINDS}
# `Claim(...)` without its per-field setattr (`ledger.claims.frozen`): an import
# makes one per plain entry. Not used for the entry (`NewClaim`) as well: its
# __dict__ of its own would cost 27 MB more per 100k entries for 0.06 s; the
# claim's costs 21 MB for 0.17 s.
_make_claim = FrozenMaker(Claim)


def plain_fields_claim(
    *, asset: AssetMatch, kind: str, level: float, deadline: date, made_on: date
) -> Claim | None:
    """The claim `claim_from_fields` makes of the plainest structured fields, in
    fewer steps; None for any fields that are not that plain.

    Plain is what an export (or a script) writes for most claims: a level kind
    by its exact name (not a band, an outperformance or a vague call), a
    price level that is already canonical (positive, within `MAX_PRICE`, ten
    significant digits at most), a deadline that is a date after made_on, no
    start. `asset` is what `assets.resolve_asset` made of the asset field.
    An import of 100k entries reads each through here: the general path
    dispatches on every kind of level and deadline a field can hold and
    costs several times as much. None means "not plain", never "wrong": the
    caller reads those fields with `claim_from_fields`, which gives the
    messages (tests/claims/test_plain_fields.py holds the two to the same Claim).
    """
    claim_kind = _PLAIN_KINDS.get(kind)
    if claim_kind is None or not 0.0 < level <= MAX_PRICE or deadline <= made_on:
        return None
    price = format_price(level)
    if float(price) != level:
        return None  # _price_level would round it, with a note
    match = asset
    notes = [match.note] if match.note else []
    family = claim_kind.family
    if family == AVERAGE:  # its note names the period it assumes
        when = DatePhrase(text=deadline.isoformat(), deadline=deadline)
        window_start = _window_start(family, when, made_on, notes)
    else:
        window_start = default_window_start(made_on)
    if "/" in match.symbol:
        notes.append(RATIO_ASSUMPTION)
    claim = _make_claim(
        symbol=match.symbol,
        asset=match.asset,
        kind=claim_kind,
        level=level,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        assumptions=tuple(dict.fromkeys(notes)),
    )
    # Its canonical text from the parts already at hand, kept as `canonical_text`
    # keeps it (the two are held equal by the test named above).
    head = f"{match.symbol} {kind} {price}"
    if family == AVERAGE:  # the others' windows open the day after the call
        text = f"{head} from {window_start.isoformat()} to {deadline.isoformat()}"
    else:
        text = f"{head} by {deadline.isoformat()}"
    object.__setattr__(claim, "_canonical_text", text)
    return claim


# ---------------------------------------------------------------- the grammar


def _parse(
    written: str,
    made_on: date,
    aliases: assets.AssetTable,
    deadline: date | None = None,
) -> Claim:
    if not written.strip():
        raise _Problem("empty claim", missing="text")
    compared = _parse_outperformance(written, made_on, aliases)
    if compared is not None:
        return compared
    # A computed level's words come first: "2025" in "its 2025 high" is no
    # deadline, and "average" in "200-day average" no average claim.
    rule, rest = level_rules.find_level_rule(written, made_on)
    phrases, rest = dates.find_date_phrases(rest, made_on)
    bands, lone, rest = find_bands(rest)
    terms, rest = vocabulary.find_terms(rest)
    asset, rest = assets.find_assets(rest, aliases)
    levels, rest = find_levels(rest)
    levels = [_unglued(level, written) for level in levels]
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
    notes: list[str] = []
    if rule is not None:
        family, side, default_side = _rule_family_and_side(rule, terms, family, side, default_side)
        if levels and all(match.relative is None for match in levels):
            # "holds support at $80k": the level stated in the text wins.
            notes.append(f"'{rule.text}' is the level stated, {_one_level(levels).text}")
            rule = None
        elif levels:
            raise _Problem(
                f"has two levels ('{rule.text}' and '{levels[0].text}'); a claim has one"
            )
    if rule is not None:
        when = _rule_deadline(phrases, deadline, rule, made_on, written)
        claim = _assemble(
            asset=asset,
            family=family,
            side=side,
            default_side=default_side,
            level=None,
            when=when,
            made_on=made_on,
            rule=rule,
        )
    else:
        level = _one_level(levels)
        when = _given_deadline(phrases, deadline, written)
        claim = _assemble(
            asset=asset,
            family=family,
            side=side,
            default_side=default_side,
            level=level,
            when=when,
            made_on=made_on,
        )
        if not any(m.term.strong for m in terms) and _names_one_day(when.text):
            notes.append(_on_a_day_note(claim, when.text))
    if notes:
        claim = replace(claim, assumptions=tuple(dict.fromkeys((*claim.assumptions, *notes))))
    return claim


def _names_one_day(phrase: str) -> bool:
    """'on 2026-06-30': a phrase that names the day itself rather than a limit ('by')."""
    return phrase.split(None, 1)[0].lower() == "on"


def _on_a_day_note(claim: Claim, phrase: str) -> str:
    """A touch read from "BTC above 100000 on 2026-06-30": no close or hold word, so the
    day is the deadline for reaching the level, which a reader may have meant as the
    close that day; the note says which reading was taken and how to write the other."""
    closes = "closes below" if claim.kind is ClaimKind.TOUCH_BELOW else "closes above"
    return (
        f"no close or hold word: '{phrase}' is read as the deadline for reaching the level"
        f" on some day ({claim.kind.value}); write '{closes} ... {phrase}' for that day's close"
    )


def _rule_family_and_side(
    rule: RuleMatch,
    terms: list[TermMatch],
    family: str,
    side: str | None,
    default_side: str | None,
) -> tuple[str, str | None, str | None]:
    """The phrase's own family and side ("breaks support": touch below) fill what words left open.

    A strong word the user wrote ("closes", "holds") keeps its family; a
    plain touch verb ("breaks") gives way to what the level phrase says.
    """
    strong = any(match.term.strong for match in terms)
    if rule.family and not strong:
        family = rule.family
    if rule.side is not None and (side is None or not strong):
        side = rule.side
    if side is None and rule.rule.name is not LevelRuleName.MOVING_AVERAGE:
        default_side = rule.default_side(family)
    return family, side, default_side


def _given_deadline(phrases: list[DatePhrase], deadline: date | None, written: str) -> DatePhrase:
    if deadline is None:
        return _one_deadline(phrases)
    if phrases:
        raise _Problem(
            f"has a deadline in the text ('{phrases[0].text}') and --deadline"
            f" {deadline.isoformat()}; give one"
        )
    return DatePhrase(text=deadline.isoformat(), deadline=deadline)


def _rule_deadline(
    phrases: list[DatePhrase],
    deadline: date | None,
    rule: RuleMatch,
    made_on: date,
    written: str,
) -> DatePhrase:
    """The deadline the text or --deadline gives, else the rule's documented default horizon."""
    if phrases or deadline is not None:
        return _given_deadline(phrases, deadline, written)
    days = DEFAULT_HORIZON_DAYS[rule.rule.name]
    try:
        day = made_on + timedelta(days=days)
    except OverflowError:
        raise _Problem(
            f"has no deadline, and {days} days after {made_on.isoformat()} is past the calendar",
            missing="deadline",
        ) from None
    note = (
        f"no deadline: a claim on {rule.rule.name.value} is judged over {days} days, to"
        f" {day.isoformat()} (write 'by DATE' or give --deadline to change it)"
    )
    return DatePhrase(text=f"{days} days", deadline=day, assumptions=(note,), counts_from_call=True)


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
            " a claim has one",
            parts=tuple(level.span for level in levels),
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
                f" '{other.text}' is {other.deadline.isoformat()})",
                parts=tuple(phrase.span for phrase in phrases),
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
    level: LevelMatch | None,
    when: DatePhrase,
    made_on: date,
    rule: RuleMatch | None = None,
    upper: LevelMatch | None = None,
    band_text: str | None = None,
) -> Claim:
    """Check the parts against each other and build the Claim (shared by text and fields)."""
    notes = list(when.assumptions)
    if asset.note:
        notes.append(asset.note)
    price: float | None = None
    ceiling: float | None = None
    relative: RelativeLevel | None = None
    level_rule: LevelRule | None = None

    if side == BETWEEN:
        assert upper is not None
        price, ceiling = _band_levels(level, upper, band_text, notes)
    elif rule is not None:
        level_rule = level_rules.with_field(rule.rule, family)
        if side is None:
            if default_side is None:
                # Support is below the price and a record above it; an average can be either.
                notes.append(_ASSUMED_SIDE[family])
            side = default_side or rule.default_side(family)
        if family == CLOSE and level_rule.field == "close":
            notes.append(
                f"'{rule.text}' is judged on the last close on or before the deadline, against"
                f" {level_rule.short()} through the call date"
            )
        if level_rule.end is not None and level_rule.end > made_on:
            notes.append(
                f"'{rule.text}' is read as the {level_rule.field} so far: bars from"
                f" {level_rule.start} through the call date {made_on.isoformat()}"
            )
    elif level is None:  # pragma: no cover - every caller passes a level or a rule
        raise _Problem("has no level", missing="level")
    elif level.relative is not None:
        relative, side = _relative_level(level, family, side, default_side, notes)
    else:
        price = _price_level(level, notes)
        if side is None:
            side = default_side
        if side is None:
            side = ABOVE
            notes.append(_ASSUMED_SIDE[family])

    deadline = _checked_deadline(when, made_on)
    window_start = _window_start(family, when, made_on, notes)
    if "/" in asset.symbol:
        notes.append(RATIO_ASSUMPTION)

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
        level_rule=level_rule,
        upper=ceiling,
    )


def _checked_deadline(when: DatePhrase, made_on: date) -> date:
    """The deadline, once it is after the call and not before its window opens."""
    deadline = when.deadline
    if deadline <= made_on:
        raise _Problem(
            f"deadline {deadline.isoformat()} ('{when.text}') is not after the call date"
            f" {made_on.isoformat()}",
            parts=(when.span,),
        )
    if when.start is not None and when.start > deadline:
        raise _Problem(
            f"the window starts {when.start.isoformat()}, after its deadline {deadline.isoformat()}"
        )
    return deadline


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


def _unglued(level: LevelMatch, written: str) -> LevelMatch:
    """The level without a sign that was a hyphen glued to a word in what the user
    wrote ("sub-$50"): blanking the word out leaves the hyphen looking like a minus."""
    start, end = level.span
    if level.sign and start > 0 and written[start - 1].isalpha() and level.text[:1] == level.sign:
        return replace(level, sign="", text=level.text[1:], span=(start + 1, end))
    return level


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


# ---------------------------------------------------------------- two assets' returns


def _parse_outperformance(
    written: str, made_on: date, aliases: Mapping[str, str] | None
) -> Claim | None:
    """An outperformance claim, or None when the text compares no two assets.

    Margins and dates are read first, so "by 10 points by end-2026" gives one
    of each; then the comparison words, then every asset named.
    """
    words = comparisons.find_words(written)
    if not words:
        return None
    margins, rest = comparisons.find_margins(written)
    phrases, rest = dates.find_date_phrases(rest, made_on)
    words = [w for w in words if rest[w.span[0] : w.span[1]] == written[w.span[0] : w.span[1]]]
    rest = comparisons.blank(rest, [w.span for w in words])
    mentions, rest = assets.find_asset_mentions(rest, aliases, extra=COMPARISON_ALIASES)
    symbols = list(dict.fromkeys(m.symbol for m in mentions))
    roles = {w.role for w in words}
    strong = bool(roles & {"outperforms", "underperforms"})
    if not strong and len(symbols) < 2:
        return None  # "BTC beats 100k" is a price target; "gold vs $4000" names one asset
    levels, _ = find_levels(rest)
    if not strong and levels:
        return None  # "gold outruns the S&P 500 to $5055": a target for gold
    year = made_on.year + 1
    named = list(dict.fromkeys(m.asset for m in mentions))
    first = named[0] if named else "gold"
    second = named[1] if len(named) > 1 else ("bitcoin" if first != "bitcoin" else "gold")
    example = f"{first} outperforms {second} by end-{year}"
    winner, loser = _sides(words, mentions, example)
    for mention in (winner, loser):
        if "/" in mention.symbol:
            raise _Problem(
                f"'{mention.asset}' is a ratio: an outperformance compares two assets' returns",
                example="gold outperforms silver by end-" + str(year),
            )
    if winner.symbol == loser.symbol:
        raise _Problem(f"compares {winner.symbol} with itself", example=example)
    if len(symbols) > 2:
        raise _Problem(
            f"names {len(symbols)} assets ({', '.join(symbols)}); an outperformance compares two",
            example=example,
        )
    if levels:
        raise _Problem(
            f"has a level ('{levels[0].text}'), but compares two assets' returns: write a"
            " margin as 'by 10 points'",
            example=f"{winner.asset} outperforms {loser.asset} by 10 points by end-{year}",
        )
    notes: list[str] = []
    margin = _one_margin(margins, notes, example)
    if not phrases:
        raise _Problem(
            "has no deadline", example=f"{winner.asset} outperforms {loser.asset} by end-{year}"
        )
    when = _one_deadline(phrases)
    for mention in (winner, loser):
        if mention.asset.lower() in COMPARISON_ALIASES:
            notes.append(CRYPTO_ASSUMPTION.format(word=mention.asset))
    return _assemble_outperformance(winner, loser, margin, when, made_on, notes)


def _sides(
    words: list[comparisons.Word], mentions: list[AssetMatch], example: str
) -> tuple[AssetMatch, AssetMatch]:
    """(winner, loser): the asset that must return more, and the one it is measured against."""
    pivot = next((w for w in words if w.role in ("outperforms", "underperforms", "beats")), None)
    if pivot is not None:
        before = [m for m in mentions if m.span[1] <= pivot.span[0]]
        after = [m for m in mentions if m.span[0] >= pivot.span[1]]
        if not before or not after:
            raise _Problem(
                f"'{pivot.text}' needs an asset on each side (which does better than which)",
                example=example,
            )
        winner, loser = before[-1], after[0]
        return (loser, winner) if pivot.role == "underperforms" else (winner, loser)
    wins = next((w for w in words if w.role == "wins"), None)
    if wins is None:
        raise _Problem(
            "compares two assets but takes no side: say which does better", example=example
        )
    before = [m for m in mentions if m.span[1] <= wins.span[0]]
    if not before:
        raise _Problem(f"'{wins.text}' needs the winning asset before it", example=example)
    winner = before[-1]
    others = [m for m in mentions if m.symbol != winner.symbol]
    if not others:
        raise _Problem("names one asset; an outperformance compares two", example=example)
    return winner, others[0]


def _one_margin(margins: list[comparisons.MarginMatch], notes: list[str], example: str) -> float:
    """The margin in percentage points (0 when none is given)."""
    if not margins:
        return 0.0
    distinct = {(m.value, m.negative) for m in margins}
    if len(distinct) > 1:
        raise _Problem(
            f"has two margins ('{margins[0].text}' and '{margins[1].text}'); a claim has one",
            example=example,
        )
    margin = margins[0]
    if margin.negative:
        raise _Problem(
            f"margin '{margin.text}' is negative: give how many points more the first asset"
            " returns, or swap the assets",
            example=example,
        )
    if margin.as_percent:
        notes.append(
            f"'{margin.text}' is read as {margin.value:g} percentage points of return"
            " (the first asset's return minus the second's)"
        )
    return _checked_margin(margin.value, margin.text)


def _checked_margin(value: float, text: str) -> float:
    if not math.isfinite(value) or value < 0:
        raise _Problem(f"margin '{text}' is not a finite number of points at or above 0")
    if value > MAX_MARGIN:
        raise _Problem(f"margin '{text}' is above {MAX_MARGIN:,.0f} percentage points")
    # Canonical text writes margins to 1e-4 of a point; keep exactly that.
    return round(value, 4) + 0.0


def _assemble_outperformance(
    winner: AssetMatch,
    loser: AssetMatch,
    margin: float,
    when: DatePhrase,
    made_on: date,
    notes: list[str],
) -> Claim:
    """The claim, with its window: returns run from the close before the window opens."""
    notes = list(when.assumptions) + notes
    deadline = _checked_deadline(when, made_on)
    day_after = default_window_start(made_on)
    window_start = day_after
    if when.start is not None and when.start > made_on:
        window_start = when.start
    elif when.start is not None and when.start < made_on:
        notes.append(
            f"'{when.text}' starts {when.start.isoformat()}, before the call date"
            f" {made_on.isoformat()}: returns are measured from the close on or before"
            f" {made_on.isoformat()}"
        )
    reference_day = window_start.toordinal() - 1
    notes.append(
        f"returns run from each asset's last close on or before"
        f" {date.fromordinal(reference_day).isoformat()} to its last close on or before"
        f" {deadline.isoformat()}, each on its own trading days"
    )
    return Claim(
        symbol=winner.symbol,
        asset=winner.asset,
        kind=ClaimKind.OUTPERFORM,
        level=None,
        made_on=made_on,
        window_start=window_start,
        deadline=deadline,
        assumptions=tuple(dict.fromkeys(notes)),
        versus_symbol=loser.symbol,
        versus_asset=loser.asset,
        margin=margin,
    )


def _field_outperformance(
    asset: AssetMatch,
    level: object,
    versus: object,
    margin: object,
    when: DatePhrase,
    made_on: date,
    aliases: Mapping[str, str] | None,
) -> Claim:
    if level is not None:
        raise ClaimError(
            "kind outperform has no level: give versus (the other asset) and margin (points)"
        )
    if versus is None:
        raise ClaimError("kind outperform needs versus: the asset it must do better than")
    if not isinstance(versus, str):
        raise ClaimError(
            f"versus must be text like bitcoin or BTC-USD, not {type(versus).__name__}"
        )
    other = assets.resolve_asset(versus, {**COMPARISON_ALIASES, **(aliases or {})})
    notes: list[str] = []
    if other.asset.lower() in COMPARISON_ALIASES:
        notes.append(CRYPTO_ASSUMPTION.format(word=other.asset))
    for mention in (asset, other):
        if "/" in mention.symbol:
            raise ClaimError(f"'{mention.asset}' is a ratio: an outperformance compares two assets")
    if asset.symbol == other.symbol:
        raise ClaimError(
            f"versus names {asset.symbol} again: an outperformance compares two assets"
        )
    if margin is None:
        points = 0.0
    elif isinstance(margin, bool) or not isinstance(margin, Real | str):
        raise ClaimError(
            f"margin must be a number of percentage points, not {type(margin).__name__}"
        )
    else:
        text = str(margin).strip().lower().removesuffix("pp").removesuffix("points").strip()
        try:
            points = float(text)
        except ValueError:
            raise ClaimError(
                f"margin '{margin}' is not a number of percentage points like 10"
            ) from None
        points = _checked_margin(points, str(margin))
    return _assemble_outperformance(asset, other, points, when, made_on, notes)


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
    # A float first: what an import's plain levels are, and cheaper than the ABC check.
    if type(level) is float or isinstance(level, Real):
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
#
# A suggestion is the user's own claim with only the part at fault added or
# replaced: a missing deadline is added, a deadline already past is moved to
# the next year, two levels become two claims. It never swaps in another
# asset, level or wording, since a suggestion that reads well but says
# something else is worse than none. Every suggestion is parsed before it is
# shown; when no repair of the user's text parses, the message names the
# problem and suggests nothing.


@dataclass(frozen=True)
class _Sketch:
    """What could be made out of a failed claim: its family, and its asset if it names one."""

    symbol: str | None = None
    family: str = TOUCH
    phrase_spans: tuple[tuple[int, int], ...] = ()


def _sketch(written: str, made_on: date, aliases: assets.AssetTable) -> _Sketch:
    spans: tuple[tuple[int, int], ...] = ()
    try:
        phrases, rest = dates.find_date_phrases(written, made_on)
        spans = tuple(phrase.span for phrase in phrases)
    except ClaimError:
        rest = written
    terms, rest = vocabulary.find_terms(rest)
    strong = {m.term.family for m in terms if m.term.strong}
    family = strong.pop() if len(strong) == 1 else TOUCH
    try:
        asset, _ = assets.find_assets(rest, aliases)
    except ClaimError:
        asset = None
    return _Sketch(symbol=asset.symbol if asset else None, family=family, phrase_spans=spans)


def _unknown_name(written: str, made_on: date) -> str | None:
    """The words of a claim with no asset that were most likely meant as one."""
    try:
        _, rest = dates.find_date_phrases(written, made_on)
    except ClaimError:
        rest = written
    _, rest = vocabulary.find_terms(rest)
    _, rest = find_levels(rest)
    return assets.unknown_name(rest)


def _problem_of(text: str, made_on: date, aliases: assets.AssetTable) -> _Problem | None:
    """Why `text` does not parse, or None when it does."""
    try:
        _parse(text, made_on, aliases)
    except _Problem as problem:
        return problem
    except ClaimError as error:
        return _Problem(str(error))
    return None


def _edited(text: str, span: tuple[int, int], replacement: str) -> str:
    start, end = span
    return " ".join(f"{text[:start]} {replacement} {text[end:]}".split())


# A date the parser did not read: "by Christmas", "until the halving".
_UNREAD_DATE = re.compile(
    r"\b(?:by|until|till|through|before|within)\s+(?:the\s+)?[A-Za-z][A-Za-z'-]*", re.IGNORECASE
)
_JOINER_BEFORE = re.compile(r"\s*(?:,|\bor|\band|\bto|-)\s*$", re.IGNORECASE)
_JOINER_AFTER = re.compile(r"^\s*(?:,|or\b|and\b|to\b|-)", re.IGNORECASE)


def _without(text: str, span: tuple[int, int]) -> str:
    """`text` with the part at `span` taken out, and the "or" that joined it to another."""
    left, right = text[: span[0]], text[span[1] :]
    joined = _JOINER_BEFORE.search(left)
    if joined:
        left = left[: joined.start()]
    else:
        right = _JOINER_AFTER.sub("", right, count=1)
    return " ".join(f"{left} {right}".split())


class _Repair:
    """The ways a claim's text can be completed without changing what it says."""

    def __init__(self, made_on: date, aliases: assets.AssetTable) -> None:
        self.made_on = made_on
        self.aliases = aliases
        self.year = made_on.year + 1

    def completed(self, text: str) -> str | None:
        """`text`, with a missing level or deadline added, if that makes it parse."""
        for _ in range(3):
            problem = _problem_of(text, self.made_on, self.aliases)
            if problem is None:
                return text
            if problem.missing == "level":
                text = self.with_level(text)
            elif problem.missing == "deadline":
                text = self.with_deadline(text)[-1]
            else:
                return None
        return None

    def deadline_text(self, family: str) -> str:
        return _EXAMPLE_DEADLINES[family].format(year=self.year)

    def with_level(self, text: str) -> str:
        sketch = _sketch(text, self.made_on, self.aliases)
        level = assets.example_level(sketch.symbol)
        if sketch.phrase_spans:
            start = sketch.phrase_spans[0][0]
            return _edited(text, (start, start), level)
        return f"{' '.join(text.split())} {level}"

    def with_deadline(self, text: str) -> list[str]:
        """`text` with a deadline: in place of an unread date ("by Christmas"), or added."""
        deadline = self.deadline_text(_sketch(text, self.made_on, self.aliases).family)
        candidates = []
        unread = list(_UNREAD_DATE.finditer(text))
        if unread:
            candidates.append(_edited(text, unread[-1].span(), deadline))
        candidates.append(f"{' '.join(text.split())} {deadline}")
        return candidates

    def moved_deadline(self, text: str, span: tuple[int, int]) -> list[str]:
        """The deadline at `span` moved past the call date, in the user's own wording if it can."""
        phrase = text[span[0] : span[1]]
        years = [int(year) for year in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", phrase)]
        candidates = []
        if years:
            for target in (self.made_on.year, self.made_on.year + 1):
                shift = target - years[0]
                moved = re.sub(
                    r"(?<!\d)(?:19|20)\d\d(?!\d)",
                    lambda y, shift=shift: str(int(y[0]) + shift),
                    phrase,
                )
                candidates.append(_edited(text, span, moved))
        family = _sketch(text, self.made_on, self.aliases).family
        candidates.append(_edited(text, span, self.deadline_text(family)))
        return candidates


def _asset_repairs(written: str, made_on: date, aliases: assets.AssetTable) -> list[str]:
    """The claim with its unknown name written as the name or ticker it likely is."""
    name = _unknown_name(written, made_on)
    if name is None:
        return [f"gold {' '.join(written.split())}"]
    at = re.search(r"(?<![\w.])" + re.escape(name) + r"(?!\w)", written)
    if at is None:
        return []
    if aliases.symbol(name) is not None:
        # A known name its case rule refused: "apple" is the fruit, "Apple" the company.
        capitalised = " ".join(word[:1].upper() + word[1:] for word in name.split())
        return [_edited(written, at.span(), capitalised)]
    if name.islower() and name.isalpha() and 2 <= len(name) <= 5:
        return [_edited(written, at.span(), name.upper())]  # "rivn" meant as RIVN
    return []


def _suggestions(
    written: str, problem: _Problem, made_on: date, aliases: assets.AssetTable
) -> list[str]:
    """Claims that keep what the user wrote and repair only what is at fault; [] if none."""
    repair = _Repair(made_on, aliases)
    if problem.missing == "text":
        return [f"gold $5055 {repair.deadline_text(TOUCH)}"]
    if problem.fix:
        for candidate in (problem.fix, f"{problem.fix} {repair.deadline_text(TOUCH)}"):
            completed = repair.completed(candidate)
            if completed is not None:
                return [completed]
    if problem.missing == "asset":
        candidates = _asset_repairs(written, made_on, aliases)
    elif problem.missing == "level":
        candidates = [repair.with_level(written)]
    elif problem.missing == "deadline":
        candidates = repair.with_deadline(written)
    elif problem.parts and problem.reason.startswith("deadline "):
        candidates = repair.moved_deadline(written, problem.parts[0])
    elif len(problem.parts) > 1:
        # Two levels or two deadlines: each is a claim of its own.
        claims = []
        for keep, _ in enumerate(problem.parts):
            text = written
            for span in sorted((s for i, s in enumerate(problem.parts) if i != keep), reverse=True):
                text = _without(text, span)
            completed = repair.completed(text)
            if completed is None or completed in claims:
                return []
            claims.append(completed)
        return claims
    elif _RULE_WORDS.search(written):
        # A computed level the words get wrong ("its moving average" without a
        # length): the same claim with the rule written as it reads.
        found, _ = assets.find_assets(written, aliases)
        candidates = _rule_examples(written.lower(), found.asset if found else "gold", repair.year)
    else:
        return []
    for candidate in candidates:
        completed = repair.completed(candidate)
        if completed is not None:
            return [completed]
    return []


# Words of a computed level: an error in such a claim is repaired toward a rule that reads.
_RULE_WORDS = re.compile(
    r"\b(?:support|resistance|moving\s+average|\d+-day\s+average|\d*-?dma|all-time"
    r"|records?|peak|highs?|lows?)\b",
    re.IGNORECASE,
)


def _rule_examples(lowered: str, asset: str, year: int) -> list[str]:
    """Claims on computed levels close to a text that names one, for its error's suggestion."""
    examples = []
    if "average" in lowered or "dma" in lowered:
        examples.append(f"{asset} holds its 200-day moving average")
    if "support" in lowered or "resistance" in lowered:
        examples.append(f"{asset} holds support")
    if any(word in lowered for word in ("high", "low", "peak", "record")):
        examples.append(f"{asset} makes a new all-time high by end-{year}")
    return examples


def _shown(written: str) -> str:
    typed = " ".join(written.split())
    if len(typed) > _SHOWN_LENGTH:
        return typed[: _SHOWN_LENGTH - 3] + "..."
    return typed


def _message(written: str, problem: _Problem, made_on: date, aliases: assets.AssetTable) -> str:
    if problem.example is not None and _problem_of(problem.example, made_on, aliases) is None:
        examples = [problem.example]
    else:
        examples = _suggestions(written, problem, made_on, aliases)
    shown = _shown(written)
    if len(examples) > 1:
        quoted = " and ".join(f"'{example}'" for example in examples)
        advice = f": try {quoted}, one claim each"
    elif examples:
        advice = f": try '{examples[0]}'"
    else:
        advice = ""
    if problem.missing == "text":
        message = f"empty claim{advice}"
    elif problem.missing == "asset":
        name = _unknown_name(written, made_on)
        if not examples and name is not None:
            advice = (
                f": '{name}' is not a known name; write its Yahoo symbol in its place,"
                " or add the name as an alias"
            )
        message = f"'{shown}' names no asset{advice} ({assets.known_assets_hint(aliases)})"
    elif problem.missing == "deadline":
        unread = list(_UNREAD_DATE.finditer(written))
        why = f" ('{unread[-1][0]}' is not a date it reads)" if unread else ""
        message = f"'{shown}' has no deadline{why}{advice}"
    elif problem.missing:
        message = f"'{shown}' has no {problem.missing}{advice}"
    else:
        message = f"'{shown}': {problem.reason}{advice}"
    return " ".join(message.split())
