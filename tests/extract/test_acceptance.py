"""The acceptance model (issue 11): its features, its effect on --yes, and its training."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from ledger.cli.extract import DEFAULT_MIN_CONFIDENCE
from ledger.extract import extract_candidates
from ledger.extract.acceptance import (
    FEATURE_NAMES,
    VETO,
    VETOED,
    CandidateFacts,
    capped,
    decided,
    facts_from_json,
    facts_of,
    feature_vector,
    with_acceptance,
)
from ledger.extract.patterns import acceptance_weights

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

MADE_ON = date(2026, 3, 2)


def candidates(text: str) -> list:
    """The calls of `text`, scored by the model as `forecast extract --acceptance model` does."""
    found = [c for c in extract_candidates(text, made_on=MADE_ON) if c.claim is not None]
    scored, _ = decided(found, "model")
    return scored


def facts(**changes: object) -> CandidateFacts:
    fields: dict[str, object] = {
        "confidence": 0.95,
        "lowered_by": (),
        "hedged": False,
        "conditional": False,
        "negated": False,
        "headline": False,
        "side_unstated": False,
        "kind": "touch_above",
        "relative": False,
        "claim_text": "gold reaches $5,000 by end-2026",
        "level": 5000.0,
        "speaker": "Goldman Sachs",
        "assumptions": 0,
        "hows": {"speaker": "named in the sentence", "cue": "a forecast word"},
        "no_words": frozenset(),
        "made_on": MADE_ON,
        "deadline": date(2026, 12, 31),
        "sentence": "Goldman Sachs expects gold to reach $5,000 by the end of 2026.",
        "same_sentence": 1,
        "in_article": 1,
    }
    fields.update(changes)
    return CandidateFacts(**fields)  # type: ignore[arg-type]


def feature(values: tuple[float, ...], name: str) -> float:
    return values[FEATURE_NAMES.index(name)]


# ------------------------------------------------------------------ features


def test_one_value_per_named_feature_each_in_0_1() -> None:
    values = feature_vector(facts())
    assert len(values) == len(FEATURE_NAMES) == len(set(FEATURE_NAMES))
    assert all(0.0 <= v <= 1.0 for v in values)


@pytest.mark.parametrize(
    ("speaker", "person", "firm"),
    [
        pytest.param("Tom Lee", 1.0, 0.0, id="two-capitalised-words-a-person"),
        pytest.param("Goldman Sachs", 0.0, 1.0, id="a-firm-word"),
        pytest.param("Bank of America", 0.0, 1.0, id="bank-is-a-firm"),
        pytest.param("UBS", 0.0, 0.0, id="one-word-neither"),
    ],
)
def test_speaker_person_or_firm(speaker: str, person: float, firm: float) -> None:
    values = feature_vector(facts(speaker=speaker))
    assert feature(values, "speaker person-like") == person
    assert feature(values, "speaker firm-like") == firm
    assert feature(values, "no speaker") == 0.0
    assert feature(feature_vector(facts(speaker=None)), "no speaker") == 1.0


@pytest.mark.parametrize(
    ("sentence", "level", "near"),
    [
        pytest.param("She lifted her forecast to $2,900 from $2,800.", 2900.0, 1.0, id="revision"),
        pytest.param("Gold will reach $2,900 by 2026.", 2900.0, 0.0, id="level-alone"),
        pytest.param("Gold, now $1,900, will reach $2,900.", 2900.0, 0.0, id="far-number"),
        pytest.param("A 20% rise to $2,900 from $2,800.", None, 0.0, id="relative-no-level"),
    ],
)
def test_another_number_near_the_level(sentence: str, level: float | None, near: float) -> None:
    values = feature_vector(facts(sentence=sentence, level=level))
    assert feature(values, "another number near the level") == near


def test_horizon_and_sentence_counts() -> None:
    soon = feature_vector(facts(deadline=date(2026, 3, 20), same_sentence=3, in_article=9))
    assert feature(soon, "horizon <= 31 days") == 1.0
    assert feature(soon, "other calls in the sentence") == 0.5
    later = feature_vector(facts(deadline=date(2030, 3, 2)))
    assert feature(later, "horizon > 3 years") == 1.0
    assert feature(later, "horizon (log days)") > feature(soon, "horizon (log days)")


def test_facts_read_alike_from_a_candidate_and_from_its_json() -> None:
    """The model is trained on old extractors' JSON and applied to today's Candidate: both
    readings of one candidate must give the same features."""
    text = (
        "Goldman Sachs expects gold to reach $5,000 by the end of 2026. "
        "UBS sees silver at $60 by June and $65 by December."
    )
    scored = candidates(text)
    assert len(scored) >= 3
    assert all(c.rule_confidence is not None for c in scored)
    # the extractor's candidates as they were before the model ran
    raw = [replace(c, confidence=c.rule_confidence, rule_confidence=None) for c in scored]
    assert with_acceptance(raw) == scored
    assert with_acceptance(scored) == scored  # scored once, never again
    for before, after in zip(raw, scored, strict=True):
        assert facts_of(before, raw) == facts_of(after, scored)
        # the JSON an extractor writes, before the model ran and after (rule_confidence kept)
        assert facts_from_json(before.to_json(), [c.to_json() for c in raw]) == facts_of(
            before, raw
        )
        assert facts_from_json(after.to_json(), [c.to_json() for c in scored]) == facts_of(
            before, raw
        )


@pytest.mark.parametrize(
    ("changes", "held"),
    [
        pytest.param({}, False, id="no-cap"),
        pytest.param({"lowered_by": ("ratio",), "confidence": 0.55}, True, id="ratio-cap"),
        pytest.param({"lowered_by": ("no time frame",), "confidence": 0.55}, True, id="no-time"),
        pytest.param({"conditional": True, "confidence": 0.3}, True, id="conditional"),
        pytest.param({"held_elsewhere": True, "confidence": 0.35}, True, id="computed-level"),
        pytest.param({"lowered_by": ("hedged",), "confidence": 0.55}, False, id="hedged-no-cap"),
    ],
)
def test_a_capped_reading_stays_under_the_threshold(changes: dict, held: bool) -> None:
    """A cap under the rule's bar (0.6) stays under the model's threshold, even a 0.55 cap
    over a 0.51 threshold; a reading no cap held keeps the model's probability."""
    reading = facts(**changes)
    for threshold in (0.4, 0.51, 0.6):
        chance = capped(0.99, reading, threshold)
        assert (chance < threshold) == held
        assert chance == 0.99 or held


