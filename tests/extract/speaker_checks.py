"""The speaker tests' one question: who the extractor credits with the call at a level."""

from __future__ import annotations

from datetime import date

from ledger.extract.extractor import extract_candidates
from ledger.extract.house_names import source_name


def speakers_at(text: str, level: str, made_on: date) -> set[str | None]:
    """The speakers (as the ledger names sources) of the calls the extractor proposes at
    `level`, as the claim writes it."""
    return {
        source_name(c.speaker) if c.speaker else None
        for c in extract_candidates(text, made_on=made_on)
        if c.claim is not None and f" {level} " in f"{c.claim.canonical_text()} "
    }
