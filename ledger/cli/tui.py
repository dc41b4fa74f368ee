"""forecast tui: the terminal scoreboard."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from ledger.cli.context import STATE, DbOption, ledger_engine


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
    from ledger.store.engine import DB_ENV
    from tui.app import make_app

    price_source_from_spec(prices)  # a typo in --prices is a usage error now, not later
    named = db or STATE.db or os.environ.get(DB_ENV)
    if named:
        # A ledger the user named must exist: a mistyped --db would otherwise get an
        # empty ledger (and its directories) made for it. The default ledger is made
        # on the first start, so the empty scoreboard can say how to begin.
        ledger_engine(named, write=False).dispose()
    make_app(db or STATE.db, prices=prices).run()
