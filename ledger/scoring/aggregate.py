"""Per-group scoreboards: every statistic for every source (or asset, tag, year...).

One call scores all groups together, vectorized over claims with bincount and
one sort, because a ledger of a million claims by a thousand sources must
score in about a second; only the exact Poisson-binomial tail loops, once per
group, over a few block convolutions.

Which claims count where:

* counts (claims, open, resolved, true, false, void, vague) use every claim;
  a vague call (one no price can settle) is counted and never scored, and
  `vagueness_rate` is the share of a group's non-void calls that were vague:
  a pundit who never commits to a level shows it;
* "scored" claims are those resolved true or false that the caller's
  `scored_mask` admits (for example: deadline passed, not disputed). A void
  or open claim is never scored, whatever the mask says. Hit rate, shrinkage,
  calibration, skill and edge use scored claims only;
* probability statistics (Brier, log score, Murphy, Spiegelhalter,
  calibration) use scored claims with a stated probability; edge and boldness
  use scored claims with a market-implied probability; skill against the
  market uses scored claims that have both, so the two are judged on the same
  claims.

A statistic that does not apply (no scored claims, no probabilities, a
skill score against a market that was never wrong) is None, never NaN and
never a stand-in number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import IntEnum

import numpy as np
from numpy.typing import ArrayLike

from ledger.claims.model import Status
from ledger.scoring._arrays import as_probabilities, factorize, optional_float, plain
from ledger.scoring.calibration import DEFAULT_BINS, CalibrationBin, bin_index
from ledger.scoring.edge import EXACT_MAX_N, poisson_binomial_sf_grouped
from ledger.scoring.intervals import DEFAULT_LEVEL, jeffreys_bounds
from ledger.scoring.normal import normal_cdf
from ledger.scoring.proper import LOG_SCORE_CLIP, clipped_log_scores
from ledger.scoring.shrinkage import BetaPrior, fit_beta_prior, shrunk_rates


class StatusCode(IntEnum):
    """The integer form of a claim's Status in the arrays given to `score_groups`."""

    OPEN = 0
    TRUE = 1
    FALSE = 2
    VOID = 3
    VAGUE = 4


_STATUS_CODE = {
    Status.OPEN: StatusCode.OPEN,
    Status.TRUE: StatusCode.TRUE,
    Status.FALSE: StatusCode.FALSE,
    Status.VOID: StatusCode.VOID,
    Status.VAGUE: StatusCode.VAGUE,
}
_N_STATUS = len(StatusCode)


def status_codes(statuses: ArrayLike) -> np.ndarray:
    """StatusCode integers from Status members, their string values, or integer codes."""
    values = np.asarray(statuses)
    if values.dtype.kind in "iu":
        if values.size and (values.min() < 0 or values.max() >= _N_STATUS):
            raise ValueError("status codes must lie in 0..4 (open, true, false, void, vague)")
        return values.astype(np.int64)
    codes, uniques = factorize(np.asarray(values, dtype=object))
    try:
        mapping = np.array([_STATUS_CODE[Status(str(value))] for value in uniques], dtype=np.int64)
    except ValueError as error:
        raise ValueError(f"unknown status: {error}") from error
    return mapping[codes].reshape(values.shape) if mapping.size else codes.astype(np.int64)


