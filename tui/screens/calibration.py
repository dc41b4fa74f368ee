"""The reliability diagram of many sources at once: the whole ledger, or the filtered set.

A source's own diagram (its group screen) says whether *it* means 70% when it
says 70%; pooled over every source it says whether the calls the ledger holds
are, taken together, over- or under-confident, which a reader of forecasts
wants to know before trusting any one of them. Opened with `c` from the
scoreboard (its filter applies) or from a group screen (that group, drawn
large).
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

from ledger.store.views import ClaimScope
from tui import formatting as fmt
from tui.messages import LoadFailed, PooledScoreLoaded, describe_error
from tui.screens.base import LedgerScreen
from tui.widgets.reliability import ReliabilityPlot
from tui.widgets.stats_panel import StatsPanel


class CalibrationScreen(LedgerScreen):
    """Stated probability against how often it came true, pooled over a scope of claims."""

    CSS_PATH = "calibration.tcss"
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(
        self,
        scope: ClaimScope,
        what: str,
        *,
        include_early: bool = False,
        exclude_late: bool = False,
    ) -> None:
        super().__init__()
        self.scope = scope
        self.what = what
        self.include_early = include_early
        self.exclude_late = exclude_late
        self.sub_title = f"calibration: {fmt.shown(what)}"
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), id="calibration-title")
        with Horizontal(id="calibration-body"):
            yield ReliabilityPlot(id="calibration-plot")
            yield StatsPanel(id="calibration-stats")
        yield Footer()

    def _title(self):
        early = "  (incl. early resolutions)" if self.include_early else ""
        late = "  (excl. late-logged)" if self.exclude_late else ""
        return fmt.plain(f"Calibration of {self.what}{early}{late}")

    def load(self) -> None:
        self.generation += 1
        self._load(self.generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="calibration")
    def _load(self, generation: int) -> None:
        try:
            score = self.data.pooled_score(
                self.scope, include_early=self.include_early, exclude_late=self.exclude_late
            )
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(PooledScoreLoaded(score, generation))

    def on_pooled_score_loaded(self, message: PooledScoreLoaded) -> None:
        if message.generation != self.generation:
            return
        self.query_one("#calibration-stats", StatsPanel).show_score(message.score, pooled=True)
        bins = message.score.calibration if message.score is not None else ()
        self.query_one("#calibration-plot", ReliabilityPlot).show_bins(bins)
        self.loaded = True

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self.query_one("#calibration-title", Static).update(
            fmt.plain(f"Could not read the ledger: {message.error}")
        )
