"""The standard normal distribution function and its logarithm, on numpy arrays, without SciPy.

`scipy.special.ndtr` and `log_ndtr` are what the p-values of `score` and the
market baselines of `resolve` used; the standard library's erfc gives the same
values (to a few ulps, tests/scoring/test_scoring_special_functions.py) and
keeps SciPy out of a small `forecast score` and out of a resolve run whose
claims need no Owen's T (importing `scipy.special` cost 0.17 s of each run,
computing 100k values through `math.erfc` costs ~10 ms; issue 12).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

_erfc = np.frompyfunc(math.erfc, 1, 1)

# Below this the lower tail's value underflows long before its logarithm does,
# so log Phi is taken from the tail's asymptotic series instead (as SciPy's
# log_ndtr does); at -20 its terms fall under 1e-17 after ten.
_SERIES_BELOW = -20.0
_SERIES_TERMS = 40
_HALF_LOG_TWO_PI = 0.5 * math.log(2.0 * math.pi)


def normal_cdf(x: ArrayLike) -> np.ndarray:
    """Phi(x) = P(Z <= x) elementwise; NaN stays NaN.

    Written as erfc(-x / sqrt 2) / 2, which keeps its relative precision in
    the lower tail, where the p-values live (1 - erf would lose it).
    """
    values = np.asarray(x, dtype=np.float64)
    return np.asarray(0.5 * _erfc(-values / math.sqrt(2.0)), dtype=np.float64)


def log_normal_cdf(x: ArrayLike) -> np.ndarray:
    """log Phi(x) elementwise, with its relative precision kept in both tails; NaN stays NaN.

    Above zero, log1p of minus the upper tail (log Phi is then a tiny negative
    number that log(1 - q) would round to zero); down to -20, the log of the
    lower tail; below, the asymptotic series
    log Phi(x) = -x^2/2 - log(-x) - log(2 pi)/2 + log(1 - 1/x^2 + 3/x^4 - 15/x^6 ...),
    where Phi itself underflows (below -38) but its logarithm does not.
    """
    values = np.asarray(x, dtype=np.float64)
    out = np.empty(values.shape)
    upper = values > 0.0
    series = values <= _SERIES_BELOW
    middle = ~(upper | series)  # NaN falls here and stays NaN
    out[upper] = np.log1p(-normal_cdf(-values[upper]))
    with np.errstate(divide="ignore"):
        out[middle] = np.log(normal_cdf(values[middle]))
    out[series] = _log_lower_tail(values[series])
    return out


def _log_lower_tail(x: np.ndarray) -> np.ndarray:
    """log Phi(x) for x <= -20 by the asymptotic series (terms until they stop mattering)."""
    with np.errstate(over="ignore"):
        inverse_square = 1.0 / (x * x)
        total = np.ones(x.shape)
        term = np.ones(x.shape)
        for i in range(1, _SERIES_TERMS):
            term = term * (-(2 * i - 1) * inverse_square)
            total = total + term
            if not (np.abs(term) > np.finfo(np.float64).eps).any():
                break
        return -0.5 * x * x - np.log(-x) - _HALF_LOG_TWO_PI + np.log(total)
