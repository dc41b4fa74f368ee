"""Time the two-asset paths on 100,000 claims of one pair: the outperformance rule,
a ratio's bars and `resolve_many` on them, and the two-asset market probabilities.

Gold-like bars on weekdays and bitcoin-like bars every day, ten years each;
random claims over eight years with margins of 0 to 20 points. Building the
data is not timed.

Run: .venv/bin/python bench/bench_relative.py [--claims 100000]
Figures go to stdout; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from ledger.claims.model import Claim, ClaimKind
from ledger.rules import LegData, ratio_bars, resolve_many, resolve_outperformance
from ledger.scoring import outperformance_probabilities, pair_volatility_many


def walk(days: pd.DatetimeIndex, start: float, rng: np.random.Generator) -> pd.DataFrame:
    close = start * np.exp(np.cumsum(rng.normal(0, 0.01, len(days))))
    return pd.DataFrame(
        {"open": close, "high": close, "low": close, "close": close, "volume": np.nan},
        index=pd.DatetimeIndex(days, name="date"),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    n = parser.parse_args().claims
    rng = np.random.default_rng(0)
    gold = walk(pd.bdate_range("2016-01-01", "2026-06-30"), 1500.0, rng)
    btc = walk(pd.date_range("2016-01-01", "2026-06-30"), 500.0, rng)
    made = [date(2017, 1, 1) + timedelta(days=int(d)) for d in rng.integers(0, 3000, n)]
    lengths = rng.integers(30, 700, n).tolist()
    margins = rng.integers(0, 20, n).astype(float).tolist()
    claims = [
        Claim(
            symbol="GC=F",
            asset="gold",
            kind=ClaimKind.OUTPERFORM,
            level=None,
            made_on=m,
            window_start=m + timedelta(days=1),
            deadline=m + timedelta(days=length),
            reference_price=1500.0,
            versus_symbol="BTC-USD",
            versus_asset="bitcoin",
            versus_reference_price=500.0,
            margin=margin,
        )
        for m, length, margin in zip(made, lengths, margins, strict=True)
    ]
    ratios = [
        Claim(
            symbol="GC=F/BTC-USD",
            asset="gold/bitcoin ratio",
            kind=ClaimKind.TOUCH_BELOW,
            level=1.0,
            made_on=c.made_on,
            window_start=c.window_start,
            deadline=c.deadline,
        )
        for c in claims
    ]
    as_of = date(2026, 6, 30)

    start = time.perf_counter()
    resolve_outperformance(claims, LegData("GC=F", gold), LegData("BTC-USD", btc), as_of)
    print(f"resolve_outperformance, {n:,} claims: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    resolve_many(ratios, ratio_bars(gold, btc), as_of)
    print(f"ratio_bars + resolve_many, {n:,} claims: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    vol = pair_volatility_many(
        gold.index.to_numpy(),
        gold["close"].to_numpy(),
        btc.index.to_numpy(),
        btc["close"].to_numpy(),
        np.array(made, dtype="datetime64[D]"),
    )
    outperformance_probabilities(
        vol.sigma_a, vol.sigma_b, vol.rho, np.array(lengths) / 365.25, np.array(margins)
    )
    print(
        f"pair volatility + outperformance probabilities, {n:,} claims:"
        f" {time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main()
