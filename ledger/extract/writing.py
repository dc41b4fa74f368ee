"""Writing one call as a candidate: kind, claim text checked by the parser, confidence, reasons.

A candidate is proposed only with a claim text that `parse_claim` reads back
as what was read, so nothing proposed can be a claim the ledger cannot judge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ledger.claims import dates, vocabulary
from ledger.claims.assets import BUILTIN_ALIASES, KNOWN_NAMES
from ledger.claims.dates import DatePhrase
from ledger.claims.model import (
    Claim,
    ClaimKind,
    RelativeKind,
    format_price,
)
from ledger.claims.numbers import LevelMatch
from ledger.claims.parser import parse_claim
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, HOLD, TOUCH
from ledger.errors import ClaimError
from ledger.extract.candidate import Candidate, Reason
from ledger.extract.clauses import (
    FIRST_PERSON,
    FORECAST_WORDS,
    FUTURE,
    HEADLINE_INFINITIVE,
    is_conditional,
)
from ledger.extract.confidence import CallFacts, price_call_confidence
from ledger.extract.consensus_compared import pooled_figure
from ledger.extract.denials import denied_after
from ledger.extract.directions import Direction, is_negated
from ledger.extract.levels import Level
from ledger.extract.patterns import (
    asset_words,
    claim_wording,
    confidence_scores,
    direction_phrases,
)
from ledger.extract.percent_moves import percent_move_side
from ledger.extract.sides import is_sideless_average, path_side
from ledger.extract.state import Mention, Segment, SentenceFacts, Settings
from ledger.extract.stock_targets import CONVENTIONAL_MONTHS, is_stock_price_target
from ledger.extract.textops import any_of
from ledger.extract.unnamed import unnamed_source

_BEARISH = any_of(direction_phrases.BEARISH)
_TARGET_WORDS = frozenset(direction_phrases.SIDELESS_TARGET_WORDS)
# ", below the current curves of 63 dollars", "well under today's price", "below spot":
# said after the levels of its clause, against the price of the day (not a past target).
_COMPARED_BELOW_NOW = re.compile(
    r"[^.;:]{0,80}?,\s*(?P<words>(?:(?:well|far|some|still|both|all|each)\s+){0,2}(?:below|under"
    r"|lower\s+than|beneath)\s+(?:the\s+)?(?:current|today's|prevailing|spot|present|market))\b",
    re.IGNORECASE,
)
_AVERAGE_WORD = re.compile(r"\baverage\b", re.IGNORECASE)
# "the average price to reach", "gold's average price will rise to": the average is the subject
_AVERAGE_SUBJECT = re.compile(
    r"\baverage\s+(?:[\w$&/.'-]+\s+){0,2}?(?:price|prices|level|rate)\s+(?:(?:will|would|to"
    r"|should|could|may|is\s+expected\s+to|is\s+seen|is\s+forecast\s+to)\s+)+(?:[a-z-]+\s+)"
    r"{0,2}(?:about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_DEADLINE_PREPOSITION = re.compile(
    r"^(?:by|until|till|through|thru|before|within|in|over|during|from|between|end|year"
    r"|for|no\s+later)\b",
    re.IGNORECASE,
)


def claim_name(symbol: str, aliases: Mapping[str, str]) -> str:
    """The name a claim text uses for `symbol`: a known name if it reads back as it, else it."""
    table = dict(BUILTIN_ALIASES)
    table.update(aliases)
    for name in KNOWN_NAMES:
        if table.get(name.lower()) == symbol:
            return name
    for alias, target in sorted(aliases.items()):
        if target == symbol:
            return alias
    for alias, target in BUILTIN_ALIASES.items():
        if target == symbol and table.get(alias) == symbol:
            return alias
    return symbol


@dataclass(frozen=True)
class Plan:
    """One call to write: its level, deadline phrase, direction and window."""

    level: Level
    when: DatePhrase | None
    direction: Direction | None
    window: tuple[int, int]
    several: bool


def write_candidate(
    sentence: SentenceFacts, segment: Segment, plan: Plan, settings: Settings
) -> Candidate | None:
    mention, level, when, direction = segment.mention, plan.level, plan.when, plan.direction
    if _not_a_move_from_today(sentence.work, level, when, settings.made_on):
        return None
    notes: list[str] = []
    if plan.several:
        notes.append(
            f"{len(segment.levels)} levels in the sentence: took '{level.match.text}'"
            " (the one after a direction word or with its own deadline)"
        )
    if mention.vague_note:
        notes.append(mention.vague_note)
    family, side = (direction.family, direction.side) if direction else (TOUCH, ABOVE)
    # An equity index's "target for December 2026" is where it gets to, not its average:
    # the average of a period is the convention of commodity (and currency) forecasts.
    index = (
        mention.symbol.startswith("^") or asset_words.ASSET_FAMILIES.get(mention.symbol) == "index"
    )
    averaged = not index or bool(_AVERAGE_WORD.search(sentence.work))
    if (
        direction is None
        and when is not None
        and averaged
        and (
            (sentence.period_forecast and (when.start or _AVERAGE_WORD.search(sentence.work)))
            or _is_quarter_or_half(when)
        )
    ):
        family = AVERAGE
        notes.append("a forecast for a period, with no direction word: read as its average")
    elif (
        when is not None
        and asset_words.ASSET_FAMILIES.get(mention.symbol) in _YEAR_AVERAGED
        and _whole_year(when)
        and when is not sentence.inherited
        and when is not sentence.announced
        and when is not sentence.headline_period
        and (direction is None or _path_verb(direction))
        and not _EXTREME_BEFORE.search(sentence.work, max(0, level.start - 20), level.start)
    ):
        # "silver at $32 in 2021, then easing to $31 in 2022": a commodity's level for a
        # calendar year, said with no verb or a verb of the path, is the year's average (the
        # way commodity desks publish them); "reach $65 in 2026" keeps its touch.
        family = AVERAGE
        notes.append(
            f"a commodity's level for the year {when.start.year if when.start else ''}, with"
            f" {'no direction word' if direction is None else repr(direction.verb)}:"
            " read as the year's average"
        )
    if (
        family == TOUCH
        and when is not None
        and when.start is not None
        and _AVERAGE_SUBJECT.search(sentence.work, max(0, level.start - 80), level.start)
    ):
        # "expects the average price to reach $3,675 in the last quarter": the verb is the
        # average's, so the call is the period's average, not a touch
        family = AVERAGE
        notes.append("the average price is what reaches the level: read as the period's average")
    # The side is read from other words only when the call's own words name none: no
    # direction word, a target word, or a bare "average" (which says how, not which way).
    sideless = direction is None or _names_no_side(direction) or is_sideless_average(direction)
    # "reach", "hit", "see": a touch whose side is only the default, named by no word
    defaulted = sideless or (
        direction is not None
        and (not direction.stated_side or _verb(direction) in _NEUTRAL_TOUCH_VERBS)
    )
    below_now = _COMPARED_BELOW_NOW.match(sentence.present, level.end)
    path = None  # the side a stated path gives, when one is read
    if sideless and _BEARISH.search(sentence.present):
        side = BELOW
        notes.append(
            f"no direction word, and the speaker is bearish: '{level.match.text}' read as a"
            f" level to fall to ({family})"
        )
    elif defaulted and _below_price_now(level.match, mention.symbol, sentence.price_now):
        side = BELOW
        notes.append(
            f"no direction word, and '{level.match.text}' is below the price the article gives"
            f" ({format_price(sentence.price_now[mention.symbol])}): read as a level to fall to"
        )
    elif sideless and below_now:
        # "56 dollars in 2026, below the current curves of 63 dollars": the writer says the
        # side against today's price after the levels it compares.
        side = BELOW
        notes.append(
            f"'{' '.join(below_now['words'].split())}' after '{level.match.text}': read as"
            " below the price of the day"
        )
    elif defaulted and (path := path_side(sentence.present, level.match)) is not None:
        side = path
        notes.append(
            f"no direction word, and the sentence runs a path to '{level.match.text}' from a"
            f" price it states: read as a level {'to fall to' if path == BELOW else 'to reach'}"
        )
    elif defaulted and _at_or_under_parity(level.match, mention.symbol):
        side = BELOW
        notes.append(
            f"'{level.match.text}' is at or under parity, where {mention.symbol} has not"
            " traded for years: read as a level to fall to"
        )
    elif direction is None and family != AVERAGE:
        notes.append(f"no direction word: '{level.match.text}' read as a level to reach (touch)")
    elif direction is not None and direction.note:
        notes.append(direction.note)
    relative = level.match.relative
    if relative is not None and relative.kind is RelativeKind.PERCENT and level.match.sign:
        side = BELOW if level.match.sign == "-" else ABOVE  # "-15%" says the side itself
    elif relative is not None and relative.kind is RelativeKind.MULTIPLE:
        side = BELOW if relative.value < 1 else ABOVE  # "halve" falls, "double" rises
    elif relative is not None and relative.kind is RelativeKind.PERCENT:
        own = percent_move_side(sentence.work, level.start, level.end)
        if own is not None and own != side:
            # "the euro losing 7% against the dollar", "an 8 per cent drop": the move the
            # percent measures names its side, whatever the sentence's other words say
            side = own
            notes.append(f"the move of '{level.match.text}' names its side")
    # still the default with no price of the day to read it against: kind_convention.py
    # reads it against a price the article states later
    side_unstated = (
        defaulted
        and side == ABOVE
        and path is None
        and mention.symbol not in sentence.price_now
        and not below_now
    )
    kind = vocabulary.kind_for(family, side)
    conditional = is_conditional(sentence, level.start)
    negated = is_negated(sentence.present, sentence.terms, plan.window) or denied_after(
        sentence.present, level.end
    )
    notes += flag_notes(sentence, when, conditional, negated, settings)
    name = claim_name(mention.symbol, settings.aliases)
    when_text = when_words(when, family, settings)

    if level.range_with is not None:
        band = _band(sentence, segment, plan, settings, name, notes, conditional)
        if band is not None:
            return band
        low, high = sorted((level.match, level.range_with), key=lambda m: m.span[0])
        notes.insert(
            0,
            f"a range ('{low.text}' to '{high.text}') the claim language could not read back:"
            " give the level you mean",
        )
        return asking(sentence, mention, name, kind, when_text, when, conditional, settings, notes)

    claim_text, claim = _written_claim(
        name, kind, _level_text(level.match, side), when_text, when, settings, mention.symbol
    )
    if claim is None or claim_text is None:
        return None
    consensus = pooled_figure(sentence.present)
    if consensus:
        notes.append("a consensus of many forecasters (median, survey, average): nobody's call")
    unnamed = unnamed_source(sentence, level.start)
    if unnamed is not None:
        notes.append(f"the call of forecasters nobody names ('{unnamed}'): nobody's to score")
    ratio = claim.symbol in asset_words.RATIO_SYMBOLS
    if ratio:
        notes.append(f"{claim.symbol} is one asset priced in another: a relative call")
    if sentence.caveat is not None:
        notes.append(sentence.caveat)
    conventional = (
        when is None
        and settings.horizon_months == CONVENTIONAL_MONTHS
        and is_stock_price_target(sentence.work, level.start, level.end, mention.symbol)
    )
    if conventional:
        notes.append("a price target on a stock, with no date: read as the usual 12-month one")
    confidence = price_call_confidence(
        CallFacts(
            time_frame=when is not None or conventional,
            own_time_frame=conventional
            or (when is not None and when is not sentence.headline_period),
            speaker=bool(sentence.speaker.name),
            direction_verb=bool(direction and direction.verb),
            strong_cue=sentence.strong_cue,
            hedged=sentence.hedged,
            several_levels=plan.several,
            vague_asset=bool(mention.vague_note),
            consensus=consensus,
            unnamed=unnamed is not None,
            ratio=ratio,
            conditional=conditional,
            negated=negated,
            caveat=sentence.caveat is not None,
        )
    )
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=mention.written or name,
        confidence=confidence.score,
        lowered_by=confidence.lowered_by,
        claim_text=claim_text,
        claim=claim,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
        hedged=sentence.hedged,
        conditional=conditional,
        negated=negated,
        probability=sentence.probability,
        headline=sentence.headline,
        reasons=reasons_for(
            sentence, mention, level.match.text, direction, kind, when, claim.deadline, settings
        ),
        side_unstated=side_unstated,
    )


def _band(
    sentence: SentenceFacts,
    segment: Segment,
    plan: Plan,
    settings: Settings,
    name: str,
    notes: list[str],
    conditional: bool,
) -> Candidate | None:
    """A band ("between $4,000 and $4,200 by June", "a $60-70 range"): a band claim to confirm.

    "range", "trade", "stay" or "hold" near it make the band one the price keeps
    all the window (hold_between); otherwise it is where the price ends
    (close_between), as the claim language reads a bare band. Capped below
    --min-confidence: a band in an article is as often a description of where
    the price has been as a call, and which of the two the writer meant is the
    user's to say.
    """
    level, when = plan.level, plan.when
    assert level.range_with is not None
    low, high = sorted((level.match, level.range_with), key=lambda m: m.price or 0.0)
    if low.price is None or high.price is None or low.relative or high.relative:
        return None
    around = sentence.work[max(segment.start, level.start - 60) : level.end + 40]
    kept = bool(_BAND_KEPT.search(around)) or (
        plan.direction is not None and plan.direction.family == HOLD
    )
    when_text = when_words(when, TOUCH, settings)
    verb = "stays between" if kept else "between"
    words = f"{name} {verb} {format_price(low.price)} and {format_price(high.price)} {when_text}"
    claim = parsed_claim(words, settings)
    wanted = ClaimKind.HOLD_BETWEEN if kept else ClaimKind.CLOSE_BETWEEN
    if claim is None or claim.kind is not wanted or claim.symbol != segment.mention.symbol:
        return None
    if when is not None and claim.deadline != when.deadline:
        return None
    notes = [
        f"a band ('{low.text}' to '{high.text}'), read as {wanted.value}: check it is a call,"
        " not where the price has been",
        *notes,
    ]
    score = confidence_scores.SCORE_BASE + (
        confidence_scores.SCORE_SPEAKER if sentence.speaker.name else 0
    )
    score = min(
        score + (confidence_scores.SCORE_TIME_FRAME if when else 0), confidence_scores.CAP_BAND
    )
    if conditional:
        score = min(score, confidence_scores.CAP_CONDITIONAL)
    mention = segment.mention
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=mention.written or name,
        confidence=round(max(0.0, score), 2),
        claim_text=words,
        claim=claim,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
        hedged=sentence.hedged,
        conditional=conditional,
        probability=sentence.probability,
        headline=sentence.headline,
        kind_hint=wanted.value,
        reasons=reasons_for(
            sentence,
            mention,
            f"{low.text} to {high.text}",
            plan.direction,
            wanted,
            when,
            claim.deadline,
            settings,
        ),
    )


_BAND_KEPT = re.compile(
    r"\b(?:range|ranges|range-bound|trade|trades|trading|stay|stays|staying|hold|holds"
    r"|holding|consolidat\w*|oscillat\w*|fluctuat\w*|sideways)\b",
    re.IGNORECASE,
)


def _is_quarter_or_half(when: DatePhrase) -> bool:
    """ "$3.98 in the first quarter", "$60 in H2 2026": a level for a period of months is,
    as forecasters publish them, the period's average."""
    return when.start is not None and (when.deadline - when.start).days <= 184


