"""Time `resolve_many` on a synthetic ledger: many symbols, ten years of bars each.

100,000 claims over 200 symbols with 2,600 daily bars each, one `resolve_many`
call per symbol as the resolver makes them; target well under 3 s. Builds
random-walk bars (weekdays only, a 2-for-1 split on every tenth symbol) and
random claims of every kind; building the data is not timed.

Run: .venv/bin/python bench/bench_rules.py [--symbols 200] [--claims 500] [--bars 2600]
Figures go to stdout; nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from ledger.claims.model import Claim, ClaimKind
from ledger.rules import resolve_many

FIRST_DAY = date(2016, 1, 4)


def make_bars(rng: np.random.Generator, count: int) -> pd.DataFrame:
    """Weekday bars of a random walk around 100."""
    index = pd.bdate_range(FIRST_DAY, periods=count, name="date")
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.02, count)))
    spread = np.abs(rng.normal(0.0, 0.01, count)) * close
    return pd.DataFrame(
        {
            "open": close,
            "high": close + spread,
            "low": close - spread,
            "close": close,
            "volume": np.nan,
        },
        index=index,
    )


def make_claims(
    rng: np.random.Generator, bars: pd.DataFrame, count: int, symbol: str
) -> list[Claim]:
    """Claims of every kind, made on random days, with levels within 30% of the close."""
    kinds = list(ClaimKind)
    days = bars.index.date
    closes = bars["close"].to_numpy()
    claims = []
    for _ in range(count):
        made = int(rng.integers(0, len(days) - 1))
        made_on = days[made]
        kind = kinds[int(rng.integers(0, len(kinds)))]
        deadline = made_on + timedelta(days=int(rng.integers(7, 400)))
        start = made_on + timedelta(days=1)
        if kind.family == "average":
            start = made_on - timedelta(days=int(rng.integers(0, 30)))
        level = float(closes[made] * rng.uniform(0.7, 1.3))
        claims.append(Claim(symbol, symbol, kind, level, made_on, start, deadline))
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=200)
    parser.add_argument("--claims", type=int, default=500, help="claims per symbol")
    parser.add_argument("--bars", type=int, default=2600, help="bars per symbol")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    rng = np.random.default_rng(20260101)
    ledger = []
    for number in range(args.symbols):
        bars = make_bars(rng, args.bars)
        splits = None
        if number % 10 == 0:
            splits = pd.Series([2.0], index=pd.DatetimeIndex([bars.index[len(bars) // 2]]))
        ledger.append((make_claims(rng, bars, args.claims, f"S{number}"), bars, splits))
    as_of = ledger[0][1].index[-1].date()

    total = args.symbols * args.claims
    best = float("inf")
    for _ in range(args.repeat):
        began = time.perf_counter()
        verdicts = [resolve_many(claims, bars, as_of, splits) for claims, bars, splits in ledger]
        best = min(best, time.perf_counter() - began)
    decided = sum(v.outcome is not None for per_symbol in verdicts for v in per_symbol)
    print(
        f"{total:,} claims over {args.symbols} symbols x {args.bars:,} bars: "
        f"best of {args.repeat} {best:.3f} s ({best / total * 1e6:.1f} us/claim), "
        f"{decided:,} decided"
    )


if __name__ == "__main__":
    main()
