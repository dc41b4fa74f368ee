"""One claim: what was said, how it reads, what the market thought, how it resolved.

The price chart shows the window the claim is judged on; the text below it
gives the claim normalized and as said, the quote and link, the stated and
market-implied probabilities, the current resolution with its evidence and
every earlier resolution. `v` voids the claim (with a reason; it stays in
the ledger, out of every score).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from ledger.claims.model import evidence_label, format_margin
from ledger.claims.series import describe_series
from ledger.records import ClaimDetail, ClaimRecord, ResolutionRecord, leg_lines
from tui import formatting as fmt
from tui.data import ClaimView
from tui.messages import ClaimLoaded, ClaimVoided, LoadFailed, describe_error
from tui.screens.base import LedgerScreen
from tui.widgets.palette import status_style
from tui.widgets.price_chart import PriceChart, chart_window


class ClaimScreen(LedgerScreen):
    """A claim in full, with its price chart."""

    CSS_PATH = "claim.tcss"
    AUTO_FOCUS = "#claim-detail"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("v", "void", "Void"),
    ]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.sub_title = f"claim #{claim_id}"
        self.view: ClaimView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Loading claim #{self.claim_id}...", id="claim-title")
        yield PriceChart(id="chart")
        yield Static("", id="chart-note")
        with VerticalScroll(id="claim-detail"):
            yield Static("", id="claim-text")
            yield Static("", id="claim-history")
        yield Footer()

    def load(self) -> None:
        self._load_claim()

    @work(thread=True, exclusive=True, exit_on_error=False, group="claim")
    def _load_claim(self) -> None:
        try:
            view = self.data.claim(self.claim_id)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        self.post_message(ClaimLoaded(view))

    def on_claim_loaded(self, message: ClaimLoaded) -> None:
        self.view = message.view
        claim = message.view.detail.claim
        title = Text.assemble(
            (f"#{claim.id} ", "bold"),
            (claim.status, status_style(self, claim.status)),
            f"  {fmt.shown(claim.source)}: ",
            (fmt.shown(claim.normalized), "bold"),
        )
        self.query_one("#claim-title", Static).update(title)
        window = None if claim.is_vague else chart_window(claim, message.view.bars)
        chart = self.query_one("#chart", PriceChart)
        note = self.query_one("#chart-note", Static)
        if claim.is_vague:
            chart.display = False
            note.update(fmt.plain("A vague call: no price can settle it, so there is no chart."))
        elif window is None:
            chart.display = False
            note.update(
                fmt.plain(
                    f"No prices for {claim.symbol} in this window are cached yet: press r to "
                    "run the resolver, which fetches them."
                )
            )
        else:
            chart.display = True
            chart.show_window(window)
            note.update(_chart_legend(claim))
        self.query_one("#claim-text", Static).update(_claim_text(claim, message.view.today))
        self.query_one("#claim-history", Static).update(_history(message.view.detail))
        self.refresh_bindings()
        self.loaded = True

    def on_load_failed(self, message: LoadFailed) -> None:
        self.loaded = True
        self.query_one("#claim-title", Static).update(
            fmt.plain(f"Could not read claim #{self.claim_id}: {message.error}", "bold")
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "void":
            # Shown but greyed out until the claim is known; hidden once it is void.
            if self.view is None:
                return None
            return self.view.detail.claim.status != "void"
        return True

    def action_void(self) -> None:
        from tui.screens.void import VoidScreen

        if self.view is None:
            return
        claim = self.view.detail.claim
        self.app.push_screen(VoidScreen(claim.id, claim.normalized), self._void_with)

    def _void_with(self, why: str | None) -> None:
        if why:
            self._void(why)

    @work(thread=True, exclusive=True, exit_on_error=False, group="void")
    def _void(self, why: str) -> None:
        try:
            record = self.data.void(self.claim_id, why)
        except Exception as exc:
            self.app.call_from_thread(
                self.notify,
                fmt.shown(describe_error(exc)),
                title="Not voided",
                severity="error",
                markup=False,
            )
            return
        self.post_message(ClaimVoided(record))

    def on_claim_voided(self, message: ClaimVoided) -> None:
        self.notify(
            fmt.shown(f"Voided #{message.claim.id}: {message.claim.void_reason}"), markup=False
        )
        self.host.ledger_changed()


def _chart_legend(claim: ClaimRecord) -> str:
    if claim.versus_symbol:
        parts = [
            f"{claim.symbol} and {claim.versus_symbol}, each 100 at its reference close",
            "made on and deadline (┊)",
        ]
        if claim.evidence_date is not None:
            parts.append(f"judged {claim.evidence_date.isoformat()}")
        return "  ·  ".join(parts)
    level = "band edges (╌)" if claim.upper is not None else "level (╌)"
    parts = ["close", level, "made on and deadline (┊)"]
    if "/" in claim.symbol:
        parts[0] = "ratio of the closes on the days both traded"
    if claim.evidence_date is not None:
        label = evidence_label(claim.kind, claim.status)
        parts.append(f"{label} {claim.evidence_date.isoformat()} (◆)")
    return "  ·  ".join(parts)


class _Grid:
    """Label and value rows; every value (stored text, most of them) as a plain Text."""

    def __init__(self) -> None:
        self.table = Table.grid(padding=(0, 1))
        self.table.add_column(style="bold", no_wrap=True)
        self.table.add_column()

    def add_row(self, label: str, value: str) -> None:
        self.table.add_row(label, fmt.plain(value))


def _claim_text(claim: ClaimRecord, today: date) -> Table:
    grid = _Grid()
    grid.add_row("claim", claim.description)
    grid.add_row("as said", claim.text)
    if claim.quote:
        grid.add_row("quote", f"“{claim.quote}”")
    if claim.url:
        grid.add_row("link", claim.url)
    grid.add_row("source", f"{claim.source} ({claim.source_kind})")
    if not claim.is_vague:
        for symbol in (claim.symbol, claim.versus_symbol):
            if symbol:
                series = describe_series(symbol)
                grid.add_row("series", f"{series.symbol}: {series.name}")
                grid.add_row("", series.meaning)
    if claim.is_vague:
        window = "none: too vague for any price to settle, never resolved or scored"
    else:
        window = f"{claim.window_start.isoformat()} → {claim.deadline.isoformat()}"
    grid.add_row("made on", f"{claim.made_on.isoformat()}   window {window}")
    if claim.logged_late:
        grid.add_row("", "logged late: recorded after its window began, so hindsight was possible")
    if claim.versus_symbol:
        grid.add_row("versus", f"{claim.versus_asset} ({claim.versus_symbol})")
        grid.add_row("margin", f"{format_margin(claim.margin or 0.0)} percentage points")
        references = ", ".join(
            f"{symbol} {fmt.price(price) if price is not None else 'not known yet'}"
            for symbol, price in (
                (claim.symbol, claim.reference_price),
                (claim.versus_symbol, claim.versus_reference_price),
            )
        )
        grid.add_row(
            "from", f"{references} (closes on or before {claim.window_start - timedelta(days=1)})"
        )
    grid.add_row(
        "stated p", fmt.pct(claim.probability) if claim.probability is not None else "none"
    )
    if claim.is_vague:
        grid.add_row("market p", "none: a vague call has no level for the market to price")
    elif claim.market_prob is not None and (claim.versus_symbol or "/" in claim.symbol):
        sigma = (
            f", ratio volatility {fmt.pct(claim.market_sigma, 1)}/yr" if claim.market_sigma else ""
        )
        grid.add_row(
            "market p",
            f"{fmt.pct(claim.market_prob, 1)} (two correlated driftless GBMs{sigma})",
        )
    elif claim.market_prob is not None:
        sigma = f", volatility {fmt.pct(claim.market_sigma, 1)}/yr" if claim.market_sigma else ""
        spot = f", spot {fmt.market_price(claim.market_spot)}" if claim.market_spot else ""
        grid.add_row("market p", f"{fmt.pct(claim.market_prob, 1)}{sigma}{spot}")
    else:
        grid.add_row("market p", claim.market_note or "not computed yet (run a resolve)")
    if claim.level_rule:
        grid.add_row("level rule", claim.level_rule)
        grid.add_row(
            "level",
            "pending: fixed by the first resolve run with bars up to made_on"
            if claim.level is None
            else claim.level_note or fmt.price(claim.level),
        )
        if claim.level_basis:
            grid.add_row("level bars", ", ".join(d.isoformat() for d in claim.level_basis))
    grid.add_row("status", _status_line(claim, today))
    for line in leg_lines(claim.legs, claim.margin):
        grid.add_row("", line)
    if claim.tags:
        grid.add_row("tags", ", ".join(claim.tags))
    if claim.assumptions:
        grid.add_row("assumed", "; ".join(claim.assumptions))
    return grid.table


def _status_line(claim: ClaimRecord, today: date) -> str:
    if claim.status == "vague":
        return "vague: counted on its source's scoreboard row, never judged"
    if claim.status == "open":
        late = (today - claim.deadline).days
        due = f"{late} days past its deadline" if late > 0 else f"due in {-late} days"
        return f"open, {due}: {fmt.open_reason(claim.open_reason, claim.open_detail)}"
    if claim.status == "void":
        return f"void: {claim.void_reason}"
    evidence = fmt.evidence(claim.evidence_date, claim.evidence_price, claim.evidence_field)
    side = _band_side(claim)
    label = evidence_label(claim.kind, claim.status)
    return f"{claim.status}, {label} {evidence}" + (f" ({side})" if side else "")


def _history_evidence(kind: str, row: ResolutionRecord) -> str:
    """The evidence cell: the deciding bar, or the closest approach, said as such."""
    shown = fmt.evidence(row.evidence_date, row.evidence_price, row.evidence_field)
    if row.evidence_date is not None and evidence_label(kind, row.outcome) == "closest":
        return f"closest {shown}"
    return shown


def _band_side(claim: ClaimRecord) -> str | None:
    """Which edge a broken hold_between left its band by."""
    if claim.kind != "hold_between" or claim.status != "false":
        return None
    if claim.evidence_field == "low":
        return f"left the band below its floor {fmt.price(claim.level)}"
    if claim.evidence_field == "high":
        return f"left the band above its ceiling {fmt.price(claim.upper)}"
    return None


def _history(detail: ClaimDetail) -> Group:
    """Every resolution, oldest first; the current one marked."""
    if not detail.resolutions:
        return Group(Text("No resolutions yet.", style="dim"))
    table = Table(box=None, padding=(0, 1), title="resolutions", title_justify="left")
    for header in ("", "outcome", "how", "evidence", "closest", "note"):
        table.add_column(header)
    for row in detail.resolutions:
        closest = (
            f"{row.closest_date.isoformat()} {fmt.market_price(row.closest_price)}"
            if row.closest_date
            else ""
        )
        table.add_row(
            "▶" if row.is_current else "",
            *map(
                fmt.plain,
                (
                    row.outcome,
                    row.method
                    + (f" run {row.run_id}" if row.run_id else "")
                    + (f" as of {row.run_as_of}" if _looked_back(row) else ""),
                    _history_evidence(detail.claim.kind, row),
                    closest,
                    row.note or "",
                ),
            ),
        )
    parts: list = [table]
    for row in detail.resolutions:
        state = "current" if row.is_current else f"earlier ({row.method})"
        for reason in row.revisions:
            parts.append(fmt.plain(f"{state}, revised: {reason}"))
    for row in detail.resolutions:
        if row.is_current or not row.legs:
            continue
        for line in leg_lines(row.legs, detail.claim.margin):
            parts.append(fmt.plain(f"earlier ({row.method}): {line}"))
    if detail.revision_chain:
        chain = "  →  ".join(f"#{c.id} {c.normalized} ({c.status})" for c in detail.revision_chain)
        parts.append(fmt.plain(f"revisions: {chain}"))
    return Group(*parts)


def _looked_back(row: ResolutionRecord) -> bool:
    """A run made --as-of another day than the one it ran on."""
    return row.run_as_of is not None and row.run_as_of != row.created_at.date()