# "gain another 8% next year", "a further 10% in 2026": a move on top of the one before,
# counted from where that one ends, not from the price of the day.
_ANOTHER_BEFORE = re.compile(
    r"\b(?:another|a\s+further|an\s+additional|a\s+second)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_THIS_YEAR = re.compile(r"(?:in\s+|for\s+|during\s+)?(?:this|the\s+current)\s+year", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s*(?:more|further)\b", re.IGNORECASE)


def _not_a_move_from_today(work: str, level: Level, when: DatePhrase | None, made_on: date) -> bool:
    """A percentage that is no move from the price of the day: the change over a calendar year
    mostly gone ("gold is forecast to rise 42% this year", written in October: the year's
    change, most of it history), or a move stacked on an earlier one ("and another 10% in
    2026"). The ledger measures a move from the call's day, so neither can be recorded."""
    relative = level.match.relative
    if relative is None or relative.kind is not RelativeKind.PERCENT:
        return False
    stacked = bool(_ANOTHER_BEFORE.search(work, 0, level.start)) or bool(
        _MORE_AFTER.match(work, level.end)
    )
    if stacked and re.search(r"\d\s*%", work[: level.start]):
        return True
    if when is None or when.deadline != date(made_on.year, 12, 31):
        return False
    calendar_year = _whole_year(when) or bool(_THIS_YEAR.fullmatch(" ".join(when.text.split())))
    return calendar_year and made_on >= date(made_on.year, 7, 1)


