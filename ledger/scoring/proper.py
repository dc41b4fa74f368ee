"""Proper scoring rules for probability forecasts of yes/no claims.

Both rules are *proper*: a source maximises its expected score by stating the
probability it actually believes, so a ledger that ranks by them cannot be
gamed by exaggerating confidence.

* Brier score: (p - o)^2, lower is better, 0 for a perfect forecast, 0.25 for
  always saying 50%.
* Log score: ln of the probability given to what happened, higher is better,
  0 for a perfect forecast, ln(0.5) for always saying 50%. Natural log (nats);
  comparisons against the market are reported in bits.

Log-score clipping: probabilities are clipped to [0.001, 0.999] before the
log. A source that states "100%" and is wrong would otherwise score -inf and
that single claim would fix its mean at -inf forever, whatever it says later.
The clip caps one miss at ln(0.001) ≈ -6.9 nats (≈ -10 bits), which is still
ten times the penalty of a 50% call, and it is finer than the resolution at
which people state probabilities in prose ("99.9%" is about as far as they go).
Market-implied probabilities are clipped the same way, so the comparison is
even-handed.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ledger.scoring._arrays import as_outcomes, as_probabilities

LOG_SCORE_CLIP = 0.001


def brier_scores(prob: ArrayLike, outcome: ArrayLike) -> np.ndarray:
    """The Brier score of each forecast: (p - o)^2."""
    p = as_probabilities(prob)
    o = as_outcomes(outcome, p.size)
    return (p - o) ** 2


def log_scores(prob: ArrayLike, outcome: ArrayLike, clip: float = LOG_SCORE_CLIP) -> np.ndarray:
    """The log score of each forecast: ln(p) if the claim came true, else ln(1 - p).

    Probabilities are clipped to [clip, 1 - clip] first (see the module
    docstring for why).
    """
    p = as_probabilities(prob)
    o = as_outcomes(outcome, p.size)
    return clipped_log_scores(p, o, clip)


def clipped_log_scores(p: np.ndarray, o: np.ndarray, clip: float = LOG_SCORE_CLIP) -> np.ndarray:
    """`log_scores` for arrays already checked: float p in [0, 1], o in {0, 1}.

    The aggregation calls this on a million claims it has validated once.
    """
    if not 0.0 < clip < 0.5:
        raise ValueError(f"clip must lie in (0, 0.5), got {clip}")
    clipped = np.clip(p, clip, 1.0 - clip)
    return np.log(np.where(o == 1.0, clipped, 1.0 - clipped))


def mean_brier(prob: ArrayLike, outcome: ArrayLike) -> float | None:
    """The mean Brier score, or None when there are no forecasts."""
    scores = brier_scores(prob, outcome)
    return float(scores.mean()) if scores.size else None


def mean_log_score(
    prob: ArrayLike, outcome: ArrayLike, clip: float = LOG_SCORE_CLIP
) -> float | None:
    """The mean log score in nats, or None when there are no forecasts."""
    scores = log_scores(prob, outcome, clip)
    return float(scores.mean()) if scores.size else None
