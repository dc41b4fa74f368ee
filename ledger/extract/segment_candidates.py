"""Building the candidates of one segment: its levels paired with directions and deadlines.

Kept apart from the sentence walk (sentence_walk.py) because it is the one step
that turns what a segment says into candidates: rungs of a ladder, sideless
calls, averages and the levels that share one call.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.claims.dates import DatePhrase
from ledger.claims.vocabulary import ABOVE, AVERAGE, BELOW, TOUCH
from ledger.extract.candidate import Candidate
from ledger.extract.clauses import HEDGE
from ledger.extract.directions import Direction, is_negated, read_direction
from ledger.extract.levels import Level
from ledger.extract.pairing import (
    fallback_deadline,
    listed_month_ends,
    named_before,
    own_deadlines,
    respective_deadlines,
)
from ledger.extract.sides import is_sideless_average, path_side
from ledger.extract.special_calls import needs_level
from ledger.extract.state import Segment, SentenceFacts, Settings
from ledger.extract.writing import Plan, write_candidate

# "could reach 50,000 soon and perhaps 70,000 by the end of the decade": no date to judge
_VAGUE_TIME_AFTER = re.compile(
    r"\s*(?:soon|shortly|eventually|at\s+some\s+point|in\s+(?:the\s+)?(?:near|long)\s+term"
    r"|one\s+day|in\s+time)\b",
    re.IGNORECASE,
)

_AVERAGE_AFTER = re.compile(
    r"\s*(?:(?:an?\s+)?average\b(?!\s+(?:of|daily|annual))|\([^()]{0,40}\baverage\b[^()]{0,20}\))",
    re.IGNORECASE,
)
_ASIDE_AFTER = re.compile(r"[^()\d]{0,12}\([^()]{1,60}\)")


def segment_candidates(
    sentence: SentenceFacts,
    segment: Segment,
    settings: Settings,
    before: Direction | None = None,
) -> tuple[list[Candidate], Direction | None]:
    """The segment's candidates, and the direction of its last level for a gapped list.

    `before` is the direction the asset before it in the sentence was read with: a
    segment with no direction word of its own reads with it.
    """
    levels = list(segment.levels)
    if not segment.mention.symbol:
        return [], None  # an asset with no symbol: its levels are set aside
    if not levels:
        return needs_level(sentence, segment, settings), None
    own = own_deadlines(levels, segment, sentence.future, sentence.work)
    own.update(respective_deadlines(sentence, levels))
    if len(levels) == 2 and list(own) == [1]:
        # "for 2027 ... 61 dollars for WTI, and 75 dollars for 2030": a ladder of two years
        earlier = named_before(sentence, segment, levels[0])
        if earlier is not None:
            own[0] = earlier
    # "could nearly double the price by the end of the year, lifting their year-end target
    # to $7,500": a multiple that says the same as a price for the same day is no call of its own
    priced = {own[i].deadline for i, lv in enumerate(levels) if i in own and lv.match.price}
    restated = {
        i
        for i, lv in enumerate(levels)
        if i in own and lv.match.price is None and own[i].deadline in priced
    }
    restated |= {i for i in range(1, len(levels)) if _appositive_move(sentence.work, levels, i)}
    if restated:
        kept = [i for i in range(len(levels)) if i not in restated]
        own = {kept.index(i): phrase for i, phrase in own.items() if i in kept}
        levels = [levels[i] for i in kept]
    split = _contrast_at(sentence.work, segment, levels) if len(own) <= 1 else None
    contrasted = _contrasted(sentence, segment, levels, split, settings, before) if split else None
    if contrasted is not None:
        return contrasted
    second = _second_statement_at(sentence.work, segment, levels) if len(own) <= 1 else None
    if second is not None:
        return _read_apart(sentence, segment, levels, second, settings, before)
    windows = []
    # "Saudi Aramco's CEO said demand will stay robust, but Citi cut its Brent forecast to
    # $60": a contrast before every level closes the statement before it, whose verb ("stay")
    # is not the levels' direction
    previous_end = _after_last_contrast(sentence.work, segment.start, levels[0].start)
    for level in levels:
        windows.append((previous_end, level.start))
        # "5,055 dollars (Q4 2026 average), 6,000 dollars (long-term)": the words in the
        # brackets after a level are that level's, not the next one's direction
        aside = _ASIDE_AFTER.match(sentence.work, level.end)
        previous_end = (
            aside.end() if aside and aside.end() <= _next_start(levels, level) else level.end
        )
    directions = [
        read_direction(sentence.terms, window, sentence.work[lv.end : lv.end + 24])
        for lv, window in zip(levels, windows, strict=True)
    ]
    directions = [d or sentence.lead_direction for d in directions]
    if before is not None and all(d is None for d in directions):
        directions = [before for _ in directions]
    for index, level in enumerate(levels):
        if directions[index] is None and _AVERAGE_AFTER.match(sentence.work, level.end):
            # "~$4,560 average": the noun after the level names the kind
            directions[index] = Direction(AVERAGE, ABOVE, None, None)
    plans: list[Plan] = []
    if len(own) > 1:
        # A ladder: each level with its own deadline is a call ("$3.47 in 2025 and $4.02 in
        # 2026"); a level without one beside them is commentary, not a rung.
        last: Direction | None = None
        last_year = 0
        # how the rung before lies against today's price, for a later rung's verb to move from
        unstated = _UNSTATED
        price_now = sentence.price_now.get(segment.mention.symbol)
        for index, level in enumerate(levels):
            year = own[index].deadline.year if index in own else last_year
            # a verb of the path is read against the rung before only from year to year:
            # "to average $55 in 2026, falling to $54 in the fourth quarter" is a fall
            # a rung whose side no word stated lies where the price of the day (or the path
            # the sentence runs) puts it, not on the default side its verb reads
            stated = (
                last
                if last is not None and last.stated_side and not is_sideless_average(last)
                else None
            )
            before = (stated or unstated) if last_year and year > last_year else None
            direction = _rung_direction(directions[index], before) or last
            if index in own:
                plans.append(Plan(level, own[index], direction, windows[index], several=False))
            last, last_year = direction, year
            below_now = bool(price_now and level.match.price and level.match.price < price_now) or (
                not price_now and path_side(sentence.present, level.match) == BELOW
            )
            unstated = _UNSTATED_BELOW if below_now else _UNSTATED
            if is_negated(sentence.present, sentence.terms, windows[index]):
                # "does not expect gold to reach $6,000": no rung to move from
                last, last_year = None, 0
    elif _paths_of_one_call(levels, directions):
        # "~$4,560 average, peaking near $5,000", "to $5,000, with an average of $4,400":
        # a peak and an average are two calls on one path, each with its own word.
        for index, level in enumerate(levels):
            when = own.get(index) or fallback_deadline(sentence, segment, level)
            if when is None and segment.mention.symbol in sentence.inherit_symbols:
                when = sentence.inherited
            when = when or _announced(sentence, segment) or sentence.headline_period
            plans.append(Plan(level, when, directions[index], windows[index], several=False))
    else:
        several = len(levels) > 1 and not (len(levels) == 2 and levels[0].range_with)
        index = max(
            range(len(levels)),
            key=lambda i: (
                not _VAGUE_TIME_AFTER.match(sentence.work, levels[i].end),
                2 * bool(directions[i] and directions[i].verb) + (i in own),
                -i,
            ),
        )
        listed = listed_month_ends(sentence) if len(levels) == 1 else ()
        if index in own and own[index] not in listed:
            listed = ()  # "1.22 by end-2026; cuts in September and October": its own deadline
        for when in listed:
            # "targets for March, June and September 2026 to $5,000": a call per month
            plans.append(Plan(levels[index], when, directions[index], windows[index], several))
        when = own.get(index) or fallback_deadline(sentence, segment, levels[index])
        if when is None and segment.mention.symbol in sentence.inherit_symbols:
            when = sentence.inherited
        when = when or _announced(sentence, segment) or sentence.headline_period
        if not listed:
            plans.append(Plan(levels[index], when, directions[index], windows[index], several))
    found = [write_candidate(sentence, segment, plan, settings) for plan in plans]
    return [c for c in found if c is not None], directions[-1]


def _announced(sentence: SentenceFacts, segment: Segment) -> DatePhrase | None:
    """The period of the house's forecasts named before, for a call that names its asset."""
    named = bool(segment.mention.written) and segment.mention.vague_note is None
    return sentence.announced if named else None


