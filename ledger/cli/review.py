"""forecast review: the list of verdicts and claims a human should look at, and
the decisions on them (accept, re-judge on closes only)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli.context import DbOption, JsonOption, check_id, ledger_session, parse_date_option
from ledger.cli.lazy import lazy_module
from ledger.errors import UsageError

if TYPE_CHECKING:
    from ledger.cli import render
    from ledger.services import review as service
    from ledger.services.review import ReviewItem, ReviewOutcome
else:  # loaded when a command runs, not for --help
    render = lazy_module("ledger.cli.render")
    service = lazy_module("ledger.services.review")

DEFAULT_DAYS = 5  # equal to ledger.services.review.DEFAULT_DAYS (a test holds them equal)

review_app = typer.Typer(
    help="Verdicts that stood on repaired or close-only bars, and claims stuck open past "
    "their deadline: why, and what you can do (accept, rejudge, resolve by hand, void).",
)

ACTIONS_HELP = (
    "actions: 'forecast review accept ID [--note WHY]' keeps a flagged verdict; "
    "'forecast review rejudge ID --closes-only' judges it again on closes; "
    "'forecast resolve ID --outcome true|false --note WHY' settles by hand; "
    "'forecast void ID --why WHY' voids"
)


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    days: Annotated[
        int,
        typer.Option(
            "--days",
            min=0,
            help="List open claims more than this many trading days past their deadline.",
        ),
    ] = DEFAULT_DAYS,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Count days as if today were YYYY-MM-DD.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What to review: flagged verdicts and claims open past their deadline, with the reason."""
    if ctx.invoked_subcommand is not None:
        return
    day = parse_date_option(as_of, "--as-of") or date.today()
    with ledger_session(db) as session:
        items = service.review_list(session, day, days)
    if as_json:
        render.print_json([item.to_json() for item in items])
        return
    if not items:
        render.note(
            f"nothing to review: no flagged verdicts, no claim open more than {days} trading "
            "days past its deadline"
        )
        return
    _table(items)
    render.note(ACTIONS_HELP)


def _table(items: list[ReviewItem]) -> None:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, header_style="bold")
    for column, justify in (
        ("id", "right"),
        ("what", "left"),
        ("source", "left"),
        ("claim", "left"),
        ("reason", "left"),
        ("actions", "left"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for item in items:
        if item.kind == service.FLAGGED:
            what = f"{item.status} on {item.bar_quality} bar"
            actions = "accept | rejudge --closes-only | resolve --force | void"
        else:
            what = f"open, {item.trading_days_late} trading days late"
            actions = "resolve | void"
        table.add_row(
            *map(
                render.cell,
                (str(item.claim_id), what, item.source, item.text, item.reason, actions),
            )
        )
    render.print_table(table, drop_order=("actions", "source"))


@review_app.command("accept")
def accept_command(
    claim_id: Annotated[
        int, typer.Argument(metavar="ID", help="The claim's id.", callback=check_id)
    ],
    note: Annotated[str | None, typer.Option("--note", help="Why it stands (kept).")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Accept a flagged verdict as it stands: it leaves the list (recorded and logged)."""
    with ledger_session(db, write=True) as session:
        outcome = service.accept(session, claim_id, note)
    _report(outcome, as_json)


@review_app.command("rejudge")
def rejudge_command(
    claim_id: Annotated[
        int, typer.Argument(metavar="ID", help="The claim's id.", callback=check_id)
    ],
    closes_only: Annotated[
        bool,
        typer.Option(
            "--closes-only",
            help="Judge on closes only (each bar's high and low read as its close).",
        ),
    ] = False,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept).")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge as if today were YYYY-MM-DD.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Judge a flagged claim again on closes only (a changed verdict is appended).

    A different verdict becomes the current resolution, the old one stays in
    the history; the same verdict marks the old one reviewed, with the
    closes-only evidence beside it.
    """
    if not closes_only:
        raise UsageError(
            f"say how to re-judge: forecast review rejudge {claim_id} --closes-only "
            "(the only re-judging there is)"
        )
    day = parse_date_option(as_of, "--as-of") or date.today()
    with ledger_session(db, write=True) as session:
        outcome = service.rejudge_on_closes(session, claim_id, note, as_of=day)
    _report(outcome, as_json)


def _report(outcome: ReviewOutcome, as_json: bool) -> None:
    if as_json:
        render.print_json(outcome.to_json())
        return
    cid = outcome.claim_id
    if outcome.action == "accept":
        render.note(f"#{cid}: {outcome.old_outcome} accepted as it stands")
    elif outcome.changed:
        render.note(
            f"#{cid}: on closes only {outcome.new_outcome} (was {outcome.old_outcome}): "
            "appended as its current resolution, the old one kept in its history"
        )
    else:
        render.note(
            f"#{cid}: on closes only still {outcome.new_outcome}: accepted with that evidence"
        )
