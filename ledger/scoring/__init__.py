"""Scoring: proper scores, calibration, market-implied baselines and scoreboards.

Pure functions on numpy arrays: nothing here opens a database, calls the
network or knows about the CLI. The store hands over columns (group label,
status, probability, market probability), and gets back frozen dataclasses
whose `to_dict()` is JSON-safe.
"""

from __future__ import annotations

from ledger.scoring.aggregate import (
    GroupScore,
    StatusCode,
    hand_changed_status,
    score_groups,
    scores_to_dicts,
    status_codes,
)
from ledger.scoring.calibration import (
    CalibrationBin,
    CalibrationReport,
    MurphyDecomposition,
    calibration_table,
    murphy_decomposition,
    spiegelhalter_z_test,
)
from ledger.scoring.edge import (
    EXACT_MAX_N,
    poisson_binomial_pmf,
    poisson_binomial_sf,
    refined_normal_sf,
)
from ledger.scoring.intervals import jeffreys_bounds, jeffreys_interval
from ledger.scoring.market_implied import (
    VolatilityArrays,
    VolatilityEstimate,
    kind_codes,
    market_probabilities,
    market_probability,
    realized_volatility,
    realized_volatility_many,
    window_start_years,
    year_fraction,
)
from ledger.scoring.proper import (
    LOG_SCORE_CLIP,
    brier_scores,
    log_scores,
    mean_brier,
    mean_log_score,
)
from ledger.scoring.shrinkage import BetaPrior, fit_beta_prior, shrunk_rates
from ledger.scoring.two_assets import (
    PairVolatility,
    outperformance_probabilities,
    pair_volatility_many,
)

__all__ = [
    "EXACT_MAX_N",
    "LOG_SCORE_CLIP",
    "BetaPrior",
    "CalibrationBin",
    "CalibrationReport",
    "GroupScore",
    "MurphyDecomposition",
    "PairVolatility",
    "StatusCode",
    "VolatilityArrays",
    "VolatilityEstimate",
    "brier_scores",
    "calibration_table",
    "fit_beta_prior",
    "hand_changed_status",
    "jeffreys_bounds",
    "jeffreys_interval",
    "kind_codes",
    "log_scores",
    "market_probabilities",
    "market_probability",
    "mean_brier",
    "mean_log_score",
    "murphy_decomposition",
    "outperformance_probabilities",
    "pair_volatility_many",
    "poisson_binomial_pmf",
    "poisson_binomial_sf",
    "realized_volatility",
    "realized_volatility_many",
    "refined_normal_sf",
    "score_groups",
    "scores_to_dicts",
    "shrunk_rates",
    "spiegelhalter_z_test",
    "status_codes",
    "window_start_years",
    "year_fraction",
]
