"""score_groups against a group-by-group recomputation with independent tools.

The oracle loops over groups with pandas and computes each statistic with
scikit-learn, scipy.stats.beta, a sequential convolution for the
Poisson-binomial and calibration_curve for the bins, so the vectorized code is
never checked against itself.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from ledger.claims.model import Status
from ledger.scoring import GroupScore, StatusCode, score_groups, scores_to_dicts, status_codes

CLIP = 0.001


def sequential_sf(hits: int, prob: np.ndarray) -> float:
    pmf = np.ones(1)
    for p in prob:
        pmf = np.convolve(pmf, [1.0 - p, p])
    return float(pmf[hits:].sum())


def mean_log_score(outcome: np.ndarray, prob: np.ndarray) -> float:
    return -log_loss(outcome, np.clip(prob, CLIP, 1 - CLIP), labels=[0, 1])


def assert_plain_json(value: object) -> None:
    """Only plain Python JSON types all the way down (no numpy scalars, no NaN)."""
    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) is str
            assert_plain_json(item)
    elif isinstance(value, list):
        for item in value:
            assert_plain_json(item)
    else:
        assert type(value) in (str, int, float, bool, type(None)), (value, type(value))
        assert not (type(value) is float and not math.isfinite(value))


def make_ledger(seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 1500
    source = rng.choice(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"], n)
    market = rng.beta(2.0, 3.0, n)
    status = np.where(rng.random(n) < market + 0.05, StatusCode.TRUE, StatusCode.FALSE)
    status[rng.random(n) < 0.05] = StatusCode.VOID
    status[rng.random(n) < 0.05] = StatusCode.OPEN
    # Stated probabilities 5%, 15%, ..., 95%: few distinct values (so the Murphy
    # cells are real bins) and none on a bin edge, where scikit-learn's bins
    # are closed on the right and the ledger's on the left.
    prob = np.clip(np.floor(np.clip(market + rng.normal(0, 0.2, n), 0, 1) * 10), 0, 9) / 10 + 0.05
    prob[rng.random(n) < 0.3] = np.nan
    market[rng.random(n) < 0.1] = np.nan
    frame = pd.DataFrame(
        {
            "source": source,
            "status": status.astype(int),
            "scored": rng.random(n) < 0.9,
            "prob": prob,
            "market": market,
        }
    )
    frame.loc[frame.source == "echo", "prob"] = np.nan  # no stated probabilities at all
    frame.loc[frame.source == "foxtrot", "market"] = np.nan  # no market baseline at all
    return frame


def oracle(group: pd.DataFrame, bins: int = 10) -> dict[str, object]:
    """Every statistic of one group, recomputed from scratch."""
    status = group.status.to_numpy()
    scored = group[group.scored & group.status.isin([StatusCode.TRUE, StatusCode.FALSE])]
    outcome = (scored.status == StatusCode.TRUE).to_numpy().astype(int)
    k, n = int(outcome.sum()), len(outcome)
    out: dict[str, object] = {
        "claims": len(group),
        "open": int((status == StatusCode.OPEN).sum()),
        "resolved": int((status != StatusCode.OPEN).sum()),
        "true": int((status == StatusCode.TRUE).sum()),
        "false": int((status == StatusCode.FALSE).sum()),
        "void": int((status == StatusCode.VOID).sum()),
        "scored": n,
        "hits": k,
        "hit_rate": k / n if n else None,
        "hit_rate_ci": (
            (
                0.0 if k == 0 else stats.beta.ppf(0.05, k + 0.5, n - k + 0.5),
                1.0 if k == n else stats.beta.ppf(0.95, k + 0.5, n - k + 0.5),
            )
            if n
            else None
        ),
    }
    with_prob = scored[scored.prob.notna()]
    o_p = (with_prob.status == StatusCode.TRUE).to_numpy().astype(int)
    p = with_prob.prob.to_numpy()
    out["with_prob"] = len(p)
    out["brier"] = float(np.mean((p - o_p) ** 2)) if len(p) else None
    out["log_score"] = mean_log_score(o_p, p) if len(p) else None
    if len(p):
        freq, mean_prob = calibration_curve(o_p, p, n_bins=bins, strategy="uniform")
        out["calibration_freq"] = list(freq)
        out["calibration_mean_prob"] = list(mean_prob)
    with_market = scored[scored.market.notna()]
    o_m = (with_market.status == StatusCode.TRUE).to_numpy().astype(int)
    m = with_market.market.to_numpy()
    out["with_market_prob"] = len(m)
    out["market_prob_mean"] = float(m.mean()) if len(m) else None
    out["edge"] = float(o_m.sum() - m.sum()) if len(m) else None
    out["edge_p_value"] = sequential_sf(int(o_m.sum()), m) if len(m) else None
    both = with_prob[with_prob.market.notna()]
    o_b = (both.status == StatusCode.TRUE).to_numpy().astype(int)
    out["with_both"] = len(both)
    if len(both):
        own = brier_score_loss(o_b, both.prob, pos_label=1) if len(set(o_b)) > 1 else None
        own = float(np.mean((both.prob - o_b) ** 2)) if own is None else own
        market_brier = float(np.mean((both.market - o_b) ** 2))
        out["brier_skill_vs_market"] = 1.0 - own / market_brier
        out["log_gain_bits"] = (
            mean_log_score(o_b, both.prob.to_numpy()) - mean_log_score(o_b, both.market.to_numpy())
        ) / math.log(2.0)
    else:
        out["brier_skill_vs_market"] = None
        out["log_gain_bits"] = None
    return out


def test_every_statistic_matches_the_group_by_group_oracle() -> None:
    frame = make_ledger()
    scores = score_groups(frame.source, frame.status, frame.scored, frame.prob, frame.market)
    assert [s.group for s in scores] == sorted(frame.source.unique())
    for score in scores:
        expected = oracle(frame[frame.source == score.group])
        for key in [
            "claims",
            "open",
            "resolved",
            "true",
            "false",
            "void",
            "scored",
            "hits",
            "with_prob",
            "with_market_prob",
            "with_both",
        ]:
            assert getattr(score, key) == expected[key], (score.group, key)
        for key in [
            "hit_rate",
            "brier",
            "log_score",
            "market_prob_mean",
            "edge",
            "edge_p_value",
            "brier_skill_vs_market",
            "log_gain_bits",
        ]:
            value = getattr(score, key)
            if expected[key] is None:
                assert value is None, (score.group, key)
            else:
                assert value == pytest.approx(expected[key], rel=1e-9, abs=1e-12), (
                    score.group,
                    key,
                )
        assert score.hit_rate_ci == pytest.approx(expected["hit_rate_ci"], abs=1e-12)
        if score.with_prob:
            assert [row.freq for row in score.calibration] == pytest.approx(
                expected["calibration_freq"], abs=1e-12
            )
            assert [row.mean_prob for row in score.calibration] == pytest.approx(
                expected["calibration_mean_prob"], abs=1e-12
            )
            assert score.reliability - score.resolution + score.uncertainty == pytest.approx(
                score.brier, abs=1e-12
            )


def test_statistics_that_do_not_apply_are_none_and_json_is_safe() -> None:
    frame = make_ledger(2)
    scores = {
        s.group: s
        for s in score_groups(frame.source, frame.status, frame.scored, frame.prob, frame.market)
    }
    no_prob, no_market = scores["echo"], scores["foxtrot"]
    for field in [
        "brier",
        "log_score",
        "reliability",
        "resolution",
        "uncertainty",
        "spiegelhalter_z",
    ]:
        assert getattr(no_prob, field) is None
    assert no_prob.brier_skill_vs_market is None and no_prob.calibration == ()
    for field in ["market_prob_mean", "edge", "edge_p_value", "expected_hits", "log_gain_bits"]:
        assert getattr(no_market, field) is None
    payload = scores_to_dicts(list(scores.values()))
    json.dumps(payload, allow_nan=False)
    assert_plain_json(payload)


def test_empty_input() -> None:
    assert score_groups([], []) == []


def test_single_group_with_counts_only() -> None:
    (score,) = score_groups(["solo"] * 4, [Status.OPEN, Status.VOID, Status.OPEN, Status.VOID])
    assert (score.claims, score.open, score.void, score.resolved, score.scored) == (4, 2, 2, 2, 0)
    assert score.hit_rate is None and score.hit_rate_ci is None and score.shrunk_hit_rate is None
    assert score.brier is None and score.edge is None
    payload = score.to_dict()
    json.dumps(payload, allow_nan=False)
    assert set(payload) == {f for f in GroupScore.__dataclass_fields__}


def test_scored_mask_limits_scores_but_not_counts() -> None:
    scores = score_groups(
        ["a", "a", "a", "a"],
        ["true", "false", "true", "open"],
        scored_mask=[True, True, False, True],
        prob=[0.9, 0.2, 0.1, 0.5],
    )
    (score,) = scores
    assert (score.claims, score.true, score.false, score.open) == (4, 2, 1, 1)
    assert (score.scored, score.hits, score.with_prob) == (2, 1, 2)
    assert score.brier == pytest.approx((0.1**2 + 0.2**2) / 2)


def test_statuses_may_be_enums_strings_or_codes() -> None:
    expected = [0, 1, 2, 3]
    assert status_codes([Status.OPEN, Status.TRUE, Status.FALSE, Status.VOID]).tolist() == expected
    assert status_codes(["open", "true", "false", "void"]).tolist() == expected
    assert status_codes(np.array(expected)).tolist() == expected
    with pytest.raises(ValueError):
        status_codes(["maybe"])
    with pytest.raises(ValueError):
        status_codes([7])


def test_integer_labels_come_back_as_plain_ints() -> None:
    scores = score_groups(np.array([2024, 2023, 2024]), [1, 2, 1])
    assert [s.group for s in scores] == [2023, 2024]
    assert type(scores[0].to_dict()["group"]) is int


def test_skill_against_a_perfect_market_is_none() -> None:
    (score,) = score_groups(["a", "a"], [1, 2], prob=[0.8, 0.3], market_prob=[1.0, 0.0])
    assert score.brier_market == 0.0
    assert score.brier_skill_vs_market is None
    assert score.log_gain_bits is not None and score.log_gain_bits < 0.0


def test_large_groups_switch_to_the_normal_approximation() -> None:
    rng = np.random.default_rng(6)
    n = 400
    market = rng.random(n)
    status = np.where(rng.random(n) < market, 1, 2)
    exact = score_groups(["a"] * n, status, market_prob=market)[0]
    approx = score_groups(["a"] * n, status, market_prob=market, exact_max_n=100)[0]
    assert (exact.edge_p_method, approx.edge_p_method) == ("exact", "refined_normal")
    assert approx.edge_p_value == pytest.approx(exact.edge_p_value, abs=5e-3)


def test_small_perfect_record_does_not_outrank_a_long_good_one() -> None:
    rng = np.random.default_rng(12)
    labels, statuses = [], []
    for i in range(40):
        size = int(rng.integers(10, 80))
        rate = rng.beta(10, 10)
        labels += [f"s{i:02d}"] * size
        statuses += list(np.where(rng.random(size) < rate, 1, 2))
    labels += ["lucky"] * 2 + ["steady"] * 50
    statuses += [1, 1] + [1] * 40 + [2] * 10
    scores = {s.group: s for s in score_groups(labels, statuses)}
    assert scores["lucky"].hit_rate == 1.0 > scores["steady"].hit_rate
    assert scores["lucky"].shrunk_hit_rate < scores["steady"].shrunk_hit_rate


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["x", "y", "z"]),
            st.sampled_from([0, 1, 2, 3]),
            st.one_of(st.just(float("nan")), st.sampled_from([0.0, 0.1, 0.35, 0.5, 0.8, 1.0])),
            st.one_of(st.just(float("nan")), st.floats(0.0, 1.0)),
        ),
        max_size=40,
    )
)
def test_any_ledger_gives_json_safe_scores_and_exact_murphy(
    rows: list[tuple[str, int, float, float]],
) -> None:
    if rows:
        groups, status, prob, market = (list(column) for column in zip(*rows, strict=True))
    else:
        groups, status, prob, market = [], [], [], []
    scores = score_groups(groups, status, prob=prob, market_prob=market)
    json.dumps(scores_to_dicts(scores), allow_nan=False)
    assert_plain_json(scores_to_dicts(scores))
    for score in scores:
        if score.brier is not None:
            assert score.reliability - score.resolution + score.uncertainty == pytest.approx(
                score.brier, abs=1e-12
            )
        if score.hit_rate_ci is not None:
            low, high = score.hit_rate_ci
            assert 0.0 <= low <= score.hit_rate <= high <= 1.0
        assert score.claims == score.open + score.resolved


def test_labels_keep_their_type_and_a_missing_label_stays_none() -> None:
    scores = score_groups(["b", None, "a", 2024], [1, 1, 2, 1])
    assert {s.group for s in scores} == {"a", "b", None, 2024}
    json.dumps(scores_to_dicts(scores), allow_nan=False)


def test_vague_calls_are_counted_with_their_share_and_never_scored() -> None:
    groups = ["a", "a", "a", "a", "b", "b", "c"]
    status = ["true", "vague", "vague", "void", "false", "open", "vague"]
    by_group = {s.group: s for s in score_groups(groups, status)}
    a, b, c = by_group["a"], by_group["b"], by_group["c"]
    assert (a.claims, a.vague, a.void, a.resolved, a.scored) == (4, 2, 1, 2, 1)
    assert a.claims == a.open + a.resolved + a.vague
    assert a.vagueness_rate == pytest.approx(2 / 3)  # the void call is not a call
    assert (b.vague, b.vagueness_rate) == (0, 0.0)
    assert (c.vague, c.vagueness_rate, c.scored, c.hit_rate) == (1, 1.0, 0, None)
    # The status codes take vague as 4, and nothing beyond.
    assert by_group == {s.group: s for s in score_groups(groups, status_codes(status))}
    with pytest.raises(ValueError):
        status_codes([5])


def test_a_group_with_only_void_calls_has_no_vagueness_rate() -> None:
    (only_void,) = score_groups(["a"], ["void"])
    assert only_void.vagueness_rate is None