@dataclass(frozen=True)
class GroupScore:
    """All statistics of one group; field names are the JSON keys.

    Counts: `claims` = `open` + `resolved` + `vague`, `resolved` = `true` +
    `false` + `void`, over every claim; `vagueness_rate` = `vague` / (`claims`
    - `void`), None for a group with no non-void claim. `scored` claims are the true/false ones the
    caller's mask admits and `hits` are the true ones among them; `with_prob`,
    `with_market_prob` and `with_both` count the scored claims that carry a
    stated probability, a market-implied one, or both.
    `voided_after_resolution` and `manual_overrides` count the claims whose
    verdict a hand changed (see ledger.rules.overrides), however they are scored.
    `logged_late` counts the decided (true/false) claims the caller flagged as
    logged late, among those its mask admits before any late exclusion.

    Probabilities and rates are in [0, 1]; `hit_rate_ci` is the 90% Jeffreys
    interval; `log_score` is a mean in nats (higher is better, 0 is perfect);
    `log_gain_bits` is the mean log-score advantage over the market in bits
    per claim; `edge` is hits minus the hits the market-implied probabilities
    predicted (`expected_hits`), and `edge_p_value` is P(at least this many
    hits) under those probabilities, computed by `edge_p_method`.
    """

    group: object
    claims: int
    open: int
    resolved: int
    scored: int
    true: int
    false: int
    void: int
    vague: int
    vagueness_rate: float | None
    voided_after_resolution: int
    manual_overrides: int
    logged_late: int
    hits: int
    hit_rate: float | None
    hit_rate_ci: tuple[float, float] | None
    shrunk_hit_rate: float | None
    with_market_prob: int
    market_prob_mean: float | None
    expected_hits: float | None
    edge: float | None
    edge_p_value: float | None
    edge_p_method: str | None
    with_prob: int
    brier: float | None
    log_score: float | None
    reliability: float | None
    resolution: float | None
    uncertainty: float | None
    spiegelhalter_z: float | None
    spiegelhalter_p: float | None
    with_both: int
    brier_market: float | None
    brier_skill_vs_market: float | None
    log_gain_bits: float | None
    calibration: tuple[CalibrationBin, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON-safe values only: plain ints, floats, strings, lists and None."""
        out: dict[str, object] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name == "calibration":
                out[spec.name] = [row.to_dict() for row in value]
            elif isinstance(value, tuple):
                out[spec.name] = list(value)
            else:
                out[spec.name] = plain(value)
        return out


@dataclass(frozen=True)
class _ForecastStats:
    """Per-group sums and statistics over scored claims with a stated probability."""

    count: np.ndarray
    brier: np.ndarray
    log_score: np.ndarray
    reliability: np.ndarray
    resolution: np.ndarray
    uncertainty: np.ndarray
    spiegelhalter_z: np.ndarray
    spiegelhalter_p: np.ndarray
    calibration: list[list[CalibrationBin]]


def score_groups(
    groups: ArrayLike,
    status: ArrayLike,
    scored_mask: ArrayLike | None = None,
    prob: ArrayLike | None = None,
    market_prob: ArrayLike | None = None,
    *,
    bins: int = DEFAULT_BINS,
    level: float = DEFAULT_LEVEL,
    exact_max_n: int = EXACT_MAX_N,
    prior: BetaPrior | None = None,
    withdrawn: ArrayLike | None = None,
    overridden: ArrayLike | None = None,
    logged_late: ArrayLike | None = None,
) -> list[GroupScore]:
    """Score every group; one GroupScore per distinct label, sorted by label.

    groups: a label per claim (source name, asset, year...). status: StatusCode
    integers or Status values. scored_mask: which resolved claims enter the
    hit rate and the scores (default: all true/false claims). prob, market_prob:
    stated and market-implied probabilities, NaN where there is none. bins:
    calibration table bins; level: Jeffreys interval level. prior: the beta
    prior for shrinkage, fitted across these groups when not given.
    withdrawn, overridden: a flag per claim, counted per group (claims voided
    after they resolved; manual overrides); they change no score (the caller
    decides how such claims are scored: `hand_changed_status`). logged_late:
    a flag per claim, counted per group among true/false claims; the caller
    passes it already limited to the claims it would score, and leaves them
    out of `scored_mask` itself when late claims are excluded.
    """
    code_status = status_codes(status).ravel()
    n = code_status.size
    labels = _as_labels(groups)
    if labels.size != n:
        raise ValueError(f"groups has {labels.size} entries, status has {n}")
    if n == 0:
        return []
    codes, uniques = _factorize(labels)
    n_groups = len(uniques)

    counts = np.bincount(codes * _N_STATUS + code_status, minlength=_N_STATUS * n_groups).reshape(
        n_groups, _N_STATUS
    )
    outcome = (code_status == StatusCode.TRUE).astype(np.float64)
    scored = (code_status == StatusCode.TRUE) | (code_status == StatusCode.FALSE)
    if scored_mask is not None:
        mask = np.asarray(scored_mask, dtype=bool).ravel()
        if mask.size != n:
            raise ValueError(f"scored_mask has {mask.size} entries, status has {n}")
        scored &= mask
    n_withdrawn = np.bincount(codes[_optional_flags(withdrawn, n, "withdrawn")], minlength=n_groups)
    n_overridden = np.bincount(
        codes[_optional_flags(overridden, n, "overridden")], minlength=n_groups
    )
    decided = (code_status == StatusCode.TRUE) | (code_status == StatusCode.FALSE)
    n_late = np.bincount(
        codes[_optional_flags(logged_late, n, "logged_late") & decided], minlength=n_groups
    )
    stated = _optional_probabilities(prob, n, "prob")
    market = _optional_probabilities(market_prob, n, "market_prob")

    n_scored = np.bincount(codes[scored], minlength=n_groups)
    hits = np.bincount(codes[scored], weights=outcome[scored], minlength=n_groups)
    ci_low, ci_high = jeffreys_bounds(hits, n_scored, level)
    shrunk = shrunk_rates(hits, n_scored, prior or fit_beta_prior(hits, n_scored))

    has_prob = scored & np.isfinite(stated)
    forecast = _forecast_stats(
        codes[has_prob], stated[has_prob], outcome[has_prob], n_groups, bins, level
    )

    has_market = scored & np.isfinite(market)
    market_codes = codes[has_market]
    n_market = np.bincount(market_codes, minlength=n_groups)
    expected = np.bincount(market_codes, weights=market[has_market], minlength=n_groups)
    market_hits = np.bincount(market_codes, weights=outcome[has_market], minlength=n_groups)
    p_value, exact = poisson_binomial_sf_grouped(
        market_codes, market[has_market], market_hits, n_groups, exact_max_n
    )

    both = has_prob & np.isfinite(market)
    both_codes = codes[both]
    n_both = np.bincount(both_codes, minlength=n_groups)
    o_both = outcome[both]
    brier_own = np.bincount(both_codes, weights=(stated[both] - o_both) ** 2, minlength=n_groups)
    brier_market = np.bincount(both_codes, weights=(market[both] - o_both) ** 2, minlength=n_groups)
    log_gain = np.bincount(
        both_codes,
        weights=clipped_log_scores(stated[both], o_both) - clipped_log_scores(market[both], o_both),
        minlength=n_groups,
    )

    with np.errstate(divide="ignore", invalid="ignore"):
        hit_rate = hits / n_scored
        market_mean = expected / n_market
        brier_market_mean = brier_market / n_both
        skill = np.where(brier_market > 0.0, 1.0 - brier_own / brier_market, np.nan)
        gain_bits = log_gain / n_both / np.log(2.0)

    # Every array as a list of Python numbers first: the loop below then reads
    # plain floats and ints (the same values) instead of a numpy scalar per field.
    n_claims = counts.sum(axis=1)
    n_resolved = counts[:, StatusCode.TRUE : StatusCode.VOID + 1].sum(axis=1)
    non_void = n_claims - counts[:, StatusCode.VOID]
    count_of = {code: counts[:, code].tolist() for code in StatusCode}
    columns = [
        array.tolist()
        for array in (
            n_claims,
            n_resolved,
            non_void,
            n_scored,
            n_withdrawn,
            n_overridden,
            n_late,
            hits,
            hit_rate,
            ci_low,
            ci_high,
            shrunk,
            n_market,
            market_mean,
            expected,
            market_hits - expected,
            p_value,
            exact,
            forecast.count,
            forecast.brier,
            forecast.log_score,
            forecast.reliability,
            forecast.resolution,
            forecast.uncertainty,
            forecast.spiegelhalter_z,
            forecast.spiegelhalter_p,
            n_both,
            brier_market_mean,
            skill,
            gain_bits,
        )
    ]
    scores = []
    for g, row in enumerate(zip(*columns, strict=True)):
        (
            claims_g,
            resolved_g,
            non_void_g,
            scored_g,
            withdrawn_g,
            overridden_g,
            late_g,
            hits_g,
            hit_rate_g,
            low_g,
            high_g,
            shrunk_g,
            market_n_g,
            market_mean_g,
            expected_g,
            edge_g,
            p_value_g,
            exact_g,
            with_prob_g,
            brier_g,
            log_score_g,
            reliability_g,
            resolution_g,
            uncertainty_g,
            z_g,
            p_g,
            both_g,
            brier_market_g,
            skill_g,
            gain_g,
        ) = row
        has_market_g = market_n_g > 0
        has_both = both_g > 0
        vague_g = count_of[StatusCode.VAGUE][g]
        scores.append(
            GroupScore(
                group=plain(uniques[g]),
                claims=int(claims_g),
                open=int(count_of[StatusCode.OPEN][g]),
                resolved=int(resolved_g),
                scored=int(scored_g),
                true=int(count_of[StatusCode.TRUE][g]),
                false=int(count_of[StatusCode.FALSE][g]),
                void=int(count_of[StatusCode.VOID][g]),
                vague=int(vague_g),
                vagueness_rate=_share(vague_g, non_void_g),
                voided_after_resolution=int(withdrawn_g),
                manual_overrides=int(overridden_g),
                logged_late=int(late_g),
                hits=int(hits_g),
                hit_rate=optional_float(hit_rate_g),
                hit_rate_ci=(float(low_g), float(high_g)) if scored_g > 0 else None,
                shrunk_hit_rate=optional_float(shrunk_g),
                with_market_prob=int(market_n_g),
                market_prob_mean=optional_float(market_mean_g),
                expected_hits=float(expected_g) if has_market_g else None,
                edge=float(edge_g) if has_market_g else None,
                edge_p_value=optional_float(p_value_g) if has_market_g else None,
                edge_p_method=(
                    ("exact" if exact_g else "refined_normal") if has_market_g else None
                ),
                with_prob=int(with_prob_g),
                brier=optional_float(brier_g),
                log_score=optional_float(log_score_g),
                reliability=optional_float(reliability_g),
                resolution=optional_float(resolution_g),
                uncertainty=optional_float(uncertainty_g),
                spiegelhalter_z=optional_float(z_g),
                spiegelhalter_p=optional_float(p_g),
                with_both=int(both_g),
                brier_market=optional_float(brier_market_g) if has_both else None,
                brier_skill_vs_market=optional_float(skill_g) if has_both else None,
                log_gain_bits=optional_float(gain_g) if has_both else None,
                calibration=tuple(forecast.calibration[g]),
            )
        )
    return scores


def _share(part: int, whole: int) -> float | None:
    return float(part / whole) if whole > 0 else None


def scores_to_dicts(scores: Sequence[GroupScore]) -> list[dict[str, object]]:
    """The JSON-safe form of a scoreboard."""
    return [score.to_dict() for score in scores]


def _as_labels(groups: ArrayLike) -> np.ndarray:
    """A 1-D array of labels; a plain sequence keeps each label's own type.

    (np.asarray on a mixed list would turn 2024 and "2024" into the same string.)
    """
    if isinstance(groups, np.ndarray) or hasattr(groups, "to_numpy"):  # arrays, pandas
        labels = np.asarray(groups).ravel()
        return labels.astype(object) if labels.dtype.kind in "US" else labels
    items = list(groups)  # type: ignore[arg-type]
    labels = np.empty(len(items), dtype=object)
    labels[:] = items
    return labels


def _factorize(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and the distinct labels, sorted when the labels can be ordered."""
    if labels.dtype == object and all(type(label) is str for label in labels.tolist()):
        # The common case (source names, assets, tags, years as text), without
        # pandas: codes in first-seen order, then renumbered in sorted order,
        # which is what pandas.factorize(sort=True) gives for strings.
        codes, seen = factorize(labels)
        order = sorted(range(len(seen)), key=seen.__getitem__)
        rank = np.empty(len(seen), dtype=np.int64)
        rank[order] = np.arange(len(seen), dtype=np.int64)
        uniques = np.empty(len(seen), dtype=object)
        uniques[:] = [seen[i] for i in order]
        return rank[codes], uniques
    import pandas as pd  # mixed or numeric labels: pandas' rules for None, NaN and order

    try:
        codes, uniques = pd.factorize(labels, sort=True, use_na_sentinel=False)
    except TypeError:  # mixed label types that do not compare: keep first-seen order
        codes, uniques = pd.factorize(labels, sort=False, use_na_sentinel=False)
    uniques = np.asarray(uniques, dtype=object)
    # pandas reads a None label as NaN; give it back as None, which JSON can carry.
    missing = np.array([value is None or value != value for value in uniques], dtype=bool)
    uniques[missing] = None
    return np.asarray(codes, dtype=np.int64), uniques


def hand_changed_status(
    status: ArrayLike,
    withdrawn: ArrayLike,
    overridden: ArrayLike,
    data_status: ArrayLike,
    *,
    data_verdicts: bool = False,
    exclude_overrides: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """(StatusCode per claim, which claims may be scored) under a rule for hand changes.

    By default claims are scored by their current status (a claim voided
    after it resolved is void, an override counts as recorded). With
    `data_verdicts`, withdrawn and overridden claims take `data_status`, the
    verdict the price data gave them (open where the data never judged
    one). With `exclude_overrides`, overridden claims are left out of the
    scores (still counted). The mask is for `score_groups`' scored_mask, to
    be combined with the caller's own.
    """
    codes = status_codes(status).ravel()
    changed_withdrawn = np.asarray(withdrawn, dtype=bool).ravel()
    changed_overridden = np.asarray(overridden, dtype=bool).ravel()
    if data_verdicts:
        changed = changed_withdrawn | changed_overridden
        if changed.any():
            judged = status_codes(np.asarray(data_status, dtype=object).ravel()[changed])
            codes = codes.copy()
            codes[changed] = judged
    keep = ~changed_overridden if exclude_overrides else np.ones(codes.size, dtype=bool)
    return codes, keep


def _optional_flags(values: ArrayLike | None, n: int, name: str) -> np.ndarray:
    if values is None:
        return np.zeros(n, dtype=bool)
    flags = np.asarray(values, dtype=bool).ravel()
    if flags.size != n:
        raise ValueError(f"{name} has {flags.size} entries, status has {n}")
    return flags


def _optional_probabilities(values: ArrayLike | None, n: int, name: str) -> np.ndarray:
    if values is None:
        return np.full(n, np.nan)
    p = as_probabilities(values, name, allow_nan=True)
    if p.size != n:
        raise ValueError(f"{name} has {p.size} entries, status has {n}")
    return p


def _forecast_stats(
    codes: np.ndarray,
    prob: np.ndarray,
    outcome: np.ndarray,
    n_groups: int,
    bins: int,
    level: float,
) -> _ForecastStats:
    """Brier, log score, Murphy decomposition, Spiegelhalter and calibration per group."""
    count = np.bincount(codes, minlength=n_groups)
    hits = np.bincount(codes, weights=outcome, minlength=n_groups)
    brier_sum = np.bincount(codes, weights=(prob - outcome) ** 2, minlength=n_groups)
    log_sum = np.bincount(
        codes, weights=clipped_log_scores(prob, outcome, LOG_SCORE_CLIP), minlength=n_groups
    )

    # Murphy cells: one per distinct (group, stated probability).
    order = np.lexsort((prob, codes))
    cell_codes, cell_probs, cell_outcomes = codes[order], prob[order], outcome[order]
    starts = np.ones(cell_codes.size, dtype=bool)
    starts[1:] = (cell_codes[1:] != cell_codes[:-1]) | (cell_probs[1:] != cell_probs[:-1])
    cell = np.cumsum(starts) - 1
    cell_group = cell_codes[starts]
    cell_prob = cell_probs[starts]
    cell_n = np.bincount(cell).astype(np.float64)
    cell_freq = np.bincount(cell, weights=cell_outcomes) / cell_n if cell.size else cell_n

    spiegel_num = np.bincount(
        codes, weights=(outcome - prob) * (1.0 - 2.0 * prob), minlength=n_groups
    )
    spiegel_var = np.bincount(
        codes, weights=(1.0 - 2.0 * prob) ** 2 * prob * (1.0 - prob), minlength=n_groups
    )

    with np.errstate(divide="ignore", invalid="ignore"):
        base_rate = hits / count
        reliability = (
            np.bincount(
                cell_group, weights=cell_n * (cell_prob - cell_freq) ** 2, minlength=n_groups
            )
            / count
        )
        resolution = (
            np.bincount(
                cell_group,
                weights=cell_n * (cell_freq - base_rate[cell_group]) ** 2,
                minlength=n_groups,
            )
            / count
        )
        z = np.where(spiegel_var > 0.0, spiegel_num / np.sqrt(spiegel_var), np.nan)

    return _ForecastStats(
        count=count,
        brier=brier_sum / np.where(count > 0, count, np.nan),
        log_score=log_sum / np.where(count > 0, count, np.nan),
        reliability=reliability,
        resolution=resolution,
        uncertainty=base_rate * (1.0 - base_rate),
        spiegelhalter_z=z,
        spiegelhalter_p=2.0 * normal_cdf(-np.abs(z)),
        calibration=_calibration_per_group(codes, prob, outcome, n_groups, bins, level),
    )


def _calibration_per_group(
    codes: np.ndarray,
    prob: np.ndarray,
    outcome: np.ndarray,
    n_groups: int,
    bins: int,
    level: float,
) -> list[list[CalibrationBin]]:
    """Each group's non-empty calibration bins (same bins as `calibration_table`)."""
    cell = codes * bins + bin_index(prob, bins)
    size = n_groups * bins
    n_cell = np.bincount(cell, minlength=size)
    sum_prob = np.bincount(cell, weights=prob, minlength=size)
    sum_hits = np.bincount(cell, weights=outcome, minlength=size)
    filled = np.flatnonzero(n_cell)
    low, high = jeffreys_bounds(sum_hits[filled], n_cell[filled], level)
    n_filled = n_cell[filled]
    per_group: list[list[CalibrationBin]] = [[] for _ in range(n_groups)]
    for index, n, mean_prob, freq, low_i, high_i in zip(
        filled.tolist(),
        n_filled.tolist(),
        (sum_prob[filled] / n_filled).tolist(),
        (sum_hits[filled] / n_filled).tolist(),
        low.tolist(),
        high.tolist(),
        strict=True,
    ):
        group, position = divmod(index, bins)
        per_group[group].append(
            CalibrationBin(
                low=position / bins,
                high=(position + 1) / bins,
                n=n,
                mean_prob=mean_prob,
                freq=freq,
                freq_ci=(low_i, high_i),
            )
        )
    return per_group
