"""Pairing levels with assets, deadlines and speakers within one sentence.

Segments (one per asset), ladders (each level its own deadline), lists
("respectively", slashes) and several speakers ("Barclays 7,200, Citi 7,000")
are all the same question: which level belongs to which part of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import pairwise

from ledger.claims.dates import DatePhrase
from ledger.extract.levels import Level
from ledger.extract.person_names import name_after
from ledger.extract.speakers import SpeakerReading
from ledger.extract.state import Mention, Segment, SentenceFacts

_NOT_ADJACENT = re.compile(r"[,;:()]|\band\b|\bor\b|\bthen\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_LIST_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*)", re.IGNORECASE)
_SLASH_JOINT = re.compile(r"\s*/\s*")
_LEVEL_FOR = re.compile(
    r"\s+(?:(?:a|per|an)\s+(?:barrel|ounce|oz|bbl|tonne|ton)\s+)?for\s+(?:the\s+)?",
    re.IGNORECASE,
)
# After a level, a second speaker with the same call ("5,400, the same as UBS had forecast").
_SHARED_BY = re.compile(
    r"[^,;.]{0,40}?,?\s*(?:the\s+same\s+(?:level\s+|target\s+|call\s+)?as|in\s+line\s+with"
    r"|matching|echoing|a\s+(?:view|target|call|forecast)\s+(?:shared|echoed)\s+by"
    r"|as\s+(?:do|does|did))\s+",
    re.IGNORECASE,
)
# "by end-March 2026, end-June 2026 and end-September 2026" (prepare's form of "for March,
# June and September 2026"): the month ends of one list
_MONTH_END_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
_MONTH_END = re.compile(r"(?:\w+\s+)?end-[a-z]+\s+(?:19|20)\d\d$", re.IGNORECASE)
# "its 2030-2035 estimates", "for 2030-35": a span of years (not "2025-12-31", a date)
_YEAR_SPAN = re.compile(
    r"(?<![\w$.,-])(?:19|20)\d\d\s?[-\u2013]\s?(?:(?:19|20)\d\d|\d\d)(?![\w%-])"
)
_LIST_END = re.compile(r"[\s,]*(?:[\w$.%-]+[\s,]+){0,16}?[\s,]*", re.IGNORECASE)


def without_old_deadlines(
    work: str,
    future: tuple[DatePhrase, ...],
    levels: list[Level],
    old_spans: list[tuple[int, int]],
) -> tuple[DatePhrase, ...]:
    """The deadlines less those written with an old level.

    "from $1,622 this year to $1,624 in 2011", "up from $3,800 by end-2025 and
    $3,900 by mid-2026": a deadline right after an old level is the old
    level's when more levels follow it. A deadline after the last level of
    all ("to $57 from $52 for the end of next year") is the call's too.
    """
    kept = []
    for phrase in future:
        after_old = any(
            end <= phrase.span[0] and not work[end : phrase.span[0]].strip() for _, end in old_spans
        )
        more_follow = any(lv.start >= phrase.span[1] for lv in levels) or any(
            start >= phrase.span[1] for start, _ in old_spans
        )
        if not (after_old and more_follow):
            kept.append(phrase)
    return tuple(kept)


def for_a_span_of_years(work: str, future: tuple[DatePhrase, ...], level: Level) -> bool:
    """Whether the level is said for a span of years ("its 2030-2035 estimates to $75").

    An average over several years names no one deadline the ledger can state, so
    the level is no call; without this it borrows the last year named before
    ("2027 forecasts to $58 and $54, and its 2030-2035 estimates to $75 and $71").
    A level with a deadline of its own right after it keeps it.
    """
    spans = list(_YEAR_SPAN.finditer(work, 0, level.start))
    if not spans:
        return False
    span_end = spans[-1].end()
    between = work[span_end : level.start]
    if len(between) > 60 or re.search(r"[.;]", between):
        return False
    if any(span_end <= p.span[0] < level.start for p in future):
        return False
    return not any(
        p.span[0] >= level.end
        and len(work[level.end : p.span[0]]) <= 40
        and not _NOT_ADJACENT.search(work[level.end : p.span[0]])
        for p in future
    )


def respectively_at(present: str) -> int | None:
    match = _RESPECTIVELY.search(present)
    return match.start() if match else None


def _level_lists(
    sentence: SentenceFacts, levels: Iterable[Level], *, implicit: bool = False
) -> list[list[Level]]:
    """Levels listed to be paired in order with a list of assets or periods.

    "$30 and $34, respectively" is one list (the levels just before
    "respectively"); "Brent / WTI at $56 / $52" another (levels joined by
    slashes, with or without "respectively"). With `implicit`, levels joined
    by "and" or commas are a list too ("Brent and WTI at $61 and $57"): the
    caller pairs them only with as many assets listed just as plainly.
    """
    joint = _LIST_JOINT if implicit else _SLASH_JOINT
    ordered = sorted(levels, key=lambda lv: lv.start)
    lists: list[list[Level]] = []
    run: list[Level] = []
    for level in ordered:
        if (
            run
            and joint.fullmatch(sentence.work[run[-1].end : level.start])
            and run[-1].range_with is None
            and level.range_with is None
        ):
            run.append(level)
            continue
        if len(run) > 1:
            lists.append(run)
        run = [level]
    if len(run) > 1:
        lists.append(run)
    at = sentence.respectively
    if at is None:
        return lists
    before = [lv for lv in ordered if lv.end <= at]
    if not before or not _LIST_END.fullmatch(sentence.work[before[-1].end : at]):
        return lists
    listed = [before[-1]]
    for level in reversed(before[:-1]):
        if not _LIST_JOINT.fullmatch(sentence.work[level.end : listed[0].start]):
            break
        listed.insert(0, level)
    if len(listed) > 1 and not any(listed[-1] in other for other in lists):
        lists.append(listed)
    return sorted(lists, key=lambda found: found[0].start)


def respective_assets(
    sentence: SentenceFacts, segments: list[Segment], subjects: list[Mention]
) -> list[Segment]:
    """ "gold and silver to $4,800 and $62, respectively": each asset its own level.

    The assets must be listed (joined by commas, "and" or slashes) before the
    levels, as many as there are levels; otherwise the segments stand as they are.
    Without "respectively" the same order holds ("Q4 Brent, WTI at $54 and $50"),
    and a second list of levels with no assets of its own takes the first's ("Brent
    and WTI to $59 and $55 by the fourth quarter, and to $56 and $52 in 2026").
    """
    lists = _level_lists(sentence, [lv for seg in segments for lv in seg.levels], implicit=True)
    if not lists:
        return segments
    paired: set[int] = set()
    pairs: list[Segment] = []
    previous_end = 0
    last_chain: list[Mention] = []
    for position, run in enumerate(lists):
        listed = [m for m in subjects if previous_end <= m.span[0] and m.span[1] <= run[0].start]
        chain: list[Mention] = []
        for mention in reversed(listed):
            joint = sentence.work[mention.span[1] : chain[0].span[0]] if chain else ""
            if chain and not _LIST_JOINT.fullmatch(joint):
                break
            chain.insert(0, mention)
            if len(chain) == len(run):
                break
        start = previous_end
        if not listed and len(last_chain) == len(run):
            chain = last_chain
            # its own part of the sentence: the deadline of the list before is not its own
            commas = [c.end() for c in re.finditer(r"[,;]\s", sentence.work[: run[0].start])]
            start = max([start, *commas, *_deadline_ends(sentence, previous_end, run[0].start)])
        if len(chain) != len(run) or len({m.symbol for m in chain}) != len(chain):
            continue
        last_chain = chain
        later = [m for m in subjects if m.span[0] >= run[-1].end]
        end = later[0].span[0] if later and position + 1 < len(lists) else len(sentence.work)
        pairs += [Segment(m, start, end, (lv,)) for m, lv in zip(chain, run, strict=True)]
        paired.update(id(lv) for lv in run)
        previous_end = run[-1].end
    if not pairs:
        return segments
    paired_mentions = {id(seg.mention) for seg in pairs}
    kept = [
        replace(seg, levels=tuple(lv for lv in seg.levels if id(lv) not in paired))
        for seg in segments
        if id(seg.mention) not in paired_mentions or any(id(lv) not in paired for lv in seg.levels)
    ]
    kept = [seg for seg in kept if seg.levels or id(seg.mention) not in paired_mentions]
    return sorted(kept + pairs, key=lambda seg: seg.levels[0].start if seg.levels else seg.start)


def _deadline_ends(sentence: SentenceFacts, after: int, before: int) -> list[int]:
    """Where deadlines written right after the list before end ("$56 and $52 in 2026 and ...").

    A year that follows the earlier list with nothing but words between is that
    list's, so the next list ("and $58 and $54 in 2027") starts after it and finds
    its own year rather than borrowing the first one's.
    """
    return [
        phrase.span[1]
        for phrase in sentence.future
        if after <= phrase.span[0]
        and phrase.span[1] <= before
        and not _NOT_ADJACENT.search(sentence.work[after : phrase.span[0]])
    ]


def by_speaker(sentence: SentenceFacts, segment: Segment) -> list[tuple[Segment, SpeakerReading]]:
    """A segment's levels grouped by the speaker named last before each.

    "Barclays pencils in 7,200, Citi and RBC are aiming for 7,000": each
    speaker's level is a call of its own, and a list of speakers ("Citi and
    RBC") makes one call each. A sentence with a single speaker is one group.
    """
    spans = sentence.speakers_at
    whole = [(segment, sentence.speaker), *_sharing(sentence, segment)]
    if not spans or not segment.levels:
        return whole
    owners = _owners(spans, segment)
    # the houses that own a level in their own bracket or clause (level_speakers) split the
    # sentence by themselves; the other speakers named split it only as they always did
    named_spans = tuple(span for span in spans if span[0] not in sentence.level_owner_at)
    if not _split_by_names(sentence, named_spans, _owners(named_spans, segment)):
        if not any(o is not None and spans[o][0] in sentence.level_owner_at for o in owners):
            return whole
        # "Analysts at BNP Paribas led by Kenji Matsuda see $8,000, while ING, with a target
        # of 10,000, ...": the other levels stay the sentence speaker's; but not a speaker
        # named only after every level ("Jane Roe at Acme sees 61,000, while Brightwater
        # sees 60,000, said CEO John Doe"): the subject named before a level keeps it
        closing = _named_after_levels(sentence, spans, segment)
        merged: dict[int | None, list[Level]] = {}
        for owner, own in owners.items():
            owning = owner is not None and (spans[owner][0] in sentence.level_owner_at or closing)
            merged.setdefault(owner if owning else None, []).extend(own)
        owners = merged
    groups: list[tuple[Segment, SpeakerReading]] = _sharing(sentence, segment)
    for owner, own in owners.items():
        start = segment.start if owner is None else max(segment.start, spans[owner][0])
        group = replace(segment, start=start, levels=tuple(own))
        if owner is None:
            groups.append((group, sentence.speaker))
            continue
        names = spans[owner][1]
        if _each_their_own(sentence, names, own):
            # "Citi and ICICI Direct expect 28,500 and 30,000, respectively": in order
            for name, level in zip(names, own, strict=True):
                note = f"'respectively': {level.match.text.strip()} is {name}'s"
                groups.append(
                    (replace(group, levels=(level,)), SpeakerReading(name, named=True, note=note))
                )
            continue
        for name in names:
            groups.append((group, SpeakerReading(name, named=True)))
    return groups


def _named_after_levels(
    sentence: SentenceFacts, spans: tuple[tuple[int, tuple[str, ...]], ...], segment: Segment
) -> bool:
    """Whether the sentence's speaker is named only after every level of the segment (a
    closing "..., said CEO John Doe")."""
    name = sentence.speaker.name
    where = [position for position, names in spans if name in names]
    return bool(name and where) and min(where) > max(level.start for level in segment.levels)


def _owners(
    spans: tuple[tuple[int, tuple[str, ...]], ...], segment: Segment
) -> dict[int | None, list[Level]]:
    """The segment's levels by the index of the speaker named last before each."""
    owners: dict[int | None, list[Level]] = {}
    for level in segment.levels:
        owners.setdefault(_owner(spans, level.start), []).append(level)
    return owners


