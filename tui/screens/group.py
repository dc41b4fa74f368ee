"""A source (or asset, tag, year): its claims, its statistics and its reliability diagram.

Opened from a scoreboard row, it is handed that row's GroupScore, so the
statistics appear at once and agree with the row; only the claims are read,
a page at a time. After the ledger changes (a resolve, a void) the whole
scoreboard is scored again and this group's row taken from it, because the
shrunk hit rate depends on every group.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

from ledger.scoring import GroupScore
from ledger.store.views import ClaimOrder, ClaimScope
from tui import formatting as fmt
from tui.messages import (
    ClaimChosen,
    ClaimsPageLoaded,
    GroupScoreLoaded,
    LoadFailed,
    MoreClaimsWanted,
    describe_error,
)
from tui.screens.base import LedgerScreen
from tui.widgets.claims_table import GROUP_COLUMNS, PAGE_SIZE, SOURCE_COLUMNS, ClaimsTable
from tui.widgets.reliability import ReliabilityPlot
from tui.widgets.stats_panel import StatsPanel


def group_scope(by: str, group: str, scope: ClaimScope) -> ClaimScope:
    """The claims behind one scoreboard row: the board's filter plus the group itself."""
    if by == "source":
        return dataclasses.replace(scope, source=group)
    if by == "asset":
        return dataclasses.replace(scope, symbol=group)
    if by == "tag":
        return dataclasses.replace(scope, tag=group)
    return dataclasses.replace(scope, year=int(group))


class GroupScreen(LedgerScreen):
    """One group of claims: newest first, statistics and calibration beside them."""

    CSS_PATH = "group.tcss"
    AUTO_FOCUS = "#claims"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding(
            "c",
            "calibration",
            "Calibration",
            tooltip="This group's reliability diagram, drawn large",
        ),
    ]

    def __init__(
        self,
        by: str,
        group: str,
        score: GroupScore | None,
        board_scope: ClaimScope,
        *,
        include_early: bool = False,
        exclude_late: bool = False,
    ) -> None:
        super().__init__()
        self.by = by
        self.include_early = include_early
        self.exclude_late = exclude_late
        self.group = group
        self.score = score
        self.board_scope = board_scope
        self.scope = group_scope(by, group, board_scope)
        self.sub_title = f"{by}: {fmt.shown(group)}"
        self.generation = 0
        self._score_is_current = score is not None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), id="group-title")
        with Horizontal(id="group-top"):
            yield StatsPanel(id="stats")
            yield ReliabilityPlot(id="reliability")
        yield Static("Loading claims...", id="claims-status")
        columns = SOURCE_COLUMNS if self.by == "source" else GROUP_COLUMNS
        yield ClaimsTable(columns, today=self.data.today, id="claims")
        yield Footer()

    def _title(self) -> Text:
        narrowed = "" if self.board_scope.is_everything() else "  (filtered)"
        early = "  (incl. early resolutions)" if self.include_early else ""
        late = "  (excl. late-logged)" if self.exclude_late else ""
        return fmt.plain(f"{self.by.capitalize()}: {self.group}{narrowed}{early}{late}")

    @property
    def claims_table(self) -> ClaimsTable:
        return self.query_one("#claims", ClaimsTable)

    def load(self) -> None:
        self.generation += 1
        self.claims_table.restart()
        self._load_page(0, self.generation)
        if self._score_is_current:
            self._score_is_current = False  # the next reload scores again
            self._show_score()
        else:
            self._load_score(self.generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="score")
    def _load_score(self, generation: int) -> None:
        try:
            scores = self.data.scoreboard(
                self.by,
                self.board_scope,
                include_early=self.include_early,
                exclude_late=self.exclude_late,
            )
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        mine = next((s for s in scores if str(s.group) == self.group), None)
        self.post_message(GroupScoreLoaded(mine, generation))

    @work(thread=True, exclusive=False, exit_on_error=False, group="claims")
    def _load_page(self, offset: int, generation: int) -> None:
        try:
            page = self.data.claims_page(self.scope, ClaimOrder.RECENT, offset, PAGE_SIZE)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ClaimsPageLoaded(page, generation))

    def on_group_score_loaded(self, message: GroupScoreLoaded) -> None:
        if message.generation == self.generation:
            self.score = message.score
            self._show_score()

    def _show_score(self) -> None:
        self.query_one("#stats", StatsPanel).show_score(self.score)
        bins = self.score.calibration if self.score is not None else ()
        self.query_one("#reliability", ReliabilityPlot).show_bins(bins)

    def on_claims_page_loaded(self, message: ClaimsPageLoaded) -> None:
        if message.generation != self.generation:
            return
        table = self.claims_table
        table.add_page(message.page)
        self.query_one("#claims-status", Static).update(
            f"{table.loaded_text}, newest first  ·  Enter opens a claim"
        )
        self.loaded = True

    def on_more_claims_wanted(self, message: MoreClaimsWanted) -> None:
        self._load_page(message.offset, self.generation)

    def action_calibration(self) -> None:
        from tui.screens.calibration import CalibrationScreen

        self.app.push_screen(
            CalibrationScreen(
                self.scope,
                f"{self.by} {self.group}",
                include_early=self.include_early,
                exclude_late=self.exclude_late,
            )
        )

    def on_claim_chosen(self, message: ClaimChosen) -> None:
        from tui.screens.claim import ClaimScreen

        self.app.push_screen(ClaimScreen(message.claim_id))

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self.query_one("#claims-status", Static).update(
            fmt.plain(f"Could not read the ledger: {message.error}")
        )
