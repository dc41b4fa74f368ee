"""Tables printed in a pipe without Rich's renderer are the bytes Rich prints.

`render.plain_table_lines` builds a fitted table's lines directly when the
console is no terminal (Rich's renderer costs a long listing more than the rest
of `forecast list`); for every table it accepts, the text must be Rich's own.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ledger.cli import render
from ledger.cli.grid import Grid, plain_grid_lines

ASCII = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=16),
    st.sampled_from(["[bold]x[/bold]", "a:smile:", ":thumbs_up:", "[red]", "100% (89%-100%)"]),
)
CELL = st.one_of(ASCII, st.text(max_size=8), st.sampled_from(["", " ", "  x  "]))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Half of them of the shape the plain path takes (ASCII cells, fixed widths, no
    wrapping, left or right), half anything, so both paths are exercised."""
    plain = draw(st.booleans())
    cells = ASCII if plain else CELL
    justify = st.sampled_from(["left", "right"] if plain else ["left", "right", "center"])
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    count = draw(st.integers(1, 6))
    rows = draw(st.integers(1, 5) if plain else st.integers(0, 5))
    for _ in range(count):
        header = draw(
            st.one_of(st.sampled_from(["id", "made on", "p", "hit rate (90% CI)"]), ASCII)
        )
        table.add_column(header, justify=draw(justify))
    for _ in range(rows):
        # A str cell is markup to Rich (the scoreboard's figures), a Text is not.
        as_str = st.sampled_from([Text, str]) if plain else st.just(Text)
        table.add_row(*(draw(as_str)(draw(cells)) for _ in range(count)))
    for column in table.columns:
        column.width = draw(st.integers(1, 14))
        column.no_wrap = plain or draw(st.booleans())
        column.overflow = draw(st.sampled_from(["ellipsis"] * 5 + ["crop", "fold"]))
    return table


def rich_text(table: Table, width: int) -> str:
    out = io.StringIO()
    Console(file=out, highlight=False, soft_wrap=True, width=width).print(table)
    return out.getvalue()


@given(tables(), st.integers(10, 400))
def test_plain_lines_are_richs(table: Table, width: int) -> None:
    lines = render.plain_table_lines(table, width)
    if lines is not None:
        assert "".join(line + "\n" for line in lines) == rich_text(table, width)


def test_a_listing_takes_the_plain_path() -> None:
    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("id", justify="right")
    table.add_column("source")
    table.add_row(Text("7"), Text("Goldman Sachs Research"))
    render.fit_columns(table, (), Console(file=io.StringIO(), width=20))
    lines = render.plain_table_lines(table, 20)
    assert lines == [
        "id ┃ source         ",
        "━━━╇━━━━━━━━━━━━━━━━",
        " 7 │ Goldman Sachs …",
    ]
    assert "".join(line + "\n" for line in lines) == rich_text(table, 20)


HEADER = st.text(st.characters(min_codepoint=32, max_codepoint=126, exclude_characters="[:"))


@st.composite
def grids(draw: st.DrawFn) -> tuple[Grid, tuple[str, ...]]:
    """Grids of ASCII text (sometimes not: the Rich path), some columns of dates, and an
    order in which to drop columns that names some of them."""
    count = draw(st.integers(1, 6))
    headers = draw(
        st.lists(
            st.one_of(HEADER, st.sampled_from(["source", "p"])), min_size=count, max_size=count
        )
    )
    justify = draw(st.lists(st.sampled_from(["left", "right"]), min_size=count, max_size=count))
    grid = Grid(headers, justify)
    cells = st.one_of(ASCII, st.sampled_from(["2026-12-31", "2025-01-02", ""]), st.text(max_size=6))
    for _ in range(draw(st.integers(1, 5))):
        grid.add_row(*(draw(cells) for _ in range(count)))
    drop = draw(st.lists(st.sampled_from([*headers, "absent"]), max_size=4, unique=True))
    return grid, tuple(drop)


@given(grids(), st.integers(8, 400))
def test_a_grid_in_a_pipe_is_what_rich_prints(
    drawn: tuple[Grid, tuple[str, ...]], width: int
) -> None:
    """The scoreboard's grid, fitted and written without Rich (issue 12: Rich's import was a
    twentieth of `forecast score`), is the bytes of its Rich table fitted and printed."""
    grid, drop_order = drawn
    lines = plain_grid_lines(grid, drop_order, width)
    if lines is not None:
        console = Console(file=io.StringIO(), width=width)
        table = grid.to_rich()
        render.fit_columns(table, drop_order, console)
        assert "".join(line + "\n" for line in lines) == rich_text(table, width)


def test_the_scoreboard_in_a_pipe_takes_the_plain_grid() -> None:
    import numpy as np

    from ledger.cli.scores import _score_table
    from ledger.scoring.aggregate import score_groups

    scores = score_groups(
        ["Desk", "Desk", "Bank", "Bank", "Bank"],
        ["true", "false", "true", "true", "open"],
        prob=np.array([0.7, 0.6, np.nan, 0.9, 0.5]),
        market_prob=np.array([0.5, 0.5, 0.4, 0.6, np.nan]),
    )
    grid = _score_table(scores, "source")
    drop = ("bits/claim", "open", "wdrn", "ovrd", "late", "claims", "market p", "skill")
    for width in (400, 90):
        lines = plain_grid_lines(grid, drop, width)
        assert lines is not None
        assert ("bits/claim" in lines[0]) is (width == 400) and "edge (p)" in lines[0]
        table = grid.to_rich()
        render.fit_columns(table, drop, Console(file=io.StringIO(), width=width))
        assert "".join(line + "\n" for line in lines) == rich_text(table, width)
