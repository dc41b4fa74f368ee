"""forecast resolve, forecast runs."""

from __future__ import annotations

import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ledger.cli.context import (
    STATE,
    DbOption,
    JsonOption,
    check_id,
    ledger_engine,
    ledger_session,
    parse_date_option,
)
from ledger.cli.lazy import lazy_module
from ledger.cli.words import counted
from ledger.errors import UsageError
from ledger.failures import summarize_failures
from ledger.safe_text import printable

if TYPE_CHECKING:
    from ledger.resolver import ResolveSummary

# The resolver and the price sources (pandas, SciPy, yfinance) are imported by
# the commands that use them, so `forecast add` and `forecast list` start fast.

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")

OUTCOMES = ("true", "false", "void")


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve)
    app.command("runs")(runs)


def resolve(
    claim_id: Annotated[
        int | None,
        typer.Argument(
            metavar="ID",
            help="Resolve one claim by hand (with --outcome).",
            show_default=False,
            callback=check_id,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Resolve as if today were YYYY-MM-DD (no later bar is used)."),
    ] = None,
    prices: Annotated[
        str, typer.Option("--prices", help="Price source: yahoo, or csv:DIR (files SYMBOL.csv).")
    ] = "yahoo",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be resolved; write nothing.")
    ] = False,
    recheck: Annotated[
        bool,
        typer.Option(
            "--recheck",
            help="Fetch the prices again and re-judge resolved claims (after a data "
            "correction); a changed verdict is appended, the old one kept in the history.",
        ),
    ] = False,
    outcome: Annotated[
        str | None, typer.Option("--outcome", help="With ID: true, false or void.")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="With ID: why (kept).")] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="With ID: record a true/false that overrides the prices' verdict or settles "
            "a claim before its deadline passed (counted as a manual override in 'score').",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Each failed symbol's own error, not one line per reason."
        ),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Settle open claims against daily prices (run it from cron), or one claim by hand.

    Exit code 0: all good; 1: some symbols could not be fetched (their claims
    stay open, the error is recorded); 2: usage error.
    """
    from ledger.store.engine import cache_dir

    if claim_id is not None:
        _resolve_by_hand(claim_id, outcome, note, force, as_json, db)
        return
    if outcome is not None or note is not None or force:
        raise UsageError(
            "--outcome, --note and --force resolve one claim: "
            "forecast resolve ID --outcome true --note WHY"
        )
    from ledger.market.factory import price_source_from_spec
    from ledger.resolver import run_resolver

    day = parse_date_option(as_of, "--as-of") or date.today()
    source = price_source_from_spec(prices, cache_dir=cache_dir())
    engine = ledger_engine(db, write=not dry_run)
    show_progress = sys.stderr.isatty() and not os.environ.get("CI") and not as_json
    try:
        if show_progress:
            summary = _with_progress_bar(engine, source, day, dry_run, recheck)
        else:
            summary = run_resolver(engine, source, as_of=day, dry_run=dry_run, recheck=recheck)
    finally:
        engine.dispose()
    if as_json:
        render.print_json(summary.to_json())
    else:
        _print_summary(summary, verbose)
    raise typer.Exit(summary.exit_code)


def _with_progress_bar(engine, source, day, dry_run, recheck) -> ResolveSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("resolving {task.fields[symbol]:<12}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=render.stderr(),
        transient=True,
    ) as bar:
        task = bar.add_task("resolve", total=None, symbol="")

        def progress(symbol: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, symbol=printable(symbol))

        from ledger.resolver import run_resolver

        return run_resolver(
            engine, source, as_of=day, dry_run=dry_run, recheck=recheck, progress=progress
        )


def failure_lines(failed: dict[str, str], verbose: bool) -> list[str]:
    """Failures one line per reason (a source outage is one line), or per symbol."""
    if verbose:
        return [f"{symbol}: {error}" for symbol, error in sorted(failed.items())]
    return summarize_failures(failed)


def rejected_lines(summary: ResolveSummary, verbose: bool) -> list[str]:
    """Rejected bars: one line when a run finds new ones, every message with --verbose.

    A rejected bar is asked for again on every run, so the same bad bars come
    back each time; saying so every run would bury anything new.
    """
    if verbose:
        return [
            f"rejected: {message}"
            for _, messages in sorted(summary.rejected_bars.items())
            for message in messages
        ]
    new = {symbol: n for symbol, n in sorted(summary.rejected_new.items()) if n}
    if not new:
        return []
    held = sum(summary.rejected_held.values())
    where = ", ".join(f"{symbol} {n}" for symbol, n in new.items())
    return [
        f"rejected {sum(new.values())} new bad bars ({where}); {held} bad bars held as gaps, "
        "asked for again each run; --verbose lists them"
    ]


def _print_summary(summary: ResolveSummary, verbose: bool = False) -> None:
    prefix = "dry run: would resolve" if summary.dry_run else "resolved"
    lines = [
        f"{prefix} {summary.resolved_true} true, {summary.resolved_false} false; "
        f"{summary.still_open} still open; {counted(summary.claims_checked, 'claim')} on "
        f"{counted(summary.symbols, 'symbol')} as of {summary.as_of} ({summary.price_source}, "
        f"{counted(summary.requests, 'request')})"
    ]
    if summary.bars_revised:
        lines.append(
            f"revised: {summary.bars_revised} cached bars revised by the source (old values "
            f"kept), {len(summary.revisions)} verdicts stood on them"
        )
    lines.extend(f"revised: {revision.line()}" for revision in summary.revisions)
    if summary.changed_on_recheck:
        lines.append(f"recheck: {summary.changed_on_recheck} resolutions changed (history kept)")
    if summary.open_reasons:
        reasons = ", ".join(
            f"{n} {r.replace('_', ' ')}" for r, n in sorted(summary.open_reasons.items())
        )
        lines.append(f"open: {reasons}")
    lines.extend(f"failed: {line}" for line in failure_lines(summary.failed_symbols, verbose))
    lines.extend(rejected_lines(summary, verbose))
    # Symbols and errors come from the ledger and the price source: shown, never interpreted.
    typer.echo("\n".join(printable(line) for line in lines))


def _resolve_by_hand(
    claim_id: int,
    outcome: str | None,
    note: str | None,
    force: bool,
    as_json: bool,
    db: str | None,
) -> None:
    from ledger.store.claims import get_claim, resolve_manually

    if outcome not in OUTCOMES:
        raise UsageError(
            f"forecast resolve {claim_id} needs --outcome true, false or void (and --note WHY)"
        )
    if not note or not note.strip():
        raise UsageError(
            f"a manual resolution needs --note: "
            f"forecast resolve {claim_id} --outcome {outcome} --note 'why'"
        )
    with ledger_session(db, write=True) as session:
        resolve_manually(session, claim_id, outcome, note.strip(), today=date.today(), force=force)
        detail = get_claim(session, claim_id)
    if as_json:
        render.print_json(detail.to_json())
    else:
        render.note(f"#{claim_id} resolved {outcome} by hand: {note.strip()}")


def runs(
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many runs to show.")] = 10,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Each failed symbol's own error, not one line per reason."
        ),
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Recent resolver runs, with their counts and errors."""
    from ledger.store.runs import recent_runs

    with ledger_session(db or STATE.db) as session:
        records = recent_runs(session, limit)
    if as_json:
        render.print_json([r.to_json() for r in records])
        return
    if not records:
        render.note("no resolver runs yet: 'forecast resolve'")
    for r in records:
        typer.echo(
            printable(
                f"#{r.id} {r.started_at:%Y-%m-%d %H:%M} as of {r.as_of} {r.price_source}: "
                f"{r.resolved_true} true, {r.resolved_false} false, {r.still_open} open, "
                f"{counted(r.failed_symbols, 'failed symbol')} [{r.state}]"
            )
        )
        for line in failure_lines(r.errors, verbose):
            typer.echo(printable(f"    {line}"))
        if r.bars_revised:
            typer.echo(f"    {r.bars_revised} cached bars revised by the source (old values kept)")
        for revision in r.revised:
            typer.echo(printable(f"    revised: {revision.line()}"))
