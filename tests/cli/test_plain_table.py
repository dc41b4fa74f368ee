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


def test_the_scoreboard_takes_the_plain_path() -> None:
    """`forecast score` in a pipe: its figures are str cells, written without Rich's
    renderer (about 15 ms of a small scoreboard's start, issue 12), as Rich prints them."""
    import numpy as np

    from ledger.cli.scores import _score_table
    from ledger.scoring.aggregate import score_groups

    scores = score_groups(
        ["Desk", "Desk", "Bank", "Bank", "Bank"],
        ["true", "false", "true", "true", "open"],
        prob=np.array([0.7, 0.6, np.nan, 0.9, 0.5]),
        market_prob=np.array([0.5, 0.5, 0.4, 0.6, np.nan]),
    )
    table = _score_table(scores, "source")
    render.fit_columns(table, (), Console(file=io.StringIO(), width=400))
    lines = render.plain_table_lines(table, 400)
    assert lines is not None
    assert "".join(line + "\n" for line in lines) == rich_text(table, 400)
    assert "100% (" in lines[-1] or "%" in lines[-1]
