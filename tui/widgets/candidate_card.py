"""One call found in an imported article: tick it, fix its claim text, name its source.

The card is handed the extractor's `Candidate` (plain data) with the made_on
and aliases to read claim text with, and parses the user's edits itself:
parsing is the pure claim language, and an edit must show whether it still
parses, and what it now reads as, on every keystroke. Below the claim the
card says why the extractor read the call so (the words behind its cue,
asset, level, direction, deadline and speaker). It never records anything; the screen asks each
ticked card for its `pick`.

A card whose claim does not parse (a call that names no level, or an edit
gone wrong) cannot be ticked: its checkbox is disabled until the claim text
parses, so nothing the parser refuses can reach the ledger. The tick the
user chose is remembered meanwhile, so a claim that stops parsing half-way
through an edit is ticked again when the edit is done.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Static

from ledger.claims.model import Claim
from ledger.claims.parser import parse_claim
from ledger.errors import ClaimError
from ledger.extract import Candidate
from tui import formatting as fmt
from tui.data import PickedClaim
from tui.widgets.palette import theme_colour
from tui.widgets.text_input import TextInput

# Ticked from the start at this confidence, the bar `forecast extract --yes` records at.
MIN_TICKED_CONFIDENCE = 0.6


def needs_level_label(candidate: Candidate) -> str:
    """'needs a level: BTC-USD hold_above ? by 2026-11-20' for a call without one."""
    deadline = candidate.deadline.isoformat() if candidate.deadline else "?"
    return fmt.shown(f"needs a level: {candidate.symbol} {candidate.kind or '?'} ? by {deadline}")


def candidate_flags(candidate: Candidate) -> list[str]:
    """The warnings a reader should weigh before ticking: hedged, conditional, negated,
    vague (no price can settle it: recorded, it is counted and never scored)."""
    flags = (
        ("hedged", candidate.hedged),
        ("conditional", candidate.conditional),
        ("negated", candidate.negated),
        ("headline", candidate.headline),
        ("vague", candidate.vague),
    )
    return [name for name, on in flags if on]


class TickBox(Checkbox):
    """A checkbox whose box reads ✓ or stays empty: its state shows without relying on colour."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