# "..., but warned it could first drop below $70,000", "..., while seeing a dip to $3,800
# first": a clause set against the one before. A bare "while" or "though" is left alone: it is
# as often "while staying above $4,000", the same call's path.
_CONTRAST = re.compile(
    r"(?:[,;]\s*|\s)(?:but|whereas)\s|[,;]\s*(?:while|though|although|yet)\s", re.IGNORECASE
)


def _after_last_contrast(work: str, start: int, end: int) -> int:
    """Where the words that can give the first level its direction begin: after the last
    contrast between the segment's start and the level, else the segment's start."""
    opening = start
    for match in _CONTRAST.finditer(work, start, end):
        opening = match.end()
    return opening


def _contrast_at(work: str, segment: Segment, levels: list[Level]) -> int | None:
    """Where a contrast ("but", ", while", ", though") parts the segment's levels, if one does."""
    return _parting_at(_CONTRAST, work, segment, levels)


def _parting_at(
    pattern: re.Pattern[str], work: str, segment: Segment, levels: list[Level]
) -> int | None:
    """Where the first match of `pattern` in the segment has levels on both of its sides."""
    for match in pattern.finditer(work, segment.start, segment.end):
        if any(lv.end <= match.start() for lv in levels) and any(
            lv.start >= match.end() for lv in levels
        ):
            return match.start()
    return None


