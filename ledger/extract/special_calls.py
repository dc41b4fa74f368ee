"""Calls that are not a level and a deadline: outperformance, vague calls, and
calls that name no number (a computed support level, or a question to the user).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ledger.claims import comparisons, level_rules, vocabulary
from ledger.claims.dates import DatePhrase
from ledger.claims.model import (
    ClaimKind,
    LevelRuleName,
    default_window_start,
)
from ledger.claims.numbers import find_levels
from ledger.claims.parser import parse_claim, parse_vague
from ledger.errors import ClaimError
from ledger.extract.candidate import Candidate
from ledger.extract.clauses import HEDGE, VAGUE_CALL, clause_spans, is_conditional
from ledger.extract.directions import read_direction
from ledger.extract.hedge_scope import hedged_at
from ledger.extract.patterns import claim_wording, confidence_scores, direction_phrases
from ledger.extract.speakers import SpeakerReading
from ledger.extract.state import Mention, Segment, SentenceFacts, Settings
from ledger.extract.textops import blank, phrase_regex
from ledger.extract.writing import asking, claim_name, flag_notes, parsed_claim, when_words

_LEVEL_SEEKING = re.compile(phrase_regex(direction_phrases.LEVEL_SEEKING), re.IGNORECASE)


def comparison_candidates(sentence: SentenceFacts, settings: Settings) -> list[Candidate]:
    """An outperformance call ("we expect gold to outperform bitcoin through 2026").

    Proposed only when the sentence takes a side: the claim parser refuses a
    comparison without a winner ("gold vs bitcoin: which will do better?"),
    and a question is never a call. Its window and margin are the parser's
    reading of the sentence's present clauses.
    """
    if sentence.original.rstrip().endswith("?"):
        return []
    if not comparisons.find_words(sentence.present):
        return []
    # The clause that compares (a level elsewhere in the sentence is another call), else all.
    pieces = [sentence.present[start:end] for start, end in clause_spans(sentence.work)]
    pieces = [p for p in pieces if comparisons.find_words(p)] + [sentence.present]
    read = None
    for piece in pieces:
        try:
            read = parse_claim(piece, made_on=settings.made_on, aliases=settings.aliases)
        except ClaimError:
            continue
        if read.is_outperformance:
            break
    if read is None or not read.is_outperformance or read.versus_symbol is None:
        return []
    window = f"by {read.deadline.isoformat()}"
    if read.window_start != default_window_start(read.made_on):
        window = f"from {read.window_start.isoformat()} to {read.deadline.isoformat()}"
    winner = claim_name(read.symbol, settings.aliases)
    loser = claim_name(read.versus_symbol, settings.aliases)
    claim_text = f"{winner} outperforms {loser}{read.margin_text} {window}"
    claim = parsed_claim(claim_text, settings)
    if claim is None or claim.canonical_text() != read.canonical_text():
        return []
    conditional = is_conditional(sentence, 0)
    # the hedge of the statement that compares: "..., who added that silver could top $60"
    # does not hedge the outperformance said first
    hedged = hedged_at(
        sentence.present, [w.span[0] for w in comparisons.find_words(sentence.present)]
    )
    sentence = replace(sentence, hedged=hedged)
    when = sentence.future[0] if sentence.future else None
    notes = flag_notes(sentence, when, conditional, False, settings)
    notes += [a for a in read.assumptions if "crypto" in a]
    score = (
        confidence_scores.SCORE_BASE
        + confidence_scores.SCORE_TIME_FRAME
        + confidence_scores.SCORE_DIRECTION
    )
    score += confidence_scores.SCORE_SPEAKER if sentence.speaker.name else 0
    score += confidence_scores.SCORE_STRONG_CUE if sentence.strong_cue else 0
    score += confidence_scores.SCORE_HEDGED if sentence.hedged else 0
    if conditional:
        score = min(score, confidence_scores.CAP_CONDITIONAL)
    return [
        Candidate(
            sentence=sentence.original,
            made_on=settings.made_on,
            symbol=claim.symbol,
            asset=read.asset,
            confidence=round(min(1.0, max(0.0, score)), 2),
            claim_text=claim_text,
            claim=claim,
            speaker=sentence.speaker.name,
            assumptions=tuple(dict.fromkeys(notes + list(claim.assumptions))),
            hedged=sentence.hedged,
            conditional=conditional,
            probability=sentence.probability,
            headline=sentence.headline,
        )
    ]


def vague_call(
    original: str,
    work: str,
    present: str,
    subjects: list[Mention],
    phrases: list[DatePhrase],
    speaker: SpeakerReading,
    headline: bool,
    settings: Settings,
) -> Candidate | None:
    """A call no price can settle ("the silver squeeze may not be over"), flagged vague.

    Only for a sentence with a vague-call phrase and no level at all: one with
    a level is read as a call prices can judge. The asset is the first one
    named, if any. Capped below --min-confidence: only the user records one.
    """
    if not VAGUE_CALL.search(present):
        return None
    spans = [m.span for m in subjects] + [p.span for p in phrases]
    levels, _ = find_levels(blank(work, spans))
    if levels:
        return None
    words = " ".join(original.split())
    mention = subjects[0] if subjects else None
    try:
        claim = parse_vague(
            words,
            made_on=settings.made_on,
            asset=mention.symbol if mention else None,
            aliases=settings.aliases,
        )
    except ClaimError:
        return None
    if mention is None:
        claim = replace(claim, symbol="", asset="")  # no asset named: about none
    hedged = bool(HEDGE.search(present))
    score = confidence_scores.SCORE_BASE + (
        confidence_scores.SCORE_SPEAKER if speaker.name else 0.0
    )
    score += confidence_scores.SCORE_HEDGED if hedged else 0.0
    return Candidate(
        sentence=original,
        made_on=settings.made_on,
        symbol=claim.symbol,
        asset=(mention.written if mention else "") or claim.asset,
        confidence=round(min(max(score, 0.0), confidence_scores.CAP_VAGUE), 2),
        claim_text=claim.canonical_text(),
        claim=claim,
        speaker=speaker.name,
        assumptions=("no level a price could settle: a vague call, counted, never scored",),
        hedged=hedged,
        kind_hint=ClaimKind.VAGUE.value,
        headline=headline,
        vague=True,
    )


def needs_level(sentence: SentenceFacts, segment: Segment, settings: Settings) -> list[Candidate]:
    """A call with a direction but no level ("needs to hold support"): ask, do not invent."""
    mention = segment.mention
    if not mention.written:
        return []
    if not _LEVEL_SEEKING.search(sentence.present[segment.start : segment.end]):
        return []
    direction = read_direction(sentence.terms, (segment.start, segment.end), "")
    if direction is None:
        return []
    kind = vocabulary.kind_for(direction.family, direction.side)
    inside = [p for p in sentence.future if segment.start <= p.span[0] < segment.end]
    when = (inside or list(sentence.future) or [None])[0]
    conditional = is_conditional(sentence, segment.start)
    name = claim_name(mention.symbol, settings.aliases)
    computed = _computed_level(sentence, segment, name, kind, when, conditional, settings)
    if computed is not None:
        return [computed]
    notes = [f"no level given ('{direction.verb or kind.value}' of what?): give one"]
    notes += flag_notes(sentence, when, conditional, False, settings)
    when_text = when_words(when, direction.family, settings)
    return [asking(sentence, mention, name, kind, when_text, when, conditional, settings, notes)]


def _computed_level(
    sentence: SentenceFacts,
    segment: Segment,
    name: str,
    kind: ClaimKind,
    when: DatePhrase | None,
    conditional: bool,
    settings: Settings,
) -> Candidate | None:
    """A call on a level the market sets ("whether Bitcoin can hold the critical support
    level"): a claim on the rule's level, pending until the bars fix it.

    Its confidence is capped below the default --min-confidence: which level a
    writer meant by "support" is the rule's reading, and the user should look.
    """
    try:
        rule, _ = level_rules.find_level_rule(
            sentence.present[segment.start : segment.end], settings.made_on
        )
    except ClaimError:
        return None
    if rule is None or not _names_one_level(rule):
        return None
    when_text = when.text if when is not None else ""
    words = " ".join(
        f"{name} {claim_wording.VERB_FOR_KIND[kind.value]} {rule.text} {when_text}".split()
    )
    claim = parsed_claim(words, settings)
    if claim is None or claim.level_rule is None or claim.symbol != segment.mention.symbol:
        return None
    notes = [
        f"'{rule.text}' is read by the rule {claim.level_rule.text()}: the level is computed"
        " from the bars up to the call date; check it is the level the writer meant",
        *claim.assumptions,
    ]
    # Without a time frame the rule's own default horizon holds (its assumption
    # says so), not --horizon-months: a support call is about the next months.
    flags = flag_notes(sentence, when, conditional, False, settings)
    notes += flags[1:] if when is None else flags
    mention = segment.mention
    return Candidate(
        sentence=sentence.original,
        made_on=settings.made_on,
        symbol=mention.symbol,
        asset=mention.written or name,
        confidence=confidence_scores.CAP_COMPUTED_LEVEL,
        claim_text=words,
        claim=claim,
        speaker=sentence.speaker.name,
        assumptions=tuple(dict.fromkeys(notes)),
        hedged=sentence.hedged,
        conditional=conditional,
        probability=sentence.probability,
        headline=sentence.headline,
    )


def _names_one_level(rule: level_rules.RuleMatch) -> bool:
    """Whether the words point at one level the rule reads: "the critical support level",
    "its 200-day average", "a new all-time high". A bare "hold support" stays a call
    that asks the user for the level meant, as articles use it loosely."""
    if rule.rule.name not in (LevelRuleName.SUPPORT, LevelRuleName.RESISTANCE):
        return True
    return bool(_DEFINITE_LEVEL.search(rule.text))


_DEFINITE_LEVEL = re.compile(r"^(?:the|its|his|her|their)\s|\blevel\b", re.IGNORECASE)
