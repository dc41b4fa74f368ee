"""An export's JSON objects as `json.dumps(..., indent=2)` writes them, at C speed.

With `indent`, Python 3.11's `json` encodes in Python: most of a 100k-claim JSON
export's time. Without it the C encoder runs, and its separators can carry the
newlines and indentation: an object whose values are scalars (or empty lists)
comes out exactly as the indented encoder writes it once its braces are opened
and closed on lines of their own. A claim's few non-empty lists are written so
too, one level deeper, and set in its place; anything else (a list of objects,
a non-finite number, a string holding NUL) goes through `safe_json` as before.
A hypothesis test holds the two equal.
"""

from __future__ import annotations

import json
from typing import Any

from ledger import safe_json

_NESTED = (list, dict)
_PLACEHOLDER = "\x00{}"


def indented(value: Any, depth: int) -> str:
    """`value` as `json.dumps(value, indent=2)` writes it nested `depth` levels
    deep (its first line not indented, its others by 2 * depth more)."""
    try:
        text = _fast(value, depth)
    except (ValueError, TypeError):
        text = None
    if text is None:
        pad = "  " * depth
        return safe_json.dumps(value, indent=2).replace("\n", "\n" + pad)
    return text


def _fast(value: Any, depth: int) -> str | None:
    kind = type(value)
    if kind is list:
        if not value:
            return "[]"
        if any(type(item) in _NESTED or (type(item) is str and "\x00" in item) for item in value):
            return None
        return _opened(json.dumps(value, allow_nan=False, separators=_separators(depth)), depth)
    if kind is not dict:
        return json.dumps(value, allow_nan=False)
    if not value:
        return "{}"
    nested = {}
    flat = value
    for key, item in value.items():
        if type(item) in _NESTED and item:
            if type(key) is not str:
                return None
            text = _fast(item, depth + 1)
            if text is None:
                return None
            if flat is value:
                flat = dict(value)
            marker = _PLACEHOLDER.format(len(nested))
            nested[json.dumps(marker)] = text
            flat[key] = marker
        elif type(item) is str and "\x00" in item:
            return None
    text = _opened(json.dumps(flat, allow_nan=False, separators=_separators(depth)), depth)
    for marker, inner in nested.items():
        text = text.replace(marker, inner, 1)
    return text


def _separators(depth: int) -> tuple[str, str]:
    return ",\n" + "  " * (depth + 1), ": "


def _opened(text: str, depth: int) -> str:
    """`[a,\\n  b]` as `[\\n  a,\\n  b\\n]` at `depth`."""
    return f"{text[0]}\n{'  ' * (depth + 1)}{text[1:-1]}\n{'  ' * depth}{text[-1]}"