def _split_by_names(
    sentence: SentenceFacts,
    spans: tuple[tuple[int, tuple[str, ...]], ...],
    owners: dict[int | None, list[Level]],
) -> bool:
    """Whether the speakers named split the segment: its levels have several owners, a
    list of speakers owns one, or the sentence's levels are several speakers'."""
    named = [o for o in owners if o is not None]
    # "Deutsche Bank said gold could rise to $6,000, while Citi raised its silver forecast to
    # $150": the sentence's levels have several owners, and this asset's are one's alone
    several_owners = len({_owner(spans, start) for start, _ in sentence.level_spans}) >= 2
    return (
        len(owners) >= 2
        or any(len(spans[o][1]) > 1 for o in named)
        or bool(named and several_owners)
        or any(_contrasted_owner(sentence, spans, o) for o in named)
    )


# ", but", ", while", ", whereas": a new statement, whose subject speaks for it alone
_CONTRAST = re.compile(r"[,;]\s*(?:but|while|whereas)\s", re.IGNORECASE)


def _contrasted_owner(
    sentence: SentenceFacts, spans: tuple[tuple[int, tuple[str, ...]], ...], owner: int
) -> bool:
    """Whether the owner of levels is named after a contrast that follows the sentence's
    speaker: "Saudi Aramco's CEO said demand will stay robust, but Citi analysts cut their
    Brent forecast to $60" is Citi's call, not the first clause's speaker's."""
    name = sentence.speaker.name
    position, names = spans[owner]
    if not name or name in names:
        return False
    before = [at for at, named in spans if name in named and at < position]
    if not before:
        return False
    return _CONTRAST.search(sentence.work, max(before), position) is not None


