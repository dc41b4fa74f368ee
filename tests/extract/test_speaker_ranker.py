"""The speaker-choice study (bench/speaker_ranker.py, issue 11, session 17).

The study's options and its fit are what its figures rest on: the options a sentence offers
and how each is marked, on hand-built text (no corpus file); the conditional logit against
an independent Newton oracle; the margin rule that keeps the rule's choice.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import speaker_ranker
from speaker_ranker import (
    FEATURE_NAMES,
    ArticleView,
    Claim,
    choose,
    fit,
    key_of,
    speaker_options,
)


def _options(text: str, sentence: str, rule: str | None = None, level: str | None = None):
    view = ArticleView.of(text)
    options = speaker_options(view, view.sentence_index(sentence), sentence, rule, level)
    return {
        option.name: dict(zip(FEATURE_NAMES, option.features, strict=True)) for option in options
    }


def test_a_house_named_before_the_level_is_cued_and_first():
    sentence = "Goldman Sachs expects gold to reach $5,000 by the end of 2026."
    options = _options(sentence, sentence, rule=None, level="$5,000")
    goldman = options["Goldman Sachs"]
    assert goldman["in the sentence"] == 1.0
    assert goldman["cued in the sentence"] == 1.0
    assert goldman["first cued in the sentence"] == 1.0
    assert goldman["before the level"] == 1.0 and goldman["after the level"] == 0.0
    assert 0.5 < goldman["near the level"] <= 1.0
    assert goldman["organization"] == 1.0 and goldman["a known house"] == 1.0
    assert goldman["rule's choice"] == 0.0
    assert options[None]["rule's choice"] == 1.0 and options[None]["no speaker"] == 1.0


def test_according_to_and_a_possessive_are_marked():
    sentence = "According to Citi, oil will hit $90 by June, above Barclays' forecast."
    options = _options(sentence, sentence, rule="Citi", level="$90")
    assert options["Citi"]["after 'according to'"] == 1.0
    assert options["Citi"]["rule's choice"] == 1.0
    assert options["Barclays"]["possessive"] == 1.0
    assert options["Barclays"]["after the level"] == 1.0


def test_a_person_tied_to_a_firm_offers_the_firm():
    text = (
        "Jane Doe, chief strategist at Acme Capital, spoke on Monday.\n\n"
        "Doe expects gold to reach $5,000 by the end of 2026."
    )
    sentence = "Doe expects gold to reach $5,000 by the end of 2026."
    options = _options(text, sentence, rule="Doe", level="$5,000")
    assert options["Acme Capital"]["the firm of a person's post"] == 1.0
    assert options["Acme Capital"]["in the sentence before"] == 1.0
    assert options["Acme Capital"]["in the sentence"] == 0.0
    assert options["Doe"]["a person with a firm"] == 1.0


def test_an_unsigned_first_person_call_offers_the_byline_and_no_speaker():
    text = "By Jane Smith\n\nWe expect the S&P 500 to end 2026 at 7,000."
    sentence = "We expect the S&P 500 to end 2026 at 7,000."
    options = _options(text, sentence, rule=None, level="7,000")
    assert options[None]["sentence speaks in the first person"] == 1.0
    assert options[None]["first person, no name offered"] == 1.0
    assert options["Jane Smith"]["the byline"] == 1.0


def test_a_list_label_and_the_headline_speaker():
    text = "Gold to hit $5,000 in 2026 - UBS\n\nWhat the banks see:\n\nHSBC: $4,600 by end-2026"
    sentence = "HSBC: $4,600 by end-2026"
    options = _options(text, sentence, rule="HSBC", level="$4,600")
    assert options["HSBC"]["the sentence's own label"] == 1.0
    assert options["UBS"]["the headline's speaker"] == 1.0
    assert options["UBS"]["in the headline"] == 1.0


def test_one_option_per_speaker_however_written():
    assert key_of("BofA") == key_of("Bank of America")
    sentence = "BofA sees gold at $5,000 next year, Bank of America's strategists wrote."
    options = _options(sentence, sentence, rule="Bank of America", level="$5,000")
    assert sum(key_of(name) == key_of("Bank of America") for name in options) == 1


@given(st.text(alphabet="AaBbGgSs $5,0.:\n'\"-", max_size=120), st.sampled_from([None, "UBS"]))
def test_any_text_gives_the_rule_and_no_speaker_once(text, rule):
    view = ArticleView.of(text)
    sentence = view.sentences[0].text if view.sentences else text
    options = speaker_options(view, view.sentence_index(sentence), sentence, rule, "$5")
    at = {name: i for i, name in enumerate(FEATURE_NAMES)}
    assert sum(o.features[at["rule's choice"]] == 1.0 for o in options) == 1
    assert sum(o.name is None for o in options) == 1
    assert all(np.isfinite(o.features).all() for o in options)


# ------------------------------------------------------------------ the fit


def _claims(seed: int, count: int = 60, options: int = 4) -> list[Claim]:
    """Claims with one right option each, drawn from a known conditional logit."""
    rng = np.random.default_rng(seed)
    truth = rng.normal(size=len(FEATURE_NAMES))
    claims = []
    for number in range(count):
        x = rng.normal(size=(options, len(FEATURE_NAMES)))
        z = x @ truth
        p = np.exp(z - z.max())
        right = np.zeros(options, dtype=bool)
        right[rng.choice(options, p=p / p.sum())] = True
        names = [f"option {k}" for k in range(options)]
        claims.append(Claim("file", f"article {number}", x, names, right, 0, None))
    return claims


def _newton(claims: list[Claim], l2: float) -> np.ndarray:
    """The penalised multinomial logit by Newton's method with its explicit Hessian: the
    oracle the study's L-BFGS fit must agree with (one right option per claim)."""
    width = len(FEATURE_NAMES)
    w = np.zeros(width)
    for _ in range(50):
        gradient, hessian = l2 * w, l2 * np.eye(width)
        for claim in claims:
            x = claim.features
            p = np.exp(x @ w - (x @ w).max())
            p /= p.sum()
            gradient += x.T @ p - x[claim.right][0]
            hessian += x.T @ (np.diag(p) - np.outer(p, p)) @ x
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("l2", [0.5, 1.0, 5.0])
def test_the_fit_equals_a_newton_oracle(seed, l2):
    claims = _claims(seed)
    assert np.allclose(fit(claims, l2), _newton(claims, l2), atol=1e-4)


