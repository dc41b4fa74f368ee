"""forecast tui: the terminal scoreboard."""

from __future__ import annotations

import typer

from ledger.cli.context import STATE, DbOption


def register(app: typer.Typer) -> None:
    app.command("tui")(tui)


def tui(db: DbOption = None) -> None:
    """Browse the ledger in a terminal UI."""
    from tui.app import make_app

    make_app(db or STATE.db).run()
