"""Whether a scoreboard's order means anything yet.

With a handful of scored claims every group's shrunk hit rate sits near the
common average and the ranking is decided in the fourth decimal: noise,
presented as a verdict. When every pair of hit-rate intervals overlaps, no
group's record is told apart from any other's, and a reader should be told
so rather than handed a ranking.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledger.scoring.aggregate import GroupScore

NOT_APART = (
    "every row's 90% interval overlaps every other's: these cannot be told apart yet,"
    " so the order is not a verdict"
)


def cannot_tell_apart(scores: Sequence[GroupScore]) -> bool:
    """True when at least two groups are scored and all their hit-rate intervals overlap.

    Intervals on a line overlap pairwise exactly when the highest lower bound
    is at most the lowest upper bound.
    """
    intervals = [s.hit_rate_ci for s in scores if s.scored and s.hit_rate_ci is not None]
    if len(intervals) < 2:
        return False
    return max(low for low, _ in intervals) <= min(high for _, high in intervals)
