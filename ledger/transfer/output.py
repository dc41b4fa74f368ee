"""Writing an export to a file without losing anything on the way.

`forecast export -o FILE` once overwrote the ledger it was reading with YAML
(exit 0), and ended in tracebacks for a missing directory or a directory. So:
the file is checked before the ledger is read (one line for each problem);
an existing file is replaced only with `force`, and never when it is the open
ledger (or its -wal, -shm or -journal file), force or not; the text goes to a
temporary file in the same directory that is renamed over the target, so a
reader never sees half an export and a full disk leaves the old file whole.
The text may come in pieces as it is read (`write_atomically` takes an
iterable of them): whatever stops it half-way, a full disk, a database error or
Ctrl-C, removes the temporary file and leaves no partial export.
The file is created 0600: an export holds everything the ledger holds.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ledger.errors import LedgerError, UsageError

_LEDGER_COMPANIONS = ("", "-wal", "-shm", "-journal")


def check_output(path: Path, *, force: bool, protected: Iterable[Path] = ()) -> None:
    """Refuse, with one line, a target that cannot or must not be written."""
    target = path.expanduser()
    for ledger in protected:
        if _is_ledger_file(target, ledger):
            raise UsageError(
                f"--output {path} is the ledger being exported: write the export elsewhere"
            )
    if target.is_dir():
        raise UsageError(
            f"--output {path} is a directory: give a file name, e.g. {path}/ledger.yaml"
        )
    if not target.parent.is_dir():
        raise UsageError(f"--output {path}: no such directory {target.parent}")
    if (target.exists() or target.is_symlink()) and not force:
        raise UsageError(f"--output {path} exists: add --force to replace it")


def write_atomically(path: Path, text: str | Iterable[str], *, force: bool) -> None:
    """Write `text` (a string, or its pieces in order) to `path` in one rename;
    without `force` never replace a file."""
    target = path.expanduser()
    try:
        fd, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise LedgerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                for piece in text:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, target)
        else:
            _link_without_replacing(temporary, target)
    except FileExistsError as exc:
        _remove(temporary)
        raise UsageError(f"--output {path} exists: add --force to replace it") from exc
    except OSError as exc:
        _remove(temporary)
        raise LedgerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:  # the pieces' source failed (or Ctrl-C): no partial file
        _remove(temporary)
        raise


def _link_without_replacing(temporary: str, target: Path) -> None:
    """Rename that fails if `target` exists: a hard link, then drop the temporary."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a filesystem without hard links: check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _is_ledger_file(target: Path, ledger: Path) -> bool:
    for suffix in _LEDGER_COMPANIONS:
        companion = ledger.with_name(ledger.name + suffix)
        if target.resolve() == companion.resolve():
            return True
        with contextlib.suppress(OSError):
            if target.exists() and companion.exists() and target.samefile(companion):
                return True
    return False


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
