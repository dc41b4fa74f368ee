"""What to review: verdicts that stood on repaired or close-only bars, and claims
stuck open past their deadline (the rows of `forecast review`, one query each).

The row under the cursor is shown in full below the table: its reason and the
actions it takes. The actions are keys: accept a flagged verdict as it stands,
re-judge it on closes only, void the claim; Enter opens the claim. Resolving
by hand is a command line (`forecast resolve ID --outcome ... --note WHY`):
a verdict by hand wants a reason written out, and the detail shows it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from ledger.services.review import FLAGGED, ReviewItem
from tui import formatting as fmt
from tui.messages import LoadFailed, ReviewDecided, ReviewLoaded, describe_error
from tui.screens.base import LedgerScreen
from tui.widgets.ledger_table import LedgerTable

COLUMNS = (("id", "id"), ("what", "what"), ("source", "source"), ("claim", "claim"))
CLAIM_WIDTH = 34


def what_text(item: ReviewItem) -> str:
    if item.kind == FLAGGED:
        return f"{item.status} on {(item.bar_quality or '').replace('_', '-')} bar"
    return f"open, {item.trading_days_late} days late"


def summary_text(items: list[ReviewItem]) -> str:
    if not items:
        return "Nothing to review: no flagged verdicts, no claim stuck past its deadline."
    flagged = sum(1 for item in items if item.kind == FLAGGED)
    late = len(items) - flagged
    return (
        f"{fmt.count(flagged, 'verdict')} on repaired or close-only bars  ·  "
        f"{fmt.count(late, 'claim')} open past {'its' if late == 1 else 'their'} deadline"
    )


class ReviewScreen(LedgerScreen):
    """The review list, with its actions as keys."""

    CSS_PATH = "review.tcss"
    AUTO_FOCUS = "#review"
    SUB_TITLE = "review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("y", "accept", "Accept", tooltip="Keep the flagged verdict as it stands"),
        Binding("o", "rejudge", "Closes only", tooltip="Judge the flagged claim on closes only"),
        Binding("v", "void", "Void", tooltip="Void the claim, with a reason"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, ReviewItem] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading what to review...", id="review-summary")
        table = LedgerTable(id="review")
        for label, key in COLUMNS:
            table.add_column(label, key=key, width=CLAIM_WIDTH if key == "claim" else None)
        yield table
        yield Static("", id="review-detail")
        yield Footer()

    @property
    def table(self) -> LedgerTable:
        return self.query_one("#review", LedgerTable)

    def load(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="review")
    def _load(self) -> None:
        try:
            items = self.data.review()
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ReviewLoaded(items))

    def on_review_loaded(self, message: ReviewLoaded) -> None:
        table = self.table
        table.clear()
        self.items = {str(item.claim_id): item for item in message.items}
        for item in message.items:
            table.add_row(
                Text(str(item.claim_id), justify="right"),
                fmt.plain(what_text(item)),
                fmt.plain(fmt.shown(item.source)),
                fmt.plain(fmt.shown(item.text)),
                key=str(item.claim_id),
            )
        self.query_one("#review-summary", Static).update(summary_text(message.items))
        self._show_detail(self.current())
        self.loaded = True

    def current(self) -> ReviewItem | None:
        table = self.table
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.items.get(str(key))

    def _show_detail(self, item: ReviewItem | None) -> None:
        detail = self.query_one("#review-detail", Static)
        if item is None:
            detail.update("")
            return
        keys = "y accept  ·  o closes only  ·  v void" if item.kind == FLAGGED else "v void"
        detail.update(
            Text.assemble(
                (f"#{item.claim_id} ", "bold"),
                fmt.shown(item.reason),
                "\n",
                (f"keys: {keys}  ·  enter opens the claim\n", "dim"),
                ("\n".join(fmt.shown(a) for a in item.actions), "dim"),
            )
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(self.items.get(str(event.row_key.value)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from tui.screens.claim import ClaimScreen

        self.app.push_screen(ClaimScreen(int(str(event.row_key.value))))

    # --- actions -------------------------------------------------------------------

    def action_accept(self) -> None:
        item = self.current()
        if item is not None:
            self._decide(item.claim_id, "accept")

    def action_rejudge(self) -> None:
        item = self.current()
        if item is not None:
            self._decide(item.claim_id, "rejudge")

    @work(thread=True, exclusive=True, exit_on_error=False, group="decide")
    def _decide(self, claim_id: int, action: str) -> None:
        try:
            if action == "accept":
                outcome = self.data.review_accept(claim_id, None)
            else:
                outcome = self.data.review_rejudge(claim_id)
        except Exception as exc:
            self.app.call_from_thread(
                self.notify,
                fmt.shown(describe_error(exc)),
                title="Nothing recorded",
                severity="error",
                markup=False,
            )
            return
        self.post_message(ReviewDecided(outcome))

    def on_review_decided(self, message: ReviewDecided) -> None:
        done = message.outcome
        if done.action == "accept":
            text = f"#{done.claim_id}: {done.old_outcome} accepted as it stands"
        elif done.changed:
            text = (
                f"#{done.claim_id}: {done.new_outcome} on closes only (was {done.old_outcome});"
                " the old verdict stays in its history"
            )
        else:
            text = f"#{done.claim_id}: still {done.new_outcome} on closes only: accepted"
        self.notify(text, title="Reviewed", markup=False)
        self.host.ledger_changed()

    def action_void(self) -> None:
        from tui.screens.void import VoidScreen

        item = self.current()
        if item is None:
            return
        claim_id = item.claim_id
        self.app.push_screen(
            VoidScreen(claim_id, item.text), lambda why: self._void(claim_id, why) if why else None
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="void")
    def _void(self, claim_id: int, why: str) -> None:
        try:
            self.data.void(claim_id, why)
        except Exception as exc:
            self.app.call_from_thread(
                self.notify,
                fmt.shown(describe_error(exc)),
                title="Not voided",
                severity="error",
                markup=False,
            )
            return
        self.app.call_from_thread(self.notify, f"Voided #{claim_id}", markup=False)
        self.app.call_from_thread(self.host.ledger_changed)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self.query_one("#review-summary", Static).update(
            fmt.plain(f"Could not read the ledger: {message.error}")
        )