def _names_no_side(direction: Direction) -> bool:
    """A target word ("target", "target of") says where, not which way."""
    return " ".join((direction.verb or "").lower().split()) in _TARGET_WORDS


_YEAR_AVERAGED = frozenset(("oil", "gas", "metal"))
# Verbs that tell how a path moves, not that a level is reached: with a commodity's calendar
# year they give the year's average ("WTI is forecast to fall to $66 in 2025").
_PATH_VERB = re.compile(
    r"^(?:(?:then|further|back|gradually)\s+)*(?:fall|falls|falling|drop|drops|dropping|decline"
    r"|declines|declining|ease|eases|easing|slip|slips|slipping|improve|improves|improving|rise"
    r"|rises|rising|recover|recovers|recovering|edge|edges|edging)(?:\s+(?:back|up|down|lower"
    r"|higher|again))?\s+to$",
    re.IGNORECASE,
)

# "a rise to as much as $5,000 in 2026": the peak of the year, not its average
_EXTREME_BEFORE = re.compile(r"\bas\s+(?:much|high|low|far)\s+as\s+(?:about\s+)?\S*$", re.I)


def _path_verb(direction: Direction) -> bool:
    return direction.family == TOUCH and bool(
        _PATH_VERB.match(" ".join((direction.verb or "").split()))
    )


