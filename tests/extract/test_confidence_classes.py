"""The confidence of a price call names what lowered it (issue 11, helper confcal).

bench/confidence_classes.py counts the readings `--yes` does and does not record by
the reasons their confidence was lowered, so the reasons must be the ones the score
was actually composed from: each missing bonus, each penalty and each cap by name,
and the score must be the documented sum. Conditional, negated and consensus calls
keep their caps. Every text is our own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from cli_runner import forecast
from hypothesis import given
from hypothesis import strategies as st

from ledger.cli import extract as extract_cli
from ledger.cli.app import app
from ledger.extract import Candidate, extract_article
from ledger.extract import confidence as names
from ledger.extract.confidence import CallFacts, price_call_confidence
from ledger.extract.patterns import confidence_scores as weights

MADE_ON = date(2026, 3, 2)
THRESHOLD = 0.6  # ledger.cli.extract.DEFAULT_MIN_CONFIDENCE


def only_call(text: str) -> Candidate:
    """The one candidate with a claim in `text`."""
    calls = [
        c
        for c in extract_article(text, today=MADE_ON, made_on=MADE_ON).candidates
        if c.claim is not None
    ]
    assert len(calls) == 1, [c.claim_text for c in calls]
    return calls[0]


@pytest.mark.parametrize(
    ("text", "lowered_by", "confidence"),
    [
        # everything a careful reader looks for: nothing lowered it
        ("Goldman Sachs expects gold to rise to $5,000 by the end of 2026.", (), 0.95),
        (
            "Gold could reach $5,000 by the end of 2026.",
            (names.NO_SPEAKER, names.NO_FORECAST_WORD, names.HEDGED),
            0.55,
        ),
        (
            "Goldman Sachs expects gold to rise to $5,000.",
            (names.NO_TIME_FRAME,),
            weights.CAP_NO_TIME_FRAME,
        ),
        (
            "If a supply shock hit, Brent could reach $120 by the end of 2026, Citi said.",
            (names.NO_FORECAST_WORD, names.HEDGED, names.CONDITIONAL),
            weights.CAP_CONDITIONAL,
        ),
        (
            "The median forecast in the survey sees gold at $4,800 by the end of 2026.",
            None,  # which bonuses are missing is not the point: the cap is
            weights.CAP_CONSENSUS,
        ),
    ],
)
def test_a_price_call_names_what_lowered_its_confidence(
    text: str, lowered_by: tuple[str, ...] | None, confidence: float
) -> None:
    call = only_call(text)
    assert call.rule_confidence == confidence  # the rule score; `confidence` is the model's
    if lowered_by is not None:
        assert call.lowered_by == lowered_by
    else:
        assert names.CONSENSUS in call.lowered_by


def test_a_conditional_call_stays_flagged_and_below_the_threshold() -> None:
    """The issue's own example: at most an optional, low-confidence candidate."""
    call = only_call(
        "If a supply shock hit, Brent could reach $150 by the end of 2026, analysts at Citi said."
    )
    assert call.conditional
    assert call.confidence < THRESHOLD
    assert names.CONDITIONAL in call.lowered_by


def test_a_recorded_call_carries_no_cap() -> None:
    """Negative: a call `--yes` records was lowered by missing bonuses at most, never capped."""
    call = only_call("Citi sees Brent at $80 by the end of 2026.")
    assert call.confidence >= THRESHOLD
    caps = {
        names.NO_TIME_FRAME,
        names.CONSENSUS,
        names.UNNAMED,
        names.RATIO,
        names.CONDITIONAL,
        names.NEGATED,
    }
    assert not caps & set(call.lowered_by)


_FACTS = st.builds(
    CallFacts,
    time_frame=st.booleans(),
    own_time_frame=st.booleans(),
    speaker=st.booleans(),
    direction_verb=st.booleans(),
    strong_cue=st.booleans(),
    hedged=st.booleans(),
    several_levels=st.booleans(),
    vague_asset=st.booleans(),
    consensus=st.booleans(),
    unnamed=st.booleans(),
    ratio=st.booleans(),
    conditional=st.booleans(),
    negated=st.booleans(),
).map(lambda f: replace(f, own_time_frame=f.own_time_frame and f.time_frame))


