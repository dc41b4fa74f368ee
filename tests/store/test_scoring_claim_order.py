"""The scoring engine's input comes in claim id order, whatever order the database read it in.

A group's means are float sums; added in two orders they can differ in the last digit, and
the TUI's scoreboard of one year then differed from the year's row of the whole scoreboard
on PostgreSQL once an index of `made_on` served the one query and not the other (0019).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ledger.scoring.aggregate import score_groups
from ledger.store.scoring import ScoringColumns


def _columns(ids: list[int], probabilities: list[float], markets: list[float]) -> ScoringColumns:
    n = len(ids)
    return ScoringColumns(
        group=np.array(["g"] * n, dtype=object),
        status=np.array([1 + (i % 2) for i in ids], dtype=np.int64),
        past_deadline=np.ones(n, dtype=bool),
        probability=np.array(probabilities, dtype=np.float64),
        market_prob=np.array(markets, dtype=np.float64),
        logged_late=np.zeros(n, dtype=bool),
        withdrawn=np.zeros(n, dtype=bool),
        overridden=np.zeros(n, dtype=bool),
        data_status=np.zeros(n, dtype=np.int64),
    )


def _scores(columns: ScoringColumns) -> list:
    return score_groups(
        columns.group, columns.status, prob=columns.probability, market_prob=columns.market_prob
    )


rows = st.lists(
    st.tuples(
        st.floats(0.01, 0.99),
        st.floats(0.0001, 0.9999),
    ),
    min_size=2,
    max_size=60,
)


@given(rows, st.randoms(use_true_random=False))
def test_any_read_order_gives_the_same_columns_and_scores(table, shuffler) -> None:
    ids = list(range(1, len(table) + 1))
    probabilities = [p for p, _ in table]
    markets = [m for _, m in table]
    in_order = _columns(ids, probabilities, markets)
    shuffled_at = list(range(len(ids)))
    shuffler.shuffle(shuffled_at)
    read = _columns(
        [ids[i] for i in shuffled_at],
        [probabilities[i] for i in shuffled_at],
        [markets[i] for i in shuffled_at],
    )
    ordered = read.in_claim_order(np.array([ids[i] for i in shuffled_at], dtype=np.int64))
    for name in ("status", "probability", "market_prob"):
        assert np.array_equal(getattr(ordered, name), getattr(in_order, name))
    assert _scores(ordered) == _scores(in_order)


def test_a_claims_rows_keep_their_order_among_themselves() -> None:
    """Grouped by tag a claim has a row per tag: the sort is stable, so they stay as read."""
    read = _columns([3, 1, 3, 1], [0.1, 0.2, 0.3, 0.4], [0.5, 0.5, 0.5, 0.5])
    ordered = read.in_claim_order(np.array([3, 1, 3, 1], dtype=np.int64))
    assert ordered.probability.tolist() == [0.2, 0.4, 0.1, 0.3]
