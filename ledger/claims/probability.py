"""A stated probability as people write it: 0.7 or 70%."""

from __future__ import annotations

from ledger.errors import ClaimError


def parse_probability(text: str, *, field: str = "probability") -> float | None:
    """0.7, .7 or 70% -> 0.7; blank -> None. Anything else, or outside 0..1, is a
    ClaimError that names `field` (the option or key the user wrote it in)."""
    clean = str(text).strip()
    if not clean:
        return None
    try:
        value = float(clean[:-1]) / 100.0 if clean.endswith("%") else float(clean)
    except ValueError:
        raise ClaimError(f"{field} {text!r} is not a probability: write 0.7 or 70%") from None
    if not 0.0 <= value <= 1.0:
        raise ClaimError(f"{field} {text!r} is outside 0..1: write 0.7 or 70%")
    return value