def _contrasted(
    sentence: SentenceFacts,
    segment: Segment,
    levels: list[Level],
    split: int,
    settings: Settings,
    before: Direction | None,
) -> tuple[list[Candidate], Direction | None] | None:
    """The calls of a segment parted by a contrast, each side read as a segment of its own.

    "Standard Chartered reiterated its $200,000 bitcoin call for the end of 2027, but warned
    it could first drop below $70,000": one level per segment would keep only the one after
    the verb and lose the call. The side that names a date carries the call; the side set
    against it with no date of its own is a caveat on the way there (a dip first, a risk, a
    level that "would change my mind"), proposed but never recorded unseen
    (CAP_HEDGED_CAVEAT). Each side keeps its own hedge: "could" in the caveat does not hedge
    the call. None when both sides or neither name a date: the sentence gives no sign which
    is the call, and the segment is read whole.
    """
    bounds = ((0, split), (split, len(sentence.work)))
    dated = [any(low <= p.span[0] < high for p in sentence.future) for low, high in bounds]
    if dated[0] == dated[1]:
        return None
    found: list[Candidate] = []
    last = before
    for (low, high), has_date in zip(bounds, dated, strict=True):
        part = Segment(
            segment.mention,
            max(segment.start, low),
            min(segment.end, high),
            tuple(lv for lv in levels if low <= lv.start < high),
        )
        caveat = (
            None
            if has_date
            else "set against a dated call ('but', 'while', 'though') with no date of its own:"
            " a caveat on the way there, not a call"
        )
        hedged = bool(HEDGE.search(sentence.present, low, high))
        read, direction = segment_candidates(
            replace(sentence, hedged=hedged, caveat=caveat), part, settings, before
        )
        found += read
        last = direction or last
    return found, last


# "at least $189,000 in 2026, more than double the price at the end of 2025": a move set after
# a price by a comma, with nothing between but modifiers, says how far the price is
_APPOSITIVE_GAP = re.compile(
    r"[^.;:!?]{0,60}?,\s*(?:(?:or|some|about|roughly|nearly|almost|around|more\s+than|less\s+than"
    r"|over|up|down|representing|implying|i\.e\.|which\s+(?:is|would\s+be)|a|an)\s+)*",
    re.IGNORECASE,
)


