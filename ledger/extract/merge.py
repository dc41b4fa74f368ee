"""One candidate per call: a headline and its body often say the same thing.

Articles repeat themselves: the headline states the call, the first
paragraph states it again with the speaker's full name, and a later
paragraph may restate it with "the bank". Recording each would put the
same call in the ledger under three sources; these rules merge them before
the user sees them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ledger.claims.model import RelativeKind
from ledger.extract.candidate import Candidate
from ledger.extract.crowd_subjects import crowd_subject
from ledger.extract.patterns.asset_words import ASSET_FAMILIES
from ledger.extract.percent_restated import restates_a_target


def merged(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per call: a headline and its body often say the same thing.

    Short speaker names are widened to the longest name in the article that
    starts with them ("Goldman" → "Goldman Sachs", "Citi" → "Citigroup"). Two candidates are the
    same call when they agree on symbol, kind, level and deadline and their
    speakers agree or one has none; the better-scored one is kept, with the
    speaker if either has one. A call read with the default horizon is
    dropped when the article states the same symbol, kind and level with a
    time frame (a headline that leaves out the date of its story), and a
    headline's call is dropped when the body has one with the same symbol,
    level and deadline (the body's wording is the precise one).

    Each candidate is looked up in indexes, never compared with every kept
    one, so an article of n calls merges in O(n log n): a page repeating one
    call 100,000 times, or naming 100,000 speakers, merges as fast as it reads.
    """
    widened = _Widener(c.speaker for c in candidates if c.speaker)
    result: list[Candidate] = []
    calls = _CallIndex(result)
    for candidate in candidates:
        speaker = widened(candidate.speaker)
        if speaker != candidate.speaker:
            candidate = replace(candidate, speaker=speaker)
        same = calls.find(candidate)
        if same is None:
            calls.add(candidate)
            continue
        kept = result[same]
        better = candidate if candidate.confidence > kept.confidence else kept
        calls.replace(
            same, replace(better, speaker=better.speaker or kept.speaker or candidate.speaker)
        )
    dated = {(c.symbol, c.kind, c.level_key) for c in result if c.claim and not _default_horizon(c)}
    in_body = {(c.symbol, c.level_key, c.deadline) for c in result if c.claim and not c.headline}
    tied = _percents_to_prices(result)
    result = _with_the_sole_source(result)
    return [
        c
        for c in result
        if not (c.claim and _default_horizon(c) and (c.symbol, c.kind, c.level_key) in dated)
        and not (c.claim and c.headline and (c.symbol, c.level_key, c.deadline) in in_body)
        and not _refined_in_body(c, result)
        and not _restates_a_price(c, tied)
        and not restates_a_target(c, result)
    ]


def _refined_in_body(headline: Candidate, candidates: list[Candidate]) -> bool:
    """A headline's call that the body states again with a nearer date in the same year.

    "Morgan Stanley lifts 2026 oil forecast to $60" over "forecasts Brent to average $60 in
    the first half of 2026": the headline names the year, the body the half-year; one call,
    dated by the body. The asset may be named more loosely in the headline ("oil" for
    Brent), so the body's asset need only be of the same family.
    """
    if not headline.headline or headline.claim is None or headline.deadline is None:
        return False
    family = ASSET_FAMILIES.get(headline.symbol, headline.symbol)
    return any(
        not body.headline
        and body.claim is not None
        and body.deadline is not None
        and body.level_key == headline.level_key
        and ASSET_FAMILIES.get(body.symbol, body.symbol) == family
        and body.deadline.year == headline.deadline.year
        and body.deadline < headline.deadline
        and (body.speaker is None or headline.speaker is None or body.speaker == headline.speaker)
        for body in candidates
    )


