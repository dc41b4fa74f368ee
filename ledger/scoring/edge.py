"""Edge over the market: more hits than the market-implied odds predicted?

If each claim i came true with its market-implied probability p_i, the number
of hits X would be Poisson-binomial (a sum of independent Bernoulli(p_i)). The
edge is hits - sum(p_i) and its p-value is P(X >= hits): how often a source
with no skill at all, only the market's odds, would do at least this well.
Independence between claims is an assumption (claims on one asset in one week
are correlated), so read the p-value as a guide, not a verdict.

Exact for n <= EXACT_MAX_N claims; beyond, the refined normal approximation
(Volkova 1996: the normal CDF with a continuity correction and a skewness term),
whose error is O(1/n) and below 1e-3 at that size.

The exact distribution is built by convolution with only nonnegative terms
(no FFT), so even p-values of 1e-30 keep their relative precision; an FFT
would round them to noise around 1e-16. To keep that fast, claims are cut into
blocks of _BLOCK: one dynamic-programming pass builds every block's pmf for
all groups at once, and only the few per-group block convolutions loop.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring._arrays import as_probabilities
from ledger.scoring.normal import normal_cdf

EXACT_MAX_N = 2000
_BLOCK = 32


def poisson_binomial_pmf(prob: ArrayLike) -> np.ndarray:
    """P(X = k) for k = 0..n, X the number of successes of independent Bernoulli(p_i)."""
    p = as_probabilities(prob)
    if p.size == 0:
        return np.ones(1)
    return _group_pmfs(np.zeros(p.size, dtype=np.int64), p, 1)[0]


def poisson_binomial_sf(
    hits: int, prob: ArrayLike, exact_max_n: int = EXACT_MAX_N
) -> tuple[float, str]:
    """P(X >= hits) and the method used ("exact" or "refined_normal")."""
    p = as_probabilities(prob)
    sf, exact = poisson_binomial_sf_grouped(
        np.zeros(p.size, dtype=np.int64), p, np.array([hits]), 1, exact_max_n
    )
    return float(sf[0]), "exact" if exact[0] else "refined_normal"


def poisson_binomial_sf_grouped(
    codes: np.ndarray,
    prob: np.ndarray,
    hits: np.ndarray,
    n_groups: int,
    exact_max_n: int = EXACT_MAX_N,
) -> tuple[np.ndarray, np.ndarray]:
    """P(X_g >= hits_g) for every group g, and whether it was computed exactly.

    `codes` (0..n_groups-1) gives the group of each probability in `prob`.
    A group with no claims has X = 0, so its tail is 1 for hits <= 0, else 0.
    """
    codes = np.asarray(codes, dtype=np.int64)
    prob = np.asarray(prob, dtype=np.float64)
    hits = np.asarray(hits, dtype=np.float64)
    size = np.bincount(codes, minlength=n_groups)
    exact = size <= exact_max_n
    sf = np.empty(n_groups, dtype=np.float64)

    in_exact = exact[codes]
    small_codes = codes[in_exact]
    if small_codes.size:
        # Renumber the exact groups densely so the block layout has no gaps.
        small_groups = np.flatnonzero(exact)
        dense = np.full(n_groups, -1, dtype=np.int64)
        dense[small_groups] = np.arange(small_groups.size)
        pmfs = _group_pmfs(dense[small_codes], prob[in_exact], small_groups.size)
        for pmf, group in zip(pmfs, small_groups, strict=True):
            sf[group] = _tail(pmf, hits[group])
    else:
        for group in np.flatnonzero(exact):
            sf[group] = 1.0 if hits[group] <= 0 else 0.0

    large = ~exact
    if large.any():
        mean = np.bincount(codes, weights=prob, minlength=n_groups)[large]
        var = np.bincount(codes, weights=prob * (1.0 - prob), minlength=n_groups)[large]
        third = np.bincount(
            codes, weights=prob * (1.0 - prob) * (1.0 - 2.0 * prob), minlength=n_groups
        )[large]
        sf[large] = refined_normal_sf(hits[large], mean, var, third)
    return sf, exact


def refined_normal_sf(
    hits: np.ndarray, mean: np.ndarray, var: np.ndarray, third_central: np.ndarray
) -> np.ndarray:
    """P(X >= hits) by the refined normal approximation to the Poisson-binomial.

    With x = (hits - 0.5 - mean) / sd (continuity correction) and skewness
    g = third_central / sd^3: P(X >= hits) ≈ Φ(-x) - g (1 - x^2) φ(x) / 6.
    A degenerate X (sd = 0) is its mean.
    """
    hits = np.asarray(hits, dtype=np.float64)
    mean = np.asarray(mean, dtype=np.float64)
    var = np.asarray(var, dtype=np.float64)
    sd = np.sqrt(var)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (hits - 0.5 - mean) / sd
        skew = np.asarray(third_central, dtype=np.float64) / sd**3
        density = np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi)
        approx = normal_cdf(-x) - skew * (1.0 - x * x) * density / 6.0
    degenerate = np.where(hits <= mean + 0.5, 1.0, 0.0)
    return np.clip(np.where(sd > 0.0, approx, degenerate), 0.0, 1.0)


def _tail(pmf: np.ndarray, hits: float) -> float:
    if hits <= 0:
        return 1.0
    start = int(np.ceil(hits))
    if start >= pmf.size:
        return 0.0
    # Summing the upper tail directly (never 1 - lower) keeps tiny p-values exact.
    return float(min(1.0, pmf[start:].sum()))


def _group_pmfs(codes: np.ndarray, prob: np.ndarray, n_groups: int) -> list[np.ndarray]:
    """The Poisson-binomial pmf of each group (codes 0..n_groups-1, any order)."""
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    prob = prob[order]
    size = np.bincount(codes, minlength=n_groups)
    start = np.concatenate(([0], np.cumsum(size)[:-1]))
    rank = np.arange(codes.size) - start[codes]

    blocks_per_group = -(-size // _BLOCK)
    first_block = np.concatenate(([0], np.cumsum(blocks_per_group)[:-1]))
    # Padding slots keep p = 0, a Bernoulli that never succeeds: it leaves the
    # pmf unchanged, so every block can run the same number of steps.
    block_prob = np.zeros((int(blocks_per_group.sum()), _BLOCK))
    block_prob[first_block[codes] + rank // _BLOCK, rank % _BLOCK] = prob
    block_pmf = _block_pmfs(block_prob)

    pmfs: list[np.ndarray] = []
    for group in range(n_groups):
        n = int(size[group])
        first = int(first_block[group])
        parts = [block_pmf[first + j] for j in range(int(blocks_per_group[group]))]
        if parts:
            last_count = n - _BLOCK * (len(parts) - 1)
            parts[-1] = parts[-1][: last_count + 1]
        pmfs.append(_convolve_tree(parts) if parts else np.ones(1))
    return pmfs


def _block_pmfs(block_prob: np.ndarray) -> np.ndarray:
    """The pmf of the successes in each row of `block_prob`, all rows at once."""
    rows, width = block_prob.shape
    pmf = np.zeros((rows, width + 1))
    pmf[:, 0] = 1.0
    for step in range(width):
        p = block_prob[:, step : step + 1]
        head = pmf[:, : step + 2]
        moved = head[:, :-1] * p
        head *= 1.0 - p
        head[:, 1:] += moved
    return pmf


def _convolve_tree(parts: list[np.ndarray]) -> np.ndarray:
    """The convolution of all parts, pairwise so that operand sizes stay balanced."""
    while len(parts) > 1:
        paired = [np.convolve(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
        if len(parts) % 2:
            paired.append(parts[-1])
        parts = paired
    return parts[0]
