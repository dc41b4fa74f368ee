"""What every screen that shows the ledger shares: its data door, and staying current.

The app counts changes to the ledger (an added or voided claim, a resolver
run). A screen remembers the count it loaded at and loads again when it is
shown after a change, so going back after a resolve never shows old numbers,
and a screen that nobody looks at costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.screen import Screen

if TYPE_CHECKING:
    from tui.data import LedgerData


class LedgerHost(Protocol):
    """What screens need of the app (the app module imports the screens, not the reverse)."""

    data: LedgerData
    ledger_version: int

    def ledger_changed(self) -> None: ...


class LedgerScreen(Screen):
    """A screen that loads from the ledger in workers and reloads when it went stale."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        self._loaded_version = -1

    @property
    def host(self) -> LedgerHost:
        return self.app  # type: ignore[return-value]

    @property
    def data(self) -> LedgerData:
        return self.host.data

    def on_mount(self) -> None:
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload_if_stale()

    def reload_if_stale(self) -> None:
        if self._loaded_version != self.host.ledger_version:
            self.reload()

    def reload(self) -> None:
        """Load everything the screen shows, again."""
        self._loaded_version = self.host.ledger_version
        self.load()

    def load(self) -> None:
        """Start the workers that read what the screen shows (subclasses)."""
