"""When a scoreboard's order is noise: every pair of hit-rate intervals overlaps."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ledger.scoring import score_groups
from ledger.scoring.separation import cannot_tell_apart


def board(records: dict[str, tuple[int, int]]):
    """Groups with (hits, misses) each."""
    groups, status = [], []
    for name, (hits, misses) in records.items():
        groups += [name] * (hits + misses)
        status += ["true"] * hits + ["false"] * misses
    return score_groups(np.array(groups, dtype=object), np.array(status, dtype=object))


def test_a_few_calls_each_cannot_be_told_apart() -> None:
    assert cannot_tell_apart(board({"A": (2, 1), "B": (1, 2), "C": (1, 1)}))


def test_a_clear_difference_on_many_calls_can() -> None:
    assert not cannot_tell_apart(board({"A": (90, 10), "B": (10, 90), "C": (5, 5)}))


def test_one_scored_group_has_nothing_to_be_told_apart_from() -> None:
    assert not cannot_tell_apart(board({"A": (3, 0)}))


@given(
    st.dictionaries(
        st.sampled_from("ABCDEF"), st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=2
    )
)
def test_it_is_exactly_pairwise_overlap(records: dict[str, tuple[int, int]]) -> None:
    scores = [s for s in board(records) if s.scored]
    intervals = [s.hit_rate_ci for s in scores]
    pairwise = all(
        a[0] <= b[1] and b[0] <= a[1] for i, a in enumerate(intervals) for b in intervals[i + 1 :]
    )
    assert cannot_tell_apart(scores) == (len(intervals) >= 2 and pairwise)
