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
import pandas as pd
from sqlmodel import Session

from ledger.scoring import (
    CalibrationReport,
    GroupScore,
    calibration_table,
    hand_changed_status,
    score_groups,
)
from ledger.store.scoring import scoring_frame

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


def scored_mask(frame: pd.DataFrame, today: date, include_early: bool) -> np.ndarray:
    """Which resolved claims are scored: deadline passed (or every one with include_early)."""
    if include_early:
        return np.ones(len(frame), dtype=bool)
    deadlines = frame["deadline"].to_numpy(dtype="datetime64[D]")
    return deadlines < np.datetime64(today, "D")


def scoreboard(session: Session, options: ScoreOptions, today: date) -> list[GroupScore]:
    """Groups ranked by their shrunk hit rate (fair to small samples), best first."""
    frame = scoring_frame(session, by=options.by, since=options.since, until=options.until)
    if frame.empty:
        return []
    withdrawn = frame["withdrawn"].to_numpy(dtype=bool)
    overridden = frame["overridden"].to_numpy(dtype=bool)
    status, admitted = hand_changed_status(
        frame["status"].to_numpy(dtype=object),
        withdrawn,
        overridden,
        frame["data_status"].to_numpy(dtype=object),
        data_verdicts=options.data_verdicts,
        exclude_overrides=options.exclude_overrides,
    )
    scorable = scored_mask(frame, today, options.include_early) & admitted
    late = frame["logged_late"].to_numpy(dtype=bool)
    scores = score_groups(
        frame["group"].to_numpy(dtype=object),
        status,
        scorable & ~late if options.exclude_late else scorable,
        _floats(frame["probability"]),
        _floats(frame["market_prob"]),
        bins=options.bins,
        withdrawn=withdrawn,
        overridden=overridden,
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
    frame = scoring_frame(session, by="source", source=source)
    if frame.empty:
        return calibration_table(np.array([]), np.array([]), bins=bins), 0
    decided = frame["status"].isin(["true", "false"]).to_numpy()
    has_prob = frame["probability"].notna().to_numpy()
    keep = decided & has_prob & scored_mask(frame, today, include_early)
    if exclude_late:
        keep &= ~frame["logged_late"].to_numpy(dtype=bool)
    probs = frame["probability"].to_numpy(dtype=np.float64)[keep]
    outcomes = (frame["status"].to_numpy()[keep] == "true").astype(np.float64)
    return calibration_table(probs, outcomes, bins=bins), int(keep.sum())


def _floats(column: pd.Series) -> np.ndarray:
    return pd.to_numeric(column, errors="coerce").to_numpy(dtype=np.float64)
