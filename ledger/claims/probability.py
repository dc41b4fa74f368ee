"""A stated probability as people write it: 0.7, .7 or 70%.

The grammar is narrow on purpose, because Python's float() is wide: it reads
`1_0` as 10 (so `1_0%` became 0.1), `-0` as -0.0, `inf`, `nan` and digits
of other scripts. A probability here is ASCII digits with at most one decimal
point and an optional exponent (`1e-05` is how Python, and so an imported YAML
file, writes a small probability), optionally followed by `%`; no sign, no
underscores. Blank is not a probability either: a caller for which blank
means "none" (a form field) decides that before calling.
"""

from __future__ import annotations

import re

from ledger.errors import ClaimError

_NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_HOW = "write 0.7 or 70%"


def parse_probability(text: str, *, field: str = "probability") -> float:
    """0.7, .7 or 70% -> 0.7. Anything else, or outside 0..1, is a ClaimError
    that names `field` (the option or key the user wrote it in)."""
    clean = str(text).strip()
    if not clean:
        raise ClaimError(f"{field} is empty: {_HOW}, or leave it out")
    number, percent = (clean[:-1].rstrip(), True) if clean.endswith("%") else (clean, False)
    if not _NUMBER.fullmatch(number):
        raise ClaimError(f"{field} {text!r} is not a probability: {_HOW}")
    value = float(number) / 100.0 if percent else float(number)
    if not 0.0 <= value <= 1.0:
        raise ClaimError(f"{field} {text!r} is outside 0..1: {_HOW}")
    return value
