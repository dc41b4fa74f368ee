"""Market-implied probabilities: what the market itself said when a claim was made.

For every claim, from data available on made_on only: the trailing year's
realized volatility and the close that day, fed to the driftless-GBM formulas
in `ledger.scoring.market_implied` (for ratios and outperformance, both legs'
volatilities and their correlation, `ledger.scoring.two_assets`). Computed
once and stored on the claim, so scores never depend on when they are
computed; `forecast baseline --recompute` refreshes them (after a data
correction, say).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ledger.claims.model import Claim, ClaimKind, RelativeLevel
from ledger.claims.pairs import legs_of
from ledger.market.source import PriceSource
from ledger.price_cache import fetch_missing, missing_range
from ledger.rules import LegData, unjudgeable
from ledger.rules.calendar import day_numbers
from ledger.rules.judge import ClaimColumns
from ledger.scoring.market_implied import (
    MIN_RETURNS,
    VOL_WINDOW_DAYS,
    lognormal_obstacle,
    market_probabilities,
    realized_volatility_many,
    window_start_years,
    year_fraction,
)
from ledger.scoring.two_assets import outperformance_probabilities, pair_volatility_many
from ledger.store.baselines import (
    Baseline,
    BaselineClaim,
    claims_needing_baseline,
    store_baselines,
)
from ledger.store.prices import (
    cached_ranges,
    load_symbol_bars,
    record_coverage,
    store_bars,
    store_gaps,
)
from ledger.store.resolving import load_splits, store_splits


@dataclass
class BaselineSummary:
    claims: int = 0
    computed: int = 0
    without: int = 0
    skipped_symbols: dict[str, str] = field(default_factory=dict)
    requests: int = 0

    def to_json(self) -> dict:
        return {
            "claims": self.claims,
            "computed": self.computed,
            "without_baseline": self.without,
            "skipped_symbols": dict(sorted(self.skipped_symbols.items())),
            "requests": self.requests,
        }


def set_aside_unjudgeable(
    by_symbol: dict[str, list[BaselineClaim]], checked: Collection[int] = ()
) -> list[Baseline]:
    """Take the claims whose stored values no computation can use out of `by_symbol`.

    A made_on in year 1 cannot have a year of history subtracted from it, an
    infinite level has no probability; such a claim gets a baseline of None
    with the reason as its note, and every other claim is computed as usual.
    `checked`: ids the caller already found judgeable from the same stored row
    (the resolver checks its claims first), not checked twice.
    """
    set_aside: list[Baseline] = []
    for symbol in list(by_symbol):
        kept = []
        for claim in by_symbol[symbol]:
            if claim.id in checked:
                kept.append(claim)
                continue
            why = unjudgeable(
                Claim(
                    symbol=claim.symbol,
                    asset=claim.symbol,
                    kind=claim.kind,
                    level=claim.level,
                    made_on=claim.made_on,
                    window_start=claim.window_start,
                    deadline=claim.deadline,
                    relative=claim.relative,
                    versus_symbol=claim.versus_symbol,
                    margin=claim.margin,
                    upper=claim.upper,
                )
            )
            if why is None:
                kept.append(claim)
            else:
                set_aside.append(Baseline(claim.id, None, None, None, f"invalid claim: {why}"))
        if kept:
            by_symbol[symbol] = kept
        else:
            del by_symbol[symbol]
    return set_aside


def history_range(claims: Sequence[BaselineClaim]) -> tuple[date, date]:
    """The bars a symbol's baselines need: a year before the earliest call to the latest."""
    made_on = [c.made_on for c in claims]
    # The earliest of (made_on less the window, window_start) over the claims, taken
    # as one subtraction from the earliest made_on: not one date sum per claim.
    first = min(
        min(made_on) - timedelta(days=VOL_WINDOW_DAYS + 1), min(c.window_start for c in claims)
    )
    return first, max(made_on)


