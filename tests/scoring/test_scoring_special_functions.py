"""Our digamma, trigamma, incomplete beta inverse and normal cdf against SciPy's.

Scoring computes these itself so that `forecast score` imports no SciPy
(issue 12); SciPy stays the oracle here. Tolerances are relative: 1e-13 for
digamma and trigamma (including beside digamma's root, where the value is
small), 1e-12 for the beta quantile over the parameters scoring makes (k + 1/2,
n - k + 1/2 for up to 20,000 claims a group) and beyond (a, b from 0.01 to
1e4, p from 1e-250 to 1 - 1e-16).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import special

from ledger.scoring.gamma import (
    ROOT_HIGH,
    digamma,
    digamma_difference,
    log_beta,
    trigamma,
    trigamma_difference,
)
from ledger.scoring.incomplete_beta import betainc, betaincinv
from ledger.scoring.normal import log_normal_cdf, normal_cdf

positive = st.floats(min_value=1e-300, max_value=1e15, allow_nan=False)
moderate = st.floats(min_value=1e-3, max_value=50.0)


@given(st.one_of(positive, moderate))
def test_digamma_equals_scipy(x: float) -> None:
    assert digamma(np.array([x]))[0] == pytest.approx(special.digamma(x), rel=1e-13, abs=0)


@given(st.floats(min_value=-0.25, max_value=0.25))
def test_digamma_keeps_its_digits_beside_its_root(offset: float) -> None:
    x = ROOT_HIGH + offset
    assert digamma(np.array([x]))[0] == pytest.approx(special.digamma(x), rel=1e-13, abs=0)


@pytest.mark.parametrize("ulps", [-3, -1, 0, 1, 3], ids=lambda u: f"root{u:+d}ulp")
def test_digamma_at_its_root(ulps: int) -> None:
    x = ROOT_HIGH + ulps * np.spacing(ROOT_HIGH)
    assert digamma(np.array([x]))[0] == pytest.approx(special.digamma(x), rel=1e-13, abs=0)


@given(st.one_of(st.floats(min_value=1e-150, max_value=1e15), moderate))
def test_trigamma_equals_scipy(x: float) -> None:
    expected = special.polygamma(1, x)
    assert trigamma(np.array([x]))[0] == pytest.approx(expected, rel=1e-13, abs=0)


def test_non_positive_arguments_give_nan() -> None:
    assert np.isnan(digamma(np.array([0.0, -1.5]))).all()
    assert np.isnan(trigamma(np.array([0.0, -2.0]))).all()


@given(st.floats(min_value=1e-3, max_value=100.0), st.floats(min_value=1e-3, max_value=100.0))
def test_log_beta_equals_scipy(a: float, b: float) -> None:
    """Where SciPy's betaln is exact. Beyond, it loses digits where one argument
    is large (ln B(606278, 1/2) wrong by 1.3e-9, ln B(2523, 1/2) by 5e-12,
    ln B(1, 19937) = -ln 19937 by 3e-11): there the identities below are the oracle."""
    expected = special.betaln(a, b)
    assert log_beta(a, b) == pytest.approx(expected, rel=1e-12, abs=1e-12)


@given(st.floats(min_value=1e-3, max_value=1e7), st.floats(min_value=1e-3, max_value=1e7))
def test_log_beta_steps_by_its_recurrence(a: float, b: float) -> None:
    """B(a, b + 1) = B(a, b) b / (a + b)."""
    step = log_beta(a, b + 1.0) - log_beta(a, b)
    scale = max(1.0, abs(float(log_beta(a, b))))
    assert abs(step - np.log(b / (a + b))) <= 1e-14 * scale


@given(st.integers(min_value=1, max_value=10**9))
def test_log_beta_of_one_and_b_is_minus_log_b(b: int) -> None:
    assert log_beta(1.0, float(b)) == pytest.approx(-np.log(float(b)), rel=1e-14, abs=1e-14)


@given(
    trials=st.integers(min_value=1, max_value=20_000),
    hits=st.integers(min_value=0, max_value=20_000),
    p=st.one_of(
        st.sampled_from([0.005, 0.025, 0.05, 0.1, 0.25, 0.75, 0.9, 0.95, 0.975, 0.995]),
        st.floats(min_value=1e-6, max_value=1 - 1e-6),
    ),
)
def test_beta_quantile_over_the_parameters_scoring_makes(trials: int, hits: int, p: float) -> None:
    hits = min(hits, trials)
    a, b = hits + 0.5, trials - hits + 0.5
    expected = special.betaincinv(a, b, p)
    assert betaincinv(a, b, p)[()] == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize(
    ("hits", "trials"),
    [(0, 1), (1, 1), (0, 2), (1, 2), (0, 20_000), (1, 20_000), (20_000, 20_000), (19_999, 20_000)],
    ids=lambda v: str(v),
)
@pytest.mark.parametrize("p", [0.005, 0.05, 0.5, 0.95, 0.995])
def test_beta_quantile_for_no_and_all_successes(hits: int, trials: int, p: float) -> None:
    a, b = hits + 0.5, trials - hits + 0.5
    expected = special.betaincinv(a, b, p)
    assert betaincinv(a, b, p)[()] == pytest.approx(expected, rel=1e-12, abs=0)


parameter = st.floats(min_value=0.01, max_value=1e4)
probability = st.one_of(
    st.floats(min_value=1e-250, max_value=1.0, exclude_max=True),
    st.floats(min_value=-250.0, max_value=-1.0).map(lambda e: 10.0**e),
    st.floats(min_value=-16.0, max_value=-1.0).map(lambda e: 1.0 - 10.0**e),
)


@given(a=parameter, b=parameter, p=probability)
def test_beta_quantile_beyond_scoring(a: float, b: float, p: float) -> None:
    """Tiny and large parameters, p near 0 and near 1. Where SciPy's own answer
    does not give back p under its own betainc (it underflows in some far
    tails), ours must, and there that is the check."""
    expected = special.betaincinv(a, b, p)
    ours = betaincinv(a, b, p)[()]
    if not 1e-300 < expected < 1.0:
        return  # beyond double precision's normal range: nothing to compare
    scipy_round_trip = special.betainc(a, b, expected)
    # What one ulp of the quantile moves I_x by bounds any round trip's precision.
    one_ulp = abs(special.betainc(a, b, np.nextafter(expected, 0.0)) - scipy_round_trip)
    tolerance = max(1e-8 * min(p, 1.0 - p), 4.0 * np.spacing(p), 4.0 * one_ulp)
    if abs(scipy_round_trip - p) > tolerance:
        assert abs(special.betainc(a, b, ours) - p) <= tolerance
    else:
        assert ours == pytest.approx(expected, rel=1e-12, abs=0)


@given(
    a=st.floats(min_value=0.5, max_value=1e4),
    b=st.floats(min_value=0.5, max_value=1e4),
    x=st.floats(min_value=0.0, max_value=1.0),
)
def test_betainc_equals_scipy(a: float, b: float, x: float) -> None:
    """I_x itself, relative to its smaller tail, to 1e-9 (its conditioning in x
    for large a + b limits any implementation; the inverse is better off)."""
    ours = betainc(a, b, x)[()]
    expected = special.betainc(a, b, x)
    scale = max(min(expected, 1.0 - expected), 1e-300)
    # Near 1 both are 1 minus a tail, each rounded: a few ulps of 1 apart.
    assert abs(ours - expected) <= 1e-9 * scale + 4.0 * np.spacing(1.0) + 1e-300


def test_beta_quantile_edges() -> None:
    assert betaincinv(2.0, 3.0, 0.0)[()] == 0.0
    assert betaincinv(2.0, 3.0, 1.0)[()] == 1.0
    assert np.isnan(betaincinv(-1.0, 3.0, 0.5)[()])
    assert np.isnan(betaincinv(2.0, 3.0, 1.5)[()])


@given(st.floats(min_value=-37.0, max_value=8.0))
def test_normal_cdf_equals_scipy(x: float) -> None:
    """1e-12: in the far tail the rounding of x / sqrt(2) alone moves Phi by x^2 ulps."""
    assert normal_cdf(np.array([x]))[0] == pytest.approx(special.ndtr(x), rel=1e-12, abs=0)


@given(
    st.one_of(
        st.floats(min_value=-1e6, max_value=40.0),
        st.floats(min_value=-21.0, max_value=-19.0),  # where the series takes over
        st.floats(min_value=-1e-6, max_value=1e-6),  # where log1p takes over
    )
)
def test_log_normal_cdf_equals_scipy(x: float) -> None:
    """log Phi in both tails: its relative precision where Phi underflows (x < -38)
    and where it is a tiny negative number (x > 8); SciPy's own value underflows
    to -0.0 only past x = 37.5, hence the absolute 1e-300."""
    expected = special.log_ndtr(x)
    assert log_normal_cdf(np.array([x]))[0] == pytest.approx(expected, rel=1e-12, abs=1e-300)


@pytest.mark.parametrize(
    ("x", "expected"),
    [(-np.inf, -np.inf), (np.inf, 0.0), (0.0, -np.log(2.0))],
    ids=["minus-infinity", "plus-infinity", "zero"],
)
def test_log_normal_cdf_at_its_ends(x: float, expected: float) -> None:
    assert log_normal_cdf(np.array([x]))[0] == expected
    assert np.isnan(log_normal_cdf(np.array([np.nan]))[0])
    assert log_normal_cdf(x).shape == ()


@given(
    st.floats(min_value=1e-3, max_value=1e6),
    st.integers(min_value=0, max_value=2_000),
)
def test_digamma_and_trigamma_differences_equal_their_sums(x: float, m: int) -> None:
    """psi(x + m) - psi(x) = sum 1/(x + j) and psi'(x) - psi'(x + m) = sum 1/(x + j)^2,
    j < m: exact oracles where SciPy's two digammas would cancel."""
    steps = x + np.arange(m)
    assert digamma_difference(x, m)[()] == pytest.approx(math.fsum(1.0 / steps), rel=1e-13, abs=0)
    assert trigamma_difference(x, m)[()] == pytest.approx(
        math.fsum(1.0 / steps**2), rel=1e-13, abs=0
    )


