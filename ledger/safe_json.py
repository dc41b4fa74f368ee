"""JSON for every value a ledger may hold, infinities and NaN included.

JSON has no inf or nan. The checks on entry (ledger/claims/bounds.py) keep
them out of new claims, but a ledger written by an old version or edited by
hand can hold `level = 1e309` (inf; in PostgreSQL also NaN), and `list
--json`, `show --json` and `export -f json` must still work on it, or the
ledger cannot even be backed up.

The decision: a non-finite number is written as the string "inf", "-inf" or
"nan". Not null, because null already means "absent" (a relative level not
yet computed, no probability); not `Infinity`, which Python writes but is not
JSON, so `jq` and most parsers reject the whole document. A script that
expects a number fails loudly on the string instead of computing with a
wrong one. A normal ledger's output is unchanged (and it costs nothing: the
values are only walked when a first, strict encoding fails). `forecast
import` reads YAML, which writes `.inf`/`.nan` itself; the import's bounds
then refuse them.
"""

from __future__ import annotations

import json
import math
from typing import Any


def dumps(data: Any, **options: Any) -> str:
    """`json.dumps` that never fails on, and never emits, a non-finite float."""
    options["allow_nan"] = False
    try:
        return json.dumps(data, **options)
    except ValueError:
        return json.dumps(finite_or_text(data), **options)


def finite_or_text(value: Any) -> Any:
    """`value` with every non-finite float in it replaced by "inf", "-inf" or "nan"."""
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {key: finite_or_text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite_or_text(item) for item in value]
    return value
