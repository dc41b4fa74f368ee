"""Hand changes in the scoring engine: counted per group, scored by the caller's rule."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.scoring import StatusCode, hand_changed_status, score_groups

T, F, V, U = StatusCode.TRUE, StatusCode.FALSE, StatusCode.VOID, StatusCode.OPEN

# Four claims of one source: a hit, a miss voided afterwards (data: false),
# a miss flipped to true by hand (data: false), and an early hand settlement
# the data never judged (data: open).
STATUS = np.array([T, V, T, F])
WITHDRAWN = np.array([False, True, False, False])
OVERRIDDEN = np.array([False, False, True, True])
DATA = np.array([None, "false", "false", "open"], dtype=object)


@pytest.mark.parametrize(
    ("data_verdicts", "exclude", "codes", "keep"),
    [
        pytest.param(False, False, [T, V, T, F], [1, 1, 1, 1], id="as-they-stand"),
        pytest.param(True, False, [T, F, F, U], [1, 1, 1, 1], id="as-the-data-judged"),
        pytest.param(False, True, [T, V, T, F], [1, 1, 0, 0], id="overrides-left-out"),
        pytest.param(True, True, [T, F, F, U], [1, 1, 0, 0], id="both"),
    ],
)
def test_hand_changed_status(data_verdicts: bool, exclude: bool, codes, keep) -> None:
    status, admitted = hand_changed_status(
        STATUS, WITHDRAWN, OVERRIDDEN, DATA, data_verdicts=data_verdicts, exclude_overrides=exclude
    )
    assert status.tolist() == [int(c) for c in codes]
    assert admitted.tolist() == [bool(k) for k in keep]
    assert STATUS.tolist() == [T, V, T, F]  # the caller's array is not changed


def test_score_groups_counts_hand_changes_per_group_without_scoring_them() -> None:
    groups = np.array(["a", "a", "a", "a", "b"], dtype=object)
    status = np.array([T, V, T, F, F])
    plain = score_groups(groups, status)
    counted = score_groups(
        groups,
        status,
        withdrawn=np.array([False, True, False, False, False]),
        overridden=np.array([False, False, True, True, False]),
    )
    assert [(s.group, s.voided_after_resolution, s.manual_overrides) for s in counted] == [
        ("a", 1, 2),
        ("b", 0, 0),
    ]
    assert [(s.voided_after_resolution, s.manual_overrides) for s in plain] == [(0, 0), (0, 0)]
    for before, after in zip(plain, counted, strict=True):
        assert (before.scored, before.hits, before.hit_rate) == (
            after.scored,
            after.hits,
            after.hit_rate,
        )
    assert {"voided_after_resolution", "manual_overrides"} <= set(counted[0].to_dict())


def test_flags_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(ValueError, match="withdrawn has 1 entries"):
        score_groups(["a", "a"], [T, F], withdrawn=[True])


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["x", "y", "z"]),
            st.sampled_from([U, T, F, V]),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_counts_are_a_plain_tally(claims) -> None:
    groups, status, withdrawn, overridden = (list(column) for column in zip(*claims, strict=True))
    scores = score_groups(groups, status, withdrawn=withdrawn, overridden=overridden)
    for score in scores:
        mine = [c for c in claims if c[0] == score.group]
        assert score.voided_after_resolution == sum(c[2] for c in mine)
        assert score.manual_overrides == sum(c[3] for c in mine)
