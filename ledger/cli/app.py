"""The `forecast` command line.

`main()` is the one entry point (console script and `python -m ledger`). It
turns every error a user can cause into one line on stderr: exit code 2 for
usage errors (bad input, unknown ids), 1 for operational ones (database
unreachable), never a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer

from ledger.cli.context import STATE, check_db
from ledger.cli.lazy import LazyCommand, lazy_group
from ledger.errors import LedgerError, UnknownAssetError, UsageError
from ledger.safe_text import printable

try:  # typer >= 0.20 vendors its own click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on upstream click
    from click import exceptions as click_exceptions

# Every command, in the order `forecast --help` lists them, with the module that
# defines it and the first paragraph of its help: a command's module is imported
# only when the command line names it (a test holds this table to the modules).
COMMANDS = (
    LazyCommand(
        "add", "ledger.cli.claims", "Record a claim: parse it, print it normalized, and store it."
    ),
    LazyCommand(
        "parse", "ledger.cli.claims", "Show how a claim would be read, without writing anything."
    ),
    LazyCommand("list", "ledger.cli.claims", "List recorded claims."),
    LazyCommand(
        "show",
        "ledger.cli.claims",
        "Show one claim: the normalized claim, its evidence and history, its revisions.",
    ),
    LazyCommand(
        "void",
        "ledger.cli.claims",
        "Void a claim with a reason. It stays in the ledger, out of every score.",
    ),
    LazyCommand("sources", "ledger.cli.claims", "List sources with their claim counts."),
    LazyCommand(
        "import",
        "ledger.cli.transfer",
        "Import claims from YAML: all or nothing, and a second import adds nothing.",
    ),
    LazyCommand(
        "export",
        "ledger.cli.transfer",
        "Export the whole ledger. YAML re-imports into an empty ledger with every field.",
    ),
    LazyCommand(
        "resolve",
        "ledger.cli.resolve",
        "Settle open claims against daily prices (run it from cron), or one claim by hand.",
    ),
    LazyCommand(
        "runs", "ledger.cli.resolve", "Recent resolver runs, with their counts and errors."
    ),
    LazyCommand(
        "score",
        "ledger.cli.scores",
        "Who to trust: hit rates with intervals, boldness, edge over the market, Brier and log"
        " scores.",
    ),
    LazyCommand(
        "calibration",
        "ledger.cli.scores",
        "Are the stated probabilities honest? Observed frequency per probability bin.",
    ),
    LazyCommand(
        "baseline",
        "ledger.cli.scores",
        "Compute what the market implied for each claim on the day it was made.",
    ),
    LazyCommand(
        "tui",
        "ledger.cli.tui",
        "Browse the ledger in a terminal UI: scoreboard, sources, claims, charts.",
    ),
    LazyCommand(
        "extract",
        "ledger.cli.extract",
        "Propose the claims in an article; record the ones you accept.",
    ),
    LazyCommand(
        "verify",
        "ledger.cli.proof",
        "Check the ledger against its log: exit 0 with the tree size and root, or 1\n"
        "with one line per claim, resolution or entry that does not match. A --head\n"
        "with a timestamp has its token checked too (its signature with --tsa-cert).",
    ),
    LazyCommand(
        "head",
        "ledger.cli.proof",
        "Print the current tree head (size, root, time) to publish: a post, a commit, a gist.\n"
        "With --timestamp, a time-stamp authority signs it first; --json carries its token.",
    ),
    LazyCommand(
        "prove",
        "ledger.cli.proof",
        "Print an inclusion proof (JSON) of a claim's entries: its record, resolutions,\n"
        "status changes. Anyone can check it with 'forecast verify-proof FILE'.",
    ),
    LazyCommand(
        "verify-proof",
        "ledger.cli.proof",
        "Check an inclusion proof offline: exit 0 if every entry is in the tree it names.",
    ),
    LazyCommand(
        "verify-timestamp",
        "ledger.cli.proof",
        "Check a timestamped head offline, without a ledger: the token names the head and is\n"
        "signed by a TSA whose certificate chains to --tsa-cert. Prints the time it attests.",
    ),
    LazyCommand(
        "alias",
        "ledger.cli.aliases",
        "Asset aliases of your own (rheinmetall -> RHM.DE).",
        sub_app="alias_app",
    ),
    LazyCommand("db", "ledger.cli.db", "The ledger's database schema.", sub_app="db_app"),
    LazyCommand(
        "review",
        "ledger.cli.review",
        "Verdicts that stood on repaired or close-only bars, and claims stuck open past their"
        " deadline: why, and what you can do (accept, rejudge, resolve by hand, void).",
        sub_app="review_app",
    ),
)

app = typer.Typer(
    cls=lazy_group(COMMANDS),
    name="forecast",
    help="Keep score of market predictions: record claims, resolve them, score the sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global_options(
    db_url: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Ledger to use: a file path or a SQLAlchemy URL (default: $FORECAST_DB, else "
            "a SQLite file in the user data directory).",
            show_default=False,
            callback=check_db,
        ),
    ] = None,
) -> None:
    STATE.db = db_url


# The math libraries' thread pools, for the variables they read when numpy loads.
# Set to see the traceback of an internal error instead of its one-line report.
DEBUG_VARIABLE = "FORECAST_DEBUG"
# sysexits.h's EX_SOFTWARE: the program failed, not the input (2) or the ledger (1).
INTERNAL_ERROR_CODE = 70

MATH_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_math_thread() -> None:
    """numpy's OpenBLAS starts a spinning thread per core at import, ~60 ms of CPU on two
    cores, for a command whose array work is elementwise and gains nothing from them; a
    value the user set is kept."""
    for name in MATH_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code."""
    one_math_thread()
    code = run(argv)
    exit_without_collecting()
    sys.exit(code)


