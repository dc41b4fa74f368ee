"""The `forecast` command line.

`main()` is the one entry point (console script and `python -m ledger`). It
turns every error a user can cause into one line on stderr: exit code 2 for
usage errors (bad input, unknown ids), 1 for operational ones (database
unreachable), never a traceback.
"""

from __future__ import annotations

import gc
import sys
from typing import Annotated

import typer

from ledger.cli import (
    aliases,
    claims,
    db,
    extract,
    proof,
    resolve,
    review,
    scores,
    transfer,
    tui,
)
from ledger.cli.context import STATE, check_db
from ledger.errors import LedgerError, UnknownAssetError, UsageError
from ledger.safe_text import printable

try:  # typer >= 0.20 vendors its own click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer on upstream click
    from click import exceptions as click_exceptions

app = typer.Typer(
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


claims.register(app)
transfer.register(app)
resolve.register(app)
scores.register(app)
tui.register(app)
extract.register(app)
proof.register(app)
app.add_typer(aliases.alias_app, name="alias")
app.add_typer(db.db_app, name="db")
app.add_typer(review.review_app, name="review")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code."""
    sys.exit(run(argv))


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
        if code is None:
            raise
        return code
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
