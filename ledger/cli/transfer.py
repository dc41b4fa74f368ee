"""forecast import, forecast export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.cli.context import STATE, DbOption, JsonOption, collector_paused, ledger_session
from ledger.cli.lazy import lazy_module
from ledger.cli.level_warnings import far_levels, warning_line
from ledger.errors import ImportFileError, UsageError
from ledger.transfer import MAX_IMPORT_BYTES

# Rich and the record types load when a command renders, not for --help.
render = lazy_module("ledger.cli.render")


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)


def import_(
    file: Annotated[Path, typer.Argument(help="A YAML file (see predictions.example.yaml).")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file; write nothing.")
    ] = False,
    as_json: JsonOption = False,
    max_mb: Annotated[
        int,
        typer.Option("--max-mb", min=1, help="Refuse a file larger than this many megabytes."),
    ] = MAX_IMPORT_BYTES // 1_000_000,
    db: DbOption = None,
) -> None:
    """Import claims from YAML: all or nothing, and a second import adds nothing."""
    from ledger.store.claims import duplicate_differences, recorded_ids
    from ledger.store.first_fill import write_first_fill_once
    from ledger.store.imports import record_import
    from ledger.store.sources import user_aliases
    from ledger.transfer.yaml_import import default_today, read_import_text

    text = _read_bounded(file, max_mb * 1_000_000)
    with collector_paused(), ledger_session(db, write=True) as session:
        batch = read_import_text(
            text, path=str(file), aliases=user_aliases(session), today=default_today()
        )
        write_first_fill_once(session)  # before the transaction's first write
        # One lookup of the file's fingerprints serves the check and the recording.
        recorded = recorded_ids(session, batch.entries)
        differences = duplicate_differences(session, batch.entries, recorded)
        refused = [d for d in differences if d.changes_scores]
        if refused:
            raise ImportFileError(
                str(file),
                [
                    f"entry {d.position + 1} ({batch.entries[d.position].text!r}) is already"
                    f" recorded as #{d.claim_id} {d.said}: a recorded claim is never changed;"
                    " leave the difference out, or give a new call its own made_on and revises"
                    for d in refused
                ],
            )
        far = far_levels(session, [entry.claim for entry in batch.entries])
        result = record_import(session, batch, recorded)
        if dry_run:
            session.rollback()
    summary = {
        "file": str(file),
        "entries": len(batch.entries),
        "added": 0 if dry_run else len(result.added),
        "duplicates": len(result.duplicates),
        "dry_run": dry_run,
    }
    action = "check the level" if dry_run else "recorded as written; if it is a typo, void it"
    for number, (entry, problems) in enumerate(zip(batch.entries, far, strict=True), start=1):
        for problem in problems:
            render.note(warning_line(f"entry {number} ({entry.text!r}): {problem}", action))
    for d in differences:
        render.note(
            f"entry {d.position + 1} ({batch.entries[d.position].text!r}): #{d.claim_id} stays"
            f" as recorded, {d.said}: a recorded claim is never changed"
        )
    if as_json:
        render.print_json(summary)
        return
    verb = "would add" if dry_run else "added"
    count = len(batch.entries)
    message = f"{file}: {count} entr{'y' if count == 1 else 'ies'}, {verb} {len(result.added)}"
    if result.duplicates:
        message += f", {len(result.duplicates)} already in the ledger (skipped)"
    if not result.added and result.duplicates:
        message += ": nothing new"
    render.note(message)


def _read_bounded(file: Path, limit: int) -> str:
    """The file's text, refused whole when it is larger than `limit` bytes.

    Reads at most limit + 1 bytes, so a huge file (or an endless one, such
    as a device) fails fast without being read into memory.
    """
    try:
        with file.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError as exc:
        raise UsageError(f"{file}: no such file") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{file}: is a directory, not an import file (a .yaml file)") from exc
    except PermissionError as exc:
        raise UsageError(f"{file}: not readable (permission denied)") from exc
    except OSError as exc:
        raise UsageError(f"{file}: cannot read it ({exc.strerror or exc})") from exc
    if len(data) > limit:
        raise UsageError(
            f"{file}: larger than {limit / 1e6:,.0f} MB, nothing imported"
            " (split it, or raise the cap with --max-mb)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{file}: not UTF-8 text (byte {exc.start} is not): an import file is YAML text;"
            " save it as UTF-8"
        ) from exc


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml, csv or json.")] = "yaml",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it exists.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Export the whole ledger. YAML re-imports into an empty ledger with every field."""
    from ledger.store.engine import resolve_db_url, sqlite_path
    from ledger.store.export_reads import claim_batches, log_entry_batches, one_snapshot
    from ledger.store.prooflog import read_head
    from ledger.store.sources import source_summaries
    from ledger.transfer.export import FORMATS, ExportLog, export_chunks
    from ledger.transfer.output import check_output, write_atomically

    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    if output is not None:
        ledger_file = sqlite_path(resolve_db_url(db or STATE.db))
        check_output(output, force=force, protected=[ledger_file] if ledger_file else [])
    with ledger_session(db) as session, one_snapshot(session):
        log = None
        if fmt != "csv":
            head = read_head(session)
            log = ExportLog(head.size, head.root, log_entry_batches(session))
        claims = 0

        def counted(batches):
            nonlocal claims
            for batch in batches:
                claims += len(batch.claims) or len(batch.json_objects)
                yield batch

        # Read, rendered and written a batch at a time: memory stays that of one batch.
        chunks = export_chunks(
            fmt,
            source_summaries(session),
            counted(claim_batches(session, as_json=fmt != "yaml")),
            log,
        )
        if output is None:
            for chunk in chunks:
                typer.echo(chunk, nl=False)
        else:
            write_atomically(output, chunks, force=force)
    if output is not None:
        render.note(f"wrote {claims} claims to {output}")
