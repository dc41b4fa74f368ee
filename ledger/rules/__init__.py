"""Resolution rules: (claim, bars, as_of) -> Verdict. Pure: no database, network or clock.

`judge` holds the rules themselves (read its docstring for when each kind of
claim comes true), `relative` those of two-asset claims (outperformance, and
the series a ratio is judged on), `verdict` what they decide, and `ranges` the range queries
that let one symbol's bars judge thousands of claims at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Where each name lives. The rules need pandas; importing a small module of
# this package (`ledger.rules.overrides`, `ledger.rules.verdict`) must not
# load it, so the names are imported on first use (PEP 562).
_HOMES = {
    "unjudgeable": "admissible",
    "AT_LEVEL_TOLERANCE": "judge",
    "resolve": "judge",
    "resolve_many": "judge",
    "LegData": "relative",
    "ratio_bars": "relative",
    "ratio_gaps": "relative",
    "ratio_splits": "relative",
    "resolve_outperformance": "relative",
    "with_ratio_legs": "relative",
    "EvidenceField": "verdict",
    "LegEvidence": "verdict",
    "OpenReason": "verdict",
    "Verdict": "verdict",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