def columns_history_range(claims: ClaimColumns, due: np.ndarray) -> tuple[date, date]:
    """`history_range` of the claims held as columns that `due` marks."""
    made_on, window_start = claims.made_on[due], claims.window_start[due]
    first = min(int(made_on.min()) - (VOL_WINDOW_DAYS + 1), int(window_start.min()))
    return _date_of(first), _date_of(int(made_on.max()))


def _date_of(day: int) -> date:
    return date.fromordinal(day + _EPOCH_ORDINAL)


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def compute_baselines(
    engine: Engine,
    source: PriceSource | None,
    *,
    recompute: bool = False,
    today: date | None = None,
    skip: Mapping[str, str] | None = None,
) -> BaselineSummary:
    """Compute and store missing baselines; with `source`, fetch the history the cache lacks.

    Symbols in `skip` (fetch failures) are left for a later run, so a
    network outage never records "no history" for a claim.
    """
    today = today or date.today()
    summary = BaselineSummary()
    with Session(engine) as session:
        by_symbol = claims_needing_baseline(session, recompute=recompute)
    summary.claims = sum(len(c) for c in by_symbol.values())
    invalid = set_aside_unjudgeable(by_symbol)
    if invalid:
        with Session(engine) as session, session.begin():
            store_baselines(session, invalid)
        summary.without += len(invalid)
    legs = {leg for key in by_symbol for leg in legs_of(key)}
    with Session(engine) as session:
        cache = cached_ranges(session, legs)
    skipped = dict(skip or {})
    if source is not None and by_symbol:
        spans: dict[str, tuple[date, date]] = {}
        for key, claims in by_symbol.items():
            first, last = history_range(claims)
            for leg in legs_of(key):
                seen = spans.get(leg, (first, last))
                spans[leg] = (min(first, seen[0]), max(last, seen[1]))
        wanted = {}
        for symbol, (first, last) in spans.items():
            missing = missing_range((first, min(last, today)), cache.get(symbol), today)
            if missing is not None:
                wanted[symbol] = missing
        fetched = fetch_missing(source, wanted)
        summary.requests = fetched.requests
        skipped.update({s: f"{e.code}: {e.message}" for s, e in fetched.errors.items()})
        with Session(engine) as session, session.begin():
            for symbol, bars in fetched.bars.items():
                record_coverage(session, symbol, *wanted[symbol], source.name)
                store_bars(session, {symbol: bars}, source.name)
                gaps = fetched.gaps.get(symbol, {})
                store_gaps(session, symbol, *wanted[symbol], gaps, source.name)
                if len(fetched.splits.get(symbol, ())):
                    store_splits(session, {symbol: fetched.splits[symbol]}, source.name)
    for symbol, claims in sorted(by_symbol.items()):
        failed_legs = [leg for leg in legs_of(symbol) if leg in skipped]
        if failed_legs:
            summary.skipped_symbols[symbol] = skipped[failed_legs[0]]
            continue
        with Session(engine) as session, session.begin():
            first, last = history_range(claims)
            if len(legs_of(symbol)) == 2:
                pair = [
                    LegData(
                        leg,
                        load_symbol_bars(session, leg, first, last),
                        load_splits(session, [leg]).get(leg),
                    )
                    for leg in legs_of(symbol)
                ]
                baselines = pair_baselines_for(claims, pair[0], pair[1])
            else:
                bars = load_symbol_bars(session, symbol, first, last)
                splits = load_splits(session, [symbol]).get(symbol)
                baselines = baselines_for(claims, bars, splits)
            store_baselines(session, baselines)
        summary.computed += sum(b.market_prob is not None for b in baselines)
        summary.without += sum(b.market_prob is None for b in baselines)
    return summary


