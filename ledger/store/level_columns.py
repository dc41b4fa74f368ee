"""A computed level's rule in the prediction table's columns, and back."""

from __future__ import annotations

import json
from datetime import date

from ledger.claims.model import Claim, LevelRule


def level_rule_values(claim: Claim) -> dict:
    """The columns that hold a computed level's rule, parameters, basis and reading."""
    rule = claim.level_rule
    if rule is None:
        return {"level_rule": None, "level_params": None, "level_basis": None, "level_note": None}
    return {
        "level_rule": rule.name.value,
        "level_params": json.dumps(rule.params(), sort_keys=True),
        "level_basis": json.dumps([d.isoformat() for d in claim.level_basis])
        if claim.level_basis
        else None,
        "level_note": claim.level_note,
    }


def level_rule_from_columns(
    name: str | None, params: str | None, basis: str | None
) -> tuple[LevelRule | None, tuple[date, ...]]:
    """The rule and basis dates stored in a claim's columns (see `level_rule_values`)."""
    if name is None:
        return None, ()
    rule = LevelRule.from_params(name, json.loads(params) if params else {})
    days = tuple(date.fromisoformat(d) for d in json.loads(basis)) if basis else ()
    return rule, days
