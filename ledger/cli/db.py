"""forecast db upgrade/current: the schema, explicitly."""

from __future__ import annotations

from typing import Annotated

import typer

from ledger.cli.context import STATE, DbOption, JsonOption
from ledger.cli.lazy import lazy_module
from ledger.errors import NoLedgerError, UsageError

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")

db_app = typer.Typer(help="The ledger's database schema.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade_(db: DbOption = None) -> None:
    """Bring the database to the newest schema (every command also does this on open)."""
    from ledger.store.engine import display_url
    from ledger.store.schema import current_revision, upgrade
    from ledger.store.session import connect_ledger

    engine = connect_ledger(db or STATE.db, write=True)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        render.note(f"{display_url(engine)} is at {after} (newest)")
    else:
        render.note(f"{display_url(engine)}: upgraded {before or 'empty'} -> {after}")


@db_app.command("current")
def current(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Show the database's schema revision and the newest this code knows."""
    from ledger.store.engine import describe_location, display_url, resolve_db_url
    from ledger.store.schema import current_revision, head_revision
    from ledger.store.session import connect_ledger

    try:
        engine = connect_ledger(db or STATE.db, write=False)
    except NoLedgerError:  # nothing there yet: say so, create nothing
        where, revision = describe_location(resolve_db_url(db or STATE.db)), None
    else:
        where = display_url(engine)
        try:
            revision = current_revision(engine)
        finally:
            engine.dispose()
    head = head_revision()
    if as_json:
        render.print_json(
            {
                "url": where,
                "current": revision,
                "head": head,
                "up_to_date": revision == head,
            }
        )
        return
    state = (
        "up to date" if revision == head else f"behind (newest: {head}): run 'forecast db upgrade'"
    )
    typer.echo(f"{where}: {revision or 'no ledger yet'} ({state})")


@db_app.command("grants")
def grants(
    role: Annotated[str, typer.Argument(help="The PostgreSQL role the application logs in as.")],
    schema: Annotated[str, typer.Option("--schema", help="The ledger's schema.")] = "public",
) -> None:
    """Print the SQL that limits a team ledger's application role (PostgreSQL) to
    what the application does: no rewriting or deleting of history, even by hand.

    Run it as the ledger's owner after opening the ledger once as the owner
    (which migrates it and installs the triggers), e.g.
    forecast db grants ledger_app | psql -U owner ledger
    """
    from ledger.store.guards import grants_sql

    try:
        typer.echo(grants_sql(role, schema), nl=False)
    except ValueError as exc:
        raise UsageError(f"forecast db grants: {exc}") from exc