def baselines_for(
    claims: Sequence[BaselineClaim], bars: pd.DataFrame | None, splits: pd.Series | None
) -> list[Baseline]:
    """The baselines of one symbol's claims, vectorized over the claims."""
    if bars is None or bars.empty:
        return [
            Baseline(c.id, None, None, None, "no price history up to the day the call was made")
            for c in claims
        ]
    values = _market_values(
        [c.kind for c in claims],
        day_numbers([c.made_on for c in claims]),
        day_numbers([c.window_start for c in claims]),
        day_numbers([c.deadline for c in claims]),
        np.array([np.nan if c.level is None else c.level for c in claims], dtype=np.float64),
        np.array([np.nan if c.upper is None else c.upper for c in claims], dtype=np.float64),
        [(i, c.relative) for i, c in enumerate(claims) if c.relative is not None],
        bars,
        splits,
    )
    return [
        Baseline(claim.id, *claim_values)
        for claim, claim_values in zip(claims, zip(*values, strict=True), strict=True)
    ]


def baseline_columns(
    claims: ClaimColumns, bars: pd.DataFrame | None, splits: pd.Series | None
) -> tuple[list, list, list, list]:
    """`baselines_for` of claims held as columns (a stated level each, no relative
    one): their market_prob, sigma, spot and note, a list each (`MARKET_COLUMNS`).

    A run's new claims are mostly such claims, read as columns already
    (`ledger.store.resolving.OpenColumns`): a `BaselineClaim` and a `Baseline`
    per claim cost more than the model itself.
    """
    count = len(claims)
    if bars is None or bars.empty:
        note = "no price history up to the day the call was made"
        return [None] * count, [None] * count, [None] * count, [note] * count
    return _market_values(
        claims.kind,
        claims.made_on,
        claims.window_start,
        claims.deadline,
        np.asarray(claims.level, dtype=np.float64),
        np.asarray(claims.upper, dtype=np.float64),
        [],
        bars,
        splits,
    )


def _market_values(
    kinds: Sequence[str],
    made_on_days: np.ndarray,
    start_days: np.ndarray,
    deadline_days: np.ndarray,
    stated_levels: np.ndarray,
    stated_uppers: np.ndarray,
    relatives: Sequence[tuple[int, RelativeLevel]],
    bars: pd.DataFrame,
    splits: pd.Series | None,
) -> tuple[list, list, list, list]:
    """The baselines' market_prob, sigma, spot and note lists of claims given as
    columns: kinds, day numbers, stated levels and ceilings (NaN: none) and the
    relative levels, by position, which are measured from the spot."""
    count = len(kinds)
    dates = bars.index.to_numpy(dtype="datetime64[D]")
    closes = bars["close"].to_numpy(dtype=np.float64)
    made_on = np.asarray(made_on_days).astype("datetime64[D]")
    window_start = np.asarray(start_days).astype("datetime64[D]")
    deadline = np.asarray(deadline_days).astype("datetime64[D]")
    vol = realized_volatility_many(closes, dates, made_on)
    # Bars are in today's units: a level stated before a later split is divided by it.
    factor = _split_factors(made_on, splits)
    levels = stated_levels / factor
    uppers = stated_uppers / factor
    for i, relative in relatives:
        levels[i] = relative.apply(vol.spot[i]) if np.isfinite(vol.spot[i]) else np.nan
    weight, seen_mean = _average_progress(
        kinds, dates, closes, made_on, window_start, deadline, vol
    )
    probs = market_probabilities(
        kinds,
        vol.spot,
        levels,
        year_fraction(made_on, deadline),
        vol.sigma,
        t_start_years=window_start_years(made_on, window_start),
        realized_weight=weight,
        realized_mean=seen_mean,
        uppers=uppers,
    )
    # Plain Python floats (NaN for "none") from here: one conversion per column,
    # not one numpy scalar per claim and field.
    prob_list, sigma_list, spot_list = _finite_or_none(probs, vol.sigma, vol.spot)
    notes: list[str | None] = [None] * count
    non_positive = (
        vol.non_positive.astype(np.int64)
        if vol.non_positive is not None
        else np.zeros(count, dtype=np.int64)
    )
    # A note (and, for an obstacle, no probability) only where one of these holds:
    # `lognormal_obstacle` can object, or a value is missing. Elsewhere (almost
    # every claim) nothing is done per claim.
    with np.errstate(invalid="ignore"):
        attention = (
            ~(vol.spot > 0.0)
            | (non_positive != 0)
            | (np.isfinite(levels) & ~(levels > 0.0))
            | (np.isfinite(uppers) & ~(uppers > 0.0))
            | ~np.isfinite(np.asarray(vol.sigma, dtype=np.float64))
            | ~np.isfinite(np.asarray(probs, dtype=np.float64))
        )
    level_list, upper_list = _finite_or_none(levels, uppers)
    for i in np.flatnonzero(attention).tolist():
        spot, day = spot_list[i], made_on[i].item()
        obstacle = None
        if spot is not None:
            obstacle = lognormal_obstacle(spot, level_list[i], upper_list[i], int(non_positive[i]))
        if obstacle is not None:
            prob_list[i], sigma_list[i], notes[i] = None, None, obstacle
        elif spot is None:
            notes[i] = f"no close on or before {day} in the price history"
        elif sigma_list[i] is None:
            notes[i] = (
                f"only {int(vol.n_returns[i])} daily returns in the year before {day}; "
                f"at least {MIN_RETURNS} are needed for a volatility"
            )
        elif prob_list[i] is None:
            notes[i] = "the claim's level is unknown"
    return prob_list, sigma_list, spot_list, notes