def _appositive_move(work: str, levels: list[Level], index: int) -> bool:
    """Whether the level at `index`, a move (a percent or a multiple), restates the price
    before it: one call told twice, the price kept (the ledger checks it as written)."""
    level, before = levels[index], levels[index - 1]
    if level.match.price is not None or before.match.price is None:
        return False
    return bool(_APPOSITIVE_GAP.fullmatch(work, before.end, level.start))


# "raised its end-2025 forecast to $3,700, and said that in extreme conditions it could reach
# $4,500": a second reported statement, with its own verb of saying, is a call of its own
_SECOND_STATEMENT = re.compile(
    r",\s*and\s+(?:said|says|added|adds|noted|notes|warned|warns|stressed|cautioned)"
    r"(?:\s+that)?\s",
    re.IGNORECASE,
)


def _second_statement_at(work: str, segment: Segment, levels: list[Level]) -> int | None:
    """Where ", and said (that)" parts the segment's levels into two statements, if it does."""
    return _parting_at(_SECOND_STATEMENT, work, segment, levels)


def _read_apart(
    sentence: SentenceFacts,
    segment: Segment,
    levels: list[Level],
    split: int,
    settings: Settings,
    before: Direction | None,
) -> tuple[list[Candidate], Direction | None]:
    """Each statement of a segment read as a segment of its own, with its own hedge.

    One level per segment would keep only the level after the later verb ("could reach
    $4,500", a hedged extreme case) and lose the forecast the sentence opens with.
    """
    found: list[Candidate] = []
    last = before
    for low, high in ((0, split), (split, len(sentence.work))):
        part = Segment(
            segment.mention,
            max(segment.start, low),
            min(segment.end, high),
            tuple(lv for lv in levels if low <= lv.start < high),
        )
        hedged = bool(HEDGE.search(sentence.present, low, high))
        read, direction = segment_candidates(
            replace(sentence, hedged=hedged), part, settings, before
        )
        found += read
        last = direction or last
    return found, last


# a rung with no direction word, read as the default (above) reads
_UNSTATED = Direction(TOUCH, ABOVE, None, None)
_UNSTATED_BELOW = Direction(TOUCH, BELOW, None, None)


def _rung_direction(own: Direction | None, last: Direction | None) -> Direction | None:
    """A ladder rung's own direction, read against the rung before (None: it has none).

    "silver at $32 in 2021, then easing to $31 in 2022 and $30 in 2023": the verb of a
    later rung says how the path moves from the rung before, not where the rung lies
    against the price of the day. After a rung read above, a falling verb leaves the
    rung above (a rung read below stays below when the path keeps falling).
    """
    if own is None:
        return None
    if last is not None and last.side == ABOVE and own.side == BELOW and own.family == TOUCH:
        return replace(
            own,
            side=ABOVE,
            note=f"'{own.verb}' moves from the rung before, not from today's price: read as above",
        )
    return own


def _next_start(levels: list[Level], level: Level) -> int:
    """Where the level after `level` starts (or a position past every level)."""
    return next((lv.start for lv in levels if lv.start > level.start), 10**9)


def _paths_of_one_call(levels: list[Level], directions: list[Direction | None]) -> bool:
    """Two or three levels, each with a direction word of its own family (an average and a
    peak; "reaching $7,150 this year, with an annual average of $6,050, and to hold support
    at $4,100": a peak, an average and a floor)."""
    if len(levels) not in (2, 3) or any(lv.range_with is not None for lv in levels):
        return False
    if any(d is None for d in directions):
        return False
    families = {d.family for d in directions if d is not None}
    # the average may be written after its level ("~$4,560 average"), the peak has its verb
    return (
        len(families) == len(levels)
        and AVERAGE in families
        and all(d.verb for d in directions if d is not None and d.family != AVERAGE)
    )