def _owner(spans: tuple[tuple[int, tuple[str, ...]], ...], start: int) -> int | None:
    """The index of the speaker named last before `start` (None: none is)."""
    owner = None
    for index, (position, _names) in enumerate(spans):
        if position <= start:
            owner = index
    return owner


def _each_their_own(sentence: SentenceFacts, names: tuple[str, ...], levels: list[Level]) -> bool:
    """As many levels as speakers listed together, listed with "respectively" after them."""
    if len(names) < 2 or len(levels) != len(names) or sentence.respectively is None:
        return False
    if any(level.range_with is not None for level in levels):
        return False
    between = sentence.work[levels[-1].end : sentence.respectively]
    return len(between) <= 40 and not re.search(r"[.;]", between)


def _sharing(sentence: SentenceFacts, segment: Segment) -> list[tuple[Segment, SpeakerReading]]:
    """Speakers named after a level as sharing it: "5,400, the same as UBS had forecast".

    Each makes the call with the segment's last level, as if named before it.
    """
    if not segment.levels:
        return []
    last = segment.levels[-1]
    shared = _SHARED_BY.match(sentence.work, last.end)
    if shared is None:
        return []
    name, _ = name_after(sentence.work, shared.end())
    if name is None or name == sentence.speaker.name:
        return []
    group = replace(segment, levels=(last,))
    note = f"shares the call: '{shared[0].strip()}'"
    return [(group, SpeakerReading(name, named=True, note=note))]


