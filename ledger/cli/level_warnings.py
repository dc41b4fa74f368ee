"""Warnings for levels far from the market, as `add`, `parse` and `import` print them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `forecast --help` imports this module: the store loads when a command runs
    from sqlmodel import Session

    from ledger.claims.model import Claim


def far_levels(session: Session, claims: Sequence[Claim]) -> list[list[str]]:
    """Per claim (in order), its lines about a level more than FAR_FACTOR times away
    from the close the price cache holds nearest its call day; none without bars."""
    from ledger.claims.plausibility import far_level_warnings
    from ledger.store.known_closes import known_closes

    wanted = [(c.symbol, c.made_on) for c in claims if c.symbol]
    closes = known_closes(session, wanted) if wanted else {}
    if not closes:  # no bars for these symbols (a first import): nothing to compare with
        return [[] for _ in claims]
    return [far_level_warnings(c, closes.get((c.symbol, c.made_on))) for c in claims]


def warning_line(problem: str, action: str) -> str:
    return f"warning: {problem}: {action}"
