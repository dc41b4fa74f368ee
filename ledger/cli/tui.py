"""forecast tui: the terminal scoreboard."""

from __future__ import annotations

from typing import Annotated

import typer

from ledger.cli.context import STATE, DbOption


def register(app: typer.Typer) -> None:
    app.command("tui")(tui)


def tui(
    db: DbOption = None,
    prices: Annotated[
        str,
        typer.Option(
            "--prices", help="Price source for 'Resolve now': yahoo, or csv:DIR (SYMBOL.csv files)."
        ),
    ] = "yahoo",
) -> None:
    """Browse the ledger in a terminal UI: scoreboard, sources, claims, charts."""
    from ledger.market.factory import price_source_from_spec
    from tui.app import make_app

    price_source_from_spec(prices)  # a typo in --prices is a usage error now, not later
    make_app(db or STATE.db, prices=prices).run()
