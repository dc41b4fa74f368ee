"""The Textual app: handed its ledger by `make_app`, reads it in workers.

This is the shell the scoreboard grows from: today it lists the ledger's
claims; the scoring and resolver issues add their screens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from sqlmodel import Session
from textual import work
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ledger.claims.model import format_price
from ledger.records import ClaimRecord
from ledger.store.claims import list_claims
from ledger.store.session import open_ledger
from tui.messages import ClaimsLoaded, LoadFailed

ClaimLoader = Callable[[], list[ClaimRecord]]

COLUMNS = ("id", "status", "source", "asset", "kind", "level", "made on", "deadline")


class LedgerApp(App):
    TITLE = "forecast-ledger"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar = [
        ("q", "quit", "Quit"),
        ("r", "reload", "Reload"),
        ("j", "cursor_down", "Down"),
        ("k", "cursor_up", "Up"),
    ]

    def __init__(self, load_claims: ClaimLoader) -> None:
        super().__init__()
        self._load_claims = load_claims

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the ledger...", id="status")
        yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#claims", DataTable).add_columns(*COLUMNS)
        self.action_reload()

    def action_reload(self) -> None:
        self._load()

    def action_cursor_down(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#claims", DataTable).action_cursor_up()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        try:
            claims = self._load_claims()
        except Exception as exc:  # shown to the user, never raised into the UI
            self.post_message(LoadFailed(f"{exc.__class__.__name__}: {exc}"))
            return
        self.post_message(ClaimsLoaded(claims))

    def on_claims_loaded(self, message: ClaimsLoaded) -> None:
        table = self.query_one("#claims", DataTable)
        table.clear()
        for c in message.claims:
            level = c.relative if c.level is None else format_price(c.level)
            table.add_row(
                str(c.id),
                c.status,
                c.source,
                c.asset,
                c.kind,
                level or "",
                str(c.made_on),
                str(c.deadline),
                key=str(c.id),
            )
        status = self.query_one("#status", Static)
        if message.claims:
            status.update(f"{len(message.claims)} claims")
        else:
            status.update(
                "The ledger is empty: add a claim with 'forecast add' or "
                "'forecast import predictions.example.yaml'."
            )

    def on_load_failed(self, message: LoadFailed) -> None:
        self.query_one("#status", Static).update(f"Could not read the ledger: {message.error}")


def make_app(db: str | None = None) -> LedgerApp:
    """The one factory the CLI and the tests use."""
    engine = open_ledger(db)

    def load_claims() -> list[ClaimRecord]:
        with Session(engine) as session:
            return list_claims(session)

    return LedgerApp(load_claims)
