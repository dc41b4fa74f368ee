"""The nearest known close, found by `bisect`, is the one numpy's search finds."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ledger.store.known_closes import _nearest

DAYS = st.integers(date(2000, 1, 1).toordinal(), date(2030, 12, 31).toordinal())


@given(
    st.lists(DAYS, min_size=1, max_size=60, unique=True).map(sorted),
    st.lists(st.floats(0.01, 1e9), min_size=60, max_size=60),
    DAYS,
)
def test_nearest_close_is_numpys(days: list[int], closes: list[float], day: int) -> None:
    closes = closes[: len(days)]
    known = _nearest((days, closes), date.fromordinal(day))
    index = max(int(np.searchsorted(np.array(days), day, side="right")) - 1, 0)
    assert known is not None
    assert known.day == date.fromordinal(days[index])
    assert known.close == closes[index]
    assert known.day <= date.fromordinal(day) or known.day == date.fromordinal(days[0])


def test_no_series_no_close() -> None:
    assert _nearest(None, date(2025, 1, 1)) is None
