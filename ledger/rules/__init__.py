"""Resolution rules: (claim, bars, as_of) -> Verdict. Pure: no database, network or clock.

`judge` holds the rules themselves (read its docstring for when each kind of
claim comes true), `verdict` what they decide, and `ranges` the range queries
that let one symbol's bars judge thousands of claims at once.
"""

from __future__ import annotations

from ledger.rules.admissible import unjudgeable
from ledger.rules.judge import AT_LEVEL_TOLERANCE, resolve, resolve_many
from ledger.rules.verdict import EvidenceField, OpenReason, Verdict

__all__ = [
    "AT_LEVEL_TOLERANCE",
    "EvidenceField",
    "OpenReason",
    "Verdict",
    "resolve",
    "resolve_many",
    "unjudgeable",
]