@given(st.floats(min_value=1e-3, max_value=1e6), st.floats(min_value=0.0, max_value=1e6))
def test_digamma_differences_equal_scipy(x: float, m: float) -> None:
    expected = special.digamma(x + m) - special.digamma(x)
    # SciPy's subtraction's own rounding
    scale = max(1.0, abs(special.digamma(x + m)), abs(special.digamma(x)))
    assert abs(digamma_difference(x, m)[()] - expected) <= 1e-13 * scale
    expected = special.polygamma(1, x) - special.polygamma(1, x + m)
    assert trigamma_difference(x, m)[()] == pytest.approx(
        expected, rel=1e-12, abs=1e-13 * special.polygamma(1, x)
    )


beta_parameter = st.one_of(
    st.floats(min_value=0.01, max_value=1e4),
    st.integers(0, 60).map(lambda k: k + 0.5),  # the Jeffreys parameters of a scoreboard
)


@given(
    st.lists(
        st.tuples(beta_parameter, beta_parameter, st.floats(min_value=0.0, max_value=1.0)),
        min_size=1,
        max_size=12,
    )
)
def test_a_batch_is_its_points_one_by_one(points: list[tuple[float, float, float]]) -> None:
    """betaincinv and betainc solve each point on its own, bit for bit, whatever the batch:
    the quantiles above and below 1/2, the fraction's two sides and the series share
    numpy calls (issue 12: a scoreboard's intervals cost per call, not per point), and
    a point's answer must not depend on its neighbours."""
    a, b, p = (np.array(column) for column in zip(*points, strict=True))
    together = betaincinv(a, b, p)
    apart = np.array([betaincinv(ai, bi, pi)[()] for ai, bi, pi in points])
    np.testing.assert_array_equal(together, apart)
    np.testing.assert_array_equal(
        betainc(a, b, p), np.array([betainc(ai, bi, pi)[()] for ai, bi, pi in points])
    )
