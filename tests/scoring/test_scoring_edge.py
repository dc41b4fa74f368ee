"""Poisson-binomial tails against brute force and a plain sequential convolution."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.scoring import poisson_binomial_pmf, poisson_binomial_sf
from ledger.scoring.edge import poisson_binomial_sf_grouped


def brute_force_sf(hits: int, prob: list[float]) -> float:
    """P(X >= hits) by summing over all 2^n outcomes."""
    total = 0.0
    for outcome in itertools.product((0, 1), repeat=len(prob)):
        if sum(outcome) >= hits:
            total += math.prod(p if o else 1.0 - p for p, o in zip(prob, outcome, strict=True))
    return total


def sequential_pmf(prob: np.ndarray) -> np.ndarray:
    pmf = np.ones(1)
    for p in prob:
        pmf = np.convolve(pmf, [1.0 - p, p])
    return pmf


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0), min_size=0, max_size=10).flatmap(
        lambda prob: st.tuples(st.just(prob), st.integers(-1, len(prob) + 1))
    )
)
def test_tail_equals_brute_force_sum(case: tuple[list[float], int]) -> None:
    prob, hits = case
    sf, method = poisson_binomial_sf(hits, prob)
    assert method == "exact"
    assert sf == pytest.approx(brute_force_sf(hits, prob), abs=1e-12)


def test_pmf_matches_sequential_convolution_across_blocks() -> None:
    rng = np.random.default_rng(5)
    prob = rng.random(333)  # several blocks and a ragged last one
    pmf = poisson_binomial_pmf(prob)
    assert pmf.size == prob.size + 1
    assert pmf == pytest.approx(sequential_pmf(prob), abs=1e-15)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-12)


def test_tiny_tails_keep_their_relative_precision() -> None:
    prob = np.full(60, 0.01)
    sf, _ = poisson_binomial_sf(60, prob)
    assert sf == pytest.approx(0.01**60, rel=1e-9)
    sf, _ = poisson_binomial_sf(59, prob)
    assert sf == pytest.approx(0.01**60 + 60 * 0.01**59 * 0.99, rel=1e-9)


@pytest.mark.parametrize("offset_sd", [-2.0, -0.5, 0.0, 1.0, 2.5])
def test_refined_normal_is_close_to_exact_beyond_the_limit(offset_sd: float) -> None:
    rng = np.random.default_rng(9)
    prob = rng.beta(2.0, 5.0, 3000)
    mean, sd = prob.sum(), math.sqrt(np.sum(prob * (1 - prob)))
    hits = round(mean + offset_sd * sd)
    exact, method_exact = poisson_binomial_sf(hits, prob, exact_max_n=5000)
    approx, method_approx = poisson_binomial_sf(hits, prob)
    assert (method_exact, method_approx) == ("exact", "refined_normal")
    assert exact == pytest.approx(sequential_pmf(prob)[hits:].sum(), abs=1e-12)
    assert approx == pytest.approx(exact, abs=1e-3)


def test_grouped_tails_equal_one_group_at_a_time() -> None:
    rng = np.random.default_rng(10)
    sizes = [0, 1, 31, 32, 33, 200, 2500]
    codes = np.repeat(np.arange(len(sizes)), sizes)
    prob = rng.random(codes.size)
    hits = np.array([0, 1, 12, 20, 5, 101, 1200])
    order = rng.permutation(codes.size)  # claims need not arrive grouped
    sf, exact = poisson_binomial_sf_grouped(codes[order], prob[order], hits, len(sizes))
    for group in range(len(sizes)):
        expected, method = poisson_binomial_sf(int(hits[group]), prob[codes == group])
        assert sf[group] == pytest.approx(expected, abs=1e-14)
        assert exact[group] == (method == "exact")
    assert exact.tolist() == [True] * 6 + [False]


def test_degenerate_probabilities() -> None:
    assert poisson_binomial_sf(3, [1.0, 1.0, 1.0]) == (1.0, "exact")
    assert poisson_binomial_sf(1, [0.0, 0.0])[0] == 0.0
    assert poisson_binomial_sf(0, [])[0] == 1.0
    assert poisson_binomial_sf(2000, np.ones(2001), exact_max_n=10)[0] == 1.0
