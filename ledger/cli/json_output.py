"""JSON on stdout, without Rich: `list --json` and the other `--json` outputs need
none of the table and note machinery, and a command that prints only JSON then
starts without importing it."""

from __future__ import annotations

import sys
from typing import Any

from ledger import safe_json


def print_json(data: Any) -> None:
    """Indented for a person at a terminal; compact (and C-encoded, fast) in a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(safe_json.dumps(data, indent=indent, ensure_ascii=False) + "\n")


JSON_SLICE = 2000  # items encoded at a time by `print_json_list`


def print_json_list(items: list[Any], slice_size: int | None = None) -> None:
    """`print_json(items)`, the same bytes; in a pipe encoded and written a slice at a
    time, so a 100k-claim listing never holds its whole text beside its objects."""
    if sys.stdout.isatty() or not items:
        print_json(items)
        return
    step = slice_size or JSON_SLICE
    write = sys.stdout.write
    write("[")
    for start in range(0, len(items), step):
        if start:
            write(", ")
        # Compact JSON joins a list's items with ", ": a slice's text without its
        # brackets is that slice's part of the whole list's text.
        write(safe_json.dumps(items[start : start + step], ensure_ascii=False)[1:-1])
    write("]\n")
