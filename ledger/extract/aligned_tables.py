"""Tables laid out with spaces, read as the pipe tables they are.

A wire factbox is often a plain-text table whose columns are lined up with spaces:

    Company              2020 cur  2020 prev  2021 cur  2021 prev  Revised
    Goldman Sachs          2.50      2.50       2.50      2.50     Jan 28
    U.S. EIA               2.33      2.45       2.54               Jan 14

Read as prose, a row is a name and a run of numbers with no year, and a cell left blank
shifts every number after it one column to the left. Each line is rewritten with "|"
between its cells, each cell put under the header column it stands beneath (a blank cell
stays blank), so the pipe-table reading (tables.py) takes the table like any other.
A table is a header and at least two rows, each line cut into cells by runs of two or
more spaces, every row's cells after the first short figures or dates: prose whose
sentences are set apart by two spaces is not one.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"\S+(?: \S+)*")  # a cell: words apart by single spaces
_FIGURE_CELL = re.compile(r"^[~$€£]?\s?-?\d[\d,.]*%?\**$|^(?:-|n/?a|—)$", re.IGNORECASE)
_DATE_CELL = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}$")  # "Jan 28", a revision date
MIN_ROWS = 2
MIN_COLUMNS = 3  # a label and at least two columns


def aligned_as_pipes(text: str) -> str:
    """`text` with each space-aligned table of figures rewritten with "|" between cells."""
    if "  " not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        header = _cell_spans(lines[index])
        end = index + 1
        if len(header) >= MIN_COLUMNS and "|" not in lines[index]:
            while end < len(lines) and _is_row(lines[end]):
                end += 1
        if end - index - 1 >= MIN_ROWS:
            out.append(" | ".join(cell for _start, _end, cell in header))
            out.extend(_as_pipes(line, header) for line in lines[index + 1 : end])
            index = end
            continue
        out.append(lines[index])
        index += 1
    return "\n".join(out)


def _cell_spans(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[0]) for m in _GAP.finditer(line)]


def _is_row(line: str) -> bool:
    """A label, then at least one figure, and nothing after the label but figures and dates."""
    cells = _cell_spans(line)
    if len(cells) < 2 or "|" in line:
        return False
    rest = [cell for _start, _end, cell in cells[1:]]
    return any(_FIGURE_CELL.match(c) for c in rest) and all(
        _FIGURE_CELL.match(c) or _DATE_CELL.match(c) for c in rest
    )


def _as_pipes(line: str, header: list[tuple[int, int, str]]) -> str:
    """The row's cells, each under the header column it overlaps most (else the nearest)."""
    cells = [""] * len(header)
    spans = _cell_spans(line)
    cells[0] = spans[0][2]
    for start, end, text in spans[1:]:
        column = max(
            range(1, len(header)),
            key=lambda i: (
                min(end, header[i][1]) - max(start, header[i][0]),
                -abs((start + end) - (header[i][0] + header[i][1])),
            ),
        )
        cells[column] = text if not cells[column] else f"{cells[column]} {text}"
    return " | ".join(cells)