class CandidateCard(Vertical):
    """A candidate with its checkbox, editable claim text (and level) and source."""

    def __init__(
        self,
        index: int,
        candidate: Candidate,
        *,
        made_on: date,
        aliases: dict[str, str],
        source: str,
    ) -> None:
        super().__init__(id=f"candidate-{index}", classes="candidate")
        self.index = index
        self.candidate = candidate
        self.made_on = made_on
        self.aliases = aliases
        self.default_source = source
        self.claim: Claim | None = candidate.claim
        self.error: str | None = None
        self.recorded: str | None = None
        self._wanted = candidate.claim is not None and candidate.confidence >= MIN_TICKED_CONFIDENCE

    def compose(self) -> ComposeResult:
        candidate = self.candidate
        with Horizontal(classes="candidate-head"):
            yield TickBox(
                self._tick_label(),
                self._wanted,
                compact=True,
                disabled=self.claim is None,
                classes="tick",
            )
            yield Static("", classes="candidate-meta")
        with Horizontal(classes="candidate-fields"):
            yield Label("claim", classes="field-label")
            # The article's words, control characters escaped (TextInput): what the
            # user sees is what is recorded.
            yield TextInput(
                candidate.claim_text or "",
                placeholder=fmt.shown((candidate.template or "").replace("{level}", "LEVEL")),
                compact=True,
                classes="claim-text",
            )
            if candidate.claim is None and candidate.template is not None:
                yield Label("level", classes="field-label")
                yield TextInput(placeholder="e.g. 95000", compact=True, classes="level")
            yield Label("source", classes="field-label")
            yield TextInput(
                self.default_source,
                placeholder="who made the call?",
                compact=True,
                classes="source",
            )
        yield Static("", classes="candidate-note")
        if candidate.reasons:
            # Why the extractor read the call so: the words behind each part of it.
            yield Static(fmt.plain(f"why: {candidate.why}", "dim"), classes="candidate-why")
        yield Static(fmt.plain(f"“{candidate.sentence}”"), classes="candidate-sentence")

    def on_mount(self) -> None:
        self.query_one(".candidate-meta", Static).update(self._meta())
        self._show()

    # --- what the screen reads -------------------------------------------------

    @property
    def checkbox(self) -> TickBox:
        return self.query_one(".tick", TickBox)

    @property
    def ticked(self) -> bool:
        return self.claim is not None and self.checkbox.value

    @property
    def source(self) -> str:
        return self.query_one(".source", Input).value.strip()

    @property
    def claim_text(self) -> str:
        return self.query_one(".claim-text", Input).value.strip()

    def pick(self) -> PickedClaim:
        """The claim as the user left it, to record with the sentence as its quote."""
        return PickedClaim(
            text=self.claim_text,
            source=self.source,
            made_on=self.made_on,
            quote=self.candidate.sentence,
            probability=None if self.candidate.vague else self.candidate.probability,
        )

    # --- what the screen tells it ------------------------------------------------

    def set_made_on(self, made_on: date) -> None:
        """Read the claim again as made on another day (relative deadlines move with it)."""
        if made_on != self.made_on:
            self.made_on = made_on
            self._reparse()

    def ask_for_source(self) -> None:
        self.query_one(".source", Input).focus()
        self._note(Text("✗ who made this call? Fill in the source.", style=self._error_style))

    def mark_recorded(self, claim_id: int, new: bool) -> None:
        """Untick a recorded card and say where its claim now is."""
        where = "recorded as" if new else "already in the ledger as"
        self.recorded = f"{where} #{claim_id}"
        self._wanted = False
        self.checkbox.value = False
        self._show()

    # --- editing ---------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.has_class("level"):
            level = event.value.strip()
            text = (self.candidate.with_level(level) or "") if level else ""
            self.query_one(".claim-text", Input).value = text  # which parses it, below
        elif event.input.has_class("claim-text"):
            self._reparse()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        # A change made here (unticking a claim that stopped parsing) is not the user's wish.
        if self.claim is not None:
            self._wanted = event.value
        self.set_class(self.ticked, "-ticked")

    def _reparse(self) -> None:
        text = self.claim_text
        self.recorded = None
        if not text:
            self.claim = None
            self.error = None
        else:
            try:
                self.claim = parse_claim(text, made_on=self.made_on, aliases=self.aliases)
                self.error = None
            except ClaimError as exc:
                self.claim, self.error = None, str(exc)
        self._show()

    def _show(self) -> None:
        checkbox = self.checkbox
        checkbox.label = self._tick_label()
        checkbox.disabled = self.claim is None
        checkbox.value = self._wanted and self.claim is not None
        self.set_class(self.claim is None, "-invalid")
        self.set_class(self.ticked, "-ticked")
        if self.recorded is not None:
            self._note(Text(f"✓ {self.recorded}", style=theme_colour(self, "success")))
        elif self.error is not None:
            self._note(fmt.plain(f"✗ {self.error}", self._error_style))
        elif self.claim is None:
            self._note(
                Text(
                    "needs a level: type one, or write the whole claim, before it can be ticked",
                    style=theme_colour(self, "warning"),
                )
            )
        else:
            note = fmt.plain(self.claim.describe(), "dim")
            for assumption in self.claim.assumptions:
                note.append(f"; assumed: {fmt.shown(assumption)}", style="dim")
            self._note(note)

    def _note(self, text: Text) -> None:
        self.query_one(".candidate-note", Static).update(text)

    @property
    def _error_style(self) -> str:
        return theme_colour(self, "error")

    def _tick_label(self) -> Text:
        # A str label is read as markup: the claim's words are handed over as Text.
        if self.claim is not None:
            return fmt.plain(self.claim.canonical_text())
        if self.error is not None:
            return Text("does not parse: fix the claim text")
        return Text(needs_level_label(self.candidate))

    def _meta(self) -> Text:
        candidate = self.candidate
        meta = Text(f"{candidate.confidence:.2f}", style="bold")
        meta.append(f"  {fmt.shown(candidate.speaker or 'no speaker named')}")
        if candidate.probability is not None:
            meta.append(f"  p {candidate.probability:.0%}")
        flags = candidate_flags(candidate)
        if flags:
            meta.append(f"  {' · '.join(flags)}", style=theme_colour(self, "warning"))
        return meta
