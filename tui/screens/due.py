"""Open claims by deadline: the ones past their deadline and still open come first.

A claim past its deadline should have been settled; if it is still open the
resolver said why (waiting for data, an unknown symbol, a failing price
source), and that reason is the last column, so the list doubles as a to-do
list: fix the alias, wait for the bar, or run the resolver.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from ledger.store.views import ClaimOrder, ClaimScope, DueSummary
from tui import formatting as fmt
from tui.messages import (
    ClaimChosen,
    ClaimsPageLoaded,
    DueSummaryLoaded,
    LoadFailed,
    MoreClaimsWanted,
    describe_error,
)
from tui.screens.base import LedgerScreen
from tui.widgets.claims_table import DUE_COLUMNS, PAGE_SIZE, ClaimsTable

OPEN_CLAIMS = ClaimScope(status="open")


def summary_text(summary: DueSummary) -> str:
    if summary.open == 0:
        return "No open claims: nothing is due. Press a to add one."
    plural = "s" if summary.open != 1 else ""
    parts = [f"{summary.open:,} open claim{plural}", f"{summary.overdue:,} past the deadline"]
    if summary.waiting_for_data:
        parts.append(f"{summary.waiting_for_data:,} waiting for data")
    if summary.failing:
        parts.append(f"{summary.failing:,} on failing symbols")
    if summary.never_checked:
        parts.append(f"{summary.never_checked:,} not checked yet (press r)")
    return "  ·  ".join(parts)


class DueScreen(LedgerScreen):
    """What is due, soonest (and overdue) first."""

    CSS_PATH = "due.tcss"
    AUTO_FOCUS = "#due"
    SUB_TITLE = "due"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading open claims...", id="due-summary")
        yield ClaimsTable(DUE_COLUMNS, today=self.data.today, claim_width=30, id="due")
        yield Footer()

    @property
    def claims_table(self) -> ClaimsTable:
        return self.query_one("#due", ClaimsTable)

    def load(self) -> None:
        self.generation += 1
        self.claims_table.restart()
        self._load_summary()
        self._load_page(0, self.generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="summary")
    def _load_summary(self) -> None:
        try:
            summary = self.data.due_summary()
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(DueSummaryLoaded(summary))

    @work(thread=True, exclusive=False, exit_on_error=False, group="claims")
    def _load_page(self, offset: int, generation: int) -> None:
        try:
            page = self.data.claims_page(OPEN_CLAIMS, ClaimOrder.DEADLINE, offset, PAGE_SIZE)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ClaimsPageLoaded(page, generation))

    def on_due_summary_loaded(self, message: DueSummaryLoaded) -> None:
        self.query_one("#due-summary", Static).update(summary_text(message.summary))

    def on_claims_page_loaded(self, message: ClaimsPageLoaded) -> None:
        if message.generation == self.generation:
            self.claims_table.add_page(message.page)
            self.loaded = True

    def on_more_claims_wanted(self, message: MoreClaimsWanted) -> None:
        self._load_page(message.offset, self.generation)

    def on_claim_chosen(self, message: ClaimChosen) -> None:
        from tui.screens.claim import ClaimScreen

        self.app.push_screen(ClaimScreen(message.claim_id))

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self.query_one("#due-summary", Static).update(
            fmt.plain(f"Could not read the ledger: {message.error}")
        )