def _with_the_sole_source(candidates: list[Candidate]) -> list[Candidate]:
    """Calls with no speaker take the article's one source, when it has exactly one.

    An agency's outlook ("the EIA sees Brent at $55 in 2026 ... Henry Hub should climb to
    $4.30 next year") or a bank's note names its author once and then states its figures
    bare; when every call that names a speaker names the same one, the bare ones are that
    speaker's too. With two sources or more nothing is guessed, nor for a call its sentence
    gives to a crowd ("Traders watch whether bitcoin can hold its support").
    """
    named = {c.speaker.casefold(): c.speaker for c in candidates if c.claim and c.speaker}
    if len(named) != 1:
        return candidates
    (sole,) = named.values()
    return [
        replace(c, speaker=sole)
        if c.claim is not None and c.speaker is None and not crowd_subject(c.sentence)
        else c
        for c in candidates
    ]


def _month(day: date) -> int:
    return day.year * 12 + day.month


# "a further 14% to $4,900", "a 23% rise to $4,900": the article ties a percent to a price
_PERCENT_TO_PRICE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)\s+(?:[a-z]+\s+){0,3}?to\s+"
    r"(?:(?:over|above|about|around|roughly|nearly)\s+)?(?:US)?\$?\s*\d",
    re.IGNORECASE,
)


def _percents_to_prices(candidates: list[Candidate]) -> set[tuple[str, int, float]]:
    """(symbol, deadline month, percent) of each price call whose sentence says the percent
    that leads to its price."""
    tied: set[tuple[str, int, float]] = set()
    for c in candidates:
        if c.claim is None or c.claim.level is None or c.deadline is None:
            continue
        for match in _PERCENT_TO_PRICE.finditer(c.sentence):
            tied.add((c.symbol, _month(c.deadline), float(match[1])))
    return tied


def _restates_a_price(candidate: Candidate, tied: set[tuple[str, int, float]]) -> bool:
    """A change in percent is the same call as a price the article says the change leads to.

    "Goldman sees gold rising another 14% in 2026" over a body that says "a further 14% to
    $4,900 by December 2026": one call, and the price is the one the ledger can check as
    written (a percent is read from the price of the day of recording). A percent the
    article does not tie to the price ("can rally another 12% next year ... set its year-end
    target at 7,400") is a call of its own and is kept.
    """
    claim = candidate.claim
    if claim is None or claim.relative is None or claim.level is not None:
        return False
    if candidate.deadline is None:
        return False
    if claim.relative.kind is not RelativeKind.PERCENT or claim.relative.value <= 0:
        return False
    month = _month(candidate.deadline)
    return any(
        (candidate.symbol, month + shift, float(claim.relative.value)) in tied
        for shift in (-1, 0, 1)
    )


