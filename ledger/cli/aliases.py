"""forecast alias add/list/remove: names of your own for Yahoo symbols."""

from __future__ import annotations

from typing import Annotated

import typer

from ledger.cli.context import DbOption, JsonOption, ledger_session
from ledger.cli.lazy import lazy_module
from ledger.safe_text import printable

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")

alias_app = typer.Typer(
    help="Asset aliases of your own (rheinmetall -> RHM.DE).", no_args_is_help=True
)


@alias_app.command("add")
def add(
    alias: Annotated[str, typer.Argument(help="The word you will type, e.g. rheinmetall.")],
    symbol: Annotated[str, typer.Argument(help="The Yahoo symbol, e.g. RHM.DE.")],
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Shadow a built-in name, a Yahoo symbol or re-point an alias."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Add an alias (refused if it would shadow a name the ledger knows, unless --force)."""
    from ledger.store.sources import add_alias

    with ledger_session(db, write=True) as session:
        add_alias(session, alias, symbol, force=force)
    render.note(f"alias {' '.join(alias.split()).lower()} -> {symbol.strip()}")


@alias_app.command("list")
def list_(
    builtin: Annotated[
        bool, typer.Option("--builtin", help="List the built-in names instead of yours.")
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List your aliases, or with --builtin every name the ledger knows by itself."""
    from ledger.claims.assets import builtin_names
    from ledger.store.sources import user_aliases

    if builtin:
        aliases = dict(builtin_names())
    else:
        with ledger_session(db) as session:
            aliases = user_aliases(session)
    if as_json:
        render.print_json(aliases)
        return
    if not aliases:
        render.note("no aliases of your own: 'forecast alias add rheinmetall RHM.DE'")
    for alias, symbol in sorted(aliases.items()):
        typer.echo(f"{printable(alias)}\t{printable(symbol)}")


@alias_app.command("remove")
def remove(
    alias: Annotated[str, typer.Argument(help="The alias to remove.")], db: DbOption = None
) -> None:
    """Remove an alias (claims already recorded keep their symbol)."""
    from ledger.store.sources import remove_alias

    with ledger_session(db, write=True) as session:
        remove_alias(session, alias)
    render.note(f"removed alias {alias.lower()}")