def _whole_year(when: DatePhrase) -> bool:
    """ "in 2025", "during 2026": a calendar year, start to end."""
    return (
        when.start is not None
        and (when.start.month, when.start.day) == (1, 1)
        and (when.deadline.month, when.deadline.day) == (12, 31)
        and when.start.year == when.deadline.year
    )


# "reach", "hit", "touch": a level met from either side (the claim language reads them above)
_NEUTRAL_TOUCH_VERBS = frozenset(
    ("reach", "reaches", "reaching", "hit", "hits", "hitting", "touch", "touches", "touching")
)


def _verb(direction: Direction) -> str:
    return " ".join((direction.verb or "").lower().split())


# Pairs quoted above one for all but a few months since 2003: a call at or under parity
# ("the euro will hit parity", "EUR/USD to 0.95") is a fall, whatever the verb's default.
_ABOVE_PARITY_PAIRS = frozenset(("EURUSD=X", "GBPUSD=X"))


def _at_or_under_parity(level: LevelMatch, symbol: str) -> bool:
    return symbol in _ABOVE_PARITY_PAIRS and level.price is not None and level.price <= 1.0


def _below_price_now(level: LevelMatch, symbol: str, price_now: Mapping[str, float]) -> bool:
    return level.price is not None and symbol in price_now and level.price < price_now[symbol]