def credited(speaker: SpeakerReading, firm_of: Mapping[str, str]) -> SpeakerReading:
    """A person who speaks for a firm named before ("Uleer thinks ...") is the firm's voice."""
    if speaker.name is None or speaker.name not in firm_of:
        return speaker
    firm = firm_of[speaker.name]
    return replace(speaker, name=firm, note=f"{speaker.name} speaks for {firm}, named before")


def split_segments(subjects: list[Mention], levels: list[Level], text: str) -> list[Segment]:
    merged: list[Mention] = []
    for mention in subjects:
        if merged and merged[-1].symbol == mention.symbol:
            continue
        merged.append(mention)
    bounds = [m.span[0] for m in merged[1:]] + [len(text)]
    owned: list[list[Level]] = [[] for _ in merged]
    for level in levels:
        index = 0
        for position, mention in enumerate(merged):
            if mention.span[0] <= level.start:
                index = position
        # "$10,000 ether": a level right before an asset name is that asset's.
        # A comma between them ends the level's phrase: "$37, platinum at $1,250".
        # "65 dollars for Brent and 61 dollars for WTI": the asset the level is for.
        for position, mention in enumerate(merged):
            gap = text[level.end : mention.span[0]]
            if (0 < len(gap) <= 2 and not gap.strip()) or _LEVEL_FOR.fullmatch(gap):
                index = position
        owned[index].append(level)
    return [
        Segment(mention, 0 if position == 0 else mention.span[0], bounds[position], tuple(own))
        for position, (mention, own) in enumerate(zip(merged, owned, strict=True))
    ]


