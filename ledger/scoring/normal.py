"""The standard normal distribution function, on numpy arrays, without SciPy.

`scipy.special.ndtr` is the one SciPy function the p-values of `score` used
besides the beta family; the standard library's erfc gives the same values
(to a few ulps, tests/scoring/test_scoring_normal.py) and keeps SciPy out of a
small `forecast score` (issue 12).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

_erfc = np.frompyfunc(math.erfc, 1, 1)


def normal_cdf(x: ArrayLike) -> np.ndarray:
    """Phi(x) = P(Z <= x) elementwise; NaN stays NaN.

    Written as erfc(-x / sqrt 2) / 2, which keeps its relative precision in
    the lower tail, where the p-values live (1 - erf would lose it).
    """
    values = np.asarray(x, dtype=np.float64)
    return np.asarray(0.5 * _erfc(-values / math.sqrt(2.0)), dtype=np.float64)