def cue_words(
    present: str, future: tuple[DatePhrase, ...], headline: bool
) -> tuple[str | None, str]:
    """The words that make a sentence a forecast, and what kind of words they are."""
    for pattern, how in (
        (FORECAST_WORDS, "a forecast word"),
        (FIRST_PERSON, "a first-person call"),
        (FUTURE, "a future marker"),
    ):
        match = pattern.search(present)
        if match:
            return " ".join(match[0].split()), how
    if future:
        return future[0].text, "a deadline still ahead"
    match = HEADLINE_INFINITIVE.search(present) if headline else None
    if match:
        return " ".join(match[0].split()), "a headline's infinitive"
    return None, "no forecast words"


def reasons_for(
    sentence: SentenceFacts,
    mention: Mention,
    level_words: str | None,
    direction: Direction | None,
    kind: ClaimKind,
    when: DatePhrase | None,
    deadline: date | None,
    settings: Settings,
) -> tuple[Reason, ...]:
    """Why the candidate reads as it does: each part and the words it came from."""
    cue_words, cue_how = sentence.cue
    asset_how = mention.vague_note or f"read as {mention.symbol}"
    if direction is not None and direction.verb:
        direction_reason = Reason("direction", direction.verb, f"read as {kind.value}")
    else:
        direction_reason = Reason("direction", None, f"read as {kind.value}")
    shown_deadline = deadline.isoformat() if deadline else "?"
    if when is None:
        deadline_reason = Reason(
            "deadline", None, f"{settings.horizon_months} months assumed: {shown_deadline}"
        )
    elif when is sentence.inherited:
        deadline_reason = Reason(
            "deadline", when.text, f"from the sentence before: {shown_deadline}"
        )
    elif when is sentence.announced:
        deadline_reason = Reason(
            "deadline", when.text, f"the period of the forecasts named before: {shown_deadline}"
        )
    elif when is sentence.headline_period:
        deadline_reason = Reason("deadline", when.text, f"from the headline: {shown_deadline}")
    else:
        deadline_reason = Reason("deadline", when.text, f"read as {shown_deadline}")
    speaker = sentence.speaker
    if speaker.name is None:
        speaker_reason = Reason("speaker", None, speaker.note or "nobody named: give the source")
    else:
        speaker_reason = Reason("speaker", speaker.name, speaker.note or "named in the sentence")
    return (
        Reason("cue", cue_words, cue_how),
        Reason("asset", mention.written or None, asset_how),
        Reason("level", level_words, None if level_words else "none given: give one"),
        direction_reason,
        deadline_reason,
        speaker_reason,
    )