def own_deadlines(
    levels: list[Level], segment: Segment, future: tuple[DatePhrase, ...], work: str
) -> dict[int, DatePhrase]:
    """Each deadline phrase belongs to the nearest level before it, else to the one after it.

    A phrase written right after a level ("1.25 by end-2026", no comma or "and"
    between) is that level's before any other is placed, so "over the next two
    years ... at 1.25 by end-2026" gives the level its own date, not the first.
    """
    own: dict[int, DatePhrase] = {}
    inside = [p for p in future if segment.start <= p.span[0] < segment.end]
    placed: set[int] = set()
    for number, phrase in enumerate(inside):
        left = [i for i, lv in enumerate(levels) if lv.end <= phrase.span[0]]
        if not left or left[-1] in own:
            continue
        gap = work[levels[left[-1]].end : phrase.span[0]]
        if len(gap) <= 40 and not _NOT_ADJACENT.search(gap):
            own[left[-1]] = phrase
            placed.add(number)
    ahead: set[int] = set()  # levels given a phrase written before them
    for number, phrase in enumerate(inside):
        if number in placed:
            continue
        left = [i for i, lv in enumerate(levels) if lv.end <= phrase.span[0]]
        right = [i for i, lv in enumerate(levels) if lv.start >= phrase.span[1]]
        if left and left[-1] not in own:
            own[left[-1]] = phrase
        elif right and right[0] not in own:
            own[right[0]] = phrase
            ahead.add(right[0])
        elif right and right[0] in ahead and phrase.deadline <= own[right[0]].deadline:
            # "In their 2026 forecast they expect gold to peak in the first half, averaging
            # $4,600": of two periods before the level, the nearer one that lies within the
            # first is the call's (the year names the forecast, the half its period)
            own[right[0]] = phrase
    return own


def respective_deadlines(sentence: SentenceFacts, levels: list[Level]) -> dict[int, DatePhrase]:
    """ "its three- and twelve-month forecasts to $30 and $34, respectively": in order.

    The periods must be listed before the levels, as many as there are levels.
    """
    lists = [found for found in _level_lists(sentence, levels) if sentence.respectively]
    if not lists:
        return _listed_in_order(sentence, levels)
    run = lists[-1]
    periods = [p for p in sentence.future if p.span[1] <= run[0].start]
    if len(periods) < len(run):
        # "$1,480, $1,565 and $1,690 in three, six and 12 months respectively": after them
        after = [p for p in sentence.future if p.span[0] >= run[-1].end]
        if len(after) != len(run):
            return {}
        index = {id(lv): i for i, lv in enumerate(levels)}
        return {index[id(lv)]: p for lv, p in zip(run, after, strict=True) if id(lv) in index}
    periods = periods[-len(run) :]
    if any(periods[0].span[0] < lv.start < run[0].start for lv in levels):
        return {}
    index = {id(lv): i for i, lv in enumerate(levels)}
    return {index[id(lv)]: p for lv, p in zip(run, periods, strict=True) if id(lv) in index}


