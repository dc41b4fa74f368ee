"""Calibration table against scikit-learn; Murphy identities; Spiegelhalter's z."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

from ledger.scoring import calibration_table, murphy_decomposition, spiegelhalter_z_test

ROUND_PROBABILITIES = [0.0, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 1.0]


@pytest.mark.parametrize("bins", [10, 5, 7])
def test_bins_match_sklearn_calibration_curve(bins: int) -> None:
    rng = np.random.default_rng(bins)
    prob = rng.random(3000) ** 1.5  # uneven, so that some bins are sparse
    outcome = (rng.random(prob.size) < prob).astype(int)
    report = calibration_table(prob, outcome, bins=bins)
    freq, mean_prob = calibration_curve(outcome, prob, n_bins=bins, strategy="uniform")
    assert [row.freq for row in report.bins] == pytest.approx(freq, abs=1e-12)
    assert [row.mean_prob for row in report.bins] == pytest.approx(mean_prob, abs=1e-12)
    assert sum(row.n for row in report.bins) == prob.size
    assert report.brier == pytest.approx(brier_score_loss(outcome, prob), abs=1e-12)


@pytest.mark.parametrize(
    ("prob", "expected_low"),
    [
        pytest.param(1.0, 0.9, id="one-goes-in-the-last-bin"),
        pytest.param(0.0, 0.0, id="zero-goes-in-the-first-bin"),
        pytest.param(0.7, 0.7, id="a-stated-70-percent-is-in-the-70-80-bin"),
        pytest.param(0.3, 0.3, id="a-stated-30-percent-is-in-the-30-40-bin"),
        pytest.param(0.6999, 0.6, id="just-below-an-edge"),
    ],
)
def test_bin_edges(prob: float, expected_low: float) -> None:
    report = calibration_table([prob], [1])
    assert len(report.bins) == 1
    assert report.bins[0].low == pytest.approx(expected_low)


def test_empty_bins_are_omitted_and_rows_carry_intervals() -> None:
    report = calibration_table([0.1, 0.15, 0.9, 0.95], [0, 1, 1, 1])
    assert [(row.low, row.n) for row in report.bins] == [(0.1, 2), (0.9, 2)]
    for row in report.bins:
        low, high = row.freq_ci
        assert 0.0 <= low <= row.freq <= high <= 1.0


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(ROUND_PROBABILITIES), st.integers(0, 1)),
        min_size=1,
        max_size=80,
    )
)
def test_murphy_decomposition_adds_up_to_the_brier_score(pairs: list[tuple[float, int]]) -> None:
    prob = np.array([p for p, _ in pairs])
    outcome = np.array([o for _, o in pairs])
    murphy = murphy_decomposition(prob, outcome)
    assert murphy is not None
    brier = (
        brier_score_loss(outcome, prob) if len(set(outcome)) > 1 else np.mean((prob - outcome) ** 2)
    )
    assert murphy.reliability - murphy.resolution + murphy.uncertainty == pytest.approx(
        brier, abs=1e-12
    )
    assert murphy.reliability >= 0.0 and murphy.resolution >= 0.0


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 1), min_size=1, max_size=80))
def test_forecasting_the_base_rate_has_zero_resolution(outcomes: list[int]) -> None:
    base_rate = float(np.mean(outcomes))
    report = calibration_table(np.full(len(outcomes), base_rate), outcomes)
    assert report.resolution == pytest.approx(0.0, abs=1e-15)
    assert report.reliability == pytest.approx(0.0, abs=1e-15)
    assert report.brier == pytest.approx(report.uncertainty, abs=1e-15)


def test_spiegelhalter_z_is_standard_normal_for_calibrated_forecasts() -> None:
    rng = np.random.default_rng(7)
    z_values = []
    for _ in range(300):
        prob = rng.uniform(0.05, 0.95, 400)
        outcome = (rng.random(prob.size) < prob).astype(int)
        result = spiegelhalter_z_test(prob, outcome)
        assert result is not None
        z_values.append(result[0])
    z = np.array(z_values)
    assert abs(z.mean()) < 0.2
    assert 0.85 < z.std() < 1.15
    # About 10% of calibrated samples fall outside |z| > 1.645.
    assert 0.05 < np.mean(np.abs(z) > 1.645) < 0.16


def test_spiegelhalter_flags_overconfidence() -> None:
    rng = np.random.default_rng(8)
    truth = rng.uniform(0.3, 0.7, 2000)
    outcome = (rng.random(truth.size) < truth).astype(int)
    overconfident = np.where(truth > 0.5, 0.95, 0.05)
    report = calibration_table(overconfident, outcome)
    assert report.spiegelhalter_p is not None and report.spiegelhalter_p < 1e-6


def test_spiegelhalter_is_undefined_for_coin_flips() -> None:
    report = calibration_table([0.5, 0.5, 1.0, 0.0], [1, 0, 1, 0])
    assert report.spiegelhalter_z is None and report.spiegelhalter_p is None


def test_empty_report_is_all_none_and_json_safe() -> None:
    report = calibration_table([], [])
    assert report.n == 0 and report.bins == ()
    assert report.brier is None and report.reliability is None
    json.dumps(report.to_dict(), allow_nan=False)


def test_report_json_is_safe() -> None:
    rng = np.random.default_rng(3)
    prob = rng.random(200)
    report = calibration_table(prob, (rng.random(200) < prob).astype(int))
    text = json.dumps(report.to_dict(), allow_nan=False)
    assert '"spiegelhalter_z"' in text
