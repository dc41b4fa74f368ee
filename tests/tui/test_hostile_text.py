"""Stored text is data on screen too: markup in the ledger is shown, its actions never run.

A source named `[@click=app.screenshot('ledger.sqlite3','/path')]Read more[/]`
must read as exactly that, and clicking it must do nothing; a quote holding
`\\x1b[2J` must show as the six characters `\\x1b[2J`. Each hostile string is
stored in every field a screen shows (source, claim text, quote, link, tag,
symbol, resolution note, void reason), and every screen is opened on it: the
scoreboard, a source, a claim with its history and its void, the help, the
due list, the add form, the article import's cards and the resolver's
report. On each: the literal text is on screen, no cell of the screen
carries a click action, no raw control character is drawn, the app is still
running and neither app.quit nor app.screenshot was called.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hostile_strings import HOSTILE, NAMES, symbol_of
from rich.console import Console
from sqlmodel import Session
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from ledger.claims.model import Claim, ClaimKind, default_window_start
from ledger.claims.parser import parse_claim
from ledger.records import NewClaim
from ledger.safe_text import printable
from ledger.store.claims import record_claims, resolve_manually
from ledger.store.session import open_ledger
from tui import formatting as fmt
from tui.app import LedgerApp, make_app
from tui.screens.add import AddScreen
from tui.screens.claim import ClaimScreen
from tui.screens.due import DueScreen
from tui.screens.group import GroupScreen
from tui.screens.help import HelpScreen
from tui.screens.import_article import ImportScreen
from tui.screens.resolve import ResolveScreen
from tui.screens.scoreboard import ScoreboardScreen
from tui.screens.void import VoidScreen

SIZE = (160, 40)
MADE_ON = date(2025, 1, 2)
GOLD = "gold $5055 by end-2026"
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def hostile_ledger(url: str, text: str) -> dict[str, int]:
    """Claims holding `text` everywhere: one resolved by hand, one open, one on gold."""
    engine = open_ledger(url)

    def on_symbol(level: float, deadline: date) -> Claim:
        return Claim(
            symbol=symbol_of(text),
            asset=text,
            kind=ClaimKind.TOUCH_ABOVE,
            level=level,
            made_on=MADE_ON,
            window_start=default_window_start(MADE_ON),
            deadline=deadline,
        )

    entries = [
        NewClaim(
            source=text,
            claim=on_symbol(100.0, date(2025, 6, 30)),
            text=f"{text} hits 100",
            probability=0.7,
            url=f"https://example.com/{text}",
            quote=f"said: {text}",
            tags=(text,),
        ),
        NewClaim(
            source=text,
            claim=on_symbol(200.0, date(2026, 12, 31)),
            text=f"{text} hits 200",
            tags=(text,),
        ),
        NewClaim(
            source=text,
            claim=parse_claim(GOLD, made_on=MADE_ON),
            text=f"{text} {GOLD}",
            quote=text,
            url=text,
            tags=(text,),
        ),
    ]
    with Session(engine) as session, session.begin():
        resolved, open_, gold = record_claims(session, entries).added
        resolve_manually(session, resolved, "true", f"note: {text}", today=date.today())
    engine.dispose()
    return {"resolved": resolved, "open": open_, "gold": gold}


class Actions:
    """Stands in for the app's quit and screenshot actions, and records any call."""

    def __init__(self, app: App) -> None:
        self.calls: list[str] = []
        app.action_quit = self.quit  # type: ignore[method-assign]
        app.action_screenshot = self.screenshot  # type: ignore[method-assign]

    def quit(self) -> None:
        self.calls.append("quit")

    def screenshot(self, *args: object) -> None:
        self.calls.append("screenshot")


def hostile_app(
    migrated_ledger: Callable[[Path], str], tmp_path: Path, name: str, today: date, **options
) -> tuple[LedgerApp, dict]:
    url = migrated_ledger(tmp_path / "ledger.sqlite3")
    ids = hostile_ledger(url, HOSTILE[name])
    return make_app(url, today=today, **options), ids


