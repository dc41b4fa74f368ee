"""Time-stamps of heads on the command line: options shared by `head`, `verify`
and `verify-timestamp`, and the offline check `forecast verify-timestamp FILE`.

Off by default: no TSA is contacted unless the user names one (`--tsa URL`
or FORECAST_TSA_URL) *and* asks for a stamp (`head --timestamp`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ledger.cli.lazy import lazy_module
from ledger.errors import UsageError

if TYPE_CHECKING:
    from cryptography import x509

    from ledger.proof.timestamp import Stamp

render = lazy_module("ledger.cli.render")

TSA_URL_ENV = "FORECAST_TSA_URL"  # ledger.tsa.TSA_URL_ENV, without importing it for --help

TimestampOption = Annotated[
    bool,
    typer.Option(
        "--timestamp",
        help="Have a time-stamp authority (RFC 3161) sign the head, store its token in the "
        "ledger and print it with --json. Needs --tsa URL or FORECAST_TSA_URL.",
    ),
]
TsaOption = Annotated[
    str | None,
    typer.Option(
        "--tsa",
        help="The time-stamp authority's URL (default: $FORECAST_TSA_URL; none is built in). "
        "Implies --timestamp.",
        show_default=False,
    ),
]
TsaTimeoutOption = Annotated[
    float,
    typer.Option("--tsa-timeout", help="Seconds to wait for the TSA.", min=0.1, max=600),
]
TsaCertOption = Annotated[
    Path | None,
    typer.Option(
        "--tsa-cert",
        help="PEM file with the TSA's CA certificate (and any intermediates) to check the "
        "token's signature against.",
        show_default=False,
    ),
]


def tsa_url(option: str | None) -> str:
    """The TSA to ask: --tsa, else FORECAST_TSA_URL; UsageError saying how to name one."""
    from ledger.tsa import check_tsa_url

    url = option if option is not None else os.environ.get(TSA_URL_ENV, "").strip()
    if not url:
        raise UsageError(
            "--timestamp needs a time-stamp authority: give --tsa URL or set "
            f"{TSA_URL_ENV} (no TSA is built in; see 'Proving your record' in the README)"
        )
    return check_tsa_url(url)


def trusted_certificates(path: Path | None) -> list[x509.Certificate]:
    """The certificates in a --tsa-cert file (none without one); UsageError if unreadable."""
    if path is None:
        return []
    from ledger.proof.timestamp import CertificateFileError, load_certificates

    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"--tsa-cert {path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"--tsa-cert {path}: cannot read it ({exc.strerror})") from None
    try:
        return load_certificates(pem)
    except CertificateFileError as exc:
        raise UsageError(f"--tsa-cert {path}: {exc}") from None


def stamp_from_document(text: str, where: str) -> Stamp | None:
    """The stamp a published head carries, if it is JSON with a `timestamp`;
    UsageError for a malformed one."""
    from ledger.proof.timestamp import parse_stamped_head

    if not text.lstrip().startswith("{"):
        return None
    try:
        document = json.loads(text)
    except ValueError:
        return None  # parse_head says what is wrong with it
    if not isinstance(document, dict) or "timestamp" not in document:
        return None
    try:
        return parse_stamped_head(document)
    except ValueError as exc:
        raise UsageError(f"{where}: {exc}") from None


def check_stamp(stamp: Stamp, trusted: list[x509.Certificate]) -> tuple[list[str], dict[str, Any]]:
    """Problems with a published stamp, and what to report of it (JSON-ready).

    Without trusted certificates only the imprint can be checked: the report
    says so, since a token anyone could have made proves no time.
    """
    from ledger.proof.timestamp import TimestampError, check_token_imprint, verify_stamp

    try:
        if trusted:
            checked = verify_stamp(stamp.token, stamp.size, stamp.root, trusted)
            return [], {
                "gen_time": _moment(checked.gen_time),
                "signer": checked.signer,
                "signature_checked": True,
            }
        gen_time = check_token_imprint(stamp.token, stamp.size, stamp.root)
    except TimestampError as exc:
        return [f"timestamp: {exc}"], {"signature_checked": bool(trusted)}
    return [], {"gen_time": _moment(gen_time), "signature_checked": False}


def stamp_line(report: dict[str, Any]) -> str:
    when = _shown(report["gen_time"])
    if report.get("signature_checked"):
        return f"timestamp: {when}, signed by {report['signer']}"
    return f"timestamp: {when} (signature not checked)"


def _shown(moment: str) -> str:
    """An ISO time from a report as a person reads it: 2026-12-06 16:58:00 UTC."""
    return moment.replace("T", " ").replace("+00:00", " UTC")


UNCHECKED_NOTE = (
    "the head's timestamp names this head, but its signature was not checked: give "
    "--tsa-cert PEM (the TSA's CA certificate) to check who signed it"
)


def _moment(value: Any) -> str:
    return value.isoformat()


def verify_timestamp(
    file: Annotated[
        Path,
        typer.Argument(
            help="A timestamped head: the JSON 'forecast head --timestamp --json' printed "
            "(- for stdin)."
        ),
    ],
    tsa_cert: Annotated[
        Path,
        typer.Option(
            "--tsa-cert",
            help="PEM file with the TSA's CA certificate (and any intermediates).",
            show_default=False,
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Check a timestamped head offline, without a ledger: the token names the head and is
    signed by a TSA whose certificate chains to --tsa-cert. Prints the time it attests."""
    import sys

    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{file}: cannot read it ({exc})") from None
    trusted = trusted_certificates(tsa_cert)
    stamp = stamp_from_document(text, str(file))
    if stamp is None:
        raise UsageError(
            f"{file}: not a timestamped head: give the JSON 'forecast head --timestamp --json' "
            "printed"
        )
    problems, report = check_stamp(stamp, trusted)
    if as_json:
        head = {"ok": not problems, "size": stamp.size, "root": stamp.root}
        render.print_json({**head, **report, "problems": problems})
    elif problems:
        for problem in problems:
            render.line(problem)
    else:
        when = _shown(report["gen_time"])
        render.line(
            f"ok: head size={stamp.size} root={stamp.root} existed at {when}, "
            f"time-stamped by {report['signer']}"
        )
    if problems:
        render.note(f"forecast: verify-timestamp: {file}: the timestamp does not check")
        raise typer.Exit(1)