# "for Q4 2025 and for 2026 to $3,900 and $4,400": the periods, then the levels, each list
# joined by "and" or commas, nothing but "to", "at" or "of" between them
_PERIOD_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
_PERIODS_THEN_LEVELS = re.compile(r"\s*(?:(?:to|at|of)\s+|:\s*)(?:about\s+|around\s+)?", re.I)


def _listed_in_order(sentence: SentenceFacts, levels: list[Level]) -> dict[int, DatePhrase]:
    """ "raised its forecasts for Q4 2025 and for 2026 to $3,900 and $4,400": in order.

    With no "respectively", only a list of periods written right before a list of as
    many levels pairs them: "for Q4 2025 and for 2026 to $3,900 and $4,400".
    """
    index = {id(lv): i for i, lv in enumerate(levels)}
    for run in _level_lists(sentence, levels, implicit=True):
        periods = [p for p in sentence.future if p.span[1] <= run[0].start][-len(run) :]
        if len(periods) != len(run):
            continue
        if not _PERIODS_THEN_LEVELS.fullmatch(sentence.work, periods[-1].span[1], run[0].start):
            continue
        joined = all(
            _PERIOD_JOINT.fullmatch(sentence.work, earlier.span[1], later.span[0])
            for earlier, later in pairwise(periods)
        )
        if joined and all(id(lv) in index for lv in run):
            return {index[id(lv)]: p for lv, p in zip(run, periods, strict=True)}
    return {}


def fallback_deadline(sentence: SentenceFacts, segment: Segment, level: Level) -> DatePhrase | None:
    """A deadline the call shares with the sentence: "gold at $4,900 and silver at $60 by 2026".

    A deadline written right after a later level set off by a comma is that
    level's alone: in "for 2027 an average of 65 dollars for Brent and 61 dollars
    for WTI, and 75 dollars for 2030" the pair takes 2027, named before it.
    """
    inside = [p for p in sentence.future if segment.start <= p.span[0] < segment.end]
    pool = inside or list(sentence.future)
    if not pool:
        return None
    after = [p for p in pool if p.span[0] >= level.end]
    return named_before(sentence, segment, level) or (after[0] if after else pool[-1])


def named_before(sentence: SentenceFacts, segment: Segment, level: Level) -> DatePhrase | None:
    """The deadline named before a level whose next one is a later level's own, else None.

    "for 2027 ... 61 dollars for WTI, and 75 dollars for 2030": 2030 is 75's (a
    clause of its own after a comma), so 61 takes 2027, the year named before it.
    """
    future = sentence.future
    inside = [p for p in future if segment.start <= p.span[0] < segment.end]
    after = [p for p in inside or future if p.span[0] >= level.end]
    before = [p for p in future if p.span[1] <= level.start]
    if after and before and _anothers_own(sentence, level, after[0]):
        return before[-1]
    return None


def _anothers_own(sentence: SentenceFacts, level: Level, phrase: DatePhrase) -> bool:
    """Whether `phrase` is written right after a later level in a clause of its own."""
    work = sentence.work
    for start, end in sentence.level_spans:
        if start < level.end or end > phrase.span[0]:
            continue
        gap = work[end : phrase.span[0]]
        if len(gap) <= 40 and not _NOT_ADJACENT.search(gap) and "," in work[level.end : start]:
            return True
    return False


def listed_month_ends(sentence: SentenceFacts) -> tuple[DatePhrase, ...]:
    """The month ends the sentence lists for one target, in order, or () when it lists none.

    "UBS raised its targets for March, June and September 2026 to $5,000": one level
    and three deadlines in a plain list is a call for each (prepare writes each month
    as "end-March 2026"); deadlines apart in the sentence are not a list.
    """
    phrases = [p for p in sentence.future if _MONTH_END.match(p.text)]
    for first in range(len(phrases)):
        run = [phrases[first]]
        for phrase in phrases[first + 1 :]:
            gap = sentence.work[run[-1].span[1] : phrase.span[0]]
            if not _MONTH_END_JOINT.fullmatch(gap):
                break
            run.append(phrase)
        if len(run) > 1 and len({p.deadline.year for p in run}) == 1:
            return tuple(run)
    return ()