def screen_segments(app: App) -> tuple[str, list]:
    """The screen as text, and the styles of what it draws (a click action is style meta)."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    segments = list(console.render(update))
    console.print(update)
    return console.export_text(), [s.style for s in segments if s.style is not None]


def check_screen(app: App, actions: Actions, *texts: str) -> str:
    """The texts are shown literally, nothing on screen acts on a click, nothing raw is drawn."""
    shown, styles = screen_segments(app)
    for text in texts:
        assert printable(text) in shown, f"{printable(text)!r} is not on {app.screen}"
    clickable = [style.meta for style in styles if style._meta and "@click" in style.meta]
    assert not clickable, f"screen text carries actions: {clickable[:3]}"
    raw = RAW_CONTROL.search(shown)
    assert raw is None, f"raw {raw.group()!r} drawn on {app.screen}"
    assert app.is_running and app.return_code is None
    assert actions.calls == []
    return shown


def check_notifications(app: App, *texts: str) -> None:
    """Each text was notified as it is (escaped), in a toast that does not read markup."""
    notes = list(app._notifications)
    for text in texts:
        matching = [note for note in notes if note.message == printable(text)]
        assert matching, f"no notification {printable(text)!r} in {[n.message for n in notes]}"
        assert not any(note.markup for note in matching)


async def paste(pilot: Pilot, field: str, text: str) -> None:
    """Paste into a field of the screen, as a terminal delivers a paste."""
    box = pilot.app.screen.query_one(f"#{field}", Input)
    box.focus()
    box.value = ""
    box.post_message(events.Paste(text))
    await pilot.pause()


async def click_on(pilot: Pilot, shown: str, text: str) -> None:
    """Click every cell of the first place `text` is shown, as a user after 'Read more' would."""
    literal = printable(text)
    for y, line in enumerate(shown.splitlines()):
        x = line.find(literal)
        if x >= 0:
            for offset in sorted({0, len(literal) // 2, len(literal) - 1}):
                await pilot.click(offset=(x + offset, y))
            return
    raise AssertionError(f"{literal!r} is not on screen")


@pytest.mark.parametrize("name", NAMES)
async def test_scoreboard_source_claim_and_help_show_the_text_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    app, ids = hostile_app(migrated_ledger, tmp_path, name, today)
    actions = Actions(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ScoreboardScreen)
        check_screen(app, actions, fmt.truncate(text, 22))
        for by in ("tag", "asset"):
            app.screen.group_by(by)
            await settle(pilot)
            check_screen(app, actions, fmt.truncate(text if by == "tag" else symbol_of(text), 22))
        app.screen.group_by("source")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, GroupScreen)
        check_screen(app, actions, f"Source: {text}", fmt.truncate(f"{text} hits 100", 34))
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        check_screen(app, actions, f"Keys: source: {text}")
        await pilot.press("escape")
        app.push_screen(ClaimScreen(ids["resolved"]))
        await settle(pilot)
        shown = check_screen(
            app,
            actions,
            f"{text}: ",
            f"“said: {text}”",
            f"https://example.com/{text}",
            f"{text} hits 100",
            f"note: {text}",
        )
        await click_on(pilot, shown, f"said: {text}")
        await settle(pilot)
        check_screen(app, actions)
        app.push_screen(ClaimScreen(ids["gold"]))
        await settle(pilot)
        check_screen(app, actions, f"{text} {GOLD}", f"“{text}”")


@pytest.mark.parametrize("name", NAMES)
async def test_voiding_shows_the_reason_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    app, ids = hostile_app(migrated_ledger, tmp_path, name, today)
    actions = Actions(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ClaimScreen(ids["gold"]))
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VoidScreen)
        check_screen(app, actions)
        await paste(pilot, "void-reason", f"why: {text}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        shown = check_screen(app, actions, f"void: why: {text}")
        check_notifications(app, f"Voided #{ids['gold']}: why: {text}")
        await click_on(pilot, shown, f"void: why: {text}")
        check_screen(app, actions)


@pytest.mark.parametrize("name", NAMES)
async def test_the_due_list_shows_source_and_symbol_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    app, _ = hostile_app(migrated_ledger, tmp_path, name, today)
    actions = Actions(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DueScreen)
        # Columns are narrow: the start of each stored string, as typed.
        check_screen(app, actions, text[:8], symbol_of(text)[:6])


@pytest.mark.parametrize("name", NAMES)
async def test_the_add_form_previews_errors_and_revisions_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    app, ids = hostile_app(migrated_ledger, tmp_path, name, today)
    actions = Actions(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        await paste(pilot, "text", f"{text} to the moon")
        await settle(pilot)
        check_screen(app, actions, "✗ '" + printable(text)[:12])
        await paste(pilot, "text", GOLD)
        await paste(pilot, "revises", str(ids["gold"]))
        await settle(pilot)
        check_screen(app, actions, f"({text}, made on")


@pytest.mark.parametrize("name", NAMES)
async def test_import_cards_show_the_sentence_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    app, _ = hostile_app(migrated_ledger, tmp_path, name, today)
    actions = Actions(app)
    article = tmp_path / "article.txt"
    sentence = f"JPMorgan expects gold to reach $5,055 by the end of 2026, {text}."
    article.write_text(f"November 20, 2025\n\n{sentence}\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#article-path", Input).value = str(article)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen.cards
        shown = check_screen(app, actions, text)
        await click_on(pilot, shown, text)
        check_screen(app, actions)


@pytest.mark.parametrize("name", NAMES)
async def test_a_failed_resolve_reports_the_symbol_literally(
    migrated_ledger, tmp_path, today, settle, name
) -> None:
    text = HOSTILE[name]
    prices = tmp_path / "prices"
    prices.mkdir()
    app, _ = hostile_app(migrated_ledger, tmp_path, name, today, prices=f"csv:{prices}")
    actions = Actions(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        check_screen(app, actions, f"{symbol_of(text)}: ")
