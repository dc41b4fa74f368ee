"""Scoring: proper scores, calibration, market-implied baselines and scoreboards.

Pure functions on numpy arrays: nothing here opens a database, calls the
network or knows about the CLI. The store hands over columns (group label,
status, probability, market probability), and gets back frozen dataclasses
whose `to_dict()` is JSON-safe.

The names below are loaded on first use (PEP 562): a resolve run needs only
`market_implied`, and importing every scoring module with this package cost
half a second of each run's start. No module imports SciPy at its top
(`gamma`, `incomplete_beta` and `normal` stand in for the functions used);
`market_implied` imports Owen's T from it when a forward-start window needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "EXACT_MAX_N": "ledger.scoring.edge",
    "LOG_SCORE_CLIP": "ledger.scoring.proper",
    "BetaPrior": "ledger.scoring.shrinkage",
    "CalibrationBin": "ledger.scoring.calibration",
    "CalibrationReport": "ledger.scoring.calibration",
    "GroupScore": "ledger.scoring.aggregate",
    "MurphyDecomposition": "ledger.scoring.calibration",
    "PairVolatility": "ledger.scoring.two_assets",
    "StatusCode": "ledger.scoring.aggregate",
    "VolatilityArrays": "ledger.scoring.market_implied",
    "VolatilityEstimate": "ledger.scoring.market_implied",
    "brier_scores": "ledger.scoring.proper",
    "calibration_table": "ledger.scoring.calibration",
    "fit_beta_prior": "ledger.scoring.shrinkage",
    "hand_changed_status": "ledger.scoring.aggregate",
    "jeffreys_bounds": "ledger.scoring.intervals",
    "jeffreys_interval": "ledger.scoring.intervals",
    "kind_codes": "ledger.scoring.market_implied",
    "log_scores": "ledger.scoring.proper",
    "market_probabilities": "ledger.scoring.market_implied",
    "market_probability": "ledger.scoring.market_implied",
    "mean_brier": "ledger.scoring.proper",
    "mean_log_score": "ledger.scoring.proper",
    "murphy_decomposition": "ledger.scoring.calibration",
    "outperformance_probabilities": "ledger.scoring.two_assets",
    "pair_volatility_many": "ledger.scoring.two_assets",
    "poisson_binomial_pmf": "ledger.scoring.edge",
    "poisson_binomial_sf": "ledger.scoring.edge",
    "realized_volatility": "ledger.scoring.market_implied",
    "realized_volatility_many": "ledger.scoring.market_implied",
    "refined_normal_sf": "ledger.scoring.edge",
    "score_groups": "ledger.scoring.aggregate",
    "scores_to_dicts": "ledger.scoring.aggregate",
    "shrunk_rates": "ledger.scoring.shrinkage",
    "spiegelhalter_z_test": "ledger.scoring.calibration",
    "status_codes": "ledger.scoring.aggregate",
    "window_start_years": "ledger.scoring.market_implied",
    "year_fraction": "ledger.scoring.market_implied",
}

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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
