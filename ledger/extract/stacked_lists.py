"""Lists of houses laid out one item per paragraph, read as the "Name: level" lines they say.

A news page often gives the houses' forecasts under a heading as stacked blocks: the house
on a line of its own (often in capitals), its level on the next, a blank line between
houses:

    GOLD EXPECTATIONS FOR 2026

    DEUTSCHE BANK
    $4,450

    BANK OF AMERICA
    $5,000

Read as prose, each block is a bare name and a bare number, and the blank lines cut the
list off from its heading, so no item takes the heading's asset and period. Rewritten as
consecutive "DEUTSCHE BANK: $4,450" lines right under the heading, the list reading takes
each like any "Name: level" item. "Name: level" items stacked with blank lines between
them are closed up the same way. Only a run of two or more items is a list: one name over
one number is a caption or a byline.
"""

from __future__ import annotations

import re

# A line that is only a price: "$4,450", "US$ 5,000", "~$4,900", "1.12", "$5,055*"
_LEVEL_LINE = re.compile(r"^\s*~?\s*(?:US\$|\$|€|£)?\s?\d[\d,]*(?:\.\d+)?\s*\**\s*$")
# A line that is only a name: a few words, no digit, no sentence punctuation
_NAME = r"(?P<name>[A-Za-z][\w&.'\u2019-]*(?:\s+[\w&.'\u2019-]+){0,4})"
_NAME_LINE = re.compile(rf"^\s*{_NAME}\s*:?\s*$")
# A line that is a name and a price: "Deutsche Bank: $4,450"
_ITEM_LINE = re.compile(
    rf"^\s*{_NAME}\s*:\s*"
    r"(?P<level>~?\s*(?:US\$|\$|€|£)?\s?\d[\d,]*(?:\.\d+)?\s*\**)\s*$"
)
_DIGIT = re.compile(r"\d")
MIN_ITEMS = 2


def stacked_items(text: str) -> str:
    """`text` with each stacked list of houses' levels rewritten one "Name: level" line each."""
    if "\n\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        items, end = _run_of_items(lines, index)
        if len(items) >= MIN_ITEMS:
            out.extend(items)
            index = end
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def is_labelled_level(line: str) -> bool:
    """Whether `line` is one "Name: level" item ("Deutsche Bank: $4,450")."""
    return _ITEM_LINE.match(line) is not None


def _run_of_items(lines: list[str], start: int) -> tuple[list[str], int]:
    """The items stacked from `start` on, as "Name: level" lines, and the index after them."""
    items: list[str] = []
    index = start
    end = start
    while True:
        item = _item_at(lines, index)
        if item is None:
            break
        line, index = item
        items.append(line)
        end = index
        while index < len(lines) and not lines[index].strip():
            index += 1
    return items, end


def _item_at(lines: list[str], index: int) -> tuple[str, int] | None:
    """The item written at `index` (a "Name: level" line, or a name line over a level line)."""
    if index >= len(lines):
        return None
    one_line = _ITEM_LINE.match(lines[index])
    if one_line is not None:
        return f"{one_line['name']}: {one_line['level'].strip()}", index + 1
    name = _NAME_LINE.match(lines[index])
    if name is None or _DIGIT.search(name["name"]) or index + 1 >= len(lines):
        return None
    if not _LEVEL_LINE.match(lines[index + 1]):
        return None
    return f"{name['name']}: {lines[index + 1].strip()}", index + 2
