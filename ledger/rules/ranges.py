"""Range queries over one bar series, answered for many windows at once.

The resolver judges thousands of claims against one symbol's bars. Slicing the
bars once per claim would be a Python loop of numpy calls; instead one sparse
table per series (the maximum of every block of 2**k bars) answers, for whole
arrays of windows at a time:

* where the maximum of a window is (O(1) per window), and
* where a window first reaches a threshold (O(log n) per window, by binary
  lifting over the blocks).

Only maxima are needed: the rules ask about a minimum (the lowest low) as the
maximum of the negated series.
"""

from __future__ import annotations

import numpy as np


class RangeMax:
    """Maximum and first crossing of one float series over windows [start, stop)."""

    def __init__(self, values: np.ndarray) -> None:
        values = np.asarray(values, dtype=np.float64)
        size = len(values)
        levels = max(1, size.bit_length())
        block_max = np.empty((levels, size), dtype=np.float64)
        block_arg = np.empty((levels, size), dtype=np.int64)
        block_max[0] = values
        block_arg[0] = np.arange(size)
        # Row k holds the maximum of values[i : i + 2**k] (cut short at the end)
        # and its earliest position; ties keep the left half, hence the earliest.
        for k in range(1, levels):
            half = 1 << (k - 1)
            inner = size - half
            left_max, right_max = block_max[k - 1, :inner], block_max[k - 1, half:]
            take_right = right_max > left_max
            block_max[k, :inner] = np.where(take_right, right_max, left_max)
            block_arg[k, :inner] = np.where(
                take_right, block_arg[k - 1, half:], block_arg[k - 1, :inner]
            )
            block_max[k, inner:] = block_max[k - 1, inner:]
            block_arg[k, inner:] = block_arg[k - 1, inner:]
        self.values = values
        self._block_max = block_max
        self._block_arg = block_arg

    def argmax(self, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Earliest position of the maximum in each window; every window must be non-empty."""
        length = stop - start
        # frexp gives length = m * 2**e with 0.5 <= m < 1, so e - 1 = floor(log2(length)),
        # exactly, for any length a bar series can have.
        k = np.frexp(length)[1] - 1
        left = self._block_arg[k, start]
        right = self._block_arg[k, stop - (1 << k)]
        # The two blocks overlap and cover the window; on a tie the left one is earlier.
        return np.where(self.values[right] > self.values[left], right, left)

    def first_reaching(
        self, start: np.ndarray, stop: np.ndarray, threshold: np.ndarray, *, strict: bool
    ) -> np.ndarray:
        """First position in each window whose value is >= threshold (> when strict).

        Returns `stop` for a window that never reaches its threshold. A NaN
        threshold is never reached.
        """
        threshold = np.where(np.isnan(threshold), np.inf, threshold)
        position = np.array(start, dtype=np.int64, copy=True)
        if len(self.values) == 0:
            return position
        # Skip, from the largest block down, every block that lies inside the
        # window and stays short of the threshold: the skipped length spells the
        # count of leading bars that fall short, one binary digit per level.
        for k in range(self._block_max.shape[0] - 1, -1, -1):
            step = 1 << k
            fits = position + step <= stop
            block_max = self._block_max[k, np.where(fits, position, 0)]
            short = block_max <= threshold if strict else block_max < threshold
            position += step * (fits & short)
        return position
