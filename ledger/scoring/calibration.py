"""Calibration: does "70%" from this source come true about 70% of the time?

Three views of the same question:

* the calibration table: equal-width bins of stated probability, each with the
  observed frequency and its Jeffreys interval, for reading by eye;
* the Murphy decomposition of the Brier score, BS = REL - RES + UNC
  (reliability: distance between stated and observed frequencies, lower is
  better; resolution: how far the observed frequencies move away from the
  base rate, higher is better; uncertainty: base-rate variance, not the
  forecaster's doing);
* Spiegelhalter's z, a test of "these forecasts are calibrated" that does not
  depend on binning.

The decomposition uses the *distinct stated probabilities* as its bins, not the
table's equal-width bins. Only then is REL - RES + UNC equal to the Brier score
exactly; with wider bins a within-bin variance term is left over and the three
numbers no longer add up to the score they claim to explain. Sources state
round numbers (60%, 75%, 90%), so the distinct values make natural bins.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring._arrays import as_outcomes, as_probabilities, optional_float
from ledger.scoring.intervals import DEFAULT_LEVEL, jeffreys_bounds
from ledger.scoring.normal import normal_cdf

DEFAULT_BINS = 10

# Stated probabilities are round decimals that binary floating point cannot
# hold exactly: 0.7 * 10 must land in bin 7, not bin 6 by a rounding hair.
_BIN_EDGE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class CalibrationBin:
    """One row of a calibration table: claims whose stated probability is in [low, high)."""

    low: float
    high: float
    n: int
    mean_prob: float
    freq: float
    freq_ci: tuple[float, float]

    def to_dict(self) -> dict[str, object]:
        return {
            "low": self.low,
            "high": self.high,
            "n": self.n,
            "mean_prob": self.mean_prob,
            "freq": self.freq,
            "freq_ci": list(self.freq_ci),
        }


@dataclass(frozen=True)
class MurphyDecomposition:
    """Brier = reliability - resolution + uncertainty (bins: distinct probabilities)."""

    reliability: float
    resolution: float
    uncertainty: float
    brier: float


@dataclass(frozen=True)
class CalibrationReport:
    """Calibration of a set of probability forecasts; None where a statistic does not apply."""

    n: int
    bins: tuple[CalibrationBin, ...]
    reliability: float | None
    resolution: float | None
    uncertainty: float | None
    brier: float | None
    spiegelhalter_z: float | None
    spiegelhalter_p: float | None

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "bins": [row.to_dict() for row in self.bins],
            "reliability": self.reliability,
            "resolution": self.resolution,
            "uncertainty": self.uncertainty,
            "brier": self.brier,
            "spiegelhalter_z": self.spiegelhalter_z,
            "spiegelhalter_p": self.spiegelhalter_p,
        }


def bin_index(prob: np.ndarray, bins: int = DEFAULT_BINS) -> np.ndarray:
    """The equal-width bin of each probability: bin i holds [i/bins, (i+1)/bins).

    The last bin is closed, so a stated 100% lands in it.
    """
    if bins < 1:
        raise ValueError(f"bins must be at least 1, got {bins}")
    index = np.floor(prob * bins + _BIN_EDGE_TOLERANCE).astype(np.int64)
    return np.clip(index, 0, bins - 1)


def murphy_decomposition(prob: ArrayLike, outcome: ArrayLike) -> MurphyDecomposition | None:
    """The Murphy decomposition over the distinct stated probabilities, None if empty."""
    p = as_probabilities(prob)
    o = as_outcomes(outcome, p.size)
    if p.size == 0:
        return None
    distinct, cell = np.unique(p, return_inverse=True)
    n_cell = np.bincount(cell).astype(np.float64)
    freq_cell = np.bincount(cell, weights=o) / n_cell
    base_rate = o.mean()
    n = float(p.size)
    return MurphyDecomposition(
        reliability=float(np.sum(n_cell * (distinct - freq_cell) ** 2) / n),
        resolution=float(np.sum(n_cell * (freq_cell - base_rate) ** 2) / n),
        uncertainty=float(base_rate * (1.0 - base_rate)),
        brier=float(np.mean((p - o) ** 2)),
    )


def spiegelhalter_z_test(prob: ArrayLike, outcome: ArrayLike) -> tuple[float, float] | None:
    """Spiegelhalter's z and its two-sided p-value, or None when undefined.

    z = sum((o - p)(1 - 2p)) / sqrt(sum((1 - 2p)^2 p (1 - p))) is approximately
    standard normal when the forecasts are calibrated. It is undefined (None)
    when every forecast is 0, 1/2 or 1, since then the variance is zero.
    """
    p = as_probabilities(prob)
    o = as_outcomes(outcome, p.size)
    return _spiegelhalter(
        float(np.sum((o - p) * (1.0 - 2.0 * p))),
        float(np.sum((1.0 - 2.0 * p) ** 2 * p * (1.0 - p))),
    )


def _spiegelhalter(numerator: float, variance: float) -> tuple[float, float] | None:
    if not variance > 0.0:
        return None
    z = numerator / np.sqrt(variance)
    return float(z), float(2.0 * normal_cdf(-abs(z)))


def calibration_bins(
    prob: np.ndarray,
    outcome: np.ndarray,
    bins: int = DEFAULT_BINS,
    level: float = DEFAULT_LEVEL,
) -> tuple[CalibrationBin, ...]:
    """The non-empty equal-width bins of a calibration table (inputs already checked)."""
    index = bin_index(prob, bins)
    n_bin = np.bincount(index, minlength=bins)
    sum_prob = np.bincount(index, weights=prob, minlength=bins)
    hits = np.bincount(index, weights=outcome, minlength=bins)
    low, high = jeffreys_bounds(hits, n_bin, level)
    return tuple(
        CalibrationBin(
            low=i / bins,
            high=(i + 1) / bins,
            n=int(n_bin[i]),
            mean_prob=float(sum_prob[i] / n_bin[i]),
            freq=float(hits[i] / n_bin[i]),
            freq_ci=(float(low[i]), float(high[i])),
        )
        for i in np.flatnonzero(n_bin).tolist()
    )


def calibration_table(
    prob: ArrayLike,
    outcome: ArrayLike,
    bins: int = DEFAULT_BINS,
    level: float = DEFAULT_LEVEL,
) -> CalibrationReport:
    """The calibration report of probability forecasts against 0/1 outcomes.

    Empty bins are omitted. For empty input every statistic is None.
    """
    p = as_probabilities(prob)
    o = as_outcomes(outcome, p.size)
    if p.size == 0:
        return CalibrationReport(0, (), None, None, None, None, None, None)
    murphy = murphy_decomposition(p, o)
    assert murphy is not None
    spiegelhalter = spiegelhalter_z_test(p, o)
    z, z_p = spiegelhalter if spiegelhalter is not None else (None, None)
    return CalibrationReport(
        n=int(p.size),
        bins=calibration_bins(p, o, bins, level),
        reliability=murphy.reliability,
        resolution=murphy.resolution,
        uncertainty=murphy.uncertainty,
        brier=murphy.brier,
        spiegelhalter_z=optional_float(z),
        spiegelhalter_p=optional_float(z_p),
    )
