"""The resolver run's progress, and what it did.

The run itself belongs to the app (a worker there), not to this screen:
closing the screen with Escape hides the progress, the run goes on, and the
app reports the result when it ends. Opening the screen again shows where
the run is.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from ledger.failures import summarize_failures
from ledger.resolver import ResolveSummary
from tui import formatting as fmt
from tui.widgets.palette import theme_colour

# The CLI's hint names an option of `forecast resolve`; in the TUI the price source
# is chosen when the TUI starts.
OFFLINE_HINT = "their claims stay open; start with 'forecast tui --prices csv:DIR' to work offline"


def summary_lines(summary: ResolveSummary) -> list[str]:
    """What a run did, in a few lines (the CLI's summary, for the screen)."""
    lines = [
        f"{summary.resolved_true} true, {summary.resolved_false} false, "
        f"{summary.still_open} still open",
        f"{fmt.count(summary.claims_checked, 'claim')} on"
        f" {fmt.count(summary.symbols, 'symbol')} as of"
        f" {summary.as_of.isoformat()} ({summary.price_source})",
    ]
    failures = summarize_failures(summary.failed_symbols, OFFLINE_HINT)
    lines.extend(fmt.shown(line) for line in failures)
    return lines


class ResolveScreen(ModalScreen[None]):
    """Shows the app's resolver run: a progress bar while it runs, the summary after."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Hide (the run goes on)"),
    ]

    def __init__(self, price_source: str) -> None:
        super().__init__()
        self.price_source = price_source

    def compose(self) -> ComposeResult:
        with Vertical(id="resolve-box", classes="dialog"):
            yield Static(
                fmt.plain(f"Resolving open claims against {self.price_source}"),
                classes="dialog-title",
            )
            yield ProgressBar(id="resolve-progress", show_eta=False)
            yield Static("Looking for open claims...", id="resolve-status")
            yield Static("", id="resolve-result")
            yield Static("Escape hides this; the run goes on", id="resolve-hint", classes="hint")

    def show_progress(self, symbol: str, done: int, total: int) -> None:
        self.query_one("#resolve-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#resolve-status", Static).update(
            fmt.plain(f"{symbol}  ({done} of {total} symbols)")
        )

    def show_finished(self, summary: ResolveSummary) -> None:
        bar = self.query_one("#resolve-progress", ProgressBar)
        bar.update(total=max(summary.symbols, 1), progress=max(summary.symbols, 1))
        self.query_one("#resolve-status", Static).update("Done.")
        self.query_one("#resolve-hint", Static).update("Escape closes")
        style = theme_colour(self, "warning") if summary.failed_symbols else ""
        self.query_one("#resolve-result", Static).update(
            fmt.plain("\n".join(summary_lines(summary)), style)
        )

    def show_failed(self, error: str) -> None:
        self.query_one("#resolve-progress", ProgressBar).display = False
        self.query_one("#resolve-status", Static).update(
            "The run stopped; claims it settled before the error are kept."
        )
        self.query_one("#resolve-hint", Static).update("Escape closes")
        self.query_one("#resolve-result", Static).update(
            fmt.plain(error, theme_colour(self, "error"))
        )

    def action_close(self) -> None:
        self.dismiss(None)