# ------------------------------------------------------------------ behaviour


CALL = "Goldman Sachs expects gold to reach $5,000 by the end of 2026."


def test_a_plain_named_dated_call_is_recorded() -> None:
    (call,) = with_acceptance(candidates(CALL))  # scoring twice changes nothing
    assert call.confidence >= acceptance_weights.THRESHOLD
    assert call.rule_confidence is not None and call.rule_confidence >= 0.6


def test_a_conditional_scores_below_the_same_call_unconditional() -> None:
    (plain,) = candidates(CALL)
    (conditional,) = candidates("If the Fed cuts rates, " + CALL)
    assert conditional.conditional and not plain.conditional
    assert conditional.confidence < plain.confidence
    assert conditional.confidence < acceptance_weights.THRESHOLD


def test_a_call_without_a_speaker_scores_below_the_same_call_with_one() -> None:
    (named,) = candidates(CALL)
    (unnamed,) = candidates("Gold is expected to reach $5,000 by the end of 2026.")
    assert unnamed.speaker is None
    assert unnamed.confidence < named.confidence


def test_a_relative_percent_call_scores_below_the_same_call_with_a_price() -> None:
    """0 of 43 relative "+N%" readings were right at first contact (issue 11)."""
    (priced,) = candidates(CALL)
    found = candidates("Goldman Sachs expects gold to rise 20% by the end of 2026.")
    relative = [c for c in found if c.claim.relative is not None]
    assert relative
    assert all(c.confidence < priced.confidence - 0.2 for c in relative)