def test_the_fit_is_deterministic_and_ignores_claims_with_no_right_option():
    claims = _claims(3)
    nobody = Claim(
        "file",
        "x",
        np.ones((3, len(FEATURE_NAMES))),
        ["a", "b", "c"],
        np.zeros(3, dtype=bool),
        0,
        None,
    )
    assert np.array_equal(fit(claims), fit(claims))
    assert np.allclose(fit(claims), fit([*claims, nobody]), atol=1e-6)


def test_a_dropped_feature_keeps_a_zero_weight():
    weights = fit(_claims(4), drop=("rule's choice",))
    assert weights[FEATURE_NAMES.index("rule's choice")] == 0.0


def _two_options(rule_score: float, other_score: float, rule_name: str | None = "Citi") -> Claim:
    x = np.zeros((2, len(FEATURE_NAMES)))
    x[0, 0], x[1, 0] = rule_score, other_score
    return Claim("file", "a", x, [rule_name, "UBS"], np.array([False, True]), 0, "UBS")


@pytest.mark.parametrize(
    ("rule_score", "other_score", "margin", "fill_only", "rule_name", "chosen"),
    [
        pytest.param(1.0, 1.5, 1.0, False, "Citi", 0, id="under-the-margin-keeps-the-rule"),
        pytest.param(1.0, 2.5, 1.0, False, "Citi", 1, id="over-the-margin-changes-it"),
        pytest.param(1.0, 2.5, 1.0, True, "Citi", 0, id="fill-only-keeps-a-named-speaker"),
        pytest.param(1.0, 2.5, 1.0, True, None, 1, id="fill-only-fills-an-empty-one"),
        pytest.param(2.0, 1.0, 0.0, False, "Citi", 0, id="the-rule-best-stays"),
    ],
)
def test_choose_keeps_the_rule_unless_the_model_prefers_another_by_the_margin(
    rule_score, other_score, margin, fill_only, rule_name, chosen
):
    claim = _two_options(rule_score, other_score, rule_name)
    weights = np.zeros(len(FEATURE_NAMES))
    weights[0] = 1.0
    assert choose(claim, weights, margin, fill_only) == chosen


def test_the_margin_is_the_largest_of_ties():
    claims = {"a": [_two_options(1.0, 1.0)], "b": [_two_options(1.0, 1.0)]}
    # no feature tells the options apart, so no margin changes anything: keep the rule
    assert speaker_ranker.best_margin(claims) == max(speaker_ranker.MARGINS)
