"""forecast verify, head, prove, verify-proof: showing the record was not rewritten."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml

from ledger.cli.context import DbOption, JsonOption, check_id, ledger_engine
from ledger.cli.lazy import lazy_module
from ledger.cli.stamp import (
    UNCHECKED_NOTE,
    TimestampOption,
    TsaCertOption,
    TsaOption,
    TsaTimeoutOption,
    check_stamp,
    stamp_from_document,
    stamp_line,
    trusted_certificates,
    tsa_url,
    verify_timestamp,
)
from ledger.errors import UsageError

if TYPE_CHECKING:
    from ledger.proof.timestamp import Stamp

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")

try:
    SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    SafeLoader = yaml.SafeLoader


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)
    app.command("head")(head)
    app.command("prove")(prove)
    app.command("verify-proof")(verify_proof)
    app.command("verify-timestamp")(verify_timestamp)


def verify(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="An exported ledger (forecast export) to check offline.", show_default=False
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--head",
            help="A published head (the line 'forecast head' printed, its --json, SIZE:ROOT, "
            "or a file holding one): prove the ledger extends it.",
            show_default=False,
        ),
    ] = None,
    tsa_cert: TsaCertOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Check the ledger against its log: exit 0 with the tree size and root, or 1
    with one line per claim, resolution or entry that does not match. A --head
    with a timestamp has its token checked too (its signature with --tsa-cert)."""
    from ledger.proof.documents import DocumentError, check_export, parse_head
    from ledger.proving import attestation_note, check_published_head, verify_ledger

    if tsa_cert is not None and published is None:
        raise UsageError(
            "--tsa-cert checks the timestamp of a --head: give the timestamped head with "
            "--head (or use 'forecast verify-timestamp FILE')"
        )
    if file is not None:
        if published is not None:
            raise UsageError("give an exported FILE or --head, not both")
        try:
            problems, size, root = check_export(_read_document(file))
        except DocumentError as exc:
            raise UsageError(f"{file}: {exc}") from exc
        _report(problems, size, root, as_json, what=str(file))
        return
    engine = ledger_engine(db, write=False)
    try:
        if published is not None:
            text = _head_text(published)
            try:
                size, root = parse_head(text)
            except DocumentError as exc:
                raise UsageError(f"--head: {exc}") from exc
            stamp = stamp_from_document(text, "--head")
            if stamp is None and tsa_cert is not None:
                raise UsageError(
                    "--head carries no timestamp to check with --tsa-cert: give the JSON "
                    "'forecast head --timestamp --json' printed"
                )
            trusted = trusted_certificates(tsa_cert)
            problems, now_size, now_root = check_published_head(engine, size, root)
            stamp_report: dict[str, Any] | None = None
            if stamp is not None:
                stamp_problems, stamp_report = check_stamp(stamp, trusted)
                problems += stamp_problems
            _report(
                problems,
                now_size,
                now_root,
                as_json,
                what=f"the ledger (extending head {size}:{root})",
                timestamp=stamp_report,
            )
            return
        result = verify_ledger(engine)
    finally:
        engine.dispose()
    note = attestation_note(result.head)
    if note and not as_json:
        render.note(note)
    _report(list(result.problems), result.size, result.root, as_json, what="the ledger")


def _report(
    problems: list[str],
    size: int,
    root: str,
    as_json: bool,
    what: str,
    timestamp: dict[str, Any] | None = None,
) -> None:
    if as_json:
        data: dict[str, Any] = {"ok": not problems, "size": size, "root": root}
        if timestamp is not None:
            data["timestamp"] = timestamp
        render.print_json({**data, "problems": problems})
    elif problems:
        for problem in problems:
            render.line(problem)
    else:
        render.line(f"ok: {what} matches its log of {size} entries, root {root}")
        if timestamp is not None:
            render.line(stamp_line(timestamp))
    if timestamp is not None and not problems and not timestamp.get("signature_checked"):
        render.note(UNCHECKED_NOTE)
    if problems:
        render.note(f"forecast: verify: {len(problems)} problem(s) in {what}")
        raise typer.Exit(1)