def _finite_or_none(*columns: np.ndarray) -> list[list[float | None]]:
    """Each column as a list of floats, None where the value is not finite."""
    out = []
    for column in columns:
        values = np.asarray(column, dtype=np.float64)
        finite = np.isfinite(values)
        listed = values.tolist()
        if not finite.all():
            for i in np.flatnonzero(~finite).tolist():
                listed[i] = None
        out.append(listed)
    return out


def _split_factors(made_on: np.ndarray, splits: pd.Series | None) -> np.ndarray:
    if splits is None or len(splits) == 0:
        return np.ones(made_on.size)
    split_days = splits.index.to_numpy(dtype="datetime64[D]")
    ratios = splits.to_numpy(dtype=np.float64)
    # product of ratios of splits strictly after each made_on
    suffix = np.concatenate((np.cumprod(ratios[::-1])[::-1], [1.0]))
    return suffix[np.searchsorted(split_days, made_on, side="right")]


def _average_progress(kinds, dates, closes, made_on, window_start, deadline, vol):
    """For average claims made inside their period: the share already seen and its mean."""
    weight = np.zeros(len(kinds))
    seen_mean = np.full(len(kinds), np.nan)
    # A run's 100k claims hold a handful of kinds: each is asked once, and the
    # claims are picked by array (a numpy scalar comparison per claim cost more
    # than the rest of this function on a run without average claims).
    averages = {kind for kind in set(kinds) if kind.startswith("average")}
    if not averages:
        return weight, seen_mean
    picked = np.fromiter(map(averages.__contains__, kinds), bool, len(kinds))
    inside = np.flatnonzero(picked & ~(window_start > made_on)).tolist()
    for i in inside:
        lo = np.searchsorted(dates, window_start[i], side="left")
        hi = np.searchsorted(dates, made_on[i], side="right")
        seen = hi - lo
        if seen <= 0 or not np.isfinite(vol.periods_per_year[i]):
            continue
        remaining = (deadline[i] - made_on[i]).astype(np.float64) * vol.periods_per_year[i] / 365.25
        weight[i] = seen / (seen + remaining)
        seen_mean[i] = float(np.mean(closes[lo:hi]))
    return weight, seen_mean


