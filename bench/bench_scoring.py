"""Time the scoring on ledgers far larger than any real one.

1. score_groups over 1,000,000 resolved claims by 1,000 sources (with stated
   and market-implied probabilities), target under 2 s;
2. realized volatility plus market-implied probabilities for 100,000 claims on
   200 symbols with about 3,000 daily bars each, target under 5 s.

Run: .venv/bin/python bench/bench_scoring.py [--seed N]
Figures go to stdout; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from ledger.claims.model import ClaimKind
from ledger.scoring import (
    StatusCode,
    market_probabilities,
    realized_volatility_many,
    score_groups,
    window_start_years,
    year_fraction,
)

T = TypeVar("T")


def timed(label: str, action: Callable[[], T], repeats: int = 3) -> T:
    """Run `action` a few times, print the best and the median wall time."""
    times = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    print(f"{label:<58} best {min(times):6.3f} s   median {np.median(times):6.3f} s")
    return result  # type: ignore[return-value]


def synthetic_ledger(
    rng: np.random.Generator, source: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Status, scored mask, stated and market probabilities for claims by `source`."""
    n_claims = source.size
    skill = rng.normal(0.0, 0.05, int(source.max()) + 1)
    market = rng.beta(2.0, 3.0, n_claims)
    came_true = rng.random(n_claims) < np.clip(market + skill[source], 0.0, 1.0)
    status = np.where(came_true, StatusCode.TRUE, StatusCode.FALSE).astype(np.int64)
    status[rng.random(n_claims) < 0.02] = StatusCode.VOID
    # Stated probabilities as people write them: multiples of 5%, for 60% of claims.
    stated = np.round(np.clip(market + rng.normal(0.0, 0.15, n_claims), 0.0, 1.0) * 20) / 20
    stated[rng.random(n_claims) < 0.4] = np.nan
    scored = rng.random(n_claims) < 0.98
    return status, scored, stated, market


def bench_score_groups(rng: np.random.Generator) -> None:
    n_claims, n_sources = 1_000_000, 1_000
    labels = np.array([f"source-{i:04d}" for i in range(n_sources)], dtype=object)

    # Skewed source sizes, as in a real ledger: a few prolific, many quiet.
    weights = rng.pareto(1.5, n_sources) + 0.05
    source = rng.choice(n_sources, size=n_claims, p=weights / weights.sum())
    status, scored, stated, market = synthetic_ledger(rng, source)
    sizes = np.bincount(source, minlength=n_sources)
    print(
        f"score_groups: {n_claims:,} claims, {n_sources:,} sources, skewed sizes "
        f"(largest {sizes.max():,}, median {int(np.median(sizes)):,}, "
        f"{int((sizes > 2000).sum())} above the exact Poisson-binomial limit)"
    )
    string_labels = labels[source]
    scores = timed(
        "score_groups, string labels",
        lambda: score_groups(string_labels, status, scored, stated, market),
    )
    timed(
        "score_groups, integer labels",
        lambda: score_groups(source, status, scored, stated, market),
    )
    exact = sum(1 for s in scores if s.edge_p_method == "exact")
    print(f"  groups {len(scores):,}; exact p-values {exact:,}")

    # Equal sizes (1,000 each): every group takes the exact Poisson-binomial path.
    source = rng.permutation(np.repeat(np.arange(n_sources), n_claims // n_sources))
    status, scored, stated, market = synthetic_ledger(rng, source)
    print(f"score_groups: {n_claims:,} claims, {n_sources:,} sources of 1,000 (all exact)")
    string_labels = labels[source]
    timed(
        "score_groups, string labels",
        lambda: score_groups(string_labels, status, scored, stated, market),
    )


def synthetic_bars(
    rng: np.random.Generator, n_bars: int, crypto: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Daily closes on weekdays (stocks) or every day (crypto), from 2014-01-01."""
    days = np.arange(np.datetime64("2014-01-01"), np.datetime64("2014-01-01") + n_bars * 2)
    if not crypto:
        days = days[np.is_busday(days)]
    days = days[:n_bars]
    sigma_daily = rng.uniform(0.2, 0.9 if crypto else 0.5) / np.sqrt(365 if crypto else 252)
    closes = 100.0 * np.exp(np.cumsum(rng.normal(0.0, sigma_daily, days.size)))
    return closes, days


def bench_market(rng: np.random.Generator) -> None:
    n_symbols, n_bars, n_claims = 200, 3_000, 100_000
    series = [synthetic_bars(rng, n_bars, crypto=i % 5 == 0) for i in range(n_symbols)]
    symbol = rng.integers(0, n_symbols, n_claims)
    kinds = np.array([kind.value for kind in ClaimKind], dtype=object)[
        rng.integers(0, len(ClaimKind), n_claims)
    ]
    made_offset = rng.integers(200, n_bars - 50, n_claims)
    made_on = np.array([series[s][1][i] for s, i in zip(symbol, made_offset, strict=True)])
    horizon = rng.integers(5, 400, n_claims).astype("timedelta64[D]")
    deadline = made_on + horizon
    lead = np.where(rng.random(n_claims) < 0.1, rng.integers(2, 60, n_claims), 1)
    window_start = made_on + lead.astype("timedelta64[D]")
    level_factor = np.exp(rng.normal(0.0, 0.15, n_claims))
    print(
        f"market-implied: {n_claims:,} claims, {n_symbols} symbols x {n_bars:,} bars "
        f"(every 5th symbol trades daily)"
    )

    def run() -> tuple[np.ndarray, np.ndarray]:
        sigma = np.full(n_claims, np.nan)
        spot = np.full(n_claims, np.nan)
        order = np.argsort(symbol, kind="stable")
        bounds = np.searchsorted(symbol[order], np.arange(n_symbols + 1))
        for s in range(n_symbols):
            rows = order[bounds[s] : bounds[s + 1]]
            closes, days = series[s]
            vol = realized_volatility_many(closes, days, made_on[rows])
            sigma[rows] = vol.sigma
            spot[rows] = vol.spot
        prob = market_probabilities(
            kinds,
            spot,
            spot * level_factor,
            year_fraction(made_on, deadline),
            sigma,
            t_start_years=window_start_years(made_on, window_start),
        )
        return sigma, prob

    sigma, prob = timed("realized vol (200 series) + market probabilities", run)
    timed(
        "market probabilities alone",
        lambda: market_probabilities(
            kinds,
            100.0,
            100.0 * level_factor,
            year_fraction(made_on, deadline),
            sigma,
            t_start_years=window_start_years(made_on, window_start),
        ),
    )
    print(
        f"  sigma: median {np.nanmedian(sigma):.3f}; probabilities: "
        f"{np.isfinite(prob).sum():,} finite, mean {np.nanmean(prob):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    bench_score_groups(rng)
    bench_market(rng)


if __name__ == "__main__":
    main()
