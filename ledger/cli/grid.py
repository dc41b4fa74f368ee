"""Tables of plain text, and how a table is fitted to a width, without Rich.

`render.print_table` fits a Rich table to the terminal (`fitted_widths`: drop
columns in a given order, then shorten free text) and, in a pipe, writes the
lines Rich would print (`table_lines`). A `Grid` is a table whose cells are
plain text: in a pipe, where every cell is printable ASCII, it is fitted and
written here without importing Rich at all (`forecast score` in a script:
Rich's import and console were about a twentieth of its start, issue 12);
anywhere else it becomes a Rich table and goes through `render.print_table`.
A test holds the two paths to the same bytes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ledger.cli.lines import plain_stream

if TYPE_CHECKING:
    from rich.table import Table

# `render.stdout()` in a pipe: lines as wide as they need to be, up to this.
PIPE_WIDTH = 400
MIN_TEXT_WIDTH = 6


@dataclass
class Grid:
    """A table of text cells, each shown as it is (never read as markup), under headers
    of the project's own (read as Rich markup on a terminal, so they hold none)."""

    headers: list[str]
    justify: list[str]  # "left" or "right" per column
    rows: list[list[str]] = field(default_factory=list)

    def add_row(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def to_rich(self) -> Table:
        from rich.table import Table
        from rich.text import Text

        table = Table(show_edge=False, pad_edge=False, header_style="bold")
        for header, justify in zip(self.headers, self.justify, strict=True):
            table.add_column(header, justify=justify)  # type: ignore[arg-type]
        for row in self.rows:
            table.add_row(*map(Text, row))
        return table


def print_grid(grid: Grid, drop_order: Sequence[str] = ()) -> None:
    """`render.print_table(grid.to_rich(), drop_order)`, without Rich where it can be."""
    if plain_stream(sys.stdout):
        lines = plain_grid_lines(grid, drop_order, PIPE_WIDTH)
        if lines is not None:
            sys.stdout.write("".join(line + "\n" for line in lines))
            return
    from ledger.cli import render

    render.print_table(grid.to_rich(), drop_order)


def plain_grid_lines(grid: Grid, drop_order: Sequence[str], width: int) -> list[str] | None:
    """The lines Rich prints of the fitted grid on a console of `width` that is no
    terminal; None unless every header and cell is printable ASCII (and no header holds
    markup), the one shape whose widths are its lengths."""
    if not grid.rows:
        return None
    columns = [[header, *(row[i] for row in grid.rows)] for i, header in enumerate(grid.headers)]
    if any("[" in h or ":" in h for h in grid.headers) or not all(
        plain_ascii(text) for column in columns for text in column
    ):
        return None
    natural = [max(map(len, column)) for column in columns]
    is_text = [
        justify != "right" and not looks_like_dates(column[1:])
        for justify, column in zip(grid.justify, columns, strict=True)
    ]
    kept, widths = fitted_widths(
        grid.headers, natural, is_text, drop_order, lambda kept: 3 * (len(kept) - 1), width
    )
    if not kept or sum(widths) + 3 * (len(kept) - 1) > width or min(widths) < 1:
        return None  # Rich would shrink the columns itself (or lay out an empty one)
    cells = []
    for position, i in enumerate(kept):
        fitted = [fitted_cell(text, widths[position], grid.justify[i]) for text in columns[i]]
        if any(text is None for text in fitted):
            return None
        cells.append(fitted)
    return table_lines([list(row) for row in zip(*cells, strict=True)], widths)


def fitted_widths(
    headers: Sequence[str],
    natural: Sequence[int],
    is_text: Sequence[bool],
    drop_order: Sequence[str],
    chrome: Callable[[list[int]], int],
    width: int,
) -> tuple[list[int], list[int]]:
    """Which columns stay (their indices, in order) and the width each gets.

    The columns named in `drop_order` go first (in that order) while the natural
    width (widest cell per column, plus `chrome(kept)`, what the table adds
    around the cells) exceeds `width`; then the widest free-text column loses a
    character at a time, down to MIN_TEXT_WIDTH, while the rest is still too wide.
    Numbers and dates keep their full width.
    """
    kept = list(range(len(headers)))
    for header in drop_order:
        if sum(natural[i] for i in kept) + chrome(kept) <= width:
            break
        kept = [i for i in kept if headers[i] != header]
    widths = [natural[i] for i in kept]
    text = [position for position, i in enumerate(kept) if is_text[i]]
    excess = sum(widths) + chrome(kept) - width
    while excess > 0 and any(widths[p] > MIN_TEXT_WIDTH for p in text):
        widest = max(text, key=lambda p: widths[p])
        widths[widest] -= 1
        excess -= 1
    return kept, widths


def looks_like_dates(texts: Sequence[str]) -> bool:
    return bool(texts) and all(len(t) == 10 and t[4:5] == "-" for t in texts if t)


def plain_ascii(text: str) -> bool:
    return text.isascii() and text.isprintable()


def fitted_cell(
    text: str, width: int, justify: str, overflow: str | None = "ellipsis"
) -> str | None:
    """One cell as Rich sets it in a fixed-width, no-wrap column (None: not handled)."""
    if justify == "right":
        text = text.rstrip()
    if len(text) > width:
        if overflow != "ellipsis" or width < 1:
            return None
        text = text[: width - 1] + "…"
    return text.rjust(width) if justify == "right" else text.ljust(width)


def table_lines(rows: list[list[str]], widths: list[int]) -> list[str]:
    """A fitted table's lines as Rich draws its HEAVY_HEAD box without edges: the
    header (rows[0]), its rule, then the rows; each cell already `fitted_cell`."""
    last = len(widths) - 1
    lines = []
    for position, cells in enumerate(rows):
        separator = "┃" if position == 0 else "│"
        lines.append(
            separator.join(
                (" " if i else "") + text + (" " if i < last else "")
                for i, text in enumerate(cells)
            )
        )
        if position == 0:
            lines.append("╇".join("━" * (w + (i > 0) + (i < last)) for i, w in enumerate(widths)))
    return lines
