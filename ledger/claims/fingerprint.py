"""What makes two records the same claim.

A claim is a duplicate when the same source made the same normalized claim on
the same day; the fingerprint is a hash of exactly those three things, so that
the wording the user typed ("gold $5055 by end-2026" vs "XAU 5,055 by EOY
2026") does not matter.
"""

from __future__ import annotations

import hashlib
from datetime import date


def source_key(name: str) -> str:
    """Source names compare case- and space-insensitively."""
    return " ".join(name.split()).casefold()


def claim_fingerprint(source_name: str, normalized_claim: str, made_on: date) -> str:
    payload = f"{source_key(source_name)}\x1f{normalized_claim}\x1f{made_on.isoformat()}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
