"""The Textual app: handed its ledger by `make_app`, it only wires screens together.

The app owns what outlives a screen: the ledger door (`LedgerData`), the
count of changes to the ledger that tells screens to reload, and the
resolver run, which keeps going when its progress screen is closed. Each
screen reads what it shows in its own workers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from ledger.safe_text import printable
from ledger.store.session import open_ledger
from tui.data import LedgerData
from tui.messages import ResolveFailed, ResolveFinished, ResolveProgress, describe_error
from tui.screens.base import LedgerScreen
from tui.screens.scoreboard import ScoreboardScreen

if TYPE_CHECKING:
    from tui.screens.resolve import ResolveScreen

# The other screens (add, import, due, review, resolve, help) are imported when
# first opened: the scoreboard is all a start paints, and the add and import
# screens bring the claim parser and the extractor with them.

# Actions that open a screen: refused while a dialog waits for its answer.
OPENS_A_SCREEN = frozenset(("add", "import_article", "due", "review", "resolve", "help", "home"))


class LedgerApp(App):
    """forecast-ledger's scoreboard: sources, claims, calibration and price charts."""

    TITLE = "forecast-ledger"
    CSS_PATH = "app.tcss"
    # Screens narrower than this get the class -narrow: a tighter footer (app.tcss).
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (100, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Record a claim: parsed as you type"),
        Binding("i", "import_article", "Import", tooltip="Find the calls in an article, tick some"),
        Binding("r", "resolve", "Resolve", tooltip="Resolve open claims against prices now"),
        Binding("d", "due", "Due", tooltip="Open claims by deadline, overdue first"),
        Binding(
            "R",
            "review",
            "Review",
            # Off the footer, which has no room left for it at 100 columns (Help would go):
            # listed in help (?) and the command palette.
            show=False,
            tooltip="Verdicts on repaired or close-only bars, claims stuck past their deadline",
        ),
        Binding("question_mark,f1", "help", "Help", tooltip="Every key of this screen"),
        Binding("q", "quit", "Quit", tooltip="Leave the scoreboard"),
        Binding("h", "home", "Scoreboard", show=False, tooltip="Back to the scoreboard"),
    ]

    def __init__(self, data: LedgerData) -> None:
        super().__init__()
        self.data = data
        self.ledger_version = 0
        self.resolving = False
        self._last_progress: tuple[str, int, int] | None = None

    def on_mount(self) -> None:
        self.push_screen(ScoreboardScreen())

    def on_unmount(self) -> None:
        # The app was handed an engine it alone uses; its connections close with it.
        # (A resolver run still going is a thread of its own and holds its own.)
        self.data.engine.dispose()

    # --- the ledger changed ----------------------------------------------------

    def ledger_changed(self) -> None:
        """Count a change; the screen on top reloads now, the others when shown again."""
        self.ledger_version += 1
        if isinstance(self.screen, LedgerScreen):
            self.screen.reload_if_stale()

    # --- navigation --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A dialog (help, void, resolve progress) is answered before anything else opens.

        The command palette is a modal screen too, but it is not a dialog: it
        lists and runs the actions of the screen it was opened over, so that
        screen is the one that decides.
        """
        shown = self.screen
        if isinstance(shown, CommandPalette) and len(self.screen_stack) > 1:
            shown = self.screen_stack[-2]
        in_dialog = isinstance(shown, ModalScreen)
        return not (in_dialog and action in OPENS_A_SCREEN)

    def action_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_add(self) -> None:
        from tui.screens.add import AddScreen

        if not isinstance(self.screen, AddScreen):
            self.push_screen(AddScreen())

    def action_import_article(self) -> None:
        from tui.screens.import_article import ImportScreen

        if not isinstance(self.screen, ImportScreen):
            self.push_screen(ImportScreen())

    def action_due(self) -> None:
        from tui.screens.due import DueScreen

        if not isinstance(self.screen, DueScreen):
            self.push_screen(DueScreen())

    def action_review(self) -> None:
        from tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        # The screen's and the app's own keys; a focused table's keys are summed up by
        # the help screen itself rather than listed one DataTable binding at a time.
        keys = [
            (active.binding.key_display or self.get_key_display(active.binding), description)
            for active in self.screen.active_bindings.values()
            if (description := active.binding.description) and isinstance(active.node, Screen | App)
        ]
        title = self.screen.sub_title or self.screen.__class__.__name__
        legend = getattr(self.screen, "COLUMN_LEGEND", ())
        self.push_screen(HelpScreen(title, list(dict.fromkeys(keys)), legend))

    # --- resolve now -------------------------------------------------------------

    def action_resolve(self) -> None:
        from tui.screens.resolve import ResolveScreen

        screen = ResolveScreen(self.data.prices)
        self.push_screen(screen)
        if self.resolving:
            if self._last_progress is not None:
                self.call_after_refresh(screen.show_progress, *self._last_progress)
            return
        self.resolving = True
        self._last_progress = None
        self._resolve()

    @work(thread=True, exclusive=True, exit_on_error=False, group="resolve")
    def _resolve(self) -> None:
        def progress(symbol: str, done: int, total: int) -> None:
            self.post_message(ResolveProgress(symbol, done, total))

        try:
            summary = self.data.resolve(progress)
        except Exception as exc:  # reported on screen, never raised into the UI
            self.post_message(ResolveFailed(describe_error(exc)))
            return
        self.post_message(ResolveFinished(summary))

    def _resolve_screen(self) -> ResolveScreen | None:
        from tui.screens.resolve import ResolveScreen

        return next((s for s in self.screen_stack if isinstance(s, ResolveScreen)), None)

    def on_resolve_progress(self, message: ResolveProgress) -> None:
        self._last_progress = (message.symbol, message.done, message.total)
        if (screen := self._resolve_screen()) is not None:
            screen.show_progress(message.symbol, message.done, message.total)

    def on_resolve_finished(self, message: ResolveFinished) -> None:
        from tui.screens.resolve import summary_lines

        self.resolving = False
        summary = message.summary
        if (screen := self._resolve_screen()) is not None:
            screen.show_finished(summary)
        severity = "warning" if summary.failed_symbols else "information"
        self.notify(
            "\n".join(summary_lines(summary)), title="Resolved", severity=severity, markup=False
        )
        self.ledger_changed()

    def on_resolve_failed(self, message: ResolveFailed) -> None:
        self.resolving = False
        if (screen := self._resolve_screen()) is not None:
            screen.show_failed(message.error)
        self.notify(
            printable(message.error),
            title="Resolve failed",
            severity="error",
            timeout=10,
            markup=False,
        )
        self.ledger_changed()  # symbols settled before the failure are kept

    # --- the command palette ---------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every binding of the screen (and the app) by name, plus the screen's own extras."""
        yield from super().get_system_commands(screen)
        seen = {"Quit"}
        for active in screen.active_bindings.values():
            binding = active.binding
            title = binding.description
            if not title or title in seen or not active.enabled:
                continue
            seen.add(title)
            key = binding.key_display or self.get_key_display(binding)
            help_text = f"{binding.tooltip}  (key: {key})" if binding.tooltip else f"key: {key}"
            yield SystemCommand(
                title, help_text, partial(self.run_action, binding.action, active.node)
            )
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)


def make_app(
    db: str | None = None, *, prices: str = "yahoo", today: date | None = None
) -> LedgerApp:
    """The one factory the CLI, the tests and the bench use.

    `prices` is the price source for "Resolve now" ("yahoo" or "csv:DIR");
    `today` fixes the day scores and deadlines are judged against (tests and
    snapshots pass one; the CLI passes none and gets the real date).
    """
    engine = open_ledger(db)
    return LedgerApp(LedgerData(engine, prices=prices, today=today or date.today()))