def exit_without_collecting() -> None:
    """Keep the interpreter's shutdown from walking every object the command made.

    While it tears modules down, Python runs full cyclic collections over all
    that is alive, whether or not the collector is enabled: every SQLAlchemy,
    pydantic and typing structure a command imported, a quarter of the CPU of
    `forecast show` on a small ledger. Frozen objects are out of their sight;
    the process is ending and the OS takes the memory back. Nothing waits on
    those passes: a command closes its connections and files itself.
    """
    gc.freeze()


def run(argv: list[str] | None = None) -> int:
    # A command is a short batch job that builds hundreds of thousands of small
    # objects (YAML nodes, rows, records) and frees them at exit. With the
    # default thresholds the cyclic collector re-scans them all over and over
    # (4x the time of a 100k-entry import); collect far less often instead.
    gc.set_threshold(100_000, 50, 1000)
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="forecast", standalone_mode=False)
    except click_exceptions.NoArgsIsHelpError:
        return 0  # the help text has been printed
    except click_exceptions.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx else "forecast"
        _error(f"{path}: {exc.format_message()} (see '{path} --help')")
        return 2
    except typer.Abort:
        _error("aborted")
        return 130
    except typer.Exit as exc:
        return exc.exit_code
    except UnknownAssetError as exc:
        from ledger.cli.asset_help import unknown_asset_message  # may ask Yahoo

        _error(unknown_asset_message(exc))
        return 2
    except UsageError as exc:
        _error(str(exc))
        return 2
    except LedgerError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:
        code = _database_error(exc)
        if code is not None:
            return code
        if os.environ.get(DEBUG_VARIABLE):
            raise
        return _internal_error(exc)
    finally:
        STATE.db = None
    return result if isinstance(result, int) else 0


def _database_error(exc: Exception) -> int | None:
    """Report a database error in one line and give its exit code; None if it is not one.

    SQLAlchemy is imported by the commands that open a ledger, not by the
    CLI's start-up: if it was never imported, the error cannot be one of its.
    """
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

    if isinstance(exc, IntegrityError):
        _error(f"the ledger refused the change: {_first_line(exc.orig)}")
        return 2
    if isinstance(exc, OperationalError):
        _error(f"database error: {_first_line(exc.orig)}")
        return 1
    if isinstance(exc, SQLAlchemyError):
        _error(f"database error: {_first_line(exc)}")
        return 1
    return None


def _internal_error(exc: Exception) -> int:
    """Report a bug of the program itself in one line, with how to see the traceback.

    Whatever the command was writing is rolled back with its transaction, so the
    ledger is as it was; the user needs to know it is not their input that is wrong.
    """
    _error(
        f"internal error ({exc.__class__.__name__}: {_first_line(exc)}); "
        "this is a bug in forecast, not in your input: "
        f"run again with {DEBUG_VARIABLE}=1 to see where, and report it"
    )
    return INTERNAL_ERROR_CODE


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def _error(message: str) -> None:
    # A message may quote stored text (a source name, a claim): its control
    # characters are shown as escapes, never sent to the terminal.
    lines = printable(message, keep_newlines=True).rstrip("\n").split("\n")
    sys.stderr.write(f"forecast: error: {lines[0]}\n")
    for extra in lines[1:]:
        sys.stderr.write(f"  {extra}\n")
