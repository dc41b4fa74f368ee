"""Resolution rules: (claim, bars, as_of) -> Verdict. Pure: no database, network or clock.

`judge` holds the rules themselves (read its docstring for when each kind of
claim comes true), `relative` those of two-asset claims (outperformance, and
the series a ratio is judged on), `verdict` what they decide, and `ranges` the range queries
that let one symbol's bars judge thousands of claims at once.
"""

from __future__ import annotations

from ledger.rules.admissible import unjudgeable
from ledger.rules.judge import AT_LEVEL_TOLERANCE, resolve, resolve_many
from ledger.rules.relative import (
    LegData,
    ratio_bars,
    ratio_gaps,
    ratio_splits,
    resolve_outperformance,
    with_ratio_legs,
)
from ledger.rules.verdict import EvidenceField, LegEvidence, OpenReason, Verdict

__all__ = [
    "AT_LEVEL_TOLERANCE",
    "EvidenceField",
    "LegData",
    "LegEvidence",
    "OpenReason",
    "Verdict",
    "ratio_bars",
    "ratio_gaps",
    "ratio_splits",
    "resolve",
    "resolve_many",
    "resolve_outperformance",
    "unjudgeable",
    "with_ratio_legs",
]
