"""Clauses of a sentence, and which are past, conditional or a forecast.

The cue patterns (future markers, forecast words, first person, hedges,
vague-call phrases) live here because the past test and the pipeline's
"is it a forecast?" test must read the same words the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ledger.claims.dates import DatePhrase
from ledger.extract.patterns import (
    direction_phrases,
    forecast_cues,
    hedge_phrases,
    past_tense,
    speaker_phrases,
)
from ledger.extract.state import SentenceFacts
from ledger.extract.textops import any_of, phrase_regex

FUTURE = any_of(forecast_cues.FUTURE_MARKERS)
FORECAST_WORDS = re.compile(
    phrase_regex(forecast_cues.FORECAST_VERBS + forecast_cues.FORECAST_NOUNS), re.IGNORECASE
)
# "$200,000 expected in 2025, $300,000 in 2026": a level given as forecast, with no verb
# of saying ("than expected in the third quarter" is a result, not a call)
# "Deutsche Bank & SocGen have even projected $6,000": a forecast made and standing
STANDING_CALL = re.compile(
    r"(?<!than\s)(?<!as\s)\b(?:expected|forecast|projected|predicted|targeted|anticipated)"
    r"\s+(?:in|by|for|at|around|near|over|through|within)\b"
    r"|\b(?:has|have)\s+(?:(?:now|also|even|already|just|recently)\s+)?(?:projected|forecast"
    r"|predicted|targeted|called\s+for|pencil+ed\s+in)\b",
    re.IGNORECASE,
)


HEADLINE_INFINITIVE = re.compile(forecast_cues.HEADLINE_INFINITIVE, re.IGNORECASE)
FIRST_PERSON = any_of(speaker_phrases.FIRST_PERSON)


_PAST_TIME = any_of(past_tense.PAST_TIME)
_PAST_VERB = re.compile(phrase_regex(past_tense.PAST_VERBS), re.IGNORECASE)
_PERFECT = re.compile(past_tense.PERFECT_TENSE, re.IGNORECASE)
_NOT_PAST_BEFORE_VERB = re.compile(past_tense.NOT_PAST_BEFORE_VERB, re.IGNORECASE)
_CONDITIONAL = any_of(hedge_phrases.CONDITIONALS + hedge_phrases.OPEN_QUESTIONS)
_CONDITION_SCOPE_BREAK = re.compile(hedge_phrases.CONDITION_SCOPE_BREAK, re.IGNORECASE)
_COMMA = re.compile(r",\s")
_CONDITION_SCOPE_END = re.compile(hedge_phrases.CONDITION_SCOPE_END, re.IGNORECASE)
_CLAUSE_CONDITION = re.compile(hedge_phrases.CLAUSE_CONDITION, re.IGNORECASE)
_OWN_COMPARATIVE = re.compile(hedge_phrases.OWN_COMPARATIVE, re.IGNORECASE)
_PART_BEFORE = re.compile(hedge_phrases.PART_BEFORE_BRACKETED_CONDITION, re.IGNORECASE)
_NOT_CONDITIONAL_BEFORE_IF = any_of(hedge_phrases.NOT_CONDITIONAL_BEFORE_IF)
_PREMISE_AFTER_CALL = re.compile(hedge_phrases.PREMISE_AFTER_CALL, re.IGNORECASE)
_POSSIBLE = any_of(hedge_phrases.POSSIBLE_NOT_EXPECTED)
HEDGE = any_of(hedge_phrases.HEDGES)
VAGUE_CALL = any_of(direction_phrases.VAGUE_CALLS)


_CLAUSE_BREAK = re.compile(past_tense.CLAUSE_BREAKS, re.IGNORECASE)


def clause_spans(work: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(work):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(work)))
    return [(s, e) for s, e in spans if work[s:e].strip()]


def is_past(work: str, span: tuple[int, int], phrases: list[DatePhrase], made_on: date) -> bool:
    """A clause that reports what happened: past words or tense, and nothing about the future."""
    text = work[span[0] : span[1]]
    if FUTURE.search(text) or FORECAST_WORDS.search(text) or FIRST_PERSON.search(text):
        return False
    if STANDING_CALL.search(text):
        return False
    if _PAST_TIME.search(text) or _PERFECT.search(text):
        return True
    if any(p.deadline <= made_on and span[0] <= p.span[0] < span[1] for p in phrases):
        return True
    return any(
        not _NOT_PAST_BEFORE_VERB.search(text[: verb.start()]) for verb in _PAST_VERB.finditer(text)
    )


def conditional_spans(present: str) -> tuple[tuple[int, int], ...]:
    """The sentence's conditional parts, or () if it has no condition.

    A condition governs its own clause: from the last scope break before it
    (", and", ", but", ";") up to the first contrast after it (", but", ";",
    ", whereas"), or to the end. "X accepts the dollar could gain if energy
    fears grow, but is forecasting 1.25": the forecast after "but" is the call.
    """
    spans = []
    for match in _CONDITIONAL.finditer(present):
        written = match[0].lower().lstrip(" \"'(")
        if written.startswith("if") and _NOT_CONDITIONAL_BEFORE_IF.search(present[: match.start()]):
            # "... lift the Nikkei to 19,500, even if the yen holds at 120 to the dollar": the
            # call before stands, but what "even if" supposes is an assumption, no call; its
            # clause ends at the next comma ("Even if the Fed hikes, gold will reach $3,000")
            if present[: match.start()].rstrip().lower().endswith("even"):
                ends = (_COMMA, _CONDITION_SCOPE_END)
                found = (end.search(present, match.end()) for end in ends)
                end = min((m.start() for m in found if m), default=len(present))
                spans.append((match.start(), end))
            continue
        breaks = [b.end() for b in _CONDITION_SCOPE_BREAK.finditer(present, 0, match.start())]
        start = breaks[-1] if breaks else 0
        if _premise_of_call(present, match, start):
            continue
        # "7,500 in the base case, 8,000 or more if the Fed keeps cutting": a condition
        # written after its own level governs that comma's clause, not the one before.
        commas = [c.end() for c in _COMMA.finditer(present, start, match.start())]
        if commas and re.search(r"\d", present[commas[-1] : match.start()]):
            start = commas[-1]
        contrast = _CONDITION_SCOPE_END.search(present, match.end())
        end = contrast.start() if contrast else len(present)
        if commas and _OWN_COMPARATIVE.match(present, commas[-1]):
            # "a target of $5,400, higher still in some extreme scenarios, while UBS ...": the
            # part between the commas makes its own call, beyond the level, and the condition
            # is that call's alone
            start = commas[-1]
            comma_after = _COMMA.search(present, match.end(), end)
            end = comma_after.start() if comma_after else end
        if _CLAUSE_CONDITION.match(match[0]):
            colon = present.find(": ", match.end(), end)
            end = colon if colon != -1 else end
        if _opens_parenthesis(present, match):
            # "a base case of $135,000 and a bull case of $199,000 (if inflows speed up)": a
            # condition in brackets is said of the part just before it, and ends with them
            parts = [p.end() for p in _PART_BEFORE.finditer(present, start, match.start())]
            if parts and re.search(r"\d", present[parts[-1] : match.start()]):
                start = parts[-1]
            closing = present.find(")", match.end())
            if closing != -1:
                end = min(end, closing + 1)
        spans.append((start, end))
    return tuple(spans)


def _premise_of_call(present: str, match: re.Match[str], start: int) -> bool:
    """Whether the condition is the premise of a firm call written before it in its clause:
    ", barring major supply shocks" after "sees Brent at $56 in 2026" (no hedge, a forecast
    word, a level before the comma)."""
    written = match[0].lstrip(" \"'(")
    if not _PREMISE_AFTER_CALL.match(written) or not present[: match.start()].rstrip().endswith(
        ","
    ):
        return False
    call = present[start : match.start()]
    return bool(
        re.search(r"\d", call)
        and FORECAST_WORDS.search(call)
        and not HEDGE.search(call)
        and not _POSSIBLE.search(call)
    )


def _opens_parenthesis(present: str, match: re.Match[str]) -> bool:
    """Whether a condition opens a bracket: "(if inflows speed up)", "( assuming ...)"."""
    return match[0].lstrip().startswith("(") or present[: match.start()].rstrip().endswith("(")


def is_conditional(sentence: SentenceFacts, position: int) -> bool:
    return (in_any(position, sentence.conditional_spans)) or in_any(
        position, sentence.scenario_spans
    )


def in_any(position: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