def test_yes_and_the_harness_use_the_bar_of_the_acceptance_chosen() -> None:
    from extract.quality import recordable

    (rule_scored,) = [c for c in extract_candidates(CALL, made_on=MADE_ON) if c.claim]
    rules, rule_bar = decided([rule_scored], "rules")
    model, model_bar = decided([rule_scored], "model")
    assert (rule_bar, model_bar) == (DEFAULT_MIN_CONFIDENCE, acceptance_weights.THRESHOLD)
    assert rules == [rule_scored] and rule_scored.rule_confidence is None
    assert model[0].rule_confidence == rule_scored.confidence
    below = replace(model[0], confidence=model_bar - 0.001)
    at = replace(model[0], confidence=model_bar)
    assert [f.confidence for f in recordable([below, at], model_bar)] == [model_bar]
    with pytest.raises(ValueError, match="not one of vetted, rules, model"):
        decided([rule_scored], "learned")


def test_the_committed_weights_name_every_feature_in_order() -> None:
    assert tuple(acceptance_weights.WEIGHTS) == FEATURE_NAMES


# ------------------------------------------------------------------ training


def _newton(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """An independent oracle: Newton's method on the same penalised log loss."""
    design = np.hstack([x, np.ones((len(x), 1))])
    penalty = np.diag([l2] * x.shape[1] + [0.0])
    theta = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ theta))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        theta -= np.linalg.solve(hessian, gradient)
    return theta


def test_the_fit_is_the_penalised_maximum_likelihood_and_deterministic() -> None:
    import train_acceptance

    rng = np.random.default_rng(11)
    x = rng.integers(0, 2, size=(400, 5)).astype(float)
    truth = np.array([2.0, -1.5, 0.0, 1.0, -0.5])
    y = (rng.random(400) < 1 / (1 + np.exp(-(x @ truth - 0.3)))).astype(float)
    y[::37] = np.nan  # neutral rows (optional readings) are left out of the fit
    weights, intercept = train_acceptance.fit(x, y, l2=1.0)
    again = train_acceptance.fit(x, y, l2=1.0)
    assert np.array_equal(weights, again[0]) and intercept == again[1]
    known = ~np.isnan(y)
    oracle = _newton(x[known], y[known], 1.0)
    assert np.allclose(np.append(weights, intercept), oracle, atol=1e-4)
    assert np.sign(weights[0]) == 1 and np.sign(weights[1]) == -1


def test_the_written_weights_module_reads_back() -> None:
    import train_acceptance

    weights = np.linspace(-1, 1, len(FEATURE_NAMES))
    text = train_acceptance.write_weights(weights, -0.25, 0.55, "A fixture.")
    module: dict[str, object] = {}
    exec(compile(text, "acceptance_weights.py", "exec"), module)
    assert module["INTERCEPT"] == -0.25 and module["THRESHOLD"] == 0.55
    assert list(module["WEIGHTS"].values()) == pytest.approx(list(weights), abs=1e-4)  # type: ignore[union-attr]
    assert tuple(module["WEIGHTS"]) == FEATURE_NAMES  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        CALL,
        "I expect another 20% to 30% of upside for gold before the year is out.",
        "If the Fed cuts rates, " + CALL,
        "Gold is expected to reach $5,000 by the end of 2026.",
        "Citi sees silver at $60 and gold at $5,000 by the end of 2026.",
    ],
)
def test_the_veto_only_takes_away(text: str) -> None:
    """The vetted default lowers a reading the model doubts and leaves every other one as the
    rules scored it: it never records what the rules hold back."""
    ruled = [c for c in extract_candidates(text, made_on=MADE_ON) if c.claim is not None]
    vetted, bar = decided(ruled, "vetted")
    modelled = with_acceptance(ruled)
    assert bar == DEFAULT_MIN_CONFIDENCE
    for before, after, model in zip(ruled, vetted, modelled, strict=True):
        assert after.confidence <= before.confidence
        if model.confidence < VETO and before.confidence >= bar:
            assert after.lowered_by[-1] == VETOED
            assert after.confidence < bar
            assert after.rule_confidence == before.confidence
        else:
            assert after == before