def flag_notes(
    sentence: SentenceFacts,
    when: DatePhrase | None,
    conditional: bool,
    negated: bool,
    settings: Settings,
) -> list[str]:
    notes = []
    if when is not None and when is sentence.inherited:
        notes.append(f"no time frame in the sentence: '{when.text}' taken from the sentence before")
    elif when is not None and when is sentence.announced:
        notes.append(
            f"no time frame in the sentence: '{when.text}', the period of the forecasts named"
            " before"
        )
    elif when is not None and when is sentence.headline_period:
        notes.append(f"no time frame in the sentence: '{when.text}' taken from the headline")
    if when is None:
        notes.append(
            f"no time frame in the sentence: the default horizon of {settings.horizon_months}"
            " months is assumed"
        )
    if conditional:
        notes.append("conditional: judged as if the condition held (accept it only knowingly)")
    if negated:
        notes.append("the speaker says this will NOT happen: give it a low probability")
    if sentence.hedged:
        notes.append("hedged ('could', 'may', 'might'): give it a probability")
    if sentence.speaker.note:
        notes.append(sentence.speaker.note)
    return notes


def _level_text(level: LevelMatch, side: str) -> str:
    relative = level.relative
    if relative is None:
        return level.text
    if relative.kind is RelativeKind.PERCENT:
        value = relative.value if level.sign else abs(relative.value)
        if not level.sign and side == BELOW:
            value = -value
        return f"{value:+g}%"
    return relative.text()


def when_words(when: DatePhrase | None, family: str, settings: Settings) -> str:
    if when is None:
        return f"within {settings.horizon_months} months"
    # "average $4,500 next year" means over next year, not from tomorrow to its end.
    if family == AVERAGE and when.start is None and not _DEADLINE_PREPOSITION.match(when.text):
        return f"in {when.text}"
    return when.text


def _written_claim(
    name: str,
    kind: ClaimKind,
    level_text: str,
    when_text: str,
    when: DatePhrase | None,
    settings: Settings,
    symbol: str,
) -> tuple[str | None, Claim | None]:
    """Claim text in words, checked by parsing it; canonical-style words if the first fails."""
    words = f"{name} {claim_wording.VERB_FOR_KIND[kind.value]} {level_text} {when_text}"
    claim = parsed_claim(words, settings)
    deadline = when.deadline if when else None
    if _reads_as(claim, symbol, kind, deadline):
        return words, claim
    if when is None:
        return None, None
    if when.start is not None and kind.family in (AVERAGE, TOUCH, HOLD):
        period = f"from {when.start.isoformat()} to {when.deadline.isoformat()}"
    else:
        period = f"by {when.deadline.isoformat()}"
    fallback = f"{name} {kind.value} {level_text} {period}"
    claim = parsed_claim(fallback, settings)
    if _reads_as(claim, symbol, kind, deadline):
        return fallback, claim
    return None, None


def parsed_claim(text: str, settings: Settings) -> Claim | None:
    try:
        return parse_claim(text, made_on=settings.made_on, aliases=settings.aliases)
    except ClaimError:
        return None


def _reads_as(claim: Claim | None, symbol: str, kind: ClaimKind, deadline: date | None) -> bool:
    return (
        claim is not None
        and claim.symbol == symbol
        and claim.kind is kind
        and (deadline is None or claim.deadline == deadline)
    )


def asking(
    sentence: SentenceFacts,
    mention: Mention,
    name: str,
    kind: ClaimKind,
    when_text: str,
    when: DatePhrase | None,
    conditional: bool,
    settings: Settings,
    notes: list[str],
) -> Candidate:
    """A candidate that needs a level from the user before it can be a claim."""
    deadline = when.deadline if when else None
    if deadline is None:
        try:
            deadline = dates.add_months(settings.made_on, settings.horizon_months)
        except ClaimError:
            deadline = None
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=mention.symbol,
        asset=mention.written or name,
        confidence=confidence_scores.CAP_NEEDS_LEVEL,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes)),
        hedged=sentence.hedged,
        conditional=conditional,
        needs="level",
        template=f"{name} {claim_wording.VERB_FOR_KIND[kind.value]} {{level}} {when_text}",
        kind_hint=kind.value,
        deadline_hint=deadline,
        probability=sentence.probability,
        headline=sentence.headline,
        reasons=reasons_for(sentence, mention, None, None, kind, when, deadline, settings),
    )
