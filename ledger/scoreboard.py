"""Scores per source (or asset, tag, year), and calibration: the queries + the engine.

The rule that keeps every figure honest lives here: only claims whose deadline
has passed enter hit rates, calibration and skill. Touch claims come true
early but false only at the deadline, so scoring early resolutions would tilt
every figure toward "yes". Open claims are counted, never scored.

Hand changes to verdicts (a claim voided after it resolved, a manual
override: ledger.rules.overrides) are counted on every row; by default such
claims are scored as they stand, `data_verdicts` scores them as the price
data judged them, and `exclude_overrides` leaves overrides out of the scores.

Claims logged late (recorded after a day of their window had passed, so
hindsight could choose them) are counted on every row; `exclude_late` leaves
them out of the scores, since a record back-filled after the fact can be
cherry-picked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlmodel import Session

from ledger.scoring.aggregate import (
    GroupScore,
    StatusCode,
    hand_changed_status,
    score_groups,
)
from ledger.scoring.calibration import CalibrationReport, calibration_table
from ledger.store.scoring import ScoringColumns, scoring_columns

DEFAULT_BINS = 10  # also the CLI's default: keep ledger.cli.scores.DEFAULT_BINS in step


@dataclass(frozen=True)
class ScoreOptions:
    by: str = "source"
    since: date | None = None
    until: date | None = None
    min_n: int = 0
    include_early: bool = False
    bins: int = DEFAULT_BINS
    data_verdicts: bool = False
    exclude_overrides: bool = False
    exclude_late: bool = False


def scored_mask(columns: ScoringColumns, include_early: bool) -> np.ndarray:
    """Which resolved claims are scored: deadline passed (or every one with include_early)."""
    if include_early:
        return np.ones(len(columns), dtype=bool)
    return columns.past_deadline


def scoreboard(session: Session, options: ScoreOptions, today: date) -> list[GroupScore]:
    """Groups ranked by their shrunk hit rate (fair to small samples), best first."""
    columns = scoring_columns(
        session, today=today, by=options.by, since=options.since, until=options.until
    )
    if not len(columns):
        return []
    status, admitted = hand_changed_status(
        columns.status,
        columns.withdrawn,
        columns.overridden,
        columns.data_status,
        data_verdicts=options.data_verdicts,
        exclude_overrides=options.exclude_overrides,
    )
    scorable = scored_mask(columns, options.include_early) & admitted
    late = columns.logged_late
    scores = score_groups(
        columns.group,
        status,
        scorable & ~late if options.exclude_late else scorable,
        columns.probability,
        columns.market_prob,
        bins=options.bins,
        withdrawn=columns.withdrawn,
        overridden=columns.overridden,
        logged_late=late & scorable,
    )
    kept = [s for s in scores if s.scored >= options.min_n]
    return sorted(kept, key=_rank_key)


def _rank_key(score: GroupScore) -> tuple:
    shrunk = score.shrunk_hit_rate
    return (shrunk is None, -(shrunk or 0.0), -score.scored, str(score.group))


def calibration(
    session: Session,
    *,
    source: str | None,
    bins: int,
    include_early: bool,
    today: date,
    exclude_late: bool = False,
) -> tuple[CalibrationReport, int]:
    """The calibration table of claims that carry a probability; also how many were used."""
    columns = scoring_columns(session, today=today, by="source", source=source)
    if not len(columns):
        return calibration_table(np.array([]), np.array([]), bins=bins), 0
    came_true = columns.status == StatusCode.TRUE
    decided = came_true | (columns.status == StatusCode.FALSE)
    has_prob = ~np.isnan(columns.probability)
    keep = decided & has_prob & scored_mask(columns, include_early)
    if exclude_late:
        keep &= ~columns.logged_late
    probs = columns.probability[keep]
    outcomes = came_true[keep].astype(np.float64)
    return calibration_table(probs, outcomes, bins=bins), int(keep.sum())
