"""Recording a claim: the parsed claim is shown as it is typed, errors inline.

Parsing is the pure claim language (no I/O), so it runs on every keystroke
on the UI thread; only the user's asset aliases come from the ledger, read
once when the form opens. Saving goes through `LedgerData.record`, the same
path as `forecast add`: parse with aliases, reference close for relative
levels, `record_claims` (which refuses a duplicate), with `--source-kind`
(used only when the source is new) and `--revises` (the claim this one
replaces; both stay in the ledger). The id a revision names is looked up as
it is typed, in a worker, so an unknown id is flagged before saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static

from ledger.claims.model import Claim
from ledger.errors import LedgerError, UsageError
from ledger.records import SOURCE_KINDS
from tui import formatting as fmt
from tui.data import ClaimForm, LedgerData, parse_claim_id
from tui.messages import (
    ClaimRecorded,
    LoadFailed,
    RevisedClaimChecked,
    VocabularyLoaded,
    describe_error,
)
from tui.widgets.palette import theme_colour
from tui.widgets.text_input import TextInput

FIELDS = (
    "text",
    "vague",
    "source",
    "source-kind",
    "prob",
    "made-on",
    "url",
    "tags",
    "revises",
    "quote",
)


class AddScreen(Screen):
    """A form for one claim; Enter in any field saves it, Escape leaves without saving."""

    CSS_PATH = "add.tcss"
    AUTO_FOCUS = "#text"
    SUB_TITLE = "add a claim"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.aliases: dict[str, str] = {}
        self.saving = False
        # The last id looked up for "revises", and whether the ledger has it.
        self.revises_checked: tuple[str, bool] | None = None

    @property
    def data(self) -> LedgerData:
        return self.app.data  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="add-form"):
            yield Label("Claim, in words (Enter saves)")
            yield TextInput(placeholder="gold $5055 by end-2026", id="text")
            yield Checkbox(
                "Vague call: no price can settle it (kept and counted, never scored)", id="vague"
            )
            yield Static("", id="preview")
            yield Static("", id="form-error")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Source (who said it)")
                    yield TextInput(placeholder="Goldman Sachs", id="source")
                with Vertical(classes="kind"):
                    yield Label("Kind, if new")
                    yield Select(
                        [(kind, kind) for kind in SOURCE_KINDS], prompt="kind", id="source-kind"
                    )
                with Vertical(classes="narrow"):
                    yield Label("Probability")
                    yield TextInput(placeholder="0.7 or 70%", id="prob")
                with Vertical(classes="date"):
                    yield Label("Made on")
                    yield TextInput(self.data.today.isoformat(), id="made-on")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Link")
                    yield TextInput(placeholder="https://...", id="url")
                with Vertical():
                    yield Label("Tags (space or comma)")
                    yield TextInput(placeholder="macro metals", id="tags")
                with Vertical(classes="narrow"):
                    yield Label("Revises #id")
                    yield TextInput(placeholder="optional", id="revises")
            yield Static("", id="revises-note")
            yield Label("Quote (the words of the call)")
            yield TextInput(placeholder="We see gold at $5,055 by the end of 2026", id="quote")
        yield Footer()

    def on_mount(self) -> None:
        self._show_preview()
        self._load_vocabulary()

    @work(thread=True, exclusive=True, exit_on_error=False, group="vocabulary")
    def _load_vocabulary(self) -> None:
        try:
            vocabulary = self.data.vocabulary()
            aliases = self.data.aliases()
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(VocabularyLoaded(vocabulary, aliases))

    def on_vocabulary_loaded(self, message: VocabularyLoaded) -> None:
        self.aliases = message.aliases
        self.query_one("#source", Input).suggester = SuggestFromList(
            _showable(message.vocabulary.sources), case_sensitive=False
        )
        self.query_one("#tags", Input).suggester = SuggestFromList(
            _showable(message.vocabulary.tags), case_sensitive=False
        )
        self._show_preview()

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    @property
    def vague(self) -> bool:
        return self.query_one("#vague", Checkbox).value

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "vague":
            self._show_preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in ("text", "made-on"):
            self._show_preview()
        elif event.input.id == "revises":
            self._check_revises(event.value)

    # --- the claim a revision replaces -------------------------------------------

    def _check_revises(self, typed: str) -> None:
        try:
            claim_id = parse_claim_id(typed)
        except UsageError as exc:
            self._revises_note(fmt.plain(f"✗ {exc}", theme_colour(self, "error")))
            return
        if claim_id is None:
            self._revises_note(Text(""))
            return
        self._revises_note(Text(f"looking up #{claim_id}...", style="dim"))
        self._look_up_revised(typed, claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="revises")
    def _look_up_revised(self, typed: str, claim_id: int) -> None:
        try:
            claim = self.data.revised_claim(claim_id)
        except Exception as exc:
            self.post_message(RevisedClaimChecked(typed, None, describe_error(exc)))
            return
        self.post_message(RevisedClaimChecked(typed, claim))

    def on_revised_claim_checked(self, message: RevisedClaimChecked) -> None:
        if message.typed != self._value("revises"):
            return  # the id has been changed since
        self.revises_checked = (message.typed, message.claim is not None)
        claim = message.claim
        if claim is None:
            error = message.error or "not found"
            self._revises_note(fmt.plain(f"✗ {error}", theme_colour(self, "error")))
            return
        source = fmt.shown(claim.source)
        self._revises_note(
            Text.assemble(
                ("revises ", "dim"),
                (f"#{claim.id} {fmt.shown(claim.normalized)}", "bold"),
                (f"  ({source}, made on {claim.made_on.isoformat()}, {claim.status})", "dim"),
            )
        )

    def _revises_note(self, text: Text) -> None:
        note = self.query_one("#revises-note", Static)
        note.update(text)
        note.set_class(bool(text.plain), "shown")

    def _revises_refused(self) -> str | None:
        """Why the typed revision cannot be saved, or None (unknown yet: the save checks)."""
        typed = self._value("revises")
        try:
            parse_claim_id(typed)
        except UsageError as exc:
            return str(exc)
        if self.revises_checked == (typed, False):
            return f"there is no claim {typed.strip()} to revise: fix the id or clear it"
        return None

    def _parsed(self) -> Claim | LedgerError:
        try:
            return self.data.preview(
                self._value("text"), self._value("made-on"), self.aliases, vague=self.vague
            )
        except LedgerError as exc:
            return exc

    def _show_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        if not self._value("text").strip():
            preview.update(Text("The parsed claim appears here as you type.", style="dim"))
            return
        parsed = self._parsed()
        if isinstance(parsed, LedgerError):
            preview.update(fmt.plain(f"✗ {parsed}", theme_colour(self, "error")))
            preview.set_class(True, "invalid")
            return
        preview.set_class(False, "invalid")
        lines = Text.assemble(
            ("✓ ", theme_colour(self, "success")),
            (fmt.shown(parsed.canonical_text()), "bold"),
            "\n  ",
            fmt.shown(parsed.describe()),
        )
        for assumption in parsed.assumptions:
            lines.append(f"\n  assumed: {fmt.shown(assumption)}", style="dim")
        if parsed.relative is not None:
            lines.append(
                "\n  the level is relative: measured from the close on made_on", style="dim"
            )
        if parsed.level_rule is not None:
            lines.append(f"\n  rule: {fmt.shown(parsed.level_rule.describe())}", style="dim")
            lines.append(
                "\n  level: read from the cached bars up to made_on when saved; pending until"
                " a resolve run fixes it if the cache lacks them",
                style="dim",
            )
        if parsed.kind.is_vague:
            lines.append(
                "\n  never resolved or scored: counted on the source's scoreboard row",
                style="dim",
            )
        preview.update(lines)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.saving:
            return
        parsed = self._parsed()
        if isinstance(parsed, LedgerError):
            self._error("The claim does not parse: fix it above (the parser says why).")
            self.query_one("#text", Input).focus()
            return
        refused = self._revises_refused()
        if refused is not None:
            self._error(refused)
            self.query_one("#revises", Input).focus()
            return
        kind = self.query_one("#source-kind", Select).value
        form = ClaimForm(
            text=self._value("text"),
            source=self._value("source"),
            probability=self._value("prob"),
            made_on=self._value("made-on"),
            url=self._value("url"),
            quote=self._value("quote"),
            tags=self._value("tags"),
            source_kind=kind if isinstance(kind, str) else "",
            revises=self._value("revises"),
            vague=self.vague,
        )
        if not form.source.strip():
            self._error("Who made the call? Fill in the source.")
            self.query_one("#source", Input).focus()
            return
        self.saving = True
        self._error("Saving...", error=False)
        self._record(form)

    @work(thread=True, exclusive=True, exit_on_error=False, group="record")
    def _record(self, form: ClaimForm) -> None:
        try:
            recorded = self.data.record(form)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ClaimRecorded(recorded))

    def on_claim_recorded(self, message: ClaimRecorded) -> None:
        self.saving = False
        recorded = message.recorded
        if recorded.duplicate:
            self._error(
                f"Already recorded as #{recorded.claim_id} (same source, claim and day): "
                "nothing added."
            )
            return
        self.app.notify(
            fmt.shown(f"Recorded #{recorded.claim_id}: {recorded.normalized}"), markup=False
        )
        self.app.ledger_changed()  # type: ignore[attr-defined]
        self.dismiss()

    def on_load_failed(self, message: LoadFailed) -> None:
        self.saving = False
        self._error(message.error)

    def _error(self, text: str, *, error: bool = True) -> None:
        style = theme_colour(self, "error") if error else "dim"
        self.query_one("#form-error", Static).update(fmt.plain(text, style))

    def action_cancel(self) -> None:
        self.dismiss()


def _showable(names: Sequence[str]) -> list[str]:
    """The names an Input can suggest: an Input shows its text raw, so none with controls."""
    return [name for name in names if fmt.shown(name) == name]