def pair_baselines_for(
    claims: Sequence[BaselineClaim], first: LegData, second: LegData
) -> list[Baseline]:
    """The baselines of the claims under one ratio or pair key, vectorized over the claims.

    Ratio claims (level kinds on "A/B") use the ratio's volatility and the
    drift of a ratio of two martingales; outperformance claims the two-leg
    integral over the window from the reference day (a forward start only
    shortens it). The stored sigma is the ratio's, sqrt(s_A^2 + s_B^2 -
    2 rho s_A s_B); the spot is the ratio of the made_on closes.
    """
    missing = [leg.symbol for leg in (first, second) if leg.bars is None or leg.bars.empty]
    if missing:
        note = f"no price history for {' and '.join(missing)} up to the day the call was made"
        return [Baseline(c.id, None, None, None, note) for c in claims]
    made_on = day_numbers([c.made_on for c in claims]).astype("datetime64[D]")
    window_start = day_numbers([c.window_start for c in claims]).astype("datetime64[D]")
    deadline = day_numbers([c.deadline for c in claims]).astype("datetime64[D]")
    vol = pair_volatility_many(
        first.bars.index.to_numpy(dtype="datetime64[D]"),
        first.bars["close"].to_numpy(dtype=np.float64),
        second.bars.index.to_numpy(dtype="datetime64[D]"),
        second.bars["close"].to_numpy(dtype=np.float64),
        made_on,
    )
    ratio_spot = vol.spot_a / vol.spot_b
    is_outperform = np.array([c.kind is ClaimKind.OUTPERFORM for c in claims])
    probs = np.full(len(claims), np.nan)
    if is_outperform.any():
        reference_day = window_start - np.timedelta64(1, "D")
        tau = year_fraction(np.maximum(made_on, reference_day), deadline)
        margin = np.array([c.margin or 0.0 for c in claims], dtype=np.float64)
        rows = is_outperform
        probs[rows] = outperformance_probabilities(
            vol.sigma_a[rows], vol.sigma_b[rows], vol.rho[rows], tau[rows], margin[rows]
        )
    ratio_rows = ~is_outperform
    if ratio_rows.any():
        # Bars are in today's units: a later split of the numerator divides a stated
        # ratio level, one of the denominator multiplies it.
        factor = _split_factors(made_on, first.splits) / _split_factors(made_on, second.splits)
        levels = (
            np.array([np.nan if c.level is None else c.level for c in claims], dtype=np.float64)
            / factor
        )
        for i, claim in enumerate(claims):
            if claim.relative is not None:
                spot = ratio_spot[i]
                levels[i] = claim.relative.apply(spot) if np.isfinite(spot) else np.nan
        kinds = [c.kind for c in claims]
        probs[ratio_rows] = market_probabilities(
            [k for k, keep in zip(kinds, ratio_rows, strict=True) if keep],
            ratio_spot[ratio_rows],
            levels[ratio_rows],
            year_fraction(made_on, deadline)[ratio_rows],
            vol.ratio_sigma[ratio_rows],
            t_start_years=window_start_years(made_on, window_start)[ratio_rows],
            log_drift=vol.ratio_drift[ratio_rows],
        )
    out = []
    for i, claim in enumerate(claims):
        prob = float(probs[i]) if np.isfinite(probs[i]) else None
        sigma = float(vol.ratio_sigma[i]) if np.isfinite(vol.ratio_sigma[i]) else None
        spot = None
        if not is_outperform[i] and np.isfinite(ratio_spot[i]):
            spot = float(ratio_spot[i])
        note = None
        if not (np.isfinite(vol.spot_a[i]) and np.isfinite(vol.spot_b[i])):
            note = f"no close of both assets on or before {claim.made_on} in the price history"
        elif sigma is None:
            note = (
                f"not enough history in the year before {claim.made_on} for both volatilities"
                f" and their correlation ({int(vol.n_common[i])} common daily returns; at least"
                f" {MIN_RETURNS} are needed)"
            )
        elif prob is None and claim.kind.family == "average":
            note = "no market probability for a ratio's average (a ratio is not a martingale)"
        elif prob is None:
            note = "the claim's level is unknown"
        out.append(Baseline(claim.id, prob, sigma, spot, note))
    return out
