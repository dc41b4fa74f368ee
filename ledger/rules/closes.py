"""Judging a claim on closes only: the bars with every intraday extreme set aside.

Why: a verdict that stood on a repaired bar (its quoted open or close lay
outside its own high-low range, and the range was widened to take them in)
or on a close-only bar (no intraday range at all) may hang on a number the
feed never really printed. A reviewer who does not trust the intraday part
asks for the verdict the closes alone give: each bar's open, high and low are
replaced by its close, and the same rules judge the claim. A touch then needs
a close at the level, a hold breaks only on a close beyond it; close and
average claims read closes anyway, so their verdict can change only through
which bars count.

Every bar's quality becomes `ok` here: a close is what the feed printed, and
the repair (widening the range) touched only the high and the low.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from ledger.bars import BAR_COLUMNS, QUALITY_COLUMN
from ledger.claims.model import Claim
from ledger.rules.judge import resolve
from ledger.rules.verdict import EvidenceField, Verdict


def closes_only(bars: pd.DataFrame) -> pd.DataFrame:
    """`bars` with open, high and low set to the close, and no quality flags."""
    judged = bars.drop(columns=[QUALITY_COLUMN], errors="ignore").copy()
    for column in ("open", "high", "low"):
        if column in judged.columns:
            judged[column] = judged["close"]
    return judged[[c for c in BAR_COLUMNS if c in judged.columns]]


def resolve_on_closes(
    claim: Claim,
    bars: pd.DataFrame,
    as_of: date,
    splits: pd.Series | None = None,
    gaps: list[date] | None = None,
) -> Verdict:
    """The verdict the rules give `claim` when its bars are read as closes only.

    The rules name the column they read (a touch above reads `high`); here every
    column is the close, so the evidence says `close`.
    """
    verdict = resolve(claim, closes_only(bars), as_of, splits, gaps=gaps)
    return replace(
        verdict,
        evidence_field=_as_close(verdict.evidence_field),
        closest_field=_as_close(verdict.closest_field),
    )


def _as_close(read: EvidenceField | None) -> EvidenceField | None:
    return None if read is None else EvidenceField.CLOSE
