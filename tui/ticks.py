"""Round axis ticks: 3000, 3200, 3400 rather than 3010.8, 3146.8, 3282.7.

A tick is a number a reader compares a price with, so it is a round one: a
multiple of 1, 2, 2.5 or 5 times a power of ten, as many as fit (at most
`most`, at least two), labelled with exactly the decimals the step needs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

NICE_MANTISSAS = (1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True)
class Ticks:
    values: tuple[float, ...]
    labels: tuple[str, ...]
    step: float


def nice_ticks(low: float, high: float, most: int = 5) -> Ticks:
    """Round ticks inside [low, high]: the finest nice step that gives at most `most`."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return Ticks((low,), (f"{low:g}",), 0.0)
    most = max(most, 2)
    exponent = math.floor(math.log10((high - low) / most))
    while True:
        for mantissa in NICE_MANTISSAS:
            step = mantissa * 10.0**exponent
            first, last = math.ceil(low / step), math.floor(high / step)
            if last - first + 1 <= most:
                decimals = max(0, -exponent + (1 if mantissa == 2.5 else 0))
                values = tuple(round(k * step, decimals) for k in range(first, last + 1))
                labels = tuple(f"{v:.{decimals}f}" for v in values)
                return Ticks(values, labels, step)
        exponent += 1
