"""Asking why a claim is void: a reason is required, and it is kept in the ledger."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui import formatting as fmt
from tui.widgets.text_input import TextInput


class VoidScreen(ModalScreen[str | None]):
    """Returns the reason typed (Enter), or None (Escape)."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, claim_id: int, normalized: str) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.normalized = normalized

    def compose(self) -> ComposeResult:
        with Vertical(id="void-box", classes="dialog"):
            yield Static(
                Text.assemble(
                    ("Void claim ", "bold"), f"#{self.claim_id}: {fmt.shown(self.normalized)}"
                )
            )
            yield Static("It stays in the ledger, out of every score. Why is it void?")
            yield TextInput(placeholder="e.g. recorded the wrong level", id="void-reason")
            yield Static("", id="void-error", classes="error")
            yield Static("Enter voids  ·  Escape cancels", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        why = event.value.strip()
        if not why:
            self.query_one("#void-error", Static).update("A reason is needed: say why it is void.")
            return
        self.dismiss(why)

    def action_cancel(self) -> None:
        self.dismiss(None)