def head(
    timestamp: TimestampOption = False,
    tsa: TsaOption = None,
    tsa_timeout: TsaTimeoutOption = 15.0,
    tsa_cert: TsaCertOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Print the current tree head (size, root, time) to publish: a post, a commit, a gist.
    With --timestamp, a time-stamp authority signs it first; --json carries its token."""
    from sqlmodel import Session

    from ledger.proof.documents import head_line
    from ledger.proving import attestation_note, head_json
    from ledger.store.prooflog import read_head

    stamping = timestamp or tsa is not None
    url = tsa_url(tsa) if stamping else None
    trusted = trusted_certificates(tsa_cert)
    if trusted and not stamping:
        raise UsageError("--tsa-cert checks a new timestamp: add --timestamp")
    engine = ledger_engine(db, write=False)
    try:
        stamp: Stamp | None = None
        if url is not None:
            from ledger.services.stamping import stamp_head
            from ledger.store.engine import is_read_only

            if is_read_only(engine.url):
                raise UsageError(
                    "--timestamp stores the token in the ledger, which is opened read-only "
                    "(mode=ro): drop the mode option"
                )
            current, stamp = stamp_head(engine, url, timeout=tsa_timeout, trusted=trusted)
        else:
            from ledger.store.timestamps import stored_stamps

            with Session(engine) as session:
                current = read_head(session)
                stamps = stored_stamps(session, current.size)
            matching = [s for s in stamps if s.root == current.root]
            stamp = matching[-1] if matching else None
    finally:
        engine.dispose()
    if as_json:
        from ledger.proof.timestamp import stamp_json

        data = head_json(current)
        if stamp is not None:
            data["timestamp"] = stamp_json(stamp)
        render.print_json(data)
    else:
        render.line(head_line(current.size, current.root, current.updated_at))
    note = attestation_note(current) if not as_json else None
    if note:
        render.note(note)
    if url is not None and stamp is not None:
        checked = "signature checked against --tsa-cert" if trusted else "signature not checked"
        render.note(
            f"time-stamped by {url}: {stamp.gen_time:%Y-%m-%d %H:%M:%S} UTC ({checked}); "
            "stored in the ledger, and 'forecast head --json' prints the token"
        )


def prove(
    claim_id: Annotated[int, typer.Argument(help="The claim's id.", callback=check_id)],
    db: DbOption = None,
) -> None:
    """Print an inclusion proof (JSON) of a claim's entries: its record, resolutions,
    status changes. Anyone can check it with 'forecast verify-proof FILE'."""
    from ledger.proving import prove_claim

    engine = ledger_engine(db, write=False)
    try:
        document = prove_claim(engine, claim_id)
    finally:
        engine.dispose()
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def verify_proof(
    file: Annotated[Path, typer.Argument(help="A proof from 'forecast prove', or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option("--head", help="Also require the proof's tree to be this published head."),
    ] = None,
) -> None:
    """Check an inclusion proof offline: exit 0 if every entry is in the tree it names."""
    from ledger.proof.documents import DocumentError, check_inclusion_document, parse_head

    document = _read_document(file)
    problems = check_inclusion_document(document)
    if published is not None and not problems:
        try:
            size, root = parse_head(_head_text(published))
        except DocumentError as exc:
            raise UsageError(f"--head: {exc}") from exc
        if (document.get("tree_size"), document.get("root")) != (size, root):
            problems.append(
                f"the proof is against size {document.get('tree_size')} root "
                f"{document.get('root')}, not the head given ({size}:{root})"
            )
    if problems:
        for problem in problems:
            render.line(problem)
        render.note(f"forecast: verify-proof: {len(problems)} problem(s)")
        raise typer.Exit(1)
    render.line(
        f"ok: {len(document['entries'])} entries in the tree of size {document['tree_size']}, "
        f"root {document['root']}"
    )


def _head_text(value: str) -> str:
    path = Path(value)
    if len(value) < 4096 and "\n" not in value and path.is_file():
        return path.read_text(encoding="utf-8")
    return value


def _read_document(file: Path) -> Any:
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UsageError(f"{file}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{file}: cannot read it ({exc})") from exc
    try:
        if text.lstrip().startswith(("{", "[")):
            return json.loads(text)
        return yaml.load(text, Loader=SafeLoader)
    except (ValueError, yaml.YAMLError) as exc:
        raise UsageError(f"{file}: neither JSON nor YAML ({str(exc).splitlines()[0]})") from exc