def _documented_sum(facts: CallFacts) -> float:
    """The score as patterns/confidence_scores.py documents it, written out independently."""
    score = weights.SCORE_BASE
    score += weights.SCORE_TIME_FRAME if facts.own_time_frame else 0
    score += weights.SCORE_SPEAKER if facts.speaker else 0
    score += weights.SCORE_DIRECTION if facts.direction_verb else 0
    score += weights.SCORE_STRONG_CUE if facts.strong_cue else 0
    score += weights.SCORE_HEDGED if facts.hedged else 0
    score += weights.SCORE_SEVERAL_LEVELS if facts.several_levels else 0
    score += weights.SCORE_VAGUE_ASSET if facts.vague_asset else 0
    ceilings = [
        (not facts.time_frame, weights.CAP_NO_TIME_FRAME),
        (facts.consensus or facts.unnamed, weights.CAP_CONSENSUS),
        (facts.ratio, weights.CAP_RATIO),
        (facts.conditional, weights.CAP_CONDITIONAL),
        (facts.negated, weights.CAP_NEGATED),
    ]
    for applies, ceiling in ceilings:
        if applies:
            score = min(score, ceiling)
    return round(min(1.0, max(0.0, score)), 2)


@given(_FACTS)
def test_the_score_is_the_documented_sum(facts: CallFacts) -> None:
    assert price_call_confidence(facts).score == _documented_sum(facts)


@given(_FACTS)
def test_a_reason_is_named_exactly_when_it_applies(facts: CallFacts) -> None:
    """Undoing every named reason gives the full score; naming none means nothing was lowered."""
    confidence = price_call_confidence(facts)
    full = CallFacts(
        time_frame=True,
        own_time_frame=True,
        speaker=True,
        direction_verb=True,
        strong_cue=True,
        hedged=False,
        several_levels=False,
        vague_asset=False,
    )
    assert (confidence.lowered_by == ()) == (facts == full)
    assert len(set(confidence.lowered_by)) == len(confidence.lowered_by)


def test_the_bench_reads_the_facts_back_from_the_names() -> None:
    """bench/confidence_classes.py recomputes a score from `lowered_by` alone."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from confidence_classes import decisive, facts_of

    lowered = (names.NO_SPEAKER, names.NO_FORECAST_WORD, names.HEDGED)
    assert price_call_confidence(facts_of(lowered)).lowered_by == lowered
    assert price_call_confidence(facts_of(lowered)).score == 0.55
    assert decisive(lowered, names.HEDGED)
    assert not decisive((names.NO_TIME_FRAME, names.NO_SPEAKER), names.NO_SPEAKER)


def test_the_json_and_the_listing_show_what_lowered_it() -> None:
    """A user asking why a right reading was not recorded reads the names, not the weights."""
    call = only_call("Gold could reach $5,000 by the end of 2026.")
    assert call.to_json()["lowered_by"] == ["no speaker", "no forecast word", "hedged"]
    full = only_call("Goldman Sachs expects gold to rise to $5,000 by the end of 2026.")
    assert full.to_json()["lowered_by"] == []


def test_forecast_extract_lists_what_lowered_a_candidate(
    capsys: pytest.CaptureFixture[str], ledger_url: str, tmp_path: Path
) -> None:
    if "extract" not in {command.name for command in app.registered_commands}:
        extract_cli.register(app)
    path = tmp_path / "gold.txt"
    path.write_text(
        "November 20, 2025\n\nGold could reach $5,000 by the end of 2026.\n", encoding="utf-8"
    )
    result = forecast(capsys, "--db", ledger_url, "extract", str(path))
    assert result.code == 0, result.err
    assert "lowered:   no speaker, no forecast word, hedged" in result.out + result.err
