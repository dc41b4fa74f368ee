"""Whether a scoreboard's order means anything yet.

With a handful of scored claims every group's shrunk hit rate sits near the
common average and the ranking is decided in the fourth decimal: noise,
presented as a verdict. When every pair of hit-rate intervals overlaps, no
group's record is told apart from any other's, and a reader should be told
so rather than handed a ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class ScoreHints:
    """How the caller's user scores what is left out: an option on the command line,
    a key in the TUI."""

    early: str
    late: str
    resolve: str


def _left_out(score: GroupScore, include_early: bool, exclude_late: bool) -> tuple[int, int]:
    """(decided claims waiting for their deadlines, decided claims left out as logged late).

    `logged_late` counts the late ones among the claims the scoring admits
    before late ones are dropped, so the rest of the unscored decided claims
    are those whose deadline has not passed.
    """
    late = score.logged_late if exclude_late else 0
    early = 0 if include_early else score.true + score.false - score.scored - late
    return max(early, 0), late


def _why(early: int, late: int, hints: ScoreHints) -> str:
    parts = []
    if early:
        parts.append(
            f"{_count(early, 'decided claim')} {'waits' if early == 1 else 'wait'} for"
            f" {'its deadline' if early == 1 else 'their deadlines'} ({hints.early})"
        )
    if late:
        verb = "is" if late == 1 else "are"
        parts.append(f"{_count(late, 'claim')} logged late {verb} left out ({hints.late})")
    return "; ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def why_nothing_is_scored(
    scores: Sequence[GroupScore], include_early: bool, exclude_late: bool, hints: ScoreHints
) -> str:
    """Why every figure is empty, and what would fill them."""
    left_out = [_left_out(s, include_early, exclude_late) for s in scores]
    early = sum(e for e, _ in left_out)
    late = sum(lt for _, lt in left_out)
    if early or late:
        return f"nothing scored yet: {_why(early, late, hints)}"
    return (
        f"nothing scored yet: {_count(sum(s.open for s in scores), 'claim')} open; {hints.resolve}"
    )


def why_rows_are_blank(
    scores: Sequence[GroupScore], include_early: bool, exclude_late: bool, hints: ScoreHints
) -> str:
    """Why the rows with decided claims but no figures are blank, or "" when none are.

    A touch claim that came true in March with a December deadline is decided
    but scored only once December has passed (scoring it early favours yes),
    so a source whose calls all came true early shows an empty row; said
    once, with the way to score them now, the blank is not a mystery.
    """
    blank = [s for s in scores if not s.scored and s.true + s.false]
    if not blank:
        return ""
    names = [("(none)" if s.group is None else str(s.group)) for s in blank[:3]]
    if len(blank) > 3:
        names.append(f"{len(blank) - 3} more")
    left_out = [_left_out(s, include_early, exclude_late) for s in blank]
    why = _why(sum(e for e, _ in left_out), sum(lt for _, lt in left_out), hints)
    return f"{', '.join(names)}: no figures yet: {why}" if why else ""
