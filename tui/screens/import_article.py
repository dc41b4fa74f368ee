"""Importing an article: the calls it makes, proposed by the extractor, recorded when ticked.

The user pastes the article (or names a .txt or .html file) and presses
ctrl+r; a worker runs `ledger.extract` exactly as `forecast extract` does
(made_on from the user, else the article's own date, else the app's
`today`) and the candidates come back as cards. Nothing is recorded until
ctrl+s, and then only the ticked cards, through the same recording path as
`forecast extract`: `record_claims`, the sentence as the quote, the link if
one is given, a claim already in the ledger reported rather than added.

Candidates start ticked when the extractor is confident (as `--yes` would
record them) and untickable when they name no level, so an accepted call is
always one the parser reads.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Header, Input, Label, Static, TextArea

from ledger.errors import UsageError
from tui import formatting as fmt
from tui.data import ArticleCandidates, LedgerData, PickedClaim, parse_day
from tui.messages import ArticleExtracted, CandidatesRecorded, LoadFailed, describe_error
from tui.widgets.candidate_card import CandidateCard
from tui.widgets.palette import theme_colour
from tui.widgets.text_input import TextInput

ARTICLE_HINT = "Paste the article here (or give a file below), then press ctrl+r to find its calls."


class ImportScreen(Screen):
    """Paste or name an article, extract its calls, tick the ones to record."""

    CSS_PATH = "import_article.tcss"
    AUTO_FOCUS = "#article"
    SUB_TITLE = "import an article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back"),
        Binding("ctrl+r", "extract", "Extract", tooltip="Find the calls in the article"),
        Binding("ctrl+s", "record", "Record", tooltip="Record the ticked candidates, no others"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.generation = 0
        self.recording = False
        self.found: ArticleCandidates | None = None
        # The made_on the screen filled in from the article: not the user's own choice.
        self._article_made_on = ""
        self._recording: list[CandidateCard] = []
        self._last_recorded = ""  # what the last ctrl+s did, kept above the counts

    @property
    def data(self) -> LedgerData:
        return self.app.data  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(id="article", placeholder=ARTICLE_HINT, soft_wrap=True)
        with Horizontal(id="article-fields"):
            yield Label("file", classes="field-label")
            # Short enough to show whole in an 80-column terminal.
            yield TextInput(placeholder=".txt or .html file", compact=True, id="article-path")
            yield Label("made on", classes="field-label")
            yield TextInput(placeholder="dateline", compact=True, id="made-on")
            yield Label("link", classes="field-label")
            yield TextInput(placeholder="https://... (optional)", compact=True, id="url")
        yield Static(ARTICLE_HINT, id="import-status")
        yield VerticalScroll(id="candidates")
        yield Footer()

    @property
    def cards(self) -> list[CandidateCard]:
        return list(self.query(CandidateCard))

    # --- extracting ------------------------------------------------------------

    def action_extract(self) -> None:
        typed = self.query_one("#made-on", Input).value.strip()
        made_on: date | None = None
        if typed and typed != self._article_made_on:
            try:
                made_on = parse_day(typed, self.data.today)
            except UsageError as exc:
                self._say(str(exc), error=True)
                return
        self.generation += 1
        self._say("Reading the article...")
        self._extract(
            self.query_one("#article", TextArea).text,
            self.query_one("#article-path", Input).value,
            made_on,
            self.query_one("#url", Input).value,
            self.generation,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="extract")
    def _extract(
        self, pasted: str, path: str, made_on: date | None, url: str, generation: int
    ) -> None:
        try:
            found = self.data.extract(pasted, path, made_on, url)
        except Exception as exc:  # shown on the screen, never raised into the UI
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ArticleExtracted(found, generation))

    async def on_article_extracted(self, message: ArticleExtracted) -> None:
        if message.generation != self.generation:
            return  # an answer to an earlier ctrl+r
        found = message.found
        extraction = found.extraction
        self.found = found
        self._last_recorded = ""
        made_on_box = self.query_one("#made-on", Input)
        if made_on_box.value.strip() in ("", self._article_made_on):
            self._article_made_on = extraction.made_on.isoformat()
            made_on_box.value = self._article_made_on
        container = self.query_one("#candidates", VerticalScroll)
        await container.remove_children()
        cards = [
            CandidateCard(
                index,
                candidate,
                made_on=extraction.made_on,
                aliases=found.aliases,
                # The speaker the extractor found; never the author unless the author
                # speaks in the first person (the extractor credits those to the author).
                source=candidate.speaker or "",
            )
            for index, candidate in enumerate(extraction.candidates, start=1)
        ]
        await container.mount_all(cards)
        if cards:
            cards[0].checkbox.focus()
        self._show_count()

    def _show_count(self) -> None:
        found = self.found
        if found is None:
            return
        extraction = found.extraction
        if not extraction.candidates:
            self._say(
                f"No forecasts found in {found.origin}: no sentence reads as a call on a "
                "future price (moves that already happened are not calls)."
            )
            return
        ticked = sum(card.ticked for card in self.cards)
        total = len(extraction.candidates)
        counts = (
            f"{total} candidate{'s' if total != 1 else ''}, {ticked} ticked (space ticks)  ·  "
            f"made on {extraction.made_on.isoformat()}: {screen_words(extraction.made_on_from)}"
        )
        self._say("\n".join(filter(None, (self._last_recorded, counts))))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._show_count()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new made_on reads every claim again: "within 90 days" counts from it."""
        if event.input.id != "made-on" or not event.value.strip():
            return
        try:
            day = parse_day(event.value, self.data.today)
        except UsageError as exc:
            self._say(str(exc), error=True)
            return
        for card in self.cards:
            card.set_made_on(day)
        self._show_count()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in ("article-path", "made-on", "url"):
            event.stop()
            self.action_extract()

    # --- recording -------------------------------------------------------------

    def action_record(self) -> None:
        if self.recording:
            return
        ticked = [card for card in self.cards if card.ticked]
        if not ticked:
            self._say("Nothing is ticked: tick a candidate with space first.", error=True)
            return
        for card in ticked:
            if not card.source:
                card.ask_for_source()
                self._say(f"Who made call {card.index}? Fill in its source.", error=True)
                return
        picks: list[PickedClaim] = [card.pick() for card in ticked]
        self.recording = True
        self._recording = ticked
        self._say(f"Recording {len(picks)}...")
        self._record(picks, self.query_one("#url", Input).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="record")
    def _record(self, picks: list[PickedClaim], url: str) -> None:
        try:
            outcome = self.data.record_picks(picks, url)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(CandidatesRecorded(outcome))

    def on_candidates_recorded(self, message: CandidatesRecorded) -> None:
        self.recording = False
        outcome = message.outcome
        for card, claim_id, new in zip(self._recording, outcome.ids, outcome.new, strict=True):
            card.mark_recorded(claim_id, new)
        self._recording = []
        summary = f"Recorded {outcome.added}, {outcome.duplicates} already in the ledger."
        self._last_recorded = summary
        self._show_count()
        self.app.notify(summary, title="Imported", markup=False)
        if outcome.added:
            self.app.ledger_changed()  # type: ignore[attr-defined]

    def on_load_failed(self, message: LoadFailed) -> None:
        self.recording = False
        self._recording = []
        self._say(message.error, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        style = theme_colour(self, "error") if error else ""
        # An error or a file name may hold anything: shown, never read as markup.
        self.query_one("#import-status", Static).update(fmt.plain(text, style))

    def action_cancel(self) -> None:
        self.dismiss()


# The extractor explains its call day in the CLI's words; this screen has a field instead.
_CLI_WORDS = (
    ("given with --made-on", "typed in the 'made on' field"),
    ("give --made-on", "type the day in the 'made on' field"),
    ("--made-on", "the 'made on' field"),
)


def screen_words(reason: str) -> str:
    """`reason` with the CLI's --made-on said as the field a user of this screen has."""
    for cli, screen in _CLI_WORDS:
        reason = reason.replace(cli, screen)
    return reason
