"""The confidence of a price call, composed from its facts, with what lowered it.

One function composes the additive score of patterns/confidence_scores.py for
a price call, so the score and the list of what kept it down (`lowered_by`)
cannot drift apart: a reader who asks why a right reading was not recorded by
`--yes` reads the names, and bench/confidence_classes.py counts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ledger.extract.patterns import confidence_scores as weights

# The names a score gives for what lowered it: a bonus missing, a penalty, or a cap.
NO_TIME_FRAME = "no time frame"
BORROWED_TIME_FRAME = "time frame not the sentence's"
NO_SPEAKER = "no speaker"
NO_DIRECTION = "no direction verb"
NO_FORECAST_WORD = "no forecast word"
HEDGED = "hedged"
SEVERAL_LEVELS = "several levels"
VAGUE_ASSET = "vague asset"
CONSENSUS = "consensus"
UNNAMED = "unnamed forecasters"
RATIO = "ratio"
CONDITIONAL = "conditional"
NEGATED = "negated"
CAVEAT = "a caveat set against a call"


@dataclass(frozen=True)
class CallFacts:
    """What the score of one price call depends on, read from its sentence and plan."""

    time_frame: bool  # the call has a deadline or period at all
    own_time_frame: bool  # ...and it is this sentence's (not the headline's)
    speaker: bool
    direction_verb: bool
    strong_cue: bool
    hedged: bool
    several_levels: bool
    vague_asset: bool
    consensus: bool = False
    unnamed: bool = False
    ratio: bool = False
    conditional: bool = False
    negated: bool = False
    caveat: bool = False  # the undated side of "X by 2027, but warned it could first drop to Y"


@dataclass(frozen=True)
class Confidence:
    """A score in 0..1 and the names of what lowered it, in the order applied."""

    score: float
    lowered_by: tuple[str, ...]


def price_call_confidence(facts: CallFacts) -> Confidence:
    """The additive score, then its caps; each missing bonus, penalty and cap is named."""
    score = weights.SCORE_BASE
    lowered: list[str] = []

    def bonus(present: bool, weight: float, missing: str) -> None:
        nonlocal score
        if present:
            score += weight
        else:
            lowered.append(missing)

    def penalty(present: bool, weight: float, name: str) -> None:
        nonlocal score
        if present:
            score += weight
            lowered.append(name)

    def cap(present: bool, ceiling: float, name: str) -> None:
        nonlocal score
        if present:
            lowered.append(name)
            score = min(score, ceiling)

    if facts.time_frame and not facts.own_time_frame:
        lowered.append(BORROWED_TIME_FRAME)
        # a period taken from the headline is the article's, not this sentence's: no bonus
    elif facts.time_frame:
        score += weights.SCORE_TIME_FRAME
    bonus(facts.speaker, weights.SCORE_SPEAKER, NO_SPEAKER)
    bonus(facts.direction_verb, weights.SCORE_DIRECTION, NO_DIRECTION)
    bonus(facts.strong_cue, weights.SCORE_STRONG_CUE, NO_FORECAST_WORD)
    penalty(facts.hedged, weights.SCORE_HEDGED, HEDGED)
    penalty(facts.several_levels, weights.SCORE_SEVERAL_LEVELS, SEVERAL_LEVELS)
    penalty(facts.vague_asset, weights.SCORE_VAGUE_ASSET, VAGUE_ASSET)
    cap(not facts.time_frame, weights.CAP_NO_TIME_FRAME, NO_TIME_FRAME)
    cap(facts.consensus, weights.CAP_CONSENSUS, CONSENSUS)
    cap(facts.unnamed, weights.CAP_CONSENSUS, UNNAMED)
    cap(facts.ratio, weights.CAP_RATIO, RATIO)
    cap(facts.conditional, weights.CAP_CONDITIONAL, CONDITIONAL)
    cap(facts.negated, weights.CAP_NEGATED, NEGATED)
    cap(facts.caveat, weights.CAP_HEDGED_CAVEAT, CAVEAT)
    return Confidence(round(min(1.0, max(0.0, score)), 2), tuple(lowered))
