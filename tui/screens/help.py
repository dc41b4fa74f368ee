"""Every key of the screen the user came from, and of the whole app."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui import formatting as fmt

# Keys every table understands (DataTable's own bindings, not listed in the footer).
TABLE_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓ / j k", "Move the cursor"),
    ("PgUp PgDn", "Move a page up or down"),
    ("ctrl+Home ctrl+End", "Go to the first or the last row"),
    ("Enter / click", "Open the row"),
    ("ctrl+p", "Command palette: every action by name"),
)


class HelpScreen(ModalScreen[None]):
    """A list of (key, what it does) handed in by the app; Escape or ? closes it."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "close", "Close help"),
    ]

    def __init__(
        self,
        title: str,
        keys: Sequence[tuple[str, str]],
        legend: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.keys = list(keys)
        self.legend = list(legend)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            # The title is the screen's, which may name a source: never markup.
            yield Static(fmt.plain(f"Keys: {self.title_text}"), classes="dialog-title")
            yield DataTable(id="help-keys", show_cursor=False, zebra_stripes=True)
            yield Static("Escape closes  ·  mouse works too", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_columns("key", "action")
        for key, description in [*self.keys, *TABLE_KEYS]:
            _add_wrapped(table, key, description)
        if self.legend:  # what each column of the screen's table counts
            table.add_row(fmt.plain(""), fmt.plain(""))
            table.add_row(fmt.plain("column"), fmt.plain("what it shows"))
            for column, meaning in self.legend:
                _add_wrapped(table, column, meaning)

    def action_close(self) -> None:
        self.dismiss(None)


# The dialog is 76 columns (modals.tcss): its border and padding and the first
# column leave this much for a description, which a table row would otherwise cut.
DESCRIPTION_WIDTH = 46


def _add_wrapped(table: DataTable, first: str, description: str) -> None:
    """A row whose description wraps onto as many lines as it needs, cut nowhere."""
    lines = textwrap.wrap(description, DESCRIPTION_WIDTH) or [""]
    table.add_row(fmt.plain(first), fmt.plain("\n".join(lines)), height=len(lines))
