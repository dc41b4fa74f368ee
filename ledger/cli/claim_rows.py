"""`forecast list`'s table of claims, as a Grid of plain text.

A Grid is written without Rich in a pipe (`ledger.cli.grid`), so a script reading
`forecast list` does not pay for Rich's import and console (issue 12: `list` on a small
ledger sat at the edge of its 1.5x goal); on a terminal the same cells become a Rich
table. Every cell is stored text passed through `printable`, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from ledger.claims.model import evidence_label, observed_price, shown_price
from ledger.cli.grid import Grid, print_grid
from ledger.cli.lines import note
from ledger.records import ClaimRecord
from ledger.safe_text import printable

COLUMNS = (
    ("id", "right"),
    ("status", "left"),
    ("source", "left"),
    ("asset", "left"),
    ("kind", "left"),
    ("level", "right"),
    ("made on", "left"),
    ("deadline", "left"),
    ("p", "right"),
    ("evidence", "left"),
)
DROP_ORDER = ("evidence", "p", "made on", "kind", "source")


def print_claims(records: Sequence[ClaimRecord]) -> None:
    grid, drop_order = claims_grid(records)
    print_grid(grid, drop_order)
    if any(r.logged_late for r in records):
        note(
            "(late) = logged after a day of its window had passed, when hindsight could pick"
            " it; 'forecast score --exclude-late' leaves such claims out"
        )


def claims_grid(records: Sequence[ClaimRecord]) -> tuple[Grid, tuple[str, ...]]:
    """The rows and the order in which columns give way to a narrow terminal."""
    grid = Grid([name for name, _ in COLUMNS], [justify for _, justify in COLUMNS])
    for r in records:
        cells = (
            str(r.id),
            r.status + (" (late)" if r.logged_late else ""),
            r.source,
            r.asset if r.asset == r.symbol else f"{r.asset} {r.symbol}",
            r.kind,
            level_cell(r),
            str(r.made_on),
            "-" if r.is_vague else str(r.deadline),
            "" if r.probability is None else f"{r.probability:.2f}",
            listed_evidence(r),
        )
        grid.add_row(*map(printable, cells))
    drop_order = DROP_ORDER
    if len({r.source for r in records}) == 1:
        # One source (`list --source X`): its column says nothing a row needs, while the
        # kind tells 'touch_above 4500' from 'average_above 4500'.
        drop_order = ("source", *DROP_ORDER[:-1])
    return grid, drop_order


def listed_evidence(r: ClaimRecord) -> str:
    """Evidence as a listing shows it: '2026-01-26 @ 5095.6', rounded as the TUI rounds an
    observed price ('show' keeps every digit); an outperformance's is the difference of
    the two returns, '2026-06-30 +31.58pp', not a price."""
    if not r.evidence_date:
        return ""
    if r.evidence_field == "return_spread" and r.evidence_price is not None:
        return f"{r.evidence_date} {r.evidence_price:+.2f}pp"
    closest = "closest " if evidence_label(r.kind, r.status) == "closest" else ""
    price = "" if r.evidence_price is None else f" @ {observed_price(r.evidence_price)}"
    return f"{closest}{r.evidence_date}{price}"


def level_cell(r: ClaimRecord) -> str:
    """A level as a listing shows it: 5055, +20%, a band 4000-4500, '-' for a vague call."""
    if r.is_vague:
        return "-"
    if r.upper is not None:
        return f"{shown_price(r.level)}-{shown_price(r.upper)}"
    if r.versus_symbol:
        return f"{r.margin or 0.0:+g}pp vs {r.versus_symbol}"
    if r.level_rule:
        name = r.level_rule.split("(", 1)[0]
        return f"{name} pending" if r.level is None else f"{shown_price(r.level)} {name}"
    return r.relative if r.relative and r.level is None else shown_price(r.level)
