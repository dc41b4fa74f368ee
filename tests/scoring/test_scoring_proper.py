"""Brier and log scores against scikit-learn, plus the identities they must satisfy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import brier_score_loss, log_loss

from ledger.scoring import LOG_SCORE_CLIP, brier_scores, log_scores, mean_brier, mean_log_score

outcomes_st = st.lists(st.integers(0, 1), min_size=1, max_size=60)


def test_brier_matches_sklearn() -> None:
    rng = np.random.default_rng(11)
    prob = rng.random(500)
    outcome = (rng.random(500) < prob).astype(int)
    assert mean_brier(prob, outcome) == pytest.approx(
        brier_score_loss(outcome, prob), rel=1e-12, abs=1e-15
    )


def test_log_score_matches_sklearn_log_loss_with_the_same_clip() -> None:
    rng = np.random.default_rng(12)
    prob = np.concatenate([rng.random(400), [0.0, 1.0, 0.0005, 0.9999]])
    outcome = (rng.random(prob.size) < 0.5).astype(int)
    clipped = np.clip(prob, LOG_SCORE_CLIP, 1.0 - LOG_SCORE_CLIP)
    expected = -log_loss(outcome, clipped, labels=[0, 1])
    assert mean_log_score(prob, outcome) == pytest.approx(expected, rel=1e-12)


def test_clipping_caps_a_confident_miss() -> None:
    assert log_scores([0.0], [1])[0] == pytest.approx(math.log(0.001))
    assert log_scores([1.0], [0])[0] == pytest.approx(math.log(0.001))
    assert log_scores([0.5], [1])[0] == pytest.approx(math.log(0.5))


@settings(max_examples=60, deadline=None)
@given(outcomes_st)
def test_perfect_forecasts_score_zero_brier(outcomes: list[int]) -> None:
    prob = np.array(outcomes, dtype=float)
    assert np.all(brier_scores(prob, outcomes) == 0.0)
    # The best possible log score is the clip's: ln(0.999), not 0.
    assert np.allclose(log_scores(prob, outcomes), math.log(1.0 - LOG_SCORE_CLIP))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 1)), min_size=1, max_size=40))
def test_scores_are_bounded(pairs: list[tuple[float, int]]) -> None:
    prob = [p for p, _ in pairs]
    outcome = [o for _, o in pairs]
    assert np.all((brier_scores(prob, outcome) >= 0.0) & (brier_scores(prob, outcome) <= 1.0))
    scores = log_scores(prob, outcome)
    assert np.all((scores <= 0.0) & (scores >= math.log(LOG_SCORE_CLIP) - 1e-12))


def test_empty_input_means_none() -> None:
    assert mean_brier([], []) is None
    assert mean_log_score([], []) is None


@pytest.mark.parametrize(
    ("prob", "outcome"),
    [
        pytest.param([1.2], [1], id="probability-above-one"),
        pytest.param([-0.1], [0], id="negative-probability"),
        pytest.param([np.nan], [0], id="nan-probability"),
        pytest.param([0.5], [2], id="outcome-not-binary"),
        pytest.param([0.5, 0.5], [1], id="length-mismatch"),
    ],
)
def test_malformed_arrays_are_rejected(prob: list[float], outcome: list[int]) -> None:
    with pytest.raises(ValueError):
        brier_scores(prob, outcome)
