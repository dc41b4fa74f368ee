"""The home screen: one row per source (or asset, tag, year) with its scores.

The table sorts in memory; the filter box's words narrow the rows on screen
as they are typed, its key:value terms narrow the scored claims when Enter
is pressed (that is a query, run in a worker). Enter on a row opens the
group: its claims, statistics and reliability diagram.

Like `forecast score`, only claims whose deadline has passed are scored: a
"reaches" call can come true early but is false only at its deadline, so
scoring early resolutions tilts a live ledger towards hits. `e` scores them
anyway (`--include-early`), and the status line says so while it does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from ledger.errors import UsageError
from ledger.scoring import GroupScore
from ledger.scoring.separation import (
    NOT_APART,
    ScoreHints,
    cannot_tell_apart,
    why_nothing_is_scored,
    why_rows_are_blank,
)
from ledger.store.scoring import GROUPINGS
from ledger.store.views import ClaimScope
from tui import formatting as fmt
from tui.filters import FILTER_HELP, BoardFilter, parse_filter
from tui.messages import GroupChosen, LoadFailed, ScoreboardLoaded, describe_error
from tui.screens.base import LedgerScreen
from tui.widgets.palette import theme_colour
from tui.widgets.score_table import COLUMN_LEGEND, COLUMNS, ScoreTable
from tui.widgets.text_input import TextInput

EMPTY_LEDGER = (
    "The ledger is empty. Press a to add a claim, or import a file of them with "
    "'forecast import predictions.yaml' (see predictions.example.yaml)."
)

PaletteCommand = tuple[str, str, Callable[[], object]]


class ScoreboardScreen(LedgerScreen):
    """Sources ranked by how often they were right, and by how much better than the market."""

    CSS_PATH = "scoreboard.tcss"
    COLUMN_LEGEND = COLUMN_LEGEND  # shown by the help screen under the keys
    AUTO_FOCUS = "#scores"
    SUB_TITLE = "scoreboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("g", "next_grouping", "Group"),
        Binding("s", "next_sort", "Sort"),
        Binding(
            "e",
            "toggle_early",
            "Early",
            tooltip=(
                "Also score claims settled before their deadline: touches that came true"
                " and holds that broke early (--include-early; biased, see README)"
            ),
        ),
        Binding(
            "l",
            "toggle_late",
            "Late",
            tooltip=(
                "Leave out claims logged late, after a day of their window had passed"
                " (--exclude-late)"
            ),
        ),
        # Not in the footer, which has no room left at 100 columns: in help and the palette.
        Binding(
            "c",
            "calibration",
            "Calibration",
            show=False,
            tooltip="Stated probability against outcome, every source of the board together",
        ),
        Binding("S", "reverse_sort", "Reverse sort", show=False),
        Binding("escape", "leave_filter", "Clear filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by = "source"
        self.filter = BoardFilter()
        self.scope = ClaimScope()
        self.scores: list[GroupScore] = []
        self.outcomes: dict[str, tuple[bool, ...]] = {}
        self.include_early = False
        self.exclude_late = False
        self.generation = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the scoreboard...", id="board-status")
        yield TextInput(placeholder=f"/ filter: {FILTER_HELP}", id="filter")
        yield Static("", id="board-message")
        yield ScoreTable(id="scores")
        yield Footer()

    @property
    def table(self) -> ScoreTable:
        return self.query_one("#scores", ScoreTable)

    @property
    def row_count(self) -> int:
        return self.table.row_count

    # --- loading -------------------------------------------------------------

    def load(self) -> None:
        self.generation += 1
        self._load_scores(
            self.by, self.filter, self.include_early, self.exclude_late, self.generation
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="scores")
    def _load_scores(
        self,
        by: str,
        board_filter: BoardFilter,
        include_early: bool,
        exclude_late: bool,
        generation: int,
    ) -> None:
        try:
            aliases = self.data.aliases() if board_filter.asset else {}
            scope = board_filter.scope(partial(self.data.symbol_for, aliases=aliases))
            scores = self.data.scoreboard(
                by, scope, include_early=include_early, exclude_late=exclude_late
            )
            # The strip is read only when some group has scored calls and no probabilities;
            # as long as the calibration sparkline, so the column lines up.
            outcomes = (
                self.data.recent_outcomes(
                    by,
                    scope,
                    include_early=include_early,
                    exclude_late=exclude_late,
                    per_group=fmt.CALIBRATION_BINS,
                )
                if any(score.scored and not score.with_prob for score in scores)
                else {}
            )
        except Exception as exc:  # shown on the screen, never raised into the UI
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ScoreboardLoaded(scores, by, generation, scope, outcomes))

    def on_scoreboard_loaded(self, message: ScoreboardLoaded) -> None:
        if message.generation != self.generation:
            return  # an answer to an older grouping or filter
        self.scores = message.scores
        self.outcomes = message.outcomes
        self.scope = message.scope
        self._show()
        self.loaded = True

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self._say(f"Could not read the ledger: {message.error}", error=True)

    def _show(self) -> None:
        shown = [s for s in self.scores if self.filter.matches(str(s.group))]
        self.table.show_scores(shown, self.by, self.outcomes)
        plural = {"source": "sources", "asset": "assets", "tag": "tags", "year": "years"}[self.by]
        count = (
            f"{len(shown)} {plural}"
            if len(shown) == len(self.scores)
            else (f"{len(shown)} of {len(self.scores)} {plural}")
        )
        claims = sum(s.claims for s in self.scores) if self.by != "tag" else None
        parts = [f"by {self.by}", count]
        if claims is not None:
            parts.append(f"{claims:,} claims")
        parts.append(f"sorted by {self.table.sort_description}")
        if self.table.sort_key not in ("rank", "group"):
            parts.append(self.table.sort_meaning)
        if self.include_early:
            parts.append("incl. early resolutions")
        if self.exclude_late:
            parts.append("excl. late-logged")
        self.query_one("#board-status", Static).update("  ·  ".join(parts))
        if not self.scores and self.scope.is_everything():
            self._say(EMPTY_LEDGER)
        elif not shown:
            self._say("Nothing matches the filter: Escape clears it.")
        else:
            self._say(_why_figures_are_thin(shown, self.include_early, self.exclude_late))

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#board-message", Static)
        style = theme_colour(self, "error") if error else ""
        message.update(fmt.plain(text, style))  # an error may quote stored text
        message.set_class(bool(text), "shown")

    # --- actions -------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            self.table.focus()
        elif box.value:
            box.value = ""
            self._apply_filter("")

    def action_next_grouping(self) -> None:
        self.group_by(GROUPINGS[(GROUPINGS.index(self.by) + 1) % len(GROUPINGS)])

    def group_by(self, by: str) -> None:
        self.by = by
        self.query_one("#board-status", Static).update(f"Grouping by {by}...")
        self.load()

    def action_toggle_early(self) -> None:
        self.include_early = not self.include_early
        words = "with" if self.include_early else "without"
        self.query_one("#board-status", Static).update(f"Scoring {words} early resolutions...")
        self.load()

    def action_toggle_late(self) -> None:
        self.exclude_late = not self.exclude_late
        words = "without" if self.exclude_late else "with"
        self.query_one("#board-status", Static).update(f"Scoring {words} late-logged claims...")
        self.load()

    def action_calibration(self) -> None:
        from tui.screens.calibration import CalibrationScreen

        what = "every source" if self.scope.is_everything() else "the filtered claims"
        self.app.push_screen(
            CalibrationScreen(
                self.scope,
                what,
                include_early=self.include_early,
                exclude_late=self.exclude_late,
            )
        )

    def action_next_sort(self) -> None:
        self.table.cycle_sort()
        self._show()

    def action_reverse_sort(self) -> None:
        self.table.reverse_sort()
        self._show()

    def sort_by(self, key: str) -> None:
        self.table.sort_by(key)
        self._show()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Bare words narrow the rows as they are typed; key:value terms wait for Enter."""
        words = " ".join(token for token in event.value.split() if ":" not in token)
        if words != self.filter.words:
            self.filter = dataclasses.replace(self.filter, words=words)
            self._show()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._apply_filter(event.value)
        self.table.focus()

    def _apply_filter(self, text: str) -> None:
        try:
            typed = parse_filter(text)
        except UsageError as exc:
            self._say(str(exc), error=True)
            return
        reload = not _same_terms(typed, self.filter)
        self.filter = typed
        if reload:
            self.query_one("#board-status", Static).update("Filtering...")
            self.load()
        else:
            self._show()

    def on_group_chosen(self, message: GroupChosen) -> None:
        from tui.screens.group import GroupScreen

        score = next((s for s in self.scores if str(s.group) == message.group), None)
        self.app.push_screen(
            GroupScreen(
                self.by,
                message.group,
                score,
                self.scope,
                include_early=self.include_early,
                exclude_late=self.exclude_late,
            )
        )

    def palette_commands(self) -> list[PaletteCommand]:
        """Sorting by each column and grouping by each key, for the command palette."""
        commands: list[PaletteCommand] = []
        for column in COLUMNS:
            label = self.by if column.key == "group" else column.label
            commands.append(
                (f"Sort by {label}", "Sort the scoreboard", partial(self.sort_by, column.key))
            )
        for by in GROUPINGS:
            commands.append(
                (f"Group by {by}", "Score each group of claims", partial(self.group_by, by))
            )
        return commands


def _same_terms(a: BoardFilter, b: BoardFilter) -> bool:
    """Do two filters keep the same claims (they may differ in their bare words)?"""
    return (a.source, a.asset, a.tag, a.status, a.year) == (
        b.source,
        b.asset,
        b.tag,
        b.status,
        b.year,
    )


_HINTS = ScoreHints(
    early="e scores them now", late="l counts them", resolve="r resolves open claims against prices"
)


def _why_figures_are_thin(
    scores: list[GroupScore], include_early: bool, exclude_late: bool = False
) -> str:
    """Lines on what the figures cannot say yet, or nothing when they can."""
    if not any(s.scored for s in scores):
        why = why_nothing_is_scored(scores, include_early, exclude_late, _HINTS)
        return why[0].upper() + why[1:] + "."
    lines = []
    if cannot_tell_apart(scores):
        lines.append(NOT_APART[0].upper() + NOT_APART[1:] + ".")
    blank = why_rows_are_blank(scores, include_early, exclude_late, _HINTS)
    if blank:
        lines.append(blank + ".")
    return "\n".join(lines)
