"""A claims table that loads a page at a time, however many claims are behind it.

The table holds the rows it has been given and asks for the next page
(`MoreClaimsWanted`) when the cursor or the scroll position comes near the
end of them; the screen that owns it runs the query and hands the page back
with `add_page`. A page that does not continue where the table stands (an
answer to an older request) is dropped, so rows never repeat or skip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text

from ledger.store.views import ClaimRow
from tui import formatting as fmt
from tui.data import ClaimPage
from tui.messages import ClaimChosen, MoreClaimsWanted
from tui.widgets.ledger_table import LedgerTable
from tui.widgets.palette import status_style

PAGE_SIZE = 200
# Ask for the next page this many rows before the end, so scrolling never waits.
PREFETCH_ROWS = 60

COLUMN_LABELS = {
    "id": "#",
    "status": "status",
    "source": "source",
    "asset": "asset",
    "claim": "claim",
    "made_on": "made on",
    "deadline": "deadline",
    "days": "due",
    "prob": "p",
    "evidence": "outcome / evidence",
    "reason": "why still open",
}
SOURCE_COLUMNS = ("id", "status", "asset", "claim", "made_on", "deadline", "prob", "evidence")
GROUP_COLUMNS = ("id", "status", "source", "asset", "claim", "deadline", "evidence")
DUE_COLUMNS = ("id", "deadline", "days", "source", "asset", "claim", "reason")
RIGHT_ALIGNED = {"id", "days", "prob"}
# Fixed widths: pages arrive while the user scrolls, and columns that resized
# with every page would jump under the cursor.
COLUMN_WIDTHS = {
    "id": 6,
    "status": 6,
    "source": 18,
    "asset": 9,
    "made_on": 10,
    "deadline": 10,
    "days": 9,
    "prob": 4,
    "evidence": 24,
    "reason": 34,
}


# What a narrow table leaves out, first to last, once the claim text is as short as
# it may be: never a date, a status or an outcome, which a cut would turn into another
# value ("2026-0").
DROP_ORDER = ("made_on", "prob", "asset", "source", "days")
MIN_CLAIM_WIDTH = 16


class ClaimsTable(LedgerTable):
    """Claims in pages; Enter (or a click) opens one."""

    def __init__(
        self,
        columns: Sequence[str] = SOURCE_COLUMNS,
        *,
        today: date,
        claim_width: int = 34,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.column_keys = tuple(columns)
        self.today = today
        self.claim_width = claim_width
        self.shown_keys = self.column_keys  # those that fit the width, with the claim's width
        self.shown_claim_width = claim_width
        self.total = 0
        self.waiting = True  # the first page is on its way when the table is made
        self._rows: list[ClaimRow] = []

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._repaint())
        self.shown_keys, self.shown_claim_width = self._fitting(
            self.size.width or self.app.size.width
        )
        self._add_columns()

    def on_resize(self) -> None:
        fitting = self._fitting(self.size.width)
        if fitting != (self.shown_keys, self.shown_claim_width):
            self.shown_keys, self.shown_claim_width = fitting
            self.clear(columns=True)
            self._add_columns()
            self._repaint()

    def _add_columns(self) -> None:
        for key in self.shown_keys:
            justify = "right" if key in RIGHT_ALIGNED else "left"
            width = self.shown_claim_width if key == "claim" else COLUMN_WIDTHS[key]
            self.add_column(Text(COLUMN_LABELS[key], justify=justify), key=key, width=width)

    def _fitting(self, width: int) -> tuple[tuple[str, ...], int]:
        """The columns that fit `width` and the claim column's width: the claim text
        shortens first (to MIN_CLAIM_WIDTH), then columns go in DROP_ORDER."""
        keys = list(self.column_keys)
        if width <= 0 or "claim" not in keys:
            return tuple(keys), self.claim_width
        room = width - self.styles.scrollbar_size_vertical
        pad = 2 * self.cell_padding

        def others(shown: list[str]) -> int:
            return sum(COLUMN_WIDTHS[k] + pad for k in shown if k != "claim") + pad

        for key in DROP_ORDER:
            if others(keys) + MIN_CLAIM_WIDTH <= room:
                break
            if key in keys:
                keys.remove(key)
        claim = max(MIN_CLAIM_WIDTH, min(self.claim_width, room - others(keys)))
        return tuple(keys), claim

    def restart(self) -> None:
        """Forget the rows: the screen is loading the first page again."""
        self.clear()
        self._rows = []
        self.total = 0
        self.waiting = True

    def add_page(self, page: ClaimPage) -> bool:
        """Append a page; False (and nothing changes) when it does not continue the table."""
        if page.offset != self.row_count:
            return False
        if page.total is not None:
            self.total = page.total
        for row in page.rows:
            self.add_row(*self._cells(row), key=str(row.id))
        self._rows.extend(page.rows)
        self.waiting = False
        if not page.rows:
            self.total = self.row_count
        self._want_more()
        return True

    def _repaint(self) -> None:
        """Status colours come from the theme: redraw the loaded rows in the new one."""
        cursor = self.cursor_row
        self.clear()
        for row in self._rows:
            self.add_row(*self._cells(row), key=str(row.id))
        if self._rows:
            self.move_cursor(row=min(cursor, len(self._rows) - 1), animate=False)

    def _cells(self, row: ClaimRow) -> list[Text]:
        return [self._cell(row, key) for key in self.shown_keys]

    def _cell(self, row: ClaimRow, key: str) -> Text:
        overdue = row.status == "open" and row.deadline < self.today
        if key == "id":
            return Text(str(row.id), justify="right")
        if key == "status":
            return Text(row.status, style=status_style(self, row.status, overdue=overdue))
        if key == "source":
            return Text(fmt.truncate(row.source, 18))
        if key == "asset":
            return fmt.plain(row.symbol)
        if key == "claim":
            return Text(fmt.truncate(row.text, self.shown_claim_width))
        if key == "made_on":
            return Text(fmt.day(row.made_on))
        if key == "deadline" and row.status == "vague":
            return Text("-", style="dim")  # a vague call has no deadline
        if key == "deadline":
            style = status_style(self, "open", overdue=True) if overdue else ""
            return Text(fmt.day(row.deadline), style=style)
        if key == "days":
            return Text(_days_text(row.deadline, self.today), justify="right")
        if key == "prob":
            return Text(fmt.pct(row.probability), justify="right")
        if key == "evidence":
            if row.status == "open":
                return Text(fmt.open_reason(row.open_reason), style="dim")
            if row.status == "void":
                return Text("void", style=status_style(self, "void"))
            if row.status == "vague":
                return Text("too vague to judge", style="dim")
            return Text(
                fmt.evidence(
                    row.evidence_date,
                    row.evidence_price,
                    row.evidence_field,
                    width=COLUMN_WIDTHS["evidence"],
                ),
                style=status_style(self, row.status),
            )
        if key == "reason":
            style = status_style(self, "open", overdue=True) if overdue else "dim"
            return Text(fmt.open_reason(row.open_reason, row.open_detail), style=style)
        raise KeyError(key)

    def _want_more(self) -> None:
        """Ask for the next page when the cursor or the viewport nears the loaded end."""
        if self.waiting or self.row_count >= self.total:
            return
        visible_end = int(self.scroll_y) + self.size.height
        if max(self.cursor_row, visible_end) >= self.row_count - PREFETCH_ROWS:
            self.waiting = True
            self.post_message(MoreClaimsWanted(self.row_count))

    def on_data_table_row_highlighted(self, event: LedgerTable.RowHighlighted) -> None:
        self._want_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._want_more()

    def on_data_table_row_selected(self, event: LedgerTable.RowSelected) -> None:
        event.stop()
        self.post_message(ClaimChosen(int(str(event.row_key.value))))

    @property
    def loaded_text(self) -> str:
        """'200 of 31,412 claims loaded' while paging; '312 claims' when all are in."""
        if self.row_count >= self.total:
            return f"{self.total:,} claim{'s' if self.total != 1 else ''}"
        return f"{self.row_count:,} of {self.total:,} claims loaded"


def _days_text(deadline: date, today: date) -> str:
    """'12d late', 'today' or 'in 30d'."""
    late = (today - deadline).days
    if late > 0:
        return f"{late}d late"
    return "today" if late == 0 else f"in {-late}d"