class _Widener:
    """The longest speaker name that a name shortens (`_shortens`), found by lookup.

    Of names equally long, the one named first in the article wins.
    """

    def __init__(self, speakers: Iterable[str]) -> None:
        names = list(dict.fromkeys(speakers))
        rank = {name: (len(name), -order) for order, name in enumerate(names)}
        self._rank = rank
        # Every leading run of words ("Goldman", "Goldman Sachs") → the best name starting so.
        self._by_words: dict[tuple[str, ...], str] = {}
        for name in names:
            words = tuple(name.split())
            for count in range(len(words) + 1):
                prefix = words[:count]
                known = self._by_words.get(prefix)
                if known is None or rank[name] > rank[known]:
                    self._by_words[prefix] = name
        # Names sorted by first word: those whose first word starts with "Citi" are a run
        # of this list, and a sparse table gives the best of any run in one step.
        ordered = sorted((name for name in names if name.split()), key=lambda n: n.split()[0])
        self._first_words = [name.split()[0] for name in ordered]
        self._best = [ordered]
        width = 1
        while 2 * width <= len(ordered):
            row = self._best[-1]
            self._best.append(
                [max(row[i], row[i + width], key=rank.__getitem__) for i in range(len(row) - width)]
            )
            width *= 2
        self._cache: dict[str, str] = {}

    def __call__(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name not in self._cache:
            self._cache[name] = self._widest(name)
        return self._cache[name]

    def _widest(self, name: str) -> str:
        words = tuple(name.split())
        found = [self._by_words.get(words, name)]
        if len(words) == 1 and len(name) >= 4:
            low = bisect_left(self._first_words, name)
            high = bisect_left(self._first_words, name + "\U0010ffff")
            if low < high:
                level = (high - low).bit_length() - 1
                row = self._best[level]
                found += [row[low], row[high - (1 << level)]]
        return max(found, key=lambda n: self._rank.get(n, (len(n), 1)))


class _CallIndex:
    """The kept candidates, indexed so that `find` needs no scan of them.

    `_same_call` matches a kept candidate to a new one when their call agrees
    and their speakers agree or one has none; the first such kept one is
    taken. Per call the index keeps the first kept candidate, the first
    under each speaker, and those with no speaker yet, in order (a kept
    candidate only ever gains a speaker, never loses or changes one).
    """

    def __init__(self, kept: list[Candidate]) -> None:
        self.kept = kept
        self._asking: dict[tuple[str | None, str | None], int] = {}
        self._first: dict[tuple[object, ...], int] = {}
        self._by_speaker: dict[tuple[tuple[object, ...], str], int] = {}
        self._unnamed: dict[tuple[object, ...], deque[int]] = {}

    def find(self, candidate: Candidate) -> int | None:
        if candidate.claim is None:
            return self._asking.get((candidate.template, candidate.speaker))
        key = _call_key(candidate)
        if candidate.speaker is None:
            return self._first.get(key)
        found = [
            index
            for index in (
                self._by_speaker.get((key, candidate.speaker.casefold())),
                self._first_unnamed(key),
            )
            if index is not None
        ]
        return min(found) if found else None

    def add(self, candidate: Candidate) -> None:
        index = len(self.kept)
        self.kept.append(candidate)
        if candidate.claim is None:
            self._asking.setdefault((candidate.template, candidate.speaker), index)
            return
        key = _call_key(candidate)
        self._first.setdefault(key, index)
        self._index_speaker(key, candidate, index)

    def replace(self, index: int, candidate: Candidate) -> None:
        """Put `candidate` (the same call, perhaps now with a speaker) in place of kept `index`."""
        had_speaker = self.kept[index].speaker is not None
        self.kept[index] = candidate
        if candidate.claim is not None and not had_speaker and candidate.speaker is not None:
            self._index_speaker(_call_key(candidate), candidate, index)

    def _index_speaker(self, key: tuple[object, ...], candidate: Candidate, index: int) -> None:
        if candidate.speaker is None:
            self._unnamed.setdefault(key, deque()).append(index)
            return
        named = (key, candidate.speaker.casefold())
        self._by_speaker[named] = min(self._by_speaker.get(named, index), index)

    def _first_unnamed(self, key: tuple[object, ...]) -> int | None:
        waiting = self._unnamed.get(key)
        while waiting and self.kept[waiting[0]].speaker is not None:
            waiting.popleft()  # it has a speaker now
        return waiting[0] if waiting else None


def _call_key(candidate: Candidate) -> tuple[object, ...]:
    return (candidate.symbol, candidate.kind, candidate.level_key, candidate.deadline)


# The two rules in their plain form. The indexes above implement them without
# comparing every pair; tests/extract/test_merge_index.py checks both agree.


def _shortens(short: str, long: str) -> bool:
    """ "Goldman" shortens "Goldman Sachs", "Citi" shortens "Citigroup"; "UBS" nothing else."""
    words, longer = short.split(), long.split()
    if longer[: len(words)] == words:
        return True
    return len(words) == 1 and len(short) >= 4 and longer[0].startswith(short)


def _same_call(first: Candidate, second: Candidate) -> bool:
    if first.claim is None or second.claim is None:
        return (
            first.claim is None
            and second.claim is None
            and first.template == second.template
            and first.speaker == second.speaker
        )
    speakers_agree = (
        first.speaker is None
        or second.speaker is None
        or first.speaker.casefold() == second.speaker.casefold()
    )
    return speakers_agree and (
        first.symbol,
        first.kind,
        first.level_key,
        first.deadline,
    ) == (second.symbol, second.kind, second.level_key, second.deadline)


def _default_horizon(candidate: Candidate) -> bool:
    return any(note.startswith("no time frame in the sentence") for note in candidate.assumptions)
